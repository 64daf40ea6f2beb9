#include "sim/controllers/replicasetcounts.h"

#include "sim/controllers/replicasetcontroller.h"

#include <algorithm>

namespace sim::controllers {
namespace {

bool fullyLabeled(const api::LabelSelector &selector, const api::Labels &templateLabels, const api::Labels &labels)
{
    return selector.matches(labels) && std::all_of(templateLabels.begin(), templateLabels.end(), [&](const auto &kv) {
               auto it = labels.find(kv.first);
               return it != labels.end() && it->second == kv.second;
           });
}

} // namespace

bool ReplicaSetCounts::isFullyLabeled(const api::ReplicaSetSpec &spec, const api::Labels &labels)
{
    return fullyLabeled(spec.selector, spec.template_.labels, labels);
}

const ReplicaSetCounts::Counts *ReplicaSetCounts::find(const api::Object &rs) const
{
    auto it = m_tallies.find(rs.metadata.uid);
    if (it == m_tallies.end() || it->second.generation != rs.metadata.generation)
        return nullptr;
    return &it->second.counts;
}

const ReplicaSetCounts::Counts &ReplicaSetCounts::track(const api::Object &rs, const std::vector<api::ObjectPtr> &active)
{
    const api::ReplicaSetSpec &spec = rs.as<api::ReplicaSet>().spec;
    Tally &tally = m_tallies[rs.metadata.uid];
    tally = Tally{rs.metadata.namespace_, rs.metadata.generation, spec.selector, spec.template_.labels,
                  isFullyLabeled(spec, *spec.template_.labels), {}};
    for (const api::ObjectPtr &pod : active)
        add(tally, *pod, 1);
    return tally.counts;
}

void ReplicaSetCounts::onPodEvent(const store::WatchEvent &event)
{
    if (m_tallies.empty())
        return;
    // Deleted carries the last state as both object and old: it only takes that state away.
    Tally *before = event.old ? tallyOf(*event.old) : nullptr;
    if (before)
        add(*before, *event.old, -1);
    if (event.type != store::WatchEventType::Deleted) {
        // Versions with the same owner references (nearly every write) count toward the same tally: one look-up.
        const bool sameOwners = event.old && event.old->metadata.ownerReferences == event.object->metadata.ownerReferences;
        if (Tally *after = sameOwners ? before : tallyOf(*event.object))
            add(*after, *event.object, 1);
    }
}

ReplicaSetCounts::Tally *ReplicaSetCounts::tallyOf(const api::Object &pod)
{
    // As Store::listOwnedBy: the pod's controller owner reference, in the ReplicaSet's namespace.
    const api::OwnerReference *owner = pod.metadata.controllerRef();
    if (!owner)
        return nullptr;
    auto it = m_tallies.find(owner->uid);
    if (it == m_tallies.end() || it->second.namespace_ != pod.metadata.namespace_)
        return nullptr;
    return &it->second;
}

void ReplicaSetCounts::add(Tally &tally, const api::Object &pod, int sign)
{
    if (!ReplicaSetController::isActive(pod))
        return;
    tally.counts.replicas += sign;
    // A pod still holding its template's labels (the ReplicaSet's own pods, unless relabeled) needs no label check.
    const bool templateLabels = &*pod.metadata.labels == &*tally.templateLabels;
    if (templateLabels ? tally.templateFullyLabeled : fullyLabeled(tally.selector, *tally.templateLabels, pod.metadata.labels))
        tally.counts.fullyLabeled += sign;
    if (pod.as<api::Pod>().isReady())
        tally.counts.ready += sign;
}

} // namespace sim::controllers
