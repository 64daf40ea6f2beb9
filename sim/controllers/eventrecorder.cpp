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

std::string EventRecorder::correlationKey(const InvolvedObject &object, const std::string &type,
                                          const std::string &reason, const std::string &message,
                                          const std::string &source)
{
    std::string key;
    key.reserve(object.uid.size() + object.name.size() + type.size() + reason.size() + message.size() + source.size() + 8);
    key.append(object.uid).append(1, '\0').append(object.namespace_).append(1, '\0').append(object.name);
    key.append(1, '\0').append(type).append(1, '\0').append(reason).append(1, '\0').append(message);
    key.append(1, '\0').append(source);
    return key;
}

void EventRecorder::record(const InvolvedObject &object, const std::string &type, const std::string &reason,
                           const std::string &message, const std::string &source)
{
    ++m_recorded;
    const engine::SimTime now = m_engine.now();
    std::string key = correlationKey(object, type, reason, message, source);
    auto found = m_bySequence.find(key);
    if (found != m_bySequence.end()) {
        Event &event = m_events[found->second - m_firstSequence];
        ++event.count;
        event.lastTimestamp = now;
        return;
    }
    if (m_events.size() >= m_capacity)
        expireOldest();
    const std::uint64_t sequence = m_nextSequence++;
    m_events.push_back(Event{sequence, type, reason, object, message, source, now, now, 1});
    m_bySequence.emplace(std::move(key), sequence);
}

void EventRecorder::expireOldest()
{
    const Event &oldest = m_events.front();
    m_bySequence.erase(correlationKey(oldest.involvedObject, oldest.type, oldest.reason, oldest.message, oldest.source));
    m_events.pop_front();
    ++m_firstSequence;
}

} // namespace sim::controllers
