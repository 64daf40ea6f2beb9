#pragma once

#include "sim/manifest/diagnostic.h"
#include "sim/scenario/scenario.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sim::scenario {

/** What loading a scenario gave: the scenario when it has no error, and every error and warning. */
struct ScenarioLoadResult {
    std::optional<Scenario> scenario;
    std::vector<manifest::Diagnostic> diagnostics;
    bool ok() const { return scenario.has_value(); }
};

/**
 * Reads scenario.yaml (format in docs/scenario-format.md). Strict: unknown fields, wrong types, files
 * outside the folder are errors with file:line:column and the field path, all reported at once.
 */
class ScenarioParser {
public:
    /** Largest scenario.yaml accepted, and the most steps, actions and checks a list may hold. */
    static constexpr std::size_t kMaxFileBytes = 1 << 20;
    static constexpr std::size_t kMaxListItems = 500;

    /** Loads `folder`/scenario.yaml; `folder` may also name the scenario.yaml file itself. */
    static ScenarioLoadResult loadFolder(const std::filesystem::path &folder);
    /** Parses scenario text whose files are resolved inside `folder`; `fileName` is used in messages. */
    static ScenarioLoadResult parseText(const std::string &text, const std::filesystem::path &folder,
                                        const std::string &fileName);
};

} // namespace sim::scenario
