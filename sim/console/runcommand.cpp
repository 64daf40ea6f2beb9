#include "sim/console/runcommand.h"

#include "sim/scenario/lessoncatalog.h"
#include "sim/scenario/scenarioparser.h"
#include "sim/scenario/scenariorunner.h"

#include <fstream>

namespace sim::console {

namespace {

CommandResult runUsageError(const std::string &message)
{
    CommandResult result;
    result.fail(kExitUsage, "error: " + message + "\nSee 'kubesim run --help' for usage.");
    return result;
}

bool writeFile(const std::string &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    return static_cast<bool>(out);
}

} // namespace

RunCommand::RunCommand(std::string scenariosDir) : m_scenariosDir(std::move(scenariosDir)) {}

FlagSet RunCommand::flags()
{
    FlagSet flags;
    flags.addString("output", 'o', "FORMAT", "Report format: text (a table) or json.", "text");
    flags.addString("trace", 0, "FILE", "Write the run's event log, each line stamped with sim time, to FILE.");
    flags.addBool("help", 'h', "Show this help.");
    return flags;
}

std::string RunCommand::helpText()
{
    return "Play a lesson headless: every step's actions, every task's solution, every check; print the report.\n"
           "\n"
           "Usage:\n"
           "  kubesim run SCENARIO [--seed N] [-o json] [--trace FILE]\n"
           "\n"
           "SCENARIO is a scenario folder (or its scenario.yaml) or the name of a built-in lesson\n"
           "(a folder of scenarios/, such as 09-canary-weights).\n"
           "\n"
           "Options:\n" +
           flags().helpText() +
           "      --seed N: the run's random seed (default: the scenario's own seed).\n"
           "\n"
           "Exit codes: 0 every check passed, 1 a check failed or the scenario is invalid, 2 usage error.\n";
}

CommandResult RunCommand::run(const std::vector<std::string> &args, std::optional<std::uint64_t> seed) const
{
    const ParseOutcome parsed = flags().parse(args);
    if (!parsed.ok())
        return runUsageError(parsed.error);
    if (parsed.args.isSet("help"))
        return CommandResult{helpText(), {}, kExitSuccess};
    const std::vector<std::string> &positional = parsed.args.positional;
    if (positional.size() != 1)
        return runUsageError(positional.empty() ? "run needs a SCENARIO (a folder or a built-in lesson's name)"
                                                : "run takes one SCENARIO, got " + std::to_string(positional.size()));
    const std::string format = parsed.args.value("output");
    if (format != "text" && format != "json")
        return runUsageError("invalid output format \"" + format + "\": expected text or json");
    if (parsed.args.has("trace") && parsed.args.value("trace").empty())
        return runUsageError("--trace needs a file name");

    CommandResult result;
    std::string error;
    const auto folder = scenario::LessonCatalog(m_scenariosDir).resolve(positional.front(), error);
    if (!folder) {
        result.fail(kExitInvalidInput, "error: " + error);
        return result;
    }
    const scenario::ScenarioLoadResult loaded = scenario::ScenarioParser::loadFolder(*folder);
    for (const manifest::Diagnostic &d : loaded.diagnostics)
        result.err += d.toString() + "\n";
    if (!loaded.ok()) {
        result.exitCode = kExitInvalidInput;
        return result;
    }
    const scenario::RunOutcome outcome = scenario::ScenarioRunner::run(*loaded.scenario, seed);
    const std::string trace = parsed.args.value("trace");
    if (!trace.empty() && !writeFile(trace, outcome.trace))
        result.fail(kExitInvalidInput, "error: cannot write the trace to \"" + trace + "\"");
    result.out += format == "json" ? outcome.report.toJson() + "\n" : outcome.report.toText();
    if (!outcome.report.passed())
        result.exitCode = kExitInvalidInput;
    return result;
}

} // namespace sim::console
