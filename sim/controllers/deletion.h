#pragma once

#include "sim/api/object.h"
#include "sim/store/store.h"

#include <cstdint>
#include <optional>

namespace sim::controllers {

/**
 * Deletes an object as the API server does: a bound Pod gets a deletionTimestamp and its kubelet
 * finishes the job after the grace period (the pod's terminationGracePeriodSeconds unless given);
 * a Namespace turns Terminating until the namespace controller has emptied it; anything else is
 * removed at once. Dependents are left to the garbage collector (background propagation).
 * Returns the object's new state, or nullptr when it is gone.
 */
api::ObjectPtr deleteGracefully(store::Store &store, const api::ObjectPtr &object, engine::SimTime now,
                                std::optional<std::int64_t> gracePeriodSeconds = std::nullopt);

/** True when the object has a deletionTimestamp (Terminating). */
inline bool isTerminating(const api::Object &object) { return object.metadata.deletionTimestamp.has_value(); }

} // namespace sim::controllers
