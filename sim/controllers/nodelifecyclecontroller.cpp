#include "sim/controllers/nodelifecyclecontroller.h"

#include "sim/controllers/deletion.h"
#include "sim/controllers/podipallocator.h"
#include "sim/controllers/simannotations.h"

#include <algorithm>

namespace sim::controllers {
namespace {

constexpr std::uint32_t kPodNetworkBase = (10u << 24) | (244u << 16);  // 10.244.0.0
constexpr std::uint32_t kFirstRangeBlocks = 12 * 256;                    // 10.244.0.0 - 10.255.255.0
constexpr std::uint32_t kSecondRangeBase = (10u << 24) | (128u << 16);   // then 10.128.0.0 - 10.143.255.0
constexpr std::uint32_t kSecondRangeBlocks = 16 * 256;

} // namespace

std::string NodeLifecycleController::internalIP(const api::Node &node)
{
    for (const api::NodeAddress &a : node.status.addresses) {
        if (a.type == "InternalIP")
            return a.address;
    }
    return {};
}

NodeLifecycleController::NodeLifecycleController(ControllerContext context)
    : Controller(context, "nodelifecycle", engine::milliseconds(1))
{
}

std::string NodeLifecycleController::podCIDRForIndex(std::uint32_t index)
{
    std::uint32_t base = 0;
    if (index < kFirstRangeBlocks)
        base = kPodNetworkBase + index * 256;
    else if (index < kFirstRangeBlocks + kSecondRangeBlocks)
        base = kSecondRangeBase + (index - kFirstRangeBlocks) * 256;
    else
        return {};
    return PodIpAllocator::formatIPv4(base) + "/24";
}

void NodeLifecycleController::onWatchEvent(const store::WatchEvent &event)
{
    const api::Object &o = *event.object;
    if (o.kind() != api::Kind::Node)
        return;
    const api::Node &node = o.as<api::Node>();
    if (event.type == store::WatchEventType::Deleted) {
        m_usedCIDRs.erase(node.spec.podCIDR);
        m_usedIPs.erase(internalIP(node));
        m_stoppedSince.erase(o.metadata.name);
        return;
    }
    if (!node.spec.podCIDR.empty())
        m_usedCIDRs.insert(node.spec.podCIDR);
    if (const std::string ip = internalIP(node); !ip.empty())
        m_usedIPs.insert(ip);
    enqueue(o.metadata.name);
}

bool NodeLifecycleController::completeRegistration(api::Object &o)
{
    api::Node &node = o.as<api::Node>();
    const api::Node before = node;
    if (node.spec.podCIDR.empty()) {
        std::string cidr;
        do
            cidr = podCIDRForIndex(m_nextCIDR++);
        while (!cidr.empty() && m_usedCIDRs.count(cidr));
        if (cidr.empty())
            events().warning(o, "CIDRNotAvailable", "Node " + o.metadata.name + " status is now: CIDRNotAvailable", kComponent);
        node.spec.podCIDR = cidr;
        m_usedCIDRs.insert(cidr);
    }
    if (internalIP(node).empty()) {
        std::string ip;
        do {
            ip = "10.0." + std::to_string(m_nextIP / 254) + "." + std::to_string(m_nextIP % 254 + 1);
            ++m_nextIP;
        } while (m_usedIPs.count(ip));
        m_usedIPs.insert(ip);
        // A manifest's InternalIP without an address would stay first and hide the one given here, so each
        // pass would add another: the given one replaces it.
        std::erase_if(node.status.addresses, [](const api::NodeAddress &a) { return a.type == "InternalIP"; });
        node.status.addresses.push_back(api::NodeAddress{"InternalIP", ip});
        const auto hostname = std::find_if(node.status.addresses.begin(), node.status.addresses.end(),
                                           [](const api::NodeAddress &a) { return a.type == "Hostname"; });
        if (hostname == node.status.addresses.end())
            node.status.addresses.push_back(api::NodeAddress{"Hostname", o.metadata.name});
    }
    if (node.status.capacity.empty())
        node.status.capacity = {{"cpu", *api::Quantity::parse("4")},
                                {"memory", *api::Quantity::parse("16Gi")},
                                {"pods", *api::Quantity::parse("110")}};
    if (node.status.allocatable.empty())
        node.status.allocatable = node.status.capacity;
    if (!api::findCondition(node.status.conditions, "Ready"))
        node.status.conditions.push_back(api::Condition{"Ready", "True", "KubeletReady", "kubelet is posting ready status", now(), 0});
    o.metadata.labels.edit().emplace("kubernetes.io/hostname", o.metadata.name);
    return !(node == before);
}

Controller::Result NodeLifecycleController::reconcile(const std::string &key)
{
    api::ObjectPtr node = store().get(api::Kind::Node, "", key);
    if (!node)
        return {};
    api::Object completed = *node;
    const bool labelsBefore = completed.metadata.labels->count("kubernetes.io/hostname");
    if (completeRegistration(completed) || !labelsBefore)
        node = store().update(std::move(completed));
    return watchHealth(node);
}

Controller::Result NodeLifecycleController::watchHealth(const api::ObjectPtr &node)
{
    const std::string &name = node->metadata.name;
    if (!flagAnnotation(node->metadata, annotation::kKubeletStopped)) {
        if (m_stoppedSince.erase(name))
            markReachable(node);
        return {};
    }
    auto [since, inserted] = m_stoppedSince.emplace(name, now());
    (void)inserted;
    const engine::SimTime unreachableAt = since->second + kMonitorGracePeriod;
    const engine::SimTime evictAt = unreachableAt + kEvictionTimeout;
    if (now() < unreachableAt)
        return Result{unreachableAt - now()};
    markUnreachable(node);
    if (now() < evictAt)
        return Result{evictAt - now()};
    evictPods(name);
    return {};
}

void NodeLifecycleController::markUnreachable(const api::ObjectPtr &node)
{
    api::Object updated = *node;
    api::Node &n = updated.as<api::Node>();
    api::setCondition(n.status.conditions,
                      api::Condition{"Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.", now(), 0});
    for (const char *effect : {"NoSchedule", "NoExecute"}) {
        const bool present = std::any_of(n.spec.taints.begin(), n.spec.taints.end(), [&](const api::Taint &t) {
            return t.key == kUnreachableTaint && t.effect == effect;
        });
        if (!present)
            n.spec.taints.push_back(api::Taint{kUnreachableTaint, "", effect});
    }
    if (updated.as<api::Node>() == node->as<api::Node>())
        return;
    store().update(std::move(updated));
    events().normal(*node, "NodeNotReady", "Node " + node->metadata.name + " status is now: NodeNotReady", kComponent);
    for (const api::ObjectPtr &pod : store().list(api::Kind::Pod)) {
        if (pod->as<api::Pod>().spec->nodeName != node->metadata.name)
            continue;
        api::Object notReady = *pod;
        api::Pod &p = notReady.as<api::Pod>();
        if (api::setCondition(p.status.conditions, api::Condition{"Ready", "False", "NodeNotReady", "", now(), 0}))
            store().updateStatus(std::move(notReady));
    }
}

void NodeLifecycleController::markReachable(const api::ObjectPtr &node)
{
    api::Object updated = *node;
    api::Node &n = updated.as<api::Node>();
    std::erase_if(n.spec.taints, [](const api::Taint &t) { return t.key == kUnreachableTaint; });
    api::setCondition(n.status.conditions, api::Condition{"Ready", "True", "KubeletReady", "kubelet is posting ready status", now(), 0});
    if (updated.as<api::Node>() == node->as<api::Node>())
        return;
    store().update(std::move(updated));
    events().normal(*node, "NodeReady", "Node " + node->metadata.name + " status is now: NodeReady", kComponent);
}

void NodeLifecycleController::evictPods(const std::string &node)
{
    for (const api::ObjectPtr &pod : store().list(api::Kind::Pod)) {
        if (pod->as<api::Pod>().spec->nodeName != node || isTerminating(*pod))
            continue;
        events().normal(*pod, "TaintManagerEviction", "Marking for deletion Pod " + pod->metadata.namespace_ + "/" +
                                                          pod->metadata.name, "taint-eviction-controller");
        deleteGracefully(store(), pod, now());
    }
}

} // namespace sim::controllers
