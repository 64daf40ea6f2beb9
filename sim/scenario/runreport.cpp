#include "sim/scenario/runreport.h"

#include "sim/console/table.h"
#include "sim/manifest/yamlwriter.h"

#include <algorithm>

namespace sim::scenario {

namespace {

bool allPassed(const std::vector<CheckResult> &checks)
{
    return std::all_of(checks.begin(), checks.end(), [](const CheckResult &c) { return c.passed; });
}

void addChecks(console::Table &table, const std::string &step, const std::vector<CheckResult> &checks,
               const std::string &prefix)
{
    for (const CheckResult &check : checks)
        table.addRow({step, prefix + check.name, check.expected, check.observed, check.passed ? "PASS" : "FAIL"});
}

YAML::Node checksNode(const std::vector<CheckResult> &checks, const char *kind)
{
    YAML::Node list(YAML::NodeType::Sequence);
    for (const CheckResult &check : checks) {
        YAML::Node node;
        node["name"] = manifest::stringNode(check.name);
        node["kind"] = manifest::stringNode(kind);
        node["expected"] = manifest::stringNode(check.expected);
        node["observed"] = manifest::stringNode(check.observed);
        node["passed"] = check.passed;
        list.push_back(node);
    }
    return list;
}

} // namespace

bool StepResult::passed() const
{
    return actionErrors.empty() && allPassed(checks) && allPassed(taskChecks);
}

bool RunReport::passed() const
{
    return std::all_of(steps.begin(), steps.end(), [](const StepResult &s) { return s.passed(); });
}

std::size_t RunReport::checkCount() const
{
    std::size_t n = 0;
    for (const StepResult &step : steps)
        n += step.checks.size() + step.taskChecks.size();
    return n;
}

std::size_t RunReport::failedCount() const
{
    std::size_t n = 0;
    for (const StepResult &step : steps) {
        for (const auto *list : {&step.checks, &step.taskChecks})
            n += std::count_if(list->begin(), list->end(), [](const CheckResult &c) { return !c.passed; });
    }
    return n;
}

std::string RunReport::toText() const
{
    std::string out = "Scenario: " + scenario + " (" + file + ", seed " + std::to_string(seed) + ")\n\n";
    console::Table titles({"STEP", "TITLE"});
    console::Table table({"STEP", "CHECK", "EXPECTED", "OBSERVED", "RESULT"});
    std::size_t errors = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const StepResult &step = steps[i];
        const std::string number = std::to_string(i + 1);
        titles.addRow({number, step.title});
        for (const std::string &error : step.actionErrors)
            table.addRow({number, "action", "done", error, "FAIL"});
        errors += step.actionErrors.size();
        addChecks(table, number, step.checks, "");
        // Task checks ran after the task's solution: the prefix says so.
        addChecks(table, number, step.taskChecks, "task: ");
    }
    out += titles.render() + "\n" + table.render();
    out += "\n" + std::to_string(checkCount()) + " checks, " + std::to_string(failedCount()) + " failed";
    if (errors > 0)
        out += ", " + std::to_string(errors) + (errors == 1 ? " action error" : " action errors");
    return out + ": " + (passed() ? "PASS" : "FAIL") + "\n";
}

std::string RunReport::toJson() const
{
    YAML::Node root;
    root["scenario"] = manifest::stringNode(scenario);
    root["file"] = manifest::stringNode(file);
    root["seed"] = seed;
    root["passed"] = passed();
    YAML::Node stepList(YAML::NodeType::Sequence);
    for (const StepResult &step : steps) {
        YAML::Node node;
        node["title"] = manifest::stringNode(step.title);
        node["passed"] = step.passed();
        YAML::Node errors(YAML::NodeType::Sequence);
        for (const std::string &error : step.actionErrors)
            errors.push_back(manifest::stringNode(error));
        node["actionErrors"] = errors;
        YAML::Node checks = checksNode(step.checks, "step");
        for (const YAML::Node &task : checksNode(step.taskChecks, "task"))
            checks.push_back(task);
        node["checks"] = checks;
        stepList.push_back(node);
    }
    root["steps"] = stepList;
    return manifest::writeJson(root);
}

} // namespace sim::scenario
