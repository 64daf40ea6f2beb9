#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

namespace ui {

/** The colours and text sizes of one look: light or dark, normal or presenter (large, high contrast). */
struct Theme {
    bool isDark = false;
    bool isPresenter = false;
    qreal fontScale = 1.0;

    QColor window, canvas, grid, columnTitle;
    QColor card, cardBorder, text, mutedText;
    QColor edge, edgeLabel, edgeLabelText;
    QColor accent, selection;
    QColor ready, starting, failing, terminating;
    QColor groupFill, groupBorder;

    /** Builds the light or dark look, optionally in presenter contrast. */
    static Theme make(bool dark, bool presenter);
    /** True when the desktop's palette was dark at start (Qt 6.4 has no colour-scheme hint yet). */
    static bool systemIsDark();

    /** A stable colour for a backend version ("v1", "v2", "canary", or a Service name). */
    QColor versionColor(const QString &version) const;
    /** The colour of a pod's STATUS: ready green, starting amber, failing red, terminating grey. */
    QColor podStatusColor(const QString &status, bool ready) const;
    /** The application palette for widgets around the canvas. */
    QPalette palette() const;
    QFont font(qreal pointSize, bool bold = false) const;
};

} // namespace ui
