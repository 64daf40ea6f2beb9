#include "ui/edgelabelitem.h"

#include "ui/edgeitem.h"
#include "ui/theme.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace ui {
namespace {

// Above the particle layer (5) and the cards (2).
constexpr qreal kLabelZ = 6;

} // namespace

EdgeLabelItem::EdgeLabelItem(const EdgeItem *edge) : m_edge(edge)
{
    setZValue(kLabelZ);
    setAcceptedMouseButtons(Qt::NoButton);
}

QRectF EdgeLabelItem::boundingRect() const
{
    return m_edge->labelRect().adjusted(-1, -1, 1, 1);
}

void EdgeLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.45)
        return;  // unreadable that small; the edge's width still shows the traffic
    const Theme &theme = m_edge->theme();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF rect = m_edge->labelRect();
    painter->setPen(QPen(theme.cardBorder, 1));
    painter->setBrush(theme.edgeLabel);
    painter->drawRoundedRect(rect, rect.height() / 2, rect.height() / 2);
    painter->setPen(theme.edgeLabelText);
    painter->setFont(theme.font(8.2, true));
    painter->drawText(rect, Qt::AlignCenter, m_edge->label());
}

void EdgeLabelItem::refresh()
{
    prepareGeometryChange();
    update();
}

} // namespace ui
