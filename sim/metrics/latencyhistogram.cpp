#include "sim/metrics/latencyhistogram.h"

#include <algorithm>
#include <bit>

namespace sim::metrics {

int LatencyHistogram::bucketOf(engine::SimTime latency)
{
    auto v = static_cast<std::uint64_t>(std::max<engine::SimTime>(latency, 0));
    if (v < kSubBuckets)
        return static_cast<int>(v);
    int msb = 63 - std::countl_zero(v);
    int shift = msb - 3;  // keep 3 bits below the leading one
    auto mantissa = static_cast<int>((v >> shift) & (kSubBuckets - 1));
    return std::min((shift + 1) * kSubBuckets + mantissa, kBuckets - 1);
}

engine::SimTime LatencyHistogram::bucketUpperBound(int bucket)
{
    if (bucket < kSubBuckets)
        return bucket;
    int shift = bucket / kSubBuckets - 1;
    std::uint64_t mantissa = static_cast<std::uint64_t>(bucket % kSubBuckets) | kSubBuckets;
    return static_cast<engine::SimTime>(((mantissa + 1) << shift) - 1);
}

void LatencyHistogram::record(engine::SimTime latency)
{
    ++m_counts[static_cast<std::size_t>(bucketOf(latency))];
    ++m_count;
    m_max = std::max(m_max, latency);
}

engine::SimTime LatencyHistogram::percentile(double fraction) const
{
    if (m_count == 0)
        return 0;
    auto rank = static_cast<std::uint64_t>(fraction * static_cast<double>(m_count));
    if (rank >= m_count)
        rank = m_count - 1;
    std::uint64_t seen = 0;
    for (int b = 0; b < kBuckets; ++b) {
        seen += m_counts[static_cast<std::size_t>(b)];
        if (seen > rank)
            return std::min(bucketUpperBound(b), m_max);
    }
    return m_max;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (std::size_t b = 0; b < m_counts.size(); ++b)
        m_counts[b] += other.m_counts[b];
    m_count += other.m_count;
    m_max = std::max(m_max, other.m_max);
}

} // namespace sim::metrics
