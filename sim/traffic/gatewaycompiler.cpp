#include "sim/traffic/gatewaycompiler.h"

#include "sim/traffic/corsfilter.h"
#include "sim/traffic/hostnames.h"
#include "sim/traffic/httpfilters.h"
#include "sim/traffic/httpheaders.h"
#include "sim/traffic/matchprecedence.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <span>

namespace sim::traffic {

using api::Condition;
using api::Kind;

namespace {

constexpr const char *kGatewayGroup = "gateway.networking.k8s.io";

Condition condition(const std::string &type, bool status, const std::string &reason, const std::string &message,
                    std::int64_t generation)
{
    return Condition{type, status ? "True" : "False", reason, message, 0, generation};
}

bool isCoreGroup(const std::string &group) { return group.empty() || group == "core"; }

bool isHttpProtocol(const std::string &protocol) { return protocol == "HTTP" || protocol == "HTTPS"; }

// Copies a match's method, header and query conditions into records: the first into the probe, the others
// beside the listener's probes. Leaves conditionCount 0 (and adds nothing) when a condition is a regex or too
// long, so matching reads the CompiledMatch; a regex path reads the CompiledMatch anyway.
void fileConditions(const CompiledMatch &match, MatchProbe &probe, std::vector<InlineCondition> &more)
{
    using Kind = InlineCondition::Kind;
    if (match.pathKind == CompiledMatch::PathKind::RegularExpression)
        return;
    std::vector<InlineCondition> records;
    auto add = [&](Kind kind, std::string_view name, std::string_view value) {
        std::optional<InlineCondition> c = InlineCondition::of(kind, name, value);
        if (c)
            records.push_back(*c);
        return c.has_value();
    };
    bool fits = !match.method || add(Kind::Method, {}, *match.method);
    for (const CompiledMatch::ValueMatch &h : match.headers)
        fits = fits && !h.regex && add(Kind::Header, h.name, h.value);
    for (const CompiledMatch::ValueMatch &q : match.queryParams)
        fits = fits && !q.regex && add(Kind::QueryParam, q.name, q.value);
    if (!fits || records.empty() || records.size() > UINT8_MAX)
        return;
    probe.conditionCount = static_cast<std::uint8_t>(records.size());
    probe.condition = records.front();
    probe.moreConditions = static_cast<std::uint32_t>(more.size());
    more.insert(more.end(), records.begin() + 1, records.end());
}

std::shared_ptr<const std::regex> compileRegex(const std::string &pattern, std::string &problem)
{
    try {
        return std::make_shared<const std::regex>(pattern, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error &) {
        problem = "invalid regular expression \"" + pattern + "\"";
        return nullptr;
    }
}

} // namespace

struct GatewayCompiler::RouteTemplate {
    std::vector<CompiledRule> rules;
    std::vector<CompiledMatch> matches;  // rule = index into rules
    std::string resolvedReason;          // empty: all refs resolved
    std::string resolvedMessage;
};

GatewayCompiler::GatewayCompiler(const store::Store &store, RoutingTable &table, metrics::MetricsRegistry *metrics)
    : m_store(store), m_table(table), m_metrics(metrics)
{
}

std::uint32_t GatewayCompiler::metricId(metrics::Scope scope, const std::string &name)
{
    return m_metrics ? m_metrics->seriesId(scope, name) : kNone;
}

bool GatewayCompiler::isGranted(const store::Store &store, const std::string &fromKind, const std::string &fromNamespace,
                                const std::string &toGroup, const std::string &toKind, const std::string &toNamespace,
                                const std::string &toName)
{
    for (const api::ObjectPtr &object : store.list(Kind::ReferenceGrant, toNamespace)) {
        const auto &grant = object->as<api::ReferenceGrant>();
        bool fromOk = std::any_of(grant.from.begin(), grant.from.end(), [&](const api::ReferenceGrantFrom &f) {
            return f.group == kGatewayGroup && f.kind == fromKind && f.namespace_ == fromNamespace;
        });
        bool toOk = std::any_of(grant.to.begin(), grant.to.end(), [&](const api::ReferenceGrantTo &t) {
            return isCoreGroup(t.group) == isCoreGroup(toGroup) && (isCoreGroup(toGroup) || t.group == toGroup)
                && t.kind == toKind && (!t.name || *t.name == toName);
        });
        if (fromOk && toOk)
            return true;
    }
    return false;
}

void GatewayCompiler::compile()
{
    compileClasses();
    for (const api::ObjectPtr &object : m_store.list(Kind::Gateway)) {
        api::ObjectPtr gatewayClass = m_store.get(Kind::GatewayClass, "", object->as<api::Gateway>().spec.gatewayClassName);
        // A Gateway whose class does not exist has no controller: nobody programs it or writes its status.
        if (!gatewayClass)
            continue;
        m_keepAlive.push_back(object);
        compileGateway(*object, gatewayClass->as<api::GatewayClass>());
    }
    for (const api::ObjectPtr &object : m_store.list(Kind::HTTPRoute))
        compileRoute(*object);
    for (CompiledGateway &gateway : m_table.gateways) {
        api::GatewayStatus &status = m_status.gateways[gateway.key()];
        for (std::size_t i = 0; i < gateway.listeners.size(); ++i) {
            sortBuckets(gateway.listeners[i]);
            status.listeners[i].attachedRoutes = static_cast<std::int32_t>(gateway.listeners[i].attachedRoutes);
        }
    }
}

void GatewayCompiler::compileClasses()
{
    // kubesim stands in for whichever controller a class names, so every GatewayClass is accepted.
    for (const api::ObjectPtr &object : m_store.list(Kind::GatewayClass)) {
        api::GatewayClassStatus status;
        api::setCondition(status.conditions, condition("Accepted", true, "Accepted",
                                                       "kubesim simulates controller " + object->as<api::GatewayClass>().spec.controllerName,
                                                       object->metadata.generation));
        api::setCondition(status.conditions, condition("SupportedVersion", true, "SupportedVersion",
                                                       "Gateway API v1", object->metadata.generation));
        m_status.classes[object->metadata.name] = std::move(status);
    }
}

void GatewayCompiler::compileGateway(const api::Object &object, const api::GatewayClass &gatewayClass)
{
    const auto &gateway = object.as<api::Gateway>();
    CompiledGateway compiled;
    compiled.namespace_ = object.metadata.namespace_;
    compiled.name = object.metadata.name;
    compiled.className = gateway.spec.gatewayClassName;
    compiled.controllerName = gatewayClass.spec.controllerName;
    for (const api::GatewaySpecAddress &a : gateway.spec.addresses)
        compiled.addresses.push_back(a.value);
    if (compiled.addresses.empty()) {
        for (const api::GatewaySpecAddress &a : gateway.status.addresses)
            compiled.addresses.push_back(a.value);
    }
    api::GatewayStatus status;
    for (const std::string &address : compiled.addresses)
        status.addresses.push_back(api::GatewaySpecAddress{"IPAddress", address});
    for (const api::Listener &listener : gateway.spec.listeners) {
        status.listeners.emplace_back();
        status.listeners.back().name = listener.name;
        compiled.listeners.push_back(compileListener(object, listener, status.listeners.back()));
    }
    markConflicts(compiled.listeners, status);
    bool allValid = std::all_of(compiled.listeners.begin(), compiled.listeners.end(),
                                [](const CompiledListener &l) { return l.isAccepted; });
    std::int64_t generation = object.metadata.generation;
    api::setCondition(status.conditions, condition("Accepted", true, allValid ? "Accepted" : "ListenersNotValid",
                                                   allValid ? "Gateway accepted" : "some listeners are not valid", generation));
    compiled.isProgrammed = !compiled.addresses.empty();
    if (compiled.isProgrammed) {
        api::setCondition(status.conditions, condition("Programmed", true, "Programmed",
                                                       "Gateway programmed; address " + compiled.addresses.front(), generation));
    } else {
        compiled.problem = "waiting for the cloud load balancer to assign an address";
        api::setCondition(status.conditions, condition("Programmed", false, "AddressNotAssigned", compiled.problem, generation));
    }
    compiled.metricId = metricId(metrics::Scope::Entry, "Gateway " + compiled.key());
    for (CompiledListener &l : compiled.listeners)
        l.metricId = metricId(metrics::Scope::Entry, "Gateway " + compiled.key() + " listener " + l.name);
    m_gatewayObjects[compiled.key()] = &object;
    m_status.gateways[compiled.key()] = std::move(status);
    m_table.gatewayByKey.emplace(compiled.key(), static_cast<std::uint32_t>(m_table.gateways.size()));
    m_table.gateways.push_back(std::move(compiled));
}

CompiledListener GatewayCompiler::compileListener(const api::Object &gateway, const api::Listener &listener,
                                                  api::ListenerStatus &status)
{
    std::int64_t generation = gateway.metadata.generation;
    CompiledListener compiled;
    compiled.name = listener.name;
    compiled.port = listener.port;
    compiled.protocol = listener.protocol;
    compiled.hostname = listener.hostname.value_or("");
    std::string resolvedReason = "ResolvedRefs";
    std::string resolvedMessage = "all references resolved";
    if (!isHttpProtocol(listener.protocol)) {
        compiled.isAccepted = false;
        compiled.problem = "protocol " + listener.protocol + " is not simulated (kubesim serves HTTP and HTTPS listeners)";
        api::setCondition(status.conditions, condition("Accepted", false, "UnsupportedProtocol", compiled.problem, generation));
    } else {
        bool kindsOk = listener.allowedRoutes.kinds.empty();
        for (const api::RouteGroupKind &kind : listener.allowedRoutes.kinds) {
            if (kind.group == kGatewayGroup && kind.kind == "HTTPRoute")
                kindsOk = true;
        }
        if (kindsOk)
            status.supportedKinds.push_back(api::RouteGroupKind{kGatewayGroup, "HTTPRoute"});
        else {
            compiled.isAccepted = false;
            compiled.problem = "allowedRoutes.kinds names no kind this listener supports (HTTPRoute)";
            resolvedReason = "InvalidRouteKinds";
            resolvedMessage = compiled.problem;
        }
        api::setCondition(status.conditions, condition("Accepted", true, "Accepted", "listener accepted", generation));
    }
    if (listener.protocol == "HTTPS") {
        std::string problem, reason = "InvalidCertificateRef";
        if (!listener.tls || listener.tls->certificateRefs.empty())
            problem = "HTTPS listener has no tls.certificateRefs";
        for (const api::ObjectReference &ref : listener.tls ? listener.tls->certificateRefs : std::vector<api::ObjectReference>{}) {
            std::string ns = ref.namespace_.value_or(gateway.metadata.namespace_);
            std::string kind = ref.kind.empty() ? "Secret" : ref.kind;
            if (!isCoreGroup(ref.group) || kind != "Secret") {
                problem = "certificateRef kind " + kind + " is not supported (Secret only)";
                break;
            }
            if (ns != gateway.metadata.namespace_ && !isGranted(m_store, "Gateway", gateway.metadata.namespace_, "", "Secret", ns, ref.name)) {
                problem = "Secret " + ns + "/" + ref.name + " is in another namespace and no ReferenceGrant allows it";
                reason = "RefNotPermitted";
                break;
            }
            api::ObjectPtr secret = m_store.get(Kind::Secret, ns, ref.name);
            if (!secret)
                problem = "Secret " + ns + "/" + ref.name + " not found";
            else if (!secret->as<api::Secret>().isTls() || !secret->as<api::Secret>().data.contains("tls.crt")
                     || !secret->as<api::Secret>().data.contains("tls.key"))
                problem = "Secret " + ns + "/" + ref.name + " is not a kubernetes.io/tls Secret with tls.crt and tls.key";
            if (!problem.empty())
                break;
        }
        if (!problem.empty()) {
            compiled.hasValidCertificate = false;
            compiled.certificateProblem = problem;
            resolvedReason = reason;
            resolvedMessage = problem;
        }
    }
    bool resolved = resolvedReason == "ResolvedRefs";
    api::setCondition(status.conditions, condition("ResolvedRefs", resolved, resolvedReason, resolvedMessage, generation));
    bool programmed = compiled.isAccepted && compiled.hasValidCertificate;
    api::setCondition(status.conditions, condition("Programmed", programmed, programmed ? "Programmed" : "Invalid",
                                                   programmed ? "listener programmed" : (compiled.problem.empty() ? resolvedMessage : compiled.problem),
                                                   generation));
    return compiled;
}

void GatewayCompiler::markConflicts(std::vector<CompiledListener> &listeners, api::GatewayStatus &status)
{
    for (std::size_t i = 0; i < listeners.size(); ++i) {
        std::string reason;
        for (std::size_t j = 0; j < listeners.size(); ++j) {
            if (i == j || listeners[i].port != listeners[j].port)
                continue;
            if (listeners[i].protocol != listeners[j].protocol)
                reason = "ProtocolConflict";
            else if (listeners[i].hostname == listeners[j].hostname && reason.empty())
                reason = "HostnameConflict";
        }
        std::int64_t generation = status.conditions.empty() ? 0 : status.conditions.front().observedGeneration;
        if (!reason.empty()) {
            listeners[i].isAccepted = false;
            listeners[i].problem = "listener conflicts with another on port " + std::to_string(listeners[i].port) + " (" + reason + ")";
            api::setCondition(status.listeners[i].conditions, condition("Conflicted", true, reason, listeners[i].problem, generation));
            api::setCondition(status.listeners[i].conditions, condition("Programmed", false, "Invalid", listeners[i].problem, generation));
        } else {
            api::setCondition(status.listeners[i].conditions, condition("Conflicted", false, "NoConflicts", "no conflicts", generation));
        }
    }
}

CompiledBackendRef GatewayCompiler::resolveBackend(const api::Object &route, const api::BackendObjectReference &ref,
                                                   std::int32_t weight, const std::string &ruleKey)
{
    CompiledBackendRef out;
    out.group = ref.group;
    out.kind = ref.kind;
    out.namespace_ = ref.namespace_.value_or(route.metadata.namespace_);
    out.name = ref.name;
    out.port = ref.port.value_or(0);
    out.weight = static_cast<std::uint32_t>(std::max(weight, 0));
    out.metricId = metricId(metrics::Scope::Backend, ruleKey + " -> " + out.key() + ":" + std::to_string(out.port));
    if (!isCoreGroup(ref.group) || ref.kind != "Service") {
        out.invalidReason = "InvalidKind";
        out.invalidMessage = "backendRef kind " + (ref.group.empty() ? "" : ref.group + "/") + ref.kind + " is not supported";
    } else if (out.namespace_ != route.metadata.namespace_
               && !isGranted(m_store, "HTTPRoute", route.metadata.namespace_, "", "Service", out.namespace_, out.name)) {
        out.invalidReason = "RefNotPermitted";
        out.invalidMessage = "Service " + out.key() + " is in another namespace and no ReferenceGrant there allows HTTPRoutes from "
            + route.metadata.namespace_;
    } else if (auto it = m_table.serviceByKey.find(out.key()); it == m_table.serviceByKey.end()) {
        out.invalidReason = "BackendNotFound";
        out.invalidMessage = "Service " + out.key() + " not found";
    } else if (!ref.port) {
        out.invalidReason = "BackendNotFound";
        out.invalidMessage = "backendRef to Service " + out.key() + " has no port";
    } else {
        const CompiledService &service = m_table.services[it->second];
        const CompiledServicePort *port = service.findPort(out.port);
        if (!port) {
            out.invalidReason = "BackendNotFound";
            out.invalidMessage = "Service " + out.key() + " has no port " + std::to_string(out.port);
        } else {
            out.service = it->second;
            out.servicePort = static_cast<std::uint32_t>(port - service.ports.data());
        }
    }
    return out;
}

GatewayCompiler::RouteTemplate GatewayCompiler::compileRouteTemplate(const api::Object &object)
{
    const auto &route = object.as<api::HTTPRoute>();
    RouteTemplate tmpl;
    auto noteInvalid = [&](const CompiledBackendRef &ref) {
        if (!ref.isValid() && tmpl.resolvedReason.empty()) {
            tmpl.resolvedReason = ref.invalidReason;
            tmpl.resolvedMessage = ref.invalidMessage;
        }
    };
    for (std::size_t r = 0; r < route.spec.rules.size(); ++r) {
        const api::HTTPRouteRule &rule = route.spec.rules[r];
        CompiledRule compiled;
        compiled.routeNamespace = object.metadata.namespace_;
        compiled.routeName = object.metadata.name;
        compiled.ruleIndex = static_cast<std::uint32_t>(r);
        compiled.ruleName = rule.name.value_or("");
        std::string ruleKey = "HTTPRoute " + compiled.routeKey() + " rule " + std::to_string(r);
        compiled.metricId = metricId(metrics::Scope::Rule, ruleKey);
        for (const api::HTTPRouteFilter &filter : rule.filters) {
            if (filter.type == "RequestMirror" && filter.requestMirror) {
                CompiledMirror mirror{resolveBackend(object, filter.requestMirror->backendRef, 1, ruleKey + " mirror"),
                                      static_cast<std::uint32_t>(std::clamp(filter.requestMirror->percent.value_or(100), 0, 100))};
                noteInvalid(mirror.backend);
                compiled.mirrors.push_back(std::move(mirror));
            } else {
                if (filter.type == "ExtensionRef" && filter.extensionRef && tmpl.resolvedReason.empty()) {
                    tmpl.resolvedReason = "InvalidKind";
                    tmpl.resolvedMessage = HttpFilters::unresolvedExtension(*filter.extensionRef);
                }
                compiled.filters.push_back(filter);
            }
        }
        compiled.cors = CorsFilter::compile(compiled.filters);
        for (const api::HTTPBackendRef &ref : rule.backendRefs) {
            CompiledBackendRef backend = resolveBackend(object, ref.ref, ref.weight, ruleKey);
            backend.filters = ref.filters;
            backend.cors = CorsFilter::compile(backend.filters);
            // The backend's share of the requests would pass its filters: a custom one nothing resolves fails them.
            for (const api::HTTPRouteFilter &filter : ref.filters)
                if (filter.type == "ExtensionRef" && filter.extensionRef && backend.isValid()) {
                    backend.invalidReason = "InvalidKind";
                    backend.invalidMessage = HttpFilters::unresolvedExtension(*filter.extensionRef);
                }
            noteInvalid(backend);
            compiled.totalWeight += backend.weight;
            compiled.backends.push_back(std::move(backend));
        }
        std::vector<api::HTTPRouteMatch> matches = rule.matches;
        if (matches.empty())
            matches.emplace_back();
        for (std::size_t m = 0; m < matches.size(); ++m) {
            const api::HTTPRouteMatch &match = matches[m];
            CompiledMatch cm;
            api::HTTPPathMatch path = match.path.value_or(api::HTTPPathMatch{});
            std::string problem;
            cm.path = path.value;
            if (path.type == "Exact")
                cm.pathKind = CompiledMatch::PathKind::Exact;
            else if (path.type == "RegularExpression") {
                cm.pathKind = CompiledMatch::PathKind::RegularExpression;
                cm.pathRegex = compileRegex(path.value, problem);
            }
            cm.method = match.method;
            for (const api::HTTPHeaderMatch &h : match.headers) {
                // The spec: when several header matches share a name, only the first is used.
                std::string name = HttpHeaders::normalize(h.name);
                if (std::any_of(cm.headers.begin(), cm.headers.end(), [&](const auto &v) { return v.name == name; }))
                    continue;
                cm.headers.push_back({name, h.value, h.type == "RegularExpression" ? compileRegex(h.value, problem) : nullptr});
            }
            for (const api::HTTPQueryParamMatch &q : match.queryParams) {
                if (std::any_of(cm.queryParams.begin(), cm.queryParams.end(), [&](const auto &v) { return v.name == q.name; }))
                    continue;
                cm.queryParams.push_back({q.name, q.value, q.type == "RegularExpression" ? compileRegex(q.value, problem) : nullptr});
            }
            // A match with an expression that does not compile can never match; the route stays accepted.
            if (!problem.empty())
                continue;
            cm.rule = static_cast<std::uint32_t>(r);
            cm.matchIndex = static_cast<std::uint32_t>(m);
            cm.routeCreated = object.metadata.creationTimestamp;
            tmpl.matches.push_back(std::move(cm));
        }
        tmpl.rules.push_back(std::move(compiled));
    }
    return tmpl;
}

void GatewayCompiler::compileRoute(const api::Object &object)
{
    const auto &route = object.as<api::HTTPRoute>();
    RouteTemplate tmpl = compileRouteTemplate(object);
    api::HTTPRouteStatus status;
    std::set<std::pair<std::uint32_t, std::uint32_t>> attached;  // (gateway, listener) already holding this route
    for (const api::ParentReference &parent : route.spec.parentRefs) {
        if (parent.group != kGatewayGroup || parent.kind != "Gateway")
            continue;
        std::string key = parent.namespace_.value_or(object.metadata.namespace_) + "/" + parent.name;
        // Only Gateways of a known class have a controller to write this parent's status.
        if (!m_table.gatewayByKey.contains(key))
            continue;
        status.parents.push_back(attach(object, tmpl, parent, attached));
    }
    if (!status.parents.empty())
        m_status.routes[object.metadata.namespace_ + "/" + object.metadata.name] = std::move(status);
}

api::RouteParentStatus GatewayCompiler::attach(const api::Object &route, const RouteTemplate &tmpl,
                                               const api::ParentReference &parent,
                                               std::set<std::pair<std::uint32_t, std::uint32_t>> &attached)
{
    std::string key = parent.namespace_.value_or(route.metadata.namespace_) + "/" + parent.name;
    std::uint32_t gatewayIndex = m_table.gatewayByKey.at(key);
    CompiledGateway &gateway = m_table.gateways[gatewayIndex];
    const api::Object &gatewayObject = *m_gatewayObjects.at(key);
    const auto &spec = gatewayObject.as<api::Gateway>().spec;
    const auto &routeHostnames = route.as<api::HTTPRoute>().spec.hostnames;

    bool parentMatched = false, allowed = false, accepted = false;
    for (std::size_t i = 0; i < gateway.listeners.size(); ++i) {
        CompiledListener &listener = gateway.listeners[i];
        if ((parent.sectionName && *parent.sectionName != listener.name) || (parent.port && *parent.port != listener.port))
            continue;
        parentMatched = true;
        if (!listener.isAccepted || !allowsNamespace(gatewayObject, spec.listeners[i], route.metadata.namespace_))
            continue;
        allowed = true;
        std::vector<std::string> hostnames;
        for (const std::string &h : routeHostnames.empty() ? std::vector<std::string>{""} : routeHostnames) {
            if (auto common = hostnames::intersect(listener.hostname, h))
                hostnames.push_back(*common);
        }
        if (hostnames.empty())
            continue;
        accepted = true;
        if (attached.insert({gatewayIndex, static_cast<std::uint32_t>(i)}).second) {
            addToListener(listener, tmpl, hostnames);
            ++listener.attachedRoutes;
        }
    }
    api::RouteParentStatus out;
    out.parentRef = parent;
    out.controllerName = gateway.controllerName;
    std::int64_t generation = route.metadata.generation;
    if (accepted)
        api::setCondition(out.conditions, condition("Accepted", true, "Accepted", "route attached to Gateway " + key, generation));
    else if (!parentMatched)
        api::setCondition(out.conditions, condition("Accepted", false, "NoMatchingParent",
                                                    "Gateway " + key + " has no listener matching sectionName/port", generation));
    else if (!allowed)
        api::setCondition(out.conditions, condition("Accepted", false, "NotAllowedByListeners",
                                                     "no listener of Gateway " + key + " allows routes from namespace " + route.metadata.namespace_,
                                                     generation));
    else
        api::setCondition(out.conditions, condition("Accepted", false, "NoMatchingListenerHostname",
                                                    "no hostname of the route intersects a listener hostname of Gateway " + key, generation));
    if (tmpl.resolvedReason.empty())
        api::setCondition(out.conditions, condition("ResolvedRefs", true, "ResolvedRefs", "all references resolved", generation));
    else
        api::setCondition(out.conditions, condition("ResolvedRefs", false, tmpl.resolvedReason, tmpl.resolvedMessage, generation));
    return out;
}

bool GatewayCompiler::allowsNamespace(const api::Object &gateway, const api::Listener &listener,
                                      const std::string &routeNamespace) const
{
    const api::RouteNamespaces &from = listener.allowedRoutes.namespaces;
    if (from.from == "All")
        return true;
    if (from.from == "Same")
        return routeNamespace == gateway.metadata.namespace_;
    if (from.from != "Selector" || !from.selector)
        return false;
    api::Labels labels;
    if (api::ObjectPtr ns = m_store.get(Kind::Namespace, "", routeNamespace))
        labels = ns->metadata.labels;
    // The API server labels every namespace with its own name.
    labels["kubernetes.io/metadata.name"] = routeNamespace;
    return from.selector->matches(labels);
}

void GatewayCompiler::addToListener(CompiledListener &listener, const RouteTemplate &tmpl,
                                    const std::vector<std::string> &hostnames)
{
    auto ruleBase = static_cast<std::uint32_t>(listener.rules.size());
    listener.rules.insert(listener.rules.end(), tmpl.rules.begin(), tmpl.rules.end());
    std::vector<std::uint32_t> firstPick;
    for (const CompiledRule &rule : tmpl.rules) {
        firstPick.push_back(static_cast<std::uint32_t>(listener.picks.size()));
        std::uint64_t cumulative = 0;
        for (const CompiledBackendRef &backend : rule.backends) {
            cumulative += backend.weight;
            // Past 32 bits the probe says so and the draw reads the CompiledRule: the value here is unused.
            BackendPick pick{static_cast<std::uint32_t>(cumulative), kNone, backend.metricId};
            if (backend.isValid())
                pick.servicePort = m_table.services[backend.service].ports[backend.servicePort].index;
            listener.picks.push_back(pick);
        }
    }
    for (const std::string &hostname : hostnames) {
        HostBucket *bucket;
        if (hostname.empty()) {
            if (!listener.anyHost)
                listener.anyHost.emplace();
            bucket = &*listener.anyHost;
        } else if (hostnames::isWildcard(hostname)) {
            bucket = &listener.wildcardHosts[std::string(hostnames::wildcardSuffix(hostname))];
        } else {
            bucket = &listener.exactHosts[hostname];
        }
        bucket->hostname = hostname;
        for (const CompiledMatch &match : tmpl.matches) {
            auto id = static_cast<std::uint32_t>(listener.matches.size());
            listener.matches.push_back(match);
            listener.matches.back().rule = ruleBase + match.rule;
            listener.matches.back().hostname = hostname;
            const CompiledRule &rule = tmpl.rules[match.rule];
            MatchProbe probe;
            probe.match = id;
            probe.rule = ruleBase + match.rule;
            probe.ruleMetric = rule.metricId;
            probe.firstPick = firstPick[match.rule];
            probe.pickCount = static_cast<std::uint16_t>(std::min<std::size_t>(rule.backends.size(), UINT16_MAX));
            probe.pathKind = match.pathKind;
            probe.hasConditions = match.method || !match.headers.empty() || !match.queryParams.empty();
            probe.hasRuleFilters = !rule.filters.empty() || !rule.mirrors.empty();
            probe.drawsFromRule = rule.totalWeight > std::numeric_limits<std::uint32_t>::max() || rule.backends.size() > UINT16_MAX;
            fileConditions(match, probe, listener.conditions);
            if (probe.pickCount <= MatchProbe::kInlinePicks)
                std::copy_n(listener.picks.begin() + probe.firstPick, probe.pickCount, probe.inlinePicks.begin());
            switch (match.pathKind) {
            case CompiledMatch::PathKind::Exact:
                bucket->exact[match.path].push_back(probe);
                break;
            case CompiledMatch::PathKind::RegularExpression:
                bucket->regex.push_back(probe);
                break;
            case CompiledMatch::PathKind::Prefix:
                bucket->prefix.insert(match.path, static_cast<std::uint32_t>(bucket->prefixProbes.size()));
                bucket->prefixProbes.push_back(probe);
                break;
            }
        }
    }
}

void GatewayCompiler::sortBuckets(CompiledListener &listener)
{
    // The spec's order (MatchPrecedence). RegularExpression paths sit between Exact and PathPrefix
    // (implementation-specific; docs/routing.md).
    auto probeBefore = [&](const MatchProbe &a, const MatchProbe &b) {
        return MatchPrecedence::before(listener, listener.matches[a.match], listener.matches[b.match]);
    };
    // Probes are sorted as positions and then laid out in that order: libstdc++ 12's std::stable_sort takes its
    // scratch buffer from get_temporary_buffer, which ignores over-alignment, and a MatchProbe is a 64-byte line.
    auto layOut = [](std::vector<MatchProbe> &probes, std::span<const std::uint32_t> order) {
        std::vector<MatchProbe> sorted;
        sorted.reserve(order.size());
        for (std::uint32_t position : order)
            sorted.push_back(probes[position]);
        probes = std::move(sorted);
    };
    auto sortProbes = [&](std::vector<MatchProbe> &probes) {
        std::vector<std::uint32_t> order(probes.size());
        std::iota(order.begin(), order.end(), 0U);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return probeBefore(probes[a], probes[b]); });
        layOut(probes, order);
    };
    auto sortBucket = [&](HostBucket &bucket) {
        for (auto &[path, probes] : bucket.exact)
            sortProbes(probes);
        sortProbes(bucket.regex);
        // Trie items are positions in prefixProbes as added: the trie sorts them.
        bucket.prefix.finish([&](std::uint32_t a, std::uint32_t b) {
            return probeBefore(bucket.prefixProbes[a], bucket.prefixProbes[b]);
        });
        layOut(bucket.prefixProbes, bucket.prefix.items());
    };
    for (auto &[host, bucket] : listener.exactHosts)
        sortBucket(bucket);
    for (auto &[suffix, bucket] : listener.wildcardHosts)
        sortBucket(bucket);
    if (listener.anyHost)
        sortBucket(*listener.anyHost);
}

} // namespace sim::traffic
