#pragma once

#include "sim/engine/simtime.h"
#include "sim/metrics/latencyhistogram.h"
#include "sim/traffic/entrypoint.h"
#include "sim/traffic/httprequest.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sim::traffic {

/** One kind of request a load generator sends, with its share of the mix. */
struct RequestTemplate {
    HttpRequest request;
    std::uint32_t weight = 1;
};

/** A load generator: what to send, where, how fast, for how long, from how many clients. */
struct LoadSpec {
    std::string name = "load";
    EntryPoint entry;
    std::vector<RequestTemplate> templates;
    double rate = 10;           // requests per second
    bool isPoisson = false;     // exponential gaps instead of a constant rate
    std::uint64_t count = 0;    // stop after this many requests (0: no limit)
    engine::SimTime duration = 0;  // stop after this long (0: no limit)
    std::uint32_t clients = 1;  // distinct client addresses, used in turn (session affinity sees them)
};

/** What a load generator produced. generated == answered + inFlight + dropped at every moment. */
struct LoadCounters {
    std::uint64_t generated = 0;
    std::uint64_t answered = 0;
    std::uint64_t dropped = 0;
    std::map<std::string, std::uint64_t> droppedBy;  // reason -> count
    std::array<std::uint64_t, 600> byStatus{};
    std::vector<std::uint64_t> byBackendSeries;      // routed requests by backend metric series id
    std::vector<std::uint64_t> byServiceSeries;      // answered requests by Service metric series id
    std::vector<std::uint64_t> byPodSeries;          // answered requests by pod metric series id
    metrics::LatencyHistogram latency;

    std::uint64_t inFlight() const { return generated - answered - dropped; }
};

} // namespace sim::traffic
