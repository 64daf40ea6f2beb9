#pragma once

#include "sim/api/intorstring.h"
#include "sim/api/labelselector.h"
#include "sim/api/pod.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::api {

struct RollingUpdateDeployment {
    IntOrString maxUnavailable = IntOrString::fromString("25%");
    IntOrString maxSurge = IntOrString::fromString("25%");
    bool operator==(const RollingUpdateDeployment &) const = default;
};

struct DeploymentStrategy {
    std::string type = "RollingUpdate";  // RollingUpdate, Recreate
    RollingUpdateDeployment rollingUpdate;
    bool operator==(const DeploymentStrategy &) const = default;
};

struct DeploymentSpec {
    std::int32_t replicas = 1;
    LabelSelector selector;
    PodTemplateSpec template_;
    DeploymentStrategy strategy;
    std::int32_t minReadySeconds = 0;
    std::int32_t revisionHistoryLimit = 10;
    std::int32_t progressDeadlineSeconds = 600;
    bool paused = false;
    bool operator==(const DeploymentSpec &) const = default;
};

struct DeploymentStatus {
    std::int64_t observedGeneration = 0;
    std::int32_t replicas = 0;
    std::int32_t updatedReplicas = 0;
    std::int32_t readyReplicas = 0;
    std::int32_t availableReplicas = 0;
    std::int32_t unavailableReplicas = 0;
    std::vector<Condition> conditions;  // Available, Progressing
    bool operator==(const DeploymentStatus &) const = default;
};

struct Deployment {
    DeploymentSpec spec;
    DeploymentStatus status;
    bool operator==(const Deployment &) const = default;
};

} // namespace sim::api
