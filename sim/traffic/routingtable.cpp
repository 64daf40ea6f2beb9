#include "sim/traffic/routingtable.h"

namespace sim::traffic {

const CompiledService *RoutingTable::findService(const std::string &ns, const std::string &name) const
{
    auto it = serviceByKey.find(ns + "/" + name);
    return it == serviceByKey.end() ? nullptr : &services[it->second];
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
