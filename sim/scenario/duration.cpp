#include "sim/scenario/duration.h"

#include <cstdio>
#include <limits>

namespace sim::scenario {

namespace {

// Longest unit first, so "ms" is not read as "m" followed by "s".
struct Unit {
    std::string_view suffix;
    engine::SimTime scale;
};
constexpr Unit kUnits[] = {{"ms", engine::kMillisecond}, {"us", engine::kMicrosecond}, {"h", engine::kHour},
                           {"m", engine::kMinute},       {"s", engine::kSecond}};

} // namespace

std::optional<engine::SimTime> parseDuration(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    engine::SimTime total = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::int64_t number = 0;
        const std::size_t digitsStart = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (number > (std::numeric_limits<std::int64_t>::max() - 9) / 10)
                return std::nullopt;
            number = number * 10 + (text[i] - '0');
            ++i;
        }
        if (i == digitsStart)
            return std::nullopt;
        const Unit *unit = nullptr;
        for (const Unit &candidate : kUnits) {
            if (text.substr(i, candidate.suffix.size()) == candidate.suffix) {
                unit = &candidate;
                break;
            }
        }
        if (!unit || number > (std::numeric_limits<engine::SimTime>::max() - total) / unit->scale)
            return std::nullopt;
        total += number * unit->scale;
        i += unit->suffix.size();
    }
    return total;
}

std::string formatDuration(engine::SimTime duration)
{
    if (duration <= 0)
        return "0s";
    std::string out;
    for (const Unit &unit : {kUnits[2], kUnits[3], kUnits[4], kUnits[0], kUnits[1]}) {
        if (duration >= unit.scale) {
            out += std::to_string(duration / unit.scale) + std::string(unit.suffix);
            duration %= unit.scale;
        }
    }
    return out;
}

std::string formatSimTime(engine::SimTime time)
{
    char buffer[40];
    const char *sign = time < 0 ? "-" : "";
    const engine::SimTime magnitude = time < 0 ? -time : time;
    std::snprintf(buffer, sizeof buffer, "%s%lld.%06llds", sign, static_cast<long long>(magnitude / engine::kSecond),
                  static_cast<long long>(magnitude % engine::kSecond));
    return buffer;
}

} // namespace sim::scenario
