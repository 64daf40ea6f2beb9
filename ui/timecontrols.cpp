#include "ui/timecontrols.h"

#include "ui/icons.h"
#include "ui/simulationhost.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QToolBar>

#include <cmath>

namespace ui {

const QList<double> &TimeControls::speeds()
{
    static const QList<double> presets = {0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100};
    return presets;
}

QString TimeControls::formatClock(long long us)
{
    const long long ms = us / 1000;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

TimeControls::TimeControls(SimulationHost *host, QToolBar *toolBar) : QObject(toolBar), m_host(host)
{
    m_play = toolBar->addAction(tr("Play"));
    m_play->setShortcut(Qt::Key_Space);
    m_play->setToolTip(tr("Play / pause simulated time (Space)"));
    connect(m_play, &QAction::triggered, host, &SimulationHost::togglePlaying);

    m_stepEvent = toolBar->addAction(tr("Next event"));
    m_stepEvent->setShortcut(Qt::Key_Right);
    m_stepEvent->setToolTip(tr("Pause and run exactly the next scheduled event (→)"));
    connect(m_stepEvent, &QAction::triggered, host, [host] {
        host->pause();
        host->stepToNextEvent();
    });

    m_stepSecond = toolBar->addAction(tr("+1 s"));
    m_stepSecond->setShortcut(Qt::SHIFT | Qt::Key_Right);
    m_stepSecond->setToolTip(tr("Pause and advance simulated time by one second (Shift+→)"));
    connect(m_stepSecond, &QAction::triggered, host, [host] {
        host->pause();
        host->advance(sim::engine::kSecond);
    });

    toolBar->addSeparator();
    auto *speedLabel = new QLabel(tr("  Speed "));
    toolBar->addWidget(speedLabel);
    m_speed = new QComboBox;
    for (double s : speeds())
        m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speed->setToolTip(tr("Simulated seconds per wall-clock second (+ / −)"));
    toolBar->addWidget(m_speed);
    connect(m_speed, &QComboBox::currentIndexChanged, host,
            [this] { m_host->setSpeed(m_speed->currentData().toDouble()); });

    m_faster = new QAction(tr("Faster"), toolBar);
    m_faster->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    connect(m_faster, &QAction::triggered, this, &TimeControls::faster);
    m_slower = new QAction(tr("Slower"), toolBar);
    m_slower->setShortcut(Qt::Key_Minus);
    connect(m_slower, &QAction::triggered, this, &TimeControls::slower);
    toolBar->parentWidget()->addAction(m_faster);
    toolBar->parentWidget()->addAction(m_slower);

    toolBar->addSeparator();
    m_clock = new QLabel;
    m_clock->setObjectName(QStringLiteral("simClock"));
    m_clock->setToolTip(tr("Simulated time since the cluster started"));
    toolBar->addWidget(m_clock);
    m_seed = new QLabel;
    m_seed->setObjectName(QStringLiteral("seedLabel"));
    m_seed->setToolTip(tr("Random seed: the same seed and the same manifests give the same run"));
    toolBar->addWidget(m_seed);

    connect(host, &SimulationHost::playingChanged, this, &TimeControls::syncPlaying);
    connect(host, &SimulationHost::speedChanged, this, &TimeControls::syncSpeed);
    connect(host, &SimulationHost::frameAdvanced, this, &TimeControls::refreshClock);
    connect(host, &SimulationHost::simulationReplaced, this, &TimeControls::refreshClock);
    syncPlaying(host->isPlaying());
    syncSpeed(host->speed());
    refreshClock();
}

void TimeControls::refreshClock()
{
    m_clock->setText(QStringLiteral("  %1  ").arg(formatClock(m_host->simulation().engine().now())));
    m_seed->setText(tr("seed %1  ").arg(m_host->simulation().engine().seed()));
}

void TimeControls::syncPlaying(bool playing)
{
    m_play->setIcon(glyphIcon(playing ? Glyph::Pause : Glyph::Play, m_iconColor));
    m_play->setText(playing ? tr("Pause") : tr("Play"));
}

void TimeControls::setIconColor(const QColor &color)
{
    m_iconColor = color;
    m_stepEvent->setIcon(glyphIcon(Glyph::NextEvent, color));
    m_stepSecond->setIcon(glyphIcon(Glyph::StepSecond, color));
    syncPlaying(m_host->isPlaying());
}

void TimeControls::syncSpeed(double speed)
{
    int best = 0;
    for (int i = 0; i < speeds().size(); ++i)
        if (std::abs(speeds()[i] - speed) < std::abs(speeds()[best] - speed))
            best = i;
    QSignalBlocker block(m_speed);
    m_speed->setCurrentIndex(best);
}

void TimeControls::faster()
{
    m_speed->setCurrentIndex(std::min(m_speed->currentIndex() + 1, static_cast<int>(m_speed->count()) - 1));
}

void TimeControls::slower()
{
    m_speed->setCurrentIndex(std::max(m_speed->currentIndex() - 1, 0));
}

} // namespace ui
