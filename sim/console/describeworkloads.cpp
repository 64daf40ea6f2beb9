// kubectl describe for Pods, Deployments and ReplicaSets (pkg/describe/describe.go).

#include "sim/console/describers.h"
#include "sim/console/duration.h"
#include "sim/console/tableprinter.h"
#include "sim/simulation.h"

namespace sim::console::describe {
namespace {

std::string joinedPorts(const std::vector<api::ContainerPort> &ports, bool host)
{
    std::vector<std::string> parts;
    for (const api::ContainerPort &p : ports)
        parts.push_back(std::to_string(host ? 0 : p.containerPort) + "/" + p.protocol);
    return join(parts, ", ");
}

std::string probeText(const api::Probe &p)
{
    std::string attrs = "delay=" + std::to_string(p.initialDelaySeconds) + "s timeout=" +
                        std::to_string(p.timeoutSeconds) + "s period=" + std::to_string(p.periodSeconds) +
                        "s #success=" + std::to_string(p.successThreshold) +
                        " #failure=" + std::to_string(p.failureThreshold);
    if (p.handler == "exec")
        return "exec [" + join(p.command, " ") + "] " + attrs;
    if (p.handler == "httpGet")
        return "http-get http://:" + p.port.toString() + p.httpPath + " " + attrs;
    if (p.handler == "tcpSocket")
        return "tcp-socket :" + p.port.toString() + " " + attrs;
    if (p.handler == "grpc")
        return "grpc <pod>:" + p.port.toString() + "  " + attrs;
    return "unknown " + attrs;
}

void containerState(Context &c, const api::ContainerStatus &s)
{
    if (s.state == "running") {
        c.w.write(2, "State:\tRunning\n");
        c.w.write(3, "Started:\t" + formatRfc1123(s.startedAt) + "\n");
    } else if (s.state == "terminated") {
        c.w.write(2, "State:\tTerminated\n");
        if (!s.reason.empty())
            c.w.write(3, "Reason:\t" + s.reason + "\n");
        if (!s.message.empty())
            c.w.write(3, "Message:\t" + s.message + "\n");
        c.w.write(3, "Exit Code:\t" + std::to_string(s.exitCode.value_or(0)) + "\n");
    } else {
        c.w.write(2, "State:\tWaiting\n");
        if (!s.reason.empty())
            c.w.write(3, "Reason:\t" + s.reason + "\n");
    }
    c.w.write(2, "Ready:\t" + boolText(s.ready) + "\n");
    c.w.write(2, "Restart Count:\t" + std::to_string(s.restartCount) + "\n");
}

void containerResources(Context &c, const api::ResourceRequirements &r)
{
    if (!r.limits.empty())
        c.w.write(2, "Limits:\n");
    for (const auto &[name, q] : r.limits)
        c.w.write(3, name + ":\t" + q.text + "\n");
    if (!r.requests.empty())
        c.w.write(2, "Requests:\n");
    for (const auto &[name, q] : r.requests)
        c.w.write(3, name + ":\t" + q.text + "\n");
}

void container(Context &c, const api::Container &k, const api::ContainerStatus *status, bool inTemplate)
{
    c.w.write(1, std::string(inTemplate ? " " : "") + k.name + ":\n");
    c.w.write(2, "Image:\t" + k.image + "\n");
    std::string ports = joinedPorts(k.ports, false);
    std::string hostPorts = joinedPorts(k.ports, true);
    c.w.write(2, std::string(ports.find(',') != std::string::npos ? "Ports" : "Port") + ":\t" +
                     (ports.empty() ? "<none>" : ports) + "\n");
    c.w.write(2, std::string(hostPorts.find(',') != std::string::npos ? "Host Ports" : "Host Port") + ":\t" +
                     (hostPorts.empty() ? "<none>" : hostPorts) + "\n");
    for (const auto &[title, words] : {std::pair{"Command", &k.command}, std::pair{"Args", &k.args}}) {
        if (words->empty())
            continue;
        c.w.write(2, std::string(title) + ":\n");
        for (const std::string &word : *words)
            c.w.write(3, word + "\n");
    }
    if (status)
        containerState(c, *status);
    containerResources(c, k.resources);
    if (k.livenessProbe)
        c.w.write(2, "Liveness:\t" + probeText(*k.livenessProbe) + "\n");
    if (k.readinessProbe)
        c.w.write(2, "Readiness:\t" + probeText(*k.readinessProbe) + "\n");
    if (k.startupProbe)
        c.w.write(2, "Startup:\t" + probeText(*k.startupProbe) + "\n");
    c.w.write(2, std::string("Environment:") + (k.env.empty() ? "\t<none>" : "") + "\n");
    for (const api::EnvVar &e : k.env)
        c.w.write(3, e.name + ":\t" + e.value + "\n");
    c.w.write(2, "Mounts:\t<none>\n");
}

void containers(Context &c, const std::string &indent, const std::string &label,
                const std::vector<api::Container> &list, const std::vector<api::ContainerStatus> &statuses)
{
    c.w.write(0, indent + label + ":" + (list.empty() ? " <none>" : "") + "\n");
    for (const api::Container &k : list) {
        const api::ContainerStatus *status = nullptr;
        for (const api::ContainerStatus &s : statuses) {
            if (s.name == k.name)
                status = &s;
        }
        container(c, k, status, !indent.empty());
    }
}

std::vector<std::string> tolerationLines(const std::vector<api::Toleration> &tolerations)
{
    std::vector<std::string> lines;
    for (const api::Toleration &t : tolerations) {
        std::string line = t.key;
        if (!t.value.empty())
            line += "=" + t.value;
        if (!t.effect.empty())
            line += ":" + t.effect;
        if (t.op == "Exists" && t.value.empty())
            line += (t.key.empty() && t.effect.empty()) ? "op=Exists" : " op=Exists";
        if (t.tolerationSeconds)
            line += " for " + std::to_string(*t.tolerationSeconds) + "s";
        lines.push_back(line);
    }
    return lines;
}

void tolerations(Context &c, const std::string &indent, const std::vector<api::Toleration> &list)
{
    std::vector<std::string> lines = tolerationLines(list);
    c.w.write(0, indent + "Tolerations:\t" + (lines.empty() ? "<none>\n" : ""));
    for (std::size_t i = 0; i < lines.size(); ++i)
        c.w.write(0, (i ? indent + "\t" : std::string()) + lines[i] + "\n");
}

// The Kubernetes QoS class: BestEffort without requests or limits, Guaranteed when every container's
// cpu and memory limits equal its requests, Burstable otherwise.
std::string qosClass(const api::PodSpec &spec)
{
    bool any = false, guaranteed = true;
    for (const api::Container &k : spec.containers) {
        const auto &r = k.resources;
        any = any || !r.requests.empty() || !r.limits.empty();
        for (const char *name : {"cpu", "memory"}) {
            auto limit = r.limits.find(name);
            auto request = r.requests.find(name);
            if (limit == r.limits.end() || (request != r.requests.end() && !(request->second == limit->second)))
                guaranteed = false;
        }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
}

std::string replicaSetsText(const std::vector<api::ObjectPtr> &sets)
{
    std::vector<std::string> parts;
    for (const api::ObjectPtr &rs : sets) {
        const api::ReplicaSet &r = rs->as<api::ReplicaSet>();
        parts.push_back(rs->metadata.name + " (" + std::to_string(r.status.replicas) + "/" +
                        std::to_string(r.spec.replicas) + " replicas created)");
    }
    return parts.empty() ? "<none>" : join(parts, ", ");
}

// A ReplicaSet is the Deployment's current one when its template is the Deployment's, ignoring the
// pod-template-hash label the controller adds.
bool isCurrentTemplate(const api::PodTemplateSpec &rsTemplate, const api::PodTemplateSpec &deploymentTemplate)
{
    api::PodTemplateSpec t = rsTemplate;
    t.labels.edit().erase("pod-template-hash");
    return t == deploymentTemplate;
}

void conditionsTable(Context &c, const std::vector<api::Condition> &conditions)
{
    if (conditions.empty())
        return;
    c.w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
    c.w.write(1, "----\t------\t------\n");
    for (const api::Condition &k : conditions)
        c.w.write(1, k.type + " \t" + k.status + "\t" + k.reason + "\n");
}

} // namespace

void podTemplate(Context &c, const api::PodTemplateSpec &t)
{
    c.w.write(0, "Pod Template:\n");
    c.w.labels("  ", "Labels", t.labels);
    if (!t.annotations->empty())
        c.w.annotations("  ", "Annotations", t.annotations);
    if (!t.spec->serviceAccountName.empty())
        c.w.write(1, "Service Account:\t" + t.spec->serviceAccountName + "\n");
    if (!t.spec->initContainers.empty())
        containers(c, "  ", "Init Containers", t.spec->initContainers, {});
    containers(c, "  ", "Containers", t.spec->containers, {});
    c.w.write(0, "  Volumes:\t<none>\n");
    c.w.labels("  ", "Node-Selectors", t.spec->nodeSelector);
    tolerations(c, "  ", t.spec->tolerations);
}

void pod(Context &c, const api::Object &o)
{
    const api::Pod &p = o.as<api::Pod>();
    c.w.write(0, "Name:\t" + o.metadata.name + "\n");
    c.w.write(0, "Namespace:\t" + o.metadata.namespace_ + "\n");
    c.w.write(0, "Priority:\t0\n");
    c.w.write(0, "Service Account:\t" + (p.spec->serviceAccountName.empty() ? "default" : p.spec->serviceAccountName) + "\n");
    c.w.write(0, "Node:\t" + (p.spec->nodeName.empty() ? "<none>" : p.spec->nodeName + "/" + p.status.hostIP) + "\n");
    if (p.status.startTime)
        c.w.write(0, "Start Time:\t" + formatRfc1123(*p.status.startTime) + "\n");
    c.w.labels("", "Labels", o.metadata.labels);
    c.w.annotations("", "Annotations", o.metadata.annotations);
    if (o.metadata.deletionTimestamp && p.status.phase != "Failed" && p.status.phase != "Succeeded") {
        c.w.write(0, "Status:\tTerminating (lasts " + humanDuration(c.now - *o.metadata.deletionTimestamp) + ")\n");
        c.w.write(0, "Termination Grace Period:\t" +
                         std::to_string(o.metadata.deletionGracePeriodSeconds.value_or(
                             p.spec->terminationGracePeriodSeconds)) + "s\n");
    } else {
        c.w.write(0, "Status:\t" + p.status.phase + "\n");
    }
    if (!p.status.reason.empty())
        c.w.write(0, "Reason:\t" + p.status.reason + "\n");
    if (!p.status.message.empty())
        c.w.write(0, "Message:\t" + p.status.message + "\n");
    c.w.write(0, "IP:\t" + p.status.podIP + "\n");
    if (p.status.podIP.empty()) {
        c.w.write(0, "IPs:\t<none>\n");
    } else {
        c.w.write(0, "IPs:\n");
        c.w.write(1, "IP:\t" + p.status.podIP + "\n");
    }
    if (std::string owner = controlledBy(o.metadata); !owner.empty())
        c.w.write(0, "Controlled By:\t" + owner + "\n");
    if (!p.spec->initContainers.empty())
        containers(c, "", "Init Containers", p.spec->initContainers, {});
    containers(c, "", "Containers", p.spec->containers, p.status.containerStatuses);
    if (!p.status.conditions.empty()) {
        c.w.write(0, "Conditions:\n  Type\tStatus\n");
        for (const api::Condition &k : p.status.conditions)
            c.w.write(1, k.type + " \t" + k.status + " \n");
    }
    c.w.write(0, "Volumes:\t<none>\n");
    c.w.write(0, "QoS Class:\t" + qosClass(p.spec) + "\n");
    c.w.labels("", "Node-Selectors", p.spec->nodeSelector);
    tolerations(c, "", p.spec->tolerations);
    events(c, o);
}

void deployment(Context &c, const api::Object &o)
{
    const api::Deployment &d = o.as<api::Deployment>();
    c.w.write(0, "Name:\t" + o.metadata.name + "\n");
    c.w.write(0, "Namespace:\t" + o.metadata.namespace_ + "\n");
    c.w.write(0, "CreationTimestamp:\t" + formatRfc1123(o.metadata.creationTimestamp) + "\n");
    c.w.labels("", "Labels", o.metadata.labels);
    c.w.annotations("", "Annotations", o.metadata.annotations);
    c.w.write(0, "Selector:\t" + formatSelector(d.spec.selector) + "\n");
    c.w.write(0, "Replicas:\t" + std::to_string(d.spec.replicas) + " desired | " +
                     std::to_string(d.status.updatedReplicas) + " updated | " + std::to_string(d.status.replicas) +
                     " total | " + std::to_string(d.status.availableReplicas) + " available | " +
                     std::to_string(d.status.unavailableReplicas) + " unavailable\n");
    c.w.write(0, "StrategyType:\t" + d.spec.strategy.type + "\n");
    c.w.write(0, "MinReadySeconds:\t" + std::to_string(d.spec.minReadySeconds) + "\n");
    if (d.spec.strategy.type == "RollingUpdate") {
        const api::RollingUpdateDeployment &ru = d.spec.strategy.rollingUpdate;
        c.w.write(0, "RollingUpdateStrategy:\t" + ru.maxUnavailable.toString() + " max unavailable, " +
                         ru.maxSurge.toString() + " max surge\n");
    }
    podTemplate(c, d.spec.template_);
    conditionsTable(c, d.status.conditions);
    std::vector<api::ObjectPtr> current, old;
    for (const api::ObjectPtr &rs :
         c.simulation.store().listOwnedBy(api::Kind::ReplicaSet, o.metadata.namespace_, o.metadata.uid)) {
        if (current.empty() && isCurrentTemplate(rs->as<api::ReplicaSet>().spec.template_, d.spec.template_))
            current.push_back(rs);
        else if (rs->as<api::ReplicaSet>().spec.replicas != 0)
            old.push_back(rs);
    }
    c.w.write(0, "OldReplicaSets:\t" + replicaSetsText(old) + "\n");
    c.w.write(0, "NewReplicaSet:\t" + replicaSetsText(current) + "\n");
    events(c, o);
}

void replicaSet(Context &c, const api::Object &o)
{
    const api::ReplicaSet &rs = o.as<api::ReplicaSet>();
    c.w.write(0, "Name:\t" + o.metadata.name + "\n");
    c.w.write(0, "Namespace:\t" + o.metadata.namespace_ + "\n");
    c.w.write(0, "Selector:\t" + formatSelector(rs.spec.selector) + "\n");
    c.w.labels("", "Labels", o.metadata.labels);
    c.w.annotations("", "Annotations", o.metadata.annotations);
    if (std::string owner = controlledBy(o.metadata); !owner.empty())
        c.w.write(0, "Controlled By:\t" + owner + "\n");
    c.w.write(0, "Replicas:\t" + std::to_string(rs.status.replicas) + " current / " +
                     std::to_string(rs.spec.replicas) + " desired\n");
    int running = 0, waiting = 0, succeeded = 0, failed = 0;
    for (const api::ObjectPtr &pod :
         c.simulation.store().listOwnedBy(api::Kind::Pod, o.metadata.namespace_, o.metadata.uid)) {
        const std::string &phase = pod->as<api::Pod>().status.phase;
        running += phase == "Running";
        waiting += phase == "Pending";
        succeeded += phase == "Succeeded";
        failed += phase == "Failed";
    }
    c.w.write(0, "Pods Status:\t" + std::to_string(running) + " Running / " + std::to_string(waiting) +
                     " Waiting / " + std::to_string(succeeded) + " Succeeded / " + std::to_string(failed) +
                     " Failed\n");
    podTemplate(c, rs.spec.template_);
    events(c, o);
}

} // namespace sim::console::describe
