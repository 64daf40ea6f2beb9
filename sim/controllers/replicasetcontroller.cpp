#include "sim/controllers/replicasetcontroller.h"

#include "sim/controllers/deletion.h"
#include "sim/controllers/podtemplatehash.h"

#include <algorithm>
#include <tuple>

namespace sim::controllers {
namespace {

engine::SimTime readySince(const api::Object &pod)
{
    const api::Condition *ready = api::findCondition(pod.as<api::Pod>().status.conditions, "Ready");
    return ready ? ready->lastTransitionTime : 0;
}

int phaseRank(const std::string &phase)
{
    // Pending < Unknown < Running: the earlier a pod is in its life, the cheaper it is to delete.
    if (phase == "Pending")
        return 0;
    if (phase == "Unknown")
        return 1;
    return 2;
}

int restarts(const api::Pod &pod)
{
    int n = 0;
    for (const api::ContainerStatus &cs : pod.status.containerStatuses)
        n = std::max(n, cs.restartCount);
    return n;
}

} // namespace

ReplicaSetController::ReplicaSetController(ControllerContext context)
    : Controller(context, "replicaset", engine::milliseconds(2))
{
}

bool ReplicaSetController::isActive(const api::Object &pod)
{
    const std::string &phase = pod.as<api::Pod>().status.phase;
    return !isTerminating(pod) && phase != "Succeeded" && phase != "Failed";
}

bool ReplicaSetController::isAvailable(const api::Object &pod, engine::SimTime minReady, engine::SimTime now)
{
    if (!isActive(pod) || !pod.as<api::Pod>().isReady())
        return false;
    return minReady <= 0 || readySince(pod) + minReady <= now;
}

ReplicaSetController::PodChange ReplicaSetController::classify(const store::WatchEvent &event)
{
    if (event.type != store::WatchEventType::Modified || !event.old)
        return PodChange::Membership;
    const api::Object &now = *event.object;
    const api::Object &before = *event.old;
    const api::OwnerReference *owner = now.metadata.controllerRef();
    const api::OwnerReference *ownerBefore = before.metadata.controllerRef();
    if (isActive(now) != isActive(before) || now.metadata.labels != before.metadata.labels ||
        (owner ? std::string_view(owner->uid) : std::string_view()) !=
            (ownerBefore ? std::string_view(ownerBefore->uid) : std::string_view()))
        return PodChange::Membership;
    if (now.as<api::Pod>().isReady() != before.as<api::Pod>().isReady() || readySince(now) != readySince(before))
        return PodChange::Readiness;
    return PodChange::None;
}

void ReplicaSetController::onWatchEvent(const store::WatchEvent &event)
{
    const api::Object &o = *event.object;
    if (o.kind() == api::Kind::ReplicaSet) {
        if (event.type == store::WatchEventType::Deleted) {
            m_nameStreams.erase(o.metadata.uid);
            m_counts.forget(o.metadata.uid);
        } else
            enqueue(keyOf(o.metadata.namespace_, o.metadata.name));
        return;
    }
    if (o.kind() != api::Kind::Pod)
        return;
    // The tally sees every change that moves a count, including a pod leaving its ReplicaSet.
    const PodChange change = classify(event);
    if (change != PodChange::None)
        m_counts.onPodEvent(event);
    const api::OwnerReference *owner = o.metadata.controllerRef();
    if (!owner || owner->kind != "ReplicaSet")
        return;
    switch (change) {
    case PodChange::Membership:
        enqueue(bufferedKey(o.metadata.namespace_, owner->name));
        break;
    case PodChange::Readiness:
        enqueueAfter(bufferedKey(o.metadata.namespace_, owner->name), kReadinessBatch);
        break;
    case PodChange::None:
        break;
    }
}

Controller::Result ReplicaSetController::reconcile(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    api::ObjectPtr rs = store().get(api::Kind::ReplicaSet, ns, name);
    if (!rs || isTerminating(*rs))
        return {};
    const int desired = rs->as<api::ReplicaSet>().spec.replicas;
    const int diff = counts(*rs).replicas - desired;
    if (diff == 0)
        return writeStatus(rs);
    if (diff < 0)
        createPods(rs, -diff);
    else
        deletePods(rs, activePods(*rs), diff);
    rs = store().get(api::Kind::ReplicaSet, ns, name);
    return writeStatus(rs);
}

const ReplicaSetCounts::Counts &ReplicaSetController::counts(const api::Object &rs)
{
    if (const ReplicaSetCounts::Counts *known = m_counts.find(rs))
        return *known;
    return m_counts.track(rs, activePods(rs));
}

std::string ReplicaSetController::podName(const api::Object &rs)
{
    auto it = m_nameStreams.find(rs.metadata.uid);
    if (it == m_nameStreams.end())
        it = m_nameStreams.emplace(rs.metadata.uid, engine().stream("replicaset/" + rs.metadata.namespace_ + "/" + rs.metadata.name)).first;
    while (true) {
        std::string suffix;
        for (int i = 0; i < 5; ++i)
            suffix.push_back(kSafeAlphabet[it->second.uniform(kSafeAlphabet.size())]);
        std::string name = rs.metadata.name + "-" + suffix;
        if (!store().get(api::Kind::Pod, rs.metadata.namespace_, name))
            return name;
    }
}

void ReplicaSetController::createPods(const api::ObjectPtr &rs, int count)
{
    const api::ReplicaSet &spec = rs->as<api::ReplicaSet>();
    for (int i = 0; i < count; ++i) {
        api::Object pod = api::makeObject(api::Kind::Pod);
        pod.metadata.name = podName(*rs);
        pod.metadata.generateName = rs->metadata.name + "-";
        pod.metadata.namespace_ = rs->metadata.namespace_;
        pod.metadata.labels = spec.spec.template_.labels;
        pod.metadata.annotations = spec.spec.template_.annotations;
        pod.metadata.ownerReferences.edit().push_back(
            api::OwnerReference{"apps/v1", "ReplicaSet", rs->metadata.name, rs->metadata.uid, true, true});
        pod.as<api::Pod>().spec = spec.spec.template_.spec;
        const std::string name = pod.metadata.name;
        store().create(std::move(pod));
        events().normal(*rs, "SuccessfulCreate", "Created pod: " + name, kComponent);
    }
}

void ReplicaSetController::deletePods(const api::ObjectPtr &rs, std::vector<api::ObjectPtr> active, int count)
{
    // Kubernetes' ActivePods ordering: the pods that come first are deleted first.
    auto rank = [](const api::ObjectPtr &p) {
        const api::Pod &pod = p->as<api::Pod>();
        const bool ready = pod.isReady();
        return std::make_tuple(!pod.spec->nodeName.empty(), phaseRank(pod.status.phase), ready,
                               ready ? -readySince(*p) : 0, -restarts(pod), -p->metadata.creationTimestamp,
                               p->metadata.name);
    };
    std::stable_sort(active.begin(), active.end(),
                     [&](const api::ObjectPtr &a, const api::ObjectPtr &b) { return rank(a) < rank(b); });
    for (int i = 0; i < count && i < static_cast<int>(active.size()); ++i) {
        deleteGracefully(store(), active[i], now());
        events().normal(*rs, "SuccessfulDelete", "Deleted pod: " + active[i]->metadata.name, kComponent);
    }
}

std::vector<api::ObjectPtr> ReplicaSetController::activePods(const api::Object &rs)
{
    std::vector<api::ObjectPtr> pods = store().listOwnedBy(api::Kind::Pod, rs.metadata.namespace_, rs.metadata.uid);
    std::erase_if(pods, [](const api::ObjectPtr &pod) { return !isActive(*pod); });
    return pods;
}

Controller::Result ReplicaSetController::writeStatus(const api::ObjectPtr &rs)
{
    api::ReplicaSetStatus status;
    engine::SimTime nextAvailable = 0;
    if (rs->as<api::ReplicaSet>().spec.minReadySeconds > 0) {
        status = walkStatus(*rs, nextAvailable);
    } else {
        // Without minReadySeconds a ready pod is available at once: the tally holds the whole status.
        const ReplicaSetCounts::Counts &c = counts(*rs);
        status.observedGeneration = rs->metadata.generation;
        status.replicas = c.replicas;
        status.fullyLabeledReplicas = c.fullyLabeled;
        status.readyReplicas = c.ready;
        status.availableReplicas = c.ready;
    }
    if (!(status == rs->as<api::ReplicaSet>().status)) {
        api::Object updated = *rs;
        updated.as<api::ReplicaSet>().status = status;
        store().updateStatus(std::move(updated));
    }
    // Pods ready but not yet for minReadySeconds become available later: look again then.
    return Result{nextAvailable > 0 ? nextAvailable - now() : 0};
}

api::ReplicaSetStatus ReplicaSetController::walkStatus(const api::Object &rs, engine::SimTime &nextAvailable)
{
    const api::ReplicaSetSpec &spec = rs.as<api::ReplicaSet>().spec;
    const engine::SimTime minReady = engine::seconds(spec.minReadySeconds);
    api::ReplicaSetStatus status;
    status.observedGeneration = rs.metadata.generation;
    for (const api::ObjectPtr &pod : activePods(rs)) {
        ++status.replicas;
        if (ReplicaSetCounts::isFullyLabeled(spec, pod->metadata.labels))
            ++status.fullyLabeledReplicas;
        if (!pod->as<api::Pod>().isReady())
            continue;
        ++status.readyReplicas;
        // isAvailable() for a pod already known active and ready: only minReadySeconds is left to check.
        const engine::SimTime at = minReady > 0 ? readySince(*pod) + minReady : 0;
        if (at <= now()) {
            ++status.availableReplicas;
        } else {
            nextAvailable = nextAvailable == 0 ? at : std::min(nextAvailable, at);
        }
    }
    return status;
}

} // namespace sim::controllers
