#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sim::traffic {

/**
 * Hostname rules. Gateway API wildcards ("*.example.com") match one or more labels in front of the
 * suffix; Ingress wildcards match exactly one label. Neither matches the bare suffix ("example.com").
 */
namespace hostnames {

bool isWildcard(std::string_view pattern);
/** ".example.com" for "*.example.com". */
std::string_view wildcardSuffix(std::string_view pattern);
/** Gateway API: does host match the pattern (exact, or wildcard over one or more labels)? */
bool matchesGateway(std::string_view pattern, std::string_view host);
/** Ingress: does host match the pattern (exact, or wildcard over exactly one label)? */
bool matchesIngress(std::string_view pattern, std::string_view host);
/**
 * Gateway API intersection of a listener hostname and a route hostname: the more specific of the two
 * when one matches the other, nullopt when they do not intersect. An empty listener hostname matches all.
 */
std::optional<std::string> intersect(std::string_view listener, std::string_view route);
/** Lower-cases a hostname and strips a trailing dot, as DNS compares names. */
std::string normalize(std::string_view host);

} // namespace hostnames
} // namespace sim::traffic
