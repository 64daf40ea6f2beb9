#pragma once

#include "sim/store/store.h"
#include "sim/topology/topologygraph.h"

namespace sim::topology {

/**
 * Builds the traffic graph from the store: clients -> cloud LB / NodePort / ingress controller / Gateway
 * -> Ingress and HTTPRoute rules -> Services -> Pods. Reads objects only; the order of nodes follows the
 * store's (kind, namespace, name) order, so the same store gives the same graph.
 */
/** How pods are framed: by their Deployment (or ReplicaSet), or by the Node they run on. */
enum class PodGrouping { Workload, Node };

class TopologyBuilder {
public:
    explicit TopologyBuilder(const store::Store &store, PodGrouping grouping = PodGrouping::Workload)
        : m_store(store), m_grouping(grouping)
    {
    }

    TopologyGraph build();

private:
    void addGateways();
    void addRoutes();
    void addIngresses();
    void addServices();
    void addPods();
    TopologyNode podNode(const api::Object &pod) const;
    std::size_t serviceNode(const std::string &ns, const std::string &name);
    std::size_t clientNode();

    const store::Store &m_store;
    PodGrouping m_grouping;
    TopologyGraph m_graph;
};

/** kubectl's STATUS column for a pod: Terminating, a container's waiting reason, or the phase. */
std::string podDisplayStatus(const api::Object &pod);
/** The version a backend pod advertises: its `version` or `app.kubernetes.io/version` label, or "". */
std::string versionLabel(const api::Labels &labels);

} // namespace sim::topology
