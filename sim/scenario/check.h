#pragma once

#include "sim/api/labelselector.h"
#include "sim/engine/simtime.h"
#include "sim/manifest/diagnostic.h"
#include "sim/scenario/reference.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <variant>

namespace sim::scenario {

/**
 * Which requests a traffic check looks at: one generator's (or all), answered within the window before now
 * (0: since the step began); fewer than minRequests of them is a failure, not a pass.
 */
struct TrafficSample {
    std::string generator;
    engine::SimTime window = 0;
    std::int64_t minRequests = 1;
    bool operator==(const TrafficSample &) const = default;
};

/** The share of answered requests that reached a Service lies in [min, max]. */
struct ShareCheck {
    ObjectRef backend;
    double min = 0;
    double max = 1;
    TrafficSample traffic;
    bool operator==(const ShareCheck &) const = default;
};

/**
 * One request gets this status code and, when given: reaches this Service, redirects to this location,
 * arrives at the pod with this path and these headers (what rewrites and header filters did).
 */
struct StatusCheck {
    RequestSpec request;
    int code = 200;
    std::optional<ObjectRef> backend;
    std::optional<std::string> location;
    std::optional<std::string> upstreamPath;
    std::vector<std::pair<std::string, std::string>> upstreamHeaders;
    bool operator==(const StatusCheck &) const = default;
};

/** The number of Ready pods matching labels lies in [min, max]. */
struct ReadyPodsCheck {
    std::string namespace_ = "default";
    api::Labels selector;
    std::int64_t min = 0;
    std::int64_t max = INT64_MAX;
    bool operator==(const ReadyPodsCheck &) const = default;
};

/** The Service's EndpointSlices list a number of ready endpoints in [min, max]. */
struct EndpointsCheck {
    ObjectRef service;
    std::int64_t min = 0;
    std::int64_t max = INT64_MAX;
    bool operator==(const EndpointsCheck &) const = default;
};

/** A Deployment's rollout is complete, as `kubectl rollout status` decides it. */
struct RolloutCompleteCheck {
    ObjectRef deployment;
    bool operator==(const RolloutCompleteCheck &) const = default;
};

/** An HTTPRoute's status.parents[] condition has this status (and reason, when given). */
struct RouteConditionCheck {
    ObjectRef route;
    std::string parent;  // Gateway name; empty: the first parent
    std::string type;    // Accepted, ResolvedRefs
    std::string status;  // True, False, Unknown
    std::string reason;  // empty: any reason
    bool operator==(const RouteConditionCheck &) const = default;
};

/** The share of failed requests (5xx or no answer) stays at or below max. */
struct ErrorRateCheck {
    double max = 0;
    TrafficSample traffic;
    bool operator==(const ErrorRateCheck &) const = default;
};

/** Every request generated got an answer that is not a 5xx: none dropped, none failed. */
struct NoRequestLostCheck {
    TrafficSample traffic;
    bool operator==(const NoRequestLostCheck &) const = default;
};

/** The number of cloud load balancers the cluster pays for (LoadBalancer Services, Gateways, ingress controllers with an address). */
struct LoadBalancersCheck {
    std::int64_t count = 0;
    bool operator==(const LoadBalancersCheck &) const = default;
};

using CheckBody = std::variant<ShareCheck, StatusCheck, ReadyPodsCheck, EndpointsCheck, RolloutCompleteCheck,
                               RouteConditionCheck, ErrorRateCheck, NoRequestLostCheck, LoadBalancersCheck>;

/** A condition a step must reach, with the name the report prints and where it was written. */
struct Check {
    std::string name;
    CheckBody body;
    manifest::SourceLocation location;
    std::string field;  // "steps[2].checks[0]"
};

/** The key that introduces each check type in scenario.yaml, in CheckBody order. */
const char *checkTypeName(const CheckBody &body);

} // namespace sim::scenario
