#include "sim/manifest/base64.h"
#include "sim/manifest/decodekinds.h"

namespace sim::manifest {
namespace {

void decodeServicePort(MapReader &r, api::ServicePort &out)
{
    r.read("name", out.name);
    r.read("protocol", out.protocol);
    r.read("appProtocol", out.appProtocol);
    r.read("port", out.port);
    r.read("targetPort", out.targetPort);
    r.read("nodePort", out.nodePort);
    // The API server defaults targetPort to port when it is absent (or 0 or "").
    if (out.targetPort == api::IntOrString::fromInt(0) || out.targetPort == api::IntOrString::fromString(""))
        out.targetPort = api::IntOrString::fromInt(out.port);
}

void decodeServiceSpec(MapReader &s, api::ServiceSpec &out)
{
    s.read("type", out.type);
    if (out.type.empty())
        out.type = "ClusterIP";
    s.read("selector", out.selector);
    s.objects("ports", [&](MapReader &p, std::size_t) { decodeServicePort(p, out.ports.emplace_back()); });
    s.read("clusterIP", out.clusterIP);
    s.read("externalIPs", out.externalIPs);
    s.read("externalName", out.externalName);
    s.read("sessionAffinity", out.sessionAffinity);
    if (out.sessionAffinity.empty())
        out.sessionAffinity = "None";
    s.object("sessionAffinityConfig", [&](MapReader &c) {
        c.object("clientIP", [&](MapReader &ip) { ip.read("timeoutSeconds", out.sessionAffinityTimeoutSeconds); });
    });
    s.read("externalTrafficPolicy", out.externalTrafficPolicy);
    if (out.externalTrafficPolicy.empty())
        out.externalTrafficPolicy = "Cluster";
    s.read("internalTrafficPolicy", out.internalTrafficPolicy);
    if (out.internalTrafficPolicy.empty())
        out.internalTrafficPolicy = "Cluster";
    s.read("loadBalancerClass", out.loadBalancerClass);
    s.ignore({"clusterIPs", "ipFamilies", "ipFamilyPolicy", "allocateLoadBalancerNodePorts", "loadBalancerIP",
              "loadBalancerSourceRanges", "healthCheckNodePort", "publishNotReadyAddresses", "trafficDistribution"});
}

void decodeEndpoint(MapReader &r, api::Endpoint &out)
{
    r.read("addresses", out.addresses);
    r.object("conditions", [&](MapReader &c) {
        c.read("ready", out.conditions.ready);
        c.read("serving", out.conditions.serving);
        c.read("terminating", out.conditions.terminating);
    });
    r.read("nodeName", out.nodeName);
    r.read("zone", out.zone);
    r.object("targetRef", [&](MapReader &t) {
        api::EndpointTargetRef &ref = out.targetRef.emplace();
        t.read("kind", ref.kind);
        t.read("namespace", ref.namespace_);
        t.read("name", ref.name);
        t.read("uid", ref.uid);
        t.ignore({"apiVersion", "resourceVersion", "fieldPath"});
    });
    r.ignore({"hostname", "hints", "deprecatedTopology"});
}

} // namespace

void decodeBody(MapReader &top, api::Namespace &)
{
    top.object("spec", [](MapReader &s) { s.ignore({"finalizers"}); });
}

void decodeBody(MapReader &top, api::Node &out)
{
    top.object("spec", [&](MapReader &s) {
        s.read("unschedulable", out.spec.unschedulable);
        s.objects("taints", [&](MapReader &t, std::size_t) {
            api::Taint &taint = out.spec.taints.emplace_back();
            t.read("key", taint.key);
            t.read("value", taint.value);
            t.read("effect", taint.effect);
            t.ignore({"timeAdded"});
        });
        s.read("podCIDR", out.spec.podCIDR);
        s.ignore({"podCIDRs", "providerID", "externalID", "configSource"});
    });
    // A Node's size is status in Kubernetes (the kubelet reports it), so this is the one status read on input.
    top.object("status", [&](MapReader &st) {
        st.read("capacity", out.status.capacity);
        st.read("allocatable", out.status.allocatable);
        st.objects("addresses", [&](MapReader &a, std::size_t) {
            api::NodeAddress &address = out.status.addresses.emplace_back();
            a.read("type", address.type);
            a.read("address", address.address);
        });
        st.ignore({"conditions", "nodeInfo", "images", "daemonEndpoints", "volumesInUse", "volumesAttached", "phase",
                   "config", "runtimeHandlers", "features"});
    });
    if (out.status.allocatable.empty())
        out.status.allocatable = out.status.capacity;
}

void decodeBody(MapReader &top, api::ConfigMap &out)
{
    top.read("data", out.data);
    top.read("binaryData", out.binaryData);
    top.read("immutable", out.immutable);
}

void decodeBody(MapReader &top, api::Secret &out)
{
    top.read("type", out.type);
    if (out.type.empty())
        out.type = "Opaque";
    top.read("data", out.data);
    std::map<std::string, std::string> stringData;
    top.read("stringData", stringData);
    // The API server merges stringData into data (stringData wins) and never returns stringData.
    for (const auto &[key, value] : stringData)
        out.data[key] = encodeBase64(value);
    top.read("immutable", out.immutable);
}

void decodeBody(MapReader &top, api::Service &out)
{
    top.object("spec", [&](MapReader &s) { decodeServiceSpec(s, out.spec); });
}

void decodeBody(MapReader &top, api::EndpointSlice &out)
{
    top.read("addressType", out.addressType);
    top.objects("endpoints", [&](MapReader &e, std::size_t) {
        api::Endpoint endpoint;
        decodeEndpoint(e, endpoint);
        out.endpoints.push_back(std::move(endpoint));
    });
    top.objects("ports", [&](MapReader &p, std::size_t) {
        api::EndpointPort &port = out.ports.emplace_back();
        p.read("name", port.name);
        p.read("protocol", port.protocol);
        p.read("port", port.port);
        p.read("appProtocol", port.appProtocol);
    });
}

} // namespace sim::manifest
