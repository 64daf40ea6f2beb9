#include "sim/manifest/encodekinds.h"
#include "sim/manifest/yamlwriter.h"

namespace sim::manifest {
namespace {

YAML::Node servicePortNode(const api::ServicePort &p)
{
    YAML::Node n = newMap();
    setString(n, "name", p.name);
    setString(n, "protocol", p.protocol);
    setString(n, "appProtocol", p.appProtocol);
    setInt(n, "port", p.port);
    n["targetPort"] = intOrStringNode(p.targetPort);
    setIntNonZero(n, "nodePort", p.nodePort);
    return n;
}

YAML::Node serviceSpecNode(const api::ServiceSpec &s)
{
    YAML::Node n = newMap();
    setString(n, "type", s.type);
    setStringMap(n, "selector", s.selector);
    YAML::Node ports = newList();
    for (const api::ServicePort &p : s.ports)
        ports.push_back(servicePortNode(p));
    setChild(n, "ports", ports);
    setString(n, "clusterIP", s.clusterIP);
    if (!s.clusterIP.empty())
        setStringList(n, "clusterIPs", {s.clusterIP});
    setStringList(n, "externalIPs", s.externalIPs);
    setString(n, "externalName", s.externalName);
    setString(n, "sessionAffinity", s.sessionAffinity);
    if (s.sessionAffinity == "ClientIP") {
        YAML::Node clientIP = newMap();
        setInt(clientIP, "timeoutSeconds", s.sessionAffinityTimeoutSeconds);
        YAML::Node config = newMap();
        config["clientIP"] = clientIP;
        n["sessionAffinityConfig"] = config;
    }
    // The API server sets externalTrafficPolicy only where it means something: node ports.
    if (s.type == "NodePort" || s.type == "LoadBalancer")
        setString(n, "externalTrafficPolicy", s.externalTrafficPolicy);
    if (s.type != "ExternalName")
        setString(n, "internalTrafficPolicy", s.internalTrafficPolicy);
    setString(n, "loadBalancerClass", s.loadBalancerClass);
    return n;
}

YAML::Node loadBalancerNode(const std::vector<api::LoadBalancerIngress> &ingress)
{
    YAML::Node list = newList();
    for (const api::LoadBalancerIngress &i : ingress) {
        YAML::Node n = newMap();
        setString(n, "ip", i.ip);
        setString(n, "hostname", i.hostname);
        list.push_back(n);
    }
    YAML::Node lb = newMap();
    setChild(lb, "ingress", list);
    return lb;
}

YAML::Node endpointNode(const api::Endpoint &e)
{
    YAML::Node n = newMap();
    setStringList(n, "addresses", e.addresses);
    YAML::Node conditions = newMap();
    setBool(conditions, "ready", e.conditions.ready);
    setBool(conditions, "serving", e.conditions.serving);
    setBool(conditions, "terminating", e.conditions.terminating);
    n["conditions"] = conditions;
    setString(n, "nodeName", e.nodeName);
    setString(n, "zone", e.zone);
    if (e.targetRef) {
        YAML::Node ref = newMap();
        setString(ref, "kind", e.targetRef->kind);
        setString(ref, "namespace", e.targetRef->namespace_);
        setString(ref, "name", e.targetRef->name);
        setString(ref, "uid", e.targetRef->uid);
        n["targetRef"] = ref;
    }
    return n;
}

YAML::Node nodeStatusNode(const api::NodeStatus &s, bool withStatus)
{
    YAML::Node n = newMap();
    setChild(n, "capacity", quantitiesNode(s.capacity));
    setChild(n, "allocatable", quantitiesNode(s.allocatable));
    YAML::Node addresses = newList();
    for (const api::NodeAddress &a : s.addresses) {
        YAML::Node address = newMap();
        setStringAlways(address, "type", a.type);
        setStringAlways(address, "address", a.address);
        addresses.push_back(address);
    }
    setChild(n, "addresses", addresses);
    if (!withStatus)
        return n;
    setChild(n, "conditions", conditionsNode(s.conditions));
    YAML::Node info = newMap();
    setString(info, "kubeletVersion", s.kubeletVersion);
    setString(info, "osImage", s.osImage);
    setString(info, "kernelVersion", s.kernelVersion);
    setString(info, "containerRuntimeVersion", s.containerRuntimeVersion);
    n["nodeInfo"] = info;
    return n;
}

} // namespace

void encodeBody(const api::Namespace &body, YAML::Node &top, bool withStatus)
{
    if (!withStatus)
        return;
    YAML::Node status = newMap();
    setString(status, "phase", body.status.phase);
    top["status"] = status;
}

void encodeBody(const api::Node &body, YAML::Node &top, bool withStatus)
{
    YAML::Node spec = newMap();
    setTrue(spec, "unschedulable", body.spec.unschedulable);
    YAML::Node taints = newList();
    for (const api::Taint &t : body.spec.taints) {
        YAML::Node n = newMap();
        setStringAlways(n, "key", t.key);
        setString(n, "value", t.value);
        setStringAlways(n, "effect", t.effect);
        taints.push_back(n);
    }
    setChild(spec, "taints", taints);
    setString(spec, "podCIDR", body.spec.podCIDR);
    top["spec"] = spec;
    // A Node's capacity lives in status; it is written even without status so a saved cluster keeps its nodes' size.
    YAML::Node status = nodeStatusNode(body.status, withStatus);
    if (withStatus || status.size() > 0)
        top["status"] = status;
}

void encodeBody(const api::ConfigMap &body, YAML::Node &top, bool)
{
    setStringMap(top, "data", body.data);
    setStringMap(top, "binaryData", body.binaryData);
    setTrue(top, "immutable", body.immutable);
}

void encodeBody(const api::Secret &body, YAML::Node &top, bool)
{
    setString(top, "type", body.type);
    setStringMap(top, "data", body.data);
    setTrue(top, "immutable", body.immutable);
}

void encodeBody(const api::Service &body, YAML::Node &top, bool withStatus)
{
    top["spec"] = serviceSpecNode(body.spec);
    if (!withStatus)
        return;
    YAML::Node status = newMap();
    status["loadBalancer"] = loadBalancerNode(body.status.loadBalancer);
    top["status"] = status;
}

void encodeBody(const api::EndpointSlice &body, YAML::Node &top, bool)
{
    setStringAlways(top, "addressType", body.addressType);
    YAML::Node endpoints = newList();
    for (const api::Endpoint &e : body.endpoints)
        endpoints.push_back(endpointNode(e));
    top["endpoints"] = endpoints;
    YAML::Node ports = newList();
    for (const api::EndpointPort &p : body.ports) {
        YAML::Node n = newMap();
        setStringAlways(n, "name", p.name);  // kubectl prints `name: ""` for an unnamed port
        setString(n, "protocol", p.protocol);
        setInt(n, "port", p.port);
        setString(n, "appProtocol", p.appProtocol);
        ports.push_back(n);
    }
    setChild(top, "ports", ports);
}

} // namespace sim::manifest
