#pragma once

#include "sim/controllers/controller.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sim::controllers {

/**
 * The default-scheduler: binds each Pending pod without a node to the feasible node with the best
 * least-allocated score (ties go to the node name that sorts first). Filters, in Kubernetes' plugin order:
 * NodeUnschedulable, TaintToleration, NodeAffinity (nodeSelector), NodeResourcesFit. A pod that fits
 * nowhere stays Pending with a FailedScheduling event and is retried when nodes or pods change.
 * When pods need a node and the cluster has none, it creates the default cluster (worker-1..3).
 */
class Scheduler : public Controller {
public:
    static constexpr const char *kComponent = "default-scheduler";
    static constexpr int kDefaultNodeCount = 3;

    explicit Scheduler(ControllerContext context);

    /** Creates the default nodes: worker-1..n, 4 CPU, 16Gi, 110 pods, InternalIP 10.0.0.(10+i). */
    static void createDefaultNodes(store::Store &store, int count = kDefaultNodeCount);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    struct Resources {
        std::int64_t cpu = 0;     // millicores
        std::int64_t memory = 0;  // milli-bytes, as Quantity keeps them
        bool operator==(const Resources &) const = default;
    };
    struct NodeInfo {
        api::ObjectPtr node;
        Resources allocatable;
        std::int64_t allocatablePods = 0;
        Resources requested;         // what pods asked for (filtering)
        Resources nonZeroRequested;  // with Kubernetes' defaults for pods that ask for nothing (scoring)
        std::int64_t pods = 0;
        int score = 0;
    };
    struct Placement {
        std::string node;
        Resources requests;
        Resources nonZeroRequests;
    };

    void onPodEvent(const store::WatchEvent &event);
    void onNodeEvent(const store::WatchEvent &event);
    bool isPlaced(store::Slot pod) const { return pod < m_placements.size() && m_placements[pod]; }
    void account(store::Slot pod, const api::Object &object);
    void unaccount(store::Slot pod);
    void updateScore(NodeInfo &info, const std::string &name, bool insert);
    void retryUnschedulable();
    /** The reason a node cannot take the pod, empty when it can (several reasons for resource fit). */
    std::vector<std::string> filter(const api::Object &pod, const NodeInfo &node, const Resources &requests) const;
    std::string failureMessage(const api::Object &pod, const Resources &requests) const;
    void bind(const api::ObjectPtr &pod, const std::string &nodeName);

    std::map<std::string, NodeInfo> m_nodes;
    std::set<std::pair<int, std::string>> m_byScore;  // (-score, node name): best first, then name order
    std::vector<std::optional<Placement>> m_placements;  // by pod slot: where the pod counts, if it does
    std::set<std::string> m_unschedulable;
};

} // namespace sim::controllers
