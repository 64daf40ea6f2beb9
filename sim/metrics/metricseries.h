#pragma once

#include "sim/metrics/latencyhistogram.h"
#include "sim/metrics/slidingwindow.h"

#include <array>
#include <memory>
#include <utility>
#include <cstdint>
#include <string>

namespace sim::metrics {

/** What is measured: the kinds of things traffic passes through. */
enum class Scope : std::uint8_t { Entry, Rule, Backend, Service, Pod };

/** Counters of one thing (an entry point, a route rule, a backend, a Service, a pod). No allocation when recording. */
class alignas(64) MetricSeries {
public:
    MetricSeries(Scope scope, std::string name) : m_scope(scope), m_name(std::move(name)) {}

    /** Counts a request routed here (before it is answered), for observed shares. */
    void recordRouted() { ++m_routed; }
    /** Counts an answered request: its status and latency, at sim time `at`. */
    void recordAnswer(engine::SimTime at, int status, engine::SimTime latency);

    Scope scope() const { return m_scope; }
    const std::string &name() const { return m_name; }
    std::uint64_t routed() const { return m_routed; }
    std::uint64_t answered() const { return m_answered; }
    /** Answers with this status code. */
    std::uint64_t statusCount(int status) const;
    /** Answers with a status in [100*cls, 100*cls+99]. */
    std::uint64_t statusClassCount(int cls) const;
    const LatencyHistogram &latency() const { return m_latency ? *m_latency : kEmptyHistogram; }
    const SlidingWindow &window() const { return m_window ? *m_window : kEmptyWindow; }

private:
    static const LatencyHistogram kEmptyHistogram;
    static const SlidingWindow kEmptyWindow;
    // What routing and an answer write come first (the first two status codes included), so that recording touches
    // the series' first cache line only; the name and scope, read when metrics are shown, come last.
    std::uint64_t m_answered = 0;
    // Allocated on the first answer: tables with thousands of rules create many series that never see one.
    std::unique_ptr<LatencyHistogram> m_latency;
    std::unique_ptr<SlidingWindow> m_window;
    std::uint64_t m_routed = 0;
    // Status codes seen, in first-seen order; a series sees a handful, so a short scan beats a table of 600.
    static constexpr std::size_t kStatusSlots = 16;
    std::array<std::pair<std::int32_t, std::uint64_t>, kStatusSlots> m_status{};
    std::uint64_t m_otherStatus = 0;  // beyond kStatusSlots distinct codes
    Scope m_scope;
    std::string m_name;
};

} // namespace sim::metrics
