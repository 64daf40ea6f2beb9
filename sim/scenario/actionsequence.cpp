#include "sim/scenario/actionsequence.h"

#include "sim/scenario/actionexecutor.h"
#include "sim/scenario/describe.h"
#include "sim/scenario/duration.h"
#include "sim/scenario/tracelog.h"

#include <algorithm>

namespace sim::scenario {

ActionSequence::ActionSequence(engine::Engine &engine, ActionExecutor &executor, TraceLog &trace, UntilProbe probe)
    : m_engine(engine), m_executor(executor), m_trace(trace), m_probe(std::move(probe))
{
}

ActionSequence::~ActionSequence()
{
    m_engine.cancel(m_pending);
}

void ActionSequence::start(const std::vector<Action> *actions, std::string label)
{
    m_engine.cancel(m_pending);
    m_pending = 0;
    m_actions = actions;
    m_label = std::move(label);
    m_errors.clear();
    if (m_actions)
        runFrom(0);
}

void ActionSequence::fail(const Action &action, const std::string &message)
{
    const std::string text = action.location.toString() + ": " + action.field + ": " + message;
    m_errors.push_back(text);
    m_trace.add(m_engine.now(), "  error: " + text);
}

void ActionSequence::runFrom(std::size_t index)
{
    m_pending = 0;
    for (m_next = index; m_next < m_actions->size(); ++m_next) {
        const Action &action = (*m_actions)[m_next];
        m_trace.add(m_engine.now(), m_label + ": " + describeAction(action.body));
        if (const auto *wait = std::get_if<WaitAction>(&action.body)) {
            const std::size_t resume = m_next + 1;
            if (wait->until) {
                poll(action, resume, m_engine.now() + wait->timeout);
            } else {
                m_pending = m_engine.scheduleAfter(wait->duration, [this, resume] { runFrom(resume); });
            }
            m_next = resume;
            return;
        }
        const ActionOutcome outcome = m_executor.execute(action.body);
        if (!outcome.ok) {
            fail(action, outcome.text);
            continue;
        }
        std::size_t start = 0;
        while (start < outcome.text.size()) {
            const std::size_t end = std::min(outcome.text.find('\n', start), outcome.text.size());
            m_trace.add(m_engine.now(), "  " + outcome.text.substr(start, end - start));
            start = end + 1;
        }
    }
}

void ActionSequence::poll(const Action &action, std::size_t resume, engine::SimTime deadline)
{
    const auto &wait = std::get<WaitAction>(action.body);
    std::string observed;
    if (m_probe(*wait.until, observed)) {
        m_trace.add(m_engine.now(), "  reached: " + wait.until->name + ": " + observed);
        m_pending = m_engine.scheduleAfter(0, [this, resume] { runFrom(resume); });
        return;
    }
    if (m_engine.now() >= deadline) {
        fail(action, "timed out after " + formatDuration(wait.timeout) + " waiting until " + wait.until->name + " (" +
                         describeExpected(wait.until->body) + "); observed " + observed);
        m_pending = m_engine.scheduleAfter(0, [this, resume] { runFrom(resume); });
        return;
    }
    const engine::SimTime at = std::min(deadline, m_engine.now() + kPollInterval);
    m_pending = m_engine.scheduleAt(at, [this, &action, resume, deadline] { poll(action, resume, deadline); });
}

} // namespace sim::scenario
