#include "sim/controllers/kubelet.h"

#include "sim/controllers/deletion.h"
#include "sim/controllers/nodelifecyclecontroller.h"
#include "sim/controllers/simannotations.h"

#include <algorithm>

namespace sim::controllers {
namespace {

using Work = engine::Engine::Work;

// The pod conditions the kubelet writes, in the order it adds them.
constexpr std::string_view kInitialized = "Initialized";
constexpr std::string_view kContainersReady = "ContainersReady";
constexpr std::string_view kReady = "Ready";

// A container that ran this long without crashing starts its back-off afresh (twice the cap, as the kubelet does).
constexpr engine::SimTime kBackOffReset = 2 * Kubelet::kMaxBackOff;

std::string defaultPullPolicy(const api::Container &c)
{
    if (!c.imagePullPolicy.empty())
        return c.imagePullPolicy;
    const std::size_t slash = c.image.rfind('/');
    const std::string last = slash == std::string::npos ? c.image : c.image.substr(slash + 1);
    const std::size_t colon = last.find(':');
    const bool latest = c.image.find('@') == std::string::npos &&
                        (colon == std::string::npos || last.substr(colon + 1) == "latest");
    return latest ? "Always" : "IfNotPresent";
}

std::string podRef(const api::Object &pod)
{
    return pod.metadata.name + "_" + pod.metadata.namespace_ + "(" + pod.metadata.uid + ")";
}

} // namespace

Kubelet::Kubelet(ControllerContext context)
    : Controller(context, "kubelet", engine::milliseconds(5)), m_random(context.engine.stream("kubelet"))
{
}

engine::SimTime Kubelet::draw(engine::SimTime min, engine::SimTime max)
{
    return min + static_cast<engine::SimTime>(m_random.uniform(static_cast<std::uint64_t>(max - min + 1)));
}

Kubelet::PodRuntime *Kubelet::runtime(store::Slot slot)
{
    return slot < m_pods.size() && m_pods[slot].serial != 0 ? &m_pods[slot] : nullptr;
}

bool Kubelet::isNodeStopped(const std::string &node) const { return m_stoppedNodes.count(node) > 0; }

void Kubelet::onWatchEvent(const store::WatchEvent &event)
{
    if (event.object->kind() == api::Kind::Pod)
        onPodEvent(event);
    else if (event.object->kind() == api::Kind::Node)
        onNodeEvent(event);
}

void Kubelet::onPodEvent(const store::WatchEvent &event)
{
    const api::Object &o = *event.object;
    const store::Slot slot = event.slot;
    PodRuntime *rt = runtime(slot);
    if (event.type == store::WatchEventType::Deleted) {
        if (rt)
            rt->pod = nullptr;
        if (rt && rt->uid == o.metadata.uid)
            forget(slot, bufferedKey(o.metadata.namespace_, o.metadata.name));
        return;
    }
    // A write made by another watcher while this event was being delivered arrives first: keep the newest version.
    if (rt && (!rt->pod || rt->pod->metadata.resourceVersion <= o.metadata.resourceVersion))
        rt->pod = event.object;
    if (o.as<api::Pod>().spec->nodeName.empty())
        return;
    const bool changed = !rt || rt->uid != o.metadata.uid || (isTerminating(o) && !rt->terminating) ||
                         (event.old && event.old->metadata.annotations != o.metadata.annotations);
    if (changed)
        enqueue(bufferedKey(o.metadata.namespace_, o.metadata.name));
}

void Kubelet::onNodeEvent(const store::WatchEvent &event)
{
    const std::string &node = event.object->metadata.name;
    const bool stopped = event.type != store::WatchEventType::Deleted &&
                         flagAnnotation(event.object->metadata, annotation::kKubeletStopped);
    if (stopped == isNodeStopped(node))
        return;
    auto pods = m_podsByNode.find(node);
    if (stopped) {
        m_stoppedNodes.insert(node);
        if (pods != m_podsByNode.end()) {
            for (const auto &[key, slot] : pods->second)
                freeze(m_pods.at(slot));
        }
        return;
    }
    m_stoppedNodes.erase(node);
    if (pods != m_podsByNode.end()) {
        for (const auto &[key, slot] : pods->second)
            enqueue(key);
    }
    // Pods bound while the kubelet was away have no runtime yet: look for them too.
    for (const api::ObjectPtr &p : store().list(api::Kind::Pod)) {
        if (p->as<api::Pod>().spec->nodeName == node &&
            !runtime(*store().slotOf(api::Kind::Pod, p->metadata.namespace_, p->metadata.name)))
            enqueue(keyOf(p->metadata.namespace_, p->metadata.name));
    }
}

Controller::Result Kubelet::reconcile(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    const std::optional<store::Slot> found = store().slotOf(api::Kind::Pod, ns, name);
    if (!found)
        return {};
    const store::Slot slot = *found;
    PodRuntime *rt = runtime(slot);
    // A pod with a runtime is read from it (the store's current version, kept by its watch events).
    const api::ObjectPtr p = rt ? rt->pod : store().get(api::Kind::Pod, ns, name);
    if (!p)
        return {};
    const std::string &node = p->as<api::Pod>().spec->nodeName;
    if (node.empty() || isNodeStopped(node))
        return {};
    if (rt && rt->uid != p->metadata.uid) {
        forget(slot, key);
        rt = nullptr;
    }
    if (!rt) {
        if (isTerminating(*p)) {
            store().remove(api::Kind::Pod, p->metadata.namespace_, p->metadata.name);
            return {};
        }
        const std::string &phase = p->as<api::Pod>().status.phase;
        if (phase == "Succeeded" || phase == "Failed")
            return {};
        return startPod(slot, key, p);
    }
    if (rt->frozen)
        resume(slot, p);
    else if (isTerminating(*p) && !rt->terminating)
        beginTermination(slot, p);
    else if (!rt->terminating)
        refreshTimers(slot, p);
    return {};
}

Controller::Result Kubelet::startPod(store::Slot slot, const std::string &key, const api::ObjectPtr &p)
{
    const std::string &nodeName = p->as<api::Pod>().spec->nodeName;
    api::ObjectPtr node = store().get(api::Kind::Node, "", nodeName);
    if (!node)
        return {};
    const std::string &cidr = node->as<api::Node>().spec.podCIDR;
    if (cidr.empty())
        return Result{engine::milliseconds(100)};  // the node's pod range is not allocated yet
    std::optional<std::string> ip = m_ipam.allocate(nodeName, cidr);
    if (!ip) {
        events().warning(*p, "FailedCreatePodSandBox",
                         "Failed to create pod sandbox: plugin type=\"host-local\" failed (add): failed to allocate "
                         "for range 0: no IP addresses available in range set: " + cidr,
                         kComponent);
        return {};
    }
    if (slot >= m_pods.size())
        m_pods.resize(slot + 1);
    PodRuntime &rt = m_pods[slot];
    rt.uid = p->metadata.uid;
    rt.pod = p;
    rt.serial = ++m_runtimeSerial;
    rt.node = nodeName;
    rt.ip = *ip;
    rt.hostIP = NodeLifecycleController::internalIP(node->as<api::Node>());
    for (const api::Container &c : p->as<api::Pod>().spec->containers)
        rt.containers.push_back(ContainerRuntime{c.name});
    m_podsByNode[nodeName].emplace(key, slot);
    writeStatus(slot);
    // Sandbox: the pause container and the CNI call.
    if (!rt.containers.empty())
        after(slot, draw(engine::milliseconds(100), engine::milliseconds(300)), &Kubelet::startContainer, 0);
    return {};
}

void Kubelet::startContainer(store::Slot slot, std::size_t index)
{
    PodRuntime *rt = runtime(slot);
    api::ObjectPtr p = pod(slot);
    const api::Container &c = p->as<api::Pod>().spec->containers.at(index);
    ContainerRuntime &cr = rt->containers[index];
    std::map<std::string, engine::SimTime> &images = m_images[rt->node];
    auto present = images.find(c.image);
    if (defaultPullPolicy(c) != "Always" && present != images.end()) {
        if (present->second > now()) {  // another pod's pull of this image is still running
            after(slot, present->second - now(), &Kubelet::startContainer, index);
            return;
        }
        events().normal(*p, "Pulled", "Container image \"" + c.image + "\" already present on machine", kComponent);
        createContainer(slot, index);
        return;
    }
    // One pull at a time per node (the kubelet's default, serializeImagePulls).
    cr.pullDuration = secondsAnnotation(p->metadata, annotation::kImagePullSeconds)
                          .value_or(draw(engine::seconds(1), engine::seconds(3)));
    cr.pullRequestedAt = now();
    engine::SimTime &freeAt = m_pullQueueFreeAt[rt->node];
    const engine::SimTime done = std::max(freeAt, now()) + cr.pullDuration;
    freeAt = done;
    if (present == images.end() || present->second > done)
        images[c.image] = done;
    events().normal(*p, "Pulling", "Pulling image \"" + c.image + "\"", kComponent);
    after(slot, done - now(), &Kubelet::imagePulled, index);
}

void Kubelet::imagePulled(store::Slot slot, std::size_t index)
{
    PodRuntime *rt = runtime(slot);
    api::ObjectPtr p = pod(slot);
    const ContainerRuntime &cr = rt->containers[index];
    events().normal(*p, "Pulled",
                    "Successfully pulled image \"" + p->as<api::Pod>().spec->containers.at(index).image + "\" in " +
                        formatDuration(cr.pullDuration) + " (" + formatDuration(now() - cr.pullRequestedAt) +
                        " including waiting)",
                    kComponent);
    createContainer(slot, index);
}

void Kubelet::createContainer(store::Slot slot, std::size_t index)
{
    api::ObjectPtr p = pod(slot);
    events().normal(*p, "Created", "Created container " + runtime(slot)->containers[index].name, kComponent);
    const engine::SimTime startup = secondsAnnotation(p->metadata, annotation::kStartupSeconds)
                                        .value_or(draw(engine::milliseconds(300), engine::milliseconds(700)));
    const ContainerRuntime &cr = runtime(slot)->containers[index];
    after(slot, startup, &Kubelet::containerStarted, index, cr.everStarted ? restartWork(*p, cr.name) : Work::Foreground);
}

void Kubelet::containerStarted(store::Slot slot, std::size_t index)
{
    PodRuntime *rt = runtime(slot);
    api::ObjectPtr p = pod(slot);
    ContainerRuntime &cr = rt->containers[index];
    events().normal(*p, "Started", "Started container " + cr.name, kComponent);
    cr.state = ContainerState::Running;
    cr.everStarted = true;
    cr.startedAt = now();
    cr.probeSuccesses = 0;
    cr.probeFailures = 0;
    const std::optional<api::Probe> &probe = p->as<api::Pod>().spec->containers.at(index).readinessProbe;
    cr.ready = !probe.has_value();
    if (probe)
        scheduleProbe(slot, index, now() + engine::seconds(probe->initialDelaySeconds));
    scheduleCrash(slot, index);
    writeStatus(slot);
    if (index + 1 < rt->containers.size() && !rt->containers[index + 1].everStarted)
        startContainer(slot, index + 1);
}

bool Kubelet::readinessFails(const api::Object &p) const { return flagAnnotation(p.metadata, annotation::kReadinessFail); }

std::optional<engine::SimTime> Kubelet::crashAfter(const api::Object &p, const std::string &container) const
{
    std::optional<engine::SimTime> after = secondsAnnotation(p.metadata, annotation::kCrashAfterSeconds);
    const std::string only = p.metadata.annotation(annotation::kCrashContainer);
    if (!after || (!only.empty() && only != container))
        return std::nullopt;
    return after;
}

void Kubelet::scheduleProbe(store::Slot slot, std::size_t index, engine::SimTime at)
{
    PodRuntime *rt = runtime(slot);
    ContainerRuntime &cr = rt->containers[index];
    engine().cancel(cr.probeTimer);
    cr.nextProbeAt = at;
    // A probe whose result changes nothing keeps running in the background; one that will flip Ready is real work.
    const bool willSucceed = !readinessFails(*pod(slot));
    const Work work = willSucceed != cr.ready ? Work::Foreground : Work::Background;
    cr.probeTimer = scheduleStep(slot, at, &Kubelet::probe, index, work);
}

std::string Kubelet::probeFailure(const api::Object &p, const api::Probe &probe) const
{
    std::string detail;
    if (probe.handler == "httpGet")
        detail = "HTTP probe failed with statuscode: 503";
    else if (probe.handler == "tcpSocket")
        detail = "dial tcp " + p.as<api::Pod>().status.podIP + ":" + probe.port.toString() + ": connect: connection refused";
    else if (probe.handler == "grpc")
        detail = "service unhealthy (responded with \"NOT_SERVING\")";
    else
        detail = "command failed with exit code 1";
    return "Readiness probe failed: " + detail;
}

void Kubelet::probe(store::Slot slot, std::size_t index)
{
    PodRuntime *rt = runtime(slot);
    api::ObjectPtr p = pod(slot);
    ContainerRuntime &cr = rt->containers[index];
    cr.probeTimer = 0;
    const api::Probe &spec = *p->as<api::Pod>().spec->containers.at(index).readinessProbe;
    if (!readinessFails(*p)) {
        ++cr.probeSuccesses;
        cr.probeFailures = 0;
        if (!cr.ready && cr.probeSuccesses >= std::max(1, spec.successThreshold)) {
            cr.ready = true;
            writeStatus(slot);
        }
    } else {
        ++cr.probeFailures;
        cr.probeSuccesses = 0;
        events().warning(*p, "Unhealthy", probeFailure(*p, spec), kComponent);
        if (cr.ready && cr.probeFailures >= std::max(1, spec.failureThreshold)) {
            cr.ready = false;
            writeStatus(slot);
        }
    }
    scheduleProbe(slot, index, now() + engine::seconds(std::max(1, spec.periodSeconds)));
}

void Kubelet::scheduleCrash(store::Slot slot, std::size_t index)
{
    PodRuntime *rt = runtime(slot);
    ContainerRuntime &cr = rt->containers[index];
    engine().cancel(cr.crashTimer);
    cr.crashTimer = 0;
    std::optional<engine::SimTime> after = crashAfter(*pod(slot), cr.name);
    if (after && cr.state == ContainerState::Running)
        cr.crashTimer = scheduleStep(slot, std::max(now(), cr.startedAt + *after), &Kubelet::crash, index, Work::Background);
}

void Kubelet::crash(store::Slot slot, std::size_t index)
{
    PodRuntime *rt = runtime(slot);
    api::ObjectPtr p = pod(slot);
    ContainerRuntime &cr = rt->containers[index];
    cr.crashTimer = 0;
    engine().cancel(cr.probeTimer);
    cr.probeTimer = 0;
    cr.ready = false;
    cr.finishedAt = now();
    cr.lastExitCode = 1;
    if (p->as<api::Pod>().spec->restartPolicy == "Never") {
        cr.state = ContainerState::Terminated;
        writeStatus(slot);
        return;
    }
    if (now() - cr.startedAt >= kBackOffReset)
        cr.backOffStep = 0;
    cr.currentBackOff = std::min(kMaxBackOff, kInitialBackOff << std::min(cr.backOffStep, 10));
    ++cr.backOffStep;
    cr.state = ContainerState::BackOff;
    events().warning(*p, "BackOff", "Back-off restarting failed container " + cr.name + " in pod " + podRef(*p), kComponent);
    writeStatus(slot);
    scheduleRestart(slot, index, now() + cr.currentBackOff);
}

// A crash loop would keep settle() running for ever, so its restarts are background work. Once the loop is
// stopped, the restart still waiting out its back-off is real work: settle() waits for it, and a Deployment
// whose pod was crash-looping converges (as on a cluster, where the container starts after the back-off).
engine::Engine::Work Kubelet::restartWork(const api::Object &pod, const std::string &container) const
{
    return crashAfter(pod, container) ? Work::Background : Work::Foreground;
}

void Kubelet::scheduleRestart(store::Slot slot, std::size_t index, engine::SimTime at)
{
    PodRuntime *rt = runtime(slot);
    ContainerRuntime &cr = rt->containers[index];
    engine().cancel(cr.restartTimer);
    cr.restartAt = at;
    cr.restartWork = restartWork(*pod(slot), cr.name);
    after(slot, at - now(), &Kubelet::restart, index, cr.restartWork);
    cr.restartTimer = rt->timers.back();
}

void Kubelet::restart(store::Slot slot, std::size_t index)
{
    ContainerRuntime &cr = runtime(slot)->containers[index];
    cr.restartTimer = 0;
    ++cr.restartCount;
    cr.state = ContainerState::Creating;
    api::ObjectPtr p = pod(slot);
    events().normal(*p, "Pulled",
                    "Container image \"" + p->as<api::Pod>().spec->containers.at(index).image + "\" already present on machine",
                    kComponent);
    createContainer(slot, index);
}

void Kubelet::beginTermination(store::Slot slot, const api::ObjectPtr &p)
{
    PodRuntime *rt = runtime(slot);
    cancelTimers(*rt);
    rt->terminating = true;
    bool anyRunning = false;
    for (const ContainerRuntime &cr : rt->containers) {
        if (cr.state != ContainerState::Running)
            continue;
        anyRunning = true;
        events().normal(*p, "Killing", "Stopping container " + cr.name, kComponent);
    }
    const std::int64_t grace = p->metadata.deletionGracePeriodSeconds.value_or(
        p->as<api::Pod>().spec->terminationGracePeriodSeconds);
    // The app's own shutdown after SIGTERM; the kubelet sends SIGKILL when the grace period ends.
    const engine::SimTime shutdown = anyRunning ? secondsAnnotation(p->metadata, annotation::kShutdownSeconds)
                                                      .value_or(draw(engine::milliseconds(100), engine::milliseconds(500)))
                                                : engine::milliseconds(10);
    after(slot, std::min(shutdown, engine::seconds(grace)), &Kubelet::finishTermination, 0);
}

void Kubelet::finishTermination(store::Slot slot, std::size_t)
{
    api::ObjectPtr p = pod(slot);
    store().remove(api::Kind::Pod, p->metadata.namespace_, p->metadata.name);
}

void Kubelet::freeze(PodRuntime &rt)
{
    cancelTimers(rt);
    rt.frozen = true;
}

void Kubelet::resume(store::Slot slot, const api::ObjectPtr &p)
{
    PodRuntime *rt = runtime(slot);
    rt->frozen = false;
    if (isTerminating(*p)) {
        rt->terminating = false;
        beginTermination(slot, p);
        return;
    }
    if (rt->terminating) {
        after(slot, 0, &Kubelet::finishTermination, 0);
        return;
    }
    bool chainRestarted = false;
    for (std::size_t i = 0; i < rt->containers.size(); ++i) {
        ContainerRuntime &cr = rt->containers[i];
        if (cr.state == ContainerState::Creating && !chainRestarted && !cr.everStarted) {
            chainRestarted = true;
            startContainer(slot, i);
        } else if (cr.state == ContainerState::BackOff || cr.state == ContainerState::Creating) {
            scheduleRestart(slot, i, now());
        }
    }
    refreshTimers(slot, p);
}

void Kubelet::refreshTimers(store::Slot slot, const api::ObjectPtr &p)
{
    PodRuntime *rt = runtime(slot);
    for (std::size_t i = 0; i < rt->containers.size(); ++i) {
        ContainerRuntime &cr = rt->containers[i];
        if (cr.state == ContainerState::BackOff && engine().isPending(cr.restartTimer) &&
            restartWork(*p, cr.name) != cr.restartWork)
            scheduleRestart(slot, i, cr.restartAt);
        if (cr.state != ContainerState::Running)
            continue;
        if (p->as<api::Pod>().spec->containers.at(i).readinessProbe)
            scheduleProbe(slot, i, cr.probeTimer ? cr.nextProbeAt : now());
        scheduleCrash(slot, i);
    }
}

void Kubelet::cancelTimers(PodRuntime &rt)
{
    for (engine::EventId id : rt.timers)
        engine().cancel(id);
    rt.timers.clear();
    for (ContainerRuntime &cr : rt.containers) {
        engine().cancel(cr.probeTimer);
        engine().cancel(cr.crashTimer);
        cr.probeTimer = cr.crashTimer = cr.restartTimer = 0;
    }
}

void Kubelet::forget(store::Slot slot, const std::string &key)
{
    PodRuntime *rt = runtime(slot);
    if (!rt)
        return;
    cancelTimers(*rt);
    m_ipam.release(rt->node, rt->ip);
    auto byNode = m_podsByNode.find(rt->node);
    if (byNode != m_podsByNode.end()) {
        byNode->second.erase(key);
        if (byNode->second.empty())
            m_podsByNode.erase(byNode);
    }
    *rt = PodRuntime{};  // serial 0: no runtime at the slot
}

engine::EventId Kubelet::scheduleStep(store::Slot slot, engine::SimTime at, Step step, std::size_t index, Work work)
{
    // A runtime is only ever replaced by one for another pod (another uid), so its serial tells them apart as the uid
    // would, without copying the uid into every step.
    const std::uint64_t serial = runtime(slot)->serial;
    return engine().scheduleAt(
        at,
        [this, slot, serial, step, index] {
            PodRuntime *rt = runtime(slot);
            if (rt && rt->serial == serial && !rt->frozen && pod(slot))
                (this->*step)(slot, index);
        },
        work);
}

void Kubelet::after(store::Slot slot, engine::SimTime delay, Step step, std::size_t index, Work work)
{
    PodRuntime *rt = runtime(slot);
    std::erase_if(rt->timers, [this](engine::EventId id) { return !engine().isPending(id); });
    rt->timers.push_back(scheduleStep(slot, now() + delay, step, index, work));
}

void Kubelet::writeStatus(store::Slot slot)
{
    PodRuntime *rt = runtime(slot);
    api::ObjectPtr p = pod(slot);
    const api::Pod &pod = p->as<api::Pod>();
    // The status is built from the runtime, not copied from the current one and rewritten: only what the kubelet does
    // not write (reason, message, other conditions) and the conditions' transition times carry over.
    const api::PodStatus &current = pod.status;
    api::PodStatus st;
    st.reason = current.reason;
    st.message = current.message;
    st.podIP = rt->ip;
    st.hostIP = rt->hostIP;
    st.startTime = current.startTime ? current.startTime : now();
    // Room for the conditions the kubelet adds below, and no more (every stored pod keeps its vector's capacity): the
    // vector is not grown by copying one, two, four conditions.
    std::size_t conditions = current.conditions.size();
    for (std::string_view type : {kInitialized, kContainersReady, kReady})
        conditions += api::findCondition(current.conditions, type) ? 0 : 1;
    st.conditions.reserve(conditions);
    st.conditions.assign(current.conditions.begin(), current.conditions.end());
    std::vector<api::ContainerStatus> &statuses = st.containerStatuses;
    statuses.reserve(rt->containers.size());
    bool allReady = !rt->containers.empty();
    bool allStarted = true;
    bool allTerminated = !rt->containers.empty();
    bool anyFailed = false;
    std::string unready;
    for (std::size_t i = 0; i < rt->containers.size(); ++i) {
        const ContainerRuntime &cr = rt->containers[i];
        api::ContainerStatus cs;
        cs.name = cr.name;
        cs.image = pod.spec->containers.at(i).image;
        cs.ready = cr.ready;
        cs.started = cr.state == ContainerState::Running;
        cs.restartCount = cr.restartCount;
        if (cr.restartCount > 0 || cr.state == ContainerState::BackOff)
            cs.lastRestartAt = cr.finishedAt;
        switch (cr.state) {
        case ContainerState::Creating:
            cs.state = "waiting";
            cs.reason = "ContainerCreating";
            break;
        case ContainerState::Running:
            cs.state = "running";
            cs.startedAt = cr.startedAt;
            break;
        case ContainerState::BackOff:
            cs.state = "waiting";
            cs.reason = "CrashLoopBackOff";
            cs.message = "back-off " + formatDuration(cr.currentBackOff) + " restarting failed container=" + cr.name +
                         " pod=" + podRef(*p);
            break;
        case ContainerState::Terminated:
            cs.state = "terminated";
            cs.reason = cr.lastExitCode == 0 ? "Completed" : "Error";
            cs.exitCode = cr.lastExitCode;
            break;
        }
        allReady = allReady && cr.ready;
        allStarted = allStarted && cr.everStarted;
        allTerminated = allTerminated && cr.state == ContainerState::Terminated;
        anyFailed = anyFailed || (cr.state == ContainerState::Terminated && cr.lastExitCode != 0);
        if (!cr.ready)
            unready += (unready.empty() ? "" : " ") + cr.name;
        statuses.push_back(std::move(cs));
    }
    st.phase = allTerminated ? (anyFailed ? "Failed" : "Succeeded") : allStarted ? "Running" : "Pending";
    api::setCondition(st.conditions, api::Condition{std::string(kInitialized), "True", "", "", now(), 0});
    const std::string reason = allReady ? "" : "ContainersNotReady";
    const std::string message = allReady ? "" : "containers with unready status: [" + unready + "]";
    api::setCondition(st.conditions, api::Condition{std::string(kContainersReady), allReady ? "True" : "False", reason, message, now(), 0});
    api::setCondition(st.conditions, api::Condition{std::string(kReady), allReady ? "True" : "False", reason, message, now(), 0});
    if (st == current)
        return;
    store().updateStatus(api::Object{p->metadata, api::Pod{pod.spec, std::move(st)}});
}

} // namespace sim::controllers
