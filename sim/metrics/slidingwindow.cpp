#include "sim/metrics/slidingwindow.h"

#include <algorithm>

namespace sim::metrics {

void SlidingWindow::record(engine::SimTime at)
{
    std::int64_t second = at / engine::kSecond;
    Bucket &bucket = m_buckets[static_cast<std::size_t>(second % kSeconds)];
    if (bucket.second != second) {
        bucket.second = second;
        bucket.count = 0;
    }
    ++bucket.count;
}

double SlidingWindow::rate(engine::SimTime now, int seconds) const
{
    seconds = std::clamp(seconds, 1, kSeconds - 1);
    std::int64_t current = now / engine::kSecond;
    std::uint64_t total = 0;
    for (std::int64_t s = current - seconds; s < current; ++s) {
        if (s < 0)
            continue;
        const Bucket &bucket = m_buckets[static_cast<std::size_t>(s % kSeconds)];
        if (bucket.second == s)
            total += bucket.count;
    }
    return static_cast<double>(total) / seconds;
}

} // namespace sim::metrics
