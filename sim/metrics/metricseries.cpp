#include "sim/metrics/metricseries.h"

namespace sim::metrics {

const LatencyHistogram MetricSeries::kEmptyHistogram;
const SlidingWindow MetricSeries::kEmptyWindow;

void MetricSeries::recordAnswer(engine::SimTime at, int status, engine::SimTime latency)
{
    ++m_answered;
    bool counted = false;
    for (auto &[code, count] : m_status) {
        if (code == status || count == 0) {
            code = status;
            ++count;
            counted = true;
            break;
        }
    }
    if (!counted)
        ++m_otherStatus;
    if (!m_latency) {
        m_latency = std::make_unique<LatencyHistogram>();
        m_window = std::make_unique<SlidingWindow>();
    }
    m_latency->record(latency);
    m_window->record(at);
}

std::uint64_t MetricSeries::statusCount(int status) const
{
    for (const auto &[code, count] : m_status) {
        if (count != 0 && code == status)
            return count;
    }
    return 0;
}

std::uint64_t MetricSeries::statusClassCount(int cls) const
{
    std::uint64_t total = 0;
    for (const auto &[code, count] : m_status) {
        if (count != 0 && code / 100 == cls)
            total += count;
    }
    return total;
}

} // namespace sim::metrics
