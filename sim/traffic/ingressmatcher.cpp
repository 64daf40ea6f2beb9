#include "sim/traffic/ingressmatcher.h"

#include "sim/traffic/pathtrie.h"

namespace sim::traffic {

const IngressServer *IngressMatcher::selectServer(const CompiledIngressController &controller, std::string_view host, Trace *trace)
{
    if (auto it = controller.exactServers.find(host); it != controller.exactServers.end()) {
        if (trace)
            trace->add("host", "server " + std::string(host), "an Ingress rule names this host exactly");
        return &controller.servers[it->second];
    }
    // An Ingress wildcard covers exactly one label: "*.foo.com" takes "bar.foo.com", not "baz.bar.foo.com".
    if (auto dot = host.find('.'); dot != std::string_view::npos) {
        if (auto it = controller.wildcardServers.find(host.substr(dot)); it != controller.wildcardServers.end()) {
            if (trace)
                trace->add("host", "server " + controller.servers[it->second].host,
                           "the wildcard matches the single label in front of " + std::string(host.substr(dot + 1)));
            return &controller.servers[it->second];
        }
    }
    if (controller.catchAll != kNone) {
        if (trace)
            trace->add("host", "catch-all server", "no Ingress rule names host \"" + std::string(host) + "\"; rules without host take it");
        return &controller.servers[controller.catchAll];
    }
    if (trace)
        trace->add("host", "no server", "no Ingress rule names host \"" + std::string(host) + "\" and none is host-less");
    return nullptr;
}

bool IngressMatcher::matches(const IngressLocation &location, std::string_view path)
{
    using T = IngressLocation::PathType;
    if (location.pathType == T::Exact)
        return path == location.path;
    if (location.isRegex)
        return location.regex && std::regex_search(path.begin(), path.end(), *location.regex, std::regex_constants::match_continuous);
    if (location.pathType == T::ImplementationSpecific)
        return path.starts_with(location.path);  // an nginx prefix location: character-wise
    return matchesPathPrefix(location.path, path);
}

const IngressLocation *IngressMatcher::findLocation(const IngressServer &server, std::string_view path, Trace *trace)
{
    for (const IngressLocation &location : server.locations) {
        if (location.pathType == IngressLocation::PathType::Exact && path == location.path) {
            if (trace) {
                trace->add("path", describe(location), "an Exact path equal to the request path wins over any prefix");
                traceLosers(server, location, path, *trace);
            }
            return &location;
        }
    }
    for (const IngressLocation &location : server.locations) {
        if (location.pathType == IngressLocation::PathType::Exact || !matches(location, path))
            continue;
        if (trace) {
            trace->add("path", describe(location),
                       location.isRegex ? "first regular expression (longest path first) that matches the start of the path"
                                        : "longest path that matches the request path");
            traceLosers(server, location, path, *trace);
        }
        return &location;
    }
    if (trace)
        trace->add("path", "no path matches " + std::string(path), std::to_string(server.locations.size()) + " path(s) on this host");
    return nullptr;
}

void IngressMatcher::traceLosers(const IngressServer &server, const IngressLocation &chosen, std::string_view path, Trace &trace)
{
    for (const std::string &ingress : chosen.shadowedIngresses)
        trace.add("path", "ignored the same path of Ingress " + ingress,
                  "several Ingresses define this host and path: ingress-nginx keeps the oldest, " + chosen.ingressKey());
    std::size_t listed = 0;
    std::size_t unlisted = 0;
    for (const IngressLocation &location : server.locations) {
        if (&location == &chosen || !matches(location, path))
            continue;
        if (listed == Trace::kMaxLosers) {
            ++unlisted;
            continue;
        }
        ++listed;
        trace.add("path", "also matched " + describe(location), "lost: " + whyFirst(chosen, location));
    }
    if (unlisted > 0)
        trace.add("path", "also matched " + std::to_string(unlisted) + " more path(s)", "lost: they come later in the same order");
}

std::string IngressMatcher::whyFirst(const IngressLocation &chosen, const IngressLocation &loser)
{
    using T = IngressLocation::PathType;
    if (chosen.pathType == T::Exact && loser.pathType != T::Exact)
        return "nginx takes an Exact location equal to the path before any other";
    if (chosen.path.size() > loser.path.size())
        return "the chosen path " + chosen.path + " is longer than " + loser.path
            + (chosen.isRegex ? ": ingress-nginx writes regular expressions longest first and nginx takes the first that matches"
                              : ": nginx takes the longest matching prefix");
    return "same length: the chosen path comes first, from the older Ingress or earlier in the same one";
}

std::string IngressMatcher::describe(const IngressLocation &location)
{
    static const char *types[] = {"Exact", "Prefix", "ImplementationSpecific"};
    return std::string(types[static_cast<int>(location.pathType)]) + " " + location.path + (location.isRegex ? " (regex)" : "")
        + " of Ingress " + location.ingressKey();
}

} // namespace sim::traffic
