#pragma once

#include "sim/engine/randomstream.h"
#include "sim/engine/simtime.h"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace sim::engine {

/** Handle of a scheduled event; 0 is never a valid handle. */
using EventId = std::uint64_t;

/**
 * The discrete-event core: events ordered by (time, sequence), so events at the same time run in
 * the order they were scheduled. Cancel is O(1) (a flag); the popped event is skipped.
 * Background events (periodic probes, load generators) do not keep settle() running.
 */
class Engine {
public:
    enum class Work { Foreground, Background };

    explicit Engine(std::uint64_t seed = 1);

    SimTime now() const { return m_now; }
    std::uint64_t seed() const { return m_seed; }

    EventId scheduleAt(SimTime at, std::function<void()> fn, Work work = Work::Foreground);
    EventId scheduleAfter(SimTime delay, std::function<void()> fn, Work work = Work::Foreground);
    /** Cancels a pending event; harmless for an event that already ran or was cancelled. */
    void cancel(EventId id);
    bool isPending(EventId id) const;

    /** Runs the next event, if any. Returns false when the queue is empty. */
    bool step();
    /** Runs every event with time <= t, then sets the clock to t. */
    void runUntil(SimTime t);
    /** Runs until only background work is pending, or until `cap` of sim time has passed. Returns true if it settled. */
    bool settle(SimTime cap = 10 * kMinute);
    /** Time of the next pending event, or -1 when none. */
    SimTime nextEventTime();
    std::size_t pendingForeground() const { return m_foreground; }
    std::uint64_t eventsRun() const { return m_eventsRun; }
    /** True while an event runs: a change made now comes from inside the simulation, not from a user. */
    bool isRunningEvent() const { return m_running > 0; }

    /** A random stream of its own for a named component, derived from the engine's seed. */
    RandomStream stream(std::string_view component) const;

private:
    struct Entry {
        SimTime time;
        std::uint64_t seq;
        EventId id;
    };
    static bool runsBefore(const Entry &a, const Entry &b)
    {
        return a.time != b.time ? a.time < b.time : a.seq < b.seq;
    }
    // Slots are reused; the generation in the upper half of an EventId makes stale handles harmless.
    struct Slot {
        std::function<void()> fn;
        Work work = Work::Foreground;
        std::uint32_t generation = 0;
        bool live = false;
    };

    /** Adds an entry to the queue: a 4-ary heap, half as deep as a binary one (fewer cache lines per push and pop). */
    void pushEntry(const Entry &entry);
    /** Removes the queue's first entry (the heap's root). */
    void popEntry();
    void dropCancelledTop();
    void runTop();

    std::uint64_t m_seed;
    SimTime m_now = 0;
    std::uint64_t m_seq = 0;
    std::uint64_t m_eventsRun = 0;
    int m_running = 0;  // events on the call stack (an event may step the engine, as a single exchange does)
    std::size_t m_foreground = 0;
    std::vector<Entry> m_heap;  // children of i: 4i+1 .. 4i+4; (time, seq) is a total order, so the run order is unique
    Slot *liveSlot(EventId id);
    const Slot *liveSlot(EventId id) const;

    std::vector<Slot> m_slots;
    std::vector<std::size_t> m_freeSlots;
};

} // namespace sim::engine
