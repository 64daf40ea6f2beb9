#pragma once

#include "sim/admission.h"
#include "sim/commandresult.h"
#include "sim/controllers/controller.h"
#include "sim/controllers/eventrecorder.h"
#include "sim/engine/engine.h"
#include "sim/manifest/document.h"
#include "sim/store/store.h"
#include "sim/traffic/trafficsystem.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sim {

namespace controllers {
class LoadBalancerController;
}

/** Default seed when a command is given none, so every output can be reproduced. */
inline constexpr std::uint64_t kDefaultSeed = 1;

/** One entry of `kubectl rollout history`. */
struct RolloutRevision {
    long long revision = 0;
    std::string changeCause;  // the kubernetes.io/change-cause annotation, "<none>" when absent
    std::string replicaSet;
};

/** `kubectl rollout history` for one Deployment. */
struct RolloutHistory {
    CommandResult result;
    std::vector<RolloutRevision> revisions;  // oldest first
};

/** `kubectl rollout status` for one Deployment, read from its status as kubectl reads it. */
struct RolloutStatus {
    CommandResult result;  // result.message: "deployment \"web\" successfully rolled out" or the waiting line
    bool done = false;
};

/**
 * One simulated cluster: the engine, the object store, the controllers and the event log.
 * Every client (window, console, CLI, tests) changes the cluster through this class's commands; no command throws.
 */
class Simulation {
public:
    explicit Simulation(std::uint64_t seed = kDefaultSeed);
    ~Simulation();
    Simulation(const Simulation &) = delete;
    Simulation &operator=(const Simulation &) = delete;

    engine::Engine &engine() { return m_engine; }
    const engine::Engine &engine() const { return m_engine; }
    store::Store &store() { return m_store; }
    const store::Store &store() const { return m_store; }
    /** The cluster's events, as `kubectl get events` lists them. */
    const controllers::EventRecorder &events() const { return m_events; }
    controllers::EventRecorder &events() { return m_events; }

    /** Requests, load generators, routing tables and traffic metrics. */
    traffic::TrafficSystem &traffic() { return *m_traffic; }
    /** The simulated cloud load balancers (external IPs, how many the cluster pays for). */
    const controllers::LoadBalancerController &loadBalancers() const { return *m_loadBalancers; }

    /** Adds a controller; it watches the store from now on. Returns it for typed access. */
    template <class T, class... Args> T &addController(Args &&...args)
    {
        auto controller = std::make_unique<T>(context(), std::forward<Args>(args)...);
        T &ref = *controller;
        m_controllers.push_back(std::move(controller));
        return ref;
    }

    // --- Objects ---
    /** `kubectl apply`: validates and admits the whole batch, then creates or updates every object (Namespaces first), or changes nothing. */
    ApplyResult apply(const std::vector<manifest::Document> &documents);
    /** apply() for objects built in code. */
    ApplyResult applyObjects(std::vector<api::Object> objects);
    /** `kubectl delete`: graceful, with dependents deleted in the background through ownerReferences. */
    CommandResult deleteObject(api::Kind kind, const std::string &ns, const std::string &name);
    /** `kubectl scale` for a Deployment or ReplicaSet. */
    CommandResult scale(api::Kind kind, const std::string &ns, const std::string &name, int replicas);
    /** `kubectl set image deployment/NAME CONTAINER=IMAGE`. */
    CommandResult setImage(const std::string &ns, const std::string &deployment, const std::string &container,
                           const std::string &image);

    // --- Rollouts ---
    /** `kubectl rollout undo`; toRevision 0 means the previous revision. */
    CommandResult rolloutUndo(const std::string &ns, const std::string &deployment, long long toRevision = 0);
    CommandResult rolloutPause(const std::string &ns, const std::string &deployment);
    CommandResult rolloutResume(const std::string &ns, const std::string &deployment);
    RolloutHistory rolloutHistory(const std::string &ns, const std::string &deployment) const;
    RolloutStatus rolloutStatus(const std::string &ns, const std::string &deployment) const;

    // --- Faults (lessons) ---
    /** Kills a pod outright (`kubectl delete pod --grace-period=0 --force`); its ReplicaSet replaces it. */
    CommandResult killPod(const std::string &ns, const std::string &pod);
    /** Makes a pod's readiness probes fail (or pass again). */
    CommandResult setReadinessFailing(const std::string &ns, const std::string &pod, bool failing);
    /** Makes a container exit `afterSeconds` after each start, so it crash-loops; empty container: all. */
    CommandResult crashLoop(const std::string &ns, const std::string &pod, const std::string &container,
                            const std::string &afterSeconds = "0");
    /** Lets a crash-looping pod's containers run normally again from their next start. */
    CommandResult stopCrashLoop(const std::string &ns, const std::string &pod);
    CommandResult cordon(const std::string &node);
    CommandResult uncordon(const std::string &node);
    /** `kubectl drain`: cordons the node and evicts its pods. */
    CommandResult drain(const std::string &node);
    /** Stops a node's kubelet: it goes NotReady after 40 s and its pods are evicted after 5 min. */
    CommandResult failNode(const std::string &node);
    CommandResult recoverNode(const std::string &node);

    // --- Time ---
    /** Runs until no more foreground work is scheduled or `cap` of sim time has passed; true if settled. */
    bool settle(engine::SimTime cap = 10 * engine::kMinute) { return m_engine.settle(cap); }
    void runUntil(engine::SimTime t) { m_engine.runUntil(t); }

    /**
     * Sets the weights of one HTTPRoute rule's backendRefs, in order, as `kubectl edit` would; on error
     * (no such route or rule, wrong count, weight out of range) nothing changes.
     */
    CommandResult setBackendWeights(const std::string &ns, const std::string &route, int rule, const std::vector<int> &weights);
    /**
     * Sets a canary Ingress's ingress-nginx `canary-weight` annotation (its share of `canary-weight-total`)
     * as `kubectl annotate --overwrite` would; on error (no such Ingress, not a canary, weight below 0 or
     * above the total) nothing changes.
     */
    CommandResult setCanaryWeight(const std::string &ns, const std::string &ingress, int weight);

private:
    struct Prepared {
        api::Object object;
        api::ObjectPtr existing;
    };
    controllers::ControllerContext context() { return controllers::ControllerContext{m_engine, m_store, m_events}; }
    api::Object mergeForUpdate(const api::Object &desired, const api::ObjectPtr &existing) const;
    CommandResult updatePodAnnotations(const std::string &ns, const std::string &pod,
                                       const std::map<std::string, std::optional<std::string>> &changes,
                                       const std::string &message);
    CommandResult updateNode(const std::string &node, const std::function<bool(api::Object &)> &change,
                             const std::string &changed, const std::string &unchanged);

    engine::Engine m_engine;
    store::Store m_store;
    controllers::EventRecorder m_events;
    Admission m_admission;
    int m_admissionWatch = 0;
    std::unique_ptr<traffic::TrafficSystem> m_traffic;
    controllers::LoadBalancerController *m_loadBalancers = nullptr;
    std::vector<std::unique_ptr<controllers::Controller>> m_controllers;
};

/** kubectl's NotFound text: `deployments.apps "web" not found`. */
std::string notFoundMessage(api::Kind kind, const std::string &name);

/**
 * One of the Namespaces every new cluster holds (default, kube-node-lease, kube-public, kube-system) as the
 * cluster made it: no label or annotation of a user's. What a saved sandbox leaves out.
 */
bool isUntouchedSystemNamespace(const api::Object &object);

} // namespace sim
