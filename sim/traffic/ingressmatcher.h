#pragma once

#include "sim/traffic/compiledingress.h"
#include "sim/traffic/trace.h"

#include <string_view>

namespace sim::traffic {

/** ingress-nginx matching: which server block takes a host, and which location takes a path. */
class IngressMatcher {
public:
    /** Exact host, then the single-label wildcard, then the catch-all server; nullptr when none. */
    static const IngressServer *selectServer(const CompiledIngressController &controller, std::string_view host, Trace *trace);
    /** Exact locations first, then the others longest path first (regex ones anchored at the start). */
    static const IngressLocation *findLocation(const IngressServer &server, std::string_view path, Trace *trace);
    static bool matches(const IngressLocation &location, std::string_view path);
    /**
     * For a trace: the same host and path ignored in newer Ingresses, then the other locations that match
     * the path (a few, then a count), and why `chosen` goes before each.
     */
    static void traceLosers(const IngressServer &server, const IngressLocation &chosen, std::string_view path, Trace &trace);
    /** Why nginx takes `chosen` before `loser` when both match, worded for a learner. */
    static std::string whyFirst(const IngressLocation &chosen, const IngressLocation &loser);
    /** "Prefix /foo of Ingress ns/name" for the trace. */
    static std::string describe(const IngressLocation &location);
};

} // namespace sim::traffic
