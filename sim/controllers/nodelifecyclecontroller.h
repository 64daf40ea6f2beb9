#pragma once

#include "sim/controllers/controller.h"

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>

namespace sim::controllers {

/**
 * Node registration and health: completes a Node the way its kubelet and the node IPAM controller would
 * (podCIDR from 10.244.0.0/16 onwards, an InternalIP, capacity, Ready); when a node's kubelet stops
 * (kubesim.io/kubelet-stopped), after the node-monitor grace period (40 s) the node turns Ready=Unknown, gets
 * the unreachable taints and its pods turn not ready; after the default toleration (300 s) its pods are evicted.
 */
class NodeLifecycleController : public Controller {
public:
    static constexpr const char *kComponent = "node-controller";
    static constexpr engine::SimTime kMonitorGracePeriod = 40 * engine::kSecond;
    static constexpr engine::SimTime kEvictionTimeout = 300 * engine::kSecond;
    static constexpr const char *kUnreachableTaint = "node.kubernetes.io/unreachable";

    explicit NodeLifecycleController(ControllerContext context);

    /** The index-th node pod range: 10.244.<i>.0/24 and onwards; empty when the pod network is exhausted. */
    static std::string podCIDRForIndex(std::uint32_t index);
    /** The node's InternalIP address, empty when it has none. */
    static std::string internalIP(const api::Node &node);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    bool completeRegistration(api::Object &node);
    Result watchHealth(const api::ObjectPtr &node);
    void markUnreachable(const api::ObjectPtr &node);
    void markReachable(const api::ObjectPtr &node);
    void evictPods(const std::string &node);

    std::set<std::string> m_usedCIDRs;
    std::set<std::string> m_usedIPs;
    std::uint32_t m_nextCIDR = 1;
    std::uint32_t m_nextIP = 11;
    std::unordered_map<std::string, engine::SimTime> m_stoppedSince;
};

} // namespace sim::controllers
