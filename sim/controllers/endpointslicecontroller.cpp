#include "sim/controllers/endpointslicecontroller.h"

#include "sim/controllers/deletion.h"
#include "sim/controllers/podtemplatehash.h"

#include <algorithm>
#include <tuple>

namespace sim::controllers {
namespace {

bool isFinished(const api::Pod &pod) { return pod.status.phase == "Succeeded" || pod.status.phase == "Failed"; }

/** True when the endpoint a pod shows in a slice differs between two versions of the pod. */
bool endpointDiffers(const api::Object &a, const api::Object &b)
{
    const api::Pod &x = a.as<api::Pod>();
    const api::Pod &y = b.as<api::Pod>();
    return x.status.podIP != y.status.podIP || x.isReady() != y.isReady() || isTerminating(a) != isTerminating(b) ||
           x.spec->nodeName != y.spec->nodeName || isFinished(x) != isFinished(y);
}

/** True when a Service's named targetPort may resolve differently on two versions of a pod (its container ports). */
bool containerPortsDiffer(const api::Pod &x, const api::Pod &y)
{
    // Versions that share their spec (every status write) share their ports.
    if (&*x.spec == &*y.spec)
        return false;
    const std::vector<api::Container> &a = x.spec->containers;
    const std::vector<api::Container> &b = y.spec->containers;
    return !std::equal(a.begin(), a.end(), b.begin(), b.end(),
                       [](const api::Container &c, const api::Container &d) { return c.ports == d.ports; });
}

/**
 * True when a pod update changes what the Services' slices read from the pod, labels aside: as kube-controller-manager's
 * podEndpointsChanged (readiness, pod IPs, deletionTimestamp), plus what this simulator's slices also show or resolve
 * from the pod (nodeName, a finished phase, container ports).
 */
bool slicesReadDiffer(const api::Object &a, const api::Object &b)
{
    return endpointDiffers(a, b) || containerPortsDiffer(a.as<api::Pod>(), b.as<api::Pod>());
}

/** The container port a Service port's targetPort names on this pod; nullopt when the pod has none. */
std::optional<std::int32_t> resolveTargetPort(const api::ServicePort &port, const api::Pod &pod)
{
    const api::IntOrString &target = port.targetPort;
    if (target.isInt())
        return target.intValue() != 0 ? target.intValue() : port.port;
    if (target.stringValue().empty())
        return port.port;
    for (const api::Container &c : pod.spec->containers) {
        for (const api::ContainerPort &cp : c.ports) {
            if (cp.name == target.stringValue() && cp.protocol == port.protocol)
                return cp.containerPort;
        }
    }
    return std::nullopt;
}

} // namespace

EndpointSliceController::EndpointSliceController(ControllerContext context)
    : Controller(context, "endpointslice", engine::milliseconds(5)), m_random(context.engine.stream("endpointslice"))
{
}

void EndpointSliceController::onWatchEvent(const store::WatchEvent &event)
{
    switch (event.object->kind()) {
    case api::Kind::Pod:
        onPodEvent(event);
        break;
    case api::Kind::Service:
        onServiceEvent(event);
        break;
    default:
        break;
    }
}

void EndpointSliceController::onPodEvent(const store::WatchEvent &event)
{
    const api::Object &pod = *event.object;
    const std::string &ns = pod.metadata.namespace_;
    PodEntry *entry = keepPod(event);
    const bool relabeled = event.old && event.old->metadata.labels != pod.metadata.labels;
    if (event.type == store::WatchEventType::Deleted || !event.old || relabeled)
        ++m_membership[ns];
    if (event.type == store::WatchEventType::Deleted) {
        m_podsByLabel.remove(ns, pod.metadata.name, pod.metadata.labels);
    } else if (!event.old) {
        m_podsByLabel.add(ns, pod.metadata.name, pod.metadata.labels);
    } else if (relabeled) {
        m_podsByLabel.remove(ns, pod.metadata.name, event.old->metadata.labels);
        m_podsByLabel.add(ns, pod.metadata.name, pod.metadata.labels);
    }
    // An added or deleted pod always queues its Services; an update only when it changes what their slices read.
    if (event.type == store::WatchEventType::Modified && event.old && !relabeled && !slicesReadDiffer(pod, *event.old))
        return;
    std::vector<ServiceEntry *> gathered;  // a deletion's or a relabeling's Services, which no entry keeps
    if (!entry || relabeled) {
        appendServices(gathered, ns, pod.metadata.labels);
        if (relabeled) {
            appendServices(gathered, ns, event.old->metadata.labels);
            std::sort(gathered.begin(), gathered.end(), [](const ServiceEntry *a, const ServiceEntry *b) { return a->first < b->first; });
            gathered.erase(std::unique(gathered.begin(), gathered.end()), gathered.end());
        }
    }
    const std::vector<ServiceEntry *> &services = entry && !relabeled ? this->services(*entry, pod) : gathered;
    const Change change = classify(event);
    for (ServiceEntry *service : services) {
        const bool batched = change == Change::Harmless || (change == Change::AddsReady && service->second.readyEndpoints > 0);
        queue(*service, batched ? kBatchPeriod : reconcileDelay());
    }
}

const std::vector<EndpointSliceController::ServiceEntry *> &EndpointSliceController::services(PodEntry &entry,
                                                                                               const api::Object &pod)
{
    if (entry.servicesVersion != m_servicesVersion) {
        entry.services = servicesOf(pod.metadata.namespace_, pod.metadata.labels);
        entry.servicesVersion = m_servicesVersion;
    }
    return entry.services;
}

const std::vector<EndpointSliceController::ServiceEntry *> &
EndpointSliceController::servicesOf(const std::string &ns, const api::Shared<api::Labels> &labels)
{
    if (m_servicesByLabelsVersion != m_servicesVersion || m_servicesByLabels.size() >= kMaxCachedLabels) {
        m_servicesByLabels.clear();
        m_servicesByLabelsVersion = m_servicesVersion;
    }
    auto [it, added] = m_servicesByLabels.try_emplace(&*labels);
    LabelsServices &cached = it->second;
    if (added || cached.ns != ns) {
        cached.labels = labels;
        cached.ns = ns;
        cached.services.clear();
        appendServices(cached.services, ns, *labels);
    }
    return cached.services;
}

void EndpointSliceController::appendServices(std::vector<ServiceEntry *> &out, const std::string &ns,
                                             const api::Labels &labels)
{
    for (std::string_view name : m_servicesBySelector.withAny(ns, labels)) {
        assignKey(m_podKey, ns, name);
        out.push_back(&*m_services.try_emplace(m_podKey).first);
    }
}

void EndpointSliceController::queue(ServiceEntry &service, engine::SimTime delay)
{
    // The work queue itself would do nothing for a pass queued no later (all of this controller's work is foreground).
    const engine::SimTime at = now() + delay;
    if (service.second.queuedAt <= at)
        return;
    enqueueAfter(service.first, delay);
    service.second.queuedAt = at;
}

EndpointSliceController::Change EndpointSliceController::classify(const store::WatchEvent &event)
{
    // Serving: a ready endpoint traffic is sent to.
    auto serving = [](const api::Object &pod) {
        const api::Pod &p = pod.as<api::Pod>();
        return p.isReady() && !p.status.podIP.empty() && !isTerminating(pod);
    };
    const api::Object *before = event.old.get();
    if (event.type == store::WatchEventType::Deleted)
        return before && serving(*before) ? Change::Urgent : Change::Harmless;
    const api::Object &now = *event.object;
    if (!before)
        return serving(now) ? Change::AddsReady : Change::Harmless;
    if (now.metadata.labels != before->metadata.labels)
        return Change::Urgent;
    if (serving(*before)) {
        const api::Pod &p = now.as<api::Pod>();
        const api::Pod &b = before->as<api::Pod>();
        const bool same = serving(now) && p.status.podIP == b.status.podIP && p.spec->nodeName == b.spec->nodeName;
        return same ? Change::Harmless : Change::Urgent;
    }
    return serving(now) ? Change::AddsReady : Change::Harmless;
}

void EndpointSliceController::onServiceEvent(const store::WatchEvent &event)
{
    const api::Object &svc = *event.object;
    // The pods' kept Service keys hold while no selector comes, goes or changes (status writes change none).
    if (!event.old || event.type == store::WatchEventType::Deleted ||
        event.old->as<api::Service>().spec.selector != svc.as<api::Service>().spec.selector)
        ++m_servicesVersion;
    if (event.old)
        m_servicesBySelector.remove(svc.metadata.namespace_, svc.metadata.name, event.old->as<api::Service>().spec.selector);
    if (event.type != store::WatchEventType::Deleted)
        m_servicesBySelector.add(svc.metadata.namespace_, svc.metadata.name, svc.as<api::Service>().spec.selector);
    else
        m_servicesBySelector.remove(svc.metadata.namespace_, svc.metadata.name, svc.as<api::Service>().spec.selector);
    // A deleted Service's state goes with it: the version bump above keeps the pods' entries from reading it again.
    if (event.type != store::WatchEventType::Deleted)
        enqueue(keyOf(svc.metadata.namespace_, svc.metadata.name));
    else
        m_services.erase(keyOf(svc.metadata.namespace_, svc.metadata.name));
}

EndpointSliceController::PodEntry *EndpointSliceController::keepPod(const store::WatchEvent &event)
{
    const api::Object &pod = *event.object;
    PodEntry &entry = entryAt(event.slot);
    if (event.type == store::WatchEventType::Deleted) {
        entry = PodEntry{};  // the slot goes to the next pod created
        return nullptr;
    }
    // The endpoint still holds when the event follows the very version it was built from and changes nothing it shows.
    if (!event.old || entry.pod != event.old || endpointDiffers(pod, *event.old))
        entry.stale = true;
    if (!event.old || event.old->metadata.labels != pod.metadata.labels)
        entry.servicesVersion = 0;
    entry.pod = event.object;
    // Built now, while the version just written is still in the cache: a pass reads it much later, from memory. The
    // endpoint depends on this version alone, so it is the one the pass would build.
    if (entry.stale)
        buildEndpoint(entry);
    return &entry;
}

EndpointSliceController::PodEntry &EndpointSliceController::entryAt(store::Slot slot)
{
    if (slot >= m_pods.size())
        m_pods.resize(slot + 1);
    return m_pods[slot];
}

const std::vector<store::Slot> &EndpointSliceController::selectedPods(ServiceState &state, const api::Object &service)
{
    const std::string &ns = service.metadata.namespace_;
    const std::uint64_t membership = m_membership[ns];
    Selection &selection = state.selection;
    if (selection.servicesVersion == m_servicesVersion && selection.podsVersion == membership)
        return selection.pods;
    selection.pods.clear();
    for (std::string_view name : m_podsByLabel.withAll(ns, service.as<api::Service>().spec.selector)) {
        // The label index follows the pods' watch events, so each pod it names is in the store.
        const std::optional<store::Slot> slot = store().slotOf(api::Kind::Pod, ns, name);
        if (!slot)
            continue;
        PodEntry &entry = entryAt(*slot);
        if (!entry.pod)  // a pod stored before this controller watched
            entry.pod = store().get(api::Kind::Pod, ns, name);
        selection.pods.push_back(*slot);
    }
    selection.podsVersion = membership;
    selection.servicesVersion = m_servicesVersion;
    return selection.pods;
}

void EndpointSliceController::buildEndpoint(PodEntry &entry)
{
    entry.stale = false;
    entry.endpoint.reset();
    if (!entry.pod)
        return;
    const api::Object &p = *entry.pod;
    const api::Pod &pod = p.as<api::Pod>();
    if (pod.status.podIP.empty() || isFinished(pod))
        return;
    api::Endpoint endpoint;
    endpoint.addresses = {pod.status.podIP};
    const bool terminating = isTerminating(p);
    const bool ready = pod.isReady();
    endpoint.conditions.ready = ready && !terminating;
    endpoint.conditions.serving = ready;
    endpoint.conditions.terminating = terminating;
    endpoint.nodeName = pod.spec->nodeName;
    endpoint.targetRef = api::EndpointTargetRef{"Pod", p.metadata.namespace_, p.metadata.name, p.metadata.uid};
    entry.endpoint.emplace(std::move(endpoint));
}

std::vector<EndpointSliceController::Group> EndpointSliceController::desiredGroups(ServiceState &state,
                                                                                   const api::Object &service)
{
    const api::ServiceSpec &spec = service.as<api::Service>().spec;
    std::vector<Group> groups;  // almost always one: pods of a Service usually resolve its ports alike
    std::vector<std::optional<std::int32_t>> targets(spec.ports.size());
    const std::vector<store::Slot> &pods = selectedPods(state, service);
    for (store::Slot slot : pods) {
        PodEntry &entry = m_pods[slot];
        if (entry.stale)
            buildEndpoint(entry);
        // The label index holds every pod's current labels, so each pod it gives matches the selector.
        if (!entry.endpoint)
            continue;
        for (std::size_t i = 0; i < spec.ports.size(); ++i)
            targets[i] = resolveTargetPort(spec.ports[i], entry.pod->as<api::Pod>());
        auto found = std::find_if(groups.begin(), groups.end(), [&](const Group &g) { return g.targets == targets; });
        if (found == groups.end()) {
            found = groups.insert(groups.end(), Group{targets, {}, {}});
            for (std::size_t i = 0; i < spec.ports.size(); ++i) {
                const api::ServicePort &sp = spec.ports[i];
                if (targets[i])
                    found->ports.push_back(api::EndpointPort{sp.name, sp.protocol, *targets[i], sp.appProtocol});
            }
            found->endpoints.reserve(pods.size());
        }
        found->endpoints.push_back(*entry.endpoint);
    }
    // Slices follow their ports' order (name, protocol, number), whatever order the pods came in.
    auto portOrder = [](const Group &a, const Group &b) {
        return std::lexicographical_compare(a.ports.begin(), a.ports.end(), b.ports.begin(), b.ports.end(),
                                            [](const api::EndpointPort &x, const api::EndpointPort &y) {
                                                return std::tie(x.name, x.protocol, x.port) < std::tie(y.name, y.protocol, y.port);
                                            });
    };
    std::sort(groups.begin(), groups.end(), portOrder);
    return groups;
}

std::vector<api::EndpointSlice> EndpointSliceController::desiredSlices(ServiceState &state,
                                                                       const api::Object &service)
{
    std::vector<api::EndpointSlice> out;
    for (Group &group : desiredGroups(state, service)) {
        for (std::size_t i = 0; i < group.endpoints.size(); i += kMaxEndpointsPerSlice) {
            api::EndpointSlice slice;
            slice.ports = group.ports;
            const std::size_t end = std::min(group.endpoints.size(), i + kMaxEndpointsPerSlice);
            slice.endpoints.assign(std::make_move_iterator(group.endpoints.begin() + static_cast<std::ptrdiff_t>(i)),
                                   std::make_move_iterator(group.endpoints.begin() + static_cast<std::ptrdiff_t>(end)));
            out.push_back(std::move(slice));
        }
    }
    // A Service with no endpoints still has one (empty) slice, with its ports when they are all numbers.
    if (out.empty())
        out.emplace_back();
    return out;
}

std::string EndpointSliceController::sliceName(const api::Object &service)
{
    while (true) {
        std::string suffix;
        for (int i = 0; i < 5; ++i)
            suffix.push_back(kSafeAlphabet[m_random.uniform(kSafeAlphabet.size())]);
        std::string name = service.metadata.name + "-" + suffix;
        if (!store().get(api::Kind::EndpointSlice, service.metadata.namespace_, name))
            return name;
    }
}

Controller::Result EndpointSliceController::reconcile(const std::string &key)
{
    const auto [nsView, nameView] = splitKey(key);
    const std::string ns(nsView), name(nameView);  // the slices' names and labels are built from them
    auto state = m_services.find(key);
    if (state != m_services.end())
        state->second.queuedAt = kNotQueued;  // this is the queued pass
    api::ObjectPtr service = store().get(api::Kind::Service, ns, name);
    if (!service || isTerminating(*service) || !service->as<api::Service>().spec.hasSelector() ||
        service->as<api::Service>().spec.type == "ExternalName") {
        // Kept, not erased, while the Service exists: the entries of the pods it may select point at it.
        if (state != m_services.end())
            state->second = ServiceState{};
        return {};
    }
    if (state == m_services.end())
        state = m_services.try_emplace(key).first;
    std::vector<api::ObjectPtr> existing = store().listOwnedBy(api::Kind::EndpointSlice, ns, service->metadata.uid);
    std::vector<api::EndpointSlice> desired = desiredSlices(state->second, *service);
    std::size_t &ready = state->second.readyEndpoints;
    ready = 0;
    for (const api::EndpointSlice &slice : desired)
        for (const api::Endpoint &endpoint : slice.endpoints)
            ready += endpoint.conditions.ready.value_or(false);
    for (std::size_t i = 0; i < desired.size(); ++i) {
        if (i < existing.size()) {
            if (existing[i]->as<api::EndpointSlice>() == desired[i])
                continue;
            // The new body replaces the old one: copying the old endpoints first would be wasted.
            store().update(api::Object{existing[i]->metadata, std::move(desired[i])});
            continue;
        }
        api::Object slice = api::makeObject(api::Kind::EndpointSlice);
        slice.metadata.name = sliceName(*service);
        slice.metadata.generateName = name + "-";
        slice.metadata.namespace_ = ns;
        slice.metadata.labels = service->metadata.labels;
        slice.metadata.labels.edit()[api::kServiceNameLabel] = name;
        slice.metadata.labels.edit()[api::kManagedByLabel] = kManagedBy;
        slice.metadata.ownerReferences.edit().push_back(
            api::OwnerReference{"v1", "Service", name, service->metadata.uid, true, true});
        slice.as<api::EndpointSlice>() = std::move(desired[i]);
        store().create(std::move(slice));
    }
    for (std::size_t i = desired.size(); i < existing.size(); ++i)
        store().remove(api::Kind::EndpointSlice, ns, existing[i]->metadata.name);
    return {};
}

} // namespace sim::controllers
