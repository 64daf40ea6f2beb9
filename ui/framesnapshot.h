#pragma once

#include "sim/engine/simtime.h"
#include "sim/traffic/exchange.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ui {

class TrafficTimeline;

/** One point of a request's path: the topology node it reaches and when. */
struct FlightHop {
    std::string nodeId;  // sim::topology::ids
    sim::engine::SimTime at = 0;
};

/** A request the canvas animates: its hops at simulated times, the version it reaches, and how it ended. */
struct RequestFlight {
    std::uint64_t id = 0;
    std::vector<FlightHop> hops;  // in order; the last hop is where it was answered or failed
    std::string version;          // backend version label, else the Service name
    int status = 0;               // HTTP status once answered, 0 before
    bool isFailed = false;        // refused, timed out, 4xx/5xx from the cluster: drawn red where it failed
    bool isFinished = false;
    std::shared_ptr<const sim::traffic::Exchange> exchange;  // its whole story once finished, when the traffic system kept one
    bool isFailure() const { return isFailed || status >= 400; }
};

/** What views read after each frame: the clock, the requests in flight during the frame, the traffic figures. */
struct FrameSnapshot {
    sim::engine::SimTime now = 0;
    sim::engine::SimTime previous = 0;
    // Owned by the host's FlightTracker, valid until the next frame: no copy of thousands of paths per frame.
    std::vector<const RequestFlight *> flights;
    // Per-second traffic figures up to `now` (owned by the host; replaced with the simulation).
    const TrafficTimeline *timeline = nullptr;
};

} // namespace ui
