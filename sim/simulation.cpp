#include "sim/simulation.h"

namespace sim {

Simulation::Simulation(std::uint64_t seed) : m_engine(seed), m_store(m_engine) {}

std::string Simulation::setBackendWeights(const std::string &ns, const std::string &route, int rule,
                                          const std::vector<int> &weights)
{
    // The Gateway API bounds a backendRef weight to [0, 1000000].
    constexpr int kMaxWeight = 1000000;
    api::ObjectPtr current = m_store.get(api::Kind::HTTPRoute, ns, route);
    if (!current)
        return "httproutes.gateway.networking.k8s.io \"" + route + "\" not found";
    api::Object edited = *current;
    auto &rules = edited.as<api::HTTPRoute>().spec.rules;
    if (rule < 0 || static_cast<std::size_t>(rule) >= rules.size())
        return "HTTPRoute " + route + " has no rule " + std::to_string(rule);
    auto &refs = rules[static_cast<std::size_t>(rule)].backendRefs;
    if (refs.size() != weights.size())
        return "rule " + std::to_string(rule) + " has " + std::to_string(refs.size()) + " backendRefs, got " +
               std::to_string(weights.size()) + " weights";
    for (std::size_t i = 0; i < refs.size(); ++i) {
        if (weights[i] < 0 || weights[i] > kMaxWeight)
            return "spec.rules[" + std::to_string(rule) + "].backendRefs[" + std::to_string(i) +
                   "].weight: must be between 0 and 1000000";
        refs[i].weight = weights[i];
    }
    m_store.update(std::move(edited));
    return {};
}

} // namespace sim
