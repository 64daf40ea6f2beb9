#pragma once

#include "sim/scenario/check.h"
#include "sim/scenario/yamlfield.h"

#include <optional>
#include <vector>

namespace sim::scenario {

/** One check: a mapping with an optional name and exactly one check type key (share, status, ...). */
std::optional<Check> parseCheck(const YamlField &field);
/** A list of checks; nullopt if any of them is wrong (every error is recorded). */
std::optional<std::vector<Check>> parseChecks(const YamlField &field);

} // namespace sim::scenario
