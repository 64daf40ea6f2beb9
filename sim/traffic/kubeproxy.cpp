#include "sim/traffic/kubeproxy.h"

namespace sim::traffic {
namespace {

std::size_t countOn(const std::vector<CompiledEndpoint> &endpoints, std::string_view node)
{
    if (node.empty())
        return endpoints.size();
    std::size_t n = 0;
    for (const CompiledEndpoint &e : endpoints)
        n += e.nodeName == node;
    return n;
}

const CompiledEndpoint *nthOn(const std::vector<CompiledEndpoint> &endpoints, std::string_view node, std::size_t n)
{
    if (node.empty())
        return &endpoints[n];
    for (const CompiledEndpoint &e : endpoints) {
        if (e.nodeName == node && n-- == 0)
            return &e;
    }
    return nullptr;
}

} // namespace

const CompiledEndpoint *KubeProxy::pick(const CompiledService &service, const CompiledServicePort &port,
                                        std::string_view onNode, std::string_view clientIp, engine::SimTime now,
                                        engine::RandomStream &random, Trace *trace)
{
    const std::vector<CompiledEndpoint> *pool = &port.ready;
    std::size_t eligible = countOn(*pool, onNode);
    if (eligible == 0) {
        pool = &port.servingTerminating;
        eligible = countOn(*pool, onNode);
        if (eligible > 0 && trace)
            trace->add("kube-proxy", "no ready endpoint; using a terminating endpoint that still serves",
                       "kube-proxy falls back to serving terminating endpoints so connections drain gracefully");
    }
    if (eligible == 0)
        return nullptr;

    std::string affinityKey;
    if (service.clientIPAffinity && !clientIp.empty()) {
        affinityKey = std::string(clientIp) + "|" + std::to_string(port.index);
        auto it = m_affinity.find(affinityKey);
        if (it != m_affinity.end() && it->second.expires > now) {
            for (std::size_t i = 0; i < eligible; ++i) {
                const CompiledEndpoint *e = nthOn(*pool, onNode, i);
                if (e->address == it->second.address) {
                    it->second.expires = now + service.affinityTimeout;
                    if (trace)
                        trace->add("kube-proxy", "endpoint " + e->address + ":" + std::to_string(e->port) + " (session affinity)",
                                   "sessionAffinity: ClientIP keeps client " + std::string(clientIp) + " on the endpoint it used before");
                    return e;
                }
            }
        }
    }

    std::size_t index;
    if (m_mode == Mode::IPVS) {
        if (m_nextIndex.size() <= port.index)
            m_nextIndex.resize(port.index + 1, 0);
        index = m_nextIndex[port.index]++ % eligible;
    } else {
        index = random.uniform(eligible);
    }
    const CompiledEndpoint *chosen = nthOn(*pool, onNode, index);
    if (!affinityKey.empty())
        m_affinity[affinityKey] = Affinity{chosen->address, now + service.affinityTimeout};
    if (trace) {
        std::string how = m_mode == Mode::IPVS ? "IPVS round-robin: next in turn" : "iptables mode: uniformly at random";
        trace->add("kube-proxy", "endpoint " + chosen->address + ":" + std::to_string(chosen->port) + " from EndpointSlice " + chosen->sliceName,
                   how + " among " + std::to_string(eligible) + " eligible endpoint(s)"
                       + (onNode.empty() ? std::string() : " on node " + std::string(onNode)));
    }
    return chosen;
}

} // namespace sim::traffic
