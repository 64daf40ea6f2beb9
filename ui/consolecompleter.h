#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace sim::console {
class Console;
}
namespace sim::store {
class Store;
}

namespace ui {

/** What Tab did to a console line: the new line, and the choices when more than one word fits. */
struct ConsoleCompletion {
    QString line;
    QStringList candidates;  // every word that fits, when the line could not be completed to one
};

/**
 * Tab completion for the console, as a shell's kubectl completion does: verbs, their subcommands
 * (rollout status, set image), resource types, object names (TYPE NAME and TYPE/NAME), namespaces
 * after -n, and the verb's --flags.
 */
class ConsoleCompleter {
public:
    ConsoleCompleter(const sim::console::Console &console, const sim::store::Store &store);

    /** Completes the last word of `line` (the text before the cursor). */
    ConsoleCompletion complete(const QString &line) const;
    /** Every word that can stand where the last word of `line` is, whatever it starts with. */
    std::vector<std::string> choices(const std::vector<std::string> &words) const;

private:
    std::vector<std::string> verbs() const;
    std::vector<std::string> flagsOf(const std::string &verb) const;
    std::vector<std::string> resourceTypes() const;
    std::vector<std::string> namesOf(const std::string &type, const std::string &ns) const;
    std::vector<std::string> namespaces() const;
    std::string namespaceOf(const std::vector<std::string> &words) const;

    const sim::console::Console &m_console;
    const sim::store::Store &m_store;
};

/** A verb's subcommands, read from its usage line: "rollout (status | history | ...)" gives status, history, ... */
std::vector<std::string> subcommandsOf(const std::string &usage);

} // namespace ui
