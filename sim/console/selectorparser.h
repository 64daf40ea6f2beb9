#pragma once

#include "sim/api/labelselector.h"
#include "sim/console/flagset.h"

#include <optional>
#include <string>
#include <string_view>

namespace sim::console {

/** A parsed -l selector, or kubectl's message for why it is not one. */
struct SelectorParse {
    api::LabelSelector selector;
    std::string error;
    bool ok() const { return error.empty(); }
};

/**
 * Parses kubectl's label selector syntax: comma-separated requirements `key=value`, `key==value`,
 * `key!=value`, `key in (a,b)`, `key notin (a,b)`, `key` (exists) and `!key` (does not exist).
 */
SelectorParse parseSelector(std::string_view text);

/**
 * A verb's `-l/--selector` flag: nullopt when it is not given. A malformed selector gives nullopt and
 * kubectl's message in `error`, for the verb to report as a usage error.
 */
std::optional<api::LabelSelector> selectorFlag(const ParsedArgs &args, std::string &error);

} // namespace sim::console
