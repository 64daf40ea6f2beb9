#include "ui/theme.h"

#include <QApplication>
#include <QGuiApplication>

#include <array>

namespace ui {
namespace {

// Okabe-Ito inspired hues: tell apart for colour-blind viewers and on a washed-out projector.
constexpr std::array<QRgb, 8> kVersionsLight = {0x1f6fd1, 0xe07000, 0x0f9d76, 0xb8328f, 0x6a4fd6, 0x8a6d00, 0x0099b8, 0x5f6b7a};
constexpr std::array<QRgb, 8> kVersionsDark = {0x5aa9ff, 0xffa33a, 0x38d6a5, 0xf070c8, 0xa58cff, 0xe0c040, 0x40d0f0, 0xa0acbc};

quint32 fnv1a(const QString &text)
{
    quint32 hash = 2166136261u;
    for (QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

Theme Theme::make(bool dark, bool presenter)
{
    Theme t;
    t.isDark = dark;
    t.isPresenter = presenter;
    t.fontScale = presenter ? 1.45 : 1.0;
    if (dark) {
        t.window = QColor::fromRgb(0x1e2127);
        t.canvas = presenter ? QColor::fromRgb(0x0d0f12) : QColor::fromRgb(0x16181d);
        t.grid = QColor::fromRgb(0x2a2e36);
        t.columnTitle = QColor::fromRgb(0x7d8696);
        t.card = QColor::fromRgb(0x23272f);
        t.cardBorder = QColor::fromRgb(0x3a404c);
        t.text = QColor::fromRgb(0xeef1f5);
        t.mutedText = presenter ? QColor::fromRgb(0xc8ced8) : QColor::fromRgb(0x9aa3b2);
        t.edge = QColor::fromRgb(0x4a5160);
        t.edgeLabel = QColor::fromRgb(0x2b3039);
        t.edgeLabelText = QColor::fromRgb(0xe6e9ee);
        t.accent = QColor::fromRgb(0x5aa9ff);
        t.selection = QColor::fromRgb(0xffd54a);
        t.ready = QColor::fromRgb(0x3ccf7a);
        t.starting = QColor::fromRgb(0xf2b33d);
        t.failing = QColor::fromRgb(0xff5a5f);
        t.terminating = QColor::fromRgb(0x7b8494);
        t.groupFill = QColor(255, 255, 255, 10);
        t.groupBorder = QColor::fromRgb(0x3a404c);
    } else {
        t.window = QColor::fromRgb(0xf4f5f7);
        t.canvas = presenter ? QColor::fromRgb(0xffffff) : QColor::fromRgb(0xfafbfc);
        t.grid = QColor::fromRgb(0xe3e6eb);
        t.columnTitle = QColor::fromRgb(0x8a93a3);
        t.card = QColor::fromRgb(0xffffff);
        t.cardBorder = presenter ? QColor::fromRgb(0x9aa3b2) : QColor::fromRgb(0xd5dae1);
        t.text = presenter ? QColor::fromRgb(0x000000) : QColor::fromRgb(0x1d2330);
        t.mutedText = presenter ? QColor::fromRgb(0x2f3745) : QColor::fromRgb(0x667085);
        t.edge = presenter ? QColor::fromRgb(0x98a2b3) : QColor::fromRgb(0xc3cad5);
        t.edgeLabel = QColor::fromRgb(0xffffff);
        t.edgeLabelText = QColor::fromRgb(0x1d2330);
        t.accent = QColor::fromRgb(0x1f6fd1);
        t.selection = QColor::fromRgb(0xf5a700);
        t.ready = QColor::fromRgb(0x1fa65a);
        t.starting = QColor::fromRgb(0xd98e04);
        t.failing = QColor::fromRgb(0xd92d36);
        t.terminating = QColor::fromRgb(0x98a2b3);
        t.groupFill = QColor::fromRgb(0x1d2330);
        t.groupFill.setAlpha(8);
        t.groupBorder = QColor::fromRgb(0xd5dae1);
    }
    return t;
}

bool Theme::systemIsDark()
{
    // Read once, before kubesim sets its own palette: afterwards the application palette is ours.
    static const bool dark = [] {
        const QPalette palette = QGuiApplication::palette();
        return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
    }();
    return dark;
}

QColor Theme::versionColor(const QString &version) const
{
    const auto &colors = isDark ? kVersionsDark : kVersionsLight;
    // "v1", "v2", ... take the palette in order so the lesson's two versions are always blue and orange.
    if (version.size() >= 2 && version[0] == QLatin1Char('v') && version[1].isDigit()) {
        int n = version.mid(1).section(QLatin1Char('.'), 0, 0).toInt();
        if (n >= 1)
            return QColor::fromRgb(colors[static_cast<std::size_t>(n - 1) % colors.size()]);
    }
    return QColor::fromRgb(colors[fnv1a(version) % colors.size()]);
}

QColor Theme::podStatusColor(const QString &status, bool ready) const
{
    if (status == QLatin1String("Terminating"))
        return terminating;
    if (status == QLatin1String("Running"))
        return ready ? this->ready : starting;
    if (status == QLatin1String("Pending") || status == QLatin1String("ContainerCreating")
        || status == QLatin1String("PodInitializing"))
        return starting;
    if (status == QLatin1String("Succeeded") || status == QLatin1String("Completed"))
        return terminating;
    return failing;
}

QPalette Theme::palette() const
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, isDark ? QColor::fromRgb(0x181b20) : QColor::fromRgb(0xffffff));
    p.setColor(QPalette::AlternateBase, isDark ? QColor::fromRgb(0x22262d) : QColor::fromRgb(0xf1f3f6));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, isDark ? QColor::fromRgb(0x2a2e36) : QColor::fromRgb(0xffffff));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, QColor(Qt::white));
    p.setColor(QPalette::ToolTipBase, card);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, mutedText);
    p.setColor(QPalette::Mid, cardBorder);
    p.setColor(QPalette::Dark, cardBorder.darker(120));
    p.setColor(QPalette::Light, isDark ? QColor::fromRgb(0x3a404c) : QColor::fromRgb(0xffffff));
    p.setColor(QPalette::Disabled, QPalette::Text, mutedText);
    p.setColor(QPalette::Disabled, QPalette::WindowText, mutedText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, mutedText);
    return p;
}

QFont Theme::font(qreal pointSize, bool bold) const
{
    QFont f = QApplication::font();
    f.setPointSizeF(pointSize * fontScale);
    f.setBold(bold);
    return f;
}

} // namespace ui
