#include "sim/traffic/httprequest.h"

#include <charconv>

namespace sim::traffic {
namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

bool fail(std::string *error, std::string message)
{
    if (error)
        *error = std::move(message);
    return false;
}

bool parseAuthority(std::string_view authority, HttpRequest &request, std::string *error)
{
    auto colon = authority.rfind(':');
    if (colon == std::string_view::npos) {
        request.host = std::string(authority);
        return !authority.empty() || fail(error, "the URL has no host");
    }
    std::string_view port = authority.substr(colon + 1);
    int value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535)
        return fail(error, "invalid port \"" + std::string(port) + "\" (expected 1-65535)");
    request.host = std::string(authority.substr(0, colon));
    request.port = value;
    return !request.host.empty() || fail(error, "the URL has no host");
}

} // namespace

std::int32_t defaultPort(std::string_view scheme)
{
    if (scheme == "http")
        return 80;
    if (scheme == "https")
        return 443;
    return 0;
}

std::int32_t HttpRequest::effectivePort() const { return port != 0 ? port : defaultPort(scheme); }

std::string HttpRequest::pathAndQuery() const { return query.empty() ? path.str() : path + "?" + query; }

std::string HttpRequest::url() const
{
    std::string out = scheme + "://" + host;
    if (port != 0 && port != defaultPort(scheme))
        out += ":" + std::to_string(port);
    return out + pathAndQuery();
}

std::optional<std::string_view> HttpRequest::queryParam(std::string_view name) const
{
    std::string_view rest = query;
    while (!rest.empty()) {
        auto amp = rest.find('&');
        std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        auto eq = pair.find('=');
        if (pair.substr(0, eq) == name)
            return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    }
    return std::nullopt;
}

void HttpRequest::addClientHeader(std::string_view name, std::string value)
{
    if (HttpHeaders::normalize(name) == "host")
        host = std::move(value);
    else
        headers.add(name, std::move(value));
}

std::optional<std::string_view> HttpRequest::cookie(std::string_view name) const
{
    const std::string *header = headers.get("cookie");
    if (!header)
        return std::nullopt;
    std::string_view rest = *header;
    while (!rest.empty()) {
        auto semi = rest.find(';');
        std::string_view pair = trim(rest.substr(0, semi));
        rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
        auto eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name)
            return pair.substr(eq + 1);
    }
    return std::nullopt;
}

std::optional<HttpRequest> HttpRequest::fromUrl(std::string_view url, std::string *error)
{
    HttpRequest request;
    std::string_view rest = url;
    auto sep = rest.find("://");
    if (sep != std::string_view::npos) {
        request.scheme = std::string(rest.substr(0, sep));
        if (request.scheme != "http" && request.scheme != "https") {
            fail(error, "unsupported scheme \"" + request.scheme + "\" (expected http or https)");
            return std::nullopt;
        }
        rest.remove_prefix(sep + 3);
        auto slash = rest.find_first_of("/?");
        if (!parseAuthority(rest.substr(0, slash), request, error))
            return std::nullopt;
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    } else if (rest.empty() || rest.front() != '/') {
        fail(error, "expected a URL like http://host/path or a path starting with /");
        return std::nullopt;
    }
    auto question = rest.find('?');
    request.path = std::string(rest.substr(0, question));
    if (request.path.empty())
        request.path = "/";
    if (question != std::string_view::npos)
        request.query = std::string(rest.substr(question + 1));
    return request;
}

} // namespace sim::traffic
