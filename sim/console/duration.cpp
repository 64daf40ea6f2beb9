#include "sim/console/duration.h"

#include <cstdint>

namespace sim::console {
namespace {

using engine::kHour;
using engine::kMinute;
using engine::kSecond;
using engine::SimTime;

std::string twoUnits(std::int64_t big, const char *bigUnit, std::int64_t small, const char *smallUnit)
{
    std::string out = std::to_string(big) + bigUnit;
    if (small != 0)
        out += std::to_string(small) + smallUnit;
    return out;
}

} // namespace

std::string humanDuration(SimTime elapsed)
{
    const std::int64_t seconds = elapsed / kSecond;
    if (seconds < -1)
        return "<invalid>";
    if (seconds < 0)
        return "0s";
    if (seconds < 120)
        return std::to_string(seconds) + "s";
    const std::int64_t minutes = elapsed / kMinute;
    if (minutes < 10)
        return twoUnits(minutes, "m", seconds % 60, "s");
    if (minutes < 3 * 60)
        return std::to_string(minutes) + "m";
    const std::int64_t hours = elapsed / kHour;
    if (hours < 8)
        return twoUnits(hours, "h", minutes % 60, "m");
    if (hours < 48)
        return std::to_string(hours) + "h";
    if (hours < 24 * 8)
        return twoUnits(hours / 24, "d", hours % 24, "h");
    if (hours < 24 * 365 * 2)
        return std::to_string(hours / 24) + "d";
    if (hours < 24 * 365 * 8)
        return twoUnits(hours / 24 / 365, "y", (hours / 24) % 365, "d");
    return std::to_string(hours / 24 / 365) + "y";
}

} // namespace sim::console
