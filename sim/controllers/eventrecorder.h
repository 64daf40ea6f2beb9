#pragma once

#include "sim/api/object.h"
#include "sim/controllers/event.h"
#include "sim/engine/engine.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

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
    void normal(const api::Object &object, EventLiteral reason, std::string message, EventLiteral source);
    /** Records a Warning event about an object. */
    void warning(const api::Object &object, EventLiteral reason, std::string message, EventLiteral source);

    /** Events in order of first occurrence. */
    const std::deque<Event> &events() const { return m_events; }
    /** Total number of recorded occurrences, including folded repeats and expired events. */
    std::uint64_t recordedCount() const { return m_recorded; }

private:
    /** One slot of the open-addressing index: a kept event's correlation hash and sequence. */
    struct Slot {
        std::size_t hash = 0;
        std::uint64_t sequence = kEmpty;
    };
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

    void record(const api::Object &object, std::string_view type, std::string_view reason, std::string &&message,
                std::string_view source);
    /** The kept event the index holds at `slot` (whose sequence is not kEmpty). */
    Event &eventAt(const Slot &slot) { return m_events[slot.sequence - m_firstSequence]; }
    void insert(std::size_t hash, std::uint64_t sequence);
    void erase(std::size_t hash, std::uint64_t sequence);
    void grow();
    void expireOldest();

    const engine::Engine &m_engine;
    std::size_t m_capacity;
    std::deque<Event> m_events;
    std::deque<std::size_t> m_hashes;  // correlation hash of each kept event, beside m_events
    // Linear probing over a power-of-two table at most half full: finding a repeat builds no key string and
    // allocates nothing; an expired event's slot is refilled by shifting its successors back.
    std::vector<Slot> m_index;
    std::size_t m_used = 0;
    std::uint64_t m_nextSequence = 0;
    std::uint64_t m_firstSequence = 0;  // sequence of m_events.front()
    std::uint64_t m_recorded = 0;
};

} // namespace sim::controllers
