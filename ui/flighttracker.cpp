#include "ui/flighttracker.h"

#include "sim/simulation.h"
#include "sim/topology/topologybuilder.h"
#include "sim/topology/topologygraph.h"

#include <sstream>

namespace ui {
namespace {

namespace ids = sim::topology::ids;
using sim::metrics::Scope;

// A request is forgotten this long after its last forward hop if no end was ever reported.
constexpr sim::engine::SimTime kForgetAfter = 30 * sim::engine::kSecond;

std::pair<std::string, std::string> splitKey(const std::string &key)
{
    const auto slash = key.find('/');
    if (slash == std::string::npos)
        return {"", key};
    return {key.substr(0, slash), key.substr(slash + 1)};
}

// The canvas node of a metric series, from the series' name as the traffic compilers write it.
std::string nodeIdFor(const sim::Simulation &simulation, Scope scope, const std::string &name)
{
    auto startsWith = [&](const char *prefix) { return name.rfind(prefix, 0) == 0; };
    switch (scope) {
    case Scope::Entry:
        if (startsWith("Gateway ")) {
            const std::string key = name.substr(8, name.find(' ', 8) - 8);
            const auto [ns, gw] = splitKey(key);
            return ids::gateway(ns, gw);
        }
        if (startsWith("IngressClass "))
            return ids::ingressController(name.substr(13));
        if (startsWith("Service ")) {
            const auto [ns, svc] = splitKey(name.substr(8));
            auto obj = simulation.store().get(sim::api::Kind::Service, ns, svc);
            const bool isLb = obj && obj->as<sim::api::Service>().spec.type == "LoadBalancer";
            return isLb ? ids::loadBalancer(ns, svc) : ids::nodePort(ns, svc);
        }
        return {};
    case Scope::Rule: {
        // "HTTPRoute ns/name rule R" or "Ingress ns/name rule R path P"
        std::istringstream in(name);
        std::string kind, key, word;
        int rule = 0, path = 0;
        in >> kind >> key >> word >> rule;
        const auto [ns, object] = splitKey(key);
        if (kind == "HTTPRoute")
            return ids::routeRule(ns, object, rule);
        if (kind != "Ingress" || !(in >> word >> path))
            return {};
        // The canvas numbers an Ingress's paths across its rules.
        auto ingress = simulation.store().get(sim::api::Kind::Ingress, ns, object);
        if (!ingress)
            return {};
        int flat = path;
        const auto &rules = ingress->as<sim::api::Ingress>().spec.rules;
        for (int r = 0; r < rule && r < static_cast<int>(rules.size()); ++r)
            flat += static_cast<int>(rules[static_cast<std::size_t>(r)].paths.size());
        return ids::ingressRule(ns, object, flat);
    }
    case Scope::Service: {
        const auto [ns, svc] = splitKey(name);
        return ids::service(ns, svc);
    }
    case Scope::Pod: {
        const auto [ns, pod] = splitKey(name);
        return ids::pod(ns, pod);
    }
    case Scope::Backend: return {};
    }
    return {};
}

} // namespace

const std::string &FlightTracker::nodeIdOf(const sim::Simulation &simulation, std::uint32_t series)
{
    static const std::string none;
    const auto &metrics = const_cast<sim::Simulation &>(simulation).traffic().metrics();
    if (series >= metrics.size())
        return none;
    if (series >= m_nodeIds.size()) {
        m_nodeIds.resize(series + 1);
        m_resolved.resize(series + 1, false);
    }
    if (!m_resolved[series]) {
        const sim::metrics::MetricSeries &s = metrics.series(series);
        m_nodeIds[series] = nodeIdFor(simulation, s.scope(), s.name());
        m_resolved[series] = true;
    }
    return m_nodeIds[series];
}

std::string FlightTracker::versionOf(const sim::Simulation &simulation, const std::vector<FlightHop> &hops) const
{
    std::string service;
    for (const FlightHop &hop : hops) {
        if (hop.nodeId.rfind("pod:", 0) == 0) {
            const auto [ns, name] = splitKey(hop.nodeId.substr(4));
            if (auto pod = simulation.store().get(sim::api::Kind::Pod, ns, name))
                if (std::string v = sim::topology::versionLabel(pod->metadata.labels); !v.empty())
                    return v;
        }
        if (hop.nodeId.rfind("service:", 0) == 0)
            service = splitKey(hop.nodeId.substr(8)).second;
    }
    return service;
}

RequestFlight FlightTracker::convert(const sim::Simulation &simulation, const sim::traffic::Flight &flight)
{
    RequestFlight out;
    out.id = flight.id;
    out.status = flight.status;
    out.isFailed = flight.isFailed;
    out.isFinished = flight.isFinished;
    out.exchange = flight.exchange;
    // Forward hops only: they come in the order of the path (client, entry, rule, Service, pod); the way back follows.
    int lastKind = -1;
    for (const sim::traffic::FlightHop &hop : flight.hops) {
        const int kind = static_cast<int>(hop.kind);
        if (kind <= lastKind)
            break;
        lastKind = kind;
        const std::string &node = hop.kind == sim::traffic::FlightHop::Kind::Client ? ids::client()
                                                                                      : nodeIdOf(simulation, hop.series);
        if (!node.empty())
            out.hops.push_back({node, hop.at});
    }
    out.version = versionOf(simulation, out.hops);
    return out;
}

void FlightTracker::update(sim::Simulation &simulation, sim::engine::SimTime linger)
{
    for (const sim::traffic::Flight &flight : simulation.traffic().takeFlights()) {
        RequestFlight converted = convert(simulation, flight);
        if (converted.hops.size() < 2)
            continue;
        m_flights[flight.id] = std::move(converted);
    }
    const sim::engine::SimTime now = simulation.engine().now();
    for (auto it = m_flights.begin(); it != m_flights.end();) {
        const sim::engine::SimTime end = it->second.hops.back().at;
        const bool drawn = it->second.isFinished ? end + linger < m_lastNow : end + std::max(linger, kForgetAfter) < now;
        it = drawn ? m_flights.erase(it) : std::next(it);
    }
    m_lastNow = now;
}

std::vector<const RequestFlight *> FlightTracker::flights() const
{
    std::vector<const RequestFlight *> out;
    out.reserve(m_flights.size());
    for (const auto &[id, flight] : m_flights)
        out.push_back(&flight);
    return out;
}

void FlightTracker::clear()
{
    m_flights.clear();
    m_nodeIds.clear();
    m_resolved.clear();
    m_lastNow = 0;
}

} // namespace ui
