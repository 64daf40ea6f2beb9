#pragma once
// Objects of small clusters built in code, for tests that must not depend on manifests or controllers.

#include "sim/api/object.h"
#include "sim/store/store.h"

#include <string>
#include <utility>
#include <vector>

namespace kubesim::testing {

using sim::api::Kind;


inline sim::api::Object object(Kind kind, const std::string &name, const std::string &ns = "default")
{
    sim::api::Object o = sim::api::makeObject(kind);
    o.metadata.name = name;
    o.metadata.namespace_ = ns;
    return o;
}

inline sim::api::Object service(const std::string &name, sim::api::Labels selector, const std::string &type = "ClusterIP")
{
    sim::api::Object o = object(Kind::Service, name);
    o.as<sim::api::Service>().spec.selector = std::move(selector);
    o.as<sim::api::Service>().spec.type = type;
    o.as<sim::api::Service>().spec.ports = {sim::api::ServicePort{"http", "TCP", "", 80, {}, 0}};
    return o;
}

inline sim::api::Object gateway(const std::string &name)
{
    sim::api::Object o = object(Kind::Gateway, name);
    sim::api::Listener listener;
    listener.name = "http";
    listener.port = 80;
    listener.protocol = "HTTP";
    o.as<sim::api::Gateway>().spec.listeners = {listener};
    return o;
}

inline sim::api::Object route(const std::string &name, const std::string &gw, std::vector<std::pair<std::string, int>> backends)
{
    sim::api::Object o = object(Kind::HTTPRoute, name);
    auto &spec = o.as<sim::api::HTTPRoute>().spec;
    sim::api::ParentReference parent;
    parent.name = gw;
    spec.parentRefs = {parent};
    sim::api::HTTPRouteRule rule;
    for (const auto &[svc, weight] : backends) {
        sim::api::HTTPBackendRef ref;
        ref.ref.name = svc;
        ref.weight = weight;
        rule.backendRefs.push_back(ref);
    }
    spec.rules = {rule};
    return o;
}

// A pod owned by ReplicaSet `rs`, itself owned by Deployment `deploy`, ready or not.
inline void addPod(sim::store::Store &store, const std::string &name, const std::string &rs, const std::string &version, bool ready)
{
    sim::api::Object pod = object(Kind::Pod, name);
    pod.metadata.labels = {{"app", "app"}, {"version", version}};
    pod.metadata.ownerReferences = {sim::api::OwnerReference{"apps/v1", "ReplicaSet", rs, "uid-" + rs, true, true}};
    auto &status = pod.as<sim::api::Pod>().status;
    status.phase = "Running";
    status.conditions = {sim::api::Condition{"Ready", ready ? "True" : "False", "", "", 0, 0}};
    status.containerStatuses = {sim::api::ContainerStatus{"app", "img", ready, true, 0, "running", "", "", 0, {}, {}}};
    store.create(pod);
}

inline void addDeployment(sim::store::Store &store, const std::string &name, const std::string &version, int pods, bool ready = true)
{
    store.create(object(Kind::Deployment, name));
    sim::api::Object rs = object(Kind::ReplicaSet, name + "-5d9c7");
    rs.metadata.ownerReferences = {sim::api::OwnerReference{"apps/v1", "Deployment", name, "uid-d-" + name, true, true}};
    store.create(rs);
    for (int i = 0; i < pods; ++i)
        addPod(store, name + "-5d9c7-p" + std::to_string(i), name + "-5d9c7", version, ready);
}

// The canary lesson's cluster: Gateway web, HTTPRoute app 90/10 to app-v1 (3 pods) and app-v2 (1 pod).
inline void canary(sim::store::Store &store, bool v2Ready = true)
{
    store.create(gateway("web"));
    store.create(route("app", "web", {{"app-v1", 90}, {"app-v2", 10}}));
    store.create(service("app-v1", {{"app", "app"}, {"version", "v1"}}));
    store.create(service("app-v2", {{"app", "app"}, {"version", "v2"}}));
    addDeployment(store, "app-v1", "v1", 3);
    addDeployment(store, "app-v2", "v2", 1, v2Ready);
}


} // namespace kubesim::testing
