#include "sim/traffic/clientrequest.h"

#include "sim/traffic/trafficsystem.h"

namespace sim::traffic {
namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool addHeaders(HttpRequest &request, const std::vector<std::string> &headers, std::string *error)
{
    for (const std::string &header : headers) {
        const auto colon = header.find(':');
        const std::string_view name = trimmed(std::string_view(header).substr(0, colon));
        if (colon == std::string::npos || name.empty()) {
            *error = "invalid header \"" + header + "\": expected 'Name: value'";
            return false;
        }
        request.addClientHeader(name, std::string(trimmed(std::string_view(header).substr(colon + 1))));
    }
    return true;
}

// A host the cluster answers for by itself: an address it owns or a Service's DNS name.
bool isClusterHost(TrafficSystem &traffic, const HttpRequest &request)
{
    const auto table = traffic.table();
    return table->findAddress(request.host) || table->resolveServiceName(request.host, EntryPoint{}.clientNamespace);
}

} // namespace

std::optional<ResolvedRequest> resolveClientRequest(TrafficSystem &traffic, const ClientRequest &spec, std::string *error)
{
    std::string why;
    std::optional<HttpRequest> request = HttpRequest::fromUrl(spec.url, &why);
    if (!request) {
        *error = "invalid URL \"" + spec.url + "\": " + why;
        return std::nullopt;
    }
    request->method = spec.method;
    request->clientId = spec.clientId;
    if (!addHeaders(*request, spec.headers, error))
        return std::nullopt;

    ResolvedRequest out{spec.entry.value_or(EntryPoint{}), std::move(*request)};
    if (!spec.entry && (out.request.host.empty() || !isClusterHost(traffic, out.request))) {
        std::optional<EntryPoint> only = traffic.defaultEntry(error);
        if (!only)
            return std::nullopt;
        out.entry = *only;
    }
    if (out.request.host.empty()) {
        out.request.host = traffic.entryAddress(out.entry);
        if (out.request.host.empty()) {
            *error = out.entry.describe() + " has no address yet, so a URL without a host has nowhere to go; give the URL a host";
            return std::nullopt;
        }
    }
    return out;
}

} // namespace sim::traffic
