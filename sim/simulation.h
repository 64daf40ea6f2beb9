#pragma once

#include "sim/engine/engine.h"
#include "sim/store/store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim {

/** Default seed when a command is given none, so every output can be reproduced. */
inline constexpr std::uint64_t kDefaultSeed = 1;

/**
 * One simulated cluster: the engine, the object store and everything that runs on them.
 * Every client (window, console, CLI, tests) changes the cluster through this class's commands.
 */
class Simulation {
public:
    explicit Simulation(std::uint64_t seed = kDefaultSeed);

    engine::Engine &engine() { return m_engine; }
    const engine::Engine &engine() const { return m_engine; }
    store::Store &store() { return m_store; }
    const store::Store &store() const { return m_store; }

    /**
     * Sets the weights of one HTTPRoute rule's backendRefs, in order, as `kubectl edit` would.
     * Returns "" on success, else why nothing changed (no such route or rule, wrong count, weight out of range).
     */
    std::string setBackendWeights(const std::string &ns, const std::string &route, int rule, const std::vector<int> &weights);

private:
    engine::Engine m_engine;
    store::Store m_store;
};

} // namespace sim
