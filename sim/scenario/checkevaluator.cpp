#include "sim/scenario/checkevaluator.h"

#include "sim/api/object.h"
#include "sim/controllers/loadbalancercontroller.h"
#include "sim/metrics/shareinterval.h"
#include "sim/scenario/describe.h"
#include "sim/scenario/overloaded.h"
#include "sim/scenario/trafficdriver.h"
#include "sim/simulation.h"

#include <algorithm>

namespace sim::scenario {

namespace {

bool inRange(std::int64_t value, std::int64_t min, std::int64_t max)
{
    return value >= min && value <= max;
}

std::string requests(std::uint64_t n)
{
    return std::to_string(n) + (n == 1 ? " request" : " requests");
}

// "181 of 1803 requests (10.0 %, 95 % interval 8.7 %-11.5 %)": the interval says how much the share can be trusted.
std::string shareText(std::uint64_t hits, std::uint64_t total)
{
    const metrics::ShareInterval interval = metrics::ShareInterval::wilson(hits, total);
    return std::to_string(hits) + " of " + requests(total) + " (" +
           formatShare(static_cast<double>(hits) / static_cast<double>(total)) + ", 95% interval " +
           formatShare(interval.low) + "-" + formatShare(interval.high) + ")";
}

CheckResult countResult(std::int64_t count, std::int64_t min, std::int64_t max, const std::string &what)
{
    return {{}, {}, std::to_string(count) + " " + what, inRange(count, min, max)};
}

CheckResult readyPods(const store::Store &store, const ReadyPodsCheck &c)
{
    const api::LabelSelector selector{c.selector, {}};
    std::int64_t ready = 0;
    std::int64_t total = 0;
    for (const api::ObjectPtr &object : store.list(api::Kind::Pod, c.namespace_)) {
        if (!selector.matches(object->metadata.labels) || object->metadata.deletionTimestamp)
            continue;
        ++total;
        if (object->as<api::Pod>().isReady())
            ++ready;
    }
    return countResult(ready, c.min, c.max, "ready of " + std::to_string(total) + " matching pods");
}

CheckResult endpoints(const store::Store &store, const EndpointsCheck &c)
{
    if (!store.get(api::Kind::Service, c.service.namespace_, c.service.name))
        return {{}, {}, "service " + c.service.toString() + " not found", false};
    std::int64_t ready = 0;
    for (const api::ObjectPtr &object : store.list(api::Kind::EndpointSlice, c.service.namespace_)) {
        const auto label = object->metadata.labels->find(api::kServiceNameLabel);
        if (label == object->metadata.labels->end() || label->second != c.service.name)
            continue;
        for (const api::Endpoint &endpoint : object->as<api::EndpointSlice>().endpoints)
            ready += endpoint.conditions.ready.value_or(true) ? 1 : 0;
    }
    return countResult(ready, c.min, c.max, "ready endpoints");
}

CheckResult routeCondition(const store::Store &store, const RouteConditionCheck &c)
{
    const api::ObjectPtr route = store.get(api::Kind::HTTPRoute, c.route.namespace_, c.route.name);
    if (!route)
        return {{}, {}, "httproute " + c.route.toString() + " not found", false};
    const auto &parents = route->as<api::HTTPRoute>().status.parents;
    const auto parent = std::find_if(parents.begin(), parents.end(), [&](const api::RouteParentStatus &p) {
        return c.parent.empty() || p.parentRef.name == c.parent;
    });
    if (parent == parents.end())
        return {{}, {}, "no status from " + (c.parent.empty() ? std::string("any Gateway") : "Gateway " + c.parent), false};
    const api::Condition *condition = api::findCondition(parent->conditions, c.type);
    if (!condition)
        return {{}, {}, "no " + c.type + " condition", false};
    const bool passed = condition->status == c.status && (c.reason.empty() || condition->reason == c.reason);
    return {{}, {}, c.type + "=" + condition->status + " reason " + condition->reason, passed};
}

std::string headerValue(const RequestOutcome &outcome, std::string name)
{
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    for (const auto &[key, value] : outcome.upstreamHeaders) {
        if (key == name)
            return value;
    }
    return "<none>";
}

CheckResult status(TrafficDriver &traffic, const StatusCheck &c)
{
    const RequestOutcome outcome = traffic.send(c.request);
    if (outcome.status == 0)
        return {{}, {}, "no answer: " + outcome.error, false};
    std::string observed = std::to_string(outcome.status);
    bool passed = outcome.status == c.code;
    if (c.backend) {
        observed += " from " + (outcome.backend.empty() ? std::string("no backend") : outcome.backend);
        passed = passed && outcome.backend == c.backend->toString();
    }
    if (c.location) {
        observed += " with location " + (outcome.location.empty() ? std::string("<none>") : outcome.location);
        passed = passed && outcome.location == *c.location;
    }
    if (c.upstreamPath) {
        observed += ", pod sees path " + (outcome.upstreamPath.empty() ? std::string("<none>") : outcome.upstreamPath);
        passed = passed && outcome.upstreamPath == *c.upstreamPath;
    }
    for (const auto &[name, value] : c.upstreamHeaders) {
        const std::string seen = headerValue(outcome, name);
        observed += ", pod sees header '" + name + ": " + seen + "'";
        passed = passed && seen == value;
    }
    return {{}, {}, observed, passed};
}

} // namespace

CheckEvaluator::CheckEvaluator(Simulation &simulation, TrafficDriver &traffic, engine::SimTime stepStart)
    : m_simulation(simulation), m_traffic(traffic), m_stepStart(stepStart)
{
}

CheckResult CheckEvaluator::evaluate(const Check &check) const
{
    CheckResult result = evaluate(check.body);
    result.name = check.name;
    result.expected = describeExpected(check.body);
    return result;
}

TrafficCounts CheckEvaluator::sample(const TrafficSample &traffic) const
{
    const engine::SimTime now = m_simulation.engine().now();
    const engine::SimTime from = traffic.window > 0 ? std::max<engine::SimTime>(0, now - traffic.window) : m_stepStart;
    return m_traffic.log().counts(traffic.generator, from, now);
}

CheckResult CheckEvaluator::evaluate(const CheckBody &body) const
{
    const store::Store &store = m_simulation.store();
    return std::visit(
        Overloaded{
            [&](const ShareCheck &c) -> CheckResult {
                const TrafficCounts counts = sample(c.traffic);
                const auto hit = counts.byBackend.find(c.backend.toString());
                const std::uint64_t hits = hit == counts.byBackend.end() ? 0 : hit->second;
                if (counts.finished < static_cast<std::uint64_t>(c.traffic.minRequests))
                    return {{}, {}, "only " + requests(counts.finished) + " in the sample", false};
                const double share = static_cast<double>(hits) / static_cast<double>(counts.finished);
                return {{}, {}, shareText(hits, counts.finished), share >= c.min && share <= c.max};
            },
            [&](const StatusCheck &c) { return status(m_traffic, c); },
            [&](const ReadyPodsCheck &c) { return readyPods(store, c); },
            [&](const EndpointsCheck &c) { return endpoints(store, c); },
            [&](const RolloutCompleteCheck &c) -> CheckResult {
                const RolloutStatus rollout = m_simulation.rolloutStatus(c.deployment.namespace_, c.deployment.name);
                if (!rollout.result.ok)
                    return {{}, {}, rollout.result.error, false};
                return {{}, {}, rollout.result.message, rollout.done};
            },
            [&](const RouteConditionCheck &c) { return routeCondition(store, c); },
            [&](const ErrorRateCheck &c) -> CheckResult {
                const TrafficCounts counts = sample(c.traffic);
                if (counts.finished < static_cast<std::uint64_t>(c.traffic.minRequests))
                    return {{}, {}, "only " + requests(counts.finished) + " in the sample", false};
                const double rate = static_cast<double>(counts.failed) / static_cast<double>(counts.finished);
                return {{}, {}, std::to_string(counts.failed) + " failed of " + requests(counts.finished) + " (" +
                                    formatShare(rate) + ")",
                        rate <= c.max};
            },
            [&](const NoRequestLostCheck &c) -> CheckResult {
                const TrafficCounts counts = sample(c.traffic);
                if (counts.finished < static_cast<std::uint64_t>(c.traffic.minRequests))
                    return {{}, {}, "only " + requests(counts.finished) + " in the sample", false};
                return {{}, {}, std::to_string(counts.failed) + " failed (" + std::to_string(counts.dropped) +
                                    " without answer) of " + requests(counts.finished),
                        counts.failed == 0};
            },
            [&](const LoadBalancersCheck &c) {
                const auto count = static_cast<std::int64_t>(m_simulation.loadBalancers().loadBalancerCount());
                return countResult(count, c.count, c.count, "cloud load balancers");
            },
        },
        body);
}

} // namespace sim::scenario
