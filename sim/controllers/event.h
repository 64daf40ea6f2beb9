#pragma once

#include "sim/api/kind.h"
#include "sim/engine/simtime.h"

#include <cstdint>
#include <string>

namespace sim::controllers {

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
    std::string type;            // "Normal" or "Warning"
    std::string reason;          // Scheduled, Pulling, ScalingReplicaSet, ...
    InvolvedObject involvedObject;
    std::string message;
    std::string source;          // reporting component: default-scheduler, kubelet, deployment-controller, ...
    engine::SimTime firstTimestamp = 0;
    engine::SimTime lastTimestamp = 0;
    std::int32_t count = 1;
    bool operator==(const Event &) const = default;
};

} // namespace sim::controllers
