#pragma once

#include <cstdint>

namespace sim::engine {

/** Simulated time in microseconds since the simulation started. Never a double, never the wall clock. */
using SimTime = std::int64_t;

inline constexpr SimTime kMicrosecond = 1;
inline constexpr SimTime kMillisecond = 1000;
inline constexpr SimTime kSecond = 1000 * kMillisecond;
inline constexpr SimTime kMinute = 60 * kSecond;
inline constexpr SimTime kHour = 60 * kMinute;

constexpr SimTime seconds(std::int64_t s) { return s * kSecond; }
constexpr SimTime milliseconds(std::int64_t ms) { return ms * kMillisecond; }

} // namespace sim::engine
