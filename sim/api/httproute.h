#pragma once

#include "sim/api/gateway.h"
#include "sim/api/objectmeta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::api {

struct ParentReference {
    std::string group = "gateway.networking.k8s.io";
    std::string kind = "Gateway";
    std::optional<std::string> namespace_;
    std::string name;
    std::optional<std::string> sectionName;
    std::optional<std::int32_t> port;
    bool operator==(const ParentReference &) const = default;
};

struct HTTPPathMatch {
    std::string type = "PathPrefix";  // Exact, PathPrefix, RegularExpression
    std::string value = "/";
    bool operator==(const HTTPPathMatch &) const = default;
};

struct HTTPHeaderMatch {
    std::string type = "Exact";  // Exact, RegularExpression
    std::string name;
    std::string value;
    bool operator==(const HTTPHeaderMatch &) const = default;
};

struct HTTPQueryParamMatch {
    std::string type = "Exact";
    std::string name;
    std::string value;
    bool operator==(const HTTPQueryParamMatch &) const = default;
};

struct HTTPRouteMatch {
    std::optional<HTTPPathMatch> path;  // absent: PathPrefix "/"
    std::vector<HTTPHeaderMatch> headers;
    std::vector<HTTPQueryParamMatch> queryParams;
    std::optional<std::string> method;
    bool operator==(const HTTPRouteMatch &) const = default;
};

struct HTTPHeader {
    std::string name;
    std::string value;
    bool operator==(const HTTPHeader &) const = default;
};

struct HTTPHeaderFilter {
    std::vector<HTTPHeader> set;
    std::vector<HTTPHeader> add;
    std::vector<std::string> remove;
    bool operator==(const HTTPHeaderFilter &) const = default;
};

struct HTTPPathModifier {
    std::string type;  // ReplaceFullPath, ReplacePrefixMatch
    std::string replaceFullPath;
    std::string replacePrefixMatch;
    bool operator==(const HTTPPathModifier &) const = default;
};

struct HTTPRequestRedirectFilter {
    std::optional<std::string> scheme;
    std::optional<std::string> hostname;
    std::optional<HTTPPathModifier> path;
    std::optional<std::int32_t> port;
    std::int32_t statusCode = 302;
    bool operator==(const HTTPRequestRedirectFilter &) const = default;
};

struct HTTPURLRewriteFilter {
    std::optional<std::string> hostname;
    std::optional<HTTPPathModifier> path;
    bool operator==(const HTTPURLRewriteFilter &) const = default;
};

/** A reference to a backend: kind defaults to Service in the core group. */
struct BackendObjectReference {
    std::string group;
    std::string kind = "Service";
    std::string name;
    std::optional<std::string> namespace_;
    std::optional<std::int32_t> port;
    bool operator==(const BackendObjectReference &) const = default;
};

struct HTTPRequestMirrorFilter {
    BackendObjectReference backendRef;
    std::optional<std::int32_t> percent;
    bool operator==(const HTTPRequestMirrorFilter &) const = default;
};

/** Cross-origin resource sharing, answered by the gateway (Support: Extended). */
struct HTTPCORSFilter {
    std::vector<std::string> allowOrigins;  // "<scheme>://<host>[:<port>]", a "*" in the host matches labels to its left; "*" alone: all
    std::optional<bool> allowCredentials;
    std::vector<std::string> allowMethods;  // "*" alone: all
    std::vector<std::string> allowHeaders;
    std::vector<std::string> exposeHeaders;
    std::int32_t maxAge = 5;                // seconds, the CRD's default
    bool operator==(const HTTPCORSFilter &) const = default;
};

/** A filter of a custom kind, named by reference (kubesim runs no extension that could resolve one). */
struct LocalObjectReference {
    std::string group;
    std::string kind;
    std::string name;
    bool operator==(const LocalObjectReference &) const = default;
};

struct HTTPRouteFilter {
    std::string type;  // RequestHeaderModifier, ResponseHeaderModifier, RequestRedirect, URLRewrite, RequestMirror, CORS, ExtensionRef
    std::optional<HTTPHeaderFilter> requestHeaderModifier;
    std::optional<HTTPHeaderFilter> responseHeaderModifier;
    std::optional<HTTPRequestRedirectFilter> requestRedirect;
    std::optional<HTTPURLRewriteFilter> urlRewrite;
    std::optional<HTTPRequestMirrorFilter> requestMirror;
    std::optional<HTTPCORSFilter> cors;
    std::optional<LocalObjectReference> extensionRef;
    bool operator==(const HTTPRouteFilter &) const = default;
};

struct HTTPBackendRef {
    BackendObjectReference ref;
    std::int32_t weight = 1;
    std::vector<HTTPRouteFilter> filters;
    bool operator==(const HTTPBackendRef &) const = default;
};

struct HTTPRouteRule {
    std::optional<std::string> name;
    std::vector<HTTPRouteMatch> matches;  // empty: one match, PathPrefix "/"
    std::vector<HTTPRouteFilter> filters;
    std::vector<HTTPBackendRef> backendRefs;
    bool operator==(const HTTPRouteRule &) const = default;
};

struct HTTPRouteSpec {
    std::vector<ParentReference> parentRefs;
    std::vector<std::string> hostnames;
    std::vector<HTTPRouteRule> rules;
    bool operator==(const HTTPRouteSpec &) const = default;
};

struct RouteParentStatus {
    ParentReference parentRef;
    std::string controllerName;
    std::vector<Condition> conditions;  // Accepted, ResolvedRefs
    bool operator==(const RouteParentStatus &) const = default;
};

struct HTTPRouteStatus {
    std::vector<RouteParentStatus> parents;
    bool operator==(const HTTPRouteStatus &) const = default;
};

struct HTTPRoute {
    HTTPRouteSpec spec;
    HTTPRouteStatus status;
    bool operator==(const HTTPRoute &) const = default;
};

} // namespace sim::api
