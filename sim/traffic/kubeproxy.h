#pragma once

#include "sim/engine/randomstream.h"
#include "sim/engine/simtime.h"
#include "sim/traffic/compiledservice.h"
#include "sim/traffic/trace.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sim::traffic {

/**
 * kube-proxy's choice of endpoint for traffic to a Service: among the ready endpoints (serving
 * terminating ones only when none is ready), at random as iptables mode does, or in turn as IPVS
 * round-robin does; sessionAffinity ClientIP pins a client to its endpoint until the timeout.
 */
class KubeProxy {
public:
    enum class Mode { IPTables, IPVS };

    explicit KubeProxy(Mode mode = Mode::IPTables) : m_mode(mode) {}
    Mode mode() const { return m_mode; }
    void setMode(Mode mode) { m_mode = mode; }

    /**
     * Picks an endpoint of a Service port, optionally only those on one node (externalTrafficPolicy
     * Local). Returns nullptr when none is eligible.
     */
    const CompiledEndpoint *pick(const CompiledService &service, const CompiledServicePort &port, std::string_view onNode,
                                 std::string_view clientIp, engine::SimTime now, engine::RandomStream &random, Trace *trace);

private:
    struct Affinity {
        std::string address;
        engine::SimTime expires = 0;
    };

    Mode m_mode;
    std::vector<std::uint32_t> m_nextIndex;  // IPVS round-robin position per Service port
    std::unordered_map<std::string, Affinity> m_affinity;  // "clientIP|port index" -> endpoint
};

} // namespace sim::traffic
