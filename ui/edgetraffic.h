#pragma once

#include "sim/engine/simtime.h"
#include "ui/framesnapshot.h"

#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ui {

/**
 * Requests per second over each canvas edge in a sliding window of simulated time, counted from the
 * hops of the requests in each frame (a hop is counted in the frame its time falls in, so once).
 */
class EdgeTraffic {
public:
    using EdgeKey = std::pair<std::string, std::string>;  // from node id, to node id

    explicit EdgeTraffic(sim::engine::SimTime window = 10 * sim::engine::kSecond) : m_window(window) {}

    void record(const FrameSnapshot &frame);
    /** Requests per second over the edge during the window ending at the last recorded frame. */
    double rps(const EdgeKey &edge) const;
    /** Requests over the edge during the window. */
    long count(const EdgeKey &edge) const;
    /** Every edge with requests in the window and its requests per second, in key order (std::less<EdgeKey>). */
    std::vector<std::pair<const EdgeKey *, double>> rates() const;
    void clear() { m_edges.clear(); }

private:
    struct Series {
        std::deque<sim::engine::SimTime> times;
    };
    void expire(Series &series) const;
    double perSecond(long count) const;

    sim::engine::SimTime m_window;
    sim::engine::SimTime m_now = 0;
    sim::engine::SimTime m_start = -1;
    std::map<EdgeKey, Series> m_edges;
};

} // namespace ui
