#pragma once
// Helpers shared by the window's GUI tests.

#include "sim/manifest/encoder.h"
#include "sim/simulation.h"
#include "ui/simulationhost.h"

#include <string>
#include <vector>

namespace kubesim::testing {

// The canary lesson's manifests: Gateway web, HTTPRoute app 90/10 to app-v1 and app-v2.
inline std::vector<std::string> lessonPaths()
{
    const std::string dir = KUBESIM_SOURCE_DIR "/scenarios/09-canary-weights/";
    return {dir + "gateway.yaml", dir + "apps.yaml", dir + "route.yaml"};
}

// The ingress-nginx canary lesson's manifests: Ingress app to app-v1, canary Ingress app-canary (canary-weight 10) to app-v2.
inline std::vector<std::string> ingressCanaryPaths()
{
    const std::string dir = KUBESIM_SOURCE_DIR "/scenarios/07-ingress-canary-annotations/";
    return {dir + "ingress-nginx.yaml", dir + "apps.yaml", dir + "ingress.yaml", dir + "canary.yaml"};
}

// Every object a user wrote (not what controllers made), as it would be saved.
inline std::string userObjects(const sim::store::Store &store)
{
    std::string out;
    sim::manifest::EncodeOptions options;
    options.includeStatus = false;
    for (const sim::api::KindInfo &info : sim::api::allKinds())
        for (const sim::api::ObjectPtr &obj : store.list(info.kind))
            if (obj->metadata.ownerReferences->empty() && !obj->metadata.labels->count(sim::api::kManagedByLabel))
                out += sim::manifest::toYaml(*obj, options);
    return out;
}

// Runs `frames` frames of `step` simulated time each, as the frame driver would.
inline void runFrames(ui::SimulationHost *host, int frames, sim::engine::SimTime step = 50 * sim::engine::kMillisecond)
{
    for (int i = 0; i < frames; ++i)
        host->advance(step);
}

inline std::vector<int> routeWeights(ui::SimulationHost *host)
{
    std::vector<int> out;
    auto route = host->simulation().store().get(sim::api::Kind::HTTPRoute, "default", "app");
    for (const auto &ref : route->as<sim::api::HTTPRoute>().spec.rules[0].backendRefs)
        out.push_back(ref.weight);
    return out;
}

// Pods of a Deployment (by its app/version labels' owner chain: the name prefix the ReplicaSet gives them).
inline int podsOf(const sim::store::Store &store, const std::string &deployment, bool readyOnly = false)
{
    int n = 0;
    for (const sim::api::ObjectPtr &pod : store.list(sim::api::Kind::Pod))
        if (pod->metadata.name.rfind(deployment + "-", 0) == 0 && pod->metadata.deletionTimestamp == std::nullopt
            && (!readyOnly || pod->as<sim::api::Pod>().isReady()))
            ++n;
    return n;
}

} // namespace kubesim::testing
