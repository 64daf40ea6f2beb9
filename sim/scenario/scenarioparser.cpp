#include "sim/scenario/scenarioparser.h"

#include "sim/scenario/actionparser.h"
#include "sim/scenario/checkparser.h"
#include "sim/scenario/scenariofolder.h"
#include "sim/scenario/yamlfield.h"

#include <fstream>
#include <sstream>

namespace sim::scenario {

namespace fs = std::filesystem;

namespace {

manifest::Diagnostic fileError(const std::string &file, std::string message, int line = 0, int column = 0)
{
    return {manifest::Diagnostic::Severity::Error, {file, line, column}, {}, std::move(message)};
}

bool withinLimit(const YamlField &list)
{
    if (list.node().IsSequence() && list.node().size() > ScenarioParser::kMaxListItems) {
        list.error("too many items (" + std::to_string(list.node().size()) + "); at most " +
                   std::to_string(ScenarioParser::kMaxListItems));
        return false;
    }
    return true;
}

std::optional<std::vector<Check>> checksOf(const YamlField &list)
{
    return withinLimit(list) ? parseChecks(list) : std::nullopt;
}

std::optional<std::vector<Action>> actionsOf(const ActionParser &actions, const YamlField &list)
{
    return withinLimit(list) ? actions.parseList(list) : std::nullopt;
}

std::optional<Task> parseTask(const YamlField &f, const ActionParser &actions)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"goal", "hint", "checks", "solution"});
    Task task;
    auto goal = f.requiredString("goal");
    auto hint = f.requiredString("hint");
    auto checks = checksOf(f.child("checks"));
    auto solution = actionsOf(actions, f.child("solution"));
    if (checks && checks->empty()) {
        f.child("checks").error("a task needs at least one check, or nothing could tell when it is done");
        checks.reset();
    }
    if (solution && solution->empty()) {
        f.child("solution").error("a task needs a solution: the actions that do it");
        solution.reset();
    }
    if (!goal || !hint || !checks || !solution)
        return std::nullopt;
    return Task{*goal, *hint, std::move(*checks), std::move(*solution)};
}

std::optional<Step> parseStep(const YamlField &f, const ActionParser &actions)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"title", "text", "actions", "checks", "task"});
    Step step;
    auto title = f.requiredString("title");
    auto text = f.requiredString("text");
    bool ok = title && text;
    step.title = title.value_or("");
    step.text = text.value_or("");
    if (f.has("actions")) {
        auto list = actionsOf(actions, f.child("actions"));
        ok = ok && list;
        step.actions = list.value_or(std::vector<Action>{});
    }
    if (f.has("checks")) {
        auto list = checksOf(f.child("checks"));
        ok = ok && list;
        step.checks = list.value_or(std::vector<Check>{});
    }
    if (f.has("task")) {
        step.task = parseTask(f.child("task"), actions);
        ok = ok && step.task;
    }
    return ok ? std::optional(std::move(step)) : std::nullopt;
}

std::optional<Scenario> parseScenario(const YamlField &root, const ActionParser &actions)
{
    if (!root.expectMap())
        return std::nullopt;
    root.allowOnly({"title", "summary", "level", "seed", "steps"});
    Scenario scenario;
    auto title = root.requiredString("title");
    auto summary = root.requiredString("summary");
    auto level = root.child("level").oneOf({"beginner", "intermediate", "advanced"});
    bool ok = title && summary && level;
    scenario.title = title.value_or("");
    scenario.summary = summary.value_or("");
    scenario.level = level.value_or("");
    if (root.has("seed")) {
        auto seed = root.child("seed").integer(0, INT64_MAX);
        ok = ok && seed;
        scenario.seed = static_cast<std::uint64_t>(seed.value_or(1));
    }
    const YamlField steps = root.child("steps");
    if (!withinLimit(steps))
        return std::nullopt;
    for (const YamlField &item : steps.items()) {
        auto step = parseStep(item, actions);
        ok = ok && step;
        if (step)
            scenario.steps.push_back(std::move(*step));
    }
    if (steps.node().IsSequence() && steps.node().size() == 0) {
        steps.error("a scenario needs at least one step");
        ok = false;
    }
    ok = ok && steps.node().IsSequence();
    return ok ? std::optional(std::move(scenario)) : std::nullopt;
}

} // namespace

ScenarioLoadResult ScenarioParser::parseText(const std::string &text, const fs::path &folder, const std::string &fileName)
{
    ScenarioLoadResult result;
    if (text.size() > kMaxFileBytes) {
        result.diagnostics.push_back(fileError(fileName, "file too large (" + std::to_string(text.size()) +
                                                             " bytes); at most " + std::to_string(kMaxFileBytes)));
        return result;
    }
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception &e) {
        result.diagnostics.push_back(fileError(fileName, "invalid YAML: " + e.msg, e.mark.line + 1, e.mark.column + 1));
        return result;
    }
    const ScenarioFolder scenarioFolder(folder);
    const ActionParser actions(scenarioFolder);
    const YamlField field(root, "", fileName, &result.diagnostics, {fileName, 1, 1});
    auto scenario = parseScenario(field, actions);
    if (scenario && !manifest::hasErrors(result.diagnostics)) {
        scenario->folder = scenarioFolder.root();
        scenario->file = fileName;
        result.scenario = std::move(scenario);
    }
    return result;
}

ScenarioLoadResult ScenarioParser::loadFolder(const fs::path &folder)
{
    std::error_code ec;
    const bool isFile = fs::is_regular_file(folder, ec);
    const fs::path dir = isFile ? folder.parent_path() : folder;
    const fs::path file = isFile ? folder : folder / "scenario.yaml";
    const std::string fileName = file.string();
    ScenarioLoadResult result;
    if (!fs::is_directory(dir.empty() ? fs::path(".") : dir, ec)) {
        result.diagnostics.push_back(fileError(folder.string(), "no such scenario folder"));
        return result;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        result.diagnostics.push_back(fileError(fileName, "cannot read scenario.yaml (a scenario is a folder holding scenario.yaml)"));
        return result;
    }
    if (fs::file_size(file, ec) > kMaxFileBytes) {
        result.diagnostics.push_back(fileError(fileName, "file too large; at most " + std::to_string(kMaxFileBytes) + " bytes"));
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseText(text.str(), dir.empty() ? fs::path(".") : dir, fileName);
}

} // namespace sim::scenario
