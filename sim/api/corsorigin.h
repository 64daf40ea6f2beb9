#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim::api {

/**
 * An origin as CORS names it, `<scheme>://<host>[:<port>]`: in an HTTPRoute CORS filter's allowOrigins (where the
 * host may start with a `*` wildcard) and in a browser's Origin request header.
 */
struct CorsOrigin {
    std::string scheme;  // http or https
    std::string host;    // lower-case
    std::int32_t port = 0;  // 80 / 443 when the text names none, as the spec says to assume

    /** The origin written in text, or nullopt when the text is not one (a path, a query, another scheme...). */
    static std::optional<CorsOrigin> parse(std::string_view text);
    /**
     * Whether `origin` is one this allowOrigins entry admits: same scheme and port, and the same host, or for a
     * host `*.bar.com` any host ending in `.bar.com` (the wildcard takes any number of labels), `*` any host.
     */
    bool admits(const CorsOrigin &origin) const;
};

} // namespace sim::api
