#include "ui/nodeitem.h"

#include "ui/edgeitem.h"
#include "ui/qs.h"
#include "ui/theme.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace ui {
namespace {

constexpr qreal kRadius = 9;

// Card text is drawn under the card's own scale, so it takes the unscaled size.
QFont cardFont(qreal pointSize, bool bold = false)
{
    QFont f;
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

} // namespace

NodeItem::NodeItem(const sim::topology::TopologyNode &node, const Theme *theme)
    : m_node(node), m_theme(theme), m_size(sizeFor(node.role, theme->fontScale))
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    setZValue(2);
    setToolTip(toolTipText());
}

QSizeF NodeItem::sizeFor(sim::topology::NodeRole role, qreal scale)
{
    switch (role) {
    case sim::topology::NodeRole::Pod: return QSizeF(178, 40) * scale;
    case sim::topology::NodeRole::Client: return QSizeF(132, 62) * scale;
    default: return QSizeF(196, 62) * scale;
    }
}

QRectF NodeItem::boundingRect() const
{
    // Room for the selection ring and the badges that stick out of the top-right corner.
    return QRectF(QPointF(0, 0), m_size).adjusted(-4, -9, 9, 4);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(QRectF(QPointF(0, 0), m_size), kRadius, kRadius);
    return path;
}

void NodeItem::setNode(const sim::topology::TopologyNode &node)
{
    const bool changed = node.title != m_node.title || node.detail != m_node.detail || node.problem != m_node.problem
                         || node.podStatus != m_node.podStatus || node.isReady != m_node.isReady
                         || node.restarts != m_node.restarts || node.version != m_node.version;
    m_node = node;
    if (changed) {
        setToolTip(toolTipText());
        update();
    }
}

void NodeItem::setTheme(const Theme *theme)
{
    prepareGeometryChange();
    m_theme = theme;
    m_size = sizeFor(m_node.role, theme->fontScale);
    for (EdgeItem *edge : m_edges)
        edge->adjust();
    update();
}

void NodeItem::removeEdge(EdgeItem *edge)
{
    m_edges.erase(std::remove(m_edges.begin(), m_edges.end(), edge), m_edges.end());
}

QPointF NodeItem::outPort() const
{
    return mapToScene(QPointF(m_size.width(), m_size.height() / 2));
}

QPointF NodeItem::inPort() const
{
    return mapToScene(QPointF(0, m_size.height() / 2));
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        for (EdgeItem *edge : m_edges)
            edge->adjust();
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pinned = true;
    QGraphicsItem::mousePressEvent(event);
}

QColor NodeItem::roleColor() const
{
    using sim::topology::NodeRole;
    switch (m_node.role) {
    case NodeRole::Client: return m_theme->mutedText;
    case NodeRole::LoadBalancer:
    case NodeRole::NodePort: return QColor::fromRgb(0x8e5bd6);
    case NodeRole::IngressController:
    case NodeRole::Gateway: return QColor::fromRgb(0x0f9d9a);
    case NodeRole::IngressRule:
    case NodeRole::RouteRule: return QColor::fromRgb(0x5b6ee1);
    case NodeRole::Service: return m_theme->accent;
    case NodeRole::Pod: return m_theme->podStatusColor(qs(m_node.podStatus), m_node.isReady);
    }
    return m_theme->accent;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    // Cards are laid out at scale 1 and drawn scaled, so presenter mode enlarges them as a whole.
    painter->save();
    painter->scale(m_theme->fontScale, m_theme->fontScale);
    if (m_node.role == sim::topology::NodeRole::Pod)
        paintPod(painter, lod);
    else
        paintCard(painter, lod);
    painter->restore();
    if (isSelected()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(m_theme->selection, 3));
        painter->drawRoundedRect(QRectF(QPointF(0, 0), m_size).adjusted(-2.5, -2.5, 2.5, 2.5), kRadius + 2, kRadius + 2);
    }
    if (!m_node.problem.empty() && lod > 0.3)
        paintProblemBadge(painter);
}

void NodeItem::paintCard(QPainter *painter, qreal lod) const
{
    const QSizeF size = sizeFor(m_node.role);
    const QRectF rect(QPointF(0, 0), size);
    const bool failing = !m_node.problem.empty();
    if (lod < 0.35) {
        // Zoomed far out: a plain block in the role's colour reads better than unreadable text.
        painter->fillRect(rect, failing ? m_theme->failing : roleColor());
        return;
    }
    painter->setPen(QPen(failing ? m_theme->failing : m_theme->cardBorder, failing ? 2 : 1));
    painter->setBrush(m_theme->card);
    painter->drawRoundedRect(rect, kRadius, kRadius);
    // Coloured spine on the left: the role at a glance.
    QPainterPath spine;
    spine.addRoundedRect(QRectF(0, 0, 12, size.height()), kRadius, kRadius);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, 5, size.height()));
    painter->fillPath(spine.intersected(clip), roleColor());

    const qreal x = 16, w = size.width() - x - 10;
    painter->setPen(roleColor());
    QFont caption = cardFont(6.8, true);
    caption.setLetterSpacing(QFont::AbsoluteSpacing, 0.8);
    caption.setCapitalization(QFont::AllUppercase);
    painter->setFont(caption);
    const QString role = QString::fromLatin1(sim::topology::roleName(m_node.role));
    painter->drawText(QRectF(x, 7, w, 14), Qt::AlignLeft | Qt::AlignVCenter, role);

    // Title without the kind prefix: the caption already says what it is.
    QString title = qs(m_node.title);
    if (m_node.role != sim::topology::NodeRole::Client && !m_node.name.empty())
        title = qs(m_node.name) + (m_node.ruleIndex >= 0 && m_node.role == sim::topology::NodeRole::RouteRule
                                       && title.contains(QLatin1Char('#'))
                                   ? QStringLiteral("  · rule %1").arg(m_node.ruleIndex)
                                   : QString());
    painter->setPen(m_theme->text);
    painter->setFont(cardFont(9.6, true));
    painter->drawText(QRectF(x, 21, w, 19), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(title, Qt::ElideMiddle, static_cast<int>(w)));
    painter->setPen(failing ? m_theme->failing : m_theme->mutedText);
    painter->setFont(cardFont(7.8));
    const QString detail = failing ? qs(m_node.problem) : qs(m_node.detail);
    painter->drawText(QRectF(x, 40, w, 16), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(detail, Qt::ElideRight, static_cast<int>(w)));
}

void NodeItem::paintPod(QPainter *painter, qreal lod) const
{
    const QSizeF size = sizeFor(m_node.role);
    const QRectF rect(QPointF(0, 0), size);
    const QColor status = roleColor();
    if (lod < 0.35) {
        painter->fillRect(rect, status);
        return;
    }
    const bool terminating = m_node.podStatus == "Terminating";
    painter->setOpacity(terminating ? 0.55 : 1.0);
    painter->setPen(QPen(m_node.problem.empty() ? m_theme->cardBorder : m_theme->failing, m_node.problem.empty() ? 1 : 2));
    painter->setBrush(m_theme->card);
    painter->drawRoundedRect(rect, kRadius, kRadius);
    // Status dot: filled when ready, a ring while the pod is not (yet) serving.
    const QPointF dot(14, size.height() / 2);
    painter->setPen(QPen(status, 2.4));
    painter->setBrush(m_node.isReady ? status : Qt::transparent);
    painter->drawEllipse(dot, 5.5, 5.5);

    const qreal x = 26, w = size.width() - x - 8;
    painter->setPen(m_theme->text);
    painter->setFont(cardFont(8.2, true));
    painter->drawText(QRectF(x, 3, w, 17), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(qs(m_node.name), Qt::ElideMiddle, static_cast<int>(w)));
    painter->setFont(cardFont(7.4, m_node.podStatus != "Running"));
    painter->setPen(m_node.podStatus == "Running" && m_node.isReady ? m_theme->mutedText : status);
    painter->drawText(QRectF(x, 20, w, 15), Qt::AlignLeft | Qt::AlignVCenter,
                      qs(m_node.podStatus) + (m_node.isReady ? QStringLiteral(" · Ready") : QStringLiteral(" · not ready")));
    painter->setOpacity(1.0);

    if (m_node.restarts > 0) {
        const QString text = QStringLiteral("↻%1").arg(m_node.restarts);
        painter->setFont(cardFont(7, true));
        const qreal bw = painter->fontMetrics().horizontalAdvance(text) + 10;
        const QRectF badge(size.width() - bw + 6, -7, bw, 15);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_theme->failing);
        painter->drawRoundedRect(badge, 7.5, 7.5);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, text);
    }
}

void NodeItem::paintProblemBadge(QPainter *painter) const
{
    if (m_node.role == sim::topology::NodeRole::Pod && m_node.restarts > 0)
        return;  // the restart badge already marks it
    const QRectF badge(m_size.width() - 9, -7, 16, 16);
    painter->setPen(QPen(m_theme->card, 2));
    painter->setBrush(m_theme->failing);
    painter->drawEllipse(badge);
    painter->setPen(Qt::white);
    painter->setFont(cardFont(8, true));
    painter->drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
}

QString NodeItem::toolTipText() const
{
    QString text = QStringLiteral("<b>%1</b><br>%2").arg(qs(m_node.title).toHtmlEscaped(), qs(m_node.detail).toHtmlEscaped());
    if (!m_node.namespace_.empty())
        text += QStringLiteral("<br>namespace %1").arg(qs(m_node.namespace_).toHtmlEscaped());
    if (!m_node.version.empty())
        text += QStringLiteral("<br>version %1").arg(qs(m_node.version).toHtmlEscaped());
    if (m_node.restarts > 0)
        text += QStringLiteral("<br>%1 restarts").arg(m_node.restarts);
    if (!m_node.problem.empty())
        text += QStringLiteral("<br><span style='color:#d92d36'><b>Problem:</b> %1</span>").arg(qs(m_node.problem).toHtmlEscaped());
    return text;
}

} // namespace ui
