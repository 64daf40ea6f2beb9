#pragma once

#include "sim/engine/simtime.h"
#include "sim/traffic/podservermodel.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace sim::traffic {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/** A pod that can serve traffic, with its server model resolved from annotations. */
struct CompiledPod {
    std::string namespace_;
    std::string name;
    std::string nodeName;
    std::string ip;
    PodServerModel model;
    std::uint32_t metricId = kNone;
    /** "ns/name". */
    std::string key() const { return namespace_ + "/" + name; }
};

/** One address:port of a Service port, from an EndpointSlice. */
struct CompiledEndpoint {
    std::string address;
    std::int32_t port = 0;
    std::string nodeName;
    std::string sliceName;
    std::uint32_t pod = kNone;  // index into RoutingTable::pods
};

/** One port of a Service and the endpoints behind it. */
struct CompiledServicePort {
    std::string name;
    std::int32_t port = 0;
    std::int32_t nodePort = 0;
    std::vector<CompiledEndpoint> ready;             // ready endpoints: what kube-proxy balances over
    std::vector<CompiledEndpoint> servingTerminating; // used only when none is ready (kube-proxy's fallback)
    std::uint32_t notReady = 0;                      // endpoints neither ready nor serving, for the trace
    std::uint32_t index = 0;                         // global index, for per-port balancer state
};

/** A Service as kube-proxy and proxies see it. */
struct CompiledService {
    std::string namespace_;
    std::string name;
    std::string type;
    std::string clusterIP;
    std::string externalName;
    std::vector<std::string> loadBalancerIPs;
    bool hasSelector = true;
    bool clientIPAffinity = false;
    engine::SimTime affinityTimeout = 0;
    bool externalLocal = false;  // externalTrafficPolicy: Local
    bool internalLocal = false;  // internalTrafficPolicy: Local
    std::vector<CompiledServicePort> ports;
    std::uint32_t sliceCount = 0;
    std::uint32_t metricId = kNone;

    std::string key() const { return namespace_ + "/" + name; }
    bool isHeadless() const { return clusterIP == "None"; }
    const CompiledServicePort *findPort(std::int32_t port) const;
    const CompiledServicePort *findPortByName(const std::string &name) const;
};

inline const CompiledServicePort *CompiledService::findPort(std::int32_t port) const
{
    for (const CompiledServicePort &p : ports) {
        if (p.port == port)
            return &p;
    }
    return nullptr;
}

inline const CompiledServicePort *CompiledService::findPortByName(const std::string &portName) const
{
    for (const CompiledServicePort &p : ports) {
        if (p.name == portName)
            return &p;
    }
    return nullptr;
}

} // namespace sim::traffic
