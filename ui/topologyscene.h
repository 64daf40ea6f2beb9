#pragma once

#include "sim/store/store.h"
#include "sim/topology/layeredlayout.h"
#include "sim/topology/topologybuilder.h"
#include "sim/topology/topologygraph.h"
#include "ui/changeevent.h"
#include "ui/edgetraffic.h"
#include "ui/framesnapshot.h"
#include "ui/theme.h"

#include <QElapsedTimer>
#include <QGraphicsScene>

#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ui {

class EdgeItem;
class NodeItem;
class ParticleLayer;
class PodGroupItem;

/**
 * The topology canvas's scene: one NodeItem per graph node, one EdgeItem per edge, a frame per
 * Deployment's pods, and one ParticleLayer painting every request in flight. rebuild() diffs the items
 * against a fresh graph, so known nodes keep their place; updateFrame() moves the particles.
 */
class TopologyScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit TopologyScene(QObject *parent = nullptr);
    ~TopologyScene() override;

    void setTheme(const Theme &theme);
    const Theme &theme() const { return m_theme; }

    /** Rebuilds the graph from the store and updates the items; known nodes stay where they are. */
    void rebuild(const sim::store::Store &store);
    /** Forgets the remembered order and the dragged positions, and lays everything out afresh. */
    void relayout();
    /**
     * Frames pods by the Node they run on (true) or by their Deployment (false, the default), laying the
     * pods out afresh once; from then on the order is remembered as usual.
     */
    void setPodsInNodes(bool on, const sim::store::Store &store);
    bool podsInNodes() const { return m_grouping == sim::topology::PodGrouping::Node; }
    /** The pod frames: caption and scene rectangle, by group key. */
    std::vector<std::pair<QString, QRectF>> podFrames() const;
    /**
     * Moves the particles to the frame's time and updates edge widths and split labels. `minHop` is the
     * simulated time one hop is shown for at least (a hop of a millisecond would be invisible).
     */
    void updateFrame(const FrameSnapshot &frame, sim::engine::SimTime minHop = 0);
    /** Turns the cards' pixmap cache on (screen) or off (vector export, so text stays text). */
    void setItemCaching(bool on);
    /** Forgets traffic history (after a new cluster is loaded). */
    void clearTraffic();

    const sim::topology::TopologyGraph &graph() const { return m_graph; }
    NodeItem *nodeItem(const std::string &id) const;
    EdgeItem *edgeItem(const std::string &from, const std::string &to) const;
    std::vector<EdgeItem *> splitEdges() const;
    const EdgeTraffic &traffic() const { return m_traffic; }
    /** Requests drawn as one particle (1 unless the rate is too high to draw each). */
    int requestsPerParticle() const { return m_requestsPerParticle; }
    std::size_t particleCount() const;
    /** Where the particles are drawn this frame. */
    std::vector<QPointF> particlePositions() const;
    /** The request of the particle nearest to `scenePos` within `radius`, or 0. */
    std::uint64_t requestAt(const QPointF &scenePos, qreal radius) const;
    /** Versions seen on particles, in first-seen order, for the legend. */
    const std::vector<QString> &versions() const { return m_versions; }
    /** The version a Service's particles are coloured by: its first pod's version label, else its name. */
    std::string versionOf(const std::string &ns, const std::string &service) const;
    /** The area the nodes and pod frames cover (what "fit" shows). */
    QRectF contentRect() const { return m_content; }
    /** Column titles and their x position, for the view's background. */
    std::vector<std::pair<qreal, QString>> columnTitles() const;

    static constexpr int kMaxParticles = 6000;
    /** Legend keys besides versions: requests that fail (red), and those not routed to a backend yet (grey). */
    static constexpr const char *kFailedKey = "failed";
    static constexpr const char *kUnroutedKey = "unrouted";

signals:
    /** The user selected an object on the canvas (kind, namespace, name). */
    void objectSelected(const ui::ObjectKey &key);
    void layoutChanged();

private:
    void syncNodes();
    void syncEdges();
    void placeNodes();
    void syncGroups();
    void updateEdgeTraffic();
    void updateParticles(const FrameSnapshot &frame, sim::engine::SimTime minHop);
    int spriteFor(const std::string &version);
    void onSelectionChanged();

    Theme m_theme;
    sim::topology::TopologyGraph m_graph;
    sim::topology::LayeredLayout m_layout;
    sim::topology::PodGrouping m_grouping = sim::topology::PodGrouping::Workload;
    std::unordered_map<std::string, NodeItem *> m_nodes;
    std::map<std::pair<std::string, std::string>, EdgeItem *> m_edges;
    struct EdgeHash {
        std::size_t operator()(const std::pair<std::string_view, std::string_view> &key) const;
    };
    // The same edges hashed, for the particle pass's one look-up per particle (m_edges' keys, rebuilt in syncEdges).
    std::unordered_map<std::pair<std::string_view, std::string_view>, EdgeItem *, EdgeHash> m_edgeIndex;
    std::map<std::string, PodGroupItem *> m_groups;
    ParticleLayer *m_particles;
    EdgeTraffic m_traffic;
    int m_requestsPerParticle = 1;
    std::vector<QString> m_versions;
    std::unordered_map<std::string, int> m_spriteOf;  // by version key, without a QString per particle
    struct FailureMark {
        QPointF pos;
        qint64 bornMs;
    };
    std::vector<FailureMark> m_failures;
    QElapsedTimer m_wallClock;
    int m_frameCount = 0;
    QRectF m_content;
};

} // namespace ui
