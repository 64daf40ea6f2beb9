#pragma once

#include "sim/engine/simtime.h"
#include "sim/scenario/check.h"
#include "sim/scenario/runreport.h"
#include "sim/scenario/trafficlog.h"

namespace sim {
class Simulation;
}

namespace sim::scenario {

class TrafficDriver;

/**
 * Evaluates checks against the cluster as it is now: objects and status from the store, requests from
 * the traffic log (sampled since `stepStart` unless the check gives a window), one-off requests through
 * the traffic driver. Never changes the cluster, except that a status check's request is served.
 */
class CheckEvaluator {
public:
    CheckEvaluator(Simulation &simulation, TrafficDriver &traffic, engine::SimTime stepStart);

    CheckResult evaluate(const Check &check) const;
    /** Only pass / fail, for `wait: {until: ...}`. */
    bool passes(const Check &check) const { return evaluate(check).passed; }

private:
    CheckResult evaluate(const CheckBody &body) const;
    TrafficCounts sample(const TrafficSample &traffic) const;

    Simulation &m_simulation;
    TrafficDriver &m_traffic;
    engine::SimTime m_stepStart;
};

} // namespace sim::scenario
