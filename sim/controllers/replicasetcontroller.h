#pragma once

#include "sim/controllers/controller.h"
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
    Result writeStatus(const api::ObjectPtr &rs);
    std::string podName(const api::Object &rs);

    std::unordered_map<std::string, engine::RandomStream> m_nameStreams;  // rs uid -> its pod-name stream
};

} // namespace sim::controllers
