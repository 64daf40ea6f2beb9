#pragma once

#include "sim/engine/simtime.h"

#include <array>
#include <cstdint>

namespace sim::metrics {

/**
 * Latency histogram with log-linear buckets (8 per power of two, so about 9 % resolution), fixed size:
 * recording is a few bit operations and one increment, no allocation.
 */
class LatencyHistogram {
public:
    static constexpr int kSubBuckets = 8;
    static constexpr int kBuckets = 64 * kSubBuckets;

    void record(engine::SimTime latency);
    std::uint64_t count() const { return m_count; }
    /** The latency below which `fraction` (0..1) of the recorded values lie: the upper bound of that bucket. */
    engine::SimTime percentile(double fraction) const;
    engine::SimTime max() const { return m_max; }
    void merge(const LatencyHistogram &other);

    static int bucketOf(engine::SimTime latency);
    /** The largest value that falls in a bucket. */
    static engine::SimTime bucketUpperBound(int bucket);

private:
    std::array<std::uint64_t, kBuckets> m_counts{};
    std::uint64_t m_count = 0;
    engine::SimTime m_max = 0;
};

} // namespace sim::metrics
