#include "sim/traffic/corsfilter.h"

#include "sim/api/corsorigin.h"
#include "sim/join.h"

#include <algorithm>

namespace sim::traffic {
namespace {

bool isWildcard(const std::vector<std::string> &items) { return items.size() == 1 && items.front() == "*"; }

// A list that may be "*": with credentials allowed the header must name what the browser asked for instead
// (the request header `asked`), and is left out when the browser asked for nothing.
void setAllowList(HttpHeaders &response, std::string_view name, const std::vector<std::string> &allowed, bool credentials,
                  const std::string *asked)
{
    if (allowed.empty())
        return;
    if (!isWildcard(allowed))
        response.set(name, join(allowed, ", "));
    else if (!credentials)
        response.set(name, "*");
    else if (asked)
        response.set(name, *asked);
}

// Whether the request carries an Origin the filter allows.
bool allowsOrigin(const CompiledCors &origins, const HttpRequest &request)
{
    const std::string *origin = request.headers.get("origin");
    if (!origin)
        return false;
    if (origins.allowsAnyOrigin)
        return true;
    const std::optional<api::CorsOrigin> sent = api::CorsOrigin::parse(*origin);
    return sent && std::any_of(origins.origins.begin(), origins.origins.end(),
                               [&](const api::CorsOrigin &pattern) { return pattern.admits(*sent); });
}

} // namespace

std::vector<CompiledCors> CorsFilter::compile(const std::vector<api::HTTPRouteFilter> &filters)
{
    std::vector<CompiledCors> out;
    for (const api::HTTPRouteFilter &filter : filters) {
        if (filter.type != "CORS" || !filter.cors)
            continue;
        CompiledCors compiled;
        compiled.allowsAnyOrigin = isWildcard(filter.cors->allowOrigins);
        for (const std::string &allowed : filter.cors->allowOrigins) {
            if (std::optional<api::CorsOrigin> pattern = api::CorsOrigin::parse(allowed))
                compiled.origins.push_back(std::move(*pattern));
        }
        out.push_back(std::move(compiled));
    }
    return out;
}

bool CorsFilter::isPreflight(const HttpRequest &request)
{
    return request.method == "OPTIONS" && request.headers.has("origin") && request.headers.has("access-control-request-method");
}

bool CorsFilter::addResponseHeaders(const api::HTTPCORSFilter &cors, const CompiledCors &origins, const HttpRequest &request,
                                    HttpHeaders &response)
{
    if (!allowsOrigin(origins, request))
        return false;
    const bool credentials = cors.allowCredentials.value_or(false);
    response.set("access-control-allow-origin", *request.headers.get("origin"));
    if (credentials)
        response.set("access-control-allow-credentials", "true");
    if (!cors.exposeHeaders.empty())
        response.set("access-control-expose-headers", join(cors.exposeHeaders, ", "));
    if (!isPreflight(request))
        return true;
    setAllowList(response, "access-control-allow-methods", cors.allowMethods, credentials,
                 request.headers.get("access-control-request-method"));
    setAllowList(response, "access-control-allow-headers", cors.allowHeaders, credentials,
                 request.headers.get("access-control-request-headers"));
    response.set("access-control-max-age", std::to_string(cors.maxAge));
    return true;
}

std::string CorsFilter::explain(const api::HTTPCORSFilter &cors, const HttpRequest &request, bool allowed)
{
    const std::string origin = *request.headers.get("origin");
    if (allowed)
        return "Origin " + origin + " is allowed (allowOrigins: " + join(cors.allowOrigins, ", ") + "): Access-Control-* headers added";
    return "Origin " + origin + " is not in allowOrigins (" + join(cors.allowOrigins, ", ")
           + "): no Access-Control-* headers, so the browser refuses the cross-origin response";
}

} // namespace sim::traffic
