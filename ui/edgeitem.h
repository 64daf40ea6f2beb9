#pragma once

#include "sim/topology/topologygraph.h"

#include "ui/edgelabelitem.h"

#include <QGraphicsItem>
#include <QPainterPath>

#include <memory>
#include <optional>
#include <vector>

namespace ui {

class NodeItem;
struct Theme;

/** A connection requests can take: a curve whose width follows the requests per second over it. */
class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    EdgeItem(NodeItem *from, NodeItem *to, const sim::topology::TopologyEdge &edge, const Theme *theme);
    ~EdgeItem() override;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    NodeItem *from() const { return m_from; }
    NodeItem *to() const { return m_to; }
    const sim::topology::TopologyEdge &edge() const { return m_edge; }
    void setEdge(const sim::topology::TopologyEdge &edge);
    void setTheme(const Theme *theme);
    /** Recomputes the curve after a node moved. */
    void adjust();
    /** A point along the curve, t in [0, 1]: where a particle is drawn. */
    QPointF pointAt(qreal t) const;
    /** Requests per second observed over the edge, the busiest edge's rate, and the observed share of a split. */
    void setTraffic(double rps, double maxRps, std::optional<double> observedShare);
    /** "90 % set · 89.6 % seen · 45 rps" for a weighted split, else empty. */
    QString label() const;
    /** Where the label is drawn: a pill centred on the curve, between the cards at its ends when it fits. */
    QRectF labelRect() const;
    /** The split's label item (drawn above the particles); nullptr for an edge that is no split. */
    const EdgeLabelItem *labelItem() const { return m_label.get(); }
    bool isSplit() const { return m_edge.weight.has_value(); }
    const Theme &theme() const { return *m_theme; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    qreal penWidth() const;
    /** Creates, places or drops the label item to match the edge. */
    void syncLabel();
    /** The point of the curve at horizontal position x (clamped to its ends). */
    QPointF pointAtX(qreal x) const;

    NodeItem *m_from;
    NodeItem *m_to;
    sim::topology::TopologyEdge m_edge;
    const Theme *m_theme;
    QPainterPath m_path;
    std::vector<QPointF> m_samples;
    double m_rps = 0;
    double m_maxRps = 0;
    std::optional<double> m_observedShare;
    std::unique_ptr<EdgeLabelItem> m_label;
};

} // namespace ui
