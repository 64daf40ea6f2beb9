#pragma once

#include "sim/api/httproute.h"
#include "sim/traffic/compiledgateway.h"
#include "sim/traffic/httprequest.h"
#include "sim/traffic/routingdecision.h"
#include "sim/traffic/trace.h"

#include <string>

namespace sim::traffic {

/** What proxies do to a request and its response once a route is chosen: Gateway API filters, ingress-nginx rewrites. */
class HttpFilters {
public:
    /** The request as the pod receives it: rule filters then backendRef filters, or rewrite-target; plus X-Forwarded-*. */
    static HttpRequest upstreamRequest(const RoutingDecision &decision, const HttpRequest &request, Trace *trace);
    /** ResponseHeaderModifier and CORS filters of the rule and the chosen backendRef, on the response to request. */
    static void applyResponseFilters(const RoutingDecision &decision, const HttpRequest &request, HttpHeaders &response, Trace *trace);
    /** Why a filter of a custom kind fails its requests: nothing in kubesim can resolve the reference. */
    static std::string unresolvedExtension(const api::LocalObjectReference &ref);
    /** The Location of a RequestRedirect, with the port rules of the spec. */
    static std::string redirectLocation(const api::HTTPRequestRedirectFilter &filter, const CompiledMatch &match,
                                        const CompiledListener &listener, const HttpRequest &request);
    /** A path after ReplaceFullPath / ReplacePrefixMatch of the matched prefix. */
    static std::string modifiedPath(const api::HTTPPathModifier &modifier, const CompiledMatch &match, const std::string &path);
    /** nginx `rewrite "(?i)<path>" <target>`: captures $1..$9 substituted; unchanged when the regex does not match. */
    static std::string nginxRewrite(const std::regex &pathRegex, const std::string &target, const std::string &path);
    static void applyHeaderFilter(const api::HTTPHeaderFilter &filter, HttpHeaders &headers);
};

} // namespace sim::traffic
