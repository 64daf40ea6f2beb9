#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/labelpairindex.h"
#include "sim/engine/randomstream.h"

#include <cstdint>
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
        std::vector<api::Endpoint> endpoints;
    };
    /** A pod's endpoint as one version of it shows, kept between passes and shared by every Service selecting it. */
    struct CachedEndpoint {
        std::uint64_t resourceVersion = 0;  // of the pod version it was built from (no pointer: old versions are freed)
        api::Endpoint endpoint;
    };
    /** The endpoint of this version of the pod (built when the pod changed since its last use); null when it has none. */
    const api::Endpoint *endpointOf(const api::ObjectPtr &pod);
    void onPodEvent(const store::WatchEvent &event);
    void onServiceEvent(const store::WatchEvent &event);
    std::vector<Group> desiredGroups(const api::Object &service);
    std::vector<api::EndpointSlice> desiredSlices(const api::Object &service);
    std::string sliceName(const api::Object &service);

    /** What a pod change does to the endpoints traffic uses: removes or changes a ready one, adds one, or neither. */
    enum class Change { Urgent, AddsReady, Harmless };
    static Change classify(const store::WatchEvent &event);
    /** True when the Service's slices, as last written, hold a ready endpoint. */
    bool hasReadyEndpoints(const std::string &serviceKey) const;

    LabelPairIndex m_podsByLabel;
    std::unordered_map<std::string, CachedEndpoint> m_endpoints;  // pod uid -> its endpoint
    std::unordered_map<std::string, std::size_t> m_readyEndpoints;  // service key -> ready endpoints last written
    LabelPairIndex m_servicesBySelector;
    engine::RandomStream m_random;
};

} // namespace sim::controllers
