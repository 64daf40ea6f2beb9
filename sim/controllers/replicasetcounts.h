#pragma once

#include "sim/api/object.h"
#include "sim/store/store.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace sim::controllers {

/**
 * The ReplicaSet controller's running tally of each ReplicaSet's active, fully labeled and ready pods, kept
 * current from pod watch events, so a pass reads three numbers instead of walking the ReplicaSet's pods.
 * A ReplicaSet is counted from its pods once (track), then every pod event adds the new state's share and
 * takes away the old one's; the sum is right whatever order nested events arrive in.
 */
class ReplicaSetCounts {
public:
    struct Counts {
        int replicas = 0;      // active pods (not terminating, not finished)
        int fullyLabeled = 0;  // active pods with the template's labels that the selector matches
        int ready = 0;         // active pods whose Ready condition is True
    };

    /** The counts of a tracked ReplicaSet; nullptr when untracked or its spec changed since it was counted. */
    const Counts *find(const api::Object &rs) const;
    /** Counts a ReplicaSet from its active pods and keeps the counts current from then on. */
    const Counts &track(const api::Object &rs, const std::vector<api::ObjectPtr> &active);
    /** Stops tracking a ReplicaSet (it was deleted). */
    void forget(const std::string &rsUid) { m_tallies.erase(rsUid); }
    /** Applies a pod watch event to the ReplicaSet(s) that control the pod before and after it. */
    void onPodEvent(const store::WatchEvent &event);

    /** A pod's labels hold the template's and the selector matches them (status.fullyLabeledReplicas). */
    static bool isFullyLabeled(const api::ReplicaSetSpec &spec, const api::Labels &labels);

private:
    struct Tally {
        std::string namespace_;
        std::int64_t generation = 0;  // the spec counted against (selector and template labels)
        api::LabelSelector selector;
        api::Shared<api::Labels> templateLabels;  // the pods made from the template share this object
        bool templateFullyLabeled = false;        // the answer for a pod whose labels are that very object
        Counts counts;
    };
    Tally *tallyOf(const api::Object &pod);
    static void add(Tally &tally, const api::Object &pod, int sign);

    std::unordered_map<std::string, Tally> m_tallies;  // ReplicaSet uid -> its tally
};

} // namespace sim::controllers
