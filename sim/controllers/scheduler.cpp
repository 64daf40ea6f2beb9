#include "sim/controllers/scheduler.h"

#include "sim/controllers/deletion.h"

#include <algorithm>

namespace sim::controllers {
namespace {

constexpr std::int64_t kMilli = 1000;
constexpr std::int64_t kMi = 1024LL * 1024LL * kMilli;
// Kubernetes scores a container that requests nothing as if it asked for 100m CPU and 200Mi.
constexpr std::int64_t kDefaultCpuRequest = 100;
constexpr std::int64_t kDefaultMemoryRequest = 200 * kMi;

std::int64_t quantity(const std::map<std::string, api::Quantity> &m, const std::string &name, std::int64_t fallback)
{
    auto it = m.find(name);
    return it == m.end() ? fallback : it->second.milli;
}

bool isBound(const api::Pod &pod) { return !pod.spec->nodeName.empty(); }
bool isFinished(const api::Pod &pod) { return pod.status.phase == "Succeeded" || pod.status.phase == "Failed"; }

bool tolerates(const api::Toleration &t, const api::Taint &taint)
{
    if (!t.effect.empty() && t.effect != taint.effect)
        return false;
    if (t.op == "Exists")
        return t.key.empty() || t.key == taint.key;
    return t.key == taint.key && t.value == taint.value;
}

const api::Taint *untoleratedTaint(const api::Pod &pod, const api::Node &node)
{
    for (const api::Taint &taint : node.spec.taints) {
        if (taint.effect != "NoSchedule" && taint.effect != "NoExecute")
            continue;
        const bool tolerated = std::any_of(pod.spec->tolerations.begin(), pod.spec->tolerations.end(),
                                           [&](const api::Toleration &t) { return tolerates(t, taint); });
        if (!tolerated)
            return &taint;
    }
    return nullptr;
}

bool matchesNodeSelector(const api::Pod &pod, const api::Object &node)
{
    for (const auto &[k, v] : pod.spec->nodeSelector) {
        auto it = node.metadata.labels->find(k);
        if (it == node.metadata.labels->end() || it->second != v)
            return false;
    }
    return true;
}

api::Quantity parsed(const char *text) { return *api::Quantity::parse(text); }

} // namespace

Scheduler::Scheduler(ControllerContext context) : Controller(context, "scheduler", engine::milliseconds(1)) {}

void Scheduler::createDefaultNodes(store::Store &store, int count)
{
    for (int i = 1; i <= count; ++i) {
        api::Object o = api::makeObject(api::Kind::Node);
        o.metadata.name = "worker-" + std::to_string(i);
        o.metadata.labels = api::Labels{{"kubernetes.io/hostname", o.metadata.name},
                             {"kubernetes.io/os", "linux"},
                             {"kubernetes.io/arch", "amd64"}};
        api::Node &node = o.as<api::Node>();
        node.status.capacity = {{"cpu", parsed("4")}, {"memory", parsed("16Gi")}, {"pods", parsed("110")}};
        node.status.allocatable = node.status.capacity;
        node.status.addresses = {{"InternalIP", "10.0.0." + std::to_string(10 + i)}, {"Hostname", o.metadata.name}};
        node.status.conditions.push_back(
            api::Condition{"Ready", "True", "KubeletReady", "kubelet is posting ready status", 0, 0});
        store.create(std::move(o));
    }
}

void Scheduler::onWatchEvent(const store::WatchEvent &event)
{
    if (event.object->kind() == api::Kind::Pod)
        onPodEvent(event);
    else if (event.object->kind() == api::Kind::Node)
        onNodeEvent(event);
}

void Scheduler::onPodEvent(const store::WatchEvent &event)
{
    const api::Object &o = *event.object;
    const api::Pod &pod = o.as<api::Pod>();
    const std::string &key = bufferedKey(o.metadata.namespace_, o.metadata.name);
    if (event.type == store::WatchEventType::Deleted || isFinished(pod)) {
        m_unschedulable.erase(key);
        if (isPlaced(event.slot)) {
            unaccount(event.slot);
            retryUnschedulable();
        }
        return;
    }
    // A bound pod counts on its node from its first bound version on (the bind's own write, for the pods placed here).
    if (isBound(pod)) {
        if (!isPlaced(event.slot))
            account(event.slot, o);
        return;
    }
    // An unschedulable pod waits for a change in the cluster, not for its own status writes.
    if (!isTerminating(o) && !m_unschedulable.count(key))
        enqueue(key);
}

void Scheduler::onNodeEvent(const store::WatchEvent &event)
{
    const api::Object &o = *event.object;
    const std::string &name = o.metadata.name;
    auto it = m_nodes.find(name);
    if (event.type == store::WatchEventType::Deleted) {
        if (it != m_nodes.end()) {
            updateScore(it->second, name, false);
            m_nodes.erase(it);
        }
        return;
    }
    if (it == m_nodes.end())
        it = m_nodes.emplace(name, NodeInfo{}).first;
    else
        updateScore(it->second, name, false);
    NodeInfo &info = it->second;
    const api::Node &node = o.as<api::Node>();
    info.node = event.object;
    info.allocatable = Resources{quantity(node.status.allocatable, "cpu", 0), quantity(node.status.allocatable, "memory", 0)};
    info.allocatablePods = quantity(node.status.allocatable, "pods", 0) / kMilli;
    updateScore(info, name, true);
    retryUnschedulable();
}

void Scheduler::updateScore(NodeInfo &info, const std::string &name, bool insert)
{
    if (!insert) {
        m_byScore.erase({-info.score, name});
        return;
    }
    // LeastAllocated: the share of CPU and memory still free, 0..100, averaged with equal weights.
    auto freeShare = [](std::int64_t allocatable, std::int64_t requested) -> std::int64_t {
        if (allocatable <= 0 || requested >= allocatable)
            return 0;
        return (allocatable - requested) * 100 / allocatable;
    };
    info.score = static_cast<int>((freeShare(info.allocatable.cpu, info.nonZeroRequested.cpu) +
                                   freeShare(info.allocatable.memory, info.nonZeroRequested.memory)) / 2);
    m_byScore.insert({-info.score, name});
}

void Scheduler::account(store::Slot pod, const api::Object &object)
{
    Placement placement;
    placement.node = object.as<api::Pod>().spec->nodeName;
    for (const api::Container &c : object.as<api::Pod>().spec->containers) {
        const std::int64_t cpu = quantity(c.resources.requests, "cpu", 0);
        const std::int64_t memory = quantity(c.resources.requests, "memory", 0);
        placement.requests.cpu += cpu;
        placement.requests.memory += memory;
        placement.nonZeroRequests.cpu += cpu > 0 ? cpu : kDefaultCpuRequest;
        placement.nonZeroRequests.memory += memory > 0 ? memory : kDefaultMemoryRequest;
    }
    auto node = m_nodes.find(placement.node);
    if (node != m_nodes.end()) {
        updateScore(node->second, placement.node, false);
        node->second.requested.cpu += placement.requests.cpu;
        node->second.requested.memory += placement.requests.memory;
        node->second.nonZeroRequested.cpu += placement.nonZeroRequests.cpu;
        node->second.nonZeroRequested.memory += placement.nonZeroRequests.memory;
        ++node->second.pods;
        updateScore(node->second, placement.node, true);
    }
    if (pod >= m_placements.size())
        m_placements.resize(pod + 1);
    m_placements[pod] = std::move(placement);
}

void Scheduler::unaccount(store::Slot pod)
{
    const Placement &placement = *m_placements[pod];
    auto node = m_nodes.find(placement.node);
    if (node != m_nodes.end()) {
        updateScore(node->second, placement.node, false);
        node->second.requested.cpu -= placement.requests.cpu;
        node->second.requested.memory -= placement.requests.memory;
        node->second.nonZeroRequested.cpu -= placement.nonZeroRequests.cpu;
        node->second.nonZeroRequested.memory -= placement.nonZeroRequests.memory;
        --node->second.pods;
        updateScore(node->second, placement.node, true);
    }
    m_placements[pod].reset();
}

void Scheduler::retryUnschedulable()
{
    for (const std::string &key : m_unschedulable)
        enqueue(key);
    m_unschedulable.clear();
}

std::vector<std::string> Scheduler::filter(const api::Object &pod, const NodeInfo &info, const Resources &requests) const
{
    const api::Pod &p = pod.as<api::Pod>();
    const api::Node &node = info.node->as<api::Node>();
    if (node.spec.unschedulable)
        return {"node(s) were unschedulable"};
    if (const api::Taint *taint = untoleratedTaint(p, node))
        return {"node(s) had untolerated taint {" + taint->key + ": " + taint->value + "}"};
    if (!matchesNodeSelector(p, *info.node))
        return {"node(s) didn't match Pod's node affinity/selector"};
    std::vector<std::string> reasons;
    if (info.pods + 1 > info.allocatablePods)
        reasons.push_back("Too many pods");
    if (requests.cpu > 0 && info.requested.cpu + requests.cpu > info.allocatable.cpu)
        reasons.push_back("Insufficient cpu");
    if (requests.memory > 0 && info.requested.memory + requests.memory > info.allocatable.memory)
        reasons.push_back("Insufficient memory");
    return reasons;
}

std::string Scheduler::failureMessage(const api::Object &pod, const Resources &requests) const
{
    std::map<std::string, int> counts;
    for (const auto &[name, info] : m_nodes) {
        for (const std::string &reason : filter(pod, info, requests))
            ++counts[reason];
    }
    std::vector<std::string> parts;
    for (const auto &[reason, count] : counts)
        parts.push_back(std::to_string(count) + " " + reason);
    std::sort(parts.begin(), parts.end());
    std::string message = "0/" + std::to_string(m_nodes.size()) + " nodes are available";
    for (std::size_t i = 0; i < parts.size(); ++i)
        message += (i == 0 ? ": " : ", ") + parts[i];
    return message + ".";
}

Controller::Result Scheduler::reconcile(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    api::ObjectPtr pod = store().get(api::Kind::Pod, ns, name);
    if (!pod || isBound(pod->as<api::Pod>()) || isTerminating(*pod) || isFinished(pod->as<api::Pod>()))
        return {};
    if (m_nodes.empty() && store().count(api::Kind::Node) == 0)
        createDefaultNodes(store());
    Resources requests;
    for (const api::Container &c : pod->as<api::Pod>().spec->containers) {
        requests.cpu += quantity(c.resources.requests, "cpu", 0);
        requests.memory += quantity(c.resources.requests, "memory", 0);
    }
    for (const auto &[negScore, nodeName] : m_byScore) {
        if (filter(*pod, m_nodes.at(nodeName), requests).empty()) {
            bind(pod, std::string(nodeName));  // a copy: binding re-scores the node, replacing this entry
            return {};
        }
    }
    m_unschedulable.insert(key);
    const std::string message = failureMessage(*pod, requests);
    events().warning(*pod, "FailedScheduling", message, kComponent);
    api::Object pending = *pod;
    if (api::setCondition(pending.as<api::Pod>().status.conditions,
                          api::Condition{"PodScheduled", "False", "Unschedulable", message, now(), 0}))
        store().updateStatus(std::move(pending));
    return {};
}

void Scheduler::bind(const api::ObjectPtr &pod, const std::string &nodeName)
{
    api::Object bound = *pod;
    api::Pod &p = bound.as<api::Pod>();
    p.spec.edit().nodeName = nodeName;
    api::setCondition(p.status.conditions, api::Condition{"PodScheduled", "True", "", "", now(), 0});
    const std::string key = keyOf(bound.metadata.namespace_, bound.metadata.name);
    api::ObjectPtr stored = store().update(std::move(bound));
    events().normal(*stored, "Scheduled",
                    "Successfully assigned " + key + " to " + nodeName, kComponent);
}

} // namespace sim::controllers
