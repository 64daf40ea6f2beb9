// kubectl's rows for the core and workload kinds (pkg/printers/internalversion/printers.go).

#include "sim/console/duration.h"
#include "sim/console/rowprinters.h"

#include <algorithm>

namespace sim::console {
namespace {

std::string orNone(const std::string &text) { return text.empty() ? "<none>" : text; }
std::string orUnknown(const std::string &text) { return text.empty() ? "<unknown>" : text; }

std::string nodeAddress(const api::Node &node, const std::string &type)
{
    for (const api::NodeAddress &a : node.status.addresses) {
        if (a.type == type)
            return a.address;
    }
    return "<none>";
}

// CONTAINERS and IMAGES of -o wide for Deployments and ReplicaSets.
std::vector<std::string> containerColumns(const api::PodSpec &spec)
{
    std::vector<std::string> names, images;
    for (const api::Container &c : spec.containers) {
        names.push_back(c.name);
        images.push_back(c.image);
    }
    return {join(names, ","), join(images, ",")};
}

} // namespace

std::string podReady(const api::Pod &pod)
{
    int ready = 0;
    for (const api::ContainerStatus &cs : pod.status.containerStatuses) {
        if (cs.ready && cs.state == "running")
            ++ready;
    }
    return std::to_string(ready) + "/" + std::to_string(pod.spec->containers.size());
}

std::string podStatusReason(const api::Object &object)
{
    const api::Pod &pod = object.as<api::Pod>();
    std::string reason = pod.status.reason.empty() ? pod.status.phase : pod.status.reason;
    bool hasRunning = false;
    // kubectl walks the statuses from the last, so the first container's reason wins.
    for (auto it = pod.status.containerStatuses.rbegin(); it != pod.status.containerStatuses.rend(); ++it) {
        if (it->state == "waiting" && !it->reason.empty())
            reason = it->reason;
        else if (it->state == "terminated" && !it->reason.empty())
            reason = it->reason;
        else if (it->state == "terminated")
            reason = "ExitCode:" + std::to_string(it->exitCode.value_or(0));
        else if (it->ready && it->state == "running")
            hasRunning = true;
    }
    if (reason == "Completed" && hasRunning)
        reason = pod.isReady() ? "Running" : "NotReady";
    if (object.metadata.deletionTimestamp)
        reason = pod.status.reason == "NodeLost" ? "Unknown" : "Terminating";
    return reason;
}

std::string podRestarts(const api::Pod &pod, engine::SimTime now)
{
    std::int64_t restarts = 0;
    std::optional<engine::SimTime> lastRestart;
    for (const api::ContainerStatus &cs : pod.status.containerStatuses) {
        restarts += cs.restartCount;
        if (cs.lastRestartAt && (!lastRestart || *cs.lastRestartAt > *lastRestart))
            lastRestart = cs.lastRestartAt;
    }
    std::string text = std::to_string(restarts);
    if (restarts != 0 && lastRestart)
        text += " (" + humanDuration(now - *lastRestart) + " ago)";
    return text;
}

namespace rows {

Row namespaceRow(const api::Object &o, const PrintOptions &p)
{
    return {o.metadata.name, o.as<api::Namespace>().status.phase, ageOf(o.metadata, p.now)};
}

Row nodeRow(const api::Object &o, const PrintOptions &p)
{
    const api::Node &node = o.as<api::Node>();
    Row row{o.metadata.name, nodeStatus(node), nodeRoles(o.metadata.labels), ageOf(o.metadata, p.now),
            node.status.kubeletVersion};
    if (p.wide) {
        row.insert(row.end(), {nodeAddress(node, "InternalIP"), nodeAddress(node, "ExternalIP"),
                               orUnknown(node.status.osImage), orUnknown(node.status.kernelVersion),
                               orUnknown(node.status.containerRuntimeVersion)});
    }
    return row;
}

Row configMapRow(const api::Object &o, const PrintOptions &p)
{
    const api::ConfigMap &cm = o.as<api::ConfigMap>();
    return {o.metadata.name, std::to_string(cm.data.size() + cm.binaryData.size()), ageOf(o.metadata, p.now)};
}

Row secretRow(const api::Object &o, const PrintOptions &p)
{
    const api::Secret &secret = o.as<api::Secret>();
    return {o.metadata.name, secret.type, std::to_string(secret.data.size()), ageOf(o.metadata, p.now)};
}

Row podRow(const api::Object &o, const PrintOptions &p)
{
    const api::Pod &pod = o.as<api::Pod>();
    Row row{o.metadata.name, podReady(pod), podStatusReason(o), podRestarts(pod, p.now), ageOf(o.metadata, p.now)};
    if (p.wide)
        row.insert(row.end(), {orNone(pod.status.podIP), orNone(pod.spec->nodeName), "<none>", "<none>"});
    return row;
}

Row replicaSetRow(const api::Object &o, const PrintOptions &p)
{
    const api::ReplicaSet &rs = o.as<api::ReplicaSet>();
    Row row{o.metadata.name, std::to_string(rs.spec.replicas), std::to_string(rs.status.replicas),
            std::to_string(rs.status.readyReplicas), ageOf(o.metadata, p.now)};
    if (p.wide) {
        std::vector<std::string> containers = containerColumns(rs.spec.template_.spec);
        row.insert(row.end(), {containers[0], containers[1], formatSelector(rs.spec.selector)});
    }
    return row;
}

Row deploymentRow(const api::Object &o, const PrintOptions &p)
{
    const api::Deployment &d = o.as<api::Deployment>();
    Row row{o.metadata.name, std::to_string(d.status.readyReplicas) + "/" + std::to_string(d.spec.replicas),
            std::to_string(d.status.updatedReplicas), std::to_string(d.status.availableReplicas),
            ageOf(o.metadata, p.now)};
    if (p.wide) {
        std::vector<std::string> containers = containerColumns(d.spec.template_.spec);
        row.insert(row.end(), {containers[0], containers[1], formatSelector(d.spec.selector)});
    }
    return row;
}

} // namespace rows
} // namespace sim::console
