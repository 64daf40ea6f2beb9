#include "ui/particlelayer.h"

#include <QStyleOptionGraphicsItem>

namespace ui {
namespace {

// Sprites are rendered at twice their drawn size so they stay crisp when the canvas is zoomed in.
constexpr int kCell = 40;
constexpr qreal kScale = 0.5;
constexpr qreal kDotRadius = 11;    // 5.5 px on the canvas
constexpr qreal kBurstRadius = 17;  // the failure ring

} // namespace

ParticleLayer::ParticleLayer()
{
    setZValue(5);
    setAcceptedMouseButtons(Qt::NoButton);
    buildSheet();
}

void ParticleLayer::setBounds(const QRectF &bounds)
{
    prepareGeometryChange();
    m_bounds = bounds;
}

void ParticleLayer::setColors(const std::vector<QColor> &colors)
{
    if (colors == m_colors)
        return;
    m_colors = colors;
    buildSheet();
}

void ParticleLayer::buildSheet()
{
    m_sheet = QPixmap(kCell * static_cast<int>(m_colors.size() + 1), kCell);
    m_sheet.fill(Qt::transparent);
    QPainter p(&m_sheet);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF centre(kCell / 2.0, kCell / 2.0);
    for (std::size_t i = 0; i < m_colors.size(); ++i) {
        const QPointF c = centre + QPointF(kCell * static_cast<qreal>(i), 0);
        QColor halo = m_colors[i];
        halo.setAlpha(70);
        p.setPen(Qt::NoPen);
        p.setBrush(halo);
        p.drawEllipse(c, kDotRadius + 5, kDotRadius + 5);
        p.setBrush(m_colors[i]);
        p.setPen(QPen(m_colors[i].darker(135), 2));
        p.drawEllipse(c, kDotRadius, kDotRadius);
    }
    const QPointF c = centre + QPointF(kCell * static_cast<qreal>(m_colors.size()), 0);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(m_burst, 5));
    p.drawEllipse(c, kBurstRadius, kBurstRadius);
    p.setBrush(m_burst);
    p.setPen(Qt::NoPen);
    p.drawEllipse(c, kDotRadius - 2, kDotRadius - 2);
}

void ParticleLayer::setParticles(std::vector<Particle> particles)
{
    m_particles = std::move(particles);
    update();
}

void ParticleLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_particles.empty())
        return;
    m_fragments.clear();
    m_fragments.reserve(m_particles.size());
    for (const Particle &particle : m_particles) {
        const QRectF source(kCell * particle.sprite, 0, kCell, kCell);
        m_fragments.push_back(QPainter::PixmapFragment::create(particle.pos, source, kScale, kScale, 0, particle.opacity));
    }
    painter->drawPixmapFragments(m_fragments.data(), static_cast<int>(m_fragments.size()), m_sheet);
}

} // namespace ui
