#pragma once

#include "sim/api/kind.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace sim::topology {

/** What a vertex of the traffic graph stands for, in the order a request meets them. */
enum class NodeRole {
    Client,             // the outside world sending requests
    LoadBalancer,       // a cloud load balancer in front of a LoadBalancer Service
    NodePort,           // the NodePort every node opens for a NodePort Service
    IngressController,  // the controller of an IngressClass (ingress-nginx)
    Gateway,            // a Gateway with its listeners
    IngressRule,        // one host + path of an Ingress
    RouteRule,          // one rule of an HTTPRoute
    Service,
    Pod,
};

/** The layer a role sits in at the least, so Services and Pods line up in their own columns. */
int minimumLayer(NodeRole role);
/** "Gateway", "HTTPRoute rule", ...: a role as a learner reads it. */
const char *roleName(NodeRole role);

/** One vertex: an object (or one rule of an object) that requests pass through. */
struct TopologyNode {
    std::string id;          // stable across rebuilds: "service:default/app-v1"
    NodeRole role = NodeRole::Client;
    std::optional<api::Kind> kind;  // the object behind the node, if any
    std::string namespace_;
    std::string name;        // the object's name
    int ruleIndex = -1;      // RouteRule / IngressRule: index of the rule (path for ingress)
    std::string title;       // first line on the canvas
    std::string detail;      // second line: listeners, match, ClusterIP, phase...
    std::string group;       // pods: "ns/deployment" (or the ReplicaSet when unowned), or "node/NAME" by node; others empty
    std::string subgroup;    // pods: the ReplicaSet name (by node: the ReplicaSet, else the pod)
    std::string groupTitle;  // pods: the frame's caption, "Deployment app-v1", "ReplicaSet x", "Node node-1"
    std::string version;     // backend version label, "" when none
    std::string problem;     // non-empty when the object is failing: the reason, shown on hover
    // Pods only
    std::string podStatus;   // as kubectl's STATUS column: Pending, ContainerCreating, Running, CrashLoopBackOff, Terminating
    bool isReady = false;
    int restarts = 0;
};

/** One directed edge: requests can flow from `from` to `to`. */
struct TopologyEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    std::optional<int> weight = std::nullopt;  // a weighted split: this backendRef's weight (or canary-weight)
    int weightTotal = 0;        // sum of the split's weights, to show the configured share
    int backendIndex = -1;      // the backendRef's index inside its rule
};

/** The graph of who sends traffic to whom, built from the store's objects. */
class TopologyGraph {
public:
    /** Adds a node, or returns the index of the node with the same id. */
    std::size_t addNode(TopologyNode node);
    /** Adds an edge unless the same (from, to) pair exists. */
    void addEdge(TopologyEdge edge);

    const std::vector<TopologyNode> &nodes() const { return m_nodes; }
    const std::vector<TopologyEdge> &edges() const { return m_edges; }
    TopologyNode &node(std::size_t index) { return m_nodes[index]; }
    std::optional<std::size_t> find(const std::string &id) const;
    bool hasEdge(std::size_t from, std::size_t to) const;

private:
    std::vector<TopologyNode> m_nodes;
    std::vector<TopologyEdge> m_edges;
    std::set<std::pair<std::size_t, std::size_t>> m_edgeKeys;
    std::unordered_map<std::string, std::size_t> m_index;
};

/** Node ids, shared by the builder and by whoever maps a request's hops onto the graph. */
namespace ids {
std::string client();
std::string loadBalancer(const std::string &ns, const std::string &service);
std::string nodePort(const std::string &ns, const std::string &service);
std::string ingressController(const std::string &className);
std::string ingressRule(const std::string &ns, const std::string &ingress, int rule);
std::string gateway(const std::string &ns, const std::string &name);
std::string routeRule(const std::string &ns, const std::string &route, int rule);
std::string service(const std::string &ns, const std::string &name);
std::string pod(const std::string &ns, const std::string &name);
} // namespace ids

} // namespace sim::topology
