#include "sim/scenario/trafficdriver.h"

#include "sim/simulation.h"
#include "sim/traffic/trafficsystem.h"

namespace sim::scenario {

namespace {

traffic::EntryPoint toEntry(const EntryPoint &entry)
{
    switch (entry.type) {
    case EntryPoint::Type::Gateway:
        return traffic::EntryPoint::gateway(entry.object.namespace_, entry.object.name, entry.listener);
    case EntryPoint::Type::IngressClass:
        return traffic::EntryPoint::ingressClass(entry.object.name);
    case EntryPoint::Type::Service:
        return traffic::EntryPoint::service(entry.object.namespace_, entry.object.name);
    case EntryPoint::Type::Auto:
        break;
    }
    return traffic::EntryPoint{};
}

std::optional<traffic::HttpRequest> toRequest(const RequestSpec &spec, std::string &error)
{
    auto request = traffic::HttpRequest::fromUrl(spec.url, &error);
    if (!request)
        return std::nullopt;
    request->method = spec.method;
    for (const auto &[name, value] : spec.headers)
        request->addClientHeader(name, value);
    return request;
}

} // namespace

TrafficDriver::TrafficDriver(Simulation &simulation) : m_simulation(simulation)
{
    traffic::TrafficSystem &system = simulation.traffic();
    system.addObserver([this, &system](const traffic::Completion &completion) {
        if (completion.generator == traffic::Completion{}.generator)
            return;  // a single request (a status check, curl): not part of any sample
        const std::string backend = completion.serviceSeries == traffic::Completion{}.serviceSeries
                                        ? std::string()
                                        : system.metrics().series(completion.serviceSeries).name();
        m_log.record(completion.at, system.loadSpec(completion.generator).name, completion.status, backend,
                     completion.status == 0);
    });
}

std::optional<std::string> TrafficDriver::start(const StartTrafficAction &action)
{
    if (m_running.count(action.name))
        return "traffic generator " + action.name + " is already running";
    std::string error;
    auto request = toRequest(action.request, error);
    if (!request)
        return "url " + action.request.url + ": " + error;
    traffic::LoadSpec spec;
    spec.name = action.name;
    spec.entry = toEntry(action.request.entry);
    spec.templates.push_back({*request, 1});
    spec.rate = action.rate;
    spec.clients = static_cast<std::uint32_t>(action.clients);
    m_running[action.name] = m_simulation.traffic().startLoad(std::move(spec));
    return std::nullopt;
}

std::optional<std::string> TrafficDriver::stop(const std::string &name, std::string *summary)
{
    const auto it = m_running.find(name);
    if (it == m_running.end())
        return "no traffic generator " + name + " is running";
    traffic::TrafficSystem &system = m_simulation.traffic();
    system.stopLoad(it->second);
    if (summary) {
        const traffic::LoadCounters &c = system.counters(it->second);
        *summary = std::to_string(c.generated) + " sent, " + std::to_string(c.answered) + " answered, " +
                   std::to_string(c.dropped) + " dropped, " + std::to_string(c.inFlight()) + " in flight";
    }
    m_running.erase(it);
    return std::nullopt;
}

RequestOutcome TrafficDriver::send(const RequestSpec &spec)
{
    RequestOutcome outcome;
    auto request = toRequest(spec, outcome.error);
    if (!request)
        return outcome;
    const traffic::Exchange exchange = m_simulation.traffic().exchange(toEntry(spec.entry), *request);
    outcome.status = exchange.status;
    outcome.error = exchange.failure;
    if (exchange.backend)
        outcome.backend = exchange.backend->namespace_ + "/" + exchange.backend->name;
    outcome.location = exchange.location;
    if (exchange.upstream) {
        outcome.upstreamPath = exchange.upstream->pathAndQuery();
        for (const auto &[name, value] : exchange.upstream->headers.fields())
            outcome.upstreamHeaders.emplace_back(traffic::HttpHeaders::normalize(name), value);
    }
    return outcome;
}

} // namespace sim::scenario
