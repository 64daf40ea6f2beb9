#pragma once

#include "sim/engine/simtime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim::scenario {

/**
 * A run's event log: one line per step, action, check and cluster event, each stamped with sim time.
 * Lines are kept in time order (ties in the order added), so the same seed gives the same text.
 */
class TraceLog {
public:
    void add(engine::SimTime time, std::string text);
    /** Every line as "[   12.345678s] text\n", in time order. */
    std::string text() const;
    std::size_t size() const { return m_lines.size(); }

private:
    struct Line {
        engine::SimTime time;
        std::uint64_t order;
        std::string text;
    };
    std::vector<Line> m_lines;
    std::uint64_t m_nextOrder = 0;
};

} // namespace sim::scenario
