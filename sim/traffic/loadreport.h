#pragma once

#include "sim/traffic/trafficsystem.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sim::traffic {

/** A weighted split as configured and as observed, with a 95 % Wilson interval. */
struct SplitReport {
    std::string route;    // "HTTPRoute ns/name" or "Ingress ns/name"
    std::uint32_t rule = 0;
    std::string backend;  // "ns/name"
    double configured = 0;
    double observed = 0;
    double low = 0;
    double high = 0;
};

/** What `kubesim traffic` prints after a load run: per backend, pod, status, latency, and each split. */
struct LoadReport {
    std::uint64_t requests = 0;
    std::map<std::string, std::uint64_t> byBackend;
    std::map<std::string, std::uint64_t> byPod;
    std::map<std::string, std::uint64_t> byStatus;
    std::map<std::string, std::uint64_t> dropped;
    double p50 = 0, p90 = 0, p99 = 0;  // milliseconds
    std::vector<SplitReport> splits;

    /** Collects a generator's counters; splits from the current routing table. */
    static LoadReport of(TrafficSystem &traffic, std::uint32_t generator);
    std::string toJson() const;
    std::string toText() const;
};

} // namespace sim::traffic
