#pragma once

// The per-kind halves of describeObject(); each writes one kind the way kubectl's describer does.

#include "sim/api/object.h"
#include "sim/console/describewriter.h"

#include <string>
#include <vector>

namespace sim {
class Simulation;
}

namespace sim::console::describe {

struct Context {
    const Simulation &simulation;
    DescribeWriter &w;
    engine::SimTime now;
};

void pod(Context &c, const api::Object &o);
void deployment(Context &c, const api::Object &o);
void replicaSet(Context &c, const api::Object &o);
void service(Context &c, const api::Object &o);
void ingress(Context &c, const api::Object &o);
void node(Context &c, const api::Object &o);
void namespace_(Context &c, const api::Object &o);
void generic(Context &c, const api::Object &o);

/** The "Pod Template:" block of Deployments and ReplicaSets. */
void podTemplate(Context &c, const api::PodTemplateSpec &t);
/** The Events section for an object (its events, by kind, namespace and name). */
void events(Context &c, const api::Object &o);
/** "ReplicaSet/web-7d4b9c8f6d" for Controlled By, or "" without a controller. */
std::string controlledBy(const api::ObjectMeta &meta);

} // namespace sim::console::describe
