#include "sim/topology/layeredlayout.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/exception.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>
#include <tuple>

namespace sim::topology {
namespace {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

// Neighbours of every node in one direction (predecessors or successors).
std::vector<std::vector<std::size_t>> neighbours(const TopologyGraph &graph, bool predecessors)
{
    std::vector<std::vector<std::size_t>> out(graph.nodes().size());
    for (const TopologyEdge &e : graph.edges()) {
        if (predecessors)
            out[e.to].push_back(e.from);
        else
            out[e.from].push_back(e.to);
    }
    return out;
}

// Position of every node as a fraction of its layer's height, so layers of different sizes compare.
std::vector<double> relativePositions(const std::vector<std::vector<std::size_t>> &layers, std::size_t count)
{
    std::vector<double> pos(count, 0.0);
    for (const auto &layer : layers)
        for (std::size_t i = 0; i < layer.size(); ++i)
            pos[layer[i]] = (static_cast<double>(i) + 0.5) / static_cast<double>(layer.size());
    return pos;
}

double barycenter(const std::vector<std::size_t> &adjacent, const std::vector<double> &pos, double fallback)
{
    if (adjacent.empty())
        return fallback;
    double sum = 0;
    for (std::size_t n : adjacent)
        sum += pos[n];
    return sum / static_cast<double>(adjacent.size());
}

// Sorts one layer by barycenter, keeping pods of one Deployment, and of one ReplicaSet, next to each other.
// Each node's key is built once: a layer of 10,000 pods sorted by keys built in the comparison spent the first
// layout of a big canvas building strings.
void sortLayer(const TopologyGraph &graph, std::vector<std::size_t> &layer, const std::vector<double> &bary)
{
    struct Key {
        double groupMean;
        std::string_view group;
        double subgroupMean;
        std::string_view subgroup;
        double bary;
        std::string_view id;
        std::size_t node;
        auto tied() const { return std::tie(groupMean, group, subgroupMean, subgroup, bary, id); }
    };
    std::vector<Key> keys;
    keys.reserve(layer.size());
    std::map<std::string_view, std::pair<double, int>> groupSum;
    std::map<std::pair<std::string_view, std::string_view>, std::pair<double, int>> subgroupSum;
    for (std::size_t n : layer) {
        const TopologyNode &node = graph.nodes()[n];
        const std::string_view group = node.group.empty() ? node.id : node.group;
        keys.push_back({0, group, 0, node.subgroup, bary[n], node.id, n});
        for (auto *sum : {&groupSum[group], &subgroupSum[{group, node.subgroup}]}) {
            sum->first += bary[n];
            ++sum->second;
        }
    }
    auto mean = [](const std::pair<double, int> &p) { return p.first / p.second; };
    for (Key &k : keys) {
        k.groupMean = mean(groupSum[k.group]);
        k.subgroupMean = mean(subgroupSum[{k.group, k.subgroup}]);
    }
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) { return a.tied() < b.tied(); });
    for (std::size_t i = 0; i < keys.size(); ++i)
        layer[i] = keys[i].node;
}

} // namespace

std::vector<int> LayeredLayout::assignLayers(const TopologyGraph &graph) const
{
    const std::size_t count = graph.nodes().size();
    BoostGraph g(count);
    for (const TopologyEdge &e : graph.edges())
        boost::add_edge(e.from, e.to, g);
    std::vector<int> layers(count);
    for (std::size_t v = 0; v < count; ++v)
        layers[v] = minimumLayer(graph.nodes()[v].role);
    std::vector<BoostGraph::vertex_descriptor> order;
    try {
        boost::topological_sort(g, std::back_inserter(order));
    } catch (const boost::not_a_dag &) {
        return layers;  // a cycle cannot come from routing objects; fall back to the roles' columns
    }
    // topological_sort yields reverse topological order: walk it backwards, pushing each node past its predecessors.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        auto [in, inEnd] = boost::in_edges(*it, g);
        for (; in != inEnd; ++in)
            layers[*it] = std::max(layers[*it], layers[boost::source(*in, g)] + 1);
    }
    return layers;
}

void LayeredLayout::update(const TopologyGraph &graph)
{
    const std::vector<int> layerOf = assignLayers(graph);
    m_layerCount = layerOf.empty() ? 0 : *std::max_element(layerOf.begin(), layerOf.end()) + 1;
    std::vector<std::vector<std::size_t>> layers(static_cast<std::size_t>(m_layerCount));
    for (std::size_t v = 0; v < layerOf.size(); ++v)
        layers[static_cast<std::size_t>(layerOf[v])].push_back(v);

    if (m_previous.empty())
        orderFully(graph, layers);
    else
        orderIncrementally(graph, layers);

    m_placements.assign(graph.nodes().size(), {});
    m_previous.clear();
    for (std::size_t l = 0; l < layers.size(); ++l)
        for (std::size_t r = 0; r < layers[l].size(); ++r) {
            m_placements[layers[l][r]] = {static_cast<int>(l), static_cast<int>(r)};
            m_previous[graph.nodes()[layers[l][r]].id] = {static_cast<int>(r), graph.nodes()[layers[l][r]].group};
        }
}

void LayeredLayout::orderFully(const TopologyGraph &graph, std::vector<std::vector<std::size_t>> &layers) const
{
    const auto preds = neighbours(graph, true);
    const auto succs = neighbours(graph, false);
    const std::size_t count = graph.nodes().size();
    // Alternate downward sweeps (order by predecessors) and upward sweeps (by successors).
    for (int sweep = 0; sweep < 8; ++sweep) {
        const bool down = sweep % 2 == 0;
        for (std::size_t step = 1; step < layers.size() + 1; ++step) {
            std::size_t l = down ? step - 1 : layers.size() - step;
            std::vector<double> pos = relativePositions(layers, count);
            std::vector<double> bary(count, 0.0);
            for (std::size_t n : layers[l])
                bary[n] = barycenter(down ? preds[n] : succs[n], pos, pos[n]);
            sortLayer(graph, layers[l], bary);
        }
    }
}

void LayeredLayout::orderIncrementally(const TopologyGraph &graph, std::vector<std::vector<std::size_t>> &layers) const
{
    const auto preds = neighbours(graph, true);
    const std::size_t count = graph.nodes().size();
    for (auto &layer : layers) {
        std::vector<std::size_t> known, fresh;
        for (std::size_t n : layer) {
            auto it = m_previous.find(graph.nodes()[n].id);
            (it != m_previous.end() && it->second.group == graph.nodes()[n].group ? known : fresh).push_back(n);
        }
        std::stable_sort(known.begin(), known.end(), [&](std::size_t a, std::size_t b) {
            return m_previous.at(graph.nodes()[a].id).rank < m_previous.at(graph.nodes()[b].id).rank;
        });
        layer = known;
        const std::vector<double> pos = relativePositions(layers, count);
        for (std::size_t n : fresh) {
            const TopologyNode &node = graph.nodes()[n];
            // A new pod joins its ReplicaSet's (else its Deployment's) pods; other nodes go to their barycenter.
            auto sibling = std::find_if(layer.rbegin(), layer.rend(), [&](std::size_t m) {
                const TopologyNode &other = graph.nodes()[m];
                return !node.group.empty() && other.group == node.group && other.subgroup == node.subgroup;
            });
            if (sibling == layer.rend())
                sibling = std::find_if(layer.rbegin(), layer.rend(), [&](std::size_t m) {
                    return !node.group.empty() && graph.nodes()[m].group == node.group;
                });
            if (sibling != layer.rend()) {
                layer.insert(sibling.base(), n);
                continue;
            }
            double target = barycenter(preds[n], pos, 1.0);
            auto at = std::find_if(layer.begin(), layer.end(), [&](std::size_t m) { return pos[m] > target; });
            // Never inside another group: its frame would have to cover a stranger.
            while (at != layer.begin() && at != layer.end() && !graph.nodes()[*at].group.empty()
                   && graph.nodes()[*std::prev(at)].group == graph.nodes()[*at].group)
                ++at;
            layer.insert(at, n);
        }
    }
}

std::vector<std::size_t> LayeredLayout::layer(int index) const
{
    std::vector<std::size_t> out;
    for (std::size_t n = 0; n < m_placements.size(); ++n)
        if (m_placements[n].layer == index)
            out.push_back(n);
    std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return m_placements[a].rank < m_placements[b].rank; });
    return out;
}

int LayeredLayout::countCrossings(const TopologyGraph &graph, const std::vector<NodePlacement> &placements)
{
    int crossings = 0;
    const auto &edges = graph.edges();
    for (std::size_t i = 0; i < edges.size(); ++i)
        for (std::size_t j = i + 1; j < edges.size(); ++j) {
            const NodePlacement &a1 = placements[edges[i].from], &a2 = placements[edges[i].to];
            const NodePlacement &b1 = placements[edges[j].from], &b2 = placements[edges[j].to];
            if (a1.layer != b1.layer || a2.layer != b2.layer)
                continue;
            if ((a1.rank - b1.rank) * (a2.rank - b2.rank) < 0)
                crossings++;
        }
    return crossings;
}

} // namespace sim::topology
