// kubectl's rows for Services, EndpointSlices, Ingresses and the Gateway API kinds (whose columns are
// the additionalPrinterColumns of the Gateway API CRDs).

#include "sim/console/rowprinters.h"

#include <set>

namespace sim::console {
namespace {

// kubectl shortens load balancer addresses to this width unless -o wide.
constexpr std::size_t kLoadBalancerWidth = 16;

// A sorted, de-duplicated list of addresses, as kubectl's sets.String gives it.
std::string loadBalancerAddresses(const std::set<std::string> &addresses, bool wide)
{
    std::string text = join({addresses.begin(), addresses.end()}, ",");
    if (!wide && text.size() > kLoadBalancerWidth)
        text = text.substr(0, kLoadBalancerWidth - 3) + "...";
    return text;
}

template <class Ingress> std::set<std::string> addressesOf(const std::vector<Ingress> &ingress)
{
    std::set<std::string> out;
    for (const Ingress &i : ingress) {
        if (!i.ip.empty())
            out.insert(i.ip);
        else if (!i.hostname.empty())
            out.insert(i.hostname);
    }
    return out;
}

// listWithMoreString: at most three items, then "+ N more...", "<unset>" when empty.
std::string listWithMore(const std::vector<std::string> &items)
{
    constexpr std::size_t max = 3;
    if (items.empty())
        return "<unset>";
    std::vector<std::string> shown(items.begin(), items.begin() + std::min(items.size(), max));
    std::string text = join(shown, ",");
    if (items.size() > max)
        text += " + " + std::to_string(items.size() - max) + " more...";
    return text;
}

std::string jsonStringArray(const std::vector<std::string> &items)
{
    if (items.empty())
        return {};
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ",\"" : "\"") + items[i] + "\"";
    return out + "]";
}

} // namespace

std::string serviceExternalIp(const api::Service &service, bool wide)
{
    const api::ServiceSpec &spec = service.spec;
    if (spec.type == "ClusterIP" || spec.type == "NodePort")
        return spec.externalIPs.empty() ? "<none>" : join(spec.externalIPs, ",");
    if (spec.type == "ExternalName")
        return spec.externalName;
    if (spec.type == "LoadBalancer") {
        std::string lb = loadBalancerAddresses(addressesOf(service.status.loadBalancer), wide);
        std::vector<std::string> all;
        if (!lb.empty())
            all.push_back(lb);
        all.insert(all.end(), spec.externalIPs.begin(), spec.externalIPs.end());
        return all.empty() ? "<pending>" : join(all, ",");
    }
    return "<unknown>";
}

std::string servicePorts(const api::Service &service)
{
    std::vector<std::string> parts;
    for (const api::ServicePort &port : service.spec.ports) {
        std::string p = std::to_string(port.port);
        if (port.nodePort > 0)
            p += ":" + std::to_string(port.nodePort);
        parts.push_back(p + "/" + port.protocol);
    }
    return parts.empty() ? "<none>" : join(parts, ",");
}

std::string ingressHosts(const api::Ingress &ingress)
{
    constexpr std::size_t max = 3;
    std::vector<std::string> hosts;
    bool more = false;
    for (const api::IngressRule &rule : ingress.spec.rules) {
        if (hosts.size() == max)
            more = true;
        if (!more && !rule.host.empty())
            hosts.push_back(rule.host);
    }
    if (hosts.empty())
        return "*";
    std::string text = join(hosts, ",");
    if (more)
        text += " + " + std::to_string(ingress.spec.rules.size() - max) + " more...";
    return text;
}

namespace rows {

Row serviceRow(const api::Object &o, const PrintOptions &p)
{
    const api::Service &svc = o.as<api::Service>();
    Row row{o.metadata.name, svc.spec.type, svc.spec.clusterIP.empty() ? "<none>" : svc.spec.clusterIP,
            serviceExternalIp(svc, p.wide), servicePorts(svc), ageOf(o.metadata, p.now)};
    if (p.wide)
        row.push_back(formatLabels(svc.spec.selector));
    return row;
}

Row endpointSliceRow(const api::Object &o, const PrintOptions &p)
{
    const api::EndpointSlice &slice = o.as<api::EndpointSlice>();
    std::vector<std::string> ports, addresses;
    for (const api::EndpointPort &port : slice.ports)
        ports.push_back(port.port != 0 ? std::to_string(port.port) : !port.name.empty() ? port.name : "*");
    for (const api::Endpoint &endpoint : slice.endpoints)
        addresses.insert(addresses.end(), endpoint.addresses.begin(), endpoint.addresses.end());
    return {o.metadata.name, slice.addressType, listWithMore(ports), listWithMore(addresses),
            ageOf(o.metadata, p.now)};
}

Row ingressClassRow(const api::Object &o, const PrintOptions &p)
{
    const api::IngressClass &ic = o.as<api::IngressClass>();
    std::string parameters = "<none>";
    if (const auto &params = ic.spec.parameters) {
        parameters = params->kind + (params->apiGroup.empty() ? "" : "." + params->apiGroup) + "/" + params->name;
    }
    return {o.metadata.name, ic.spec.controller, parameters, ageOf(o.metadata, p.now)};
}

Row ingressRow(const api::Object &o, const PrintOptions &p)
{
    const api::Ingress &ing = o.as<api::Ingress>();
    return {o.metadata.name, ing.spec.ingressClassName.value_or("<none>"), ingressHosts(ing),
            loadBalancerAddresses(addressesOf(ing.status.loadBalancer), p.wide),
            ing.spec.tls.empty() ? "80" : "80, 443", ageOf(o.metadata, p.now)};
}

Row gatewayClassRow(const api::Object &o, const PrintOptions &p)
{
    const api::GatewayClass &gc = o.as<api::GatewayClass>();
    Row row{o.metadata.name, gc.spec.controllerName, conditionStatus(gc.status.conditions, "Accepted"),
            ageOf(o.metadata, p.now)};
    if (p.wide)
        row.push_back(gc.spec.description);
    return row;
}

Row gatewayRow(const api::Object &o, const PrintOptions &p)
{
    const api::Gateway &gw = o.as<api::Gateway>();
    std::vector<std::string> addresses;
    for (const api::GatewaySpecAddress &a : gw.status.addresses)
        addresses.push_back(a.value);
    return {o.metadata.name, gw.spec.gatewayClassName, join(addresses, ","),
            conditionStatus(gw.status.conditions, "Programmed"), ageOf(o.metadata, p.now)};
}

Row httpRouteRow(const api::Object &o, const PrintOptions &p)
{
    return {o.metadata.name, jsonStringArray(o.as<api::HTTPRoute>().spec.hostnames), ageOf(o.metadata, p.now)};
}

Row referenceGrantRow(const api::Object &o, const PrintOptions &p)
{
    return {o.metadata.name, ageOf(o.metadata, p.now)};
}

} // namespace rows
} // namespace sim::console
