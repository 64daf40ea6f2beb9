#include "sim/traffic/trace.h"

namespace sim::traffic {

void Trace::add(std::string stage, std::string decision, std::string why)
{
    m_steps.push_back(TraceStep{std::move(stage), std::move(decision), std::move(why)});
}

std::string Trace::toText() const
{
    std::string out;
    for (const TraceStep &step : m_steps) {
        out += step.stage + ": " + step.decision;
        if (!step.why.empty())
            out += " (" + step.why + ")";
        out += '\n';
    }
    return out;
}

} // namespace sim::traffic
