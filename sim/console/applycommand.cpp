#include "sim/console/applycommand.h"

#include "sim/simulation.h"

namespace sim::console {

FlagSet ApplyCommand::flags() const
{
    FlagSet flags;
    flags.addList("filename", 'f', "PATH", "Files or directories (recursively) with manifests; - reads stdin.");
    return flags;
}

CommandResult ApplyCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    if (!args.positional.empty())
        return usageError(name(), "unexpected argument \"" + args.positional.front() + "\"; apply takes -f PATH");
    if (!args.has("filename"))
        return usageError(name(), "must specify one of -f and -k");
    CommandResult result;
    manifest::LoadResult loaded = loadManifests(context, args.values("filename"), result);
    if (!result.isSuccess())
        return result;
    if (loaded.documents.empty()) {
        result.fail(kExitInvalidInput, "error: no objects passed to apply");
        return result;
    }
    ApplyResult applied = context.simulation.apply(loaded.documents);
    for (const manifest::Diagnostic &d : applied.diagnostics)
        result.err += d.toString() + "\n";
    if (!applied.ok) {
        result.exitCode = kExitInvalidInput;
        return result;
    }
    for (const AppliedObject &object : applied.objects)
        result.out += object.toString() + "\n";
    return result;
}

} // namespace sim::console
