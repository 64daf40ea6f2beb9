#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/labelpairindex.h"
#include "sim/engine/randomstream.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sim::controllers {

/**
 * The EndpointSlice controller: for each Service with a selector, slices named <service>-<5 characters>
 * (labels kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by) listing the matching
 * pods that have an IP, with ready / serving / terminating conditions, nodeName and targetRef. Target
 * ports are resolved per pod (a number, or a named container port); pods whose ports resolve differently
 * go to different slices; at most 100 endpoints per slice. Services without a selector keep the slices
 * their users wrote.
 */
class EndpointSliceController : public Controller {
public:
    static constexpr const char *kComponent = "endpointslice-controller";
    static constexpr const char *kManagedBy = "endpointslice-controller.k8s.io";
    static constexpr std::size_t kMaxEndpointsPerSlice = 100;
    // Changes that cannot hurt traffic (a not-ready endpoint appearing, more ready endpoints for a Service that
    // has some) are gathered for this long into one write, as kube-controller-manager's
    // --endpointslice-updates-batch-period=1s does. A ready endpoint leaving, and a Service's first ready
    // endpoint, are written at once: batching never sends a request to a pod that stopped being ready.
    static constexpr engine::SimTime kBatchPeriod = engine::seconds(1);

    explicit EndpointSliceController(ControllerContext context);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    struct Group {
        std::vector<std::optional<std::int32_t>> targets;  // each Service port's resolved port on these pods
        std::vector<api::EndpointPort> ports;               // the resolved ones, as the slice lists them
        std::vector<api::SharedEndpoint> endpoints;
    };
    struct PodEntry;
    static constexpr engine::SimTime kNotQueued = std::numeric_limits<engine::SimTime>::max();
    /**
     * The pods a Service selects, in name order: found in the label index, then kept until a pod in its namespace
     * comes, goes or is relabeled, or a Service selector changes, so most passes make no look-up per pod.
     */
    struct Selection {
        std::vector<store::Slot> pods;  // the pods' slots: their entries in m_pods
        std::uint64_t podsVersion = 0;      // the namespace's m_membership when found
        std::uint64_t servicesVersion = 0;  // m_servicesVersion when found (0: never)
    };
    /** What the controller keeps per Service key, from the Service's first sight until it is deleted. */
    struct ServiceState {
        Selection selection;
        std::size_t readyEndpoints = 0;  // ready endpoints in the slices as last written
        // When the queued pass for this key runs at the latest (kNotQueued: none known): a pod event finding its pass
        // queued soon enough skips the work queue's look-up, as the queue itself would do nothing. Cleared by the pass.
        engine::SimTime queuedAt = kNotQueued;
    };
    using Services = std::unordered_map<std::string, ServiceState>;  // service key -> its state; entries stay put
    using ServiceEntry = Services::value_type;
    /**
     * A pod as its last watch event showed it, with its endpoint, kept for later passes; the endpoint itself is shared
     * by the slices of every Service selecting the pod. The endpoint is built by the watch event that changes what it
     * shows (IP, readiness, termination, node, a finished phase), or by the first pass that needs it for a pod stored
     * before the controller watched, and kept until the next such event.
     */
    struct PodEntry {
        api::ObjectPtr pod;                      // null: not in the store
        std::optional<api::SharedEndpoint> endpoint;  // none: the pod has no endpoint (no IP yet, or finished)
        bool stale = true;                      // the endpoint is to be built from `pod`
        // The Services whose selector the pod's labels may match (LabelPairIndex::withAny), in name order, found at
        // m_servicesVersion `servicesVersion` (0: not yet): a pod's later events queue them without a look-up. Only
        // read while servicesVersion is current: a Service's entry leaves m_services only with a version bump.
        std::vector<ServiceEntry *> services;
        std::uint64_t servicesVersion = 0;
    };
    /**
     * Keeps the pod of a watch event in its entry, marking the endpoint stale when the change shows in it, and the
     * Service keys when the labels change. Returns the entry; nullptr for a deletion.
     */
    PodEntry *keepPod(const store::WatchEvent &event);
    /** The Services a pod's current labels may match, from its entry when still valid. */
    const std::vector<ServiceEntry *> &services(PodEntry &entry, const api::Object &pod);
    /**
     * The Services a pod with these labels in `ns` may match, in name order, kept per labels object (the pods of a
     * ReplicaSet share their template's) until a selector comes, goes or changes.
     */
    const std::vector<ServiceEntry *> &servicesOf(const std::string &ns, const api::Shared<api::Labels> &labels);
    /** The Services whose selector shares a pair with `labels`, in name order. */
    void appendServices(std::vector<ServiceEntry *> &out, const std::string &ns, const api::Labels &labels);
    /** Queues a Service's pass after `delay`, unless one is known to be queued no later. */
    void queue(ServiceEntry &service, engine::SimTime delay);
    static void buildEndpoint(PodEntry &entry);
    /** The entry of a pod's slot, made (empty) when the slot is new. */
    PodEntry &entryAt(store::Slot slot);
    const std::vector<store::Slot> &selectedPods(ServiceState &state, const api::Object &service);
    void onPodEvent(const store::WatchEvent &event);
    void onServiceEvent(const store::WatchEvent &event);
    std::vector<Group> desiredGroups(ServiceState &state, const api::Object &service);
    std::vector<api::EndpointSlice> desiredSlices(ServiceState &state, const api::Object &service);
    std::string sliceName(const api::Object &service);

    /** What a pod change does to the endpoints traffic uses: removes or changes a ready one, adds one, or neither. */
    enum class Change { Urgent, AddsReady, Harmless };
    static Change classify(const store::WatchEvent &event);

    LabelPairIndex m_podsByLabel;
    std::vector<PodEntry> m_pods;  // by pod slot: the pod and its endpoint (an empty entry: no pod seen at that slot)
    std::string m_podKey;          // look-up buffer for m_services
    Services m_services;
    struct LabelsServices {
        api::Shared<api::Labels> labels;  // held, so no other labels object takes its address while cached
        std::string ns;
        std::vector<ServiceEntry *> services;
    };
    static constexpr std::size_t kMaxCachedLabels = 4096;  // pods with labels of their own do not grow it for ever
    std::unordered_map<const api::Labels *, LabelsServices> m_servicesByLabels;  // servicesOf's, at m_servicesByLabelsVersion
    std::uint64_t m_servicesByLabelsVersion = 0;
    LabelPairIndex m_servicesBySelector;
    std::uint64_t m_servicesVersion = 1;  // bumped whenever m_servicesBySelector changes
    std::unordered_map<std::string, std::uint64_t> m_membership;  // namespace -> bumped when a pod comes, goes, relabels
    engine::RandomStream m_random;
};

} // namespace sim::controllers
