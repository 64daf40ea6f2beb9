#pragma once

#include "sim/engine/simtime.h"

#include <optional>
#include <string>
#include <string_view>

namespace sim::scenario {

/** Parses a Go-style duration with integer parts: "30s", "500ms", "1m30s", "2h", "250us". nullopt when malformed or negative. */
std::optional<engine::SimTime> parseDuration(std::string_view text);
/** Formats a duration the way scenario.yaml writes it: "1m30s", "500ms", "0s". */
std::string formatDuration(engine::SimTime duration);
/** Formats sim time the way traces print it: "12.345678s". */
std::string formatSimTime(engine::SimTime time);

} // namespace sim::scenario
