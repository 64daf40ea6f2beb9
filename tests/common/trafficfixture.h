#pragma once

// Builds small clusters in code for the traffic tests: pods with IPs and Ready, Services with their
// EndpointSlices, Gateway API and Ingress objects. Header-only, shared by tests/*routing* and tests/traffic.

#include "sim/api/object.h"
#include "sim/engine/engine.h"
#include "sim/metrics/metricsregistry.h"
#include "sim/store/store.h"
#include "sim/traffic/router.h"
#include "sim/traffic/routingtablebuilder.h"

#include <memory>
#include <string>
#include <vector>

namespace fixture {

using namespace sim;

inline api::Object object(api::Kind kind, const std::string &ns, const std::string &name)
{
    api::Object o = api::makeObject(kind);
    o.metadata.namespace_ = ns;
    o.metadata.name = name;
    return o;
}

inline api::HTTPBackendRef backend(const std::string &name, int port, int weight = 1, const std::string &ns = {})
{
    api::HTTPBackendRef ref;
    ref.ref.name = name;
    ref.ref.port = port;
    if (!ns.empty())
        ref.ref.namespace_ = ns;
    ref.weight = weight;
    return ref;
}

inline api::HTTPRouteMatch pathMatch(const std::string &type, const std::string &value)
{
    api::HTTPRouteMatch m;
    m.path = api::HTTPPathMatch{type, value};
    return m;
}

inline api::HTTPRouteRule rule(std::vector<api::HTTPRouteMatch> matches, std::vector<api::HTTPBackendRef> backends,
                               std::vector<api::HTTPRouteFilter> filters = {})
{
    api::HTTPRouteRule r;
    r.matches = std::move(matches);
    r.backendRefs = std::move(backends);
    r.filters = std::move(filters);
    return r;
}

inline api::Listener listener(const std::string &name, int port, const std::string &protocol = "HTTP",
                              const std::string &hostname = {}, const std::string &from = "Same")
{
    api::Listener l;
    l.name = name;
    l.port = port;
    l.protocol = protocol;
    if (!hostname.empty())
        l.hostname = hostname;
    l.allowedRoutes.namespaces.from = from;
    return l;
}

inline api::HTTPIngressPath ingressPath(const std::string &path, const std::string &type, const std::string &service, int port)
{
    api::HTTPIngressPath p;
    p.path = path;
    p.pathType = type;
    p.backend.service = api::IngressServiceBackend{service, port, {}};
    return p;
}

/** A cluster in a store, and helpers to fill it. */
class Cluster {
public:
    explicit Cluster(std::uint64_t seed = 1) : engine(seed), store(engine) {}

    engine::Engine engine;
    store::Store store;
    metrics::MetricsRegistry metrics;

    /** Advances the clock, so objects created next are younger (creationTimestamp orders precedence ties). */
    void tick() { engine.runUntil(engine.now() + engine::kSecond); }

    void namespace_(const std::string &name, api::Labels labels = {})
    {
        api::Object o = object(api::Kind::Namespace, "", name);
        o.metadata.labels = std::move(labels);
        store.create(std::move(o));
    }

    void node(const std::string &name, const std::string &ip)
    {
        api::Object o = object(api::Kind::Node, "", name);
        o.as<api::Node>().status.addresses.push_back({"InternalIP", ip});
        store.create(std::move(o));
    }

    /** `count` ready pods "<app>-<i>" labelled app=<app>, spread over nodes node-0.. round-robin. */
    void pods(const std::string &ns, const std::string &app, int count, int nodes = 3, api::Annotations annotations = {})
    {
        for (int i = 0; i < count; ++i) {
            api::Object o = object(api::Kind::Pod, ns, app + "-" + std::to_string(i));
            o.metadata.labels.edit()["app"] = app;
            o.metadata.annotations = annotations;
            auto &pod = o.as<api::Pod>();
            pod.spec.edit().nodeName = "node-" + std::to_string(i % nodes);
            pod.status.phase = "Running";
            pod.status.podIP = "10.244." + std::to_string(m_podSubnet) + "." + std::to_string(i + 2);
            pod.status.conditions.push_back(api::Condition{"Ready", "True", "", "", 0, 0});
            store.create(std::move(o));
        }
        ++m_podSubnet;
    }

    /** A Service selecting app=<app> on `port` -> `targetPort`, and one EndpointSlice of the ready pods. */
    void service(const std::string &ns, const std::string &name, const std::string &app, int port, int targetPort = 8080,
                 const std::string &type = "ClusterIP")
    {
        api::Object o = object(api::Kind::Service, ns, name);
        auto &svc = o.as<api::Service>();
        svc.spec.type = type;
        svc.spec.selector["app"] = app;
        svc.spec.clusterIP = "10.96.0." + std::to_string(++m_serviceCount + 10);
        api::ServicePort p;
        p.port = port;
        p.targetPort = api::IntOrString::fromInt(targetPort);
        if (type != "ClusterIP")
            p.nodePort = 30000 + m_serviceCount;
        svc.spec.ports.push_back(p);
        store.create(std::move(o));
        writeSlice(ns, name, app, targetPort);
    }

    /** (Re)writes the EndpointSlice of a Service from the pods labelled app=<app>, as the controller would. */
    void writeSlice(const std::string &ns, const std::string &name, const std::string &app, int targetPort)
    {
        api::Object o = object(api::Kind::EndpointSlice, ns, name + "-abcde");
        o.metadata.labels.edit()[api::kServiceNameLabel] = name;
        auto &slice = o.as<api::EndpointSlice>();
        slice.ports.push_back(api::EndpointPort{"", "TCP", targetPort, ""});
        for (const api::ObjectPtr &pod : store.list(api::Kind::Pod, ns)) {
            if (pod->metadata.labels->count("app") == 0 || pod->metadata.labels->at("app") != app)
                continue;
            api::Endpoint e;
            e.addresses.push_back(pod->as<api::Pod>().status.podIP);
            e.conditions.ready = pod->as<api::Pod>().isReady();
            e.nodeName = pod->as<api::Pod>().spec->nodeName;
            e.targetRef = api::EndpointTargetRef{"Pod", ns, pod->metadata.name, pod->metadata.uid};
            slice.endpoints.push_back(e);
        }
        if (store.get(api::Kind::EndpointSlice, ns, name + "-abcde"))
            store.update(std::move(o));
        else
            store.create(std::move(o));
    }

    void gatewayClass(const std::string &name = "kubesim")
    {
        api::Object o = object(api::Kind::GatewayClass, "", name);
        o.as<api::GatewayClass>().spec.controllerName = "example.com/gateway-controller";
        store.create(std::move(o));
    }

    void gateway(const std::string &ns, const std::string &name, std::vector<api::Listener> listeners,
                 const std::string &address = "203.0.113.10", const std::string &className = "kubesim")
    {
        api::Object o = object(api::Kind::Gateway, ns, name);
        auto &gw = o.as<api::Gateway>();
        gw.spec.gatewayClassName = className;
        gw.spec.listeners = std::move(listeners);
        if (!address.empty())
            gw.spec.addresses.push_back(api::GatewaySpecAddress{"IPAddress", address});
        store.create(std::move(o));
    }

    /** Services default/<name> (port 80), all in front of the echo pods. */
    void echoServices(std::initializer_list<const char *> names)
    {
        for (const char *name : names)
            service("default", name, "echo", 80);
    }

    /**
     * The usual Gateway set-up: `pods` ready echo pods in default, one Service per name in front of them (port
     * 80), the GatewayClass and Gateway default/gw with one HTTP listener on port 80.
     */
    void echoGateway(std::initializer_list<const char *> services, int podCount = 1)
    {
        pods("default", "echo", podCount);
        echoServices(services);
        gatewayClass();
        gateway("default", "gw", {listener("http", 80)});
    }

    void route(const std::string &ns, const std::string &name, std::vector<api::HTTPRouteRule> rules,
               std::vector<std::string> hostnames = {}, std::vector<api::ParentReference> parents = {})
    {
        api::Object o = object(api::Kind::HTTPRoute, ns, name);
        auto &r = o.as<api::HTTPRoute>();
        if (parents.empty()) {
            api::ParentReference p;
            p.name = "gw";
            p.namespace_ = "default";
            parents.push_back(p);
        }
        r.spec.parentRefs = std::move(parents);
        r.spec.hostnames = std::move(hostnames);
        r.spec.rules = std::move(rules);
        store.create(std::move(o));
    }

    void ingress(const std::string &ns, const std::string &name, std::vector<api::IngressRule> rules,
                 api::Annotations annotations = {}, std::vector<api::IngressTLS> tls = {})
    {
        api::Object o = object(api::Kind::Ingress, ns, name);
        o.metadata.annotations = std::move(annotations);
        auto &ing = o.as<api::Ingress>();
        ing.spec.ingressClassName = "nginx";
        ing.spec.rules = std::move(rules);
        ing.spec.tls = std::move(tls);
        store.create(std::move(o));
    }

    void tlsSecret(const std::string &ns, const std::string &name)
    {
        api::Object o = object(api::Kind::Secret, ns, name);
        auto &secret = o.as<api::Secret>();
        secret.type = "kubernetes.io/tls";
        secret.data["tls.crt"] = "LS0tLS1CRUdJTi...";
        secret.data["tls.key"] = "LS0tLS1CRUdJTi...";
        store.create(std::move(o));
    }

    std::shared_ptr<const traffic::RoutingTable> table()
    {
        traffic::RoutingTableBuilder builder(store, &metrics);
        return builder.build();
    }

private:
    int m_podSubnet = 1;
    int m_serviceCount = 0;
};

/** Routes one request and returns the decision; keeps the table alive beside it. */
struct Routed {
    std::shared_ptr<const traffic::RoutingTable> table;
    traffic::RoutingDecision decision;
    traffic::Trace trace;
    std::string backend() const
    {
        if (decision.service)
            return decision.service->name;
        return {};
    }
};

/** The Gateway default/gw that echoGateway sets up, as an entry point. */
inline traffic::EntryPoint gw() { return traffic::EntryPoint::gateway("default", "gw"); }

inline Routed send(Cluster &cluster, const traffic::EntryPoint &entry, const std::string &url,
                   std::vector<std::pair<std::string, std::string>> headers = {}, const std::string &method = "GET")
{
    Routed out;
    out.table = cluster.table();
    auto request = traffic::HttpRequest::fromUrl(url);
    request->method = method;
    for (auto &[name, value] : headers)
        request->headers.add(name, value);
    traffic::Router router(cluster.engine.stream("test-router"));
    out.decision = router.route(*out.table, entry, *request, cluster.engine.now(), &out.trace);
    return out;
}

} // namespace fixture
