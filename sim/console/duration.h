#pragma once

#include "sim/engine/simtime.h"

#include <string>

namespace sim::console {

/**
 * kubectl's AGE and LAST SEEN text for an elapsed time (apimachinery's duration.HumanDuration):
 * seconds under 2 minutes, "5m12s" under 10 minutes, minutes under 3 hours, "3h4m" under 8 hours,
 * hours under 2 days, "2d3h" under 8 days, days under 2 years, "2y5d" under 8 years, then years.
 * Less than -1s (a clock running backwards) gives "<invalid>"; -1s..0 gives "0s".
 */
std::string humanDuration(engine::SimTime elapsed);

} // namespace sim::console
