#include "sim/console/command.h"

#include "sim/commandresult.h"

#include <algorithm>

namespace sim::console {

CommandResult usageError(const std::string &verb, const std::string &message)
{
    CommandResult result;
    std::string text = message.rfind("error: ", 0) == 0 ? message : "error: " + message;
    result.fail(kExitUsage, text + "\nSee 'kubectl " + verb + " --help' for usage.");
    return result;
}

std::string serverError(const std::string &error)
{
    const std::string notFound = " not found";
    if (error.size() > notFound.size() && error.compare(error.size() - notFound.size(), notFound.size(), notFound) == 0 &&
        error.rfind("error: ", 0) != 0)
        return "Error from server (NotFound): " + error;
    if (error.find(" is forbidden: ") != std::string::npos && error.rfind("error: ", 0) != 0)
        return "Error from server (Forbidden): " + error;
    if (error.rfind("error: ", 0) == 0 || error.rfind("The ", 0) == 0 || error.rfind("Error from server", 0) == 0)
        return error;
    return "error: " + error;
}

CommandResult fromSimulation(const sim::CommandResult &outcome)
{
    CommandResult result;
    if (outcome.ok)
        result.out = outcome.message.empty() ? std::string() : outcome.message + "\n";
    else
        result.fail(kExitInvalidInput, serverError(outcome.error));
    return result;
}

manifest::LoadResult loadManifests(const CommandContext &context, const std::vector<std::string> &paths,
                                   CommandResult &result)
{
    if (!context.load) {
        result.fail(kExitInvalidInput, "error: this console cannot read files");
        return {};
    }
    manifest::LoadResult loaded = context.load(paths, {context.namespace_, context.isNamespaceExplicit});
    for (const manifest::Diagnostic &d : loaded.diagnostics)
        result.err += d.toString() + "\n";
    if (!loaded.ok()) {
        result.exitCode = std::max<int>(result.exitCode, kExitInvalidInput);
        loaded.documents.clear();
    }
    return loaded;
}

} // namespace sim::console
