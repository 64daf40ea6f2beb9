#pragma once

#include "sim/console/commandresult.h"
#include "sim/console/flagset.h"
#include "sim/manifest/decoder.h"
#include "sim/manifest/document.h"

#include <functional>
#include <string>
#include <vector>

namespace sim {
class Simulation;
struct CommandResult;
}

namespace sim::console {

/** Reads manifest files and directories ("-" is standard input) into documents, as manifest::loadPaths does. */
using ManifestLoader =
    std::function<manifest::LoadResult(const std::vector<std::string> &paths, const manifest::DecodeOptions &options)>;

/** What a command runs against: the cluster, the namespace in use, how to read files. */
struct CommandContext {
    Simulation &simulation;
    std::string namespace_ = "default";  // the namespace when -n is not given
    bool isNamespaceExplicit = false;    // -n given: manifests naming another namespace are refused
    ManifestLoader load;
    // False in the window, whose frame driver owns the clock: waiting verbs (rollout status) then
    // report the current state instead of running the simulation forward.
    bool canAdvanceTime = true;
    // Where output that arrives after the command returned goes (a curl's answer in the window, where the
    // request travels in sim time). Unset: such verbs run the simulation until the answer is there.
    std::function<void(const CommandResult &)> deliverLater;
};

/**
 * One verb of the command language (`get`, `apply`, ...). Each verb is its own class, registered once in
 * builtinCommands(); the Console parses the flags a verb declares and hands it the result.
 */
class Command {
public:
    virtual ~Command() = default;
    /** The verb as typed: "get", "rollout". */
    virtual std::string name() const = 0;
    /** One line for the list of commands in --help. */
    virtual std::string summary() const = 0;
    /** The usage line after "kubectl ": "get TYPE[/NAME] [NAME...] [options]". */
    virtual std::string usage() const = 0;
    /** The verb's own flags; -n/--namespace and -h/--help are added for every verb. */
    virtual FlagSet flags() const = 0;
    /** Runs the verb. Flags are parsed and typed; positional arguments are the verb's to check. */
    virtual CommandResult run(CommandContext &context, const ParsedArgs &args) const = 0;
    /** Longer help (examples) printed by `VERB --help` after the summary; empty by default. */
    virtual std::string details() const { return {}; }
};

/** kubectl's usage error: "error: MESSAGE" and the pointer to the verb's help; exit code 2. */
CommandResult usageError(const std::string &verb, const std::string &message);

/** kubectl's wording for an error from the cluster: "Error from server (NotFound): ..." for a missing object, "error: ..." otherwise. */
std::string serverError(const std::string &error);
/** A Simulation command's outcome as console output: its message on stdout, or its error on stderr (exit 1). */
CommandResult fromSimulation(const sim::CommandResult &outcome);

/**
 * Reads -f paths with the context's loader. Every diagnostic goes to result.err (warnings too);
 * errors set exit code 1. Returns the documents read (empty when there were errors).
 */
manifest::LoadResult loadManifests(const CommandContext &context, const std::vector<std::string> &paths,
                                   CommandResult &result);

} // namespace sim::console
