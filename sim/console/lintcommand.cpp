#include "sim/console/lintcommand.h"

#include "sim/manifest/validator.h"
#include "sim/simulation.h"

namespace sim::console {

FlagSet LintCommand::flags() const
{
    FlagSet flags;
    flags.addList("filename", 'f', "PATH", "Files or directories (recursively) with manifests; - reads stdin.");
    return flags;
}

CommandResult LintCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    if (!args.positional.empty())
        return usageError(name(), "unexpected argument \"" + args.positional.front() + "\"; lint takes -f PATH");
    if (!args.has("filename"))
        return usageError(name(), "must specify -f PATH");
    CommandResult result;
    if (!context.load) {
        result.fail(kExitInvalidInput, "error: this console cannot read files");
        return result;
    }
    manifest::LoadResult loaded =
        context.load(args.values("filename"), {context.namespace_, context.isNamespaceExplicit});
    std::vector<manifest::Diagnostic> diagnostics = loaded.diagnostics;
    if (loaded.ok()) {
        std::vector<manifest::Diagnostic> batch = manifest::validateBatch(loaded.documents, context.simulation.store());
        diagnostics.insert(diagnostics.end(), batch.begin(), batch.end());
    }
    std::size_t errors = 0;
    for (const manifest::Diagnostic &d : diagnostics) {
        result.err += d.toString() + "\n";
        errors += d.isError();
    }
    if (errors > 0) {
        result.fail(kExitInvalidInput, std::to_string(errors) + (errors == 1 ? " error" : " errors") + " found");
        return result;
    }
    result.out = std::to_string(loaded.documents.size()) +
                 (loaded.documents.size() == 1 ? " object is valid\n" : " objects are valid\n");
    return result;
}

} // namespace sim::console
