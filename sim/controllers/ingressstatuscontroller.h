#pragma once

#include "sim/controllers/controller.h"

namespace sim::controllers {

class LoadBalancerController;

/**
 * ingress-nginx's status updater: each Ingress its controller serves gets the controller's
 * load-balancer address in status.loadBalancer.ingress, as `kubectl get ingress` shows under ADDRESS.
 */
class IngressStatusController : public Controller {
public:
    IngressStatusController(ControllerContext context, const LoadBalancerController &loadBalancers);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    const LoadBalancerController &m_loadBalancers;
};

} // namespace sim::controllers
