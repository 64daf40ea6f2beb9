#include "ui/edgetraffic.h"

#include <algorithm>

namespace ui {

void EdgeTraffic::record(const FrameSnapshot &frame)
{
    if (m_start < 0 || frame.now < m_now)
        m_start = frame.previous;
    m_now = frame.now;
    for (const RequestFlight *flight : frame.flights)
        for (std::size_t i = 1; i < flight->hops.size(); ++i) {
            const sim::engine::SimTime at = flight->hops[i].at;
            if (at > frame.previous && at <= frame.now)
                m_edges[{flight->hops[i - 1].nodeId, flight->hops[i].nodeId}].times.push_back(at);
        }
    for (auto &[key, series] : m_edges)
        expire(series);
}

void EdgeTraffic::expire(Series &series) const
{
    while (!series.times.empty() && series.times.front() <= m_now - m_window)
        series.times.pop_front();
}

long EdgeTraffic::count(const EdgeKey &edge) const
{
    auto it = m_edges.find(edge);
    return it == m_edges.end() ? 0 : static_cast<long>(it->second.times.size());
}

double EdgeTraffic::perSecond(long count) const
{
    // Before a whole window has passed, divide by the time observed so far.
    const sim::engine::SimTime span = std::min(m_window, m_now - m_start);
    if (span <= 0)
        return 0;
    return static_cast<double>(count) * sim::engine::kSecond / static_cast<double>(span);
}

double EdgeTraffic::rps(const EdgeKey &edge) const
{
    return perSecond(count(edge));
}

std::vector<std::pair<const EdgeTraffic::EdgeKey *, double>> EdgeTraffic::rates() const
{
    std::vector<std::pair<const EdgeKey *, double>> out;
    out.reserve(m_edges.size());
    for (const auto &[key, series] : m_edges)
        if (!series.times.empty())
            out.emplace_back(&key, perSecond(static_cast<long>(series.times.size())));
    return out;
}

} // namespace ui
