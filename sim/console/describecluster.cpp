// kubectl describe for Nodes and Namespaces (pkg/describe/describe.go).

#include "sim/console/describers.h"
#include "sim/console/duration.h"
#include "sim/console/tableprinter.h"
#include "sim/simulation.h"

namespace sim::console::describe {
namespace {

struct PodResources {
    std::int64_t cpuRequests = 0, cpuLimits = 0, memoryRequests = 0, memoryLimits = 0;  // milli-units
};

std::int64_t milliOf(const std::map<std::string, api::Quantity> &list, const char *name)
{
    auto it = list.find(name);
    return it == list.end() ? 0 : it->second.milli;
}

PodResources resourcesOf(const api::Pod &pod)
{
    PodResources r;
    for (const api::Container &k : pod.spec->containers) {
        r.cpuRequests += milliOf(k.resources.requests, "cpu");
        r.cpuLimits += milliOf(k.resources.limits, "cpu");
        r.memoryRequests += milliOf(k.resources.requests, "memory");
        r.memoryLimits += milliOf(k.resources.limits, "memory");
    }
    return r;
}

// Quantities in Kubernetes' canonical form: "250m" or "2" for CPU, "128Mi" or "1Gi" for memory.
std::string cpuText(std::int64_t milli)
{
    return milli % 1000 == 0 ? std::to_string(milli / 1000) : std::to_string(milli) + "m";
}

std::string memoryText(std::int64_t milli)
{
    std::int64_t bytes = milli / 1000;
    for (auto [suffix, size] : {std::pair{"Gi", 1LL << 30}, std::pair{"Mi", 1LL << 20}, std::pair{"Ki", 1LL << 10}}) {
        if (bytes != 0 && bytes % size == 0)
            return std::to_string(bytes / size) + suffix;
    }
    return std::to_string(bytes);
}

std::string share(const std::string &text, std::int64_t used, std::int64_t allocatable)
{
    return text + " (" + std::to_string(allocatable > 0 ? used * 100 / allocatable : 0) + "%)";
}

void nodeResources(Context &c, const api::Object &o)
{
    const api::Node &node = o.as<api::Node>();
    const auto &alloc = node.status.allocatable.empty() ? node.status.capacity : node.status.allocatable;
    const std::int64_t cpu = milliOf(alloc, "cpu"), memory = milliOf(alloc, "memory");
    std::vector<api::ObjectPtr> pods;
    for (const api::ObjectPtr &p : c.simulation.store().list(api::Kind::Pod)) {
        const api::Pod &pod = p->as<api::Pod>();
        if (pod.spec->nodeName == o.metadata.name && pod.status.phase != "Succeeded" && pod.status.phase != "Failed")
            pods.push_back(p);
    }
    c.w.write(0, "Non-terminated Pods:\t(" + std::to_string(pods.size()) + " in total)\n");
    c.w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
    c.w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
    PodResources total;
    for (const api::ObjectPtr &p : pods) {
        PodResources r = resourcesOf(p->as<api::Pod>());
        total.cpuRequests += r.cpuRequests;
        total.cpuLimits += r.cpuLimits;
        total.memoryRequests += r.memoryRequests;
        total.memoryLimits += r.memoryLimits;
        c.w.write(1, p->metadata.namespace_ + "\t" + p->metadata.name + "\t\t" +
                         share(cpuText(r.cpuRequests), r.cpuRequests, cpu) + "\t" +
                         share(cpuText(r.cpuLimits), r.cpuLimits, cpu) + "\t" +
                         share(memoryText(r.memoryRequests), r.memoryRequests, memory) + "\t" +
                         share(memoryText(r.memoryLimits), r.memoryLimits, memory) + "\t" +
                         ageOf(p->metadata, c.now) + "\n");
    }
    c.w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
    c.w.write(1, "Resource\tRequests\tLimits\n");
    c.w.write(1, "--------\t--------\t------\n");
    c.w.write(1, "cpu\t" + share(cpuText(total.cpuRequests), total.cpuRequests, cpu) + "\t" +
                     share(cpuText(total.cpuLimits), total.cpuLimits, cpu) + "\n");
    c.w.write(1, "memory\t" + share(memoryText(total.memoryRequests), total.memoryRequests, memory) + "\t" +
                     share(memoryText(total.memoryLimits), total.memoryLimits, memory) + "\n");
}

void resourceList(Context &c, const std::string &title, const std::map<std::string, api::Quantity> &list)
{
    if (list.empty())
        return;
    c.w.write(0, title + ":\n");
    for (const auto &[name, q] : list)
        c.w.write(0, "  " + name + ":\t" + q.text + "\n");
}

} // namespace

void node(Context &c, const api::Object &o)
{
    const api::Node &n = o.as<api::Node>();
    c.w.write(0, "Name:\t" + o.metadata.name + "\n");
    c.w.write(0, "Roles:\t" + nodeRoles(o.metadata.labels) + "\n");
    c.w.labels("", "Labels", o.metadata.labels);
    c.w.annotations("", "Annotations", o.metadata.annotations);
    c.w.write(0, "CreationTimestamp:\t" + formatRfc1123(o.metadata.creationTimestamp) + "\n");
    std::vector<std::string> taints;
    for (const api::Taint &t : n.spec.taints)
        taints.push_back(t.key + (t.value.empty() ? "" : "=" + t.value) + ":" + t.effect);
    c.w.write(0, "Taints:\t" + (taints.empty() ? std::string("<none>\n") : std::string()));
    for (std::size_t i = 0; i < taints.size(); ++i)
        c.w.write(0, (i ? "\t" : "") + taints[i] + "\n");
    c.w.write(0, std::string("Unschedulable:\t") + (n.spec.unschedulable ? "true" : "false") + "\n");
    if (!n.status.conditions.empty()) {
        c.w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
        c.w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
        for (const api::Condition &k : n.status.conditions) {
            std::string when = formatRfc1123(k.lastTransitionTime);
            c.w.write(1, k.type + " \t" + k.status + " \t" + when + " \t" + when + " \t" + k.reason + " \t" +
                             k.message + "\n");
        }
    }
    c.w.write(0, "Addresses:\n");
    for (const api::NodeAddress &a : n.status.addresses)
        c.w.write(1, a.type + ":\t" + a.address + "\n");
    resourceList(c, "Capacity", n.status.capacity);
    resourceList(c, "Allocatable", n.status.allocatable);
    c.w.write(0, "System Info:\n");
    c.w.write(0, "  Kernel Version:\t" + n.status.kernelVersion + "\n");
    c.w.write(0, "  OS Image:\t" + n.status.osImage + "\n");
    c.w.write(0, "  Operating System:\tlinux\n");
    c.w.write(0, "  Architecture:\tamd64\n");
    c.w.write(0, "  Container Runtime Version:\t" + n.status.containerRuntimeVersion + "\n");
    c.w.write(0, "  Kubelet Version:\t" + n.status.kubeletVersion + "\n");
    c.w.write(0, "  Kube-Proxy Version:\t" + n.status.kubeletVersion + "\n");
    if (!n.spec.podCIDR.empty())
        c.w.write(0, "PodCIDR:\t" + n.spec.podCIDR + "\n");
    nodeResources(c, o);
    events(c, o);
}

void namespace_(Context &c, const api::Object &o)
{
    c.w.write(0, "Name:\t" + o.metadata.name + "\n");
    c.w.labels("", "Labels", o.metadata.labels);
    c.w.annotations("", "Annotations", o.metadata.annotations);
    c.w.write(0, "Status:\t" + o.as<api::Namespace>().status.phase + "\n");
    c.w.write(0, "\nNo resource quota.\n");
    c.w.write(0, "\nNo LimitRange resource.\n");
}

} // namespace sim::console::describe
