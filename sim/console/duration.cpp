#include "sim/console/duration.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <utility>

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

// Go's unit suffixes in nanoseconds, longest first so "ms" wins over "m".
constexpr std::int64_t kNanosPerMicro = 1000;
constexpr std::array<std::pair<std::string_view, std::int64_t>, 8> kUnits{{
    {"ns", 1}, {"us", kNanosPerMicro}, {"µs", kNanosPerMicro}, {"μs", kNanosPerMicro},
    {"ms", 1000 * kNanosPerMicro}, {"s", kSecond * kNanosPerMicro}, {"m", kMinute * kNanosPerMicro},
    {"h", kHour * kNanosPerMicro},
}};
// Longer than any simulation runs; keeps the nanosecond sum far from overflow.
constexpr std::int64_t kMaxNanos = 100LL * 365 * 24 * kHour * kNanosPerMicro / 4;

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

std::optional<SimTime> parseDuration(std::string_view text)
{
    if (text == "0")
        return 0;
    if (text.empty())
        return std::nullopt;
    std::int64_t nanos = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::int64_t whole = 0;
        std::int64_t fraction = 0;
        std::int64_t scale = 1;
        std::size_t digits = 0;
        for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++digits) {
            whole = whole * 10 + (text[i] - '0');
            if (whole > kMaxNanos)
                return std::nullopt;
        }
        if (i < text.size() && text[i] == '.') {
            for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++digits) {
                if (scale < 1'000'000'000) {
                    fraction = fraction * 10 + (text[i] - '0');
                    scale *= 10;
                }
            }
        }
        if (digits == 0)
            return std::nullopt;
        const auto *unit = [&]() -> const std::pair<std::string_view, std::int64_t> * {
            for (const auto &u : kUnits) {
                if (text.substr(i, u.first.size()) == u.first)
                    return &u;
            }
            return nullptr;
        }();
        if (!unit)
            return std::nullopt;
        i += unit->first.size();
        if (whole > (kMaxNanos - nanos) / unit->second)
            return std::nullopt;
        nanos += whole * unit->second + fraction * (unit->second / scale);
    }
    return nanos / kNanosPerMicro;
}

} // namespace sim::console
