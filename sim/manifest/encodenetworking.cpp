#include "sim/manifest/encodekinds.h"
#include "sim/manifest/yamlwriter.h"

namespace sim::manifest {
namespace {

YAML::Node ingressBackendNode(const api::IngressBackend &b)
{
    YAML::Node n = newMap();
    if (b.service) {
        YAML::Node service = newMap();
        setStringAlways(service, "name", b.service->name);
        YAML::Node port = newMap();
        setIntNonZero(port, "number", b.service->portNumber);
        setString(port, "name", b.service->portName);
        service["port"] = port;
        n["service"] = service;
    }
    if (b.resource) {
        YAML::Node resource = newMap();
        setString(resource, "apiGroup", b.resource->apiGroup);
        setStringAlways(resource, "kind", b.resource->kind);
        setStringAlways(resource, "name", b.resource->name);
        n["resource"] = resource;
    }
    return n;
}

YAML::Node ingressRuleNode(const api::IngressRule &rule)
{
    YAML::Node n = newMap();
    setString(n, "host", rule.host);
    if (rule.paths.empty())
        return n;
    YAML::Node paths = newList();
    for (const api::HTTPIngressPath &p : rule.paths) {
        YAML::Node path = newMap();
        setString(path, "path", p.path);
        setString(path, "pathType", p.pathType);
        path["backend"] = ingressBackendNode(p.backend);
        paths.push_back(path);
    }
    YAML::Node http = newMap();
    http["paths"] = paths;
    n["http"] = http;
    return n;
}

} // namespace

void encodeBody(const api::Ingress &body, YAML::Node &top, bool withStatus)
{
    const api::IngressSpec &s = body.spec;
    YAML::Node spec = newMap();
    setString(spec, "ingressClassName", s.ingressClassName);
    if (s.defaultBackend)
        spec["defaultBackend"] = ingressBackendNode(*s.defaultBackend);
    YAML::Node tls = newList();
    for (const api::IngressTLS &t : s.tls) {
        YAML::Node n = newMap();
        setStringList(n, "hosts", t.hosts);
        setString(n, "secretName", t.secretName);
        tls.push_back(n);
    }
    setChild(spec, "tls", tls);
    YAML::Node rules = newList();
    for (const api::IngressRule &r : s.rules)
        rules.push_back(ingressRuleNode(r));
    setChild(spec, "rules", rules);
    top["spec"] = spec;
    if (!withStatus)
        return;
    YAML::Node ingress = newList();
    for (const api::IngressLoadBalancerIngress &i : body.status.loadBalancer) {
        YAML::Node n = newMap();
        setString(n, "ip", i.ip);
        setString(n, "hostname", i.hostname);
        ingress.push_back(n);
    }
    YAML::Node lb = newMap();
    setChild(lb, "ingress", ingress);
    YAML::Node status = newMap();
    status["loadBalancer"] = lb;
    top["status"] = status;
}

void encodeBody(const api::IngressClass &body, YAML::Node &top, bool)
{
    YAML::Node spec = newMap();
    setString(spec, "controller", body.spec.controller);
    if (body.spec.parameters) {
        const api::IngressClassParameters &p = *body.spec.parameters;
        YAML::Node params = newMap();
        setString(params, "apiGroup", p.apiGroup);
        setStringAlways(params, "kind", p.kind);
        setStringAlways(params, "name", p.name);
        setString(params, "scope", p.scope);
        setString(params, "namespace", p.namespace_);
        spec["parameters"] = params;
    }
    top["spec"] = spec;
}

} // namespace sim::manifest
