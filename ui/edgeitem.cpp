#include "ui/edgeitem.h"

#include "ui/nodeitem.h"
#include "ui/theme.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <array>
#include <cmath>

namespace ui {
namespace {

constexpr int kSamples = 32;
constexpr qreal kLabelAt = 0.62;
constexpr qreal kLabelGap = 6;  // between a split label and the cards at the ends of its edge
constexpr int kFineSteps = 4 * kSamples;

QPointF cubicAt(const QPointF &a, const QPointF &c1, const QPointF &c2, const QPointF &b, qreal t)
{
    const qreal u = 1 - t;
    return a * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + b * (t * t * t);
}

// kSamples + 1 points of the cubic at equal distances along it, so a particle moves at an even speed. One pass
// of fine steps, then interpolation: QPainterPath::pointAtPercent measures the whole curve again for each
// point, and that was most of the first layout of an 11,000-edge canvas (docs/performance.md).
std::vector<QPointF> evenSamples(const QPointF &a, const QPointF &c1, const QPointF &c2, const QPointF &b)
{
    std::array<QPointF, kFineSteps + 1> fine;
    std::array<qreal, kFineSteps + 1> length;
    fine[0] = a;
    length[0] = 0;
    for (std::size_t i = 1; i <= kFineSteps; ++i) {
        fine[i] = cubicAt(a, c1, c2, b, static_cast<qreal>(i) / kFineSteps);
        const QPointF d = fine[i] - fine[i - 1];
        length[i] = length[i - 1] + std::sqrt(d.x() * d.x() + d.y() * d.y());
    }
    std::vector<QPointF> out(kSamples + 1);
    std::size_t j = 1;
    for (std::size_t i = 0; i <= kSamples; ++i) {
        const qreal target = length.back() * static_cast<qreal>(i) / kSamples;
        while (j < kFineSteps && length[j] < target)
            ++j;
        const qreal span = length[j] - length[j - 1];
        const qreal f = span > 0 ? std::clamp<qreal>((target - length[j - 1]) / span, 0, 1) : 0;
        out[i] = fine[j - 1] * (1 - f) + fine[j] * f;
    }
    return out;
}

} // namespace

EdgeItem::EdgeItem(NodeItem *from, NodeItem *to, const sim::topology::TopologyEdge &edge, const Theme *theme)
    : m_from(from), m_to(to), m_edge(edge), m_theme(theme)
{
    setZValue(0);
    setAcceptedMouseButtons(Qt::NoButton);
    from->addEdge(this);
    to->addEdge(this);
    adjust();
}

QVariant EdgeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSceneHasChanged)
        syncLabel();
    return QGraphicsItem::itemChange(change, value);
}

void EdgeItem::syncLabel()
{
    if (!isSplit()) {
        m_label.reset();
        return;
    }
    if (!m_label)
        m_label = std::make_unique<EdgeLabelItem>(this);
    if (m_label->scene() != scene()) {
        if (m_label->scene())
            m_label->scene()->removeItem(m_label.get());
        if (scene())
            scene()->addItem(m_label.get());
    }
    m_label->refresh();
}

EdgeItem::~EdgeItem()
{
    m_from->removeEdge(this);
    m_to->removeEdge(this);
}

void EdgeItem::setEdge(const sim::topology::TopologyEdge &edge)
{
    if (edge.weight == m_edge.weight && edge.weightTotal == m_edge.weightTotal) {
        m_edge = edge;
        return;
    }
    prepareGeometryChange();
    m_edge = edge;
    update();
    syncLabel();
}

void EdgeItem::setTheme(const Theme *theme)
{
    m_theme = theme;
    update();
    syncLabel();
}

void EdgeItem::adjust()
{
    prepareGeometryChange();
    const QPointF a = m_from->outPort(), b = m_to->inPort();
    const qreal bend = std::max<qreal>(40, (b.x() - a.x()) * 0.5);
    const QPointF c1 = a + QPointF(bend, 0), c2 = b - QPointF(bend, 0);
    m_path = QPainterPath(a);
    m_path.cubicTo(c1, c2, b);
    m_samples = evenSamples(a, c1, c2, b);
    syncLabel();
}

QPointF EdgeItem::pointAt(qreal t) const
{
    t = std::clamp<qreal>(t, 0, 1) * kSamples;
    const int i = std::min(static_cast<int>(t), kSamples - 1);
    const qreal f = t - i;
    return m_samples[static_cast<std::size_t>(i)] * (1 - f) + m_samples[static_cast<std::size_t>(i) + 1] * f;
}

void EdgeItem::setTraffic(double rps, double maxRps, std::optional<double> observedShare)
{
    const bool labelChanged = isSplit() && (std::lround(rps) != std::lround(m_rps) || observedShare != m_observedShare);
    // Tell the scene only when the drawn width moves visibly: the busiest edge's rate changes a little every
    // time, and a geometry change on every edge for it was the slow fourth frame (docs/performance.md).
    const qreal before = penWidth();
    m_rps = rps;
    m_maxRps = maxRps;
    const bool widthChanged = std::abs(penWidth() - before) >= 0.25;
    m_observedShare = observedShare;
    if (widthChanged) {
        prepareGeometryChange();
        update();
    }
    if (labelChanged)
        syncLabel();
}

qreal EdgeItem::penWidth() const
{
    if (m_maxRps <= 0 || m_rps <= 0)
        return 1.6;
    return 1.6 + 9.0 * std::sqrt(m_rps / m_maxRps);
}

QString EdgeItem::label() const
{
    if (!isSplit())
        return {};
    const double set = m_edge.weightTotal > 0 ? 100.0 * *m_edge.weight / m_edge.weightTotal : 0.0;
    QString text = QStringLiteral("%1 % set").arg(set, 0, 'f', std::fmod(set, 1.0) == 0 ? 0 : 1);
    if (m_observedShare)
        text += QStringLiteral(" · %1 % seen").arg(*m_observedShare * 100.0, 0, 'f', 1);
    text += QStringLiteral(" · %1 rps").arg(m_rps, 0, 'f', m_rps < 10 ? 1 : 0);
    return text;
}

QRectF EdgeItem::labelRect() const
{
    QFontMetricsF fm(m_theme->font(8.2, true));
    const qreal w = fm.horizontalAdvance(label()) + 16, h = fm.height() + 8;
    // Past the curve's middle, where the split's edges have parted, but inside the gap between the two cards:
    // on a short edge the long label would otherwise cover the Service card it points at.
    const qreal left = m_samples.front().x() + kLabelGap, right = m_samples.back().x() - kLabelGap;
    const qreal x = right - left >= w ? std::clamp(pointAt(kLabelAt).x(), left + w / 2, right - w / 2) : (left + right) / 2;
    const QPointF c = pointAtX(x);
    return QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
}

QPointF EdgeItem::pointAtX(qreal x) const
{
    // The curve's control points pull it horizontally, so x only grows along it.
    const auto after = std::find_if(m_samples.begin() + 1, m_samples.end() - 1, [x](const QPointF &p) { return p.x() >= x; });
    const QPointF a = *(after - 1), b = *after;
    const qreal f = b.x() > a.x() ? std::clamp<qreal>((x - a.x()) / (b.x() - a.x()), 0, 1) : 0;
    return a * (1 - f) + b * f;
}

QRectF EdgeItem::boundingRect() const
{
    const qreal pad = penWidth() / 2 + 2;
    return m_path.boundingRect().adjusted(-pad, -pad, pad, pad);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    QColor color = m_theme->edge;
    if (isSplit() && m_edge.weight == 0)
        color.setAlpha(110);
    QPen pen(color, penWidth(), isSplit() && m_edge.weight == 0 ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
}

} // namespace ui
