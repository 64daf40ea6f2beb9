#pragma once

#include "sim/scenario/action.h"
#include "sim/scenario/check.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sim::scenario {

/** Something the learner does; its checks turn green when done, its solution does it for them. */
struct Task {
    std::string goal;
    std::string hint;
    std::vector<Check> checks;
    std::vector<Action> solution;
};

/** One page of a lesson: text for the learner, what happens, what must hold at the end. */
struct Step {
    std::string title;
    std::string text;  // Markdown
    std::vector<Action> actions;
    std::vector<Check> checks;
    std::optional<Task> task;
};

/** A lesson: a folder with scenario.yaml and the manifests it uses. */
struct Scenario {
    std::string title;
    std::string summary;
    std::string level;  // beginner, intermediate, advanced
    std::uint64_t seed = 1;
    std::vector<Step> steps;
    std::filesystem::path folder;  // canonical; every file of the scenario lies inside it
    std::string file;              // scenario.yaml as the user named it, for messages
};

} // namespace sim::scenario
