#include "sim/simulation.h"

namespace sim {

Simulation::Simulation(std::uint64_t seed) : m_engine(seed), m_store(m_engine) {}

} // namespace sim
