#include "sim/traffic/routingtable.h"

namespace sim::traffic {

const CompiledService *RoutingTable::findService(const std::string &ns, const std::string &name) const
{
    auto it = serviceByKey.find(ns + "/" + name);
    return it == serviceByKey.end() ? nullptr : &services[it->second];
}

const CompiledService *RoutingTable::resolveServiceName(std::string_view host, const std::string &clientNamespace) const
{
    if (host.ends_with(".svc.cluster.local"))
        host.remove_suffix(std::string_view(".cluster.local").size());
    if (host.ends_with(".svc"))
        host.remove_suffix(4);
    const auto dot = host.find('.');
    const std::string name(host.substr(0, dot));
    const std::string ns = dot == std::string_view::npos ? clientNamespace : std::string(host.substr(dot + 1));
    return ns.find('.') == std::string::npos ? findService(ns, name) : nullptr;
}

const CompiledGateway *RoutingTable::findGateway(const std::string &ns, const std::string &name) const
{
    auto it = gatewayByKey.find(ns + "/" + name);
    return it == gatewayByKey.end() ? nullptr : &gateways[it->second];
}

const CompiledIngressController *RoutingTable::findIngressController(const std::string &className) const
{
    auto it = ingressByClass.find(className);
    return it == ingressByClass.end() ? nullptr : &ingressControllers[it->second];
}

const AddressOwner *RoutingTable::findAddress(std::string_view ip) const
{
    auto it = addresses.find(ip);
    return it == addresses.end() ? nullptr : &it->second;
}

} // namespace sim::traffic
