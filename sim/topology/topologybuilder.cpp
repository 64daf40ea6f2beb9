#include "sim/topology/topologybuilder.h"

#include <map>
#include <set>
#include <string>
#include <tuple>

namespace sim::topology {
namespace {

constexpr const char *kCanaryAnnotation = "nginx.ingress.kubernetes.io/canary";
constexpr const char *kCanaryWeightAnnotation = "nginx.ingress.kubernetes.io/canary-weight";
constexpr const char *kCanaryWeightTotalAnnotation = "nginx.ingress.kubernetes.io/canary-weight-total";

// The first condition of the listed types whose status is "False": the reason a learner should see.
std::string falseCondition(const std::vector<api::Condition> &conditions)
{
    for (const api::Condition &c : conditions)
        if (c.status == "False")
            return c.type + ": " + c.reason + (c.message.empty() ? "" : " — " + c.message);
    return {};
}

int toInt(const std::string &text, int fallback)
{
    try {
        return text.empty() ? fallback : std::stoi(text);
    } catch (const std::exception &) {
        return fallback;
    }
}

std::string pathText(const api::HTTPRouteRule &rule)
{
    if (rule.matches.empty())
        return "PathPrefix /";
    const api::HTTPRouteMatch &m = rule.matches.front();
    std::string text = m.path ? m.path->type + " " + m.path->value : "PathPrefix /";
    if (!m.headers.empty())
        text += " + " + std::to_string(m.headers.size()) + " header";
    if (rule.matches.size() > 1)
        text += " (+" + std::to_string(rule.matches.size() - 1) + ")";
    return text;
}

std::string servicePorts(const api::Service &svc)
{
    std::string text;
    for (const api::ServicePort &p : svc.spec.ports)
        text += (text.empty() ? ":" : ",") + std::to_string(p.port);
    return text;
}

} // namespace

std::string versionLabel(const api::Labels &labels)
{
    for (const char *key : {"version", "app.kubernetes.io/version"})
        if (auto it = labels.find(key); it != labels.end())
            return it->second;
    return {};
}

std::string podDisplayStatus(const api::Object &object)
{
    const api::Pod &pod = object.as<api::Pod>();
    if (object.metadata.deletionTimestamp)
        return "Terminating";
    for (const api::ContainerStatus &c : pod.status.containerStatuses)
        if (c.state != "running" && !c.reason.empty())
            return c.reason;
    if (!pod.status.reason.empty())
        return pod.status.reason;
    return pod.status.phase;
}

TopologyGraph TopologyBuilder::build()
{
    m_graph = TopologyGraph{};
    addGateways();
    addRoutes();
    addIngresses();
    addServices();
    addPods();
    return std::move(m_graph);
}

std::size_t TopologyBuilder::clientNode()
{
    TopologyNode node;
    node.id = ids::client();
    node.role = NodeRole::Client;
    node.title = "Clients";
    node.detail = "outside the cluster";
    return m_graph.addNode(node);
}

void TopologyBuilder::addGateways()
{
    for (const api::ObjectPtr &obj : m_store.list(api::Kind::Gateway)) {
        const api::Gateway &gw = obj->as<api::Gateway>();
        TopologyNode node;
        node.id = ids::gateway(obj->metadata.namespace_, obj->metadata.name);
        node.role = NodeRole::Gateway;
        node.kind = api::Kind::Gateway;
        node.namespace_ = obj->metadata.namespace_;
        node.name = obj->metadata.name;
        node.title = "Gateway " + obj->metadata.name;
        for (const api::Listener &l : gw.spec.listeners)
            node.detail += (node.detail.empty() ? "" : " · ") + l.name + " " + l.protocol + ":" + std::to_string(l.port);
        node.problem = falseCondition(gw.status.conditions);
        std::size_t client = clientNode();
        std::size_t index = m_graph.addNode(node);
        m_graph.addEdge({client, index});
    }
}

void TopologyBuilder::addRoutes()
{
    for (const api::ObjectPtr &obj : m_store.list(api::Kind::HTTPRoute)) {
        const api::HTTPRoute &route = obj->as<api::HTTPRoute>();
        const std::string &ns = obj->metadata.namespace_;
        std::string problem;
        for (const api::RouteParentStatus &p : route.status.parents)
            if (problem.empty())
                problem = falseCondition(p.conditions);
        for (std::size_t r = 0; r < route.spec.rules.size(); ++r) {
            const api::HTTPRouteRule &rule = route.spec.rules[r];
            TopologyNode node;
            node.id = ids::routeRule(ns, obj->metadata.name, static_cast<int>(r));
            node.role = NodeRole::RouteRule;
            node.kind = api::Kind::HTTPRoute;
            node.namespace_ = ns;
            node.name = obj->metadata.name;
            node.ruleIndex = static_cast<int>(r);
            node.title = "HTTPRoute " + obj->metadata.name + (route.spec.rules.size() > 1 ? " #" + std::to_string(r) : "");
            node.detail = pathText(rule);
            node.problem = problem;
            std::size_t index = m_graph.addNode(node);
            for (const api::ParentReference &parent : route.spec.parentRefs) {
                std::string parentNs = parent.namespace_.value_or(ns);
                if (auto gw = m_graph.find(ids::gateway(parentNs, parent.name)))
                    m_graph.addEdge({*gw, index});
            }
            int total = 0;
            for (const api::HTTPBackendRef &b : rule.backendRefs)
                total += b.weight;
            for (std::size_t b = 0; b < rule.backendRefs.size(); ++b) {
                const api::HTTPBackendRef &ref = rule.backendRefs[b];
                if (ref.ref.kind != "Service" || !ref.ref.group.empty())
                    continue;
                std::size_t svc = serviceNode(ref.ref.namespace_.value_or(ns), ref.ref.name);
                TopologyEdge edge{index, svc};
                if (rule.backendRefs.size() > 1) {
                    edge.weight = ref.weight;
                    edge.weightTotal = total;
                }
                edge.backendIndex = static_cast<int>(b);
                m_graph.addEdge(edge);
            }
        }
    }
}

void TopologyBuilder::addIngresses()
{
    for (const api::ObjectPtr &obj : m_store.list(api::Kind::Ingress)) {
        const api::Ingress &ing = obj->as<api::Ingress>();
        const std::string &ns = obj->metadata.namespace_;
        if (obj->metadata.annotation(kCanaryAnnotation) == "true")
            continue;  // canaries join their primary Ingress's rules below
        std::string className = ing.spec.ingressClassName.value_or(
            obj->metadata.annotation(api::kLegacyIngressClassAnnotation, "nginx"));
        TopologyNode controller;
        controller.id = ids::ingressController(className);
        controller.role = NodeRole::IngressController;
        controller.kind = api::Kind::IngressClass;
        controller.name = className;
        controller.title = "Ingress controller";
        controller.detail = "class " + className;
        std::size_t client = clientNode();
        std::size_t ctrl = m_graph.addNode(controller);
        m_graph.addEdge({client, ctrl});
        int flat = 0;
        for (const api::IngressRule &rule : ing.spec.rules) {
            for (const api::HTTPIngressPath &path : rule.paths) {
                TopologyNode node;
                node.id = ids::ingressRule(ns, obj->metadata.name, flat);
                node.role = NodeRole::IngressRule;
                node.kind = api::Kind::Ingress;
                node.namespace_ = ns;
                node.name = obj->metadata.name;
                node.ruleIndex = flat++;
                node.title = "Ingress " + obj->metadata.name;
                node.detail = (rule.host.empty() ? "*" : rule.host) + " " + path.path;
                std::size_t index = m_graph.addNode(node);
                m_graph.addEdge({ctrl, index});
                if (!path.backend.service)
                    continue;
                std::size_t svc = serviceNode(ns, path.backend.service->name);
                TopologyEdge primary{index, svc};
                // A canary Ingress on the same host and path takes canary-weight of canary-weight-total.
                for (const api::ObjectPtr &canary : m_store.list(api::Kind::Ingress, ns)) {
                    if (canary->metadata.annotation(kCanaryAnnotation) != "true")
                        continue;
                    for (const api::IngressRule &cr : canary->as<api::Ingress>().spec.rules)
                        for (const api::HTTPIngressPath &cp : cr.paths) {
                            if (cr.host != rule.host || cp.path != path.path || !cp.backend.service)
                                continue;
                            int total = toInt(canary->metadata.annotation(kCanaryWeightTotalAnnotation), 100);
                            int weight = toInt(canary->metadata.annotation(kCanaryWeightAnnotation), 0);
                            TopologyEdge edge{index, serviceNode(ns, cp.backend.service->name), weight, total, 1};
                            m_graph.addEdge(edge);
                            primary.weight = total - weight;
                            primary.weightTotal = total;
                            primary.backendIndex = 0;
                        }
                }
                m_graph.addEdge(primary);
            }
        }
    }
}

std::size_t TopologyBuilder::serviceNode(const std::string &ns, const std::string &name)
{
    TopologyNode node;
    node.id = ids::service(ns, name);
    node.role = NodeRole::Service;
    node.kind = api::Kind::Service;
    node.namespace_ = ns;
    node.name = name;
    node.title = "Service " + name;
    api::ObjectPtr obj = m_store.get(api::Kind::Service, ns, name);
    if (!obj) {
        node.detail = "not found";
        node.problem = "Service " + ns + "/" + name + " does not exist: requests to it get 500";
        return m_graph.addNode(node);
    }
    const api::Service &svc = obj->as<api::Service>();
    node.detail = svc.spec.type + " " + (svc.spec.clusterIP.empty() ? "" : svc.spec.clusterIP + " ") + servicePorts(svc);
    return m_graph.addNode(node);
}

void TopologyBuilder::addServices()
{
    for (const api::ObjectPtr &obj : m_store.list(api::Kind::Service)) {
        const api::Service &svc = obj->as<api::Service>();
        const std::string &ns = obj->metadata.namespace_;
        std::size_t index = serviceNode(ns, obj->metadata.name);
        if (svc.spec.type != "LoadBalancer" && svc.spec.type != "NodePort")
            continue;
        bool isLb = svc.spec.type == "LoadBalancer";
        TopologyNode entry;
        entry.id = isLb ? ids::loadBalancer(ns, obj->metadata.name) : ids::nodePort(ns, obj->metadata.name);
        entry.role = isLb ? NodeRole::LoadBalancer : NodeRole::NodePort;
        entry.kind = api::Kind::Service;
        entry.namespace_ = ns;
        entry.name = obj->metadata.name;
        entry.title = isLb ? "Cloud load balancer" : "NodePort";
        if (isLb)
            entry.detail = svc.status.loadBalancer.empty() ? "<pending>" : svc.status.loadBalancer.front().ip;
        else
            for (const api::ServicePort &p : svc.spec.ports)
                entry.detail += (entry.detail.empty() ? "every node :" : ",") + std::to_string(p.nodePort);
        std::size_t client = clientNode();
        std::size_t e = m_graph.addNode(entry);
        m_graph.addEdge({client, e});
        m_graph.addEdge({e, index});
    }
}

void TopologyBuilder::addPods()
{
    // Services indexed by (namespace, first selector label), so each pod only tests the Services that could select it.
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<api::ObjectPtr>> byLabel;
    for (const api::ObjectPtr &svc : m_store.list(api::Kind::Service)) {
        const api::Labels &selector = svc->as<api::Service>().spec.selector;
        if (!selector.empty())
            byLabel[{svc->metadata.namespace_, selector.begin()->first, selector.begin()->second}].push_back(svc);
    }
    std::set<std::size_t> servicesWithReadyPods;
    for (const api::ObjectPtr &obj : m_store.list(api::Kind::Pod)) {
        std::size_t index = m_graph.addNode(podNode(*obj));
        const std::string &ns = obj->metadata.namespace_;
        std::vector<api::ObjectPtr> selecting;
        for (const auto &[key, value] : *obj->metadata.labels)
            if (auto it = byLabel.find({ns, key, value}); it != byLabel.end())
                for (const api::ObjectPtr &svc : it->second) {
                    api::LabelSelector selector{svc->as<api::Service>().spec.selector, {}};
                    if (selector.matches(obj->metadata.labels))
                        selecting.push_back(svc);
                }
        for (const api::ObjectPtr &svc : selecting) {
            std::size_t s = serviceNode(ns, svc->metadata.name);
            m_graph.addEdge({s, index});
            if (m_graph.nodes()[index].isReady)
                servicesWithReadyPods.insert(s);
        }
    }
    // A Service with a selector and no ready pod behind it has no endpoints: requests to it fail with 503.
    for (const auto &[key, services] : byLabel)
        for (const api::ObjectPtr &svc : services) {
            std::size_t s = serviceNode(svc->metadata.namespace_, svc->metadata.name);
            if (!servicesWithReadyPods.count(s) && m_graph.nodes()[s].problem.empty())
                m_graph.node(s).problem = "No ready endpoints: requests to this Service fail (503)";
        }
}

TopologyNode TopologyBuilder::podNode(const api::Object &obj) const
{
    const api::Pod &pod = obj.as<api::Pod>();
    const std::string &ns = obj.metadata.namespace_;
    TopologyNode node;
    node.id = ids::pod(ns, obj.metadata.name);
    node.role = NodeRole::Pod;
    node.kind = api::Kind::Pod;
    node.namespace_ = ns;
    node.name = obj.metadata.name;
    node.title = obj.metadata.name;
    node.podStatus = podDisplayStatus(obj);
    node.isReady = pod.isReady();
    for (const api::ContainerStatus &c : pod.status.containerStatuses)
        node.restarts += c.restartCount;
    node.detail = node.podStatus + (node.isReady ? " · ready" : "");
    node.version = versionLabel(obj.metadata.labels);
    node.group = ns + "/" + obj.metadata.name;
    if (const api::OwnerReference *rs = obj.metadata.controllerRef()) {
        node.subgroup = rs->name;
        node.group = ns + "/" + rs->name;
        node.groupTitle = "ReplicaSet " + rs->name;
        api::ObjectPtr owner = m_store.get(api::Kind::ReplicaSet, ns, rs->name);
        if (const api::OwnerReference *dep = owner ? owner->metadata.controllerRef() : nullptr) {
            node.group = ns + "/" + dep->name;
            node.groupTitle = "Deployment " + dep->name;
        }
    }
    if (m_grouping == PodGrouping::Node) {
        // Inside a node's box, a ReplicaSet's pods still sit together.
        node.group = "node/" + pod.spec->nodeName;
        node.groupTitle = pod.spec->nodeName.empty() ? "Not scheduled yet" : "Node " + pod.spec->nodeName;
        if (node.subgroup.empty())
            node.subgroup = obj.metadata.name;
    }
    if (node.podStatus == "CrashLoopBackOff" || node.podStatus == "Failed" || node.podStatus == "Error")
        node.problem = node.podStatus;
    return node;
}

} // namespace sim::topology
