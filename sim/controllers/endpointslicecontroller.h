#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/labelpairindex.h"
#include "sim/engine/randomstream.h"

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
    // New ready endpoints of a Service that already has ready ones are gathered for this long into one write
    // (kube-controller-manager's --endpointslice-updates-batch-period=1s). Removals, and a Service's first
    // ready endpoint, are written at once: batching never sends a request to a pod that stopped being ready.
    static constexpr engine::SimTime kAdditionBatch = engine::seconds(1);

    explicit EndpointSliceController(ControllerContext context);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    struct Group {
        std::vector<api::EndpointPort> ports;
        std::vector<api::Endpoint> endpoints;
    };
    void onPodEvent(const store::WatchEvent &event);
    void onServiceEvent(const store::WatchEvent &event);
    std::vector<Group> desiredGroups(const api::Object &service);
    std::vector<api::EndpointSlice> desiredSlices(const api::Object &service);
    std::string sliceName(const api::Object &service);

    /** True when a pod change can only add a ready endpoint (it became ready, or got its IP while ready). */
    static bool onlyAddsReadyEndpoint(const store::WatchEvent &event);

    LabelPairIndex m_podsByLabel;
    std::unordered_map<std::string, std::size_t> m_readyEndpoints;  // service key -> ready endpoints last written
    LabelPairIndex m_servicesBySelector;
    engine::RandomStream m_random;
};

} // namespace sim::controllers
