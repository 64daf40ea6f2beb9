#pragma once

#include "sim/engine/simtime.h"
#include "sim/traffic/exchange.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace sim::traffic {

/** One place a request passes, for the window's particles. `series` is the metric series id of that place. */
struct FlightHop {
    enum class Kind : std::uint8_t { Client, Entry, Rule, Service, Pod };
    Kind kind = Kind::Client;
    std::uint32_t series = 0xffffffffu;  // MetricsRegistry id (entry, rule, Service, pod); none for the client
    engine::SimTime at = 0;
};

/** A request that moved since the last frame: its hops so far with sim times, and how it ended. */
struct Flight {
    std::uint64_t id = 0;
    std::vector<FlightHop> hops;       // forward hops, then the way back to the client when answered
    std::int32_t status = 0;           // 0 while in flight or when it failed without HTTP status
    bool isFinished = false;
    bool isFailed = false;             // refused, timed out or 5xx
    FlightHop::Kind failedAt = FlightHop::Kind::Client;
    std::shared_ptr<const Exchange> exchange;  // once finished: its whole story, when it kept one (TrafficSystem::kStoriesInFlight)
};

} // namespace sim::traffic
