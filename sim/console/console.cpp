#include "sim/console/console.h"

#include "sim/console/tokenizer.h"
#include "sim/manifest/loader.h"

namespace sim::console {
namespace {

FlagSet commonFlags()
{
    FlagSet flags;
    flags.addString("namespace", 'n', "NS", "If present, the namespace scope for this request.");
    flags.addBool("help", 'h', "Help for this command.");
    return flags;
}

} // namespace

std::string versionText()
{
    return std::string("kubesim ") + KUBESIM_VERSION + " (kubectl-compatible commands, Kubernetes v1.30 behaviour)\n";
}

Console::Console(Simulation &simulation, CommandTable commands)
    : m_commands(std::move(commands)), m_context{simulation, "default", false, manifest::loadPaths, true, {}}
{
}

CommandResult Console::execute(std::string_view line)
{
    Tokens tokens = tokenize(line);
    if (!tokens.ok()) {
        CommandResult result;
        result.fail(kExitUsage, "error: " + tokens.error);
        return result;
    }
    return execute(std::move(tokens.words));
}

CommandResult Console::execute(std::vector<std::string> words)
{
    if (!words.empty() && words.front() == "kubectl")
        words.erase(words.begin());
    CommandResult result;
    if (words.empty())
        return result;
    const std::string verb = words.front();
    if (verb == "--help" || verb == "-h" || verb == "help") {
        result.out = helpText();
        return result;
    }
    if (verb == "--version" || verb == "version") {
        result.out = versionText();
        return result;
    }
    const Command *command = m_commands.find(verb);
    if (!command) {
        result.fail(kExitUsage, "error: unknown command \"" + verb + "\" for \"kubectl\"\nRun 'kubectl --help' for usage.");
        return result;
    }
    return runCommand(*command, {words.begin() + 1, words.end()});
}

std::vector<std::string> Console::positionalArguments(const std::vector<std::string> &words) const
{
    const Command *command = words.empty() ? nullptr : m_commands.find(words.front());
    if (!command)
        return {};
    FlagSet flags = command->flags();
    flags.merge(commonFlags());
    ParseOutcome parsed = flags.parse({words.begin() + 1, words.end()});
    return parsed.ok() ? parsed.args.positional : std::vector<std::string>{};
}

CommandResult Console::runCommand(const Command &command, const std::vector<std::string> &args)
{
    FlagSet flags = command.flags();
    flags.merge(commonFlags());
    ParseOutcome parsed = flags.parse(args);
    if (!parsed.ok())
        return usageError(command.name(), parsed.error);
    if (parsed.args.isSet("help")) {
        CommandResult result;
        result.out = commandHelp(command, flags);
        return result;
    }
    CommandContext context = m_context;
    if (parsed.args.has("namespace")) {
        context.namespace_ = parsed.args.value("namespace");
        context.isNamespaceExplicit = true;
    }
    return command.run(context, parsed.args);
}

std::string Console::commandHelp(const Command &command, const FlagSet &flags)
{
    std::string text = command.summary() + "\n";
    if (std::string details = command.details(); !details.empty())
        text += "\n" + details + (details.back() == '\n' ? "" : "\n");
    text += "\nUsage:\n  kubectl " + command.usage() + "\n\nOptions:\n" + flags.helpText();
    return text;
}

std::string Console::helpText() const
{
    std::string text = "kubectl controls the simulated cluster, as it would a real one.\n\nCommands:\n";
    for (const Command *command : m_commands.commands()) {
        std::string name = "  " + command->name();
        name.resize(std::max<std::size_t>(name.size() + 2, 16), ' ');
        text += name + command->summary() + "\n";
    }
    text += "\nUse \"kubectl <command> --help\" for more information about a given command.\n";
    return text;
}

} // namespace sim::console
