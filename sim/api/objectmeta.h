#pragma once

#include "sim/api/labelselector.h"
#include "sim/api/shared.h"
#include "sim/engine/simtime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::api {

using Annotations = std::map<std::string, std::string>;

/** metav1.OwnerReference: who owns this object, for cascading deletion and controller claims. */
struct OwnerReference {
    std::string apiVersion;
    std::string kind;
    std::string name;
    std::string uid;
    bool controller = false;
    bool blockOwnerDeletion = false;
    bool operator==(const OwnerReference &) const = default;
};

/** metav1.ObjectMeta. Server-set fields (uid, resourceVersion, generation, timestamps) are written by the store. */
struct ObjectMeta {
    std::string name;
    std::string generateName;
    std::string namespace_;  // empty for cluster-scoped kinds
    // Shared between an object's versions: most writes (status, scheduling) change none of them.
    Shared<Labels> labels;
    Shared<Annotations> annotations;
    Shared<std::vector<OwnerReference>> ownerReferences;
    Shared<std::vector<std::string>> finalizers;

    std::string uid;
    std::uint64_t resourceVersion = 0;
    std::int64_t generation = 0;
    engine::SimTime creationTimestamp = 0;
    std::optional<engine::SimTime> deletionTimestamp;
    std::optional<std::int64_t> deletionGracePeriodSeconds;

    /** The owner reference with controller: true, if any. */
    const OwnerReference *controllerRef() const;
    std::string annotation(const std::string &key, const std::string &fallback = {}) const;
    bool operator==(const ObjectMeta &) const = default;
};

/** metav1.Condition (and the older per-kind conditions, which share its fields). */
struct Condition {
    std::string type;
    std::string status;  // "True", "False", "Unknown"
    std::string reason;
    std::string message;
    engine::SimTime lastTransitionTime = 0;
    std::int64_t observedGeneration = 0;
    bool operator==(const Condition &) const = default;
};

/** Finds a condition by type; nullptr when absent. */
const Condition *findCondition(const std::vector<Condition> &conditions, std::string_view type);
/** Sets a condition, keeping lastTransitionTime when the status does not change. Returns true if anything changed. */
bool setCondition(std::vector<Condition> &conditions, Condition condition);

} // namespace sim::api
