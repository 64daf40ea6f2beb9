#pragma once

#include "sim/store/store.h"

#include <string>
#include <vector>

namespace ui {

/**
 * One weighted split as the store has it now: an HTTPRoute rule with two or more backendRefs, or an
 * ingress-nginx canary Ingress taking `canary-weight` of `canary-weight-total` from a main Ingress path.
 */
struct WeightedRule {
    enum class Kind { RouteRule, IngressCanary };
    Kind kind = Kind::RouteRule;
    std::string ns;
    std::string route;    // the object a slider edits: the HTTPRoute, or the canary Ingress
    int rule = 0;         // the HTTPRoute rule; for a canary, the main Ingress path (flat index, as on the canvas)
    std::string primary;  // canary: the main Ingress whose path it shares
    std::vector<std::string> backends;       // Service names, in backendRef order (canary: main, then canary)
    std::vector<int> weights;                // canary: total - canary-weight, canary-weight
    std::vector<std::string> backendSeries;  // the traffic system's Backend metric series names, same order

    /** "default/app rule 0", or "default/app-canary canary-weight". */
    std::string label() const;
    /** The topology node the split leaves from (sim::topology::ids). */
    std::string sourceNode() const;
};

/** Every weighted HTTPRoute rule, then every canary Ingress with its main path, in store order. */
std::vector<WeightedRule> weightedRules(const sim::store::Store &store);

} // namespace ui
