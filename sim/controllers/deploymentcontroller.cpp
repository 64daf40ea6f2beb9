#include "sim/controllers/deploymentcontroller.h"

#include "sim/controllers/deletion.h"
#include "sim/controllers/podtemplatehash.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <optional>
#include <tuple>

namespace sim::controllers {
namespace {

int specReplicas(const api::ObjectPtr &rs) { return rs ? rs->as<api::ReplicaSet>().spec.replicas : 0; }
int availableOf(const api::ObjectPtr &rs) { return rs ? rs->as<api::ReplicaSet>().status.availableReplicas : 0; }

/** An annotation holding a whole number (the desired- and max-replicas ones); nullopt when absent or malformed. */
std::optional<int> intAnnotation(const api::Object &o, const char *key)
{
    auto it = o.metadata.annotations->find(key);
    if (it == o.metadata.annotations->end())
        return std::nullopt;
    int v = 0;
    const std::string &text = it->second;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return v;
}

/**
 * Kubernetes' GetProportion: how many of `toAdd` replicas (negative: to remove) a ReplicaSet takes when the
 * Deployment's replicas + maxSurge changes to `maxReplicas`, never more than what is left after `added`.
 */
int proportionOf(const api::Object &rs, const api::Deployment &d, int maxReplicas, int toAdd, int added)
{
    const int size = rs.as<api::ReplicaSet>().spec.replicas;
    if (size == 0 || toAdd == 0 || toAdd == added)
        return 0;
    int fraction = -size;  // scaling to zero: the whole ReplicaSet
    if (d.spec.replicas != 0) {
        // Its share of the replicas + maxSurge it was sized for (the status when the annotation is missing).
        int before = intAnnotation(rs, DeploymentController::kMaxReplicasAnnotation).value_or(0);
        if (before == 0)
            before = d.status.replicas;
        fraction = before == 0 ? 0 : static_cast<int>(std::lround(static_cast<double>(size) * maxReplicas / before)) - size;
    }
    const int allowed = toAdd - added;
    return toAdd > 0 ? std::min(fraction, allowed) : std::max(fraction, allowed);
}

template <class F> int sum(const std::vector<api::ObjectPtr> &sets, F f)
{
    return std::accumulate(sets.begin(), sets.end(), 0, [&](int acc, const api::ObjectPtr &rs) { return acc + f(rs); });
}

} // namespace

DeploymentController::DeploymentController(ControllerContext context)
    : Controller(context, "deployment", engine::milliseconds(3))
{
}

int DeploymentController::scaledValue(const api::IntOrString &value, int total, bool roundUp)
{
    if (value.isInt())
        return value.intValue();
    const std::string &s = value.stringValue();
    int percent = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), percent);
    if (ec != std::errc() || end + 1 != s.data() + s.size() || *end != '%' || percent < 0)
        return -1;
    const long long scaled = static_cast<long long>(percent) * total;
    return static_cast<int>(roundUp ? (scaled + 99) / 100 : scaled / 100);
}

DeploymentController::Fenceposts DeploymentController::resolveFenceposts(const api::Deployment &d)
{
    const api::RollingUpdateDeployment &ru = d.spec.strategy.rollingUpdate;
    Fenceposts f{std::max(0, scaledValue(ru.maxSurge, d.spec.replicas, true)),
                 std::max(0, scaledValue(ru.maxUnavailable, d.spec.replicas, false))};
    if (f.maxSurge == 0 && f.maxUnavailable == 0)
        f.maxUnavailable = 1;
    return f;
}

long long DeploymentController::revisionOf(const api::Object &rs)
{
    const std::string text = rs.metadata.annotation(kRevisionAnnotation, "0");
    long long v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

std::vector<api::ObjectPtr> DeploymentController::Sets::all() const
{
    std::vector<api::ObjectPtr> out = old;
    if (newRS)
        out.push_back(newRS);
    return out;
}

void DeploymentController::onWatchEvent(const store::WatchEvent &event)
{
    const api::Object &o = *event.object;
    switch (o.kind()) {
    case api::Kind::Deployment:
        if (event.type == store::WatchEventType::Deleted)
            m_lastProgress.erase(o.metadata.uid);
        else
            enqueue(keyOf(o.metadata.namespace_, o.metadata.name));
        break;
    case api::Kind::ReplicaSet:
        if (const api::OwnerReference *owner = o.metadata.controllerRef(); owner && owner->kind == "Deployment")
            enqueue(keyOf(o.metadata.namespace_, owner->name));
        break;
    case api::Kind::Pod:
        // Recreate waits until the old pods are gone, which no ReplicaSet status shows.
        if (event.type == store::WatchEventType::Deleted) {
            const api::OwnerReference *owner = o.metadata.controllerRef();
            api::ObjectPtr rs = owner ? store().get(api::Kind::ReplicaSet, o.metadata.namespace_, owner->name) : nullptr;
            const api::OwnerReference *deployment = rs ? rs->metadata.controllerRef() : nullptr;
            if (deployment && deployment->kind == "Deployment")
                enqueue(keyOf(o.metadata.namespace_, deployment->name));
        }
        break;
    default:
        break;
    }
}

DeploymentController::Sets DeploymentController::replicaSets(const api::Object &d)
{
    Sets sets;
    const std::string hash = podTemplateHash(d.as<api::Deployment>().spec.template_);
    for (const api::ObjectPtr &rs : store().listOwnedBy(api::Kind::ReplicaSet, d.metadata.namespace_, d.metadata.uid)) {
        if (isTerminating(*rs))
            continue;
        auto label = rs->metadata.labels->find(kPodTemplateHashLabel);
        if (!sets.newRS && label != rs->metadata.labels->end() && label->second == hash)
            sets.newRS = rs;
        else
            sets.old.push_back(rs);
    }
    std::sort(sets.old.begin(), sets.old.end(), [](const api::ObjectPtr &a, const api::ObjectPtr &b) {
        return std::make_pair(a->metadata.creationTimestamp, a->metadata.name) <
               std::make_pair(b->metadata.creationTimestamp, b->metadata.name);
    });
    return sets;
}

Controller::Result DeploymentController::reconcile(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    api::ObjectPtr d = store().get(api::Kind::Deployment, ns, name);
    if (!d || isTerminating(*d))
        return {};
    Sets sets = replicaSets(*d);
    const api::DeploymentSpec &spec = d->as<api::Deployment>().spec;
    // As Kubernetes: a paused Deployment, or one scaled since its ReplicaSets were sized, only scales this pass.
    if (spec.paused || isScalingEvent(d->as<api::Deployment>(), sets))
        scaleActive(d, sets);
    else if (spec.strategy.type == "Recreate")
        rolloutRecreate(d, sets);
    else
        rolloutRolling(d, sets);
    d = store().get(api::Kind::Deployment, ns, name);
    sets = replicaSets(*d);
    return writeStatus(d, sets);
}

api::ObjectPtr DeploymentController::ensureNewReplicaSet(const api::ObjectPtr &d, Sets &sets, int replicas)
{
    const api::Deployment &deployment = d->as<api::Deployment>();
    long long maxRevision = 0;
    for (const api::ObjectPtr &rs : sets.old)
        maxRevision = std::max(maxRevision, revisionOf(*rs));
    if (sets.newRS) {
        // An old template came back (rollout undo): its ReplicaSet becomes the newest revision.
        const long long revision = revisionOf(*sets.newRS);
        if (revision > maxRevision && sets.newRS->as<api::ReplicaSet>().spec.minReadySeconds == deployment.spec.minReadySeconds)
            return sets.newRS;
        api::Object updated = *sets.newRS;
        if (revision <= maxRevision) {
            std::string history = updated.metadata.annotation(kRevisionHistoryAnnotation);
            history += (history.empty() ? "" : ",") + std::to_string(revision);
            updated.metadata.annotations.edit()[kRevisionHistoryAnnotation] = history;
            updated.metadata.annotations.edit()[kRevisionAnnotation] = std::to_string(maxRevision + 1);
        }
        updated.as<api::ReplicaSet>().spec.minReadySeconds = deployment.spec.minReadySeconds;
        sets.newRS = store().update(std::move(updated));
        m_lastProgress[d->metadata.uid] = now();
        return sets.newRS;
    }
    const std::string hash = podTemplateHash(deployment.spec.template_);
    api::Object rs = api::makeObject(api::Kind::ReplicaSet);
    rs.metadata.name = d->metadata.name + "-" + hash;
    rs.metadata.namespace_ = d->metadata.namespace_;
    if (store().get(api::Kind::ReplicaSet, rs.metadata.namespace_, rs.metadata.name)) {
        events().warning(*d, "FailedCreate", "replicasets.apps \"" + rs.metadata.name + "\" already exists", kComponent);
        return nullptr;
    }
    rs.metadata.labels = deployment.spec.template_.labels;
    rs.metadata.labels.edit()[kPodTemplateHashLabel] = hash;
    for (const auto &[k, v] : *d->metadata.annotations) {
        if (k != "kubectl.kubernetes.io/last-applied-configuration" && k != kRevisionAnnotation)
            rs.metadata.annotations.edit()[k] = v;
    }
    const Fenceposts f = resolveFenceposts(deployment);
    rs.metadata.annotations.edit()[kRevisionAnnotation] = std::to_string(maxRevision + 1);
    rs.metadata.annotations.edit()[kDesiredReplicasAnnotation] = std::to_string(deployment.spec.replicas);
    rs.metadata.annotations.edit()[kMaxReplicasAnnotation] = std::to_string(deployment.spec.replicas + f.maxSurge);
    rs.metadata.ownerReferences.edit().push_back(
        api::OwnerReference{"apps/v1", "Deployment", d->metadata.name, d->metadata.uid, true, true});
    api::ReplicaSetSpec &rsSpec = rs.as<api::ReplicaSet>().spec;
    rsSpec.replicas = replicas;
    rsSpec.minReadySeconds = deployment.spec.minReadySeconds;
    rsSpec.selector = deployment.spec.selector;
    rsSpec.selector.matchLabels[kPodTemplateHashLabel] = hash;
    rsSpec.template_ = deployment.spec.template_;
    rsSpec.template_.labels.edit()[kPodTemplateHashLabel] = hash;
    sets.newRS = store().create(std::move(rs));
    m_lastProgress[d->metadata.uid] = now();
    events().normal(*d, "ScalingReplicaSet",
                    "Scaled up replica set " + sets.newRS->metadata.name + " to " + std::to_string(replicas), kComponent);
    return sets.newRS;
}

api::ObjectPtr DeploymentController::scale(const api::ObjectPtr &d, const api::ObjectPtr &rs, int replicas)
{
    const int from = specReplicas(rs);
    const api::Deployment &deployment = d->as<api::Deployment>();
    const std::string desired = std::to_string(deployment.spec.replicas);
    const std::string max = std::to_string(deployment.spec.replicas + resolveFenceposts(deployment).maxSurge);
    if (from == replicas && rs->metadata.annotation(kDesiredReplicasAnnotation) == desired &&
        rs->metadata.annotation(kMaxReplicasAnnotation) == max)
        return rs;
    api::Object updated = *rs;
    updated.as<api::ReplicaSet>().spec.replicas = replicas;
    updated.metadata.annotations.edit()[kDesiredReplicasAnnotation] = desired;
    updated.metadata.annotations.edit()[kMaxReplicasAnnotation] = max;
    api::ObjectPtr stored = store().update(std::move(updated));
    if (from != replicas) {
        m_lastProgress[d->metadata.uid] = now();
        events().normal(*d, "ScalingReplicaSet",
                        std::string(replicas > from ? "Scaled up" : "Scaled down") + " replica set " + rs->metadata.name +
                            " to " + std::to_string(replicas) + " from " + std::to_string(from),
                        kComponent);
    }
    return stored;
}

void DeploymentController::rolloutRolling(const api::ObjectPtr &d, Sets &sets)
{
    const api::Deployment &deployment = d->as<api::Deployment>();
    const int replicas = deployment.spec.replicas;
    const Fenceposts f = resolveFenceposts(deployment);
    // The new ReplicaSet grows while every ReplicaSet's replicas together stay within replicas + maxSurge.
    auto newTarget = [&](int current) {
        const int total = sum(sets.all(), specReplicas);
        if (current >= replicas)
            return replicas;
        const int maxTotal = replicas + f.maxSurge;
        if (total >= maxTotal)
            return current;
        return current + std::min(maxTotal - total, replicas - current);
    };
    if (!sets.newRS) {
        if (!ensureNewReplicaSet(d, sets, newTarget(0)))
            return;
    } else {
        ensureNewReplicaSet(d, sets, 0);
        sets.newRS = scale(d, sets.newRS, newTarget(specReplicas(sets.newRS)));
    }
    setDeploymentRevision(d, sets.newRS);
    reconcileOldReplicaSets(d, sets);
    const api::ReplicaSetStatus &status = sets.newRS->as<api::ReplicaSet>().status;
    const bool complete = sum(sets.old, specReplicas) == 0 && specReplicas(sets.newRS) == replicas &&
                          status.availableReplicas == replicas;
    if (complete)
        cleanupHistory(*d, sets);
}

void DeploymentController::reconcileOldReplicaSets(const api::ObjectPtr &d, Sets &sets)
{
    const api::Deployment &deployment = d->as<api::Deployment>();
    if (sum(sets.old, specReplicas) == 0)
        return;
    const int minAvailable = deployment.spec.replicas - resolveFenceposts(deployment).maxUnavailable;
    const int newUnavailable = specReplicas(sets.newRS) - availableOf(sets.newRS);
    const int maxScaledDown = sum(sets.all(), specReplicas) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0)
        return;
    // First the old pods that are not available anyway: removing them costs no availability.
    int cleaned = 0;
    for (api::ObjectPtr &rs : sets.old) {
        const int unhealthy = specReplicas(rs) - availableOf(rs);
        if (specReplicas(rs) == 0 || unhealthy <= 0 || cleaned >= maxScaledDown)
            continue;
        const int down = std::min(maxScaledDown - cleaned, unhealthy);
        rs = scale(d, rs, specReplicas(rs) - down);
        cleaned += down;
    }
    // Then available old pods, as long as availability stays at or above minAvailable.
    const int available = sum(sets.all(), availableOf);
    if (available <= minAvailable)
        return;
    int budget = available - minAvailable;
    for (api::ObjectPtr &rs : sets.old) {
        if (budget <= 0)
            break;
        if (specReplicas(rs) == 0)
            continue;
        const int down = std::min(specReplicas(rs), budget);
        rs = scale(d, rs, specReplicas(rs) - down);
        budget -= down;
    }
}

bool DeploymentController::hasOldPods(const Sets &sets)
{
    for (const api::ObjectPtr &rs : sets.old) {
        if (!store().listOwnedBy(api::Kind::Pod, rs->metadata.namespace_, rs->metadata.uid).empty())
            return true;
    }
    return false;
}

void DeploymentController::rolloutRecreate(const api::ObjectPtr &d, Sets &sets)
{
    bool scaledDown = false;
    for (api::ObjectPtr &rs : sets.old) {
        if (specReplicas(rs) > 0) {
            rs = scale(d, rs, 0);
            scaledDown = true;
        }
    }
    // No old pod may still run (even terminating) when the new ones start.
    if (scaledDown || hasOldPods(sets))
        return;
    const int replicas = d->as<api::Deployment>().spec.replicas;
    if (!sets.newRS) {
        if (!ensureNewReplicaSet(d, sets, replicas))
            return;
    } else {
        ensureNewReplicaSet(d, sets, replicas);
        sets.newRS = scale(d, sets.newRS, replicas);
    }
    setDeploymentRevision(d, sets.newRS);
    if (availableOf(sets.newRS) == replicas)
        cleanupHistory(*d, sets);
}

bool DeploymentController::isScalingEvent(const api::Deployment &deployment, const Sets &sets)
{
    // Old ReplicaSets count even before the new one exists: a scale and a new template at once first resize
    // the active ReplicaSets to the new replicas, and only then does the rollout start from there.
    int active = 0;
    bool resized = false;
    for (const api::ObjectPtr &rs : sets.all()) {
        if (specReplicas(rs) == 0)
            continue;
        ++active;
        const std::optional<int> desired = intAnnotation(*rs, kDesiredReplicasAnnotation);
        resized = resized || (desired && *desired != deployment.spec.replicas);
    }
    // Recreate shares nothing out between several active ReplicaSets (left by a rolling update it replaced): its
    // own rollout scales them all to zero, which a scaling event that leaves them as they are would hold off forever.
    return resized && (active <= 1 || deployment.spec.strategy.type != "Recreate");
}

void DeploymentController::scaleActive(const api::ObjectPtr &d, const Sets &sets)
{
    const api::Deployment &deployment = d->as<api::Deployment>();
    const int replicas = deployment.spec.replicas;
    std::vector<api::ObjectPtr> active;
    for (const api::ObjectPtr &rs : sets.all()) {
        if (specReplicas(rs) > 0)
            active.push_back(rs);
    }
    if (active.size() <= 1) {
        // One active ReplicaSet takes every replica; with none active, the newest does.
        const api::ObjectPtr target = !active.empty() ? active.front() : sets.newRS ? sets.newRS
                                                                    : !sets.old.empty() ? sets.old.back() : nullptr;
        if (target)
            scale(d, target, replicas);
        return;
    }
    const api::ObjectPtr &newRS = sets.newRS;
    if (newRS && specReplicas(newRS) == replicas && intAnnotation(*newRS, kDesiredReplicasAnnotation) == replicas &&
        availableOf(newRS) == replicas) {
        // The new ReplicaSet is saturated: the old ones have no part left.
        for (const api::ObjectPtr &rs : sets.old) {
            if (specReplicas(rs) > 0)
                scale(d, rs, 0);
        }
        return;
    }
    if (deployment.spec.strategy.type != "Recreate")
        scaleProportionally(d, std::move(active));
}

void DeploymentController::scaleProportionally(const api::ObjectPtr &d, std::vector<api::ObjectPtr> active)
{
    const api::Deployment &deployment = d->as<api::Deployment>();
    const int maxReplicas = deployment.spec.replicas + resolveFenceposts(deployment).maxSurge;
    const int allowed = deployment.spec.replicas > 0 ? maxReplicas : 0;
    const int toAdd = allowed - sum(active, specReplicas);
    if (toAdd != 0) {
        // Larger first; between equals, newer first when growing and older first when shrinking.
        std::sort(active.begin(), active.end(), [&](const api::ObjectPtr &a, const api::ObjectPtr &b) {
            if (specReplicas(a) != specReplicas(b))
                return specReplicas(a) > specReplicas(b);
            const auto ka = std::tie(a->metadata.creationTimestamp, a->metadata.name);
            const auto kb = std::tie(b->metadata.creationTimestamp, b->metadata.name);
            return toAdd > 0 ? kb < ka : ka < kb;
        });
    }
    std::vector<int> sizes;
    int added = 0;
    for (const api::ObjectPtr &rs : active) {
        const int proportion = proportionOf(*rs, deployment, maxReplicas, toAdd, added);
        sizes.push_back(specReplicas(rs) + proportion);
        added += proportion;
    }
    // What rounding left over goes to the largest.
    sizes.front() = std::max(0, sizes.front() + toAdd - added);
    for (std::size_t i = 0; i < active.size(); ++i)
        scale(d, active[i], sizes[i]);
}

void DeploymentController::setDeploymentRevision(const api::ObjectPtr &d, const api::ObjectPtr &newRS)
{
    const std::string revision = newRS->metadata.annotation(kRevisionAnnotation);
    api::ObjectPtr current = store().get(api::Kind::Deployment, d->metadata.namespace_, d->metadata.name);
    if (current->metadata.annotation(kRevisionAnnotation) == revision)
        return;
    api::Object updated = *current;
    updated.metadata.annotations.edit()[kRevisionAnnotation] = revision;
    store().update(std::move(updated));
}

void DeploymentController::cleanupHistory(const api::Object &d, const Sets &sets)
{
    std::vector<api::ObjectPtr> cleanable;
    for (const api::ObjectPtr &rs : sets.old) {
        const api::ReplicaSet &r = rs->as<api::ReplicaSet>();
        if (r.spec.replicas == 0 && r.status.replicas == 0 && r.status.observedGeneration >= rs->metadata.generation)
            cleanable.push_back(rs);
    }
    const int limit = std::max(0, d.as<api::Deployment>().spec.revisionHistoryLimit);
    const int excess = static_cast<int>(cleanable.size()) - limit;
    if (excess <= 0)
        return;
    std::sort(cleanable.begin(), cleanable.end(),
              [](const api::ObjectPtr &a, const api::ObjectPtr &b) { return revisionOf(*a) < revisionOf(*b); });
    for (int i = 0; i < excess; ++i)
        deleteGracefully(store(), cleanable[i], now());
}

Controller::Result DeploymentController::writeStatus(const api::ObjectPtr &d, const Sets &sets)
{
    const api::Deployment &deployment = d->as<api::Deployment>();
    const int replicas = deployment.spec.replicas;
    api::DeploymentStatus status = deployment.status;
    const std::vector<api::ObjectPtr> all = sets.all();
    status.observedGeneration = d->metadata.generation;
    status.replicas = sum(all, [](const api::ObjectPtr &rs) { return rs->as<api::ReplicaSet>().status.replicas; });
    status.updatedReplicas = sets.newRS ? sets.newRS->as<api::ReplicaSet>().status.replicas : 0;
    status.readyReplicas = sum(all, [](const api::ObjectPtr &rs) { return rs->as<api::ReplicaSet>().status.readyReplicas; });
    status.availableReplicas = sum(all, availableOf);
    status.unavailableReplicas = std::max(0, replicas - status.availableReplicas);

    const bool rolling = deployment.spec.strategy.type != "Recreate";
    const int minAvailable = replicas - (rolling ? resolveFenceposts(deployment).maxUnavailable : 0);
    if (status.availableReplicas >= minAvailable)
        api::setCondition(status.conditions, api::Condition{"Available", "True", "MinimumReplicasAvailable",
                                                            "Deployment has minimum availability.", now(), 0});
    else
        api::setCondition(status.conditions, api::Condition{"Available", "False", "MinimumReplicasUnavailable",
                                                            "Deployment does not have minimum availability.", now(), 0});

    const std::string rsName = sets.newRS ? sets.newRS->metadata.name : "";
    const bool complete = sets.newRS && status.updatedReplicas == replicas && status.replicas == replicas &&
                          status.availableReplicas == replicas;
    const engine::SimTime deadline = engine::seconds(deployment.spec.progressDeadlineSeconds);
    auto progress = m_lastProgress.find(d->metadata.uid);
    const engine::SimTime lastProgress = progress == m_lastProgress.end() ? d->metadata.creationTimestamp : progress->second;
    const bool countsMoved = status.replicas != deployment.status.replicas ||
                             status.updatedReplicas != deployment.status.updatedReplicas ||
                             status.availableReplicas != deployment.status.availableReplicas ||
                             status.readyReplicas != deployment.status.readyReplicas;
    Result result;
    if (deployment.spec.paused) {
        api::setCondition(status.conditions, api::Condition{"Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now(), 0});
    } else if (complete) {
        api::setCondition(status.conditions, api::Condition{"Progressing", "True", "NewReplicaSetAvailable",
                                                            "ReplicaSet \"" + rsName + "\" has successfully progressed.", now(), 0});
    } else if (countsMoved || now() - lastProgress < deadline) {
        if (countsMoved)
            m_lastProgress[d->metadata.uid] = now();
        const api::Condition *current = api::findCondition(status.conditions, "Progressing");
        const bool created = current && current->reason == "NewReplicaSetCreated" &&
                             current->message == "Created new replica set \"" + rsName + "\"";
        if (!created && sets.newRS && sets.newRS->metadata.creationTimestamp == now())
            api::setCondition(status.conditions, api::Condition{"Progressing", "True", "NewReplicaSetCreated",
                                                                "Created new replica set \"" + rsName + "\"", now(), 0});
        else if (!created || countsMoved)
            api::setCondition(status.conditions, api::Condition{"Progressing", "True", "ReplicaSetUpdated",
                                                                "ReplicaSet \"" + rsName + "\" is progressing.", now(), 0});
        result = Result{deadline - (now() - (countsMoved ? now() : lastProgress)), true};
    } else {
        api::setCondition(status.conditions, api::Condition{"Progressing", "False", "ProgressDeadlineExceeded",
                                                            "ReplicaSet \"" + rsName + "\" has timed out progressing.", now(), 0});
    }
    if (!(status == deployment.status)) {
        api::Object updated = *d;
        updated.as<api::Deployment>().status = std::move(status);
        store().updateStatus(std::move(updated));
    }
    return result;
}

} // namespace sim::controllers
