#include "sim/metrics/metricsregistry.h"

namespace sim::metrics {

std::uint32_t MetricsRegistry::seriesId(Scope scope, const std::string &name)
{
    auto [it, inserted] = m_ids.try_emplace({scope, name}, static_cast<std::uint32_t>(m_series.size()));
    if (inserted)
        m_series.emplace_back(scope, name);
    return it->second;
}

const MetricSeries *MetricsRegistry::find(Scope scope, const std::string &name) const
{
    auto it = m_ids.find({scope, name});
    return it == m_ids.end() ? nullptr : &m_series[it->second];
}

} // namespace sim::metrics
