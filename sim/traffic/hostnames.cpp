#include "sim/traffic/hostnames.h"

namespace sim::traffic::hostnames {

bool isWildcard(std::string_view pattern) { return pattern.size() > 2 && pattern.starts_with("*."); }

std::string_view wildcardSuffix(std::string_view pattern) { return pattern.substr(1); }

bool matchesGateway(std::string_view pattern, std::string_view host)
{
    if (!isWildcard(pattern))
        return pattern == host;
    std::string_view suffix = wildcardSuffix(pattern);
    return host.size() > suffix.size() && host.ends_with(suffix);
}

bool matchesIngress(std::string_view pattern, std::string_view host)
{
    if (!isWildcard(pattern))
        return pattern == host;
    std::string_view suffix = wildcardSuffix(pattern);
    if (host.size() <= suffix.size() || !host.ends_with(suffix))
        return false;
    std::string_view label = host.substr(0, host.size() - suffix.size());
    return label.find('.') == std::string_view::npos;
}

std::optional<std::string> intersect(std::string_view listener, std::string_view route)
{
    if (listener.empty())
        return std::string(route);
    if (route.empty())
        return std::string(listener);
    if (listener == route)
        return std::string(route);
    if (matchesGateway(listener, route))
        return std::string(route);
    if (matchesGateway(route, listener))
        return std::string(listener);
    return std::nullopt;
}

std::string normalize(std::string_view host)
{
    std::string out(host);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    if (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

} // namespace sim::traffic::hostnames
