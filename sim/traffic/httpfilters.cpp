#include "sim/traffic/httpfilters.h"

#include "sim/traffic/corsfilter.h"

namespace sim::traffic {
namespace {

void applyRequestFilters(const std::vector<api::HTTPRouteFilter> &filters, const CompiledMatch &match, HttpRequest &upstream,
                         Trace *trace)
{
    for (const api::HTTPRouteFilter &filter : filters) {
        if (filter.type == "RequestHeaderModifier" && filter.requestHeaderModifier) {
            HttpFilters::applyHeaderFilter(*filter.requestHeaderModifier, upstream.headers);
            if (trace)
                trace->add("filter", "RequestHeaderModifier", "headers set, added or removed before the request goes on");
        } else if (filter.type == "URLRewrite" && filter.urlRewrite) {
            std::string before = upstream.host.str() + upstream.path;
            if (filter.urlRewrite->hostname)
                upstream.host = *filter.urlRewrite->hostname;
            if (filter.urlRewrite->path)
                upstream.path = HttpFilters::modifiedPath(*filter.urlRewrite->path, match, upstream.path);
            if (trace)
                trace->add("filter", "URLRewrite: " + before + " -> " + upstream.host + upstream.path, "the client never sees the rewrite");
        }
    }
}

} // namespace

void HttpFilters::applyHeaderFilter(const api::HTTPHeaderFilter &filter, HttpHeaders &headers)
{
    for (const api::HTTPHeader &h : filter.set)
        headers.set(h.name, h.value);
    for (const api::HTTPHeader &h : filter.add)
        headers.add(h.name, h.value);
    for (const std::string &name : filter.remove)
        headers.remove(name);
}

std::string HttpFilters::modifiedPath(const api::HTTPPathModifier &modifier, const CompiledMatch &match, const std::string &path)
{
    if (modifier.type == "ReplaceFullPath")
        return modifier.replaceFullPath;
    if (modifier.type != "ReplacePrefixMatch" || match.pathKind != CompiledMatch::PathKind::Prefix)
        return path;
    std::string_view prefix = match.path;
    while (!prefix.empty() && prefix.back() == '/')
        prefix.remove_suffix(1);
    std::string_view rest = std::string_view(path).substr(std::min(prefix.size(), path.size()));
    std::string_view replacement = modifier.replacePrefixMatch;
    while (!replacement.empty() && replacement.back() == '/')
        replacement.remove_suffix(1);
    std::string out = std::string(replacement) + std::string(rest);
    return out.empty() ? "/" : out;
}

std::string HttpFilters::redirectLocation(const api::HTTPRequestRedirectFilter &filter, const CompiledMatch &match,
                                          const CompiledListener &listener, const HttpRequest &request)
{
    std::string scheme = filter.scheme.value_or(request.scheme);
    std::string host = filter.hostname.value_or(request.host);
    std::int32_t port = listener.port;
    if (filter.port)
        port = *filter.port;
    else if (filter.scheme && defaultPort(*filter.scheme) != 0)
        port = defaultPort(*filter.scheme);
    std::string path = filter.path ? modifiedPath(*filter.path, match, request.path) : request.path.str();
    std::string out = scheme + "://" + host;
    // The spec: no port in Location for http on 80 and https on 443.
    if (port != defaultPort(scheme))
        out += ":" + std::to_string(port);
    out += path;
    if (!request.query.empty())
        out += "?" + request.query;
    return out;
}

std::string HttpFilters::nginxRewrite(const std::regex &pathRegex, const std::string &target, const std::string &path)
{
    std::smatch m;
    if (!std::regex_search(path, m, pathRegex))
        return path;
    std::string out;
    for (std::size_t i = 0; i < target.size(); ++i) {
        if (target[i] == '$' && i + 1 < target.size() && target[i + 1] >= '1' && target[i + 1] <= '9') {
            auto group = static_cast<std::size_t>(target[i + 1] - '0');
            if (group < m.size())
                out += m[group].str();
            ++i;
        } else {
            out += target[i];
        }
    }
    return out;
}

HttpRequest HttpFilters::upstreamRequest(const RoutingDecision &decision, const HttpRequest &request, Trace *trace)
{
    HttpRequest upstream = request;
    upstream.headers.add("x-forwarded-for", request.clientIp.empty() ? "203.0.113.200" : request.clientIp);
    upstream.headers.set("x-forwarded-proto", request.scheme);
    if (decision.rule && decision.match) {
        applyRequestFilters(decision.rule->filters, *decision.match, upstream, trace);
        if (const CompiledBackendRef *backend = decision.backendRef())
            applyRequestFilters(backend->filters, *decision.match, upstream, trace);
    }
    if (decision.location && decision.location->rewriteTarget && decision.location->regex) {
        std::string rewritten = nginxRewrite(*decision.location->regex, *decision.location->rewriteTarget, upstream.path);
        auto question = rewritten.find('?');
        if (question != std::string::npos) {
            upstream.query = rewritten.substr(question + 1);
            rewritten.resize(question);
        }
        if (trace)
            trace->add("rewrite", "rewrite-target: " + upstream.path + " -> " + rewritten, "nginx replaces the whole path with the target, captures substituted");
        upstream.path = rewritten.empty() ? "/" : rewritten;
    }
    return upstream;
}

void HttpFilters::applyResponseFilters(const RoutingDecision &decision, const HttpRequest &request, HttpHeaders &response, Trace *trace)
{
    // cors: the CORS filters' allowOrigins as compiled, one per CORS filter in the same order.
    auto apply = [&](const std::vector<api::HTTPRouteFilter> &filters, const std::vector<CompiledCors> &cors) {
        std::size_t nextCors = 0;
        for (const api::HTTPRouteFilter &filter : filters) {
            if (filter.type == "ResponseHeaderModifier" && filter.responseHeaderModifier) {
                applyHeaderFilter(*filter.responseHeaderModifier, response);
                if (trace)
                    trace->add("filter", "ResponseHeaderModifier", "response headers changed on the way back to the client");
            } else if (filter.type == "CORS" && filter.cors) {
                const CompiledCors &origins = cors[nextCors++];
                if (!request.headers.has("origin"))
                    continue;
                const bool allowed = CorsFilter::addResponseHeaders(*filter.cors, origins, request, response);
                if (trace)
                    trace->add("filter", "CORS", CorsFilter::explain(*filter.cors, request, allowed));
            }
        }
    };
    if (decision.rule)
        apply(decision.rule->filters, decision.rule->cors);
    if (const CompiledBackendRef *backend = decision.backendRef())
        apply(backend->filters, backend->cors);
}

std::string HttpFilters::unresolvedExtension(const api::LocalObjectReference &ref)
{
    return "ExtensionRef filter " + ref.kind + (ref.group.empty() ? "" : "." + ref.group) + " " + ref.name
           + " cannot be resolved: kubesim runs no extension controller, and the spec forbids skipping such a filter, so "
             "the requests it would process get an error";
}

} // namespace sim::traffic
