#include "sim/metrics/slidingwindow.h"

#include <algorithm>

namespace sim::metrics {

void SlidingWindow::record(engine::SimTime at)
{
    std::int64_t second = at / engine::kSecond;
    auto slot = static_cast<std::size_t>(second % kSeconds);
    if (m_second[slot] != second) {
        m_second[slot] = second;
        m_counts[slot] = 0;
    }
    ++m_counts[slot];
}

double SlidingWindow::rate(engine::SimTime now, int seconds) const
{
    seconds = std::clamp(seconds, 1, kSeconds - 1);
    std::int64_t current = now / engine::kSecond;
    std::uint64_t total = 0;
    for (std::int64_t s = current - seconds; s < current; ++s) {
        if (s < 0)
            continue;
        auto slot = static_cast<std::size_t>(s % kSeconds);
        if (m_second[slot] == s)
            total += m_counts[slot];
    }
    return static_cast<double>(total) / seconds;
}

} // namespace sim::metrics
