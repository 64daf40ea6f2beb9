#pragma once

#include "sim/controllers/controller.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace sim::controllers {

/**
 * The Deployment controller: one ReplicaSet per pod template (<deployment>-<pod-template-hash>), numbered
 * by the deployment.kubernetes.io/revision annotation. RollingUpdate follows the Kubernetes algorithm:
 * the new ReplicaSet grows while all ReplicaSets' replicas stay <= replicas + maxSurge, old ones shrink
 * while available pods stay >= replicas - maxUnavailable; a scale during a rollout shares replicas + maxSurge
 * out in proportion to the active ReplicaSets' sizes first. Recreate scales the old ones to zero and waits
 * for their pods to be gone before creating new ones. Writes status and the Available / Progressing
 * conditions that `kubectl rollout status` reads, and prunes old ReplicaSets past revisionHistoryLimit.
 */
class DeploymentController : public Controller {
public:
    static constexpr const char *kComponent = "deployment-controller";
    static constexpr const char *kRevisionAnnotation = "deployment.kubernetes.io/revision";
    static constexpr const char *kRevisionHistoryAnnotation = "deployment.kubernetes.io/revision-history";
    static constexpr const char *kDesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    static constexpr const char *kMaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";

    explicit DeploymentController(ControllerContext context);

    /** An int, or a percentage of total rounded up (maxSurge) or down (maxUnavailable). -1 when malformed. */
    static int scaledValue(const api::IntOrString &value, int total, bool roundUp);
    struct Fenceposts {
        int maxSurge = 0;
        int maxUnavailable = 0;
    };
    /** maxSurge and maxUnavailable resolved against spec.replicas (both zero: maxUnavailable 1, as Kubernetes does). */
    static Fenceposts resolveFenceposts(const api::Deployment &deployment);
    /** The revision number in a ReplicaSet's annotation, 0 when absent. */
    static long long revisionOf(const api::Object &replicaSet);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    struct Sets {
        api::ObjectPtr newRS;
        std::vector<api::ObjectPtr> old;  // oldest first
        std::vector<api::ObjectPtr> all() const;
    };
    Sets replicaSets(const api::Object &deployment);
    api::ObjectPtr ensureNewReplicaSet(const api::ObjectPtr &d, Sets &sets, int replicas);
    api::ObjectPtr scale(const api::ObjectPtr &d, const api::ObjectPtr &rs, int replicas);
    void rolloutRolling(const api::ObjectPtr &d, Sets &sets);
    void rolloutRecreate(const api::ObjectPtr &d, Sets &sets);
    /**
     * True when an active ReplicaSet, old or new, was sized for another spec.replicas (the Deployment was scaled
     * since); never for a Recreate Deployment with several active ReplicaSets, whose rollout scales them to zero.
     */
    static bool isScalingEvent(const api::Deployment &deployment, const Sets &sets);
    /**
     * Kubernetes' scale step (a scaling event, or a paused Deployment): one active ReplicaSet takes spec.replicas; a
     * saturated new one takes all, the old ones none; otherwise a rolling Deployment's replicas + maxSurge are shared
     * out in proportion to each active ReplicaSet's size, leftovers to the largest.
     */
    void scaleActive(const api::ObjectPtr &d, const Sets &sets);
    void scaleProportionally(const api::ObjectPtr &d, std::vector<api::ObjectPtr> active);
    void reconcileOldReplicaSets(const api::ObjectPtr &d, Sets &sets);
    void cleanupHistory(const api::Object &d, const Sets &sets);
    Result writeStatus(const api::ObjectPtr &d, const Sets &sets);
    bool hasOldPods(const Sets &sets);
    void setDeploymentRevision(const api::ObjectPtr &d, const api::ObjectPtr &newRS);

    std::unordered_map<std::string, engine::SimTime> m_lastProgress;  // deployment uid -> last time its rollout moved
};

} // namespace sim::controllers
