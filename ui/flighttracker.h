#pragma once

#include "sim/traffic/flight.h"
#include "ui/framesnapshot.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sim {
class Simulation;
}

namespace ui {

/**
 * Turns the traffic system's flight reports (hops by metric series) into the canvas's RequestFlights
 * (hops by topology node id, the version they reach, how they ended), keeping each request from its
 * first report until its path has been drawn.
 */
class FlightTracker {
public:
    /**
     * Takes the flights reported since the last frame and drops those whose path ended more than
     * `linger` of simulated time ago (the canvas may still be showing them, stretched).
     */
    void update(sim::Simulation &simulation, sim::engine::SimTime linger);
    /** The requests to draw this frame, ordered by request id; valid until the next update. */
    std::vector<const RequestFlight *> flights() const;
    void clear();

private:
    const std::string &nodeIdOf(const sim::Simulation &simulation, std::uint32_t series);
    std::string versionOf(const sim::Simulation &simulation, const std::vector<FlightHop> &hops) const;
    RequestFlight convert(const sim::Simulation &simulation, const sim::traffic::Flight &flight);

    std::map<std::uint64_t, RequestFlight> m_flights;
    std::vector<std::string> m_nodeIds;  // by metric series id; "" for series the canvas has no node for
    std::vector<bool> m_resolved;
    sim::engine::SimTime m_lastNow = 0;
};

} // namespace ui
