#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/podipallocator.h"
#include "sim/engine/randomstream.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace sim::controllers {

/**
 * Every node's kubelet: runs the pods bound to its node. Pending -> ContainerCreating (sandbox and pod IP,
 * then per container: image pull, serialized per node, Created, Started) -> Running; readiness probes
 * decide Ready; crashes restart with back-off (CrashLoopBackOff, 10 s doubling up to 5 min); a deleted pod
 * gets SIGTERM and is removed when its containers exit, at the latest after its grace period.
 * Repeating work (probes that change nothing, crash loops) is background work: settle() does not wait for it.
 */
class Kubelet : public Controller {
public:
    static constexpr const char *kComponent = "kubelet";
    static constexpr engine::SimTime kMaxBackOff = 5 * engine::kMinute;
    static constexpr engine::SimTime kInitialBackOff = 10 * engine::kSecond;

    explicit Kubelet(ControllerContext context);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    enum class ContainerState { Creating, Running, BackOff, Terminated };
    struct ContainerRuntime {
        std::string name;
        ContainerState state = ContainerState::Creating;
        bool ready = false;
        bool everStarted = false;
        std::int32_t restartCount = 0;
        int backOffStep = 0;
        engine::SimTime startedAt = 0;
        engine::SimTime finishedAt = 0;
        std::int32_t lastExitCode = 0;
        int probeSuccesses = 0;
        int probeFailures = 0;
        engine::SimTime nextProbeAt = 0;
        engine::SimTime pullRequestedAt = 0;
        engine::SimTime pullDuration = 0;
        engine::SimTime currentBackOff = 0;
        engine::EventId probeTimer = 0;
        engine::EventId crashTimer = 0;
        engine::EventId restartTimer = 0;  // the restart after back-off, when one is pending
        engine::SimTime restartAt = 0;
        engine::Engine::Work restartWork = engine::Engine::Work::Background;
    };
    /** A pod's runtime, at its pod's slot in m_pods; serial 0: no runtime at that slot. */
    struct PodRuntime {
        std::string uid;
        std::uint64_t serial = 0;  // this runtime's number: a scheduled step checks it, not a copy of the uid
        api::ObjectPtr pod;        // the store's current version of the pod, kept by its watch events
        std::string node;
        std::string ip;
        std::string hostIP;
        bool terminating = false;
        bool frozen = false;
        std::vector<ContainerRuntime> containers;
        std::vector<engine::EventId> timers;  // start-up chain, restarts, shutdown
    };

    void onPodEvent(const store::WatchEvent &event);
    void onNodeEvent(const store::WatchEvent &event);
    bool isNodeStopped(const std::string &node) const;

    Result startPod(store::Slot slot, const std::string &key, const api::ObjectPtr &pod);
    void startContainer(store::Slot slot, std::size_t index);
    void createContainer(store::Slot slot, std::size_t index);
    void imagePulled(store::Slot slot, std::size_t index);
    void containerStarted(store::Slot slot, std::size_t index);
    void probe(store::Slot slot, std::size_t index);
    void crash(store::Slot slot, std::size_t index);
    void restart(store::Slot slot, std::size_t index);
    void beginTermination(store::Slot slot, const api::ObjectPtr &pod);
    void finishTermination(store::Slot slot, std::size_t unused);
    void freeze(PodRuntime &runtime);
    void resume(store::Slot slot, const api::ObjectPtr &pod);
    void refreshTimers(store::Slot slot, const api::ObjectPtr &pod);
    void scheduleProbe(store::Slot slot, std::size_t index, engine::SimTime at);
    std::string probeFailure(const api::Object &pod, const api::Probe &probe) const;
    void scheduleCrash(store::Slot slot, std::size_t index);
    /** The restart after back-off at `at`: background work while the container still crash-loops. */
    void scheduleRestart(store::Slot slot, std::size_t index, engine::SimTime at);
    engine::Engine::Work restartWork(const api::Object &pod, const std::string &container) const;
    void cancelTimers(PodRuntime &runtime);
    void forget(store::Slot slot, const std::string &key);

    using Step = void (Kubelet::*)(store::Slot, std::size_t);
    /** Schedules a step for a pod; it does nothing if the pod's runtime has gone or was replaced by then. */
    engine::EventId scheduleStep(store::Slot slot, engine::SimTime at, Step step, std::size_t index,
                                 engine::Engine::Work work);
    /** A pod-scoped timer in the runtime's list, cancelled when the pod stops or its node fails. */
    void after(store::Slot slot, engine::SimTime delay, void (Kubelet::*step)(store::Slot, std::size_t),
               std::size_t index, engine::Engine::Work work = engine::Engine::Work::Foreground);
    /** The runtime at a pod's slot; nullptr when none. */
    PodRuntime *runtime(store::Slot slot);
    /** The pod of a slot's runtime (which a step checks is there). */
    const api::ObjectPtr &pod(store::Slot slot) const { return m_pods[slot].pod; }
    /** Writes the pod status the runtime implies (only when it differs). */
    void writeStatus(store::Slot slot);
    bool readinessFails(const api::Object &pod) const;
    std::optional<engine::SimTime> crashAfter(const api::Object &pod, const std::string &container) const;
    engine::SimTime draw(engine::SimTime min, engine::SimTime max);

    engine::RandomStream m_random;
    PodIpAllocator m_ipam;
    std::vector<PodRuntime> m_pods;  // by pod slot (store::Slot): the runtimes
    std::map<std::string, std::map<std::string, store::Slot>> m_podsByNode;  // node -> its pods' keys (in order) and slots
    std::unordered_map<std::string, engine::SimTime> m_pullQueueFreeAt;             // node -> when its image puller is free
    std::unordered_map<std::string, std::map<std::string, engine::SimTime>> m_images;  // node -> image -> present from
    std::set<std::string> m_stoppedNodes;
    std::uint64_t m_runtimeSerial = 0;  // the last PodRuntime::serial handed out
};

} // namespace sim::controllers
