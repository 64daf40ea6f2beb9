#include "ui/simulationhost.h"

#include <algorithm>
#include <cmath>

namespace ui {
namespace {

constexpr int kFrameMs = 16;
// A frame never advances more than this much wall time, so a stalled window does not leap ahead.
constexpr qint64 kMaxFrameWallMs = 100;

} // namespace

SimulationHost::SimulationHost(QObject *parent)
    : QObject(parent), m_simulation(std::make_shared<sim::Simulation>())
{
    qRegisterMetaType<ui::ChangeEvents>();
    m_timer.setInterval(kFrameMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulationHost::tick);
    m_simulation->traffic().setFlightRecording(true);
    m_timeline = TrafficTimeline::observe(*m_simulation);
    m_snapshot.timeline = m_timeline.get();
    watchStore();
}

SimulationHost::~SimulationHost()
{
    m_simulation->store().unwatch(m_watch);
}

void SimulationHost::watchStore()
{
    m_watch = m_simulation->store().watch([this](const sim::store::WatchEvent &event) {
        ChangeEvent change;
        change.type = event.type == sim::store::WatchEventType::Added      ? ChangeEvent::Type::Added
                      : event.type == sim::store::WatchEventType::Modified ? ChangeEvent::Type::Modified
                                                                           : ChangeEvent::Type::Deleted;
        change.kind = event.object->kind();
        change.object = event.object;
        // Labels and annotations are the user's too (an ingress-nginx canary-weight lives in one).
        change.isSpecChange = event.type != sim::store::WatchEventType::Modified
                              || (event.old && (sim::store::specDiffers(*event.old, *event.object)
                                                || event.old->metadata.labels != event.object->metadata.labels
                                                || event.old->metadata.annotations != event.object->metadata.annotations));
        if (m_inUserCommand && change.isSpecChange)
            m_editedOutsideUndo = true;
        m_pending.append(change);
    });
}

void SimulationHost::markSaved()
{
    m_undo.setClean();
    m_editedOutsideUndo = false;
}

void SimulationHost::runUserCommand(const std::function<void()> &command)
{
    m_inUserCommand = true;
    command();
    m_inUserCommand = false;
    flushChanges();
}

void SimulationHost::replaceSimulation(std::shared_ptr<sim::Simulation> simulation)
{
    m_simulation->store().unwatch(m_watch);
    m_simulation = std::move(simulation);
    m_simulation->traffic().setFlightRecording(true);
    m_timeline = TrafficTimeline::observe(*m_simulation);
    m_flights.clear();
    m_undo.clear();
    m_editedOutsideUndo = false;
    m_pending.clear();
    m_snapshot = FrameSnapshot{};
    m_snapshot.now = m_snapshot.previous = m_simulation->engine().now();
    watchStore();
    emit simulationReplaced();
    publishFrame(m_snapshot.now);
}

void SimulationHost::play()
{
    if (m_timer.isActive())
        return;
    m_wallClock.start();
    m_timer.start();
    emit playingChanged(true);
}

void SimulationHost::pause()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void SimulationHost::togglePlaying()
{
    isPlaying() ? pause() : play();
}

void SimulationHost::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (std::abs(speed - m_speed) < 1e-9)
        return;
    m_speed = speed;
    emit speedChanged(m_speed);
}

void SimulationHost::tick()
{
    const qint64 wallMs = std::min(m_wallClock.restart(), kMaxFrameWallMs);
    advance(static_cast<sim::engine::SimTime>(std::llround(static_cast<double>(wallMs) * m_speed * 1000.0)));
}

void SimulationHost::advance(sim::engine::SimTime amount)
{
    const sim::engine::SimTime previous = m_simulation->engine().now();
    m_simulation->engine().runUntil(previous + std::max<sim::engine::SimTime>(amount, 0));
    publishFrame(previous);
}

void SimulationHost::stepToNextEvent()
{
    const sim::engine::SimTime previous = m_simulation->engine().now();
    m_simulation->engine().step();
    publishFrame(previous);
}

void SimulationHost::publishFrame(sim::engine::SimTime previous)
{
    m_snapshot.previous = previous;
    m_snapshot.now = m_simulation->engine().now();
    // A request's path is shown over at most 4 hops of minimumHopTime: keep it that long after it ended.
    m_flights.update(*m_simulation, 4 * minimumHopTime());
    m_snapshot.flights = m_flights.flights();
    m_timeline->update(m_snapshot.now);
    m_snapshot.timeline = m_timeline.get();
    flushChanges();
    emit frameAdvanced();
}

sim::engine::SimTime SimulationHost::minimumHopTime() const
{
    // Network hops take microseconds to milliseconds: stretched to a quarter second so the eye can follow.
    return static_cast<sim::engine::SimTime>(std::llround(250.0 * 1000.0 * m_speed));
}

void SimulationHost::flushChanges()
{
    if (m_pending.isEmpty())
        return;
    ChangeEvents changes;
    changes.swap(m_pending);
    emit objectsChanged(changes);
}

} // namespace ui
