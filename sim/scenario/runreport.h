#pragma once

#include "sim/manifest/diagnostic.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim::scenario {

/** One check's outcome: what it expected, what the cluster showed, and whether that passes. */
struct CheckResult {
    std::string name;
    std::string expected;
    std::string observed;
    bool passed = false;
};

/** One step's outcome. Action errors (a manifest that does not apply, a wait that timed out) fail the step. */
struct StepResult {
    std::string title;
    std::vector<std::string> actionErrors;
    std::vector<CheckResult> checks;      // the step's own checks
    std::vector<CheckResult> taskChecks;  // the task's checks, after its solution ran
    bool passed() const;
};

/** What `kubesim run` prints: every step and check, and whether all passed. */
struct RunReport {
    std::string scenario;  // title
    std::string file;
    std::uint64_t seed = 0;
    std::vector<StepResult> steps;

    bool passed() const;
    std::size_t checkCount() const;
    std::size_t failedCount() const;
    /** The step titles, then a table: step, check, expected, observed, PASS/FAIL (task checks prefixed "task: "); and a summary line. */
    std::string toText() const;
    /** The same as JSON: {"scenario", "file", "seed", "passed", "steps": [{"title", "passed", "actionErrors", "checks": [...]}]}. */
    std::string toJson() const;
};

} // namespace sim::scenario
