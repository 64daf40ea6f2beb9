#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/replicasetcounts.h"
#include "sim/engine/randomstream.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace sim::controllers {

/**
 * The ReplicaSet controller: counts the active pods a ReplicaSet controls, creates pods from its template
 * (named <rs>-<5 random characters>) or deletes the surplus in Kubernetes' order (unscheduled, Pending,
 * not ready, most recently ready, most restarts, newest first), then writes status: replicas, ready and
 * available (ready for minReadySeconds) replicas.
 */
class ReplicaSetController : public Controller {
public:
    static constexpr const char *kComponent = "replicaset-controller";
    // Readiness flips only change status counts: they are gathered for this long into one pass over the
    // ReplicaSet's pods, so a ReplicaSet of n pods coming up costs a few passes, not n (docs/performance.md).
    static constexpr engine::SimTime kReadinessBatch = engine::milliseconds(250);

    explicit ReplicaSetController(ControllerContext context);

    /** Available: ready, not terminating, and ready for at least minReadySeconds. */
    static bool isAvailable(const api::Object &pod, engine::SimTime minReady, engine::SimTime now);
    /** True for a pod that counts toward replicas: not terminating, not Succeeded or Failed. */
    static bool isActive(const api::Object &pod);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    void createPods(const api::ObjectPtr &rs, int count);
    void deletePods(const api::ObjectPtr &rs, std::vector<api::ObjectPtr> active, int count);
    /** The ReplicaSet's pods that count toward its replicas. */
    std::vector<api::ObjectPtr> activePods(const api::Object &rs);
    /** The ReplicaSet's counts, from the tally (counting its pods first when it has none for this spec). */
    const ReplicaSetCounts::Counts &counts(const api::Object &rs);
    Result writeStatus(const api::ObjectPtr &rs);
    /** The status from a walk over the active pods: what minReadySeconds needs (availability depends on the time). */
    api::ReplicaSetStatus walkStatus(const api::Object &rs, engine::SimTime &nextAvailable);
    /** What a pod change means to its ReplicaSet: which pods count (act now), only the ready counts, or nothing. */
    enum class PodChange { Membership, Readiness, None };
    static PodChange classify(const store::WatchEvent &event);
    std::string podName(const api::Object &rs);

    std::unordered_map<std::string, engine::RandomStream> m_nameStreams;  // rs uid -> its pod-name stream
    ReplicaSetCounts m_counts;
};

} // namespace sim::controllers
