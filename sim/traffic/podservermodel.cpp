#include "sim/traffic/podservermodel.h"

#include <charconv>
#include <cmath>

namespace sim::traffic {
namespace {

// z-score of the 99th percentile of the standard normal distribution.
constexpr double kZ99 = 2.3263478740408408;

bool parseNumber(const std::string &text, double &out)
{
    const char *begin = text.data();
    const char *end = begin + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, out);
    return ec == std::errc() && ptr == end && std::isfinite(out);
}

template <class T>
void readInt(const api::Annotations &a, const char *key, T &field, T min, std::vector<std::string> *problems)
{
    auto it = a.find(key);
    if (it == a.end())
        return;
    long long value = 0;
    auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    if (ec != std::errc() || ptr != it->second.data() + it->second.size() || value < min || value > 1000000) {
        if (problems)
            problems->push_back(std::string(key) + ": \"" + it->second + "\" is not a whole number >= " + std::to_string(min));
        return;
    }
    field = static_cast<T>(value);
}

void readDuration(const api::Annotations &a, const char *key, engine::SimTime &field, std::vector<std::string> *problems)
{
    auto it = a.find(key);
    if (it == a.end())
        return;
    engine::SimTime value = parseDuration(it->second);
    if (value <= 0) {
        if (problems)
            problems->push_back(std::string(key) + ": \"" + it->second + "\" is not a positive duration like 20ms");
        return;
    }
    field = value;
}

void readRate(const api::Annotations &a, std::vector<std::string> *problems, double &field)
{
    auto it = a.find(kErrorRateAnnotation);
    if (it == a.end())
        return;
    std::string text = it->second;
    double scale = 1.0;
    if (!text.empty() && text.back() == '%') {
        text.pop_back();
        scale = 0.01;
    }
    double value = 0;
    if (!parseNumber(text, value) || value * scale < 0 || value * scale > 1) {
        if (problems)
            problems->push_back(std::string(kErrorRateAnnotation) + ": \"" + it->second + "\" is not a rate between 0 and 1 (or 0% and 100%)");
        return;
    }
    field = value * scale;
}

} // namespace

engine::SimTime parseDuration(const std::string &text)
{
    std::size_t unitStart = text.find_first_not_of("0123456789.");
    if (unitStart == 0 || unitStart == std::string::npos)
        return -1;
    double value = 0;
    if (!parseNumber(text.substr(0, unitStart), value))
        return -1;
    std::string unit = text.substr(unitStart);
    double scale = 0;
    if (unit == "us" || unit == "µs")
        scale = 1;
    else if (unit == "ms")
        scale = 1e3;
    else if (unit == "s")
        scale = 1e6;
    else if (unit == "m")
        scale = 60e6;
    else if (unit == "h")
        scale = 3600e6;
    else
        return -1;
    return static_cast<engine::SimTime>(std::llround(value * scale));
}

double PodServerModel::sigma() const
{
    if (latencyP99 <= latencyMedian)
        return 0.0;
    return std::log(static_cast<double>(latencyP99) / static_cast<double>(latencyMedian)) / kZ99;
}

PodServerModel PodServerModel::fromAnnotations(const api::Annotations &annotations, std::vector<std::string> *problems)
{
    PodServerModel model;
    readDuration(annotations, kLatencyMedianAnnotation, model.latencyMedian, problems);
    readDuration(annotations, kLatencyP99Annotation, model.latencyP99, problems);
    if (model.latencyP99 < model.latencyMedian)
        model.latencyP99 = model.latencyMedian;
    readInt(annotations, kConcurrencyAnnotation, model.concurrency, 1u, problems);
    readInt(annotations, kQueueLimitAnnotation, model.queueLimit, 0u, problems);
    readRate(annotations, problems, model.errorRate);
    readInt(annotations, kErrorStatusAnnotation, model.errorStatus, 100, problems);
    return model;
}

} // namespace sim::traffic
