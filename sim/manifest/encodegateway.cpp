#include "sim/manifest/encodekinds.h"
#include "sim/manifest/yamlwriter.h"

namespace sim::manifest {
namespace {

// Gateway API prints defaulted fields, so group: "" (the core group) is written out.
YAML::Node objectReferenceNode(const api::ObjectReference &r)
{
    YAML::Node n = newMap();
    setStringAlways(n, "group", r.group);
    setStringAlways(n, "kind", r.kind);
    setStringAlways(n, "name", r.name);
    setString(n, "namespace", r.namespace_);
    return n;
}

YAML::Node routeGroupKindsNode(const std::vector<api::RouteGroupKind> &kinds)
{
    YAML::Node list = newList();
    for (const api::RouteGroupKind &k : kinds) {
        YAML::Node n = newMap();
        setStringAlways(n, "group", k.group);
        setStringAlways(n, "kind", k.kind);
        list.push_back(n);
    }
    return list;
}

YAML::Node listenerNode(const api::Listener &l)
{
    YAML::Node n = newMap();
    setStringAlways(n, "name", l.name);
    setString(n, "hostname", l.hostname);
    setInt(n, "port", l.port);
    setStringAlways(n, "protocol", l.protocol);
    if (l.tls) {
        YAML::Node tls = newMap();
        setString(tls, "mode", l.tls->mode);
        YAML::Node refs = newList();
        for (const api::ObjectReference &r : l.tls->certificateRefs)
            refs.push_back(objectReferenceNode(r));
        setChild(tls, "certificateRefs", refs);
        n["tls"] = tls;
    }
    YAML::Node namespaces = newMap();
    setStringAlways(namespaces, "from", l.allowedRoutes.namespaces.from);
    if (l.allowedRoutes.namespaces.selector)
        namespaces["selector"] = labelSelectorNode(*l.allowedRoutes.namespaces.selector);
    YAML::Node allowed = newMap();
    allowed["namespaces"] = namespaces;
    setChild(allowed, "kinds", routeGroupKindsNode(l.allowedRoutes.kinds));
    n["allowedRoutes"] = allowed;
    return n;
}

YAML::Node addressesNode(const std::vector<api::GatewaySpecAddress> &addresses)
{
    YAML::Node list = newList();
    for (const api::GatewaySpecAddress &a : addresses) {
        YAML::Node n = newMap();
        setStringAlways(n, "type", a.type);
        setStringAlways(n, "value", a.value);
        list.push_back(n);
    }
    return list;
}

YAML::Node parentRefNode(const api::ParentReference &p)
{
    YAML::Node n = newMap();
    setStringAlways(n, "group", p.group);
    setStringAlways(n, "kind", p.kind);
    setStringAlways(n, "name", p.name);
    setString(n, "namespace", p.namespace_);
    setString(n, "sectionName", p.sectionName);
    setInt(n, "port", p.port);
    return n;
}

YAML::Node backendObjectReferenceNode(const api::BackendObjectReference &r)
{
    YAML::Node n = newMap();
    setStringAlways(n, "group", r.group);
    setStringAlways(n, "kind", r.kind);
    setStringAlways(n, "name", r.name);
    setString(n, "namespace", r.namespace_);
    setInt(n, "port", r.port);
    return n;
}

YAML::Node headerFilterNode(const api::HTTPHeaderFilter &f)
{
    YAML::Node n = newMap();
    for (auto [key, headers] : {std::pair{"set", &f.set}, std::pair{"add", &f.add}}) {
        YAML::Node list = newList();
        for (const api::HTTPHeader &h : *headers) {
            YAML::Node header = newMap();
            setStringAlways(header, "name", h.name);
            setStringAlways(header, "value", h.value);
            list.push_back(header);
        }
        setChild(n, key, list);
    }
    setStringList(n, "remove", f.remove);
    return n;
}

YAML::Node pathModifierNode(const api::HTTPPathModifier &m)
{
    YAML::Node n = newMap();
    setStringAlways(n, "type", m.type);
    if (m.type == "ReplaceFullPath")
        setStringAlways(n, "replaceFullPath", m.replaceFullPath);
    if (m.type == "ReplacePrefixMatch")
        setStringAlways(n, "replacePrefixMatch", m.replacePrefixMatch);
    return n;
}

YAML::Node filterNode(const api::HTTPRouteFilter &f)
{
    YAML::Node n = newMap();
    setStringAlways(n, "type", f.type);
    if (f.requestHeaderModifier)
        n["requestHeaderModifier"] = headerFilterNode(*f.requestHeaderModifier);
    if (f.responseHeaderModifier)
        n["responseHeaderModifier"] = headerFilterNode(*f.responseHeaderModifier);
    if (f.requestRedirect) {
        const api::HTTPRequestRedirectFilter &r = *f.requestRedirect;
        YAML::Node redirect = newMap();
        setString(redirect, "scheme", r.scheme);
        setString(redirect, "hostname", r.hostname);
        if (r.path)
            redirect["path"] = pathModifierNode(*r.path);
        setInt(redirect, "port", r.port);
        setInt(redirect, "statusCode", r.statusCode);
        n["requestRedirect"] = redirect;
    }
    if (f.urlRewrite) {
        YAML::Node rewrite = newMap();
        setString(rewrite, "hostname", f.urlRewrite->hostname);
        if (f.urlRewrite->path)
            rewrite["path"] = pathModifierNode(*f.urlRewrite->path);
        n["urlRewrite"] = rewrite;
    }
    if (f.requestMirror) {
        YAML::Node mirror = newMap();
        mirror["backendRef"] = backendObjectReferenceNode(f.requestMirror->backendRef);
        setInt(mirror, "percent", f.requestMirror->percent);
        n["requestMirror"] = mirror;
    }
    if (f.cors) {
        YAML::Node cors = newMap();
        setStringList(cors, "allowOrigins", f.cors->allowOrigins);
        setBool(cors, "allowCredentials", f.cors->allowCredentials);
        setStringList(cors, "allowMethods", f.cors->allowMethods);
        setStringList(cors, "allowHeaders", f.cors->allowHeaders);
        setStringList(cors, "exposeHeaders", f.cors->exposeHeaders);
        setInt(cors, "maxAge", f.cors->maxAge);
        n["cors"] = cors;
    }
    if (f.extensionRef) {
        YAML::Node ref = newMap();
        setStringAlways(ref, "group", f.extensionRef->group);
        setString(ref, "kind", f.extensionRef->kind);
        setString(ref, "name", f.extensionRef->name);
        n["extensionRef"] = ref;
    }
    return n;
}

YAML::Node filtersNode(const std::vector<api::HTTPRouteFilter> &filters)
{
    YAML::Node list = newList();
    for (const api::HTTPRouteFilter &f : filters)
        list.push_back(filterNode(f));
    return list;
}

template <class Match> YAML::Node nameValueMatchesNode(const std::vector<Match> &matches)
{
    YAML::Node list = newList();
    for (const Match &m : matches) {
        YAML::Node n = newMap();
        setStringAlways(n, "type", m.type);
        setStringAlways(n, "name", m.name);
        setStringAlways(n, "value", m.value);
        list.push_back(n);
    }
    return list;
}

YAML::Node matchNode(const api::HTTPRouteMatch &m)
{
    YAML::Node n = newMap();
    if (m.path) {
        YAML::Node path = newMap();
        setStringAlways(path, "type", m.path->type);
        setStringAlways(path, "value", m.path->value);
        n["path"] = path;
    }
    setChild(n, "headers", nameValueMatchesNode(m.headers));
    setChild(n, "queryParams", nameValueMatchesNode(m.queryParams));
    setString(n, "method", m.method);
    return n;
}

YAML::Node ruleNode(const api::HTTPRouteRule &rule)
{
    YAML::Node n = newMap();
    setString(n, "name", rule.name);
    YAML::Node matches = newList();
    for (const api::HTTPRouteMatch &m : rule.matches)
        matches.push_back(matchNode(m));
    setChild(n, "matches", matches);
    setChild(n, "filters", filtersNode(rule.filters));
    YAML::Node backends = newList();
    for (const api::HTTPBackendRef &b : rule.backendRefs) {
        YAML::Node ref = backendObjectReferenceNode(b.ref);
        setInt(ref, "weight", b.weight);
        setChild(ref, "filters", filtersNode(b.filters));
        backends.push_back(ref);
    }
    setChild(n, "backendRefs", backends);
    return n;
}

} // namespace

void encodeBody(const api::GatewayClass &body, YAML::Node &top, bool withStatus)
{
    YAML::Node spec = newMap();
    setStringAlways(spec, "controllerName", body.spec.controllerName);
    if (body.spec.parametersRef) {
        const api::ParametersReference &p = *body.spec.parametersRef;
        YAML::Node ref = newMap();
        setStringAlways(ref, "group", p.group);
        setStringAlways(ref, "kind", p.kind);
        setStringAlways(ref, "name", p.name);
        setString(ref, "namespace", p.namespace_);
        spec["parametersRef"] = ref;
    }
    setString(spec, "description", body.spec.description);
    top["spec"] = spec;
    if (!withStatus)
        return;
    YAML::Node status = newMap();
    setChild(status, "conditions", conditionsNode(body.status.conditions));
    top["status"] = status;
}

void encodeBody(const api::Gateway &body, YAML::Node &top, bool withStatus)
{
    YAML::Node spec = newMap();
    setStringAlways(spec, "gatewayClassName", body.spec.gatewayClassName);
    YAML::Node listeners = newList();
    for (const api::Listener &l : body.spec.listeners)
        listeners.push_back(listenerNode(l));
    spec["listeners"] = listeners;
    setChild(spec, "addresses", addressesNode(body.spec.addresses));
    top["spec"] = spec;
    if (!withStatus)
        return;
    const api::GatewayStatus &s = body.status;
    YAML::Node status = newMap();
    setChild(status, "addresses", addressesNode(s.addresses));
    setChild(status, "conditions", conditionsNode(s.conditions));
    YAML::Node listenerStatuses = newList();
    for (const api::ListenerStatus &l : s.listeners) {
        YAML::Node n = newMap();
        setStringAlways(n, "name", l.name);
        n["supportedKinds"] = routeGroupKindsNode(l.supportedKinds);
        setInt(n, "attachedRoutes", l.attachedRoutes);
        n["conditions"] = conditionsNode(l.conditions);
        listenerStatuses.push_back(n);
    }
    setChild(status, "listeners", listenerStatuses);
    top["status"] = status;
}

void encodeBody(const api::HTTPRoute &body, YAML::Node &top, bool withStatus)
{
    YAML::Node spec = newMap();
    YAML::Node parents = newList();
    for (const api::ParentReference &p : body.spec.parentRefs)
        parents.push_back(parentRefNode(p));
    setChild(spec, "parentRefs", parents);
    setStringList(spec, "hostnames", body.spec.hostnames);
    YAML::Node rules = newList();
    for (const api::HTTPRouteRule &r : body.spec.rules)
        rules.push_back(ruleNode(r));
    setChild(spec, "rules", rules);
    top["spec"] = spec;
    if (!withStatus)
        return;
    YAML::Node list = newList();
    for (const api::RouteParentStatus &p : body.status.parents) {
        YAML::Node n = newMap();
        n["parentRef"] = parentRefNode(p.parentRef);
        setStringAlways(n, "controllerName", p.controllerName);
        n["conditions"] = conditionsNode(p.conditions);
        list.push_back(n);
    }
    YAML::Node status = newMap();
    status["parents"] = list;
    top["status"] = status;
}

void encodeBody(const api::ReferenceGrant &body, YAML::Node &top, bool)
{
    YAML::Node spec = newMap();
    YAML::Node from = newList();
    for (const api::ReferenceGrantFrom &f : body.from) {
        YAML::Node n = newMap();
        setStringAlways(n, "group", f.group);
        setStringAlways(n, "kind", f.kind);
        setStringAlways(n, "namespace", f.namespace_);
        from.push_back(n);
    }
    spec["from"] = from;
    YAML::Node to = newList();
    for (const api::ReferenceGrantTo &t : body.to) {
        YAML::Node n = newMap();
        setStringAlways(n, "group", t.group);
        setStringAlways(n, "kind", t.kind);
        setString(n, "name", t.name);
        to.push_back(n);
    }
    spec["to"] = to;
    top["spec"] = spec;
}

} // namespace sim::manifest
