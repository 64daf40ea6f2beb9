#pragma once

#include "sim/engine/randomstream.h"
#include "sim/engine/simtime.h"
#include "sim/traffic/podservermodel.h"

#include <cstdint>
#include <deque>

namespace sim::traffic {

/** One pod's server: up to `concurrency` requests in service, the rest waiting in a FIFO queue up to its limit. */
class PodServer {
public:
    enum class Admission { Started, Queued, Rejected };

    /** A request arrives; the model is refreshed from the pod's current annotations. */
    Admission arrive(std::uint32_t request, const PodServerModel &model);
    /** A request in service finished; returns the queued request that starts now, or nullopt-like kIdle. */
    std::uint32_t finish();
    engine::SimTime drawServiceTime(engine::RandomStream &random) const;
    bool drawError(engine::RandomStream &random) const;
    std::uint32_t busy() const { return m_busy; }
    std::size_t queued() const { return m_queue.size(); }
    const PodServerModel &model() const { return m_model; }

    static constexpr std::uint32_t kIdle = 0xffffffffu;

private:
    PodServerModel m_model;
    std::uint32_t m_busy = 0;
    std::deque<std::uint32_t> m_queue;
};

} // namespace sim::traffic
