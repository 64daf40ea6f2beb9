#pragma once

#include "sim/scenario/action.h"
#include "sim/scenario/scenariofolder.h"
#include "sim/scenario/yamlfield.h"

#include <optional>
#include <vector>

namespace sim::scenario {

/** Reads actions; files named by apply are resolved inside the scenario's folder. */
class ActionParser {
public:
    explicit ActionParser(const ScenarioFolder &folder) : m_folder(folder) {}

    /** One action: a mapping with exactly one action type key (apply, scale, wait, ...). */
    std::optional<Action> parse(const YamlField &field) const;
    /** A list of actions; nullopt if any is wrong (every error is recorded). */
    std::optional<std::vector<Action>> parseList(const YamlField &field) const;

private:
    std::optional<ActionBody> parseApply(const YamlField &field) const;

    const ScenarioFolder &m_folder;
};

} // namespace sim::scenario
