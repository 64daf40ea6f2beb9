#include "ui/topologyscene.h"

#include "sim/topology/topologybuilder.h"
#include "ui/edgeitem.h"
#include "ui/nodeitem.h"
#include "ui/particlelayer.h"
#include "ui/podgroupitem.h"
#include "ui/qs.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace ui {
namespace {

using sim::topology::NodeRole;

constexpr qreal kGap = 84;        // between columns
constexpr qreal kSplitGap = 230;   // after a column whose edges carry split labels
constexpr qreal kCardSpacing = 26;
constexpr qreal kPodSpacing = 10;
constexpr qreal kGroupGap = 22;
constexpr qreal kMargin = 160;
constexpr qint64 kFailureMarkMs = 700;

const char *columnTitle(NodeRole role)
{
    switch (role) {
    case NodeRole::Client: return "CLIENTS";
    case NodeRole::LoadBalancer:
    case NodeRole::NodePort:
    case NodeRole::IngressController:
    case NodeRole::Gateway: return "ENTRY";
    case NodeRole::IngressRule:
    case NodeRole::RouteRule: return "ROUTING RULES";
    case NodeRole::Service: return "SERVICES";
    case NodeRole::Pod: return "PODS";
    }
    return "";
}

// Deletes the items whose key is not in `keep`.
template <class Items, class Keys> void deleteUnlisted(Items &items, const Keys &keep)
{
    for (auto it = items.begin(); it != items.end();) {
        if (keep.count(it->first)) {
            ++it;
            continue;
        }
        delete it->second;
        it = items.erase(it);
    }
}

} // namespace

TopologyScene::TopologyScene(QObject *parent) : QGraphicsScene(parent), m_particles(new ParticleLayer)
{
    // Particles move every frame; a spatial index would be rebuilt constantly for nothing.
    setItemIndexMethod(NoIndex);
    addItem(m_particles);
    m_wallClock.start();
    connect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::onSelectionChanged);
}

TopologyScene::~TopologyScene()
{
    // QGraphicsScene's destructor deletes the remaining cards; a selected one leaving emits selectionChanged,
    // which must not reach this class's slot once this part of the object is gone (UBSan, in the ASan suite).
    disconnect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::onSelectionChanged);
    // Edges unregister from their nodes when destroyed: delete them first.
    for (auto &[key, edge] : m_edges)
        delete edge;
    m_edgeIndex.clear();
    m_edges.clear();
}

void TopologyScene::setTheme(const Theme &theme)
{
    m_theme = theme;
    for (auto &[id, node] : m_nodes)
        node->setTheme(&m_theme);
    for (auto &[key, edge] : m_edges)
        edge->setTheme(&m_theme);
    for (auto &[key, group] : m_groups)
        group->setTheme(&m_theme);
    m_spriteOf.clear();
    m_versions.clear();
    m_particles->setColors({});
    setBackgroundBrush(m_theme.canvas);
    if (!m_graph.nodes().empty()) {
        placeNodes();
        syncGroups();
        emit layoutChanged();
    }
    update();
}

NodeItem *TopologyScene::nodeItem(const std::string &id) const
{
    auto it = m_nodes.find(id);
    return it == m_nodes.end() ? nullptr : it->second;
}

std::size_t TopologyScene::EdgeHash::operator()(const std::pair<std::string_view, std::string_view> &key) const
{
    const std::hash<std::string_view> hash;
    return hash(key.first) * 31 + hash(key.second);
}

EdgeItem *TopologyScene::edgeItem(const std::string &from, const std::string &to) const
{
    auto it = m_edgeIndex.find(std::pair<std::string_view, std::string_view>(from, to));
    return it == m_edgeIndex.end() ? nullptr : it->second;
}

std::vector<EdgeItem *> TopologyScene::splitEdges() const
{
    std::vector<EdgeItem *> out;
    for (const auto &[key, edge] : m_edges)
        if (edge->isSplit())
            out.push_back(edge);
    return out;
}

std::string TopologyScene::versionOf(const std::string &ns, const std::string &service) const
{
    auto svc = m_graph.find(sim::topology::ids::service(ns, service));
    if (svc)
        for (const sim::topology::TopologyEdge &edge : m_graph.edges())
            if (edge.from == *svc && !m_graph.nodes()[edge.to].version.empty())
                return m_graph.nodes()[edge.to].version;
    return service;
}

std::size_t TopologyScene::particleCount() const
{
    return m_particles->particleCount();
}

std::vector<QPointF> TopologyScene::particlePositions() const
{
    std::vector<QPointF> out;
    for (const Particle &p : m_particles->particles())
        out.push_back(p.pos);
    return out;
}

std::uint64_t TopologyScene::requestAt(const QPointF &scenePos, qreal radius) const
{
    std::uint64_t best = 0;
    qreal bestDistance = radius * radius;
    for (const Particle &p : m_particles->particles()) {
        const QPointF d = p.pos - scenePos;
        const qreal distance = QPointF::dotProduct(d, d);
        if (p.request != 0 && distance <= bestDistance) {
            best = p.request;
            bestDistance = distance;
        }
    }
    return best;
}

void TopologyScene::rebuild(const sim::store::Store &store)
{
    m_graph = sim::topology::TopologyBuilder(store, m_grouping).build();
    m_layout.update(m_graph);
    syncNodes();
    syncEdges();
    placeNodes();
    syncGroups();
    emit layoutChanged();
}

void TopologyScene::relayout()
{
    m_layout.reset();
    m_layout.update(m_graph);
    for (auto &[id, node] : m_nodes)
        node->setPinned(false);
    placeNodes();
    syncGroups();
    emit layoutChanged();
}

void TopologyScene::setPodsInNodes(bool on, const sim::store::Store &store)
{
    const auto grouping = on ? sim::topology::PodGrouping::Node : sim::topology::PodGrouping::Workload;
    if (grouping == m_grouping)
        return;
    m_grouping = grouping;
    m_layout.reset();  // every pod changes frame: remembering the old order would split the new frames
    rebuild(store);
}

std::vector<std::pair<QString, QRectF>> TopologyScene::podFrames() const
{
    std::vector<std::pair<QString, QRectF>> out;
    for (const auto &[key, group] : m_groups)
        out.emplace_back(group->title(), group->rect());
    return out;
}

void TopologyScene::syncNodes()
{
    std::set<std::string> alive;
    for (const sim::topology::TopologyNode &node : m_graph.nodes()) {
        alive.insert(node.id);
        if (NodeItem *item = nodeItem(node.id)) {
            item->setNode(node);
            continue;
        }
        auto *item = new NodeItem(node, &m_theme);
        addItem(item);
        m_nodes.emplace(node.id, item);
    }
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (alive.count(it->first.first) && alive.count(it->first.second)) {
            ++it;
            continue;
        }
        m_edgeIndex.erase(std::pair<std::string_view, std::string_view>(it->first.first, it->first.second));
        delete it->second;
        it = m_edges.erase(it);
    }
    deleteUnlisted(m_nodes, alive);
}

void TopologyScene::syncEdges()
{
    std::set<std::pair<std::string, std::string>> alive;
    for (const sim::topology::TopologyEdge &edge : m_graph.edges()) {
        const auto key = std::make_pair(m_graph.nodes()[edge.from].id, m_graph.nodes()[edge.to].id);
        alive.insert(key);
        if (EdgeItem *item = edgeItem(key.first, key.second)) {
            item->setEdge(edge);
            continue;
        }
        auto *item = new EdgeItem(m_nodes.at(key.first), m_nodes.at(key.second), edge, &m_theme);
        addItem(item);
        m_edges.emplace(key, item);
    }
    deleteUnlisted(m_edges, alive);
    m_edgeIndex.clear();
    for (const auto &[key, item] : m_edges)
        m_edgeIndex.emplace(std::pair<std::string_view, std::string_view>(key.first, key.second), item);
}

void TopologyScene::placeNodes()
{
    const auto &placements = m_layout.placements();
    std::vector<qreal> columnX(static_cast<std::size_t>(m_layout.layerCount()) + 1, 0);
    std::vector<bool> hasSplit(columnX.size(), false);
    for (const sim::topology::TopologyEdge &edge : m_graph.edges())
        if (edge.weight)
            hasSplit[static_cast<std::size_t>(placements[edge.from].layer)] = true;
    for (int l = 0; l < m_layout.layerCount(); ++l) {
        qreal width = 0;
        for (std::size_t n : m_layout.layer(l))
            width = std::max(width, NodeItem::sizeFor(m_graph.nodes()[n].role, m_theme.fontScale).width());
        columnX[static_cast<std::size_t>(l) + 1] = columnX[static_cast<std::size_t>(l)] + width
                                                   + (hasSplit[static_cast<std::size_t>(l)] ? kSplitGap : kGap);
    }
    QRectF bounds;
    for (int l = 0; l < m_layout.layerCount(); ++l) {
        const std::vector<std::size_t> nodes = m_layout.layer(l);
        std::vector<qreal> y(nodes.size());
        qreal cursor = 0;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const sim::topology::TopologyNode &node = m_graph.nodes()[nodes[i]];
            const bool isPod = node.role == NodeRole::Pod;
            const bool newGroup = isPod && !node.subgroup.empty()
                                  && (i == 0 || m_graph.nodes()[nodes[i - 1]].group != node.group);
            if (i > 0)
                cursor += newGroup ? kGroupGap + PodGroupItem::kPadding : (isPod ? kPodSpacing : kCardSpacing);
            if (newGroup)
                cursor += PodGroupItem::kHeader * m_theme.fontScale;
            y[i] = cursor;
            cursor += NodeItem::sizeFor(node.role, m_theme.fontScale).height();
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            NodeItem *item = m_nodes.at(m_graph.nodes()[nodes[i]].id);
            const QPointF target(columnX[static_cast<std::size_t>(l)], y[i] - cursor / 2);
            if (!item->isPinned() && item->pos() != target)
                item->setPos(target);
            bounds = bounds.united(item->sceneBoundingRect());
        }
    }
    m_content = bounds.adjusted(-12, -PodGroupItem::kHeader - 16, 12, 12);
    const QRectF rect = bounds.adjusted(-kMargin, -kMargin - 40, kMargin, kMargin);
    setSceneRect(rect);
    m_particles->setBounds(rect);
}

void TopologyScene::syncGroups()
{
    struct GroupInfo {
        QRectF rect;
        QString title;
        QString version;
    };
    std::map<std::string, GroupInfo> groups;
    for (const sim::topology::TopologyNode &node : m_graph.nodes()) {
        if (node.role != NodeRole::Pod || node.subgroup.empty())
            continue;
        GroupInfo &g = groups[node.group];
        g.rect = g.rect.united(m_nodes.at(node.id)->sceneBoundingRect());
        g.title = qs(node.groupTitle);
        // A node's box holds several versions: only a Deployment's frame takes its version's tint.
        if (g.version.isEmpty() && !podsInNodes())
            g.version = qs(node.version);
    }
    deleteUnlisted(m_groups, groups);
    for (const auto &[key, info] : groups) {
        PodGroupItem *&item = m_groups[key];
        if (!item) {
            item = new PodGroupItem(info.title, info.version, &m_theme);
            addItem(item);
        }
        item->setLabel(info.title, info.version);
        const qreal p = PodGroupItem::kPadding;
        item->setRect(info.rect.adjusted(-p + 4, -PodGroupItem::kHeader * m_theme.fontScale - p + 9, p - 9, p - 4));
    }
}

std::vector<std::pair<qreal, QString>> TopologyScene::columnTitles() const
{
    std::vector<std::pair<qreal, QString>> out;
    for (int l = 0; l < m_layout.layerCount(); ++l) {
        const std::vector<std::size_t> nodes = m_layout.layer(l);
        if (nodes.empty())
            continue;
        const NodeItem *item = m_nodes.at(m_graph.nodes()[nodes.front()].id);
        out.emplace_back(item->pos().x(), QString::fromLatin1(columnTitle(m_graph.nodes()[nodes.front()].role)));
    }
    return out;
}

void TopologyScene::setItemCaching(bool on)
{
    const QGraphicsItem::CacheMode mode = on ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache;
    for (auto &[id, node] : m_nodes)
        node->setCacheMode(mode);
    for (auto &[key, group] : m_groups)
        group->setCacheMode(mode);
}

void TopologyScene::clearTraffic()
{
    m_traffic.clear();
    m_failures.clear();
    m_particles->setParticles({});
}

void TopologyScene::updateFrame(const FrameSnapshot &frame, sim::engine::SimTime minHop)
{
    m_traffic.record(frame);
    // Edge widths and labels need not change at 60 Hz; every fourth frame reads as smooth.
    if (m_frameCount++ % 4 == 0)
        updateEdgeTraffic();
    updateParticles(frame, minHop);
}

void TopologyScene::updateEdgeTraffic()
{
    // Both maps are sorted by the same key: walk them together instead of looking every edge up (11,000 in case (b)).
    const auto rates = m_traffic.rates();
    std::vector<double> rps(m_edges.size(), 0.0);
    double maxRps = 0;
    std::map<NodeItem *, double> splitTotals;
    auto rate = rates.begin();
    std::size_t i = 0;
    for (const auto &[key, edge] : m_edges) {
        while (rate != rates.end() && *rate->first < key)
            ++rate;
        if (rate != rates.end() && *rate->first == key)
            rps[i] = rate->second;
        maxRps = std::max(maxRps, rps[i]);
        if (edge->isSplit())
            splitTotals[edge->from()] += rps[i];
        ++i;
    }
    i = 0;
    for (const auto &[key, edge] : m_edges) {
        std::optional<double> share;
        if (edge->isSplit() && splitTotals[edge->from()] > 0)
            share = rps[i] / splitTotals[edge->from()];
        edge->setTraffic(rps[i], maxRps, share);
        ++i;
    }
}

int TopologyScene::spriteFor(const std::string &version)
{
    auto it = m_spriteOf.find(version);
    if (it != m_spriteOf.end())
        return it->second;
    const int index = static_cast<int>(m_versions.size());
    m_versions.push_back(qs(version));
    m_spriteOf.emplace(version, index);
    std::vector<QColor> colors;
    for (const QString &v : m_versions)
        colors.push_back(v == QLatin1String(kFailedKey)     ? m_theme.failing
                         : v == QLatin1String(kUnroutedKey) ? m_theme.mutedText
                                                            : m_theme.versionColor(v));
    m_particles->setColors(colors);
    return index;
}

void TopologyScene::updateParticles(const FrameSnapshot &frame, sim::engine::SimTime minHop)
{
    const qint64 wallMs = m_wallClock.elapsed();
    // Shown hop times: each hop lasts its simulated time, but at least minHop, from the request's start.
    auto shownAt = [minHop](const RequestFlight &flight, std::size_t hop) {
        sim::engine::SimTime t = flight.hops.front().at;
        for (std::size_t i = 1; i <= hop; ++i)
            t += std::max(flight.hops[i].at - flight.hops[i - 1].at, minHop);
        return t;
    };
    std::vector<const RequestFlight *> active;
    active.reserve(frame.flights.size());
    for (const RequestFlight *flight : frame.flights) {
        if (flight->hops.size() < 2)
            continue;
        const FlightHop &last = flight->hops.back();
        const sim::engine::SimTime end = shownAt(*flight, flight->hops.size() - 1);
        if (flight->isFailure() && end > frame.previous && end <= frame.now)
            if (NodeItem *node = nodeItem(last.nodeId))
                m_failures.push_back({node->inPort() + QPointF(8, 0), wallMs});
        if (flight->hops.front().at <= frame.now && end > frame.now)
            active.push_back(flight);
    }
    m_requestsPerParticle = std::max<int>(1, static_cast<int>((active.size() + kMaxParticles - 1) / kMaxParticles));
    std::vector<Particle> particles;
    particles.reserve(active.size() / static_cast<std::size_t>(m_requestsPerParticle) + m_failures.size());
    for (std::size_t i = 0; i < active.size(); i += static_cast<std::size_t>(m_requestsPerParticle)) {
        const RequestFlight &flight = *active[i];
        std::size_t h = 1;
        sim::engine::SimTime from = flight.hops.front().at, to = shownAt(flight, 1);
        while (h + 1 < flight.hops.size() && to <= frame.now) {
            ++h;
            from = to;
            to = shownAt(flight, h);
        }
        const FlightHop &a = flight.hops[h - 1], &b = flight.hops[h];
        const qreal t = to > from ? static_cast<qreal>(frame.now - from) / static_cast<qreal>(to - from) : 1.0;
        QPointF pos;
        if (EdgeItem *edge = edgeItem(a.nodeId, b.nodeId)) {
            pos = edge->pointAt(t);
        } else {
            NodeItem *fromNode = nodeItem(a.nodeId), *toNode = nodeItem(b.nodeId);
            if (!fromNode || !toNode)
                continue;
            pos = fromNode->outPort() * (1 - t) + toNode->inPort() * t;
        }
        static const std::string failed = kFailedKey, unrouted = kUnroutedKey;
        const std::string &key = flight.isFailure() ? failed : flight.version.empty() ? unrouted : flight.version;
        particles.push_back({pos, spriteFor(key), 1.0, flight.id});
    }
    m_failures.erase(std::remove_if(m_failures.begin(), m_failures.end(),
                                    [&](const FailureMark &m) { return wallMs - m.bornMs > kFailureMarkMs; }),
                     m_failures.end());
    for (const FailureMark &mark : m_failures)
        particles.push_back({mark.pos, m_particles->burstSprite(),
                             1.0 - static_cast<qreal>(wallMs - mark.bornMs) / kFailureMarkMs});
    m_particles->setParticles(std::move(particles));
}

void TopologyScene::onSelectionChanged()
{
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == NodeItem::Type) {
            const sim::topology::TopologyNode &node = static_cast<NodeItem *>(item)->node();
            if (node.kind)
                emit objectSelected(ObjectKey{*node.kind, qs(node.namespace_), qs(node.name),
                                              node.role == NodeRole::RouteRule || node.role == NodeRole::IngressRule ? node.ruleIndex : -1});
            return;
        }
}

} // namespace ui
