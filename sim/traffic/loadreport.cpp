#include "sim/traffic/loadreport.h"

#include "sim/manifest/yamlwriter.h"
#include "sim/metrics/shareinterval.h"

#include <cstdio>
#include <set>
#include <yaml-cpp/yaml.h>

namespace sim::traffic {
namespace {

using manifest::stringNode;

std::uint64_t countOf(const std::vector<std::uint64_t> &counts, std::uint32_t id) { return id < counts.size() ? counts[id] : 0; }

void addSplit(LoadReport &report, const std::string &route, std::uint32_t rule,
              const std::vector<std::pair<std::string, std::uint32_t>> &backends,  // "ns/name", series
              const std::vector<double> &configured, const LoadCounters &counters)
{
    std::uint64_t total = 0;
    for (const auto &[name, series] : backends)
        total += countOf(counters.byBackendSeries, series);
    if (total == 0)
        return;
    for (std::size_t i = 0; i < backends.size(); ++i) {
        std::uint64_t hits = countOf(counters.byBackendSeries, backends[i].second);
        metrics::ShareInterval ci = metrics::ShareInterval::wilson(hits, total);
        report.splits.push_back(SplitReport{route, rule, backends[i].first, configured[i],
                                            static_cast<double>(hits) / static_cast<double>(total), ci.low, ci.high});
    }
}

void collectSplits(LoadReport &report, const RoutingTable &table, const LoadCounters &counters)
{
    std::set<std::uint32_t> seen;  // a rule attached to several listeners is reported once
    for (const CompiledGateway &gateway : table.gateways) {
        for (const CompiledListener &listener : gateway.listeners) {
            for (const CompiledRule &rule : listener.rules) {
                if (rule.backends.size() < 2 || !seen.insert(rule.metricId).second)
                    continue;
                std::vector<std::pair<std::string, std::uint32_t>> backends;
                std::vector<double> configured;
                for (const CompiledBackendRef &b : rule.backends) {
                    backends.emplace_back(b.key(), b.metricId);
                    configured.push_back(rule.totalWeight ? static_cast<double>(b.weight) / static_cast<double>(rule.totalWeight) : 0.0);
                }
                addSplit(report, "HTTPRoute " + rule.routeKey(), rule.ruleIndex, backends, configured, counters);
            }
        }
    }
    for (const CompiledIngressController &controller : table.ingressControllers) {
        for (const IngressServer &server : controller.servers) {
            for (const IngressLocation &location : server.locations) {
                if (!location.canary)
                    continue;
                double canary = static_cast<double>(location.canary->weight) / std::max(100.0, static_cast<double>(location.canary->weightTotal));
                addSplit(report, "Ingress " + location.ingressKey(), location.ruleIndex,
                         {{location.backend.key(), location.backend.metricId}, {location.canary->backend.key(), location.canary->backend.metricId}},
                         {1.0 - canary, canary}, counters);
            }
        }
    }
}

double ms(engine::SimTime t) { return static_cast<double>(t) / 1000.0; }

YAML::Node counts(const std::map<std::string, std::uint64_t> &m)
{
    YAML::Node node(YAML::NodeType::Map);
    for (const auto &[key, n] : m)
        node[key] = n;
    return node;
}

std::string fixed(double v, int digits)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
    return buffer;
}

} // namespace

LoadReport LoadReport::of(TrafficSystem &traffic, std::uint32_t generator)
{
    const LoadCounters &c = traffic.counters(generator);
    const metrics::MetricsRegistry &registry = traffic.metrics();
    LoadReport report;
    report.requests = c.generated;
    for (std::uint32_t id = 0; id < c.byServiceSeries.size(); ++id) {
        if (c.byServiceSeries[id])
            report.byBackend[registry.series(id).name()] = c.byServiceSeries[id];
    }
    for (std::uint32_t id = 0; id < c.byPodSeries.size(); ++id) {
        if (c.byPodSeries[id])
            report.byPod[registry.series(id).name()] = c.byPodSeries[id];
    }
    for (std::size_t s = 0; s < c.byStatus.size(); ++s) {
        if (c.byStatus[s])
            report.byStatus[std::to_string(s)] = c.byStatus[s];
    }
    for (const auto &[reason, n] : c.droppedBy)
        report.dropped[reason] = n;
    report.p50 = ms(c.latency.percentile(0.50));
    report.p90 = ms(c.latency.percentile(0.90));
    report.p99 = ms(c.latency.percentile(0.99));
    collectSplits(report, *traffic.table(), c);
    return report;
}

std::string LoadReport::toJson() const
{
    YAML::Node root(YAML::NodeType::Map);
    root["requests"] = requests;
    root["byBackend"] = counts(byBackend);
    root["byPod"] = counts(byPod);
    root["byStatus"] = counts(byStatus);
    root["dropped"] = counts(dropped);
    YAML::Node latency;
    latency["p50"] = p50;
    latency["p90"] = p90;
    latency["p99"] = p99;
    root["latencyMs"] = latency;
    YAML::Node list(YAML::NodeType::Sequence);
    for (const SplitReport &s : splits) {
        YAML::Node n;
        n["route"] = stringNode(s.route);
        n["rule"] = s.rule;
        n["backend"] = stringNode(s.backend);
        n["configured"] = s.configured;
        n["observed"] = s.observed;
        YAML::Node ci(YAML::NodeType::Sequence);
        ci.push_back(s.low);
        ci.push_back(s.high);
        n["ci95"] = ci;
        list.push_back(n);
    }
    root["splits"] = list;
    return manifest::writeJson(root);
}

std::string LoadReport::toText() const
{
    std::string out = "requests: " + std::to_string(requests) + "\n";
    auto section = [&](const char *title, const std::map<std::string, std::uint64_t> &m) {
        if (m.empty())
            return;
        out += std::string(title) + ":\n";
        for (const auto &[key, n] : m)
            out += "  " + key + "  " + std::to_string(n) + "\n";
    };
    section("by backend", byBackend);
    section("by pod", byPod);
    section("by status", byStatus);
    section("dropped", dropped);
    out += "latency: p50 " + fixed(p50, 1) + " ms, p90 " + fixed(p90, 1) + " ms, p99 " + fixed(p99, 1) + " ms\n";
    for (const SplitReport &s : splits)
        out += "split " + s.route + " rule " + std::to_string(s.rule) + " -> " + s.backend + ": configured " + fixed(100 * s.configured, 1)
            + " %, observed " + fixed(100 * s.observed, 1) + " % (95 % CI " + fixed(100 * s.low, 1) + "-" + fixed(100 * s.high, 1) + " %)\n";
    return out;
}

} // namespace sim::traffic
