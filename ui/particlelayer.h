#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPainter>
#include <QPixmap>

#include <cstdint>
#include <vector>

namespace ui {

/** One dot to draw this frame: where, and which sprite (a colour, or a failure burst). */
struct Particle {
    QPointF pos;
    int sprite = 0;
    qreal opacity = 1.0;
    std::uint64_t request = 0;  // the request it stands for (0: a failure mark)
};

/**
 * Every request particle of the canvas, painted in one pass from one sprite sheet with
 * drawPixmapFragments: one item for thousands of particles, no item or timer per request.
 */
class ParticleLayer : public QGraphicsItem {
public:
    enum { Type = UserType + 4 };

    ParticleLayer();

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setBounds(const QRectF &bounds);
    /** Sets the colours sprites are drawn in; sprite i of a Particle is colours[i]. */
    void setColors(const std::vector<QColor> &colors);
    /** Index of the red ring drawn where a request failed. */
    int burstSprite() const { return static_cast<int>(m_colors.size()); }
    void setParticles(std::vector<Particle> particles);
    std::size_t particleCount() const { return m_particles.size(); }
    const std::vector<Particle> &particles() const { return m_particles; }

private:
    void buildSheet();

    QRectF m_bounds;
    std::vector<QColor> m_colors;
    QColor m_burst = QColor(0xe5484d);
    QPixmap m_sheet;
    std::vector<Particle> m_particles;
    std::vector<QPainter::PixmapFragment> m_fragments;
};

} // namespace ui
