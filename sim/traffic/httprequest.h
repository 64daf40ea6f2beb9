#pragma once

#include "sim/traffic/httpheaders.h"
#include "sim/traffic/inlinestring.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim::traffic {

/** One HTTP request as a value: what a client sends and what proxies rewrite on its way to a pod. */
struct alignas(64) HttpRequest {
    // Fields in the order routing reads them, the whole aligned to a 64-byte cache line, text kept inside
    // the request up to each field's capacity: scheme, host and port fill the first line, the path the
    // second, the headers (two fields inside the request) the next two and a half, then query, method and
    // client fields. A routing decision on a cold request (a load generator keeps thousands of templates)
    // reads two lines, the next ones in order with header or query conditions, and no heap block for
    // host, path or the first two headers.
    InlineString<16> scheme = "http";
    InlineString<44> host;       // without port; the Host header when one is set
    std::int32_t port = 0;       // 0: the scheme's default port
    InlineString<64> path = "/";
    HttpHeaders headers;         // "host" is not kept here: see host
    InlineString<40> query;      // after '?', without it
    InlineString<16> method = "GET";
    InlineString<24> clientId;   // who sends (load generator client), for session affinity
    InlineString<24> clientIp;   // the source address as the cluster sees it

    /** The port the request goes to: port, or 80 / 443 by scheme. */
    std::int32_t effectivePort() const;
    /** "/path?query". */
    std::string pathAndQuery() const;
    /** "http://host[:port]/path?query", the port omitted when it is the scheme's default. */
    std::string url() const;
    /** First value of a query parameter (exact name), or nullopt. */
    std::optional<std::string_view> queryParam(std::string_view name) const;
    /** Adds a header as a client sends it: "Host" replaces the host, any other name is added to headers. */
    void addClientHeader(std::string_view name, std::string value);
    /** Value of a cookie from the Cookie header, or nullopt. */
    std::optional<std::string_view> cookie(std::string_view name) const;

    /**
     * Parses "http://host:port/path?q", "https://host/..." or a bare path "/v2?x=1" (host left empty).
     * Returns nullopt and sets error for anything else.
     */
    static std::optional<HttpRequest> fromUrl(std::string_view url, std::string *error = nullptr);
};

/** 80 for http, 443 for https, 0 otherwise. */
std::int32_t defaultPort(std::string_view scheme);

} // namespace sim::traffic
