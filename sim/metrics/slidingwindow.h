#pragma once

#include "sim/engine/simtime.h"

#include <array>
#include <cstdint>

namespace sim::metrics {

/** Event counts in one-second buckets over the last minute of sim time, for requests per second. */
class SlidingWindow {
public:
    static constexpr int kSeconds = 60;

    void record(engine::SimTime at);
    /** Events per second over the `seconds` full seconds before `now` (1..60). */
    double rate(engine::SimTime now, int seconds) const;

private:
    std::array<std::uint64_t, kSeconds> m_counts{};
    std::array<std::int64_t, kSeconds> m_second{};  // which absolute second each bucket holds
};

} // namespace sim::metrics
