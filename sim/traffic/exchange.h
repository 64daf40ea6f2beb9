#pragma once

#include "sim/engine/simtime.h"
#include "sim/traffic/httprequest.h"
#include "sim/traffic/trace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::traffic {

/** A Kubernetes backend a request reached: a Service port. */
struct BackendRef {
    std::string namespace_;
    std::string name;
    std::int32_t port = 0;
    bool operator==(const BackendRef &) const = default;
};

/** The route rule that took a request: an HTTPRoute rule or an Ingress rule path. */
struct RouteRef {
    std::string kind;  // "HTTPRoute" or "Ingress"
    std::string namespace_;
    std::string name;
    std::uint32_t rule = 0;
    bool operator==(const RouteRef &) const = default;
};

/**
 * One request's whole story, for a single request sent with `request` / `curl` / a scenario check:
 * what the pod received (the echo backend reports it), the response, and the trace. Plain values only.
 */
struct Exchange {
    HttpRequest request;
    std::int32_t status = 0;          // 0 when there was no HTTP answer
    std::string failure;              // "connection refused", "timed out", ... when status is 0
    std::optional<BackendRef> backend;
    std::string pod;                  // "ns/name" of the pod that answered, empty when none
    std::optional<HttpRequest> upstream;  // the request as the pod received it
    HttpHeaders responseHeaders;
    std::string location;             // Location of a redirect
    std::optional<RouteRef> route;
    std::vector<std::string> mirroredTo;  // "ns/name" of Services that got a copy
    engine::SimTime latency = 0;
    Trace trace;
    bool isComplete = false;
};

} // namespace sim::traffic
