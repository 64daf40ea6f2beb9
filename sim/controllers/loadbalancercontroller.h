#pragma once

#include "sim/controllers/controller.h"

#include <map>
#include <string>

namespace sim::traffic {
class TrafficSystem;
}

namespace sim::controllers {

/**
 * The cloud provider's load-balancer controller: after a short provisioning delay it gives each
 * LoadBalancer Service, each Gateway without spec.addresses, and each ingress controller (one per
 * IngressClass in use, standing for ingress-nginx's own LoadBalancer Service) an external IP from
 * 203.0.113.0/24 (TEST-NET-3), and counts the cloud load balancers the cluster pays for.
 */
class LoadBalancerController : public Controller {
public:
    static constexpr engine::SimTime kProvisioningDelay = 3 * engine::kSecond;

    LoadBalancerController(ControllerContext context, traffic::TrafficSystem &traffic);

    /** Cloud load balancers that exist now (each one has an address). */
    std::size_t loadBalancerCount() const { return m_assigned.size(); }
    /** The address of each ingress controller, by IngressClass name. */
    std::map<std::string, std::string> ingressAddresses() const;

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    std::string assign(const std::string &key);
    void release(const std::string &key);
    Result reconcileService(const std::string &ns, const std::string &name);
    Result reconcileGateway(const std::string &ns, const std::string &name);
    Result reconcileIngressClass(const std::string &className);

    traffic::TrafficSystem &m_traffic;
    std::map<std::string, std::string> m_assigned;  // "svc:ns/name", "gw:ns/name", "ing:class" -> IP
    std::uint32_t m_nextHost = 10;
};

} // namespace sim::controllers
