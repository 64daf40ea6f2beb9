#include "sim/scenario/lessonsession.h"

#include "sim/scenario/actionexecutor.h"
#include "sim/scenario/actionsequence.h"
#include "sim/scenario/checkevaluator.h"
#include "sim/scenario/trafficdriver.h"
#include "sim/simulation.h"
#include "sim/store/store.h"

namespace sim::scenario {

LessonSession::LessonSession(Scenario scenario, std::optional<std::uint64_t> seed)
    : m_scenario(std::move(scenario)), m_seed(seed.value_or(m_scenario.seed))
{
    goTo(0);
}

LessonSession::~LessonSession()
{
    m_simulation->store().unwatch(m_watch);
}

void LessonSession::rebuild()
{
    m_solution.reset();
    m_actions.reset();
    m_executor.reset();
    m_traffic.reset();
    if (m_simulation)
        m_simulation->store().unwatch(m_watch);
    m_simulation = std::make_shared<Simulation>(m_seed);
    m_watch = m_simulation->store().watch([this](const store::WatchEvent &event) { journal(event); });
    m_traffic = std::make_unique<TrafficDriver>(*m_simulation);
    m_executor = std::make_unique<ActionExecutor>(*m_simulation, *m_traffic, m_scenario);
    auto probe = [this](const Check &check, std::string &observed) {
        const CheckResult result = CheckEvaluator(*m_simulation, *m_traffic, m_stepStart).evaluate(check);
        observed = result.observed;
        return result.passed;
    };
    m_actions = std::make_unique<ActionSequence>(m_simulation->engine(), *m_executor, m_trace, probe);
    m_solution = std::make_unique<ActionSequence>(m_simulation->engine(), *m_executor, m_trace, probe);
    m_trace = TraceLog();
    m_eventsSeen = 0;
    ++m_generation;
}

void LessonSession::beginStep(std::size_t index)
{
    m_step = index;
    m_stepStart = m_simulation->engine().now();
    m_solutionApplied = false;
    m_stepStarts.resize(stepCount());
    m_interactions.resize(stepCount());
    m_stepStarts[index] = m_stepStart;
    m_interactions[index].clear();
    const Step &step = m_scenario.steps[index];
    m_trace.add(m_stepStart, "step " + std::to_string(index + 1) + "/" + std::to_string(stepCount()) + ": " + step.title);
    m_busy = true;
    m_solution->start(nullptr, {});
    m_actions->start(&step.actions, "action");
    m_busy = false;
    flushEvents();
}

void LessonSession::goTo(std::size_t index)
{
    rebuild();
    for (std::size_t i = 0; i < index; ++i)
        replayStep(i);
    beginStep(index);
}

void LessonSession::replayStep(std::size_t index)
{
    // Copied before beginStep() clears them: the step ended when the next one began. Replaying a learner's
    // change journals it again, so the next Back finds the same list.
    const std::vector<Interaction> interactions = m_interactions[index];
    const engine::SimTime end = m_stepStarts[index + 1];
    beginStep(index);
    for (const Interaction &interaction : interactions) {
        runUntil(interaction.time);
        switch (interaction.kind) {
        case Interaction::Kind::Solution:  // carries no object
            applySolution();
            break;
        case Interaction::Kind::Put:
            m_simulation->applyObjects({*interaction.object});
            break;
        case Interaction::Kind::Delete:
            m_simulation->deleteObject(interaction.object->kind(), interaction.object->metadata.namespace_,
                                       interaction.object->metadata.name);
            break;
        }
    }
    runUntil(end);
}

void LessonSession::journal(const store::WatchEvent &event)
{
    if (m_busy || m_simulation->engine().isRunningEvent() || m_interactions.empty())
        return;
    const api::Object &object = *event.object;
    if (!object.metadata.ownerReferences->empty())
        return;
    const bool deleting = event.type == store::WatchEventType::Deleted ||
                          (object.metadata.deletionTimestamp && event.old && !event.old->metadata.deletionTimestamp);
    const bool changed = event.type == store::WatchEventType::Added || (event.old && store::specDiffers(*event.old, object));
    if (deleting || changed)
        m_interactions[m_step].push_back({m_simulation->engine().now(),
                                          deleting ? Interaction::Kind::Delete : Interaction::Kind::Put, event.object});
}

void LessonSession::runUntil(engine::SimTime time)
{
    m_simulation->engine().runUntil(time);
    flushEvents();
}

bool LessonSession::isSettled() const
{
    return m_actions->isFinished() && m_solution->isFinished();
}

std::vector<std::string> LessonSession::actionErrors() const
{
    std::vector<std::string> errors = m_actions->errors();
    errors.insert(errors.end(), m_solution->errors().begin(), m_solution->errors().end());
    return errors;
}

std::vector<CheckResult> LessonSession::evaluate(const std::vector<Check> &checks, const char *label)
{
    flushEvents();
    const CheckEvaluator evaluator(*m_simulation, *m_traffic, m_stepStart);
    std::vector<CheckResult> results;
    for (const Check &check : checks) {
        results.push_back(evaluator.evaluate(check));
        const CheckResult &r = results.back();
        m_trace.add(m_simulation->engine().now(), std::string(label) + (r.passed ? " PASS " : " FAIL ") + r.name +
                                                      ": " + r.observed);
    }
    return results;
}

std::vector<CheckResult> LessonSession::evaluateStepChecks()
{
    return evaluate(currentStep().checks, "check");
}

std::vector<CheckResult> LessonSession::evaluateTaskChecks()
{
    if (!currentStep().task)
        return {};
    return evaluate(currentStep().task->checks, "task check");
}

std::vector<CheckResult> LessonSession::peekChecks(bool task)
{
    const Step &step = currentStep();
    if (task && !step.task)
        return {};
    const CheckEvaluator evaluator(*m_simulation, *m_traffic, m_stepStart);
    std::vector<CheckResult> results;
    for (const Check &check : task ? step.task->checks : step.checks)
        results.push_back(evaluator.evaluate(check));
    return results;
}

bool LessonSession::applySolution()
{
    if (!currentStep().task || m_solutionApplied)
        return false;
    m_solutionApplied = true;
    m_interactions[m_step].push_back({m_simulation->engine().now(), Interaction::Kind::Solution, nullptr});
    m_busy = true;
    m_solution->start(&currentStep().task->solution, "solution");
    m_busy = false;
    return true;
}

bool LessonSession::next()
{
    if (m_step + 1 >= stepCount())
        return false;
    beginStep(m_step + 1);
    return true;
}

bool LessonSession::back()
{
    if (m_step == 0)
        return false;
    goTo(m_step - 1);
    return true;
}

void LessonSession::restartStep()
{
    goTo(m_step);
}

void LessonSession::runUntilSettled()
{
    engine::Engine &engine = m_simulation->engine();
    while (!isSettled() && engine.step()) {
    }
    flushEvents();
}

void LessonSession::flushEvents()
{
    const auto &events = m_simulation->events().events();
    // Events are kept in sequence order, so the unseen ones are a tail of the log.
    std::size_t first = 0;
    if (!events.empty() && m_eventsSeen > events.front().sequence)
        first = static_cast<std::size_t>(m_eventsSeen - events.front().sequence);
    for (std::size_t i = first; i < events.size(); ++i) {
        const controllers::Event &event = events[i];
        const controllers::InvolvedObject &o = event.involvedObject;
        m_trace.add(event.firstTimestamp, "event " + std::string(event.type) + " " + std::string(event.reason) + " " +
                                              std::string(api::kindInfo(o.kind).singular) + "/" +
                                              (o.namespace_.empty() ? "" : o.namespace_ + "/") + o.name + ": " +
                                              event.message);
        m_eventsSeen = event.sequence + 1;
    }
}

} // namespace sim::scenario
