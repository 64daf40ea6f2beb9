#include "sim/controllers/ingressstatuscontroller.h"

#include "sim/controllers/loadbalancercontroller.h"
#include "sim/traffic/ingresscompiler.h"

namespace sim::controllers {

using api::Kind;

IngressStatusController::IngressStatusController(ControllerContext context, const LoadBalancerController &loadBalancers)
    : Controller(context, "ingress-status", engine::seconds(1)), m_loadBalancers(loadBalancers)
{
}

void IngressStatusController::onWatchEvent(const store::WatchEvent &event)
{
    if (event.object->kind() == Kind::Ingress) {
        enqueue(event.object->key());
    } else if (event.object->kind() == Kind::IngressClass) {
        for (const api::ObjectPtr &ingress : store().list(Kind::Ingress))
            enqueue(ingress->key());
    }
}

Controller::Result IngressStatusController::reconcile(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    api::ObjectPtr object = store().get(Kind::Ingress, ns, name);
    if (!object)
        return {};
    std::string className = traffic::IngressCompiler::classOf(store(), *object);
    std::vector<api::IngressLoadBalancerIngress> wanted;
    if (!className.empty()) {
        auto addresses = m_loadBalancers.ingressAddresses();
        auto it = addresses.find(className);
        // The controller's own load balancer is still being provisioned: look again shortly.
        if (it == addresses.end())
            return Result{engine::seconds(1)};
        wanted.push_back(api::IngressLoadBalancerIngress{it->second, ""});
    }
    if (object->as<api::Ingress>().status.loadBalancer != wanted) {
        api::Object updated = *object;
        updated.as<api::Ingress>().status.loadBalancer = std::move(wanted);
        store().updateStatus(std::move(updated));
    }
    return {};
}

} // namespace sim::controllers
