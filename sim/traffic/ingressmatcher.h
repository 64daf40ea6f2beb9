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
    /** "Prefix /foo of Ingress ns/name" for the trace. */
    static std::string describe(const IngressLocation &location);
};

} // namespace sim::traffic
