#pragma once

#include "sim/traffic/compiledgateway.h"
#include "sim/traffic/httprequest.h"
#include "sim/traffic/trace.h"

#include <string>
#include <string_view>

namespace sim::traffic {

/** Gateway API matching on a compiled Gateway: which listener takes a request, and which route match wins. */
class GatewayMatcher {
public:
    /**
     * The listener on `port` whose hostname matches the host most specifically (exact, then the longest
     * wildcard, then a listener without hostname). nullptr when none.
     */
    static const CompiledListener *selectListener(const CompiledGateway &gateway, std::int32_t port, std::string_view host,
                                                  Trace *trace);
    /**
     * The first match in precedence order that the request satisfies, as its probe (which names the
     * match in listener.matches); nullptr when none (404).
     */
    static const MatchProbe *findMatch(const CompiledListener &listener, const HttpRequest &request, Trace *trace);
    /**
     * For a trace: each other rule whose match the request also satisfies, in precedence order (a few, then
     * a count), and why `winner` goes before it.
     */
    static void traceLosers(const CompiledListener &listener, const HttpRequest &request, const MatchProbe &winner, Trace &trace);
    /** Do method, headers and query parameters match (the path already did)? Sets *whyNot when not. */
    static bool matchesConditions(const CompiledMatch &match, const HttpRequest &request, std::string *whyNot);
    /** Does the path match on its own? */
    static bool matchesPath(const CompiledMatch &match, std::string_view path);
    /** "HTTPRoute ns/name rule 2 (PathPrefix /foo, ...)" for the trace. */
    static std::string name(const CompiledListener &listener, const CompiledMatch &match);
    /** "PathPrefix /foo, header x-a=b, GET" for the trace. */
    static std::string describe(const CompiledMatch &match);
};

} // namespace sim::traffic
