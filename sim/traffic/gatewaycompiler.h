#pragma once

#include "sim/api/object.h"
#include "sim/metrics/metricsregistry.h"
#include "sim/store/store.h"
#include "sim/traffic/routingtable.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace sim::traffic {

/** The status the Gateway API controller should write, keyed like the store ("ns/name"; class by name). */
struct GatewayStatusReport {
    std::map<std::string, api::GatewayClassStatus> classes;
    std::map<std::string, api::GatewayStatus> gateways;
    std::map<std::string, api::HTTPRouteStatus> routes;
};

/**
 * Compiles GatewayClasses, Gateways and HTTPRoutes into the routing table: listener validation, route
 * attachment (parentRefs, allowedRoutes, hostname intersection), backendRef resolution (ReferenceGrant),
 * and each listener's hostname buckets in the spec's match precedence. Computes the status as it goes.
 */
class GatewayCompiler {
public:
    GatewayCompiler(const store::Store &store, RoutingTable &table, metrics::MetricsRegistry *metrics);

    void compile();
    /** Status as a controller would write it; lastTransitionTime is left 0 for the writer to stamp. */
    const GatewayStatusReport &status() const { return m_status; }

    /** Is a reference from (kind in fromNamespace) to (group/kind/name in toNamespace) allowed by a ReferenceGrant? */
    static bool isGranted(const store::Store &store, const std::string &fromKind, const std::string &fromNamespace,
                          const std::string &toGroup, const std::string &toKind, const std::string &toNamespace,
                          const std::string &toName);

private:
    struct RouteTemplate;  // a route's rules compiled once, attached to each listener that accepts it

    void compileClasses();
    void compileGateway(const api::Object &object, const api::GatewayClass &gatewayClass);
    CompiledListener compileListener(const api::Object &gateway, const api::Listener &listener,
                                     api::ListenerStatus &status);
    void markConflicts(std::vector<CompiledListener> &listeners, api::GatewayStatus &status);
    void compileRoute(const api::Object &object);
    RouteTemplate compileRouteTemplate(const api::Object &object);
    CompiledBackendRef resolveBackend(const api::Object &route, const api::BackendObjectReference &ref,
                                      std::int32_t weight, const std::string &ruleKey);
    api::RouteParentStatus attach(const api::Object &route, const RouteTemplate &tmpl,
                                  const api::ParentReference &parent, std::set<std::pair<std::uint32_t, std::uint32_t>> &attached);
    bool allowsNamespace(const api::Object &gateway, const api::Listener &listener, const std::string &routeNamespace) const;
    void addToListener(CompiledListener &listener, const RouteTemplate &tmpl, const std::vector<std::string> &hostnames);
    void sortBuckets(CompiledListener &listener);
    std::uint32_t metricId(metrics::Scope scope, const std::string &name);

    const store::Store &m_store;
    RoutingTable &m_table;
    metrics::MetricsRegistry *m_metrics;
    GatewayStatusReport m_status;
    std::map<std::string, const api::Object *> m_gatewayObjects;  // "ns/name" -> object, for attachment checks
    std::vector<api::ObjectPtr> m_keepAlive;
};

} // namespace sim::traffic
