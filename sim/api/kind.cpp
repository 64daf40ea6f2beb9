#include "sim/api/kind.h"

#include <algorithm>
#include <cctype>

namespace sim::api {
namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

const std::array<KindInfo, kKindCount> kKinds{{
    {Kind::Namespace, "Namespace", "", "v1", "namespaces", "namespace", {"ns"}, false},
    {Kind::Node, "Node", "", "v1", "nodes", "node", {"no"}, false},
    {Kind::ConfigMap, "ConfigMap", "", "v1", "configmaps", "configmap", {"cm"}, true},
    {Kind::Secret, "Secret", "", "v1", "secrets", "secret", {}, true},
    {Kind::Pod, "Pod", "", "v1", "pods", "pod", {"po"}, true},
    {Kind::ReplicaSet, "ReplicaSet", "apps", "v1", "replicasets", "replicaset", {"rs"}, true},
    {Kind::Deployment, "Deployment", "apps", "v1", "deployments", "deployment", {"deploy"}, true},
    {Kind::Service, "Service", "", "v1", "services", "service", {"svc"}, true},
    {Kind::EndpointSlice, "EndpointSlice", "discovery.k8s.io", "v1", "endpointslices", "endpointslice", {}, true},
    {Kind::IngressClass, "IngressClass", "networking.k8s.io", "v1", "ingressclasses", "ingressclass", {}, false},
    {Kind::Ingress, "Ingress", "networking.k8s.io", "v1", "ingresses", "ingress", {"ing"}, true},
    {Kind::GatewayClass, "GatewayClass", "gateway.networking.k8s.io", "v1", "gatewayclasses", "gatewayclass", {"gc"}, false},
    {Kind::Gateway, "Gateway", "gateway.networking.k8s.io", "v1", "gateways", "gateway", {"gtw"}, true},
    {Kind::HTTPRoute, "HTTPRoute", "gateway.networking.k8s.io", "v1", "httproutes", "httproute", {}, true},
    {Kind::ReferenceGrant, "ReferenceGrant", "gateway.networking.k8s.io", "v1beta1", "referencegrants", "referencegrant", {"refgrant"}, true},
}};

} // namespace

std::string KindInfo::apiVersion() const
{
    return group.empty() ? std::string(version) : std::string(group) + "/" + std::string(version);
}

std::string KindInfo::qualifiedSingular() const
{
    return group.empty() ? std::string(singular) : std::string(singular) + "." + std::string(group);
}

std::string KindInfo::qualifiedPlural() const
{
    return group.empty() ? std::string(plural) : std::string(plural) + "." + std::string(group);
}

const KindInfo &kindInfo(Kind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

const std::array<KindInfo, kKindCount> &allKinds() { return kKinds; }

std::optional<Kind> kindFromName(std::string_view name)
{
    for (const KindInfo &info : kKinds) {
        if (info.name == name)
            return info.kind;
    }
    return std::nullopt;
}

std::optional<Kind> kindFromResource(std::string_view resource)
{
    std::string r = lower(resource);
    std::string group;
    if (auto dot = r.find('.'); dot != std::string::npos) {
        group = r.substr(dot + 1);
        r.resize(dot);
    }
    for (const KindInfo &info : kKinds) {
        if (!group.empty() && group != info.group)
            continue;
        bool hit = r == info.plural || r == info.singular || r == lower(info.name);
        for (std::string_view s : info.shortNames)
            hit = hit || r == s;
        if (hit)
            return info.kind;
    }
    return std::nullopt;
}

bool isAcceptedApiVersion(Kind kind, std::string_view apiVersion)
{
    const KindInfo &info = kindInfo(kind);
    if (apiVersion == info.apiVersion())
        return true;
    // Gateway API objects are served at v1 and v1beta1 (ReferenceGrant at v1beta1 and v1alpha2).
    if (info.group == "gateway.networking.k8s.io") {
        std::string g = std::string(info.group) + "/";
        return apiVersion == g + "v1" || apiVersion == g + "v1beta1" ||
               (kind == Kind::ReferenceGrant && apiVersion == g + "v1alpha2");
    }
    return false;
}

} // namespace sim::api
