#pragma once

#include "sim/engine/simtime.h"
#include "sim/metrics/latencyhistogram.h"
#include "sim/metrics/shareinterval.h"
#include "ui/weightedrule.h"

#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace sim {
class Simulation;
namespace traffic {
struct Completion;
}
}

namespace ui {

/** One backend of a weighted rule at the end of a second: the share it is set to get and the share it got. */
struct SplitShare {
    double configured = 0;                    // 0..1, from the HTTPRoute's weights
    double observed = 0;                      // 0..1, requests routed to it over the last splitWindow()
    sim::metrics::ShareInterval interval;     // 95 % Wilson interval of `observed`
    std::uint64_t routed = 0;                 // requests routed to it in that window
};

/** One second of simulated time, as the charts draw it. */
struct TimelineSample {
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

    sim::engine::SimTime at = 0;              // the end of the second
    std::vector<double> rps;                  // answered requests by Service (index into TrafficTimeline::services())
    std::uint64_t finished = 0;               // requests that ended in the second, answered or not
    double p50Ms = kNone;                     // latency of those answered, NaN when none was
    double p99Ms = kNone;
    double serverErrors = 0;                  // share of finished requests that got a 5xx or no answer
    double clientErrors = 0;                  // share answered 4xx
    std::vector<std::vector<SplitShare>> splits;  // by rule (index into TrafficTimeline::rules()), by backend
};

/**
 * Per-second traffic figures of one Simulation for the charts: it observes every finished request
 * (requests per Service, latency percentiles, errors) and reads the metrics registry's Backend series
 * for each weighted rule's observed split. The samples are what the frame snapshot hands to views.
 */
class TrafficTimeline {
public:
    /** Samples kept: one hour of simulated time. */
    static constexpr std::size_t kCapacity = 3600;

    /**
     * A timeline observing a simulation. The simulation may outlive it (a lesson keeps its cluster): the
     * observer it registers holds only a weak reference.
     */
    static std::shared_ptr<TrafficTimeline> observe(sim::Simulation &simulation);
    TrafficTimeline(const TrafficTimeline &) = delete;
    TrafficTimeline &operator=(const TrafficTimeline &) = delete;

    /** Closes every second that ended by `now` (the frame driver calls this after each advance). */
    void update(sim::engine::SimTime now);

    const std::deque<TimelineSample> &samples() const { return m_samples; }
    /** Samples closed since the timeline started, including those dropped past kCapacity. */
    std::uint64_t closedCount() const { return m_closed; }
    /** Services seen answering, "namespace/name", in first-seen order. */
    const std::vector<std::string> &services() const { return m_services; }
    /** Weighted rules seen, in first-seen order. */
    const std::vector<WeightedRule> &rules() const { return m_rules; }
    static constexpr sim::engine::SimTime splitWindow() { return 10 * sim::engine::kSecond; }

    /** Every sample as CSV: time, then a column per Service, latency, errors, and each rule's split. */
    std::string toCsv() const;

private:
    explicit TrafficTimeline(sim::Simulation &simulation);
    void record(const sim::traffic::Completion &completion);
    void closeUntil(std::int64_t second);
    void closeSecond();
    std::size_t serviceIndex(std::uint32_t series);
    std::size_t ruleIndex(const WeightedRule &rule);
    std::vector<std::vector<SplitShare>> splits();
    std::uint64_t routedCount(const std::string &series) const;

    sim::Simulation &m_simulation;
    std::deque<TimelineSample> m_samples;
    std::uint64_t m_closed = 0;
    std::vector<std::string> m_services;
    std::vector<std::size_t> m_serviceOfSeries;  // by Service metric series id; SIZE_MAX when unseen
    std::vector<WeightedRule> m_rules;
    // Routed counts per rule backend at the end of each recent second, to diff over splitWindow().
    std::deque<std::vector<std::vector<std::uint64_t>>> m_routedHistory;

    // The second being filled.
    std::int64_t m_second = 0;
    std::vector<std::uint64_t> m_answered;
    std::uint64_t m_finished = 0, m_server = 0, m_client = 0;
    sim::metrics::LatencyHistogram m_latency;
};

} // namespace ui
