#include "ui/icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace ui {
namespace {

// Draws a glyph in a 24 x 24 box.
void drawGlyph(QPainter &p, Glyph glyph, const QColor &color)
{
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    auto triangle = [&](qreal x, qreal w) {
        QPainterPath path;
        path.moveTo(x, 5);
        path.lineTo(x + w, 12);
        path.lineTo(x, 19);
        path.closeSubpath();
        p.drawPath(path);
    };
    switch (glyph) {
    case Glyph::Play: triangle(7, 12); break;
    case Glyph::Pause:
        p.drawRoundedRect(QRectF(6.5, 5, 4, 14), 1, 1);
        p.drawRoundedRect(QRectF(13.5, 5, 4, 14), 1, 1);
        break;
    case Glyph::NextEvent:
        triangle(5, 10);
        p.drawRoundedRect(QRectF(16, 5, 3, 14), 1, 1);
        break;
    case Glyph::StepSecond:
        triangle(3, 9);
        triangle(12, 9);
        break;
    case Glyph::Fit: {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(color, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (const auto &[x, y, dx, dy] : {std::tuple{4, 4, 1, 1}, {20, 4, -1, 1}, {4, 20, 1, -1}, {20, 20, -1, -1}}) {
            p.drawLine(QPointF(x, y), QPointF(x + 5 * dx, y));
            p.drawLine(QPointF(x, y), QPointF(x, y + 5 * dy));
        }
        p.drawRoundedRect(QRectF(9, 9, 6, 6), 1, 1);
        break;
    }
    case Glyph::Tidy:
        for (int i = 0; i < 3; ++i) {
            p.drawRoundedRect(QRectF(3 + 7 * i, 5 + (i % 2) * 5, 4.5, 4.5), 1, 1);
            p.drawRoundedRect(QRectF(3 + 7 * i, 14 - (i % 2) * 2, 4.5, 4.5), 1, 1);
        }
        break;
    }
}

} // namespace

QIcon glyphIcon(Glyph glyph, const QColor &color)
{
    QIcon icon;
    for (int scale : {1, 2}) {
        QPixmap pixmap(24 * scale, 24 * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        drawGlyph(p, glyph, color);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace ui
