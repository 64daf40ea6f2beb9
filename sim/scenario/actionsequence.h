#pragma once

#include "sim/engine/engine.h"
#include "sim/scenario/action.h"

#include <functional>
#include <string>
#include <vector>

namespace sim::scenario {

class ActionExecutor;
class TraceLog;

/**
 * Runs a list of actions in sim time: each one starts when the one before is done, and a wait hands the
 * rest to an engine event, so the window's frame driver and a headless run advance a lesson the same way.
 * A failed action or a wait that times out is recorded and the sequence goes on.
 */
class ActionSequence {
public:
    /** Evaluates a wait's until-check: true when it passes; `observed` gets what it saw. */
    using UntilProbe = std::function<bool(const Check &check, std::string &observed)>;
    /** How often a wait re-evaluates its until-check, in sim time. */
    static constexpr engine::SimTime kPollInterval = 250 * engine::kMillisecond;

    ActionSequence(engine::Engine &engine, ActionExecutor &executor, TraceLog &trace, UntilProbe probe);
    ~ActionSequence();
    ActionSequence(const ActionSequence &) = delete;
    ActionSequence &operator=(const ActionSequence &) = delete;

    /** Starts running `actions` (which must outlive the sequence) now. */
    void start(const std::vector<Action> *actions, std::string label);
    bool isFinished() const { return m_actions == nullptr || (m_next >= m_actions->size() && m_pending == 0); }
    const std::vector<std::string> &errors() const { return m_errors; }

private:
    void runFrom(std::size_t index);
    void poll(const Action &action, std::size_t resume, engine::SimTime deadline);
    void fail(const Action &action, const std::string &message);

    engine::Engine &m_engine;
    ActionExecutor &m_executor;
    TraceLog &m_trace;
    UntilProbe m_probe;
    const std::vector<Action> *m_actions = nullptr;
    std::string m_label;
    std::size_t m_next = 0;
    engine::EventId m_pending = 0;
    std::vector<std::string> m_errors;
};

} // namespace sim::scenario
