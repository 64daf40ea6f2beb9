#include "sim/controllers/eventrecorder.h"

namespace sim::controllers {

EventRecorder::EventRecorder(const engine::Engine &engine, std::size_t capacity)
    : m_engine(engine), m_capacity(capacity == 0 ? 1 : capacity)
{
}

InvolvedObject EventRecorder::involvedObject(const api::Object &object)
{
    return InvolvedObject{object.kind(), object.metadata.namespace_, object.metadata.name, object.metadata.uid};
}

void EventRecorder::normal(const api::Object &object, const std::string &reason, const std::string &message,
                           const std::string &source)
{
    record(involvedObject(object), "Normal", reason, message, source);
}

void EventRecorder::warning(const api::Object &object, const std::string &reason, const std::string &message,
                            const std::string &source)
{
    record(involvedObject(object), "Warning", reason, message, source);
}

std::size_t EventRecorder::correlationHash(const InvolvedObject &object, const std::string &type,
                                          const std::string &reason, const std::string &message,
                                          const std::string &source)
{
    std::size_t hash = static_cast<std::size_t>(object.kind);
    for (const std::string *part : {&object.uid, &object.namespace_, &object.name, &type, &reason, &message, &source})
        hash = hash * 1099511628211ULL ^ std::hash<std::string_view>{}(*part);
    return hash;
}

void EventRecorder::record(const InvolvedObject &object, const std::string &type, const std::string &reason,
                           const std::string &message, const std::string &source)
{
    ++m_recorded;
    const engine::SimTime now = m_engine.now();
    const std::size_t hash = correlationHash(object, type, reason, message, source);
    auto [first, last] = m_byHash.equal_range(hash);
    for (auto it = first; it != last; ++it) {
        Event &event = m_events[it->second - m_firstSequence];
        if (event.involvedObject == object && event.type == type && event.reason == reason &&
            event.message == message && event.source == source) {
            ++event.count;
            event.lastTimestamp = now;
            return;
        }
    }
    if (m_events.size() >= m_capacity)
        expireOldest();
    const std::uint64_t sequence = m_nextSequence++;
    m_events.push_back(Event{sequence, type, reason, object, message, source, now, now, 1});
    m_byHash.emplace(hash, sequence);
}

void EventRecorder::expireOldest()
{
    const Event &oldest = m_events.front();
    auto [first, last] = m_byHash.equal_range(
        correlationHash(oldest.involvedObject, oldest.type, oldest.reason, oldest.message, oldest.source));
    for (auto it = first; it != last; ++it) {
        if (it->second == oldest.sequence) {
            m_byHash.erase(it);
            break;
        }
    }
    m_events.pop_front();
    ++m_firstSequence;
}

} // namespace sim::controllers
