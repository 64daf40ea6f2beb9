// kubectl describe for Services and Ingresses (pkg/describe/describe.go).

#include "sim/console/describers.h"
#include "sim/console/tableprinter.h"
#include "sim/simulation.h"

#include <set>

namespace sim::console::describe {
namespace {

// kubectl's formatEndpoints: ready addresses with the port named like the Service port, at most three.
std::string endpointsText(const Context &c, const std::string &ns, const std::string &service,
                          const std::string &portName)
{
    std::vector<std::string> all;
    for (const api::ObjectPtr &slice : c.simulation.store().list(api::Kind::EndpointSlice, ns)) {
        auto owner = slice->metadata.labels->find(api::kServiceNameLabel);
        if (owner == slice->metadata.labels->end() || owner->second != service)
            continue;
        const api::EndpointSlice &s = slice->as<api::EndpointSlice>();
        for (const api::EndpointPort &port : s.ports) {
            if (port.name != portName)
                continue;
            for (const api::Endpoint &e : s.endpoints) {
                if (!e.conditions.ready.value_or(true))
                    continue;
                for (const std::string &address : e.addresses)
                    all.push_back(address + ":" + std::to_string(port.port));
            }
        }
    }
    if (all.empty())
        return "<none>";
    std::vector<std::string> shown(all.begin(), all.begin() + std::min<std::size_t>(3, all.size()));
    std::string text = join(shown, ",");
    if (all.size() > 3)
        text += " + " + std::to_string(all.size() - 3) + " more...";
    return text;
}

std::string loadBalancerIngress(const std::vector<api::LoadBalancerIngress> &ingress)
{
    std::vector<std::string> parts;
    for (const api::LoadBalancerIngress &i : ingress)
        parts.push_back(i.ip.empty() ? i.hostname : i.ip);
    return join(parts, ", ");
}

std::string backendText(const Context &c, const std::string &ns, const api::IngressBackend &backend)
{
    if (!backend.service) {
        if (backend.resource)
            return "APIGroup: " + backend.resource->apiGroup + ", Kind: " + backend.resource->kind +
                   ", Name: " + backend.resource->name;
        return "<default>";
    }
    const api::IngressServiceBackend &b = *backend.service;
    api::ObjectPtr svc = c.simulation.store().get(api::Kind::Service, ns, b.name);
    if (!svc)
        return "<error: endpoints \"" + b.name + "\" not found>";
    std::string portName;
    for (const api::ServicePort &p : svc->as<api::Service>().spec.ports) {
        if ((b.portNumber != 0 && b.portNumber == p.port) || (!b.portName.empty() && b.portName == p.name))
            portName = p.name;
    }
    std::string port = b.portNumber != 0 ? std::to_string(b.portNumber) : b.portName;
    return b.name + ":" + port + " (" + endpointsText(c, ns, b.name, portName) + ")";
}

} // namespace

void service(Context &c, const api::Object &o)
{
    const api::Service &s = o.as<api::Service>();
    c.w.write(0, "Name:\t" + o.metadata.name + "\n");
    c.w.write(0, "Namespace:\t" + o.metadata.namespace_ + "\n");
    c.w.labels("", "Labels", o.metadata.labels);
    c.w.annotations("", "Annotations", o.metadata.annotations);
    c.w.write(0, "Selector:\t" + (s.spec.selector.empty() ? std::string() : formatLabels(s.spec.selector)) + "\n");
    c.w.write(0, "Type:\t" + s.spec.type + "\n");
    if (s.spec.type != "ExternalName") {
        c.w.write(0, "IP Family Policy:\tSingleStack\n");
        c.w.write(0, "IP Families:\tIPv4\n");
    }
    c.w.write(0, "IP:\t" + s.spec.clusterIP + "\n");
    if (!s.spec.clusterIP.empty())
        c.w.write(0, "IPs:\t" + s.spec.clusterIP + "\n");
    if (!s.spec.externalIPs.empty())
        c.w.write(0, "External IPs:\t" + join(s.spec.externalIPs, ",") + "\n");
    if (s.spec.type == "ExternalName")
        c.w.write(0, "External Name:\t" + s.spec.externalName + "\n");
    if (!s.status.loadBalancer.empty())
        c.w.write(0, "LoadBalancer Ingress:\t" + loadBalancerIngress(s.status.loadBalancer) + "\n");
    for (const api::ServicePort &p : s.spec.ports) {
        std::string name = p.name.empty() ? "<unset>" : p.name;
        c.w.write(0, "Port:\t" + name + "\t" + std::to_string(p.port) + "/" + p.protocol + "\n");
        bool unset = p.targetPort.isInt() && p.targetPort.intValue() == 0;
        c.w.write(0, "TargetPort:\t" + (unset ? "<unset>" : p.targetPort.toString()) + "/" + p.protocol + "\n");
        if (p.nodePort != 0)
            c.w.write(0, "NodePort:\t" + name + "\t" + std::to_string(p.nodePort) + "/" + p.protocol + "\n");
        c.w.write(0, "Endpoints:\t" + endpointsText(c, o.metadata.namespace_, o.metadata.name, p.name) + "\n");
    }
    c.w.write(0, "Session Affinity:\t" + s.spec.sessionAffinity + "\n");
    if (s.spec.type == "NodePort" || s.spec.type == "LoadBalancer")
        c.w.write(0, "External Traffic Policy:\t" + s.spec.externalTrafficPolicy + "\n");
    if (s.spec.type != "ExternalName")
        c.w.write(0, "Internal Traffic Policy:\t" + s.spec.internalTrafficPolicy + "\n");
    events(c, o);
}

void ingress(Context &c, const api::Object &o)
{
    const api::Ingress &ing = o.as<api::Ingress>();
    const std::string &ns = o.metadata.namespace_;
    c.w.write(0, "Name:\t" + o.metadata.name + "\n");
    c.w.labels("", "Labels", o.metadata.labels);
    c.w.write(0, "Namespace:\t" + ns + "\n");
    std::set<std::string> addresses;
    for (const api::IngressLoadBalancerIngress &i : ing.status.loadBalancer)
        addresses.insert(i.ip.empty() ? i.hostname : i.ip);
    c.w.write(0, "Address:\t" + join({addresses.begin(), addresses.end()}, ",") + "\n");
    c.w.write(0, "Ingress Class:\t" + ing.spec.ingressClassName.value_or("<none>") + "\n");
    c.w.write(0, "Default backend:\t" +
                     (ing.spec.defaultBackend ? backendText(c, ns, *ing.spec.defaultBackend) : "<default>") + "\n");
    if (!ing.spec.tls.empty()) {
        c.w.write(0, "TLS:\n");
        for (const api::IngressTLS &t : ing.spec.tls) {
            if (t.secretName.empty())
                c.w.write(1, "SNI routes " + join(t.hosts, ",") + "\n");
            else
                c.w.write(1, t.secretName + " terminates " + join(t.hosts, ",") + "\n");
        }
    }
    c.w.write(0, "Rules:\n  Host\tPath\tBackends\n");
    c.w.write(1, "----\t----\t--------\n");
    std::size_t count = 0;
    for (const api::IngressRule &rule : ing.spec.rules) {
        if (rule.paths.empty())
            continue;
        ++count;
        c.w.write(1, (rule.host.empty() ? "*" : rule.host) + "\t\n");
        for (const api::HTTPIngressPath &path : rule.paths)
            c.w.write(2, "\t" + path.path + "\t" + backendText(c, ns, path.backend) + "\n");
    }
    if (count == 0) {
        c.w.write(1, "*\t*\t" + (ing.spec.defaultBackend ? backendText(c, ns, *ing.spec.defaultBackend)
                                                       : std::string("<default>")) + "\n");
    }
    c.w.annotations("", "Annotations", o.metadata.annotations);
    events(c, o);
}

} // namespace sim::console::describe
