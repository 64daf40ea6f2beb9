#pragma once

#include "sim/api/object.h"
#include "sim/engine/simtime.h"
#include "sim/scenario/runreport.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/tracelog.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sim {
class Simulation;
}

namespace sim::store {
struct WatchEvent;
}

namespace sim::scenario {

class ActionExecutor;
class ActionSequence;
class TrafficDriver;

/**
 * A lesson being played: its own simulated cluster, the current step, its actions running in sim time,
 * and live check results. The window drives the clock (simulation().engine().runUntil) and calls the
 * stepper; a headless run calls runUntilSettled(). Back rebuilds the cluster from the seed and replays the
 * earlier steps on the timeline they had: each step begun, its solution asked for, and each object the
 * learner created, changed or deleted by hand (a slider, a YAML edit, the console) at the sim time it was,
 * which determinism makes exact. A learner's change is one made outside the engine's events and outside
 * the session's own actions, to an object nobody owns (Pods of a Deployment are not journaled).
 */
class LessonSession {
public:
    explicit LessonSession(Scenario scenario, std::optional<std::uint64_t> seed = std::nullopt);
    ~LessonSession();
    LessonSession(const LessonSession &) = delete;
    LessonSession &operator=(const LessonSession &) = delete;

    const Scenario &scenario() const { return m_scenario; }
    std::uint64_t seed() const { return m_seed; }
    /** The cluster; a new object after back() or restartStep(): compare generation() to notice. */
    Simulation &simulation() { return *m_simulation; }
    /** The same cluster, shared with a viewer (the window) that may outlive this session's use of it. */
    std::shared_ptr<Simulation> sharedSimulation() const { return m_simulation; }
    /** Bumps each time simulation() is replaced by a rebuilt cluster. */
    std::uint64_t generation() const { return m_generation; }
    TrafficDriver &traffic() { return *m_traffic; }
    const TraceLog &trace() const { return m_trace; }

    std::size_t stepIndex() const { return m_step; }
    std::size_t stepCount() const { return m_scenario.steps.size(); }
    const Step &currentStep() const { return m_scenario.steps[m_step]; }
    /** Sim time at which the current step began. */
    engine::SimTime stepStart() const { return m_stepStart; }
    /** True when the step's actions (and the solution, once requested) have all run. */
    bool isSettled() const;
    /** Errors of the step's actions so far (a manifest that did not apply, a wait that timed out). */
    std::vector<std::string> actionErrors() const;

    /** The step's checks as they stand now. */
    std::vector<CheckResult> evaluateStepChecks();
    /** The task's checks as they stand now; empty when the step has no task. */
    std::vector<CheckResult> evaluateTaskChecks();
    /**
     * The step's or the task's checks as they stand now, without writing the trace (the window's live
     * marks). A status check sends its request, as curl would: a single request of its own, which leaves
     * the lesson's load, its samples and the trace as they were (so Back need not replay it).
     */
    std::vector<CheckResult> peekChecks(bool task);
    /** Starts the task's solution ("show solution"); false when there is no task or it already ran. */
    bool applySolution();
    bool isSolutionApplied() const { return m_solutionApplied; }

    /** Moves on to the next step, whose actions start now; false on the last step. */
    bool next();
    /** Back to the start of the previous step (the cluster, traffic and clock as they were then). */
    bool back();
    /** Back to the start of the current step. */
    void restartStep();

    /** Advances sim time until the running actions are done (headless runs and tests). */
    void runUntilSettled();
    /** Copies the cluster's events recorded since the last call into the trace. */
    void flushEvents();

private:
    void rebuild();
    void beginStep(std::size_t index);
    void goTo(std::size_t index);
    void replayStep(std::size_t index);
    void runUntil(engine::SimTime time);
    void journal(const store::WatchEvent &event);
    std::vector<CheckResult> evaluate(const std::vector<Check> &checks, const char *label);

    Scenario m_scenario;
    std::uint64_t m_seed;
    std::uint64_t m_generation = 0;
    TraceLog m_trace;
    // Declared in teardown order: the sequences cancel their events while the engine still exists.
    std::shared_ptr<Simulation> m_simulation;
    std::unique_ptr<TrafficDriver> m_traffic;
    std::unique_ptr<ActionExecutor> m_executor;
    std::unique_ptr<ActionSequence> m_actions;
    std::unique_ptr<ActionSequence> m_solution;
    std::size_t m_step = 0;
    engine::SimTime m_stepStart = 0;
    bool m_solutionApplied = false;
    // What changed a step's cluster besides its actions and time, in order, as it happened: Back replays it.
    struct Interaction {
        enum class Kind { Solution, Put, Delete };
        engine::SimTime time;
        Kind kind;
        api::ObjectPtr object;  // Put: the object as the learner left it; Delete: the one deleted
    };
    std::vector<engine::SimTime> m_stepStarts;  // when each step began
    std::vector<std::vector<Interaction>> m_interactions;  // per step
    int m_watch = 0;
    bool m_busy = false;  // the session itself is starting actions: their changes are not the learner's
    std::uint64_t m_eventsSeen = 0;
};

} // namespace sim::scenario
