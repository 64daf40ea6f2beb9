#include "sim/traffic/exchangeformat.h"

#include "sim/manifest/yamlwriter.h"

#include <yaml-cpp/yaml.h>

namespace sim::traffic {
namespace {

using manifest::stringNode;

YAML::Node null() { return YAML::Node(YAML::NodeType::Null); }

YAML::Node headersNode(const HttpHeaders &headers)
{
    YAML::Node node(YAML::NodeType::Map);
    for (const auto &[name, value] : headers.fields())
        node[name] = stringNode(value);
    return node;
}

} // namespace

std::string ExchangeFormat::toJson(const Exchange &e)
{
    YAML::Node root(YAML::NodeType::Map);
    root["status"] = e.status;
    if (e.backend) {
        YAML::Node b;
        b["namespace"] = stringNode(e.backend->namespace_);
        b["name"] = stringNode(e.backend->name);
        b["port"] = e.backend->port;
        root["backend"] = b;
    } else {
        root["backend"] = null();
    }
    root["pod"] = e.pod.empty() ? null() : stringNode(e.pod);
    if (e.upstream) {
        YAML::Node u;
        u["method"] = stringNode(e.upstream->method.str());
        u["scheme"] = stringNode(e.upstream->scheme.str());
        u["host"] = stringNode(e.upstream->host.str());
        u["path"] = stringNode(e.upstream->pathAndQuery());
        u["headers"] = headersNode(e.upstream->headers);
        root["upstream"] = u;
    } else {
        root["upstream"] = null();
    }
    YAML::Node response;
    response["headers"] = headersNode(e.responseHeaders);
    root["response"] = response;
    root["location"] = e.location.empty() ? null() : stringNode(e.location);
    if (e.route) {
        YAML::Node r;
        r["kind"] = stringNode(e.route->kind);
        r["namespace"] = stringNode(e.route->namespace_);
        r["name"] = stringNode(e.route->name);
        r["rule"] = e.route->rule;
        root["route"] = r;
    } else {
        root["route"] = null();
    }
    YAML::Node mirrored(YAML::NodeType::Sequence);
    for (const std::string &m : e.mirroredTo)
        mirrored.push_back(stringNode(m));
    root["mirroredTo"] = mirrored;
    YAML::Node trace(YAML::NodeType::Sequence);
    for (const TraceStep &step : e.trace.steps()) {
        YAML::Node s;
        s["stage"] = stringNode(step.stage);
        s["decision"] = stringNode(step.decision);
        s["why"] = stringNode(step.why);
        trace.push_back(s);
    }
    root["trace"] = trace;
    return manifest::writeJson(root);
}

std::string ExchangeFormat::toText(const Exchange &e)
{
    std::string out = e.request.method + " " + e.request.url() + "\n";
    out += !e.isComplete ? std::string("in flight: no answer yet") : e.status ? "HTTP " + std::to_string(e.status) : "no answer: " + e.failure;
    if (!e.location.empty())
        out += " -> " + e.location;
    out += "\n\n" + e.trace.toText();
    if (e.upstream) {
        out += "\nthe pod " + e.pod + " received:\n  " + e.upstream->method + " " + e.upstream->host + e.upstream->pathAndQuery() + "\n";
        for (const auto &[name, value] : e.upstream->headers.fields())
            out += "  " + name + ": " + value + "\n";
    }
    if (!e.responseHeaders.empty()) {
        out += "\nresponse headers:\n";
        for (const auto &[name, value] : e.responseHeaders.fields())
            out += "  " + name + ": " + value + "\n";
    }
    return out;
}

} // namespace sim::traffic
