#pragma once

#include "sim/api/labelselector.h"
#include "sim/api/pod.h"

#include <cstdint>

namespace sim::api {

struct ReplicaSetSpec {
    std::int32_t replicas = 1;
    LabelSelector selector;
    PodTemplateSpec template_;
    std::int32_t minReadySeconds = 0;
    bool operator==(const ReplicaSetSpec &) const = default;
};

struct ReplicaSetStatus {
    std::int64_t observedGeneration = 0;
    std::int32_t replicas = 0;
    std::int32_t fullyLabeledReplicas = 0;
    std::int32_t readyReplicas = 0;
    std::int32_t availableReplicas = 0;
    bool operator==(const ReplicaSetStatus &) const = default;
};

struct ReplicaSet {
    ReplicaSetSpec spec;
    ReplicaSetStatus status;
    bool operator==(const ReplicaSet &) const = default;
};

} // namespace sim::api
