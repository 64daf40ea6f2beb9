#include "sim/controllers/gatewaystatuscontroller.h"

#include "sim/traffic/trafficsystem.h"

namespace sim::controllers {

using api::Kind;

namespace {

constexpr const char *kKey = "gateway-api";

} // namespace

GatewayStatusController::GatewayStatusController(ControllerContext context, traffic::TrafficSystem &traffic)
    : Controller(context, "gateway-status", engine::milliseconds(200)), m_traffic(traffic)
{
}

void GatewayStatusController::onWatchEvent(const store::WatchEvent &event)
{
    switch (event.object->kind()) {
    case Kind::GatewayClass:
    case Kind::Gateway:
    case Kind::HTTPRoute:
    case Kind::Service:
    case Kind::ReferenceGrant:
    case Kind::Secret:
    case Kind::Namespace:
        enqueue(kKey);
        break;
    default:
        break;
    }
}

Controller::Result GatewayStatusController::reconcile(const std::string &)
{
    // Without Gateway API objects there is nothing to write: skip compiling the routing table.
    if (store().count(Kind::GatewayClass) == 0 && store().count(Kind::HTTPRoute) == 0)
        return {};
    writeClasses();
    writeGateways();
    writeRoutes();
    return {};
}

std::vector<api::Condition> GatewayStatusController::merged(const std::vector<api::Condition> &existing,
                                                            const std::vector<api::Condition> &desired)
{
    std::vector<api::Condition> out = existing;
    // Conditions this controller does not set (e.g. from an older status) are dropped.
    std::erase_if(out, [&](const api::Condition &c) { return !api::findCondition(desired, c.type); });
    for (api::Condition c : desired) {
        c.lastTransitionTime = now();
        api::setCondition(out, std::move(c));
    }
    return out;
}

void GatewayStatusController::writeClasses()
{
    for (const auto &[name, desired] : m_traffic.gatewayStatus().classes) {
        api::ObjectPtr object = store().get(Kind::GatewayClass, "", name);
        if (!object)
            continue;
        api::GatewayClassStatus status = object->as<api::GatewayClass>().status;
        status.conditions = merged(status.conditions, desired.conditions);
        if (status == object->as<api::GatewayClass>().status)
            continue;
        api::Object updated = *object;
        updated.as<api::GatewayClass>().status = std::move(status);
        store().updateStatus(std::move(updated));
    }
}

void GatewayStatusController::writeGateways()
{
    for (const auto &[key, desired] : m_traffic.gatewayStatus().gateways) {
        auto [ns, name] = splitKey(key);
        api::ObjectPtr object = store().get(Kind::Gateway, ns, name);
        if (!object)
            continue;
        const api::GatewayStatus &current = object->as<api::Gateway>().status;
        api::GatewayStatus status = desired;
        status.conditions = merged(current.conditions, desired.conditions);
        for (api::ListenerStatus &listener : status.listeners) {
            std::vector<api::Condition> before;
            for (const api::ListenerStatus &l : current.listeners) {
                if (l.name == listener.name)
                    before = l.conditions;
            }
            listener.conditions = merged(before, listener.conditions);
        }
        if (status == current)
            continue;
        api::Object updated = *object;
        updated.as<api::Gateway>().status = std::move(status);
        store().updateStatus(std::move(updated));
    }
}

void GatewayStatusController::writeRoutes()
{
    const auto &routes = m_traffic.gatewayStatus().routes;
    for (const api::ObjectPtr &object : store().list(Kind::HTTPRoute)) {
        const api::HTTPRouteStatus &current = object->as<api::HTTPRoute>().status;
        api::HTTPRouteStatus status;
        if (auto it = routes.find(object->key()); it != routes.end())
            status = it->second;
        for (api::RouteParentStatus &parent : status.parents) {
            for (const api::RouteParentStatus &before : current.parents) {
                if (before.parentRef == parent.parentRef)
                    parent.conditions = merged(before.conditions, parent.conditions);
            }
            if (parent.conditions.front().lastTransitionTime == 0)
                parent.conditions = merged({}, parent.conditions);
        }
        if (status == current)
            continue;
        api::Object updated = *object;
        updated.as<api::HTTPRoute>().status = std::move(status);
        store().updateStatus(std::move(updated));
    }
}

} // namespace sim::controllers
