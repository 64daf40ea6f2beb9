#pragma once

#include "sim/console/command.h"
#include "sim/console/commandtable.h"

#include <string>
#include <string_view>
#include <vector>

namespace sim {
class Simulation;
}

namespace sim::console {

/**
 * The kubectl-like command language over one Simulation: the window's console types lines into it,
 * the command line hands it argv. A leading "kubectl" is accepted and ignored, so what a learner
 * types here also works on a real cluster.
 */
class Console {
public:
    explicit Console(Simulation &simulation, CommandTable commands = builtinCommands());

    /** Splits a line as a shell would, then runs it. */
    CommandResult execute(std::string_view line);
    /** Runs a command given as words ("get", "pods", "-o", "wide"). */
    CommandResult execute(std::vector<std::string> words);

    /** The namespace used when a command has no -n (kubectl's context namespace). */
    void setNamespace(std::string ns) { m_context.namespace_ = std::move(ns); }
    const std::string &currentNamespace() const { return m_context.namespace_; }
    /** Replaces how -f paths are read (the command line reads standard input only once). */
    void setLoader(ManifestLoader loader) { m_context.load = std::move(loader); }
    /** See CommandContext::canAdvanceTime. */
    void setCanAdvanceTime(bool can) { m_context.canAdvanceTime = can; }
    /** See CommandContext::deliverLater: where a curl's answer goes when it arrives after the command returned. */
    void setDeliverLater(std::function<void(const CommandResult &)> deliver) { m_context.deliverLater = std::move(deliver); }

    const CommandTable &commands() const { return m_commands; }
    /** The positional arguments of a command line, as its verb's flags leave them (empty when it does not parse). */
    std::vector<std::string> positionalArguments(const std::vector<std::string> &words) const;
    /** The overall help: every verb with its summary. */
    std::string helpText() const;

private:
    CommandResult runCommand(const Command &command, const std::vector<std::string> &args);
    static std::string commandHelp(const Command &command, const FlagSet &flags);

    CommandTable m_commands;
    CommandContext m_context;
};

/** kubesim's version line, as `--version` prints it. */
std::string versionText();

} // namespace sim::console
