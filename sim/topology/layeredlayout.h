#pragma once

#include "sim/topology/topologygraph.h"

#include <map>
#include <string>
#include <vector>

namespace sim::topology {

/** Where the layout puts a node: its column (layer) and its rank from the top inside that column. */
struct NodePlacement {
    int layer = 0;
    int rank = 0;
};

/**
 * Layered (Sugiyama-style) layout of the traffic graph, left to right in request order.
 * Layers are longest paths from the clients (never less than the role's own column); the order inside a
 * layer comes from barycenter sweeps that reduce edge crossings. The layout remembers the order it gave:
 * on the next update known nodes keep their relative order and only new nodes are placed, so a new pod
 * does not make the picture jump (a node whose group changed, such as a pod scheduled onto a node, is
 * placed again as new). reset() forgets it for a fresh full layout.
 */
class LayeredLayout {
public:
    /** Lays the graph out; placements() is then indexed like graph.nodes(). */
    void update(const TopologyGraph &graph);
    /** Forgets the remembered order, so the next update reorders everything. */
    void reset() { m_previous.clear(); }

    const std::vector<NodePlacement> &placements() const { return m_placements; }
    int layerCount() const { return m_layerCount; }
    /** Nodes of one layer, top to bottom. */
    std::vector<std::size_t> layer(int index) const;

    /** Edge crossings between adjacent layers under the given placements (for tests and tuning). */
    static int countCrossings(const TopologyGraph &graph, const std::vector<NodePlacement> &placements);

private:
    std::vector<int> assignLayers(const TopologyGraph &graph) const;
    void orderFully(const TopologyGraph &graph, std::vector<std::vector<std::size_t>> &layers) const;
    void orderIncrementally(const TopologyGraph &graph, std::vector<std::vector<std::size_t>> &layers) const;

    std::vector<NodePlacement> m_placements;
    int m_layerCount = 0;
    struct Remembered {
        int rank = 0;
        std::string group;
    };
    std::map<std::string, Remembered> m_previous;  // node id -> rank and group it had, for stability
};

} // namespace sim::topology
