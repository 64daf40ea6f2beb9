#pragma once

#include "sim/api/kind.h"
#include "sim/engine/simtime.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace sim::controllers {

/**
 * Text fixed when the program is built: an event's type, reason or source. Only a string literal (or a
 * constexpr pointer to one) makes one, so an Event can keep a view of it for the life of the program
 * instead of a copy per event.
 */
class EventLiteral {
public:
    consteval EventLiteral(const char *text) : m_text(text) {}
    constexpr std::string_view view() const { return m_text; }

private:
    std::string_view m_text;
};

/** The object an Event is about (involvedObject). */
struct InvolvedObject {
    api::Kind kind = api::Kind::Pod;
    std::string namespace_;
    std::string name;
    std::string uid;
    bool operator==(const InvolvedObject &) const = default;
};

/** A core/v1 Event as `kubectl get events` shows it; repeats of the same event raise count and lastTimestamp. */
struct Event {
    std::uint64_t sequence = 0;  // order of first occurrence, the stable listing order
    std::string_view type;       // "Normal" or "Warning" (views of literals: see EventLiteral)
    std::string_view reason;     // Scheduled, Pulling, ScalingReplicaSet, ...
    InvolvedObject involvedObject;
    std::string message;
    std::string_view source;     // reporting component: default-scheduler, kubelet, deployment-controller, ...
    engine::SimTime firstTimestamp = 0;
    engine::SimTime lastTimestamp = 0;
    std::int32_t count = 1;
    bool operator==(const Event &) const = default;
};

} // namespace sim::controllers
