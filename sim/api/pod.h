#pragma once

#include "sim/api/intorstring.h"
#include "sim/api/objectmeta.h"
#include "sim/api/quantity.h"
#include "sim/api/shared.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sim::api {

struct ContainerPort {
    std::string name;
    std::int32_t containerPort = 0;
    std::string protocol = "TCP";
    bool operator==(const ContainerPort &) const = default;
};

/** A readiness or liveness probe. Only timing matters to the simulation; the handler is kept for display. */
struct Probe {
    std::string handler;      // "httpGet", "tcpSocket", "exec", "grpc"
    std::string httpPath;     // httpGet.path
    IntOrString port;         // httpGet.port / tcpSocket.port / grpc.port
    std::vector<std::string> command; // exec.command
    std::int32_t initialDelaySeconds = 0;
    std::int32_t periodSeconds = 10;
    std::int32_t timeoutSeconds = 1;
    std::int32_t successThreshold = 1;
    std::int32_t failureThreshold = 3;
    bool operator==(const Probe &) const = default;
};

struct ResourceRequirements {
    std::map<std::string, Quantity> requests;
    std::map<std::string, Quantity> limits;
    bool operator==(const ResourceRequirements &) const = default;
};

struct EnvVar {
    std::string name;
    std::string value;
    bool operator==(const EnvVar &) const = default;
};

struct Container {
    std::string name;
    std::string image;
    std::string imagePullPolicy;
    std::vector<std::string> command;
    std::vector<std::string> args;
    std::vector<EnvVar> env;
    std::vector<ContainerPort> ports;
    ResourceRequirements resources;
    std::optional<Probe> readinessProbe;
    std::optional<Probe> livenessProbe;
    std::optional<Probe> startupProbe;
    bool operator==(const Container &) const = default;
};

struct Toleration {
    std::string key;
    std::string op = "Equal";  // "Equal" or "Exists"
    std::string value;
    std::string effect;        // "", "NoSchedule", "PreferNoSchedule", "NoExecute"
    std::optional<std::int64_t> tolerationSeconds;
    bool operator==(const Toleration &) const = default;
};

struct PodSpec {
    std::vector<Container> containers;
    std::vector<Container> initContainers;
    std::string nodeName;
    std::map<std::string, std::string> nodeSelector;
    std::vector<Toleration> tolerations;
    std::string restartPolicy = "Always";
    std::int64_t terminationGracePeriodSeconds = 30;
    std::string serviceAccountName;
    bool operator==(const PodSpec &) const = default;
};

/** A pod template: the labels and annotations pods get, and their spec (all three shared with the pods made from it). */
struct PodTemplateSpec {
    Shared<Labels> labels;
    Shared<Annotations> annotations;
    Shared<PodSpec> spec;
    bool operator==(const PodTemplateSpec &) const = default;
};

struct ContainerStatus {
    std::string name;
    std::string image;
    bool ready = false;
    bool started = false;
    std::int32_t restartCount = 0;
    std::string state = "waiting";  // "waiting", "running", "terminated"
    std::string reason;             // ContainerCreating, CrashLoopBackOff, Completed, Error, ...
    std::string message;
    engine::SimTime startedAt = 0;
    std::optional<engine::SimTime> lastRestartAt;
    std::optional<std::int32_t> exitCode;
    bool operator==(const ContainerStatus &) const = default;
};

struct PodStatus {
    std::string phase = "Pending";  // Pending, Running, Succeeded, Failed, Unknown
    std::string reason;
    std::string message;
    std::string podIP;
    std::string hostIP;
    std::optional<engine::SimTime> startTime;
    std::vector<Condition> conditions;  // PodScheduled, Initialized, ContainersReady, Ready
    std::vector<ContainerStatus> containerStatuses;
    bool operator==(const PodStatus &) const = default;
};

struct Pod {
    // Shared between the pod's versions (and with its template until bound): a status write copies no spec.
    Shared<PodSpec> spec;
    PodStatus status;

    /** Ready condition is True. */
    bool isReady() const;
    bool operator==(const Pod &) const = default;
};

} // namespace sim::api
