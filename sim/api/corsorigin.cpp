#include "sim/api/corsorigin.h"

#include <algorithm>
#include <cctype>

namespace sim::api {
namespace {

bool isHostChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_'; }

// A host, or a pattern whose `*` may only lead it: "*", "*.bar.com".
bool isHost(std::string_view host)
{
    if (host == "*")
        return true;
    if (host.starts_with("*."))
        host.remove_prefix(2);
    return !host.empty() && host.front() != '.' && host.back() != '.' && std::all_of(host.begin(), host.end(), isHostChar);
}

} // namespace

std::optional<CorsOrigin> CorsOrigin::parse(std::string_view text)
{
    CorsOrigin out;
    const auto separator = text.find("://");
    if (separator == std::string_view::npos)
        return std::nullopt;
    out.scheme = std::string(text.substr(0, separator));
    std::transform(out.scheme.begin(), out.scheme.end(), out.scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if (out.scheme != "http" && out.scheme != "https")
        return std::nullopt;
    std::string_view rest = text.substr(separator + 3);
    out.port = out.scheme == "https" ? 443 : 80;
    if (const auto colon = rest.rfind(':'); colon != std::string_view::npos) {
        std::string_view digits = rest.substr(colon + 1);
        if (digits.empty() || digits.size() > 5 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        out.port = std::stoi(std::string(digits));
        if (out.port < 1 || out.port > 65535)
            return std::nullopt;
        rest = rest.substr(0, colon);
    }
    if (!isHost(rest))
        return std::nullopt;
    out.host = std::string(rest);
    std::transform(out.host.begin(), out.host.end(), out.host.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool CorsOrigin::admits(const CorsOrigin &origin) const
{
    if (scheme != origin.scheme || port != origin.port)
        return false;
    if (host == "*")
        return true;
    if (host.starts_with("*.")) {
        const std::string_view suffix = std::string_view(host).substr(1);  // ".bar.com"
        return origin.host.size() > suffix.size() && origin.host.ends_with(suffix);
    }
    return host == origin.host;
}

} // namespace sim::api
