#include "sim/scenario/describe.h"

#include "sim/scenario/duration.h"
#include "sim/scenario/overloaded.h"

#include <cstdio>

namespace sim::scenario {

namespace {

std::string labels(const api::Labels &selector)
{
    std::string out;
    for (const auto &[key, value] : selector)
        out += (out.empty() ? "" : ",") + key + "=" + value;
    return out;
}

std::string pods(const PodTarget &target)
{
    if (!target.pod.empty())
        return "pod " + target.namespace_ + "/" + target.pod;
    const std::string which = target.count == 0 ? "all pods" : target.count == 1 ? "first pod" : "first " + std::to_string(target.count) + " pods";
    return which + " in " + target.namespace_ + " with " + labels(target.selector);
}

std::string entry(const EntryPoint &e)
{
    switch (e.type) {
    case EntryPoint::Type::Gateway:
        return " via gateway " + e.object.toString() + (e.listener.empty() ? "" : " listener " + e.listener);
    case EntryPoint::Type::IngressClass:
        return " via ingress class " + e.object.name;
    case EntryPoint::Type::Service:
        return " via service " + e.object.toString();
    case EntryPoint::Type::Auto:
        break;
    }
    return {};
}

std::string range(std::int64_t min, std::int64_t max)
{
    if (min == max)
        return "exactly " + std::to_string(min);
    if (max == INT64_MAX)
        return "at least " + std::to_string(min);
    if (min == 0)
        return "at most " + std::to_string(max);
    return std::to_string(min) + " to " + std::to_string(max);
}

std::string sample(const TrafficSample &traffic)
{
    std::string out = traffic.generator.empty() ? " (all traffic" : " (generator " + traffic.generator;
    out += traffic.window > 0 ? ", last " + formatDuration(traffic.window) : ", since the step began";
    return out + ", at least " + std::to_string(traffic.minRequests) + (traffic.minRequests == 1 ? " request)" : " requests)");
}

} // namespace

std::string formatShare(double share)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100);
    return buffer;
}

std::string describeRequest(const RequestSpec &request)
{
    std::string out = request.method + " " + request.url;
    for (const auto &[name, value] : request.headers)
        out += " -H '" + name + ": " + value + "'";
    return out + entry(request.entry);
}

std::string describeAction(const ActionBody &action)
{
    return std::visit(
        Overloaded{
            [](const ApplyAction &a) {
                std::string out = "apply";
                for (const std::string &file : a.files)
                    out += " " + file;
                return a.inlineYaml.empty() ? out : out + " (inline manifest)";
            },
            [](const DeleteAction &a) {
                return "delete " + std::string(api::kindInfo(a.kind).singular) + " " +
                       (a.object.namespace_.empty() ? a.object.name : a.object.toString());
            },
            [](const ScaleAction &a) {
                return "scale deployment " + a.deployment.toString() + " to " + std::to_string(a.replicas) + " replicas";
            },
            [](const SetWeightsAction &a) {
                std::string out = "set weights of httproute " + a.route.toString() + " rule " + std::to_string(a.rule) + ":";
                for (const auto &[backend, weight] : a.weights)
                    out += " " + backend + "=" + std::to_string(weight);
                return out;
            },
            [](const SetCanaryWeightAction &a) {
                return "set canary-weight of ingress " + a.ingress.toString() + " to " + std::to_string(a.weight);
            },
            [](const SetImageAction &a) {
                return "set image of deployment " + a.deployment.toString() + " container " + a.container + " to " + a.image;
            },
            [](const StartTrafficAction &a) {
                char rate[32];
                std::snprintf(rate, sizeof rate, "%g", a.rate);
                return "start traffic " + a.name + ": " + describeRequest(a.request) + " at " + rate + " req/s from " +
                       std::to_string(a.clients) + (a.clients == 1 ? " client" : " clients");
            },
            [](const StopTrafficAction &a) { return "stop traffic " + a.name; },
            [](const KillPodAction &a) { return "kill " + pods(a.target); },
            [](const FailReadinessAction &a) {
                return std::string(a.failing ? "fail readiness of " : "restore readiness of ") + pods(a.target);
            },
            [](const CrashLoopAction &a) {
                return std::string(a.crashing ? "crash-loop " : "stop crash-looping ") + pods(a.target);
            },
            [](const DrainNodeAction &a) { return "drain node " + a.node; },
            [](const FailNodeAction &a) { return "fail node " + a.node; },
            [](const WaitAction &a) {
                if (a.until)
                    return "wait until " + a.until->name + " (" + describeExpected(a.until->body) + "), at most " +
                           formatDuration(a.timeout);
                return "wait " + formatDuration(a.duration);
            },
        },
        action);
}

std::string describeExpected(const CheckBody &check)
{
    return std::visit(
        Overloaded{
            [](const ShareCheck &c) {
                return "share of " + c.backend.toString() + " in [" + formatShare(c.min) + ", " + formatShare(c.max) + "]" +
                       sample(c.traffic);
            },
            [](const StatusCheck &c) {
                std::string out = describeRequest(c.request) + " answers " + std::to_string(c.code);
                if (c.backend)
                    out += " from " + c.backend->toString();
                if (c.location)
                    out += " with location " + *c.location;
                if (c.upstreamPath)
                    out += ", pod sees path " + *c.upstreamPath;
                for (const auto &[name, value] : c.upstreamHeaders)
                    out += ", pod sees header '" + name + ": " + value + "'";
                return out;
            },
            [](const ReadyPodsCheck &c) {
                return range(c.min, c.max) + " ready pods in " + c.namespace_ + " with " + labels(c.selector);
            },
            [](const EndpointsCheck &c) {
                return range(c.min, c.max) + " ready endpoints for service " + c.service.toString();
            },
            [](const RolloutCompleteCheck &c) { return "deployment " + c.deployment.toString() + " rolled out"; },
            [](const RouteConditionCheck &c) {
                return "httproute " + c.route.toString() + (c.parent.empty() ? "" : " parent " + c.parent) + " " + c.type +
                       "=" + c.status + (c.reason.empty() ? "" : " reason " + c.reason);
            },
            [](const ErrorRateCheck &c) {
                return "error rate at most " + formatShare(c.max) + sample(c.traffic);
            },
            [](const NoRequestLostCheck &c) {
                return "no request lost or failed" + sample(c.traffic);
            },
            [](const LoadBalancersCheck &c) { return std::to_string(c.count) + " cloud load balancers"; },
        },
        check);
}

} // namespace sim::scenario
