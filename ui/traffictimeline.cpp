#include "ui/traffictimeline.h"

#include "sim/simulation.h"

#include <cmath>
#include <cstdio>

namespace ui {
namespace {

constexpr std::size_t kUnseen = static_cast<std::size_t>(-1);
constexpr std::uint32_t kNoSeries = 0xffffffffu;

std::int64_t secondOf(sim::engine::SimTime t) { return t / sim::engine::kSecond; }

double ms(sim::engine::SimTime t) { return static_cast<double>(t) / sim::engine::kMillisecond; }

// A CSV number: empty for NaN, otherwise fixed precision so output is byte-identical across runs.
std::string csvNumber(double value, int decimals)
{
    if (std::isnan(value))
        return {};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

// A CSV field: quoted, as names may hold commas in theory (they cannot in Kubernetes, but rule labels have spaces).
std::string csvField(const std::string &text)
{
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

TrafficTimeline::TrafficTimeline(sim::Simulation &simulation) : m_simulation(simulation)
{
    m_second = secondOf(simulation.engine().now());
}

std::shared_ptr<TrafficTimeline> TrafficTimeline::observe(sim::Simulation &simulation)
{
    std::shared_ptr<TrafficTimeline> timeline(new TrafficTimeline(simulation));
    // The traffic system cannot forget an observer: this one does nothing once the timeline is gone.
    simulation.traffic().addObserver([weak = std::weak_ptr<TrafficTimeline>(timeline)](const sim::traffic::Completion &completion) {
        if (const std::shared_ptr<TrafficTimeline> alive = weak.lock())
            alive->record(completion);
    });
    return timeline;
}

void TrafficTimeline::update(sim::engine::SimTime now)
{
    closeUntil(secondOf(now));
}

void TrafficTimeline::record(const sim::traffic::Completion &completion)
{
    // Completions arrive in simulated-time order: a later second closes the ones before it.
    closeUntil(secondOf(completion.at));
    ++m_finished;
    if (completion.status == 0 || completion.status >= 500)
        ++m_server;
    else if (completion.status >= 400)
        ++m_client;
    if (completion.status == 0)
        return;
    m_latency.record(completion.latency);
    if (completion.serviceSeries != kNoSeries) {
        const std::size_t index = serviceIndex(completion.serviceSeries);
        if (m_answered.size() <= index)
            m_answered.resize(index + 1, 0);
        ++m_answered[index];
    }
}

std::size_t TrafficTimeline::serviceIndex(std::uint32_t series)
{
    if (m_serviceOfSeries.size() <= series)
        m_serviceOfSeries.resize(series + 1, kUnseen);
    std::size_t &index = m_serviceOfSeries[series];
    if (index == kUnseen) {
        index = m_services.size();
        m_services.push_back(m_simulation.traffic().metrics().series(series).name());
    }
    return index;
}

void TrafficTimeline::closeUntil(std::int64_t second)
{
    while (m_second < second) {
        closeSecond();
        ++m_second;
    }
}

void TrafficTimeline::closeSecond()
{
    TimelineSample sample;
    sample.at = (m_second + 1) * sim::engine::kSecond;
    sample.rps.assign(m_services.size(), 0.0);
    for (std::size_t i = 0; i < m_answered.size(); ++i)
        sample.rps[i] = static_cast<double>(m_answered[i]);
    sample.finished = m_finished;
    if (m_latency.count() > 0) {
        sample.p50Ms = ms(m_latency.percentile(0.50));
        sample.p99Ms = ms(m_latency.percentile(0.99));
    }
    if (m_finished > 0) {
        sample.serverErrors = static_cast<double>(m_server) / static_cast<double>(m_finished);
        sample.clientErrors = static_cast<double>(m_client) / static_cast<double>(m_finished);
    }
    sample.splits = splits();
    m_samples.push_back(std::move(sample));
    if (m_samples.size() > kCapacity)
        m_samples.pop_front();
    ++m_closed;
    m_answered.assign(m_answered.size(), 0);
    m_finished = m_server = m_client = 0;
    m_latency = sim::metrics::LatencyHistogram{};
}

std::size_t TrafficTimeline::ruleIndex(const WeightedRule &rule)
{
    for (std::size_t i = 0; i < m_rules.size(); ++i)
        if (m_rules[i].ns == rule.ns && m_rules[i].route == rule.route && m_rules[i].rule == rule.rule
            && m_rules[i].backendSeries == rule.backendSeries)
            return i;
    m_rules.push_back(rule);
    return m_rules.size() - 1;
}

std::uint64_t TrafficTimeline::routedCount(const std::string &series) const
{
    const sim::metrics::MetricSeries *found =
        m_simulation.traffic().metrics().find(sim::metrics::Scope::Backend, series);
    return found ? found->routed() : 0;
}

std::vector<std::vector<SplitShare>> TrafficTimeline::splits()
{
    std::vector<std::vector<std::uint64_t>> routedNow(m_rules.size());
    std::vector<std::vector<int>> weights(m_rules.size());
    for (const WeightedRule &rule : weightedRules(m_simulation.store())) {
        const std::size_t index = ruleIndex(rule);
        routedNow.resize(m_rules.size());
        weights.resize(m_rules.size());
        weights[index] = rule.weights;
        for (const std::string &series : rule.backendSeries)
            routedNow[index].push_back(routedCount(series));
    }
    // The counts splitWindow() ago (or as far back as the timeline goes).
    const auto windowSeconds = static_cast<std::size_t>(splitWindow() / sim::engine::kSecond);
    const std::vector<std::vector<std::uint64_t>> *before = m_routedHistory.empty() ? nullptr : &m_routedHistory.front();
    std::vector<std::vector<SplitShare>> out(m_rules.size());
    for (std::size_t r = 0; r < m_rules.size(); ++r) {
        const std::vector<std::uint64_t> &now = routedNow[r];
        if (now.empty())
            continue;  // the rule is gone
        std::vector<std::uint64_t> delta(now.size());
        std::uint64_t total = 0;
        int weightTotal = 0;
        for (std::size_t b = 0; b < now.size(); ++b) {
            const bool known = before && r < before->size() && b < (*before)[r].size();
            delta[b] = now[b] - (known ? std::min((*before)[r][b], now[b]) : 0);
            total += delta[b];
            weightTotal += weights[r][b];
        }
        for (std::size_t b = 0; b < now.size(); ++b) {
            SplitShare share;
            share.configured = weightTotal > 0 ? static_cast<double>(weights[r][b]) / weightTotal : 0.0;
            share.routed = delta[b];
            share.observed = total > 0 ? static_cast<double>(delta[b]) / static_cast<double>(total) : TimelineSample::kNone;
            share.interval = total > 0 ? sim::metrics::ShareInterval::wilson(delta[b], total)
                                       : sim::metrics::ShareInterval{TimelineSample::kNone, TimelineSample::kNone};
            out[r].push_back(share);
        }
    }
    m_routedHistory.push_back(std::move(routedNow));
    if (m_routedHistory.size() > windowSeconds)
        m_routedHistory.pop_front();
    return out;
}

std::string TrafficTimeline::toCsv() const
{
    std::string out = "\"time_s\"";
    for (const std::string &service : m_services)
        out += "," + csvField(service + " rps");
    out += ",\"p50_ms\",\"p99_ms\",\"errors_5xx_or_dropped\",\"errors_4xx\"";
    for (const WeightedRule &rule : m_rules)
        for (const std::string &backend : rule.backends)
            for (const char *column : {"configured", "observed", "low95", "high95"})
                out += "," + csvField(rule.label() + " " + backend + " " + column);
    out += "\n";
    for (const TimelineSample &s : m_samples) {
        out += std::to_string(s.at / sim::engine::kSecond);
        for (std::size_t i = 0; i < m_services.size(); ++i)
            out += "," + csvNumber(i < s.rps.size() ? s.rps[i] : 0.0, 0);
        out += "," + csvNumber(s.p50Ms, 3) + "," + csvNumber(s.p99Ms, 3) + "," + csvNumber(s.serverErrors, 4) + ","
               + csvNumber(s.clientErrors, 4);
        for (std::size_t r = 0; r < m_rules.size(); ++r)
            for (std::size_t b = 0; b < m_rules[r].backends.size(); ++b) {
                const bool has = r < s.splits.size() && b < s.splits[r].size();
                const SplitShare share = has ? s.splits[r][b] : SplitShare{TimelineSample::kNone, TimelineSample::kNone,
                                                                           {TimelineSample::kNone, TimelineSample::kNone}, 0};
                out += "," + csvNumber(share.configured, 4) + "," + csvNumber(share.observed, 4) + ","
                       + csvNumber(share.interval.low, 4) + "," + csvNumber(share.interval.high, 4);
            }
        out += "\n";
    }
    return out;
}

} // namespace ui
