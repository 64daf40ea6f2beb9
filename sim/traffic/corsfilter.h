#pragma once

#include "sim/api/httproute.h"
#include "sim/traffic/compiledgateway.h"
#include "sim/traffic/httpheaders.h"
#include "sim/traffic/httprequest.h"

#include <string>
#include <vector>

namespace sim::traffic {

/**
 * Gateway API's CORS filter as its spec and conformance tests describe it: the Gateway answers a browser's
 * preflight itself, and adds Access-Control-* headers to the responses of requests from an allowed origin.
 */
class CorsFilter {
public:
    /** The allowOrigins of every CORS filter in a list, parsed, in the filters' order. */
    static std::vector<CompiledCors> compile(const std::vector<api::HTTPRouteFilter> &filters);
    /** OPTIONS with Origin and Access-Control-Request-Method: a browser asking before its cross-origin request. */
    static bool isPreflight(const HttpRequest &request);
    /**
     * Adds the response headers for an allowed origin (nothing otherwise): Allow-Origin (the request's own Origin,
     * which the spec allows in every case), Allow-Credentials, Expose-Headers; for a preflight also Allow-Methods,
     * Allow-Headers and Max-Age. Returns whether the request's Origin is allowed by `origins`, the filter's compiled
     * allowOrigins.
     */
    static bool addResponseHeaders(const api::HTTPCORSFilter &cors, const CompiledCors &origins, const HttpRequest &request,
                                   HttpHeaders &response);
    /** Why the filter let the request's origin through (`allowed`) or not, for the trace. */
    static std::string explain(const api::HTTPCORSFilter &cors, const HttpRequest &request, bool allowed);
};

} // namespace sim::traffic
