#pragma once

#include "sim/traffic/compiledgateway.h"
#include "sim/traffic/compiledingress.h"
#include "sim/traffic/compiledservice.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim::traffic {

/** Where a request was sent as a mirror (its response is dropped). */
struct MirrorTarget {
    const CompiledBackendRef *backend = nullptr;
    const CompiledEndpoint *endpoint = nullptr;
};

/**
 * What routing decided for one request. Pointers refer into the RoutingTable the decision was made
 * with, so building one allocates nothing unless the request is redirected or mirrored.
 */
struct RoutingDecision {
    enum class Outcome : std::uint8_t {
        Forwarded,  // goes to a pod
        Answered,   // a proxy answered itself (redirect, 404, 500, 503)
        Refused,    // connection refused or reset: no HTTP status
        TimedOut,   // packets dropped: the client times out
    };
    enum class Via : std::uint8_t { None, LoadBalancer, NodePort, ClusterIP, Gateway, Ingress };

    Outcome outcome = Outcome::Refused;
    Via via = Via::None;
    std::int32_t status = 0;
    const char *reason = "";  // short, static: why it was answered, refused or dropped

    const CompiledGateway *gateway = nullptr;
    const CompiledListener *listener = nullptr;
    const CompiledMatch *match = nullptr;
    const CompiledRule *rule = nullptr;
    std::uint32_t backendIndex = kNone;  // into rule->backends: the backendRef the weighted draw chose

    const CompiledIngressController *ingress = nullptr;
    const IngressServer *server = nullptr;
    const IngressLocation *location = nullptr;
    const IngressServiceTarget *ingressTarget = nullptr;
    bool isCanary = false;

    const CompiledService *service = nullptr;
    const CompiledServicePort *servicePort = nullptr;
    const CompiledEndpoint *endpoint = nullptr;
    std::uint32_t pod = kNone;  // index into RoutingTable::pods; kNone for an endpoint without a known pod
    std::string redirectLocation;
    std::vector<MirrorTarget> mirrors;

    std::uint32_t entryMetric = kNone;
    std::uint32_t ruleMetric = kNone;
    std::uint32_t backendMetric = kNone;

    bool isForwarded() const { return outcome == Outcome::Forwarded; }
    /** The backendRef the weighted draw chose, or nullptr; looked up when asked, as forwarding never reads the rule itself. */
    const CompiledBackendRef *backendRef() const
    {
        return rule && backendIndex != kNone ? &rule->backends[backendIndex] : nullptr;
    }
};

} // namespace sim::traffic
