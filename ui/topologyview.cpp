#include "ui/topologyview.h"

#include "ui/topologyscene.h"

#include <QPainter>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace ui {
namespace {

constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 4.0;
constexpr qreal kGridStep = 28;

} // namespace

TopologyView::TopologyView(TopologyScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setCacheMode(CacheBackground);
    // Particles cover the whole scene and move every frame: one full repaint is cheaper than many regions.
    setViewportUpdateMode(FullViewportUpdate);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setFrameShape(QFrame::NoFrame);
    // Panning is by dragging the background; scroll bars would only take room from the picture.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(scene, &TopologyScene::layoutChanged, this, [this] {
        resetCachedContent();
        // Objects arriving outside the view (a lesson's pods after its Gateway) are fitted in, unless
        // the user chose a zoom of their own.
        const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
        if (!m_fitted || (!m_userZoomed && !visible.contains(m_scene->contentRect())))
            fitAll();
    });
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::fitAll()
{
    if (m_scene->contentRect().isEmpty()) {
        // Nothing to fit yet (a lesson's objects arrive with its first action): fit when they come.
        m_fitted = false;
        return;
    }
    const QRectF content = m_scene->contentRect().adjusted(-30, -60, 30, 30);
    fitInView(content, Qt::KeepAspectRatio);
    // A tiny cluster should not be blown up to poster size.
    if (zoom() > 1.6)
        scaleBy(1.6 / zoom());
    m_fitted = true;
    m_userZoomed = false;
    resetCachedContent();
}

void TopologyView::zoomIn()
{
    m_userZoomed = true;
    scaleBy(1.25);
}

void TopologyView::zoomOut()
{
    m_userZoomed = true;
    scaleBy(0.8);
}

void TopologyView::scaleBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
    resetCachedContent();
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    // A particle is a few pixels wide: accept a click within 7 screen pixels of it, at any zoom.
    if (event->button() == Qt::LeftButton) {
        const qreal radius = 7.0 / std::max(zoom(), kMinZoom);
        if (const std::uint64_t request = m_scene->requestAt(mapToScene(event->position().toPoint()), radius)) {
            emit requestClicked(request);
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    m_userZoomed = true;
    scaleBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (!m_fitted || zoom() < 1.0)
        fitAll();
}

void TopologyView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const Theme &theme = m_scene->theme();
    painter->fillRect(rect, theme.canvas);
    if (zoom() > 0.35) {
        // A faint dot grid: gives the canvas depth without competing with the nodes.
        painter->setPen(QPen(theme.grid, 2.0 / zoom(), Qt::SolidLine, Qt::RoundCap));
        const qreal left = std::floor(rect.left() / kGridStep) * kGridStep;
        const qreal top = std::floor(rect.top() / kGridStep) * kGridStep;
        QVector<QPointF> dots;
        for (qreal x = left; x < rect.right(); x += kGridStep)
            for (qreal y = top; y < rect.bottom(); y += kGridStep)
                dots.append(QPointF(x, y));
        painter->drawPoints(dots.data(), static_cast<int>(dots.size()));
    }
    const qreal top = m_scene->contentRect().top() - 22;
    QFont font = theme.font(8.5, true);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 1.6);
    painter->setFont(font);
    painter->setPen(theme.columnTitle);
    for (const auto &[x, title] : m_scene->columnTitles())
        painter->drawText(QPointF(x, top), title);
}

void TopologyView::drawForeground(QPainter *painter, const QRectF &)
{
    painter->save();
    painter->resetTransform();
    paintLegend(painter);
    painter->restore();
}

void TopologyView::paintLegend(QPainter *painter)
{
    const Theme &theme = m_scene->theme();
    const auto &versions = m_scene->versions();
    if (versions.empty())
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont font = theme.font(8.6);
    painter->setFont(font);
    const QFontMetrics fm(font);
    const int perParticle = m_scene->requestsPerParticle();
    const QString scale = perParticle == 1 ? tr("1 dot = 1 request") : tr("1 dot = %1 requests").arg(perParticle);
    int width = fm.horizontalAdvance(scale);
    for (const QString &v : versions)
        width = std::max(width, fm.horizontalAdvance(v) + 22);
    const int line = fm.height() + 6;
    const QRect box(14, viewport()->height() - 24 - line * (static_cast<int>(versions.size()) + 1), width + 28,
                    line * (static_cast<int>(versions.size()) + 1) + 12);
    QColor fill = theme.card;
    fill.setAlpha(235);
    painter->setPen(QPen(theme.cardBorder, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 10, 10);
    int y = box.top() + 8;
    for (const QString &v : versions) {
        const bool failed = v == QLatin1String(TopologyScene::kFailedKey);
        const bool unrouted = v == QLatin1String(TopologyScene::kUnroutedKey);
        painter->setPen(Qt::NoPen);
        painter->setBrush(failed ? theme.failing : unrouted ? theme.mutedText : theme.versionColor(v));
        painter->drawEllipse(QPointF(box.left() + 19, y + line / 2.0), 5.5, 5.5);
        painter->setPen(theme.text);
        painter->drawText(QRect(box.left() + 32, y, width, line), Qt::AlignVCenter,
                          failed ? tr("failed request") : unrouted ? tr("no backend yet") : v);
        y += line;
    }
    painter->setPen(theme.mutedText);
    painter->drawText(QRect(box.left() + 14, y, width + 8, line), Qt::AlignVCenter, scale);
}

} // namespace ui
