#include "sim/controllers/loadbalancercontroller.h"

#include "sim/traffic/ingresscompiler.h"
#include "sim/traffic/trafficsystem.h"

namespace sim::controllers {

using api::Kind;

LoadBalancerController::LoadBalancerController(ControllerContext context, traffic::TrafficSystem &traffic)
    : Controller(context, "cloud-load-balancer", kProvisioningDelay), m_traffic(traffic)
{
}

void LoadBalancerController::onWatchEvent(const store::WatchEvent &event)
{
    const api::Object &o = *event.object;
    switch (o.kind()) {
    case Kind::Service:
        enqueue("svc:" + o.key());
        break;
    case Kind::Gateway:
        enqueue("gw:" + o.key());
        break;
    case Kind::Ingress:
    case Kind::IngressClass:
        // Which classes are in use can change with any Ingress or IngressClass.
        for (const api::ObjectPtr &ingress : store().list(Kind::Ingress)) {
            std::string className = traffic::IngressCompiler::classOf(store(), *ingress);
            if (!className.empty())
                enqueue("ing:" + className);
        }
        for (const auto &[key, ip] : m_assigned) {
            if (key.rfind("ing:", 0) == 0)
                enqueue(key);
        }
        break;
    default:
        break;
    }
}

Controller::Result LoadBalancerController::reconcile(const std::string &key)
{
    std::string rest = key.substr(key.find(':') + 1);
    if (key.rfind("ing:", 0) == 0)
        return reconcileIngressClass(rest);
    const auto [ns, name] = splitKey(rest);
    return key.rfind("svc:", 0) == 0 ? reconcileService(std::string(ns), std::string(name))
                                     : reconcileGateway(std::string(ns), std::string(name));
}

std::string LoadBalancerController::assign(const std::string &key)
{
    if (auto it = m_assigned.find(key); it != m_assigned.end())
        return it->second;
    // Addresses are handed out in order and not reused, so a learner sees stable, distinct IPs.
    std::string ip = "203.0.113." + std::to_string(m_nextHost);
    if (m_nextHost < 254)
        ++m_nextHost;
    m_assigned.emplace(key, ip);
    return ip;
}

void LoadBalancerController::release(const std::string &key) { m_assigned.erase(key); }

Controller::Result LoadBalancerController::reconcileService(const std::string &ns, const std::string &name)
{
    api::ObjectPtr object = store().get(Kind::Service, ns, name);
    std::string key = "svc:" + keyOf(ns, name);
    if (!object || object->as<api::Service>().spec.type != "LoadBalancer") {
        release(key);
        return {};
    }
    std::vector<api::LoadBalancerIngress> wanted{{assign(key), ""}};
    if (object->as<api::Service>().status.loadBalancer != wanted) {
        api::Object updated = *object;
        updated.as<api::Service>().status.loadBalancer = wanted;
        store().updateStatus(std::move(updated));
        events().normal(*object, "EnsuredLoadBalancer", "Ensured load balancer", "service-controller");
    }
    return {};
}

Controller::Result LoadBalancerController::reconcileGateway(const std::string &ns, const std::string &name)
{
    api::ObjectPtr object = store().get(Kind::Gateway, ns, name);
    std::string key = "gw:" + keyOf(ns, name);
    if (!object || !store().get(Kind::GatewayClass, "", object->as<api::Gateway>().spec.gatewayClassName)) {
        release(key);
        return {};
    }
    const auto &gateway = object->as<api::Gateway>();
    std::vector<api::GatewaySpecAddress> wanted = gateway.spec.addresses;
    if (wanted.empty())
        wanted.push_back(api::GatewaySpecAddress{"IPAddress", assign(key)});
    else
        release(key);
    for (api::GatewaySpecAddress &a : wanted)
        a.type = a.type.empty() ? "IPAddress" : a.type;
    if (gateway.status.addresses != wanted) {
        api::Object updated = *object;
        updated.as<api::Gateway>().status.addresses = wanted;
        store().updateStatus(std::move(updated));
    }
    return {};
}

Controller::Result LoadBalancerController::reconcileIngressClass(const std::string &className)
{
    bool inUse = false;
    for (const api::ObjectPtr &ingress : store().list(Kind::Ingress))
        inUse = inUse || traffic::IngressCompiler::classOf(store(), *ingress) == className;
    if (inUse)
        assign("ing:" + className);
    else
        release("ing:" + className);
    m_traffic.setIngressAddresses(ingressAddresses());
    return {};
}

std::map<std::string, std::string> LoadBalancerController::ingressAddresses() const
{
    std::map<std::string, std::string> out;
    for (const auto &[key, ip] : m_assigned) {
        if (key.rfind("ing:", 0) == 0)
            out.emplace(key.substr(4), ip);
    }
    return out;
}

} // namespace sim::controllers
