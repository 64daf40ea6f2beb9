#pragma once

#include "sim/api/object.h"

#include <string>

namespace sim {
class Simulation;
}

namespace sim::console {

/**
 * `kubectl describe` for one object: kubectl's own layout for Pods, Deployments, ReplicaSets, Services,
 * Ingresses, Nodes and Namespaces; for every other kind (the Gateway API kinds are CRDs to kubectl)
 * kubectl's generic describer, which prints the object's fields as titled, indented lines.
 */
std::string describeObject(const Simulation &simulation, const api::Object &object);

} // namespace sim::console
