#pragma once

#include "sim/api/object.h"
#include "sim/controllers/event.h"
#include "sim/engine/engine.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>

namespace sim::controllers {

/**
 * The cluster's event log. Identical events (same involved object, type, reason, message and source)
 * are folded into one with a count, as the Kubernetes event correlator does. The log keeps the newest
 * `capacity` distinct events, the way the API server expires old events (its TTL is one hour).
 */
class EventRecorder {
public:
    static constexpr std::size_t kDefaultCapacity = 100000;

    explicit EventRecorder(const engine::Engine &engine, std::size_t capacity = kDefaultCapacity);

    /** Records a Normal event about an object. */
    void normal(const api::Object &object, const std::string &reason, const std::string &message,
                const std::string &source);
    /** Records a Warning event about an object. */
    void warning(const api::Object &object, const std::string &reason, const std::string &message,
                 const std::string &source);
    void record(const InvolvedObject &object, const std::string &type, const std::string &reason,
                const std::string &message, const std::string &source);

    /** Events in order of first occurrence. */
    const std::deque<Event> &events() const { return m_events; }
    /** Total number of recorded occurrences, including folded repeats and expired events. */
    std::uint64_t recordedCount() const { return m_recorded; }

    static InvolvedObject involvedObject(const api::Object &object);

private:
    /** A hash of what makes two events the same occurrence (all but timestamps and count). */
    static std::size_t correlationHash(const InvolvedObject &object, const std::string &type,
                                       const std::string &reason, const std::string &message,
                                       const std::string &source);
    void expireOldest();

    const engine::Engine &m_engine;
    std::size_t m_capacity;
    std::deque<Event> m_events;
    // correlation hash -> sequences of the kept events with that hash: finding a repeat builds no key string
    std::unordered_multimap<std::size_t, std::uint64_t> m_byHash;
    std::uint64_t m_nextSequence = 0;
    std::uint64_t m_firstSequence = 0;  // sequence of m_events.front()
    std::uint64_t m_recorded = 0;
};

} // namespace sim::controllers
