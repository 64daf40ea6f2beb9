#include "sim/api/corsorigin.h"
#include "sim/manifest/namerules.h"
#include "sim/manifest/validatekinds.h"

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

namespace sim::manifest {
namespace {

// Gateway API rules come from its CRD schemas (enums, ranges, maxItems, patterns) and their CEL rules;
// messages follow the API server's wording for each.

constexpr const char *kHostnamePattern = "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
constexpr const char *kCorsOriginPattern = "^(\\*|https?:\\/\\/(\\*|(\\*\\.)?(([\\w-]+\\.?)+)?[\\w-]+)(:\\d{1,5})?)$";
constexpr const char *kSectionNamePattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

std::string at(const std::string &path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

void maxItems(FieldErrors &errors, const std::string &path, std::size_t count, std::size_t max)
{
    if (count > max)
        errors.tooMany(path, count, max);
}

void checkHostname(FieldErrors &errors, const std::string &path, const std::string &hostname)
{
    if (!isGatewayHostname(hostname))
        errors.invalid(path, quoted(hostname), path + " in body should match '" + kHostnamePattern + "'");
}

bool isDomainPrefixed(const std::string &value)
{
    std::size_t slash = value.find('/');
    return slash != std::string::npos && slash > 0 && slash + 1 < value.size() &&
           checkDns1123Subdomain(value.substr(0, slash)).empty();
}

void validateListener(const api::Listener &l, const std::string &path, FieldErrors &errors)
{
    if (l.name.empty())
        errors.required(path + ".name");
    else if (!checkDns1123Subdomain(l.name).empty())
        errors.invalid(path + ".name", quoted(l.name), path + ".name in body should match '" + kSectionNamePattern + "'");
    errors.checkSchemaRange(path + ".port", l.port, 1, 65535);
    if (l.protocol.empty())
        errors.required(path + ".protocol");
    else if (!isDomainPrefixed(l.protocol))
        errors.checkEnum(path + ".protocol", l.protocol, {"HTTP", "HTTPS", "TLS", "TCP", "UDP"});
    if (l.hostname)
        checkHostname(errors, path + ".hostname", *l.hostname);
    if (l.tls) {
        errors.checkEnum(path + ".tls.mode", l.tls->mode, {"Terminate", "Passthrough"});
        maxItems(errors, path + ".tls.certificateRefs", l.tls->certificateRefs.size(), 64);
        for (std::size_t i = 0; i < l.tls->certificateRefs.size(); ++i) {
            if (l.tls->certificateRefs[i].name.empty())
                errors.required(at(path + ".tls.certificateRefs", i) + ".name");
        }
    }
    const api::RouteNamespaces &ns = l.allowedRoutes.namespaces;
    if (errors.checkEnum(path + ".allowedRoutes.namespaces.from", ns.from, {"All", "Selector", "Same"}) && ns.selector)
        validateLabelSelector(*ns.selector, path + ".allowedRoutes.namespaces.selector", errors);
    maxItems(errors, path + ".allowedRoutes.kinds", l.allowedRoutes.kinds.size(), 8);
}

// The CEL rules on spec.listeners as a whole.
void validateListenerSet(const std::vector<api::Listener> &listeners, FieldErrors &errors)
{
    std::set<std::string> names;
    std::set<std::tuple<std::int32_t, std::string, std::string>> combinations;
    bool tlsMisplaced = false, hostnameMisplaced = false, nameClash = false, comboClash = false;
    for (const api::Listener &l : listeners) {
        bool plain = l.protocol == "HTTP" || l.protocol == "TCP" || l.protocol == "UDP";
        tlsMisplaced = tlsMisplaced || (plain && l.tls);
        hostnameMisplaced = hostnameMisplaced || ((l.protocol == "TCP" || l.protocol == "UDP") && l.hostname);
        nameClash = nameClash || !names.insert(l.name).second;
        comboClash = comboClash || !combinations.insert({l.port, l.protocol, l.hostname.value_or("")}).second;
    }
    if (tlsMisplaced)
        errors.invalid("spec.listeners", "\"array\"", "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']");
    if (hostnameMisplaced)
        errors.invalid("spec.listeners", "\"array\"", "hostname must not be specified for protocols ['TCP', 'UDP']");
    if (nameClash)
        errors.invalid("spec.listeners", "\"array\"", "Listener name must be unique within the Gateway");
    if (comboClash)
        errors.invalid("spec.listeners", "\"array\"",
                       "Combination of port, protocol and hostname must be unique for each listener");
}

void validateParentRef(const api::ParentReference &p, const std::string &path, FieldErrors &errors)
{
    if (p.name.empty())
        errors.required(path + ".name");
    if (p.port)
        errors.checkSchemaRange(path + ".port", *p.port, 1, 65535);
}

void validateBackendRef(const api::BackendObjectReference &ref, const std::string &path, FieldErrors &errors)
{
    if (ref.name.empty())
        errors.required(path + ".name");
    if (ref.port)
        errors.checkSchemaRange(path + ".port", *ref.port, 1, 65535);
    else if (ref.kind == "Service" && ref.group.empty())
        errors.invalid(path, "\"object\"", "Must have port for Service reference");
}

void validatePathModifier(const api::HTTPPathModifier &m, const std::string &path, FieldErrors &errors)
{
    if (!errors.checkEnum(path + ".type", m.type, {"ReplaceFullPath", "ReplacePrefixMatch"}))
        return;
    if (m.type == "ReplaceFullPath" && !errors.hasField(path + ".replaceFullPath"))
        errors.invalid(path, "\"object\"", "replaceFullPath must be specified when type is set to 'ReplaceFullPath'");
    if (m.type == "ReplacePrefixMatch" && !errors.hasField(path + ".replacePrefixMatch"))
        errors.invalid(path, "\"object\"", "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'");
    if (m.type != "ReplaceFullPath" && errors.hasField(path + ".replaceFullPath"))
        errors.invalid(path, "\"object\"", "type must be 'ReplaceFullPath' when replaceFullPath is set");
    if (m.type != "ReplacePrefixMatch" && errors.hasField(path + ".replacePrefixMatch"))
        errors.invalid(path, "\"object\"", "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set");
}

// A list where "*" stands for everything may hold nothing else (the CRD's CEL rule).
void wildcardAlone(FieldErrors &errors, const std::string &path, const std::vector<std::string> &list, const std::string &field,
                   const std::string &items)
{
    if (list.size() > 1 && std::find(list.begin(), list.end(), "*") != list.end())
        errors.invalid(path, "\"array\"", field + " cannot contain '*' alongside other " + items);
}

void validateCors(const api::HTTPCORSFilter &cors, const std::string &path, FieldErrors &errors)
{
    maxItems(errors, path + ".allowOrigins", cors.allowOrigins.size(), 64);
    wildcardAlone(errors, path + ".allowOrigins", cors.allowOrigins, "AllowOrigins", "origins");
    for (std::size_t i = 0; i < cors.allowOrigins.size(); ++i) {
        const std::string &origin = cors.allowOrigins[i];
        if (origin != "*" && !api::CorsOrigin::parse(origin))
            errors.invalid(at(path + ".allowOrigins", i), quoted(origin),
                           at(path + ".allowOrigins", i) + " in body should match '" + kCorsOriginPattern + "'");
    }
    maxItems(errors, path + ".allowMethods", cors.allowMethods.size(), 9);
    wildcardAlone(errors, path + ".allowMethods", cors.allowMethods, "AllowMethods", "methods");
    for (std::size_t i = 0; i < cors.allowMethods.size(); ++i)
        errors.checkEnum(at(path + ".allowMethods", i), cors.allowMethods[i],
                         {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "*"});
    maxItems(errors, path + ".allowHeaders", cors.allowHeaders.size(), 64);
    maxItems(errors, path + ".exposeHeaders", cors.exposeHeaders.size(), 64);
    errors.checkSchemaRange(path + ".maxAge", cors.maxAge, 1, std::numeric_limits<std::int32_t>::max());
}

// Each filter type carries exactly its own configuration (the CRD's CEL rules).
void validateFilterShape(const api::HTTPRouteFilter &f, const std::string &path, FieldErrors &errors)
{
    struct Shape {
        const char *type;
        const char *field;
        bool present;
    };
    for (const Shape &s : {Shape{"RequestHeaderModifier", "requestHeaderModifier", f.requestHeaderModifier.has_value()},
                           Shape{"ResponseHeaderModifier", "responseHeaderModifier", f.responseHeaderModifier.has_value()},
                           Shape{"RequestRedirect", "requestRedirect", f.requestRedirect.has_value()},
                           Shape{"URLRewrite", "urlRewrite", f.urlRewrite.has_value()},
                           Shape{"RequestMirror", "requestMirror", f.requestMirror.has_value()},
                           Shape{"ExtensionRef", "extensionRef", f.extensionRef.has_value()},
                           Shape{"CORS", "cors", f.cors.has_value()}}) {
        std::string field = std::string("filter.") + s.field;
        if (f.type == s.type && !s.present)
            errors.invalid(path, "\"object\"", field + " must be specified for " + s.type + " filter.type");
        else if (f.type != s.type && s.present)
            errors.invalid(path, "\"object\"", field + " must be nil if the filter.type is not " + s.type);
    }
}

void validateFilter(const api::HTTPRouteFilter &f, const std::string &path, FieldErrors &errors)
{
    if (!errors.checkEnum(path + ".type", f.type,
                          {"RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "RequestRedirect",
                           "URLRewrite", "ExtensionRef", "CORS"}))
        return;
    validateFilterShape(f, path, errors);
    if (f.requestRedirect) {
        const api::HTTPRequestRedirectFilter &r = *f.requestRedirect;
        std::string rp = path + ".requestRedirect";
        if (r.scheme)
            errors.checkEnum(rp + ".scheme", *r.scheme, {"http", "https"});
        if (r.hostname)
            checkHostname(errors, rp + ".hostname", *r.hostname);
        if (r.port)
            errors.checkSchemaRange(rp + ".port", *r.port, 1, 65535);
        if (r.statusCode != 301 && r.statusCode != 302 && r.statusCode != 303 && r.statusCode != 307 &&
            r.statusCode != 308)
            errors.notSupported(rp + ".statusCode", std::to_string(r.statusCode), {"301", "302", "303", "307", "308"});
        if (r.path)
            validatePathModifier(*r.path, rp + ".path", errors);
    }
    if (f.urlRewrite) {
        if (f.urlRewrite->hostname)
            checkHostname(errors, path + ".urlRewrite.hostname", *f.urlRewrite->hostname);
        if (f.urlRewrite->path)
            validatePathModifier(*f.urlRewrite->path, path + ".urlRewrite.path", errors);
    }
    if (f.cors)
        validateCors(*f.cors, path + ".cors", errors);
    if (f.extensionRef) {
        for (auto [field, value] : {std::pair{".name", &f.extensionRef->name}, std::pair{".kind", &f.extensionRef->kind}})
            if (value->empty())
                errors.required(path + ".extensionRef" + field);
    }
    if (f.requestMirror) {
        validateBackendRef(f.requestMirror->backendRef, path + ".requestMirror.backendRef", errors);
        if (f.requestMirror->percent)
            errors.checkSchemaRange(path + ".requestMirror.percent", *f.requestMirror->percent, 0, 100);
    }
}

void validateFilters(const std::vector<api::HTTPRouteFilter> &filters, const std::string &path, FieldErrors &errors)
{
    maxItems(errors, path, filters.size(), 16);
    bool redirect = false, rewrite = false;
    for (std::size_t i = 0; i < filters.size(); ++i) {
        validateFilter(filters[i], at(path, i), errors);
        redirect = redirect || filters[i].type == "RequestRedirect";
        rewrite = rewrite || filters[i].type == "URLRewrite";
    }
    if (redirect && rewrite)
        errors.invalid(path, "\"array\"", "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both");
}

template <class Match>
void validateNameValueMatch(const Match &m, const std::string &path, FieldErrors &errors)
{
    errors.checkEnum(path + ".type", m.type, {"Exact", "RegularExpression"});
    if (m.name.empty())
        errors.required(path + ".name");
    if (m.value.empty())
        errors.required(path + ".value");
}

void validateMatch(const api::HTTPRouteMatch &m, const std::string &path, FieldErrors &errors)
{
    if (m.path && errors.checkEnum(path + ".path.type", m.path->type, {"Exact", "PathPrefix", "RegularExpression"}) &&
        m.path->type != "RegularExpression") {
        if (!m.path->value.starts_with("/"))
            errors.invalid(path + ".path", "\"object\"",
                           "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']");
        if (m.path->value.find("//") != std::string::npos)
            errors.invalid(path + ".path", "\"object\"", "must not contain '//' when type one of ['Exact', 'PathPrefix']");
    }
    maxItems(errors, path + ".headers", m.headers.size(), 16);
    for (std::size_t i = 0; i < m.headers.size(); ++i)
        validateNameValueMatch(m.headers[i], at(path + ".headers", i), errors);
    maxItems(errors, path + ".queryParams", m.queryParams.size(), 16);
    for (std::size_t i = 0; i < m.queryParams.size(); ++i)
        validateNameValueMatch(m.queryParams[i], at(path + ".queryParams", i), errors);
    if (m.method)
        errors.checkEnum(path + ".method", *m.method,
                         {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"});
}

void validateRule(const api::HTTPRouteRule &rule, const std::string &path, FieldErrors &errors)
{
    maxItems(errors, path + ".matches", rule.matches.size(), 64);
    for (std::size_t i = 0; i < rule.matches.size(); ++i)
        validateMatch(rule.matches[i], at(path + ".matches", i), errors);
    validateFilters(rule.filters, path + ".filters", errors);
    maxItems(errors, path + ".backendRefs", rule.backendRefs.size(), 16);
    for (std::size_t i = 0; i < rule.backendRefs.size(); ++i) {
        const api::HTTPBackendRef &b = rule.backendRefs[i];
        std::string bp = at(path + ".backendRefs", i);
        validateBackendRef(b.ref, bp, errors);
        errors.checkSchemaRange(bp + ".weight", b.weight, 0, 1000000);
        validateFilters(b.filters, bp + ".filters", errors);
    }
}

} // namespace

void validateBody(const api::GatewayClass &body, FieldErrors &errors)
{
    const std::string &controller = body.spec.controllerName;
    if (controller.empty())
        errors.required("spec.controllerName");
    else if (!isDomainPrefixed(controller))
        errors.invalid("spec.controllerName", quoted(controller),
                       "spec.controllerName in body should match "
                       "'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$'");
    if (body.spec.description.size() > 64)
        errors.add("spec.description", "Too long: may not be more than 64 bytes");
}

void validateBody(const api::Gateway &body, FieldErrors &errors)
{
    const api::GatewaySpec &spec = body.spec;
    if (spec.gatewayClassName.empty())
        errors.required("spec.gatewayClassName");
    if (spec.listeners.empty())
        errors.required("spec.listeners");
    maxItems(errors, "spec.listeners", spec.listeners.size(), 64);
    for (std::size_t i = 0; i < spec.listeners.size(); ++i)
        validateListener(spec.listeners[i], at("spec.listeners", i), errors);
    validateListenerSet(spec.listeners, errors);
    maxItems(errors, "spec.addresses", spec.addresses.size(), 16);
    for (std::size_t i = 0; i < spec.addresses.size(); ++i) {
        const api::GatewaySpecAddress &a = spec.addresses[i];
        if (a.type != "IPAddress" && a.type != "Hostname" && !isDomainPrefixed(a.type))
            errors.notSupported(at("spec.addresses", i) + ".type", quoted(a.type), {"IPAddress", "Hostname"});
    }
}

void validateBody(const api::HTTPRoute &body, FieldErrors &errors)
{
    const api::HTTPRouteSpec &spec = body.spec;
    maxItems(errors, "spec.parentRefs", spec.parentRefs.size(), 32);
    for (std::size_t i = 0; i < spec.parentRefs.size(); ++i)
        validateParentRef(spec.parentRefs[i], at("spec.parentRefs", i), errors);
    maxItems(errors, "spec.hostnames", spec.hostnames.size(), 16);
    for (std::size_t i = 0; i < spec.hostnames.size(); ++i)
        checkHostname(errors, at("spec.hostnames", i), spec.hostnames[i]);
    maxItems(errors, "spec.rules", spec.rules.size(), 16);
    for (std::size_t i = 0; i < spec.rules.size(); ++i)
        validateRule(spec.rules[i], at("spec.rules", i), errors);
}

void validateBody(const api::ReferenceGrant &body, FieldErrors &errors)
{
    if (body.from.empty())
        errors.required("spec.from");
    maxItems(errors, "spec.from", body.from.size(), 16);
    for (std::size_t i = 0; i < body.from.size(); ++i) {
        std::string path = at("spec.from", i);
        if (body.from[i].kind.empty())
            errors.required(path + ".kind");
        if (body.from[i].namespace_.empty())
            errors.required(path + ".namespace");
    }
    if (body.to.empty())
        errors.required("spec.to");
    maxItems(errors, "spec.to", body.to.size(), 16);
    for (std::size_t i = 0; i < body.to.size(); ++i) {
        if (body.to[i].kind.empty())
            errors.required(at("spec.to", i) + ".kind");
    }
}

} // namespace sim::manifest
