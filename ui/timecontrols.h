#pragma once

#include <QColor>
#include <QObject>

class QAction;
class QComboBox;
class QLabel;
class QToolBar;

namespace ui {

class SimulationHost;

/** The toolbar's time controls: play / pause, step to the next event, step 1 s, speed, sim clock and seed. */
class TimeControls : public QObject {
    Q_OBJECT

public:
    TimeControls(SimulationHost *host, QToolBar *toolBar);

    QAction *playAction() const { return m_play; }
    QAction *stepEventAction() const { return m_stepEvent; }
    QAction *stepSecondAction() const { return m_stepSecond; }
    QAction *fasterAction() const { return m_faster; }
    QAction *slowerAction() const { return m_slower; }

    /** Redraws the toolbar glyphs in the theme's text colour. */
    void setIconColor(const QColor &color);

    /** "00:01:23.456": the sim clock as the toolbar shows it. */
    static QString formatClock(long long microseconds);
    /** The speed presets, 0.1x to 100x. */
    static const QList<double> &speeds();

public slots:
    void refreshClock();
    void faster();
    void slower();

private:
    void syncPlaying(bool playing);
    void syncSpeed(double speed);

    SimulationHost *m_host;
    QAction *m_play;
    QAction *m_stepEvent;
    QAction *m_stepSecond;
    QAction *m_faster;
    QAction *m_slower;
    QComboBox *m_speed;
    QLabel *m_clock;
    QLabel *m_seed;
    QColor m_iconColor = Qt::black;
};

} // namespace ui
