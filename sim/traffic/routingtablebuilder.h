#pragma once

#include "sim/metrics/metricsregistry.h"
#include "sim/store/store.h"
#include "sim/traffic/gatewaycompiler.h"
#include "sim/traffic/routingtable.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sim::traffic {

/**
 * Compiles a RoutingTable from the store: pods, nodes, Services with their EndpointSlices, then the
 * Gateway API objects (GatewayCompiler) and the Ingresses (IngressCompiler).
 */
class RoutingTableBuilder {
public:
    RoutingTableBuilder(const store::Store &store, metrics::MetricsRegistry *metrics);

    /** Addresses of each IngressClass's controller, as the cloud load-balancer controller assigned them. */
    void setIngressAddresses(std::map<std::string, std::string> byClass) { m_ingressAddresses = std::move(byClass); }
    std::shared_ptr<const RoutingTable> build();

    /** Gateway API status as of the last build, for the status controller. */
    const GatewayStatusReport &gatewayStatus() const { return m_gatewayStatus; }
    /** Problems found while compiling (bad annotations, ...), for the trace and describe. */
    const std::vector<std::string> &problems() const { return m_problems; }

private:
    void compilePods(RoutingTable &table);
    void compileNodes(RoutingTable &table);
    void compileServices(RoutingTable &table);
    void addEndpoints(RoutingTable &table, CompiledService &service, const api::Object &slice);
    std::uint32_t addressPod(RoutingTable &table, const std::string &ns, const std::string &address, const std::string &nodeName);
    void indexAddresses(RoutingTable &table);
    std::uint32_t metricId(metrics::Scope scope, const std::string &name);

    const store::Store &m_store;
    metrics::MetricsRegistry *m_metrics;
    std::map<std::string, std::string> m_ingressAddresses;
    std::vector<std::string> m_problems;
    GatewayStatusReport m_gatewayStatus;
};

} // namespace sim::traffic
