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
 * The lesson's traffic: named load generators started and stopped by actions, every finished request
 * recorded in a TrafficLog for the checks, and one-off requests for status checks. It drives the traffic
 * module of the simulation; it does not route anything itself.
 */
class TrafficDriver {
public:
    explicit TrafficDriver(Simulation &simulation);
    ~TrafficDriver();
    TrafficDriver(const TrafficDriver &) = delete;
    TrafficDriver &operator=(const TrafficDriver &) = delete;

    /** Starts a generator; an error message when the name is taken or the request cannot be sent. */
    std::optional<std::string> start(const StartTrafficAction &action);
    std::optional<std::string> stop(const std::string &name);
    /** Sends one request now and returns what it got (the request is served in sim time that does not pass). */
    RequestOutcome send(const RequestSpec &request);
    const TrafficLog &log() const { return m_log; }
    /** Names of the running generators, sorted. */
    std::vector<std::string> running() const;

private:
    struct Generator;
    Simulation &m_simulation;
    TrafficLog m_log;
    std::map<std::string, std::unique_ptr<Generator>> m_generators;
};

} // namespace sim::scenario
