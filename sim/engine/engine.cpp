#include "sim/engine/engine.h"

#include <algorithm>
#include <utility>

namespace sim::engine {
namespace {

std::uint32_t slotIndex(EventId id) { return static_cast<std::uint32_t>(id & 0xffffffffu) - 1; }
std::uint32_t slotGeneration(EventId id) { return static_cast<std::uint32_t>(id >> 32); }

} // namespace

Engine::Engine(std::uint64_t seed) : m_seed(seed) {}

EventId Engine::scheduleAt(SimTime at, std::function<void()> fn, Work work)
{
    std::size_t index;
    if (!m_freeSlots.empty()) {
        index = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        index = m_slots.size();
        m_slots.emplace_back();
    }
    Slot &slot = m_slots[index];
    slot.fn = std::move(fn);
    slot.work = work;
    slot.live = true;
    ++slot.generation;
    if (work == Work::Foreground)
        ++m_foreground;
    EventId id = (static_cast<EventId>(slot.generation) << 32) | (index + 1);
    pushEntry(Entry{std::max(at, m_now), m_seq++, id});
    return id;
}

void Engine::pushEntry(const Entry &entry)
{
    std::size_t i = m_heap.size();
    m_heap.push_back(entry);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 4;
        if (!runsBefore(entry, m_heap[parent]))
            break;
        m_heap[i] = m_heap[parent];
        i = parent;
    }
    m_heap[i] = entry;
}

void Engine::popEntry()
{
    const Entry last = m_heap.back();
    m_heap.pop_back();
    const std::size_t n = m_heap.size();
    if (n == 0)
        return;
    // Sift the last entry down from the root, moving the first-running child up at each level.
    std::size_t i = 0;
    while (true) {
        const std::size_t first = 4 * i + 1;
        if (first >= n)
            break;
        std::size_t best = first;
        for (std::size_t c = first + 1; c < std::min(first + 4, n); ++c) {
            if (runsBefore(m_heap[c], m_heap[best]))
                best = c;
        }
        if (!runsBefore(m_heap[best], last))
            break;
        m_heap[i] = m_heap[best];
        i = best;
    }
    m_heap[i] = last;
}

EventId Engine::scheduleAfter(SimTime delay, std::function<void()> fn, Work work)
{
    return scheduleAt(m_now + delay, std::move(fn), work);
}

Engine::Slot *Engine::liveSlot(EventId id)
{
    return const_cast<Slot *>(std::as_const(*this).liveSlot(id));
}

const Engine::Slot *Engine::liveSlot(EventId id) const
{
    std::uint32_t index = slotIndex(id);
    if (id == 0 || index >= m_slots.size())
        return nullptr;
    const Slot &slot = m_slots[index];
    return slot.live && slot.generation == slotGeneration(id) ? &slot : nullptr;
}

void Engine::cancel(EventId id)
{
    Slot *slot = liveSlot(id);
    if (!slot)
        return;
    slot->live = false;
    slot->fn = nullptr;
    if (slot->work == Work::Foreground)
        --m_foreground;
}

bool Engine::isPending(EventId id) const { return liveSlot(id) != nullptr; }

void Engine::dropCancelledTop()
{
    while (!m_heap.empty() && !liveSlot(m_heap.front().id)) {
        m_freeSlots.push_back(slotIndex(m_heap.front().id));
        popEntry();
    }
}

void Engine::runTop()
{
    const Entry top = m_heap.front();
    popEntry();
    Slot &slot = m_slots[slotIndex(top.id)];
    std::function<void()> fn = std::move(slot.fn);
    slot.fn = nullptr;
    slot.live = false;
    if (slot.work == Work::Foreground)
        --m_foreground;
    m_freeSlots.push_back(slotIndex(top.id));
    m_now = top.time;
    ++m_eventsRun;
    struct Running {
        int &depth;
        explicit Running(int &d) : depth(d) { ++depth; }
        ~Running() { --depth; }
    } running(m_running);
    fn();
}

SimTime Engine::nextEventTime()
{
    dropCancelledTop();
    return m_heap.empty() ? -1 : m_heap.front().time;
}

bool Engine::step()
{
    dropCancelledTop();
    if (m_heap.empty())
        return false;
    runTop();
    return true;
}

void Engine::runUntil(SimTime t)
{
    for (SimTime next = nextEventTime(); next >= 0 && next <= t; next = nextEventTime())
        runTop();
    m_now = std::max(m_now, t);
}

bool Engine::settle(SimTime cap)
{
    const SimTime limit = m_now + cap;
    while (m_foreground > 0) {
        SimTime next = nextEventTime();
        if (next < 0 || next > limit)
            break;
        runTop();
    }
    return m_foreground == 0;
}

RandomStream Engine::stream(std::string_view component) const
{
    return RandomStream::forComponent(m_seed, component);
}

} // namespace sim::engine
