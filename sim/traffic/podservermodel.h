#pragma once

#include "sim/api/objectmeta.h"
#include "sim/engine/simtime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim::traffic {

/**
 * How a simulated pod serves requests, read once from its kubesim.io/ annotations (docs/annotations.md):
 * log-normal service time given by its median and 99th percentile, a concurrency limit with a FIFO
 * queue behind it, and a share of requests answered with an error.
 */
struct PodServerModel {
    engine::SimTime latencyMedian = 5 * engine::kMillisecond;
    engine::SimTime latencyP99 = 50 * engine::kMillisecond;
    std::uint32_t concurrency = 64;
    std::uint32_t queueLimit = 1024;
    double errorRate = 0.0;
    std::int32_t errorStatus = 500;

    /** Log-normal shape from median and p99: sigma = ln(p99 / median) / z(0.99). */
    double sigma() const;

    /** Reads the annotations; a bad value keeps the default and adds a message to problems. */
    static PodServerModel fromAnnotations(const api::Annotations &annotations, std::vector<std::string> *problems = nullptr);
};

inline constexpr const char *kLatencyMedianAnnotation = "kubesim.io/latency-median";
inline constexpr const char *kLatencyP99Annotation = "kubesim.io/latency-p99";
inline constexpr const char *kConcurrencyAnnotation = "kubesim.io/concurrency";
inline constexpr const char *kQueueLimitAnnotation = "kubesim.io/queue-limit";
inline constexpr const char *kErrorRateAnnotation = "kubesim.io/error-rate";
inline constexpr const char *kErrorStatusAnnotation = "kubesim.io/error-status";

/** Parses a duration like "250ms", "1.5s", "800us", "2m"; returns -1 when invalid. */
engine::SimTime parseDuration(const std::string &text);

} // namespace sim::traffic
