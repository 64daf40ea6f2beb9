#include "sim/topology/topologygraph.h"

namespace sim::topology {

int minimumLayer(NodeRole role)
{
    switch (role) {
    case NodeRole::Client: return 0;
    case NodeRole::LoadBalancer:
    case NodeRole::NodePort:
    case NodeRole::IngressController:
    case NodeRole::Gateway: return 1;
    case NodeRole::IngressRule:
    case NodeRole::RouteRule: return 2;
    case NodeRole::Service: return 3;
    case NodeRole::Pod: return 4;
    }
    return 0;
}

const char *roleName(NodeRole role)
{
    switch (role) {
    case NodeRole::Client: return "Clients";
    case NodeRole::LoadBalancer: return "Cloud load balancer";
    case NodeRole::NodePort: return "NodePort";
    case NodeRole::IngressController: return "Ingress controller";
    case NodeRole::Gateway: return "Gateway";
    case NodeRole::IngressRule: return "Ingress rule";
    case NodeRole::RouteRule: return "HTTPRoute rule";
    case NodeRole::Service: return "Service";
    case NodeRole::Pod: return "Pod";
    }
    return "";
}

std::size_t TopologyGraph::addNode(TopologyNode node)
{
    if (auto existing = find(node.id))
        return *existing;
    m_index.emplace(node.id, m_nodes.size());
    m_nodes.push_back(std::move(node));
    return m_nodes.size() - 1;
}

void TopologyGraph::addEdge(TopologyEdge edge)
{
    if (edge.from == edge.to || !m_edgeKeys.emplace(edge.from, edge.to).second)
        return;
    m_edges.push_back(edge);
}

std::optional<std::size_t> TopologyGraph::find(const std::string &id) const
{
    auto it = m_index.find(id);
    if (it == m_index.end())
        return std::nullopt;
    return it->second;
}

bool TopologyGraph::hasEdge(std::size_t from, std::size_t to) const
{
    return m_edgeKeys.count({from, to}) > 0;
}

namespace ids {
std::string client() { return "client"; }
std::string loadBalancer(const std::string &ns, const std::string &service) { return "lb:" + ns + "/" + service; }
std::string nodePort(const std::string &ns, const std::string &service) { return "nodeport:" + ns + "/" + service; }
std::string ingressController(const std::string &className) { return "ingressclass:" + className; }
std::string ingressRule(const std::string &ns, const std::string &ingress, int rule)
{
    return "ingressrule:" + ns + "/" + ingress + "/" + std::to_string(rule);
}
std::string gateway(const std::string &ns, const std::string &name) { return "gateway:" + ns + "/" + name; }
std::string routeRule(const std::string &ns, const std::string &route, int rule)
{
    return "rule:" + ns + "/" + route + "/" + std::to_string(rule);
}
std::string service(const std::string &ns, const std::string &name) { return "service:" + ns + "/" + name; }
std::string pod(const std::string &ns, const std::string &name) { return "pod:" + ns + "/" + name; }
} // namespace ids

} // namespace sim::topology
