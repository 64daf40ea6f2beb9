#include "sim/console/command.h"

#include <algorithm>

namespace sim::console {

CommandResult usageError(const std::string &verb, const std::string &message)
{
    CommandResult result;
    std::string text = message.rfind("error: ", 0) == 0 ? message : "error: " + message;
    result.fail(kExitUsage, text + "\nSee 'kubectl " + verb + " --help' for usage.");
    return result;
}

manifest::LoadResult loadManifests(const CommandContext &context, const std::vector<std::string> &paths,
                                   CommandResult &result)
{
    if (!context.load) {
        result.fail(kExitInvalidInput, "error: this console cannot read files");
        return {};
    }
    manifest::LoadResult loaded = context.load(paths);
    for (const manifest::Diagnostic &d : loaded.diagnostics)
        result.err += d.toString() + "\n";
    if (!loaded.ok()) {
        result.exitCode = std::max<int>(result.exitCode, kExitInvalidInput);
        loaded.documents.clear();
    }
    return loaded;
}

} // namespace sim::console
