#pragma once

#include "sim/engine/simtime.h"
#include "sim/scenario/check.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sim::scenario {

/** What a traffic check sees in its sample: how many requests finished, failed, and reached each Service. */
struct TrafficCounts {
    std::uint64_t finished = 0;  // answered or dropped
    std::uint64_t failed = 0;    // 5xx or dropped (no answer)
    std::uint64_t dropped = 0;
    std::map<std::string, std::uint64_t> byBackend;  // "namespace/name" of the Service that answered -> count
};

/**
 * The outcome of every request the lesson's load generators sent, in finishing order, so a check can
 * sample one generator (or all) over any window, "since the step began" included.
 */
class TrafficLog {
public:
    /** Records a finished request; backend is "namespace/name" of the Service that served it, or empty. */
    void record(engine::SimTime finishedAt, const std::string &generator, int status, const std::string &backend,
                bool dropped);
    /** Counts the requests of the sample's generator (all when empty) that finished in [from, to]. */
    TrafficCounts counts(const std::string &generator, engine::SimTime from, engine::SimTime to) const;
    std::size_t size() const { return m_records.size(); }

private:
    struct Record {
        engine::SimTime finishedAt;
        std::uint32_t generator;
        std::uint32_t backend;  // index into m_names, or kNone
        std::int32_t status;
        bool dropped;
    };
    static constexpr std::uint32_t kNone = UINT32_MAX;
    std::uint32_t intern(const std::string &name);

    std::vector<Record> m_records;
    std::vector<std::string> m_names;
    std::map<std::string, std::uint32_t> m_ids;
};

} // namespace sim::scenario
