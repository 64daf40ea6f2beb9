#include "sim/scenario/trafficlog.h"

#include <algorithm>

namespace sim::scenario {

std::uint32_t TrafficLog::intern(const std::string &name)
{
    auto [it, inserted] = m_ids.emplace(name, static_cast<std::uint32_t>(m_names.size()));
    if (inserted)
        m_names.push_back(name);
    return it->second;
}

void TrafficLog::record(engine::SimTime finishedAt, const std::string &generator, int status, const std::string &backend,
                        bool dropped)
{
    m_records.push_back({finishedAt, intern(generator), backend.empty() ? kNone : intern(backend),
                         static_cast<std::int32_t>(status), dropped});
}

TrafficCounts TrafficLog::counts(const std::string &generator, engine::SimTime from, engine::SimTime to) const
{
    TrafficCounts counts;
    const auto wanted = m_ids.find(generator);
    if (!generator.empty() && wanted == m_ids.end())
        return counts;
    // Records arrive in finishing order, so the window is a contiguous range.
    auto first = std::lower_bound(m_records.begin(), m_records.end(), from,
                                  [](const Record &r, engine::SimTime t) { return r.finishedAt < t; });
    for (auto it = first; it != m_records.end() && it->finishedAt <= to; ++it) {
        if (!generator.empty() && it->generator != wanted->second)
            continue;
        ++counts.finished;
        if (it->dropped)
            ++counts.dropped;
        if (it->dropped || it->status >= 500)
            ++counts.failed;
        if (it->backend != kNone)
            ++counts.byBackend[m_names[it->backend]];
    }
    return counts;
}

} // namespace sim::scenario
