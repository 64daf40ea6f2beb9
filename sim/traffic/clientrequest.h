#pragma once

#include "sim/traffic/entrypoint.h"
#include "sim/traffic/httprequest.h"

#include <optional>
#include <string>
#include <vector>

namespace sim::traffic {

class TrafficSystem;

/** A request as a client states it (curl's words): URL, method, "Name: value" headers and, optionally, where it enters. */
struct ClientRequest {
    std::string url;
    std::string method = "GET";
    std::vector<std::string> headers;  // "Name: value"; a Host header overrides the URL's host
    std::string clientId;              // who sends, for session affinity
    std::optional<EntryPoint> entry;   // none: the URL's address, a Service name, or the cluster's only entry point
};

/** A client request made concrete against the cluster: the entry point it goes to and the HTTP request. */
struct ResolvedRequest {
    EntryPoint entry;
    HttpRequest request;
};

/**
 * Resolves a client request as `kubesim request` documents it: the URL gives scheme, host, port, path and query;
 * without an entry option a host that is a cluster address or a Service name is used as it is, any other host
 * goes to the cluster's only entry point (an error names the choices when there are several); a bare path
 * ("/v2?x=1") is sent to the entry point's own address. Returns nullopt and sets error when it cannot.
 */
std::optional<ResolvedRequest> resolveClientRequest(TrafficSystem &traffic, const ClientRequest &spec, std::string *error);

} // namespace sim::traffic
