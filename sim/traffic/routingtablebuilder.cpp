#include "sim/traffic/routingtablebuilder.h"

#include <atomic>

#include "sim/traffic/ingresscompiler.h"

namespace sim::traffic {

using api::Kind;

RoutingTableBuilder::RoutingTableBuilder(const store::Store &store, metrics::MetricsRegistry *metrics)
    : m_store(store), m_metrics(metrics)
{
}

std::uint32_t RoutingTableBuilder::metricId(metrics::Scope scope, const std::string &name)
{
    return m_metrics ? m_metrics->seriesId(scope, name) : kNone;
}

std::shared_ptr<const RoutingTable> RoutingTableBuilder::build()
{
    static std::atomic<std::uint64_t> tables{0};
    auto table = std::make_shared<RoutingTable>();
    table->id = ++tables;
    m_problems.clear();
    compilePods(*table);
    compileNodes(*table);
    compileServices(*table);
    GatewayCompiler gateways(m_store, *table, m_metrics);
    gateways.compile();
    m_gatewayStatus = gateways.status();
    IngressCompiler ingress(m_store, *table, m_metrics);
    ingress.setAddresses(m_ingressAddresses);
    ingress.compile();
    indexAddresses(*table);
    return table;
}

void RoutingTableBuilder::compilePods(RoutingTable &table)
{
    for (const api::ObjectPtr &object : m_store.list(Kind::Pod)) {
        const auto &pod = object->as<api::Pod>();
        CompiledPod compiled;
        compiled.namespace_ = object->metadata.namespace_;
        compiled.name = object->metadata.name;
        compiled.nodeName = pod.spec->nodeName;
        compiled.ip = pod.status.podIP;
        std::vector<std::string> problems;
        compiled.model = PodServerModel::fromAnnotations(object->metadata.annotations, &problems);
        for (const std::string &p : problems)
            m_problems.push_back("pod " + compiled.key() + ": " + p);
        compiled.metricId = metricId(metrics::Scope::Pod, compiled.key());
        table.podByKey.emplace(compiled.key(), static_cast<std::uint32_t>(table.pods.size()));
        table.pods.push_back(std::move(compiled));
    }
}

void RoutingTableBuilder::compileNodes(RoutingTable &table)
{
    for (const api::ObjectPtr &object : m_store.list(Kind::Node)) {
        CompiledNode node{object->metadata.name, {}};
        for (const api::NodeAddress &address : object->as<api::Node>().status.addresses) {
            if (address.type == "InternalIP" && node.ip.empty())
                node.ip = address.address;
        }
        // A node without a recorded address still answers NodePorts; give it a stable private one.
        if (node.ip.empty())
            node.ip = "192.168.49." + std::to_string(table.nodes.size() + 2);
        table.nodes.push_back(std::move(node));
    }
}

void RoutingTableBuilder::compileServices(RoutingTable &table)
{
    // Slices by "ns/service" first, so each Service finds its slices without scanning its namespace.
    std::map<std::string, std::vector<api::ObjectPtr>> slicesByService;
    for (const api::ObjectPtr &slice : m_store.list(Kind::EndpointSlice)) {
        auto label = slice->metadata.labels->find(api::kServiceNameLabel);
        if (label != slice->metadata.labels->end())
            slicesByService[slice->metadata.namespace_ + "/" + label->second].push_back(slice);
    }
    for (const api::ObjectPtr &object : m_store.list(Kind::Service)) {
        const auto &svc = object->as<api::Service>();
        CompiledService compiled;
        compiled.namespace_ = object->metadata.namespace_;
        compiled.name = object->metadata.name;
        compiled.type = svc.spec.type;
        compiled.clusterIP = svc.spec.clusterIP;
        compiled.externalName = svc.spec.externalName;
        compiled.hasSelector = svc.spec.hasSelector();
        compiled.clientIPAffinity = svc.spec.sessionAffinity == "ClientIP";
        compiled.affinityTimeout = engine::seconds(svc.spec.sessionAffinityTimeoutSeconds);
        compiled.externalLocal = svc.spec.externalTrafficPolicy == "Local";
        compiled.internalLocal = svc.spec.internalTrafficPolicy == "Local";
        for (const api::LoadBalancerIngress &lb : svc.status.loadBalancer) {
            if (!lb.ip.empty())
                compiled.loadBalancerIPs.push_back(lb.ip);
        }
        for (const std::string &ip : svc.spec.externalIPs)
            compiled.loadBalancerIPs.push_back(ip);
        for (const api::ServicePort &port : svc.spec.ports) {
            CompiledServicePort p;
            p.name = port.name;
            p.port = port.port;
            p.nodePort = port.nodePort;
            p.index = static_cast<std::uint32_t>(table.servicePorts.size());
            table.servicePorts.push_back({static_cast<std::uint32_t>(table.services.size()), static_cast<std::uint32_t>(compiled.ports.size())});
            compiled.ports.push_back(std::move(p));
        }
        for (const api::ObjectPtr &slice : slicesByService[compiled.key()])
            addEndpoints(table, compiled, *slice);
        compiled.metricId = metricId(metrics::Scope::Service, compiled.key());
        table.serviceByKey.emplace(compiled.key(), static_cast<std::uint32_t>(table.services.size()));
        table.services.push_back(std::move(compiled));
    }
}

void RoutingTableBuilder::addEndpoints(RoutingTable &table, CompiledService &service, const api::Object &object)
{
    const auto &slice = object.as<api::EndpointSlice>();
    ++service.sliceCount;
    for (const api::EndpointPort &slicePort : slice.ports) {
        // Slice ports are tied to Service ports by name (both empty for a single unnamed port).
        CompiledServicePort *port = nullptr;
        for (CompiledServicePort &p : service.ports) {
            if (p.name == slicePort.name)
                port = &p;
        }
        if (!port)
            continue;
        for (const api::Endpoint &endpoint : slice.endpoints) {
            for (const std::string &address : endpoint.addresses) {
                CompiledEndpoint e{address, slicePort.port, endpoint.nodeName, object.metadata.name, kNone};
                if (endpoint.targetRef && endpoint.targetRef->kind == "Pod") {
                    std::string ns = endpoint.targetRef->namespace_.empty() ? object.metadata.namespace_
                                                                            : endpoint.targetRef->namespace_;
                    auto it = table.podByKey.find(ns + "/" + endpoint.targetRef->name);
                    if (it != table.podByKey.end())
                        e.pod = it->second;
                }
                if (e.pod == kNone)
                    e.pod = addressPod(table, object.metadata.namespace_, address, endpoint.nodeName);
                // EndpointConditions: an unset ready means ready; serving defaults to ready.
                bool ready = endpoint.conditions.ready.value_or(true);
                bool serving = endpoint.conditions.serving.value_or(ready);
                bool terminating = endpoint.conditions.terminating.value_or(false);
                if (ready && !terminating)
                    port->ready.push_back(std::move(e));
                else if (serving && terminating)
                    port->servingTerminating.push_back(std::move(e));
                else
                    ++port->notReady;
            }
        }
    }
}

std::uint32_t RoutingTableBuilder::addressPod(RoutingTable &table, const std::string &ns, const std::string &address,
                                              const std::string &nodeName)
{
    // An endpoint the user wrote without a pod behind it still answers: it gets a server of its own.
    std::string key = ns + "/" + address;
    if (auto it = table.podByKey.find(key); it != table.podByKey.end())
        return it->second;
    CompiledPod pod{ns, address, nodeName, address, PodServerModel{}, metricId(metrics::Scope::Pod, key)};
    auto index = static_cast<std::uint32_t>(table.pods.size());
    table.podByKey.emplace(key, index);
    table.pods.push_back(std::move(pod));
    return index;
}

void RoutingTableBuilder::indexAddresses(RoutingTable &table)
{
    using K = AddressOwner::Kind;
    auto add = [&](const std::string &ip, K kind, std::size_t index) {
        if (!ip.empty() && ip != "None")
            table.addresses.try_emplace(ip, AddressOwner{kind, static_cast<std::uint32_t>(index)});
    };
    for (std::size_t i = 0; i < table.gateways.size(); ++i) {
        for (const std::string &ip : table.gateways[i].addresses)
            add(ip, K::Gateway, i);
    }
    for (std::size_t i = 0; i < table.ingressControllers.size(); ++i) {
        for (const std::string &ip : table.ingressControllers[i].addresses)
            add(ip, K::IngressController, i);
    }
    for (std::size_t i = 0; i < table.services.size(); ++i) {
        for (const std::string &ip : table.services[i].loadBalancerIPs)
            add(ip, K::LoadBalancer, i);
        add(table.services[i].clusterIP, K::ClusterIP, i);
    }
    for (std::size_t i = 0; i < table.nodes.size(); ++i)
        add(table.nodes[i].ip, K::Node, i);
    for (std::size_t i = 0; i < table.pods.size(); ++i)
        add(table.pods[i].ip, K::Pod, i);
}

} // namespace sim::traffic
