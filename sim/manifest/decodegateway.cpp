#include "sim/manifest/decodekinds.h"

namespace sim::manifest {
namespace {

void decodeObjectReference(MapReader &r, api::ObjectReference &out)
{
    r.read("group", out.group);
    r.read("kind", out.kind);
    r.read("name", out.name);
    r.read("namespace", out.namespace_);
}

void decodeListener(MapReader &r, api::Listener &out)
{
    r.read("name", out.name);
    r.read("hostname", out.hostname);
    r.read("port", out.port);
    r.read("protocol", out.protocol);
    r.object("tls", [&](MapReader &t) {
        api::GatewayTLSConfig &tls = out.tls.emplace();
        t.read("mode", tls.mode);
        t.objects("certificateRefs", [&](MapReader &c, std::size_t) {
            api::ObjectReference &ref = tls.certificateRefs.emplace_back();
            decodeObjectReference(c, ref);
            if (ref.kind.empty())
                ref.kind = "Secret";  // SecretObjectReference's default; group defaults to "" (core)
        });
        t.ignore({"options", "frontendValidation"});
    });
    r.object("allowedRoutes", [&](MapReader &a) {
        a.object("namespaces", [&](MapReader &n) {
            n.read("from", out.allowedRoutes.namespaces.from);
            n.object("selector", [&](MapReader &s) {
                decodeLabelSelector(s, out.allowedRoutes.namespaces.selector.emplace());
            });
        });
        a.objects("kinds", [&](MapReader &k, std::size_t) {
            api::RouteGroupKind &kind = out.allowedRoutes.kinds.emplace_back();
            k.read("group", kind.group);
            k.read("kind", kind.kind);
        });
    });
}

void decodeParentRef(MapReader &r, api::ParentReference &out)
{
    r.read("group", out.group);
    r.read("kind", out.kind);
    r.read("namespace", out.namespace_);
    r.read("name", out.name);
    r.read("sectionName", out.sectionName);
    r.read("port", out.port);
}

void decodeBackendObjectReference(MapReader &r, api::BackendObjectReference &out)
{
    r.read("group", out.group);
    r.read("kind", out.kind);
    r.read("name", out.name);
    r.read("namespace", out.namespace_);
    r.read("port", out.port);
}

void decodeHeaderFilter(MapReader &r, api::HTTPHeaderFilter &out)
{
    auto headers = [&](std::string_view key, std::vector<api::HTTPHeader> &list) {
        r.objects(key, [&](MapReader &h, std::size_t) {
            api::HTTPHeader &header = list.emplace_back();
            h.read("name", header.name);
            h.read("value", header.value);
        });
    };
    headers("set", out.set);
    headers("add", out.add);
    r.read("remove", out.remove);
}

void decodePathModifier(MapReader &r, std::string_view key, std::optional<api::HTTPPathModifier> &out)
{
    r.object(key, [&](MapReader &p) {
        api::HTTPPathModifier &path = out.emplace();
        p.read("type", path.type);
        p.read("replaceFullPath", path.replaceFullPath);
        p.read("replacePrefixMatch", path.replacePrefixMatch);
    });
}

void decodeFilter(MapReader &r, api::HTTPRouteFilter &out)
{
    r.read("type", out.type);
    r.object("requestHeaderModifier", [&](MapReader &h) { decodeHeaderFilter(h, out.requestHeaderModifier.emplace()); });
    r.object("responseHeaderModifier",
             [&](MapReader &h) { decodeHeaderFilter(h, out.responseHeaderModifier.emplace()); });
    r.object("requestRedirect", [&](MapReader &rr) {
        api::HTTPRequestRedirectFilter &redirect = out.requestRedirect.emplace();
        rr.read("scheme", redirect.scheme);
        rr.read("hostname", redirect.hostname);
        decodePathModifier(rr, "path", redirect.path);
        rr.read("port", redirect.port);
        rr.read("statusCode", redirect.statusCode);
    });
    r.object("urlRewrite", [&](MapReader &u) {
        api::HTTPURLRewriteFilter &rewrite = out.urlRewrite.emplace();
        u.read("hostname", rewrite.hostname);
        decodePathModifier(u, "path", rewrite.path);
    });
    r.object("requestMirror", [&](MapReader &m) {
        api::HTTPRequestMirrorFilter &mirror = out.requestMirror.emplace();
        m.object("backendRef", [&](MapReader &b) { decodeBackendObjectReference(b, mirror.backendRef); });
        m.read("percent", mirror.percent);
        m.ignore({"fraction"});
    });
    r.object("cors", [&](MapReader &c) {
        api::HTTPCORSFilter &cors = out.cors.emplace();
        c.read("allowOrigins", cors.allowOrigins);
        c.read("allowCredentials", cors.allowCredentials);
        c.read("allowMethods", cors.allowMethods);
        c.read("allowHeaders", cors.allowHeaders);
        c.read("exposeHeaders", cors.exposeHeaders);
        c.read("maxAge", cors.maxAge);
    });
    r.object("extensionRef", [&](MapReader &e) {
        api::LocalObjectReference &ref = out.extensionRef.emplace();
        e.read("group", ref.group);
        e.read("kind", ref.kind);
        e.read("name", ref.name);
    });
    // An experimental filter kubesim does not simulate (validation refuses its type).
    r.ignore({"externalAuth"});
}

void decodeMatch(MapReader &r, api::HTTPRouteMatch &out)
{
    r.object("path", [&](MapReader &p) {
        api::HTTPPathMatch &path = out.path.emplace();
        p.read("type", path.type);
        p.read("value", path.value);
    });
    if (!out.path)
        out.path.emplace();  // the CRD's default: PathPrefix "/"
    r.objects("headers", [&](MapReader &h, std::size_t) {
        api::HTTPHeaderMatch &header = out.headers.emplace_back();
        h.read("type", header.type);
        h.read("name", header.name);
        h.read("value", header.value);
    });
    r.objects("queryParams", [&](MapReader &q, std::size_t) {
        api::HTTPQueryParamMatch &param = out.queryParams.emplace_back();
        q.read("type", param.type);
        q.read("name", param.name);
        q.read("value", param.value);
    });
    r.read("method", out.method);
}

void decodeRule(MapReader &r, api::HTTPRouteRule &out)
{
    r.read("name", out.name);
    r.objects("matches", [&](MapReader &m, std::size_t) { decodeMatch(m, out.matches.emplace_back()); });
    if (out.matches.empty())
        out.matches.push_back(api::HTTPRouteMatch{api::HTTPPathMatch{}, {}, {}, std::nullopt});
    r.objects("filters", [&](MapReader &f, std::size_t) { decodeFilter(f, out.filters.emplace_back()); });
    r.objects("backendRefs", [&](MapReader &b, std::size_t) {
        api::HTTPBackendRef &ref = out.backendRefs.emplace_back();
        decodeBackendObjectReference(b, ref.ref);
        b.read("weight", ref.weight);
        b.objects("filters", [&](MapReader &f, std::size_t) { decodeFilter(f, ref.filters.emplace_back()); });
    });
    r.ignore({"timeouts", "retry", "sessionPersistence"});
}

} // namespace

void decodeBody(MapReader &top, api::GatewayClass &out)
{
    top.object("spec", [&](MapReader &s) {
        s.read("controllerName", out.spec.controllerName);
        s.object("parametersRef", [&](MapReader &p) {
            api::ParametersReference &ref = out.spec.parametersRef.emplace();
            p.read("group", ref.group);
            p.read("kind", ref.kind);
            p.read("name", ref.name);
            p.read("namespace", ref.namespace_);
        });
        s.read("description", out.spec.description);
    });
}

void decodeBody(MapReader &top, api::Gateway &out)
{
    top.object("spec", [&](MapReader &s) {
        s.read("gatewayClassName", out.spec.gatewayClassName);
        s.objects("listeners", [&](MapReader &l, std::size_t) { decodeListener(l, out.spec.listeners.emplace_back()); });
        s.objects("addresses", [&](MapReader &a, std::size_t) {
            api::GatewaySpecAddress &address = out.spec.addresses.emplace_back();
            a.read("type", address.type);
            a.read("value", address.value);
        });
        s.ignore({"infrastructure", "tls", "allowedListeners", "backendTLS"});
    });
}

void decodeBody(MapReader &top, api::HTTPRoute &out)
{
    top.object("spec", [&](MapReader &s) {
        s.objects("parentRefs", [&](MapReader &p, std::size_t) { decodeParentRef(p, out.spec.parentRefs.emplace_back()); });
        s.read("hostnames", out.spec.hostnames);
        s.objects("rules", [&](MapReader &r, std::size_t) { decodeRule(r, out.spec.rules.emplace_back()); });
    });
    // The CRD's default when no rule is given: one rule matching every path.
    if (out.spec.rules.empty())
        out.spec.rules.push_back(api::HTTPRouteRule{std::nullopt, {api::HTTPRouteMatch{api::HTTPPathMatch{}, {}, {}, std::nullopt}}, {}, {}});
}

void decodeBody(MapReader &top, api::ReferenceGrant &out)
{
    top.object("spec", [&](MapReader &s) {
        s.objects("from", [&](MapReader &f, std::size_t) {
            api::ReferenceGrantFrom &from = out.from.emplace_back();
            f.read("group", from.group);
            f.read("kind", from.kind);
            f.read("namespace", from.namespace_);
        });
        s.objects("to", [&](MapReader &t, std::size_t) {
            api::ReferenceGrantTo &to = out.to.emplace_back();
            t.read("group", to.group);
            t.read("kind", to.kind);
            t.read("name", to.name);
        });
    });
}

} // namespace sim::manifest
