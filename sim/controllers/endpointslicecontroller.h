#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/labelpairindex.h"
#include "sim/engine/randomstream.h"

#include <string>
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

    LabelPairIndex m_podsByLabel;
    LabelPairIndex m_servicesBySelector;
    engine::RandomStream m_random;
};

} // namespace sim::controllers
