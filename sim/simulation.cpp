#include "sim/simulation.h"

#include "sim/controllers/deletion.h"
#include "sim/controllers/deploymentcontroller.h"
#include "sim/controllers/endpointslicecontroller.h"
#include "sim/controllers/garbagecollector.h"
#include "sim/controllers/gatewaystatuscontroller.h"
#include "sim/controllers/ingressstatuscontroller.h"
#include "sim/controllers/kubelet.h"
#include "sim/controllers/loadbalancercontroller.h"
#include "sim/controllers/namespacecontroller.h"
#include "sim/controllers/nodelifecyclecontroller.h"
#include "sim/controllers/podtemplatehash.h"
#include "sim/controllers/replicasetcontroller.h"
#include "sim/controllers/scheduler.h"
#include "sim/controllers/simannotations.h"
#include "sim/manifest/objectvalidator.h"
#include "sim/manifest/validator.h"

#include <algorithm>
#include <cstdlib>
#include <exception>

namespace sim {
namespace {

using controllers::DeploymentController;

std::string quoted(const std::string &s) { return "\"" + s + "\""; }

bool sameMetadata(const api::ObjectMeta &a, const api::ObjectMeta &b)
{
    return a.labels == b.labels && a.annotations == b.annotations && a.ownerReferences == b.ownerReferences &&
           a.finalizers == b.finalizers;
}

// Runs a command body, turning anything unexpected into an error result: commands never throw.
template <class F> CommandResult guarded(F &&body)
{
    try {
        return body();
    } catch (const std::exception &e) {
        return CommandResult::failure(std::string("internal error: ") + e.what());
    }
}

// The namespaces a cluster starts with, as `kubectl get namespaces` lists them on a new cluster. The first,
// third and fourth cannot be deleted (the API server's NamespaceLifecycle admission).
constexpr const char *kSystemNamespaces[] = {"default", "kube-node-lease", "kube-public", "kube-system"};

bool isImmortalNamespace(const std::string &name) { return name == "default" || name == "kube-public" || name == "kube-system"; }

} // namespace

bool isUntouchedSystemNamespace(const api::Object &object)
{
    if (object.kind() != api::Kind::Namespace || !object.metadata.annotations->empty() || object.metadata.labels->size() != 1)
        return false;
    return std::find(std::begin(kSystemNamespaces), std::end(kSystemNamespaces), object.metadata.name) != std::end(kSystemNamespaces);
}

std::string notFoundMessage(api::Kind kind, const std::string &name)
{
    return api::kindInfo(kind).qualifiedPlural() + " " + quoted(name) + " not found";
}

Simulation::Simulation(std::uint64_t seed)
    : m_engine(seed), m_store(m_engine), m_events(m_engine), m_admission(m_engine.stream("service-allocator"))
{
    for (const char *name : kSystemNamespaces) {
        api::Object ns = api::makeObject(api::Kind::Namespace);
        ns.metadata.name = name;
        ns.metadata.labels.edit()["kubernetes.io/metadata.name"] = name;
        m_store.create(std::move(ns));
    }
    m_admissionWatch = m_store.watch([this](const store::WatchEvent &event) {
        if (event.type == store::WatchEventType::Deleted && event.object->kind() == api::Kind::Service)
            m_admission.release(*event.object);
    });
    // The control plane and the nodes, one line each.
    addController<controllers::NodeLifecycleController>();
    addController<controllers::Scheduler>();
    addController<controllers::Kubelet>();
    addController<controllers::ReplicaSetController>();
    addController<controllers::DeploymentController>();
    addController<controllers::EndpointSliceController>();
    addController<controllers::GarbageCollector>();
    addController<controllers::NamespaceController>();
    // Traffic: the data plane, the cloud's load balancers, and the status Ingress and Gateway controllers write.
    m_traffic = std::make_unique<traffic::TrafficSystem>(m_engine, m_store);
    m_loadBalancers = &addController<controllers::LoadBalancerController>(*m_traffic);
    addController<controllers::GatewayStatusController>(*m_traffic);
    addController<controllers::IngressStatusController>(*m_loadBalancers);
}

Simulation::~Simulation()
{
    m_controllers.clear();
    m_traffic.reset();
    m_store.unwatch(m_admissionWatch);
}

api::Object Simulation::mergeForUpdate(const api::Object &desired, const api::ObjectPtr &existing) const
{
    api::Object merged = desired;
    merged.metadata.uid = existing->metadata.uid;
    merged.metadata.ownerReferences = desired.metadata.ownerReferences->empty() ? existing->metadata.ownerReferences
                                                                              : desired.metadata.ownerReferences;
    // Annotations the controllers own survive an apply, as kubectl's three-way merge keeps them.
    for (const auto &[key, value] : *existing->metadata.annotations) {
        if (key.rfind("deployment.kubernetes.io/", 0) == 0 && !merged.metadata.annotations->count(key))
            merged.metadata.annotations.edit()[key] = value;
    }
    std::visit(
        [&](auto &body) {
            using T = std::decay_t<decltype(body)>;
            if constexpr (requires { body.status; })
                body.status = std::get<T>(existing->body).status;
        },
        merged.body);
    return merged;
}

ApplyResult Simulation::apply(const std::vector<manifest::Document> &documents)
{
    ApplyResult result;
    try {
        result.diagnostics = manifest::validateBatch(documents, m_store);
        if (manifest::hasErrors(result.diagnostics)) {
            result.ok = false;
            return result;
        }
        std::vector<const manifest::Document *> ordered;
        for (const manifest::Document &doc : documents) {
            if (doc.object.kind() == api::Kind::Namespace)
                ordered.push_back(&doc);
        }
        for (const manifest::Document &doc : documents) {
            if (doc.object.kind() != api::Kind::Namespace)
                ordered.push_back(&doc);
        }
        std::vector<Prepared> prepared;
        std::map<std::tuple<api::Kind, std::string, std::string>, std::size_t> inBatch;
        for (const manifest::Document *doc : ordered) {
            const api::Object &o = doc->object;
            const auto key = std::make_tuple(o.kind(), o.metadata.namespace_, o.metadata.name);
            api::ObjectPtr existing = m_store.get(o.kind(), o.metadata.namespace_, o.metadata.name);
            if (auto earlier = inBatch.find(key); earlier != inBatch.end() && !existing)
                existing = std::make_shared<const api::Object>(prepared[earlier->second].object);
            api::Object object = existing ? mergeForUpdate(o, existing) : o;
            std::vector<manifest::Diagnostic> errors = m_admission.admit(object, existing, *doc);
            result.diagnostics.insert(result.diagnostics.end(), errors.begin(), errors.end());
            inBatch[key] = prepared.size();
            prepared.push_back(Prepared{std::move(object), existing});
        }
        if (manifest::hasErrors(result.diagnostics)) {
            m_admission.rollback();
            result.ok = false;
            return result;
        }
        m_admission.commit();
        for (Prepared &p : prepared) {
            const std::string name = p.object.displayName();
            api::ObjectPtr current = m_store.get(p.object.kind(), p.object.metadata.namespace_, p.object.metadata.name);
            if (!current) {
                m_store.create(std::move(p.object));
                result.objects.push_back(AppliedObject{name, "created"});
            } else if (!store::specDiffers(p.object, *current) && sameMetadata(p.object.metadata, current->metadata)) {
                result.objects.push_back(AppliedObject{name, "unchanged"});
            } else {
                m_store.update(std::move(p.object));
                result.objects.push_back(AppliedObject{name, "configured"});
            }
        }
    } catch (const std::exception &e) {
        m_admission.rollback();
        result.ok = false;
        result.diagnostics.push_back(manifest::Diagnostic{manifest::Diagnostic::Severity::Error, {}, {},
                                                          std::string("internal error: ") + e.what()});
    }
    return result;
}

ApplyResult Simulation::applyObjects(std::vector<api::Object> objects)
{
    std::vector<manifest::Document> documents;
    documents.reserve(objects.size());
    for (api::Object &o : objects)
        documents.push_back(manifest::Document{std::move(o), {"<objects>", 0, 0}, {}});
    return apply(documents);
}

CommandResult Simulation::deleteObject(api::Kind kind, const std::string &ns, const std::string &name)
{
    return guarded([&] {
        const std::string objectNs = api::kindInfo(kind).namespaced ? ns : std::string();
        api::ObjectPtr o = m_store.get(kind, objectNs, name);
        if (!o)
            return CommandResult::failure(notFoundMessage(kind, name));
        if (kind == api::Kind::Namespace && isImmortalNamespace(name))
            return CommandResult::failure("namespaces " + quoted(name) + " is forbidden: this namespace may not be deleted");
        controllers::deleteGracefully(m_store, o, m_engine.now());
        return CommandResult::success(api::kindInfo(kind).qualifiedSingular() + " " + quoted(name) + " deleted");
    });
}

CommandResult Simulation::scale(api::Kind kind, const std::string &ns, const std::string &name, int replicas)
{
    return guarded([&] {
        if (kind != api::Kind::Deployment && kind != api::Kind::ReplicaSet)
            return CommandResult::failure("cannot scale " + std::string(api::kindInfo(kind).plural) +
                                          ": only deployments and replicasets have a scale subresource");
        api::ObjectPtr o = m_store.get(kind, ns, name);
        if (!o)
            return CommandResult::failure(notFoundMessage(kind, name));
        if (replicas < 0)
            return CommandResult::failure("The " + std::string(api::kindInfo(kind).name) + " " + quoted(name) +
                                          " is invalid: spec.replicas: Invalid value: " + std::to_string(replicas) +
                                          ": must be greater than or equal to 0");
        api::Object updated = *o;
        if (kind == api::Kind::Deployment)
            updated.as<api::Deployment>().spec.replicas = replicas;
        else
            updated.as<api::ReplicaSet>().spec.replicas = replicas;
        // The same rules as an apply of the scaled object: kubesim's replica and pod limits among them.
        const manifest::Document scaled{updated, {}, {}};
        std::vector<manifest::Diagnostic> errors = manifest::validateObject(scaled);
        if (errors.empty())
            errors = manifest::validateBatch({scaled}, m_store);
        if (manifest::hasErrors(errors))
            return CommandResult::failure("The " + std::string(api::kindInfo(kind).name) + " " + quoted(name) +
                                          " is invalid: " + errors.front().field + ": " + errors.front().message);
        m_store.update(std::move(updated));
        return CommandResult::success(o->displayName() + " scaled");
    });
}

CommandResult Simulation::setImage(const std::string &ns, const std::string &deployment, const std::string &container,
                                   const std::string &image)
{
    return guarded([&] {
        api::ObjectPtr d = m_store.get(api::Kind::Deployment, ns, deployment);
        if (!d)
            return CommandResult::failure(notFoundMessage(api::Kind::Deployment, deployment));
        api::Object updated = *d;
        auto &containers = updated.as<api::Deployment>().spec.template_.spec.edit().containers;
        auto it = std::find_if(containers.begin(), containers.end(), [&](const api::Container &c) { return c.name == container; });
        if (it == containers.end())
            return CommandResult::failure("unable to find container named " + quoted(container));
        if (image.empty())
            return CommandResult::failure("error: image must not be empty");
        it->image = image;
        m_store.update(std::move(updated));
        return CommandResult::success(d->displayName() + " image updated");
    });
}

CommandResult Simulation::rolloutUndo(const std::string &ns, const std::string &deployment, long long toRevision)
{
    return guarded([&] {
        api::ObjectPtr d = m_store.get(api::Kind::Deployment, ns, deployment);
        if (!d)
            return CommandResult::failure(notFoundMessage(api::Kind::Deployment, deployment));
        std::vector<api::ObjectPtr> sets = m_store.listOwnedBy(api::Kind::ReplicaSet, ns, d->metadata.uid);
        std::sort(sets.begin(), sets.end(), [](const api::ObjectPtr &a, const api::ObjectPtr &b) {
            return DeploymentController::revisionOf(*a) < DeploymentController::revisionOf(*b);
        });
        if (sets.size() < 2 && toRevision == 0)
            return CommandResult::failure("no rollout history found for deployment " + quoted(deployment));
        api::ObjectPtr target;
        if (toRevision == 0) {
            target = sets[sets.size() - 2];
        } else {
            for (const api::ObjectPtr &rs : sets) {
                if (DeploymentController::revisionOf(*rs) == toRevision)
                    target = rs;
            }
            if (!target)
                return CommandResult::failure("unable to find specified revision " + std::to_string(toRevision) + " in history");
        }
        api::PodTemplateSpec podTemplate = target->as<api::ReplicaSet>().spec.template_;
        podTemplate.labels.edit().erase(controllers::kPodTemplateHashLabel);
        const std::string revision = std::to_string(DeploymentController::revisionOf(*target));
        if (podTemplate == d->as<api::Deployment>().spec.template_)
            return CommandResult::success(d->displayName() + " skipped rollback (current template already matches revision " + revision + ")");
        api::Object updated = *d;
        updated.as<api::Deployment>().spec.template_ = std::move(podTemplate);
        m_store.update(std::move(updated));
        return CommandResult::success(d->displayName() + " rolled back");
    });
}

CommandResult Simulation::rolloutPause(const std::string &ns, const std::string &deployment)
{
    return guarded([&] {
        api::ObjectPtr d = m_store.get(api::Kind::Deployment, ns, deployment);
        if (!d)
            return CommandResult::failure(notFoundMessage(api::Kind::Deployment, deployment));
        if (d->as<api::Deployment>().spec.paused)
            return CommandResult::failure(d->displayName() + " is already paused");
        api::Object updated = *d;
        updated.as<api::Deployment>().spec.paused = true;
        m_store.update(std::move(updated));
        return CommandResult::success(d->displayName() + " paused");
    });
}

CommandResult Simulation::rolloutResume(const std::string &ns, const std::string &deployment)
{
    return guarded([&] {
        api::ObjectPtr d = m_store.get(api::Kind::Deployment, ns, deployment);
        if (!d)
            return CommandResult::failure(notFoundMessage(api::Kind::Deployment, deployment));
        if (!d->as<api::Deployment>().spec.paused)
            return CommandResult::failure(d->displayName() + " is not paused");
        api::Object updated = *d;
        updated.as<api::Deployment>().spec.paused = false;
        m_store.update(std::move(updated));
        return CommandResult::success(d->displayName() + " resumed");
    });
}

RolloutHistory Simulation::rolloutHistory(const std::string &ns, const std::string &deployment) const
{
    RolloutHistory history;
    api::ObjectPtr d = m_store.get(api::Kind::Deployment, ns, deployment);
    if (!d) {
        history.result = CommandResult::failure(notFoundMessage(api::Kind::Deployment, deployment));
        return history;
    }
    for (const api::ObjectPtr &rs : m_store.listOwnedBy(api::Kind::ReplicaSet, ns, d->metadata.uid)) {
        history.revisions.push_back(RolloutRevision{DeploymentController::revisionOf(*rs),
                                                    rs->metadata.annotation("kubernetes.io/change-cause", "<none>"),
                                                    rs->metadata.name});
    }
    std::sort(history.revisions.begin(), history.revisions.end(),
              [](const RolloutRevision &a, const RolloutRevision &b) { return a.revision < b.revision; });
    history.result = CommandResult::success(d->displayName());
    return history;
}

RolloutStatus Simulation::rolloutStatus(const std::string &ns, const std::string &deployment) const
{
    RolloutStatus status;
    api::ObjectPtr d = m_store.get(api::Kind::Deployment, ns, deployment);
    if (!d) {
        status.result = CommandResult::failure(notFoundMessage(api::Kind::Deployment, deployment));
        return status;
    }
    // The checks and wording of kubectl's DeploymentStatusViewer.
    const api::Deployment &dep = d->as<api::Deployment>();
    const std::string name = quoted(deployment);
    const std::string waiting = "Waiting for deployment " + name + " rollout to finish: ";
    if (d->metadata.generation > dep.status.observedGeneration) {
        status.result = CommandResult::success("Waiting for deployment spec update to be observed...");
        return status;
    }
    const api::Condition *progressing = api::findCondition(dep.status.conditions, "Progressing");
    if (progressing && progressing->reason == "ProgressDeadlineExceeded") {
        status.result = CommandResult::failure("deployment " + name + " exceeded its progress deadline");
        return status;
    }
    const int replicas = dep.spec.replicas;
    const api::DeploymentStatus &s = dep.status;
    if (s.updatedReplicas < replicas)
        status.result = CommandResult::success(waiting + std::to_string(s.updatedReplicas) + " out of " +
                                               std::to_string(replicas) + " new replicas have been updated...");
    else if (s.replicas > s.updatedReplicas)
        status.result = CommandResult::success(waiting + std::to_string(s.replicas - s.updatedReplicas) +
                                               " old replicas are pending termination...");
    else if (s.availableReplicas < s.updatedReplicas)
        status.result = CommandResult::success(waiting + std::to_string(s.availableReplicas) + " of " +
                                               std::to_string(s.updatedReplicas) + " updated replicas are available...");
    else {
        status.done = true;
        status.result = CommandResult::success("deployment " + name + " successfully rolled out");
    }
    return status;
}

CommandResult Simulation::killPod(const std::string &ns, const std::string &pod)
{
    return guarded([&] {
        api::ObjectPtr p = m_store.get(api::Kind::Pod, ns, pod);
        if (!p)
            return CommandResult::failure(notFoundMessage(api::Kind::Pod, pod));
        m_store.remove(api::Kind::Pod, ns, pod);
        return CommandResult::success("pod " + quoted(pod) + " force deleted");
    });
}

CommandResult Simulation::updatePodAnnotations(const std::string &ns, const std::string &pod,
                                               const std::map<std::string, std::optional<std::string>> &changes,
                                               const std::string &message)
{
    api::ObjectPtr p = m_store.get(api::Kind::Pod, ns, pod);
    if (!p)
        return CommandResult::failure(notFoundMessage(api::Kind::Pod, pod));
    api::Object updated = *p;
    for (const auto &[key, value] : changes) {
        if (value)
            updated.metadata.annotations.edit()[key] = *value;
        else
            updated.metadata.annotations.edit().erase(key);
    }
    if (updated.metadata.annotations != p->metadata.annotations)
        m_store.update(std::move(updated));
    return CommandResult::success("pod/" + pod + " " + message);
}

CommandResult Simulation::setReadinessFailing(const std::string &ns, const std::string &pod, bool failing)
{
    return guarded([&] {
        api::ObjectPtr p = m_store.get(api::Kind::Pod, ns, pod);
        if (!p)
            return CommandResult::failure(notFoundMessage(api::Kind::Pod, pod));
        const auto &containers = p->as<api::Pod>().spec->containers;
        if (std::none_of(containers.begin(), containers.end(), [](const api::Container &c) { return c.readinessProbe.has_value(); }))
            return CommandResult::failure("pod " + quoted(pod) + " has no readinessProbe: it is ready whenever its containers run");
        return updatePodAnnotations(ns, pod,
                                    {{controllers::annotation::kReadinessFail, failing ? std::optional<std::string>("true") : std::nullopt}},
                                    failing ? "readiness probe failing" : "readiness probe passing");
    });
}

CommandResult Simulation::crashLoop(const std::string &ns, const std::string &pod, const std::string &container,
                                    const std::string &afterSeconds)
{
    return guarded([&] {
        api::ObjectPtr p = m_store.get(api::Kind::Pod, ns, pod);
        if (!p)
            return CommandResult::failure(notFoundMessage(api::Kind::Pod, pod));
        const auto &containers = p->as<api::Pod>().spec->containers;
        if (!container.empty() &&
            std::none_of(containers.begin(), containers.end(), [&](const api::Container &c) { return c.name == container; }))
            return CommandResult::failure("unable to find container named " + quoted(container));
        if (!controllers::parseSeconds(afterSeconds))
            return CommandResult::failure("invalid duration " + quoted(afterSeconds) + ": expected seconds, e.g. \"5\" or \"0.5\"");
        std::optional<std::string> only = container.empty() ? std::nullopt : std::optional<std::string>(container);
        return updatePodAnnotations(ns, pod,
                                    {{controllers::annotation::kCrashAfterSeconds, afterSeconds},
                                     {controllers::annotation::kCrashContainer, only}},
                                    "crash-looping");
    });
}

CommandResult Simulation::stopCrashLoop(const std::string &ns, const std::string &pod)
{
    return guarded([&] {
        return updatePodAnnotations(ns, pod,
                                    {{controllers::annotation::kCrashAfterSeconds, std::nullopt},
                                     {controllers::annotation::kCrashContainer, std::nullopt}},
                                    "no longer crashing");
    });
}

CommandResult Simulation::updateNode(const std::string &node, const std::function<bool(api::Object &)> &change,
                                     const std::string &changed, const std::string &unchanged)
{
    return guarded([&] {
        api::ObjectPtr n = m_store.get(api::Kind::Node, "", node);
        if (!n)
            return CommandResult::failure(notFoundMessage(api::Kind::Node, node));
        api::Object updated = *n;
        if (!change(updated))
            return CommandResult::success("node/" + node + " " + unchanged);
        m_store.update(std::move(updated));
        return CommandResult::success("node/" + node + " " + changed);
    });
}

CommandResult Simulation::cordon(const std::string &node)
{
    return updateNode(
        node, [](api::Object &n) { return !std::exchange(n.as<api::Node>().spec.unschedulable, true); }, "cordoned",
        "already cordoned");
}

CommandResult Simulation::uncordon(const std::string &node)
{
    return updateNode(
        node, [](api::Object &n) { return std::exchange(n.as<api::Node>().spec.unschedulable, false); }, "uncordoned",
        "already uncordoned");
}

CommandResult Simulation::drain(const std::string &node)
{
    CommandResult result = cordon(node);
    if (!result.ok)
        return result;
    return guarded([&] {
        std::string message = result.message;
        for (const api::ObjectPtr &pod : m_store.list(api::Kind::Pod)) {
            if (pod->as<api::Pod>().spec->nodeName != node || controllers::isTerminating(*pod))
                continue;
            message += "\nevicting pod " + pod->metadata.namespace_ + "/" + pod->metadata.name;
            controllers::deleteGracefully(m_store, pod, m_engine.now());
        }
        return CommandResult::success(message + "\nnode/" + node + " drained");
    });
}

CommandResult Simulation::failNode(const std::string &node)
{
    return updateNode(
        node,
        [](api::Object &n) {
            return n.metadata.annotations.edit().insert_or_assign(controllers::annotation::kKubeletStopped, "true").second;
        },
        "failed (kubelet stopped)", "already failed");
}

CommandResult Simulation::recoverNode(const std::string &node)
{
    return updateNode(
        node, [](api::Object &n) { return n.metadata.annotations.edit().erase(controllers::annotation::kKubeletStopped) > 0; },
        "recovered (kubelet running)", "is not failed");
}

CommandResult Simulation::setBackendWeights(const std::string &ns, const std::string &route, int rule,
                                            const std::vector<int> &weights)
{
    return guarded([&] {
        // The Gateway API bounds a backendRef weight to [0, 1000000].
        constexpr int kMaxWeight = 1000000;
        api::ObjectPtr current = m_store.get(api::Kind::HTTPRoute, ns, route);
        if (!current)
            return CommandResult::failure(notFoundMessage(api::Kind::HTTPRoute, route));
        api::Object edited = *current;
        auto &rules = edited.as<api::HTTPRoute>().spec.rules;
        if (rule < 0 || static_cast<std::size_t>(rule) >= rules.size())
            return CommandResult::failure("HTTPRoute " + quoted(route) + " has no rule " + std::to_string(rule));
        auto &refs = rules[static_cast<std::size_t>(rule)].backendRefs;
        if (refs.size() != weights.size())
            return CommandResult::failure("rule " + std::to_string(rule) + " has " + std::to_string(refs.size()) +
                                          " backendRefs, got " + std::to_string(weights.size()) + " weights");
        for (std::size_t i = 0; i < refs.size(); ++i) {
            if (weights[i] < 0 || weights[i] > kMaxWeight)
                return CommandResult::failure("The HTTPRoute " + quoted(route) + " is invalid: spec.rules[" +
                                              std::to_string(rule) + "].backendRefs[" + std::to_string(i) +
                                              "].weight: Invalid value: " + std::to_string(weights[i]) +
                                              ": must be between 0 and 1000000");
            refs[i].weight = weights[i];
        }
        m_store.update(std::move(edited));
        return CommandResult::success(current->displayName() + " edited");
    });
}

CommandResult Simulation::setCanaryWeight(const std::string &ns, const std::string &ingress, int weight)
{
    return guarded([&] {
        constexpr const char *kPrefix = "nginx.ingress.kubernetes.io/";
        api::ObjectPtr current = m_store.get(api::Kind::Ingress, ns, ingress);
        if (!current)
            return CommandResult::failure(notFoundMessage(api::Kind::Ingress, ingress));
        if (current->metadata.annotation(std::string(kPrefix) + "canary") != "true")
            return CommandResult::failure("Ingress " + quoted(ingress) + " is not a canary: its annotation " + kPrefix
                                          + "canary is not \"true\"");
        const std::string totalText = current->metadata.annotation(std::string(kPrefix) + "canary-weight-total", "100");
        char *end = nullptr;
        const long total = std::strtol(totalText.c_str(), &end, 10);
        const long bound = end && *end == '\0' && total > 0 ? total : 100;  // ingress-nginx's default total
        if (weight < 0 || weight > bound)
            return CommandResult::failure("The Ingress " + quoted(ingress) + " is invalid: metadata.annotations.edit()[" + kPrefix
                                          + "canary-weight]: Invalid value: " + std::to_string(weight) + ": must be between 0 and "
                                          + std::to_string(bound) + " (canary-weight-total)");
        api::Object edited = *current;
        edited.metadata.annotations.edit()[std::string(kPrefix) + "canary-weight"] = std::to_string(weight);
        const ApplyResult result = applyObjects({edited});
        return result.ok ? CommandResult::success(result.objects.front().toString()) : CommandResult::failure(result.errorText());
    });
}

} // namespace sim
