#pragma once

#include <QGraphicsItem>

namespace ui {

class EdgeItem;

/**
 * The "90 % set · 89.6 % seen · 45 rps" pill of a weighted split edge, a scene item of its own so it is drawn
 * above the requests in flight (the edge itself stays under them, or it would hide the dots on it).
 */
class EdgeLabelItem : public QGraphicsItem {
public:
    explicit EdgeLabelItem(const EdgeItem *edge);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    /** The edge's label or its place changed. */
    void refresh();

private:
    const EdgeItem *m_edge;
};

} // namespace ui
