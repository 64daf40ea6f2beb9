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
    // A bucket's second and count side by side: recording touches one cache line, not two.
    struct Bucket {
        std::int64_t second = 0;  // which absolute second the bucket holds
        std::uint64_t count = 0;
    };
    std::array<Bucket, kSeconds> m_buckets{};
};

} // namespace sim::metrics
