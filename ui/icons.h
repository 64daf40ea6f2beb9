#pragma once

#include <QColor>
#include <QIcon>

namespace ui {

/** The toolbar's glyphs, drawn in code so they follow the theme's text colour on light and dark. */
enum class Glyph { Play, Pause, NextEvent, StepSecond, Fit, Tidy };

/** An icon of a glyph in a colour, crisp at 1x and 2x. */
QIcon glyphIcon(Glyph glyph, const QColor &color);

} // namespace ui
