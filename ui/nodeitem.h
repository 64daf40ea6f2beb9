#pragma once

#include "sim/topology/topologygraph.h"

#include <QGraphicsItem>

#include <vector>

namespace ui {

class EdgeItem;
struct Theme;

/** One object on the canvas: a card for entries, rules and Services, a compact chip for a pod. */
class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    NodeItem(const sim::topology::TopologyNode &node, const Theme *theme);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const sim::topology::TopologyNode &node() const { return m_node; }
    /** Replaces what the card shows; repaints only when something visible changed. */
    void setNode(const sim::topology::TopologyNode &node);
    void setTheme(const Theme *theme);
    void addEdge(EdgeItem *edge) { m_edges.push_back(edge); }
    void removeEdge(EdgeItem *edge);
    /** Where edges leave (right side) and arrive (left side), in scene coordinates. */
    QPointF outPort() const;
    QPointF inPort() const;
    /** Set while the user drags the item, so a relayout leaves it where it was put. */
    bool isPinned() const { return m_pinned; }
    void setPinned(bool pinned) { m_pinned = pinned; }

    /** The card's size for a role at a text scale (presenter mode enlarges cards with their text). */
    static QSizeF sizeFor(sim::topology::NodeRole role, qreal scale = 1.0);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void paintCard(QPainter *painter, qreal lod) const;
    void paintPod(QPainter *painter, qreal lod) const;
    void paintProblemBadge(QPainter *painter) const;
    QColor roleColor() const;
    QString toolTipText() const;

    sim::topology::TopologyNode m_node;
    const Theme *m_theme;
    QSizeF m_size;
    std::vector<EdgeItem *> m_edges;
    bool m_pinned = false;
};

} // namespace ui
