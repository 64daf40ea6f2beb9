#include "sim/scenario/scenariorunner.h"

#include "sim/scenario/lessonsession.h"

namespace sim::scenario {

RunOutcome ScenarioRunner::run(const Scenario &scenario, std::optional<std::uint64_t> seed)
{
    LessonSession session(scenario, seed);
    RunOutcome outcome;
    outcome.report.scenario = scenario.title;
    outcome.report.file = scenario.file;
    outcome.report.seed = session.seed();
    do {
        StepResult step;
        step.title = session.currentStep().title;
        session.runUntilSettled();
        step.checks = session.evaluateStepChecks();
        if (session.applySolution()) {
            session.runUntilSettled();
            step.taskChecks = session.evaluateTaskChecks();
        }
        step.actionErrors = session.actionErrors();
        outcome.report.steps.push_back(std::move(step));
    } while (session.next());
    session.flushEvents();
    outcome.trace = session.trace().text();
    return outcome;
}

} // namespace sim::scenario
