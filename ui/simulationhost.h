#pragma once

#include "sim/simulation.h"
#include "ui/changeevent.h"
#include "ui/flighttracker.h"
#include "ui/framesnapshot.h"
#include "ui/traffictimeline.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>

namespace ui {

/**
 * Owns the one sim::Simulation of the window and the single frame driver: each frame advances the
 * engine by the wall time since the last frame times the speed (runUntil), then publishes a snapshot and
 * the structural changes of the frame. Views read; they change the cluster only through commands pushed
 * on undoStack().
 */
class SimulationHost : public QObject {
    Q_OBJECT

public:
    explicit SimulationHost(QObject *parent = nullptr);
    ~SimulationHost() override;

    sim::Simulation &simulation() { return *m_simulation; }
    const sim::Simulation &simulation() const { return *m_simulation; }
    const FrameSnapshot &snapshot() const { return m_snapshot; }
    QUndoStack *undoStack() { return &m_undo; }

    /** True when the user changed the cluster (weights, console, YAML edits) since it was opened or saved. */
    bool hasUnsavedChanges() const { return !m_undo.isClean() || m_editedOutsideUndo; }
    /** The cluster as it is now is saved: no unsaved changes. */
    void markSaved();
    /** The cluster holds changes no file has (a restored autosave): quitting asks first. */
    void markEdited() { m_editedOutsideUndo = true; }
    /**
     * Runs a user's command that is not on the undo stack (a console line, a YAML apply, a traffic
     * generator): the object changes it makes count as unsaved edits, and they are published at once.
     */
    void runUserCommand(const std::function<void()> &command);

    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    /** Swaps in a new cluster (Open, lesson start); undo history is cleared. Shared: a lesson keeps it too. */
    void replaceSimulation(std::shared_ptr<sim::Simulation> simulation);

    /** Simulated time one hop of a request is shown for at least, at the current speed (250 ms of wall time). */
    sim::engine::SimTime minimumHopTime() const;

    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 100.0;

public slots:
    void play();
    void pause();
    void togglePlaying();
    void setSpeed(double speed);
    /** Runs exactly the next pending event, then publishes a frame. */
    void stepToNextEvent();
    /** Advances by `amount` of simulated time and publishes the frame (the driver's tick, callable by tests). */
    void advance(sim::engine::SimTime amount);
    /** Publishes pending structural changes now (after a command, without waiting for the next frame). */
    void flushChanges();

signals:
    void frameAdvanced();
    void objectsChanged(const ui::ChangeEvents &changes);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void simulationReplaced();

private:
    void tick();
    void watchStore();
    void publishFrame(sim::engine::SimTime previous);

    std::shared_ptr<sim::Simulation> m_simulation;
    std::shared_ptr<TrafficTimeline> m_timeline;  // observes m_simulation: replaced with it
    int m_watch = 0;
    FlightTracker m_flights;
    FrameSnapshot m_snapshot;
    ChangeEvents m_pending;
    QUndoStack m_undo;
    QTimer m_timer;
    QElapsedTimer m_wallClock;
    double m_speed = 1.0;
    bool m_inUserCommand = false;
    bool m_editedOutsideUndo = false;
};

} // namespace ui
