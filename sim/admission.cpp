#include "sim/admission.h"

#include "sim/controllers/deploymentcontroller.h"
#include "sim/controllers/podipallocator.h"

#include <algorithm>

namespace sim {
namespace {

using manifest::Diagnostic;

Diagnostic error(const manifest::Document &doc, const std::string &field, const std::string &message)
{
    return Diagnostic{Diagnostic::Severity::Error, doc.locate(field), field, message};
}

std::string quoted(const std::string &s) { return "\"" + s + "\""; }

} // namespace

Admission::Admission(engine::RandomStream random) : m_random(random) {}

std::vector<Diagnostic> Admission::admit(api::Object &object, const api::ObjectPtr &existing,
                                         const manifest::Document &document)
{
    std::vector<Diagnostic> out;
    if (existing && existing->metadata.deletionTimestamp) {
        out.push_back(error(document, "metadata.name",
                            "object is being deleted: " + existing->info().qualifiedPlural() + " " +
                                quoted(existing->metadata.name) + " already exists"));
        return out;
    }
    switch (object.kind()) {
    case api::Kind::Service:
        admitService(object, existing, document, out);
        break;
    case api::Kind::Deployment:
        admitDeployment(object, existing, document, out);
        break;
    case api::Kind::Pod:
        admitPod(object, existing, document, out);
        break;
    default:
        break;
    }
    return out;
}

void Admission::admitService(api::Object &object, const api::ObjectPtr &existing, const manifest::Document &doc,
                             std::vector<Diagnostic> &out)
{
    api::ServiceSpec &spec = object.as<api::Service>().spec;
    const api::ServiceSpec *old = existing ? &existing->as<api::Service>().spec : nullptr;
    if (spec.type != "ExternalName") {
        if (old && !old->clusterIP.empty()) {
            if (spec.clusterIP.empty())
                spec.clusterIP = old->clusterIP;
            else if (spec.clusterIP != old->clusterIP)
                out.push_back(error(doc, "spec.clusterIP", "Invalid value: " + quoted(spec.clusterIP) + ": field is immutable"));
        } else if (spec.clusterIP.empty()) {
            spec.clusterIP = allocateClusterIP();
            if (spec.clusterIP.empty())
                out.push_back(error(doc, "spec.clusterIP", "Internal error: failed to allocate a serviceIP: range is full"));
        } else if (spec.clusterIP != "None") {
            std::optional<std::uint32_t> ip = controllers::PodIpAllocator::parseIPv4(spec.clusterIP);
            const std::string prefix = "Invalid value: []string{" + quoted(spec.clusterIP) + "}: failed to allocate IP " + spec.clusterIP + ": ";
            if (!ip || *ip < kServiceNetwork || *ip >= kServiceNetwork + kServiceNetworkSize)
                out.push_back(error(doc, "spec.clusterIP", prefix + "the provided IP (" + spec.clusterIP +
                                                                ") is not in the valid range. The range of valid IPs is 10.96.0.0/12"));
            else if (m_clusterIPs.count(spec.clusterIP))
                out.push_back(error(doc, "spec.clusterIP", prefix + "provided IP is already allocated"));
            else {
                m_clusterIPs.insert(spec.clusterIP);
                m_tentativeIPs.push_back(spec.clusterIP);
            }
        }
    }
    const bool wantsNodePorts = spec.type == "NodePort" || spec.type == "LoadBalancer";
    for (std::size_t i = 0; i < spec.ports.size(); ++i) {
        api::ServicePort &port = spec.ports[i];
        const std::string field = "spec.ports[" + std::to_string(i) + "].nodePort";
        if (!wantsNodePorts) {
            if (port.nodePort != 0)
                out.push_back(error(doc, field, "Forbidden: may not be used when `type` is '" + spec.type + "'"));
            continue;
        }
        const api::ServicePort *previous = nullptr;
        if (old) {
            for (const api::ServicePort &p : old->ports) {
                if (p.nodePort != 0 && p.port == port.port && p.protocol == port.protocol)
                    previous = &p;
            }
        }
        if (port.nodePort == 0) {
            port.nodePort = previous ? previous->nodePort : allocateNodePort();
            if (port.nodePort == 0)
                out.push_back(error(doc, field, "Internal error: failed to allocate a nodePort: range is full"));
            continue;
        }
        if (previous && previous->nodePort == port.nodePort)
            continue;
        const std::string value = "Invalid value: " + std::to_string(port.nodePort) + ": ";
        if (port.nodePort < kNodePortMin || port.nodePort > kNodePortMax)
            out.push_back(error(doc, field, value + "provided port is not in the valid range. The range of valid ports is 30000-32767"));
        else if (m_nodePorts.count(port.nodePort))
            out.push_back(error(doc, field, value + "provided port is already allocated"));
        else {
            m_nodePorts.insert(port.nodePort);
            m_tentativePorts.push_back(port.nodePort);
        }
    }
}

void Admission::admitDeployment(const api::Object &object, const api::ObjectPtr &existing, const manifest::Document &doc,
                                std::vector<Diagnostic> &out)
{
    const api::DeploymentSpec &spec = object.as<api::Deployment>().spec;
    if (spec.strategy.type == "RollingUpdate") {
        const api::RollingUpdateDeployment &ru = spec.strategy.rollingUpdate;
        const int surge = controllers::DeploymentController::scaledValue(ru.maxSurge, spec.replicas, true);
        const int unavailable = controllers::DeploymentController::scaledValue(ru.maxUnavailable, spec.replicas, false);
        const bool surgeZero = ru.maxSurge.isInt() ? ru.maxSurge.intValue() == 0 : ru.maxSurge.stringValue() == "0%";
        const bool unavailableZero =
            ru.maxUnavailable.isInt() ? ru.maxUnavailable.intValue() == 0 : ru.maxUnavailable.stringValue() == "0%";
        if (surge < 0)
            out.push_back(error(doc, "spec.strategy.rollingUpdate.maxSurge",
                                "Invalid value: " + quoted(ru.maxSurge.toString()) + ": a valid percent string must be a numeric string followed by an ending '%'"));
        if (unavailable < 0)
            out.push_back(error(doc, "spec.strategy.rollingUpdate.maxUnavailable",
                                "Invalid value: " + quoted(ru.maxUnavailable.toString()) + ": a valid percent string must be a numeric string followed by an ending '%'"));
        if (surgeZero && unavailableZero)
            out.push_back(error(doc, "spec.strategy.rollingUpdate.maxUnavailable",
                                "Invalid value: " + ru.maxUnavailable.toString() + ": may not be 0 when `maxSurge` is 0"));
    }
    if (existing && !(existing->as<api::Deployment>().spec.selector == spec.selector))
        out.push_back(error(doc, "spec.selector", "Invalid value: " + quoted(spec.selector.toString()) + ": field is immutable"));
}

void Admission::admitPod(api::Object &object, const api::ObjectPtr &existing, const manifest::Document &doc,
                         std::vector<Diagnostic> &out)
{
    if (!existing)
        return;
    api::Shared<api::PodSpec> &spec = object.as<api::Pod>().spec;
    const api::PodSpec &old = *existing->as<api::Pod>().spec;
    if (spec->nodeName.empty())
        spec.edit().nodeName = old.nodeName;
    // Only images may change in a pod's spec (of what kubesim models).
    api::PodSpec comparable = *spec;
    for (std::size_t i = 0; i < comparable.containers.size() && i < old.containers.size(); ++i)
        comparable.containers[i].image = old.containers[i].image;
    if (!(comparable == old))
        out.push_back(error(doc, "spec",
                            "Forbidden: pod updates may not change fields other than `spec.containers[*].image`, "
                            "`spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only "
                            "additions to existing tolerations) or `spec.terminationGracePeriodSeconds` (allow it to be "
                            "set to 1 if it was previously negative)"));
}

std::string Admission::allocateClusterIP()
{
    if (m_clusterIPs.size() + 4 >= kServiceNetworkSize)
        return {};
    while (true) {
        // .0 is the network, .1 the kubernetes Service, .10 kube-dns by convention; the last is broadcast.
        const std::uint32_t offset = static_cast<std::uint32_t>(m_random.uniform(kServiceNetworkSize));
        if (offset == 0 || offset == 1 || offset == 10 || offset == kServiceNetworkSize - 1)
            continue;
        std::string ip = controllers::PodIpAllocator::formatIPv4(kServiceNetwork + offset);
        if (m_clusterIPs.insert(ip).second) {
            m_tentativeIPs.push_back(ip);
            return ip;
        }
    }
}

int Admission::allocateNodePort()
{
    const int range = kNodePortMax - kNodePortMin + 1;
    if (static_cast<int>(m_nodePorts.size()) >= range)
        return 0;
    while (true) {
        const int port = kNodePortMin + static_cast<int>(m_random.uniform(range));
        if (m_nodePorts.insert(port).second) {
            m_tentativePorts.push_back(port);
            return port;
        }
    }
}

void Admission::commit()
{
    m_tentativeIPs.clear();
    m_tentativePorts.clear();
}

void Admission::rollback()
{
    for (const std::string &ip : m_tentativeIPs)
        m_clusterIPs.erase(ip);
    for (int port : m_tentativePorts)
        m_nodePorts.erase(port);
    commit();
}

void Admission::release(const api::Object &service)
{
    const api::ServiceSpec &spec = service.as<api::Service>().spec;
    m_clusterIPs.erase(spec.clusterIP);
    for (const api::ServicePort &p : spec.ports)
        m_nodePorts.erase(p.nodePort);
}

} // namespace sim
