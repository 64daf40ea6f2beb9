#pragma once

#include "sim/engine/randomstream.h"
#include "sim/engine/simtime.h"
#include "sim/traffic/entrypoint.h"
#include "sim/traffic/httprequest.h"
#include "sim/traffic/kubeproxy.h"
#include "sim/traffic/routingdecision.h"
#include "sim/traffic/routingtable.h"
#include "sim/traffic/trace.h"

#include <vector>

namespace sim::traffic {

/**
 * Routes requests through a compiled RoutingTable: the entry point (load balancer, NodePort, Gateway
 * listener, ingress controller, in-cluster Service name), the route rule, the weighted backend and
 * the endpoint. Holds the mutable state real data planes keep: kube-proxy affinity, round-robin
 * positions, the random stream for weights and iptables choices.
 */
class Router {
public:
    explicit Router(engine::RandomStream random, KubeProxy::Mode mode = KubeProxy::Mode::IPTables);

    RoutingDecision route(const RoutingTable &table, const EntryPoint &entry, const HttpRequest &request, engine::SimTime now,
                          Trace *trace);
    KubeProxy &kubeProxy() { return m_kubeProxy; }

private:
    RoutingDecision routeLowered(const RoutingTable &table, const EntryPoint &entry, const HttpRequest &original, engine::SimTime now,
                                 Trace *trace);
    RoutingDecision routeLowerCaseHost(const RoutingTable &table, const EntryPoint &entry, const HttpRequest &request,
                                       engine::SimTime now, Trace *trace);
    const CompiledGateway *cachedGateway(const RoutingTable &table, const EntryPoint &entry);
    void viaAddress(const RoutingTable &table, const HttpRequest &request, RoutingDecision &d, Trace *trace);
    void viaClusterName(const RoutingTable &table, const EntryPoint &entry, const HttpRequest &request, RoutingDecision &d,
                        Trace *trace);
    void viaService(const RoutingTable &table, const CompiledService &service, const HttpRequest &request,
                    RoutingDecision::Via via, const CompiledNode *node, RoutingDecision &d, Trace *trace);
    void viaGateway(const RoutingTable &table, const CompiledGateway &gateway, const std::string &listenerName,
                    const HttpRequest &request, RoutingDecision &d, Trace *trace);
    /** Redirect and mirror filters of the matched rule; true when a redirect answered the request. */
    bool applyRuleFilters(const RoutingTable &table, const HttpRequest &request, RoutingDecision &d, Trace *trace);
    /** The weighted draw among the rule's backendRefs, then the proxy's endpoint choice. */
    void forwardGatewayRule(const RoutingTable &table, const MatchProbe &probe, RoutingDecision &d, Trace *trace);
    void viaIngress(const RoutingTable &table, const CompiledIngressController &controller, const HttpRequest &request,
                    RoutingDecision &d, Trace *trace);
    const IngressServiceTarget *chooseCanary(const IngressLocation &location, const HttpRequest &request, Trace *trace);
    void forwardIngress(const RoutingTable &table, const IngressServiceTarget &target, RoutingDecision &d, Trace *trace);
    /** Picks an endpoint as a proxy does (round-robin over ready endpoints); 503 when none. */
    bool proxyToEndpoints(const RoutingTable &table, std::uint32_t service, std::uint32_t port, RoutingDecision &d, Trace *trace);
    static void answer(RoutingDecision &d, std::int32_t status, const char *reason, Trace *trace, const std::string &why);
    /** 500 for the share of an invalid backendRef, as the Gateway API requires. */
    static void refuseInvalidBackend(RoutingDecision &d, Trace *trace);
    static void refuse(RoutingDecision &d, RoutingDecision::Outcome outcome, const char *reason, Trace *trace, const std::string &why);

    engine::RandomStream m_random;
    KubeProxy m_kubeProxy;
    std::vector<std::uint32_t> m_roundRobin;  // proxies' position per Service port index
    engine::SimTime m_now = 0;
    std::uint64_t m_cachedTable = 0;
    std::string m_cachedNamespace;
    std::string m_cachedName;
    const CompiledGateway *m_cachedGateway = nullptr;
};

} // namespace sim::traffic
