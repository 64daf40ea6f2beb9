#include "sim/traffic/router.h"

#include "sim/traffic/corsfilter.h"
#include "sim/traffic/gatewaymatcher.h"
#include "sim/traffic/hostnames.h"
#include "sim/traffic/httpfilters.h"
#include "sim/traffic/ingressmatcher.h"

#include <algorithm>
#include <array>

namespace sim::traffic {

using Outcome = RoutingDecision::Outcome;
using Via = RoutingDecision::Via;

namespace {

std::string endpointText(const CompiledEndpoint &e) { return e.address + ":" + std::to_string(e.port); }

bool hasUpperCase(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

} // namespace

Router::Router(engine::RandomStream random, KubeProxy::Mode mode) : m_random(random), m_kubeProxy(mode) {}

void Router::answer(RoutingDecision &d, std::int32_t status, const char *reason, Trace *trace, const std::string &why)
{
    d.outcome = Outcome::Answered;
    d.status = status;
    d.reason = reason;
    if (trace)
        trace->add("answer", std::to_string(status) + " " + reason, why);
}

void Router::refuse(RoutingDecision &d, Outcome outcome, const char *reason, Trace *trace, const std::string &why)
{
    d.outcome = outcome;
    d.status = 0;
    d.reason = reason;
    if (trace)
        trace->add(outcome == Outcome::TimedOut ? "dropped" : "refused", reason, why);
}

RoutingDecision Router::route(const RoutingTable &table, const EntryPoint &entry, const HttpRequest &original,
                              engine::SimTime now, Trace *trace)
{
    // Hostnames compare case-insensitively; copy only in the rare case the host needs lower-casing. The
    // copy is made in a function of its own: a request-sized local here costs every decision its setup.
    if (hasUpperCase(original.host))
        return routeLowered(table, entry, original, now, trace);
    return routeLowerCaseHost(table, entry, original, now, trace);
}

RoutingDecision Router::routeLowered(const RoutingTable &table, const EntryPoint &entry, const HttpRequest &original,
                                     engine::SimTime now, Trace *trace)
{
    HttpRequest lowered = original;
    lowered.host = hostnames::normalize(original.host);
    return routeLowerCaseHost(table, entry, lowered, now, trace);
}

RoutingDecision Router::routeLowerCaseHost(const RoutingTable &table, const EntryPoint &entry, const HttpRequest &request,
                                           engine::SimTime now, Trace *trace)
{
    RoutingDecision d;
    m_now = now;
    if (m_roundRobin.size() < table.servicePorts.size())
        m_roundRobin.resize(table.servicePorts.size(), 0);
    switch (entry.kind) {
    case EntryPoint::Kind::Gateway:
        if (const CompiledGateway *gateway = cachedGateway(table, entry))
            viaGateway(table, *gateway, entry.listener, request, d, trace);
        else
            refuse(d, Outcome::Refused, "Gateway not programmed", trace,
                   "Gateway " + entry.namespace_ + "/" + entry.name + " does not exist or its GatewayClass does not, so no controller serves it");
        break;
    case EntryPoint::Kind::IngressClass:
        if (const CompiledIngressController *controller = table.findIngressController(entry.name))
            viaIngress(table, *controller, request, d, trace);
        else
            refuse(d, Outcome::Refused, "no ingress controller", trace, "no Ingress uses IngressClass " + entry.name);
        break;
    case EntryPoint::Kind::Service:
        if (const CompiledService *service = table.findService(entry.namespace_, entry.name)) {
            if (service->type == "LoadBalancer" && !service->loadBalancerIPs.empty())
                viaService(table, *service, request, Via::LoadBalancer, nullptr, d, trace);
            else if ((service->type == "NodePort" || service->type == "LoadBalancer") && !table.nodes.empty())
                viaService(table, *service, request, Via::NodePort, &table.nodes.front(), d, trace);
            else
                viaService(table, *service, request, Via::ClusterIP, nullptr, d, trace);
        } else {
            refuse(d, Outcome::Refused, "Service not found", trace, "no Service " + entry.namespace_ + "/" + entry.name);
        }
        break;
    case EntryPoint::Kind::Auto:
        if (table.findAddress(request.host))
            viaAddress(table, request, d, trace);
        else
            viaClusterName(table, entry, request, d, trace);
        break;
    }
    return d;
}

const CompiledGateway *Router::cachedGateway(const RoutingTable &table, const EntryPoint &entry)
{
    // Load generators send many requests to one Gateway: skip building its key and hashing it each time.
    if (m_cachedTable != table.id || m_cachedNamespace != entry.namespace_ || m_cachedName != entry.name) {
        m_cachedTable = table.id;
        m_cachedNamespace = entry.namespace_;
        m_cachedName = entry.name;
        m_cachedGateway = table.findGateway(entry.namespace_, entry.name);
    }
    return m_cachedGateway;
}

void Router::viaAddress(const RoutingTable &table, const HttpRequest &request, RoutingDecision &d, Trace *trace)
{
    const AddressOwner &owner = *table.findAddress(request.host);
    switch (owner.kind) {
    case AddressOwner::Kind::LoadBalancer:
        viaService(table, table.services[owner.index], request, Via::LoadBalancer, nullptr, d, trace);
        return;
    case AddressOwner::Kind::ClusterIP:
        viaService(table, table.services[owner.index], request, Via::ClusterIP, nullptr, d, trace);
        return;
    case AddressOwner::Kind::Gateway:
        viaGateway(table, table.gateways[owner.index], {}, request, d, trace);
        return;
    case AddressOwner::Kind::IngressController:
        viaIngress(table, table.ingressControllers[owner.index], request, d, trace);
        return;
    case AddressOwner::Kind::Node: {
        const CompiledNode &node = table.nodes[owner.index];
        std::int32_t port = request.effectivePort();
        for (const CompiledService &service : table.services) {
            for (const CompiledServicePort &p : service.ports) {
                if (p.nodePort == port && p.nodePort != 0) {
                    viaService(table, service, request, Via::NodePort, &node, d, trace);
                    return;
                }
            }
        }
        refuse(d, Outcome::Refused, "connection refused", trace,
               "node " + node.name + " (" + node.ip + ") has no NodePort " + std::to_string(port));
        return;
    }
    case AddressOwner::Kind::Pod:
        d.outcome = Outcome::Forwarded;
        d.pod = owner.index;
        if (trace)
            trace->add("pod", "pod " + table.pods[owner.index].key(), "the address is the pod's own IP: no Service, no kube-proxy");
        return;
    }
}

void Router::viaClusterName(const RoutingTable &table, const EntryPoint &entry, const HttpRequest &request,
                            RoutingDecision &d, Trace *trace)
{
    const CompiledService *service = table.resolveServiceName(request.host, entry.clientNamespace);
    if (!service) {
        refuse(d, Outcome::Refused, "could not resolve host", trace,
               "\"" + request.host + "\" is no address in the cluster and no Service name (svc, svc.ns, svc.ns.svc.cluster.local)");
        return;
    }
    if (trace)
        trace->add("dns", request.host + " -> Service " + service->key(),
                   service->isHeadless() ? "a headless Service: DNS answers with the ready pods' IPs" : "cluster DNS answers with the ClusterIP " + service->clusterIP);
    if (service->type == "ExternalName") {
        refuse(d, Outcome::Refused, "ExternalName leaves the cluster", trace,
               "DNS answers with a CNAME to " + service->externalName + ", outside the simulated cluster");
        return;
    }
    viaService(table, *service, request, Via::ClusterIP, nullptr, d, trace);
}

void Router::viaService(const RoutingTable &table, const CompiledService &service, const HttpRequest &request, Via via,
                        const CompiledNode *node, RoutingDecision &d, Trace *trace)
{
    d.via = via;
    d.service = &service;
    std::int32_t port = request.effectivePort();
    const CompiledServicePort *servicePort = nullptr;
    for (const CompiledServicePort &p : service.ports) {
        if ((via == Via::NodePort ? p.nodePort : p.port) == port)
            servicePort = &p;
    }
    if (service.isHeadless() && !servicePort && !service.ports.empty())
        servicePort = &service.ports.front();  // clients of a headless Service dial pods on their own port
    if (trace) {
        std::string where = via == Via::LoadBalancer ? "cloud load balancer of Service " + service.key()
            : via == Via::NodePort                   ? "NodePort " + std::to_string(port) + " on node " + node->name + " (" + node->ip + ")"
                                                     : "ClusterIP of Service " + service.key();
        trace->add("entry", where, via == Via::LoadBalancer ? "the address is the Service's external IP" : "");
    }
    if (!servicePort) {
        refuse(d, Outcome::Refused, "connection refused", trace,
               "Service " + service.key() + " has no " + (via == Via::NodePort ? "nodePort " : "port ") + std::to_string(port));
        return;
    }
    d.servicePort = servicePort;
    std::string_view onNode;
    bool external = via == Via::LoadBalancer || via == Via::NodePort;
    if (external && service.externalLocal) {
        if (via == Via::NodePort) {
            onNode = node->name;
        } else {
            // The cloud LB health-checks nodes and spreads over those with a local endpoint, evenly per node.
            std::array<std::string_view, 64> nodes;
            std::size_t count = 0;
            for (const CompiledEndpoint &e : servicePort->ready) {
                if (count < nodes.size() && std::find(nodes.begin(), nodes.begin() + count, e.nodeName) == nodes.begin() + count)
                    nodes[count++] = e.nodeName;
            }
            if (count > 0)
                onNode = nodes[m_random.uniform(count)];
            if (trace && count > 0)
                trace->add("load balancer", "node " + std::string(onNode),
                           "externalTrafficPolicy: Local: the load balancer only sends to the " + std::to_string(count)
                               + " node(s) with a ready endpoint, evenly per node; the client IP is kept");
        }
    } else if (trace && external) {
        trace->add("kube-proxy", "any endpoint in the cluster", "externalTrafficPolicy: Cluster: the node may forward to another node; the source IP becomes the node's");
    }
    std::string_view client = request.clientIp.empty() ? std::string_view(request.clientId) : std::string_view(request.clientIp);
    const CompiledEndpoint *endpoint = m_kubeProxy.pick(service, *servicePort, onNode, client, m_now, m_random, trace);
    if (!endpoint) {
        if (external && service.externalLocal && via == Via::NodePort) {
            refuse(d, Outcome::TimedOut, "no local endpoint", trace,
                   "externalTrafficPolicy: Local and node " + node->name + " runs no ready endpoint: kube-proxy drops the packets");
            return;
        }
        refuse(d, Outcome::Refused, "connection refused", trace,
               "Service " + service.key() + " has no ready endpoint (" + std::to_string(servicePort->notReady)
                   + " not ready): kube-proxy rejects the connection");
        return;
    }
    d.outcome = Outcome::Forwarded;
    d.endpoint = endpoint;
    d.pod = endpoint->pod;
    if (trace && d.pod != kNone)
        trace->add("pod", "pod " + table.pods[d.pod].key() + " on node " + table.pods[d.pod].nodeName, "the endpoint " + endpointText(*endpoint) + " is this pod");
}

void Router::viaGateway(const RoutingTable &table, const CompiledGateway &gateway, const std::string &listenerName,
                        const HttpRequest &request, RoutingDecision &d, Trace *trace)
{
    d.via = Via::Gateway;
    d.gateway = &gateway;
    d.entryMetric = gateway.metricId;
    if (trace)
        trace->add("entry", "Gateway " + gateway.key() + (gateway.addresses.empty() ? "" : " at " + gateway.addresses.front()),
                   "GatewayClass " + gateway.className + " (controller " + gateway.controllerName + ")");
    if (!gateway.isProgrammed) {
        refuse(d, Outcome::Refused, "Gateway not programmed", trace, gateway.problem);
        return;
    }
    const CompiledListener *listener = nullptr;
    if (!listenerName.empty()) {
        for (const CompiledListener &l : gateway.listeners) {
            if (l.name == listenerName)
                listener = &l;
        }
        if (listener && trace)
            trace->add("listener", "listener " + listener->name + " (" + listener->protocol + " port " + std::to_string(listener->port) + ")",
                       "chosen by name");
    } else {
        listener = GatewayMatcher::selectListener(gateway, request.effectivePort(), request.host, trace);
    }
    if (!listener) {
        bool portOpen = std::any_of(gateway.listeners.begin(), gateway.listeners.end(),
                                    [&](const CompiledListener &l) { return l.port == request.effectivePort(); });
        if (portOpen)
            answer(d, 404, "Not Found", trace, "no listener on port " + std::to_string(request.effectivePort()) + " accepts host " + request.host);
        else
            refuse(d, Outcome::Refused, "connection refused", trace,
                   "Gateway " + gateway.key() + " has no listener on port " + std::to_string(request.effectivePort()));
        return;
    }
    d.listener = listener;
    d.entryMetric = listener->metricId;
    if (!listener->isAccepted) {
        refuse(d, Outcome::Refused, "listener not programmed", trace, listener->problem);
        return;
    }
    if ((request.scheme == "https") != (listener->protocol == "HTTPS")) {
        refuse(d, Outcome::Refused, "protocol mismatch", trace,
               "a " + request.scheme + " request reached a " + listener->protocol + " listener: the connection is reset");
        return;
    }
    if (listener->protocol == "HTTPS") {
        if (!listener->hasValidCertificate) {
            refuse(d, Outcome::Refused, "TLS handshake failed", trace, listener->certificateProblem);
            return;
        }
        if (trace)
            trace->add("tls", "TLS terminated at the Gateway", "listener " + listener->name + " holds a valid certificate");
    }
    const MatchProbe *found = GatewayMatcher::findMatch(*listener, request, trace);
    if (!found) {
        answer(d, 404, "Not Found", trace,
               "no HTTPRoute rule on listener " + listener->name + " matches host " + request.host + " and path " + request.path
                   + " (" + std::to_string(listener->attachedRoutes) + " route(s) attached)");
        return;
    }
    // Only addresses of the match and rule are taken here: the probe holds what forwarding reads.
    const MatchProbe &probe = *found;
    d.match = &listener->matches[probe.match];
    d.rule = &listener->rules[probe.rule];
    d.ruleMetric = probe.ruleMetric;
    if (trace) {
        trace->add("rule", GatewayMatcher::name(*listener, *d.match),
                   "the first match in the spec's precedence order (exact path, longest prefix, method, headers, query, oldest route)");
        GatewayMatcher::traceLosers(*listener, request, probe, *trace);
    }
    if (probe.hasRuleFilters && applyRuleFilters(table, request, d, trace))
        return;
    forwardGatewayRule(table, probe, d, trace);
}

bool Router::applyRuleFilters(const RoutingTable &table, const HttpRequest &request, RoutingDecision &d, Trace *trace)
{
    const CompiledRule &rule = *d.rule;
    // The first filter in the rule's order that answers for the Gateway ends the request there.
    for (const api::HTTPRouteFilter &filter : rule.filters) {
        if (filter.type == "RequestRedirect" && filter.requestRedirect) {
            d.redirectLocation = HttpFilters::redirectLocation(*filter.requestRedirect, *d.match, *d.listener, request);
            answer(d, filter.requestRedirect->statusCode, "Redirect", trace, "RequestRedirect filter: Location " + d.redirectLocation);
            return true;
        }
        if (filter.type == "CORS" && filter.cors && CorsFilter::isPreflight(request)) {
            answer(d, 200, "OK", trace, "CORS filter: the Gateway answers the browser's preflight itself, no backend is asked");
            return true;
        }
        if (filter.type == "ExtensionRef" && filter.extensionRef) {
            answer(d, 500, "Internal Server Error", trace, HttpFilters::unresolvedExtension(*filter.extensionRef));
            return true;
        }
    }
    for (const CompiledMirror &mirror : rule.mirrors) {
        if (!mirror.backend.isValid() || m_random.uniform(100) >= mirror.percent)
            continue;
        RoutingDecision copy;
        if (proxyToEndpoints(table, mirror.backend.service, mirror.backend.servicePort, copy, nullptr)) {
            d.mirrors.push_back(MirrorTarget{&mirror.backend, copy.endpoint});
            if (trace)
                trace->add("filter", "RequestMirror: a copy goes to " + mirror.backend.key() + " (" + endpointText(*copy.endpoint) + ")",
                           "the mirror's response is dropped");
        }
    }
    return false;
}

void Router::forwardGatewayRule(const RoutingTable &table, const MatchProbe &probe, RoutingDecision &d, Trace *trace)
{
    const BackendPick *picks = probe.picks(d.listener->picks);
    const std::uint64_t total = probe.drawsFromRule ? d.rule->totalWeight
                              : probe.pickCount > 0 ? picks[probe.pickCount - 1].cumulativeWeight
                                                    : 0;
    if (total == 0) {
        answer(d, 500, "Internal Server Error", trace,
               d.rule->backends.empty() ? "the rule has no backendRefs" : "every backendRef has weight 0");
        return;
    }
    std::uint64_t draw = m_random.uniform(total);
    std::size_t index = 0;
    if (probe.drawsFromRule) {
        // Weights past 32 bits or more backends than a probe counts (objects built in code: validation bounds
        // both): the same draw, summed from the rule.
        const std::vector<CompiledBackendRef> &backends = d.rule->backends;
        for (std::uint64_t cumulative = backends[0].weight; cumulative <= draw; cumulative += backends[index].weight)
            ++index;
    } else {
        index = static_cast<std::size_t>(
            std::upper_bound(picks, picks + probe.pickCount, draw, [](std::uint64_t v, const BackendPick &p) { return v < p.cumulativeWeight; })
            - picks);
    }
    d.backendIndex = static_cast<std::uint32_t>(index);
    if (trace) {
        const CompiledBackendRef &backend = *d.backendRef();
        std::string why = "weight " + std::to_string(backend.weight) + " of " + std::to_string(total);
        if (probe.pickCount > 1)
            why += "; draw " + std::to_string(draw) + " fell in its range";
        trace->add("backend", backend.kind + " " + backend.key() + (backend.port ? ":" + std::to_string(backend.port) : ""), why);
    }
    if (probe.drawsFromRule) {
        const CompiledBackendRef &backend = *d.backendRef();
        d.backendMetric = backend.metricId;
        if (backend.isValid())
            proxyToEndpoints(table, backend.service, backend.servicePort, d, trace);
        else
            refuseInvalidBackend(d, trace);
        return;
    }
    const BackendPick &pick = picks[index];
    d.backendMetric = pick.metricId;
    if (!pick.isValid()) {
        refuseInvalidBackend(d, trace);
        return;
    }
    const ServicePortRef &port = table.servicePorts[pick.servicePort];
    proxyToEndpoints(table, port.service, port.port, d, trace);
}

void Router::refuseInvalidBackend(RoutingDecision &d, Trace *trace)
{
    answer(d, 500, "Internal Server Error", trace, "invalid backendRef (" + d.backendRef()->invalidReason + "): " + d.backendRef()->invalidMessage);
}

bool Router::proxyToEndpoints(const RoutingTable &table, std::uint32_t serviceIndex, std::uint32_t portIndex, RoutingDecision &d,
                              Trace *trace)
{
    const CompiledService &service = table.services[serviceIndex];
    const CompiledServicePort &port = service.ports[portIndex];
    d.service = &service;
    d.servicePort = &port;
    const std::vector<CompiledEndpoint> &pool = port.ready.empty() ? port.servingTerminating : port.ready;
    if (pool.empty()) {
        answer(d, 503, "Service Unavailable", trace,
               "Service " + service.key() + " port " + std::to_string(port.port) + " has no ready endpoint in its "
                   + std::to_string(service.sliceCount) + " EndpointSlice(s) (" + std::to_string(port.notReady) + " not ready)");
        return false;
    }
    // Proxies balance over the EndpointSlice endpoints themselves (round-robin), not through the ClusterIP.
    // A 32-bit remainder (same value: the position is 32-bit) costs a fraction of a 64-bit division.
    const CompiledEndpoint &endpoint = pool[m_roundRobin[port.index]++ % static_cast<std::uint32_t>(pool.size())];
    d.outcome = Outcome::Forwarded;
    d.endpoint = &endpoint;
    d.pod = endpoint.pod;
    if (trace) {
        trace->add("service", "Service " + service.key() + " port " + std::to_string(port.port),
                   std::to_string(pool.size()) + " ready endpoint(s) in " + std::to_string(service.sliceCount) + " EndpointSlice(s)");
        trace->add("endpoint", endpointText(endpoint) + " from EndpointSlice " + endpoint.sliceName,
                   "the proxy balances round-robin over ready endpoints");
        if (d.pod != kNone)
            trace->add("pod", "pod " + table.pods[d.pod].key() + " on node " + table.pods[d.pod].nodeName, "");
    }
    return true;
}

void Router::viaIngress(const RoutingTable &table, const CompiledIngressController &controller, const HttpRequest &request,
                        RoutingDecision &d, Trace *trace)
{
    d.via = Via::Ingress;
    d.ingress = &controller;
    d.entryMetric = controller.metricId;
    if (trace)
        trace->add("entry", "ingress-nginx controller of IngressClass " + controller.className
                                + (controller.addresses.empty() ? "" : " at " + controller.addresses.front()),
                   std::to_string(controller.ingresses.size()) + " Ingress(es) merged into its configuration");
    const IngressServer *server = IngressMatcher::selectServer(controller, request.host, trace);
    if (!server) {
        answer(d, 404, "Not Found", trace, "the controller's default backend answers 404");
        return;
    }
    d.server = server;
    if (request.scheme == "https") {
        if (server->hasTls && server->hasValidCertificate) {
            if (trace)
                trace->add("tls", "TLS terminated with Secret " + server->tlsSecret, "the Ingress tls section lists this host");
        } else if (trace) {
            trace->add("tls", "TLS terminated with the controller's self-signed default certificate",
                       server->hasTls ? server->tlsProblem + "; browsers warn" : "no Ingress tls section lists this host; browsers warn");
        }
    }
    if (request.path == "/" && server->appRoot) {
        d.redirectLocation = request.scheme + "://" + request.host + *server->appRoot;
        answer(d, 302, "Found", trace, "app-root annotation: / redirects to " + *server->appRoot);
        return;
    }
    const IngressLocation *location = IngressMatcher::findLocation(*server, request.path, trace);
    if (!location) {
        if (server->defaultBackend) {
            if (trace)
                trace->add("backend", "the Ingress defaultBackend " + server->defaultBackend->key(), "no path matched");
            forwardIngress(table, *server->defaultBackend, d, trace);
            return;
        }
        answer(d, 404, "Not Found", trace, "no path matched and no defaultBackend: the controller's default backend answers 404");
        return;
    }
    d.location = location;
    d.ruleMetric = location->metricId;
    if (location->permanentRedirect) {
        d.redirectLocation = *location->permanentRedirect;
        answer(d, location->permanentRedirectCode, "Moved Permanently", trace, "permanent-redirect annotation");
        return;
    }
    if (location->temporalRedirect) {
        d.redirectLocation = *location->temporalRedirect;
        answer(d, 302, "Found", trace, "temporal-redirect annotation");
        return;
    }
    if (request.scheme == "http") {
        bool tlsRedirect = server->hasTls && server->hasValidCertificate && location->sslRedirect;
        if (tlsRedirect || location->forceSslRedirect) {
            d.redirectLocation = "https://" + request.host + request.pathAndQuery();
            answer(d, 308, "Permanent Redirect", trace,
                   tlsRedirect ? "the host has TLS, so ingress-nginx redirects plain HTTP (ssl-redirect defaults to true)"
                               : "force-ssl-redirect annotation");
            return;
        }
        if (server->hasTls && !server->hasValidCertificate && trace)
            trace->add("tls", "no HTTP to HTTPS redirect", server->tlsProblem + ": without a usable certificate the host is served on HTTP");
    }
    const IngressServiceTarget *target = chooseCanary(*location, request, trace);
    d.isCanary = target != &location->backend;
    forwardIngress(table, *target, d, trace);
}

const IngressServiceTarget *Router::chooseCanary(const IngressLocation &location, const HttpRequest &request, Trace *trace)
{
    if (!location.canary)
        return &location.backend;
    const IngressCanary &canary = *location.canary;
    auto decide = [&](bool toCanary, const std::string &why) {
        if (trace)
            trace->add("canary", toCanary ? "canary Ingress " + canary.ingressNamespace + "/" + canary.ingressName : "main Ingress " + location.ingressKey(), why);
        return toCanary ? &canary.backend : &location.backend;
    };
    // ingress-nginx's order: header, then cookie, then weight.
    if (!canary.header.empty()) {
        if (const std::string *value = request.headers.get(canary.header)) {
            if (!canary.headerValue.empty()) {
                if (*value == canary.headerValue)
                    return decide(true, "header " + canary.header + " equals canary-by-header-value");
            } else if (canary.headerPattern) {
                if (std::regex_search(*value, *canary.headerPattern))
                    return decide(true, "header " + canary.header + " matches canary-by-header-pattern " + canary.headerPatternText);
            } else if (*value == "always") {
                return decide(true, "header " + canary.header + ": always");
            } else if (*value == "never") {
                return decide(false, "header " + canary.header + ": never");
            }
        }
    }
    if (!canary.cookie.empty()) {
        if (auto value = request.cookie(canary.cookie)) {
            if (*value == "always")
                return decide(true, "cookie " + canary.cookie + "=always");
            if (*value == "never")
                return decide(false, "cookie " + canary.cookie + "=never");
        }
    }
    // As ingress-nginx's balancer: math.random(total) <= weight, where the total only counts above 100.
    std::uint32_t total = std::max<std::uint32_t>(canary.weightTotal, 100);
    std::uint64_t draw = m_random.uniform(total) + 1;
    bool toCanary = draw <= canary.weight;
    return decide(toCanary, "canary-weight " + std::to_string(canary.weight) + " of " + std::to_string(total) + ": draw "
                                + std::to_string(draw));
}

void Router::forwardIngress(const RoutingTable &table, const IngressServiceTarget &target, RoutingDecision &d, Trace *trace)
{
    d.ingressTarget = &target;
    d.backendMetric = target.metricId;
    if (!target.problem.empty()) {
        answer(d, 503, "Service Unavailable", trace, target.problem);
        return;
    }
    proxyToEndpoints(table, target.service, target.servicePort, d, trace);
}

} // namespace sim::traffic
