#pragma once

#include "sim/controllers/controller.h"

namespace sim::traffic {
class TrafficSystem;
}

namespace sim::controllers {

/**
 * The Gateway API controller's status writer: GatewayClass Accepted, Gateway Accepted / Programmed with
 * listener conditions and attachedRoutes, HTTPRoute status.parents[] Accepted / ResolvedRefs, all
 * computed by the same compile that builds the routing table, so status and routing never disagree.
 */
class GatewayStatusController : public Controller {
public:
    GatewayStatusController(ControllerContext context, traffic::TrafficSystem &traffic);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    /** Desired conditions with lastTransitionTime kept where the status did not change. */
    std::vector<api::Condition> merged(const std::vector<api::Condition> &existing, const std::vector<api::Condition> &desired);
    void writeClasses();
    void writeGateways();
    void writeRoutes();

    traffic::TrafficSystem &m_traffic;
};

} // namespace sim::controllers
