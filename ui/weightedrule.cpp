#include "ui/weightedrule.h"

namespace ui {

std::vector<WeightedRule> weightedRules(const sim::store::Store &store)
{
    std::vector<WeightedRule> out;
    for (const sim::api::ObjectPtr &obj : store.list(sim::api::Kind::HTTPRoute)) {
        const auto &rules = obj->as<sim::api::HTTPRoute>().spec.rules;
        for (std::size_t r = 0; r < rules.size(); ++r) {
            if (rules[r].backendRefs.size() < 2)
                continue;
            WeightedRule rule{obj->metadata.namespace_, obj->metadata.name, static_cast<int>(r), {}, {}, {}};
            // The name the gateway compiler gives the series (sim/traffic/gatewaycompiler.cpp resolveBackend).
            const std::string ruleKey = "HTTPRoute " + rule.ns + "/" + rule.route + " rule " + std::to_string(r);
            for (const auto &ref : rules[r].backendRefs) {
                rule.backends.push_back(ref.ref.name);
                rule.weights.push_back(ref.weight);
                rule.backendSeries.push_back(ruleKey + " -> " + ref.ref.namespace_.value_or(rule.ns) + "/" + ref.ref.name + ":"
                                             + std::to_string(ref.ref.port.value_or(0)));
            }
            out.push_back(std::move(rule));
        }
    }
    return out;
}

} // namespace ui
