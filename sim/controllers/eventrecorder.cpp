#include "sim/controllers/eventrecorder.h"

#include <functional>
#include <utility>

namespace sim::controllers {
namespace {

/** A hash of what makes two events the same occurrence (all but timestamps and count). */
std::size_t correlationHash(api::Kind kind, std::initializer_list<std::string_view> parts)
{
    std::size_t hash = static_cast<std::size_t>(kind);
    for (std::string_view part : parts)
        hash = hash * 1099511628211ULL ^ std::hash<std::string_view>{}(part);
    return hash;
}

bool isAbout(const InvolvedObject &involved, const api::Object &object)
{
    return involved.kind == object.kind() && involved.uid == object.metadata.uid &&
           involved.name == object.metadata.name && involved.namespace_ == object.metadata.namespace_;
}

} // namespace

EventRecorder::EventRecorder(const engine::Engine &engine, std::size_t capacity)
    : m_engine(engine), m_capacity(capacity == 0 ? 1 : capacity), m_index(16)
{
}

void EventRecorder::normal(const api::Object &object, EventLiteral reason, std::string message, EventLiteral source)
{
    record(object, "Normal", reason.view(), std::move(message), source.view());
}

void EventRecorder::warning(const api::Object &object, EventLiteral reason, std::string message, EventLiteral source)
{
    record(object, "Warning", reason.view(), std::move(message), source.view());
}

void EventRecorder::record(const api::Object &object, std::string_view type, std::string_view reason,
                           std::string &&message, std::string_view source)
{
    ++m_recorded;
    const engine::SimTime now = m_engine.now();
    const api::ObjectMeta &meta = object.metadata;
    const std::size_t hash =
        correlationHash(object.kind(), {meta.uid, meta.namespace_, meta.name, type, reason, message, source});
    const std::size_t mask = m_index.size() - 1;
    for (std::size_t i = hash & mask; m_index[i].sequence != kEmpty; i = (i + 1) & mask) {
        if (m_index[i].hash != hash)
            continue;
        Event &event = eventAt(m_index[i]);
        if (isAbout(event.involvedObject, object) && event.type == type && event.reason == reason &&
            event.message == message && event.source == source) {
            ++event.count;
            event.lastTimestamp = now;
            return;
        }
    }
    if (m_events.size() >= m_capacity)
        expireOldest();
    const std::uint64_t sequence = m_nextSequence++;
    m_events.push_back(Event{sequence, type, reason,
                             InvolvedObject{object.kind(), meta.namespace_, meta.name, meta.uid},
                             std::move(message), source, now, now, 1});
    m_hashes.push_back(hash);
    insert(hash, sequence);
}

void EventRecorder::insert(std::size_t hash, std::uint64_t sequence)
{
    if (2 * (m_used + 1) > m_index.size())
        grow();
    const std::size_t mask = m_index.size() - 1;
    std::size_t i = hash & mask;
    while (m_index[i].sequence != kEmpty)
        i = (i + 1) & mask;
    m_index[i] = Slot{hash, sequence};
    ++m_used;
}

void EventRecorder::grow()
{
    std::vector<Slot> old(2 * m_index.size());
    std::swap(old, m_index);
    const std::size_t mask = m_index.size() - 1;
    for (const Slot &slot : old) {
        if (slot.sequence == kEmpty)
            continue;
        std::size_t i = slot.hash & mask;
        while (m_index[i].sequence != kEmpty)
            i = (i + 1) & mask;
        m_index[i] = slot;
    }
}

void EventRecorder::erase(std::size_t hash, std::uint64_t sequence)
{
    const std::size_t mask = m_index.size() - 1;
    std::size_t hole = hash & mask;
    while (m_index[hole].sequence != sequence)
        hole = (hole + 1) & mask;
    // Backward shift: a later slot of the same run moves into the hole unless its home lies cyclically in
    // (hole, slot], where it would no longer be found.
    for (std::size_t i = (hole + 1) & mask; m_index[i].sequence != kEmpty; i = (i + 1) & mask) {
        const std::size_t home = m_index[i].hash & mask;
        const bool stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
        if (stays)
            continue;
        m_index[hole] = m_index[i];
        hole = i;
    }
    m_index[hole] = Slot{};
    --m_used;
}

void EventRecorder::expireOldest()
{
    erase(m_hashes.front(), m_firstSequence);
    m_events.pop_front();
    m_hashes.pop_front();
    ++m_firstSequence;
}

} // namespace sim::controllers
