#include "sim/traffic/podserver.h"

#include <algorithm>
#include <cmath>

namespace sim::traffic {

PodServer::Admission PodServer::arrive(std::uint32_t request, const PodServerModel &model)
{
    m_model = model;
    if (m_busy < m_model.concurrency) {
        ++m_busy;
        return Admission::Started;
    }
    if (m_queue.size() >= m_model.queueLimit)
        return Admission::Rejected;
    m_queue.push_back(request);
    return Admission::Queued;
}

std::uint32_t PodServer::finish()
{
    if (m_queue.empty()) {
        m_busy = m_busy > 0 ? m_busy - 1 : 0;
        return kIdle;
    }
    std::uint32_t next = m_queue.front();
    m_queue.pop_front();
    return next;  // the slot passes straight to the next request: busy stays the same
}

engine::SimTime PodServer::drawServiceTime(engine::RandomStream &random) const
{
    double sigma = m_model.sigma();
    double value = sigma > 0 ? random.logNormal(static_cast<double>(m_model.latencyMedian), sigma)
                             : static_cast<double>(m_model.latencyMedian);
    return std::max<engine::SimTime>(1, static_cast<engine::SimTime>(std::llround(value)));
}

bool PodServer::drawError(engine::RandomStream &random) const
{
    return m_model.errorRate > 0 && random.bernoulli(m_model.errorRate);
}

} // namespace sim::traffic
