#pragma once

#include "sim/scenario/action.h"
#include "sim/scenario/scenario.h"

#include <string>

namespace sim {
class Simulation;
}

namespace sim::scenario {

class TrafficDriver;

/** What an action did: kubectl-like output lines, or why it could not be done. */
struct ActionOutcome {
    bool ok = true;
    std::string text;
};

/**
 * Performs one action that takes no sim time (everything but wait) through the simulation's command API,
 * as the console or the window would: apply, delete, scale, set image, weights, faults, traffic.
 */
class ActionExecutor {
public:
    ActionExecutor(Simulation &simulation, TrafficDriver &traffic, const Scenario &scenario);

    ActionOutcome execute(const ActionBody &action);

private:
    ActionOutcome apply(const ApplyAction &action);
    ActionOutcome setWeights(const SetWeightsAction &action);
    ActionOutcome setCanaryWeight(const SetCanaryWeightAction &action);
    /** Runs a pod command on every pod the target selects; fails when it selects none. */
    template <class Command> ActionOutcome onPods(const PodTarget &target, Command command);

    Simulation &m_simulation;
    TrafficDriver &m_traffic;
    const Scenario &m_scenario;
};

} // namespace sim::scenario
