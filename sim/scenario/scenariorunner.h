#pragma once

#include "sim/scenario/runreport.h"
#include "sim/scenario/scenario.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sim::scenario {

/** A headless run's report and its trace. */
struct RunOutcome {
    RunReport report;
    std::string trace;
};

/**
 * Runs a lesson with no one watching: every step's actions, its checks, the task's solution and the
 * task's checks, in order. This is what `kubesim run` and the lesson tests do.
 */
class ScenarioRunner {
public:
    static RunOutcome run(const Scenario &scenario, std::optional<std::uint64_t> seed = std::nullopt);
};

} // namespace sim::scenario
