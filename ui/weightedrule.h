#pragma once

#include "sim/store/store.h"

#include <string>
#include <vector>

namespace ui {

/** One HTTPRoute rule that splits traffic over two or more backendRefs, as the store has it now. */
struct WeightedRule {
    std::string ns, route;
    int rule = 0;
    std::vector<std::string> backends;       // Service names, in backendRef order
    std::vector<int> weights;
    std::vector<std::string> backendSeries;  // the traffic system's Backend metric series names, same order

    /** "default/app rule 0". */
    std::string label() const { return ns + "/" + route + " rule " + std::to_string(rule); }
};

/** Every weighted HTTPRoute rule in the store, in store order. */
std::vector<WeightedRule> weightedRules(const sim::store::Store &store);

} // namespace ui
