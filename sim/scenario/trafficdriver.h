#pragma once

#include "sim/scenario/action.h"
#include "sim/scenario/reference.h"
#include "sim/scenario/trafficlog.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sim {
class Simulation;
}

namespace sim::scenario {

/** What one request got: the answer and where it went, as `kubesim request` reports it. */
struct RequestOutcome {
    int status = 0;                // 0: no answer (refused, reset)
    std::string backend;           // "namespace/name" of the Service, or empty
    std::string location;          // the Location header of a redirect, or empty
    std::string upstreamPath;      // the path the pod received
    std::vector<std::pair<std::string, std::string>> upstreamHeaders;  // names lower-case
    std::string error;             // why there was no answer, or why the request could not be sent
};

/**
 * The lesson's side of the simulation's traffic system: starts and stops named load generators for
 * actions, keeps every generated request's outcome in a TrafficLog (the checks sample it per generator
 * and since the step began, which the metrics' sliding windows do not offer), and sends one-off requests
 * for status checks. Routing, serving and metrics stay in sim/traffic.
 */
class TrafficDriver {
public:
    explicit TrafficDriver(Simulation &simulation);

    /** Starts a generator; an error message when one of that name runs or the URL is wrong. */
    std::optional<std::string> start(const StartTrafficAction &action);
    /** Stops a generator; says how many requests it sent and how they ended. */
    std::optional<std::string> stop(const std::string &name, std::string *summary = nullptr);
    /** Sends one request and runs the engine until it is answered (a few milliseconds of sim time). */
    RequestOutcome send(const RequestSpec &request);
    const TrafficLog &log() const { return m_log; }

private:
    Simulation &m_simulation;
    TrafficLog m_log;
    std::map<std::string, std::uint32_t> m_running;  // generator name -> traffic system index
};

} // namespace sim::scenario
