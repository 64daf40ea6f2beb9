#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sim::traffic {

/** One decision on a request's way: the stage (entry, listener, rule, ...), what was decided, and why. */
struct TraceStep {
    std::string stage;
    std::string decision;
    std::string why;
    bool operator==(const TraceStep &) const = default;
};

/** The decisions taken for one request, in order, worded for a learner. Routing takes a Trace* and skips it when null. */
class Trace {
public:
    /** A trace names at most this many candidates that matched but lost, then counts the rest. */
    static constexpr std::size_t kMaxLosers = 8;

    void add(std::string stage, std::string decision, std::string why = {});
    const std::vector<TraceStep> &steps() const { return m_steps; }
    /** The steps as text, one "stage: decision (why)" line each. */
    std::string toText() const;
    void clear() { m_steps.clear(); }

private:
    std::vector<TraceStep> m_steps;
};

} // namespace sim::traffic
