#include "sim/manifest/decodekinds.h"

namespace sim::manifest {
namespace {

void decodeIngressBackend(MapReader &r, api::IngressBackend &out)
{
    r.object("service", [&](MapReader &s) {
        api::IngressServiceBackend &service = out.service.emplace();
        s.read("name", service.name);
        s.object("port", [&](MapReader &p) {
            p.read("number", service.portNumber);
            p.read("name", service.portName);
        });
    });
    r.object("resource", [&](MapReader &res) {
        api::TypedLocalObjectReference &ref = out.resource.emplace();
        res.read("apiGroup", ref.apiGroup);
        res.read("kind", ref.kind);
        res.read("name", ref.name);
    });
}

void decodeIngressRule(MapReader &r, api::IngressRule &out)
{
    r.read("host", out.host);
    r.object("http", [&](MapReader &http) {
        http.objects("paths", [&](MapReader &p, std::size_t) {
            api::HTTPIngressPath &path = out.paths.emplace_back();
            p.read("path", path.path);
            p.read("pathType", path.pathType);
            p.object("backend", [&](MapReader &b) { decodeIngressBackend(b, path.backend); });
        });
    });
}

} // namespace

void decodeBody(MapReader &top, api::Ingress &out)
{
    top.object("spec", [&](MapReader &s) {
        s.read("ingressClassName", out.spec.ingressClassName);
        s.object("defaultBackend", [&](MapReader &b) { decodeIngressBackend(b, out.spec.defaultBackend.emplace()); });
        s.objects("tls", [&](MapReader &t, std::size_t) {
            api::IngressTLS &tls = out.spec.tls.emplace_back();
            t.read("hosts", tls.hosts);
            t.read("secretName", tls.secretName);
        });
        s.objects("rules", [&](MapReader &r, std::size_t) { decodeIngressRule(r, out.spec.rules.emplace_back()); });
    });
}

void decodeBody(MapReader &top, api::IngressClass &out)
{
    top.object("spec", [&](MapReader &s) {
        s.read("controller", out.spec.controller);
        s.object("parameters", [&](MapReader &p) {
            api::IngressClassParameters &params = out.spec.parameters.emplace();
            p.read("apiGroup", params.apiGroup);
            p.read("kind", params.kind);
            p.read("name", params.name);
            p.read("scope", params.scope);
            p.read("namespace", params.namespace_);
        });
    });
}

} // namespace sim::manifest
