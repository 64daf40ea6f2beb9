#pragma once

#include "sim/api/kind.h"
#include "sim/engine/simtime.h"
#include "sim/manifest/diagnostic.h"
#include "sim/scenario/check.h"
#include "sim/scenario/reference.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sim::scenario {

/** Applies manifests: files of the scenario folder (already resolved inside it) and/or inline YAML. */
struct ApplyAction {
    std::vector<std::string> files;              // as written, relative to the folder
    std::vector<std::filesystem::path> paths;    // resolved, checked to lie inside the folder
    std::string inlineYaml;
    manifest::SourceLocation inlineLocation;     // where the inline text starts, for manifest errors
};

/** Deletes one object, as `kubectl delete KIND NAME -n NS`. */
struct DeleteAction {
    api::Kind kind = api::Kind::Pod;
    ObjectRef object;
};

struct ScaleAction {
    ObjectRef deployment;
    std::int32_t replicas = 0;
};

/** Sets the weights of an HTTPRoute rule's backendRefs, by backend name. */
struct SetWeightsAction {
    ObjectRef route;
    std::size_t rule = 0;
    std::vector<std::pair<std::string, std::int32_t>> weights;
};

/** Sets an ingress-nginx canary Ingress's canary-weight annotation. */
struct SetCanaryWeightAction {
    ObjectRef ingress;
    std::int32_t weight = 0;
};

struct SetImageAction {
    ObjectRef deployment;
    std::string container;
    std::string image;
};

/** Starts a named load generator: requests per second, spread over a number of clients. */
struct StartTrafficAction {
    std::string name;
    RequestSpec request;
    double rate = 10;
    std::int32_t clients = 1;
};

struct StopTrafficAction {
    std::string name;
};

struct KillPodAction {
    PodTarget target;
};

/** Makes a pod's readiness probe fail (or pass again). */
struct FailReadinessAction {
    PodTarget target;
    bool failing = true;
};

/** Makes a pod's container crash on start (or stop crashing). */
struct CrashLoopAction {
    PodTarget target;
    bool crashing = true;
};

/** Cordons a node and evicts its pods, as `kubectl drain`. */
struct DrainNodeAction {
    std::string node;
};

/** A node stops responding: its pods are lost. */
struct FailNodeAction {
    std::string node;
};

/** Lets sim time pass: a fixed duration, or until a check passes (failing the step at timeout). */
struct WaitAction {
    engine::SimTime duration = 0;
    std::shared_ptr<const Check> until;
    engine::SimTime timeout = 0;
};

using ActionBody = std::variant<ApplyAction, DeleteAction, ScaleAction, SetWeightsAction, SetCanaryWeightAction,
                                SetImageAction, StartTrafficAction, StopTrafficAction, KillPodAction,
                                FailReadinessAction, CrashLoopAction, DrainNodeAction, FailNodeAction, WaitAction>;

/** One thing a step does to the cluster, and where it was written. */
struct Action {
    ActionBody body;
    manifest::SourceLocation location;
    std::string field;  // "steps[1].actions[0]"
};

/** The key that introduces each action type in scenario.yaml, in ActionBody order. */
const char *actionTypeName(const ActionBody &body);

} // namespace sim::scenario
