#pragma once

#include "sim/api/object.h"
#include "sim/metrics/metricsregistry.h"
#include "sim/store/store.h"
#include "sim/traffic/routingtable.h"

#include <map>
#include <string>
#include <vector>

namespace sim::traffic {

/** The IngressClass name kubesim provides when the manifests define none of that name (ingress-nginx's Helm default). */
inline constexpr const char *kBuiltInIngressClass = "nginx";
/** Prefix of the ingress-nginx annotations. */
inline constexpr const char *kNginxAnnotationPrefix = "nginx.ingress.kubernetes.io/";

/**
 * Compiles Ingresses into one ingress-nginx controller per IngressClass: servers by host (exact,
 * single-label wildcard, catch-all), locations in nginx's match order, TLS, and the annotations
 * kubesim understands (rewrite-target, use-regex, app-root, redirects, ssl-redirect, canary).
 */
class IngressCompiler {
public:
    IngressCompiler(const store::Store &store, RoutingTable &table, metrics::MetricsRegistry *metrics);

    void setAddresses(std::map<std::string, std::string> byClass) { m_addresses = std::move(byClass); }
    void compile();

    /** The class whose controller serves an Ingress, or "" with the reason in *why. */
    static std::string classOf(const store::Store &store, const api::Object &ingress, std::string *why = nullptr);

private:
    CompiledIngressController &controllerFor(const std::string &className);
    IngressServer &serverFor(CompiledIngressController &controller, const std::string &host);
    void addIngress(CompiledIngressController &controller, const api::Object &ingress);
    void addCanary(CompiledIngressController &controller, const api::Object &ingress);
    void addTls(CompiledIngressController &controller, const api::Object &ingress);
    IngressServiceTarget resolve(const std::string &ns, const api::IngressBackend &backend, const std::string &metricName);
    void finishServer(IngressServer &server);
    std::uint32_t metricId(metrics::Scope scope, const std::string &name);

    const store::Store &m_store;
    RoutingTable &m_table;
    metrics::MetricsRegistry *m_metrics;
    std::map<std::string, std::string> m_addresses;
};

} // namespace sim::traffic
