#include "ui/podgroupitem.h"

#include "ui/theme.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace ui {

PodGroupItem::PodGroupItem(const QString &title, const QString &version, const Theme *theme)
    : m_title(title), m_version(version), m_theme(theme)
{
    setZValue(-1);
    setAcceptedMouseButtons(Qt::NoButton);
    setCacheMode(DeviceCoordinateCache);
}

void PodGroupItem::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void PodGroupItem::setLabel(const QString &title, const QString &version)
{
    if (title == m_title && version == m_version)
        return;
    m_title = title;
    m_version = version;
    update();
}

void PodGroupItem::setTheme(const Theme *theme)
{
    m_theme = theme;
    update();
}

void PodGroupItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor tint = m_version.isEmpty() ? m_theme->groupBorder : m_theme->versionColor(m_version);
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    QColor fill = tint;
    fill.setAlpha(m_theme->isDark ? 26 : 18);
    painter->setBrush(fill);
    QColor border = tint;
    border.setAlpha(140);
    painter->setPen(QPen(border, 1.2, Qt::DashLine));
    painter->drawRoundedRect(m_rect, 12, 12);
    if (lod < 0.45)
        return;
    const QRectF header(m_rect.left() + 10, m_rect.top() + 3, m_rect.width() - 20, kHeader * m_theme->fontScale - 4);
    painter->setPen(m_theme->text);
    painter->setFont(m_theme->font(8.4, true));
    const QString title = painter->fontMetrics().elidedText(m_title, Qt::ElideMiddle, static_cast<int>(header.width() - 50));
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, title);
    if (m_version.isEmpty())
        return;
    painter->setFont(m_theme->font(7.6, true));
    const qreal w = painter->fontMetrics().horizontalAdvance(m_version) + 14;
    const qreal chipHeight = painter->fontMetrics().height() + 3;
    const QRectF chip(header.right() - w, header.center().y() - chipHeight / 2, w, chipHeight);
    painter->setPen(Qt::NoPen);
    painter->setBrush(tint);
    painter->drawRoundedRect(chip, chipHeight / 2, chipHeight / 2);
    painter->setPen(Qt::white);
    painter->drawText(chip, Qt::AlignCenter, m_version);
}

} // namespace ui
