#include "sim/metrics/metricseries.h"

namespace sim::metrics {

void MetricSeries::recordAnswer(engine::SimTime at, int status, engine::SimTime latency)
{
    ++m_answered;
    if (status >= 0 && status < static_cast<int>(m_status.size()))
        ++m_status[static_cast<std::size_t>(status)];
    m_latency.record(latency);
    m_window.record(at);
}

std::uint64_t MetricSeries::statusCount(int status) const
{
    return status >= 0 && status < static_cast<int>(m_status.size()) ? m_status[static_cast<std::size_t>(status)] : 0;
}

std::uint64_t MetricSeries::statusClassCount(int cls) const
{
    std::uint64_t total = 0;
    for (int s = cls * 100; s < cls * 100 + 100 && s < static_cast<int>(m_status.size()); ++s)
        total += m_status[static_cast<std::size_t>(s)];
    return total;
}

} // namespace sim::metrics
