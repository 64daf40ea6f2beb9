#pragma once

#include "sim/metrics/metricseries.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>

namespace sim::metrics {

/**
 * All metric series of a simulation, by scope and name. Ids are handed out when routing tables are
 * compiled and stay valid across recompiles, so counts survive a change of routes.
 */
class MetricsRegistry {
public:
    /** The id of a series, created on first use. */
    std::uint32_t seriesId(Scope scope, const std::string &name);
    MetricSeries &series(std::uint32_t id) { return m_series[id]; }
    const MetricSeries &series(std::uint32_t id) const { return m_series[id]; }
    /** The series with this scope and name, or nullptr. */
    const MetricSeries *find(Scope scope, const std::string &name) const;
    std::size_t size() const { return m_series.size(); }

private:
    std::deque<MetricSeries> m_series;  // deque: references stay valid as series are added
    std::map<std::pair<Scope, std::string>, std::uint32_t> m_ids;
};

} // namespace sim::metrics
