#include "ui/consolecompleter.h"

#include "sim/api/kind.h"
#include "sim/console/console.h"
#include "sim/store/store.h"

#include <algorithm>

namespace ui {
namespace {

bool isWord(const std::string &s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string firstToken(const std::string &s)
{
    const std::size_t begin = s.find_first_not_of(' ');
    if (begin == std::string::npos)
        return {};
    return s.substr(begin, s.find_first_of(" [", begin) - begin);
}

QString commonPrefix(const QStringList &words)
{
    QString prefix = words.front();
    for (const QString &w : words)
        while (!w.startsWith(prefix))
            prefix.chop(1);
    return prefix;
}

} // namespace

std::vector<std::string> subcommandsOf(const std::string &usage)
{
    std::string rest = usage.substr(std::min(usage.size(), usage.find(' ') + 1));
    std::vector<std::string> out;
    if (rest.rfind("(", 0) == 0) {
        // "(status | history | undo [...])": subcommands only when every alternative starts with a literal word.
        rest = rest.substr(1, rest.find(')') - 1);
        std::size_t start = 0;
        for (std::size_t bar = rest.find('|');; bar = rest.find('|', start)) {
            const std::string word = firstToken(rest.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
            if (!isWord(word))
                return {};
            out.push_back(word);
            if (bar == std::string::npos)
                return out;
            start = bar + 1;
        }
    }
    const std::string word = firstToken(rest);
    if (isWord(word))
        out.push_back(word);
    return out;
}

ConsoleCompleter::ConsoleCompleter(const sim::console::Console &console, const sim::store::Store &store)
    : m_console(console), m_store(store)
{
}

std::vector<std::string> ConsoleCompleter::verbs() const
{
    std::vector<std::string> out;
    for (const sim::console::Command *command : m_console.commands().commands())
        out.push_back(command->name());
    return out;
}

std::vector<std::string> ConsoleCompleter::flagsOf(const std::string &verb) const
{
    std::vector<std::string> out = {"--namespace=", "--help"};
    const sim::console::Command *command = m_console.commands().find(verb);
    if (!command)
        return out;
    const sim::console::FlagSet flags = command->flags();  // flags() builds a new set: keep it alive while reading
    for (const sim::console::FlagSpec &spec : flags.specs())
        out.push_back("--" + spec.name + (spec.type == sim::console::FlagSpec::Type::Bool ? "" : "="));
    return out;
}

std::vector<std::string> ConsoleCompleter::resourceTypes() const
{
    std::vector<std::string> out;
    for (const sim::api::KindInfo &info : sim::api::allKinds())
        out.emplace_back(info.plural);
    out.emplace_back("events");
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> ConsoleCompleter::namesOf(const std::string &type, const std::string &ns) const
{
    const std::optional<sim::api::Kind> kind = sim::api::kindFromResource(type);
    std::vector<std::string> out;
    if (!kind)
        return out;
    const bool namespaced = sim::api::kindInfo(*kind).namespaced;
    for (const sim::api::ObjectPtr &obj : m_store.list(*kind))
        if (!namespaced || obj->metadata.namespace_ == ns)
            out.push_back(obj->metadata.name);
    return out;
}

std::vector<std::string> ConsoleCompleter::namespaces() const
{
    std::vector<std::string> out;
    for (const sim::api::ObjectPtr &obj : m_store.list(sim::api::Kind::Namespace))
        out.push_back(obj->metadata.name);
    return out;
}

std::string ConsoleCompleter::namespaceOf(const std::vector<std::string> &words) const
{
    for (std::size_t i = 0; i < words.size(); ++i) {
        if ((words[i] == "-n" || words[i] == "--namespace") && i + 1 < words.size())
            return words[i + 1];
        if (words[i].rfind("--namespace=", 0) == 0)
            return words[i].substr(12);
    }
    return m_console.currentNamespace();
}

std::vector<std::string> ConsoleCompleter::choices(const std::vector<std::string> &line) const
{
    // `line` holds the words typed, the last one being completed (possibly empty).
    std::vector<std::string> words(line.begin(), line.end() - 1);
    const std::string &word = line.back();
    if (!words.empty() && words.front() == "kubectl")
        words.erase(words.begin());
    if (words.empty())
        return verbs();
    if (words.back() == "-n" || words.back() == "--namespace")
        return namespaces();
    if (word.rfind("-", 0) == 0)
        return flagsOf(words.front());
    const sim::console::Command *command = m_console.commands().find(words.front());
    if (!command)
        return {};
    std::vector<std::string> positional = m_console.positionalArguments(words);
    const std::vector<std::string> subcommands = subcommandsOf(command->usage());
    if (!subcommands.empty()) {
        if (positional.empty())
            return subcommands;
        positional.erase(positional.begin());
    }
    const std::string ns = namespaceOf(words);
    if (const std::size_t slash = word.find('/'); slash != std::string::npos) {
        std::vector<std::string> out;
        for (const std::string &name : namesOf(word.substr(0, slash), ns))
            out.push_back(word.substr(0, slash + 1) + name);
        return out;
    }
    if (!positional.empty() && positional.front().find('/') == std::string::npos && sim::api::kindFromResource(positional.front()))
        return namesOf(positional.front(), ns);
    return resourceTypes();
}

ConsoleCompletion ConsoleCompleter::complete(const QString &line) const
{
    QStringList typed = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (line.isEmpty() || line.endsWith(QLatin1Char(' ')))
        typed << QString();
    std::vector<std::string> words;
    for (const QString &w : typed)
        words.push_back(w.toStdString());
    const QString prefix = typed.back();
    QStringList fits;
    for (const std::string &choice : choices(words)) {
        const QString c = QString::fromStdString(choice);
        if (c.startsWith(prefix) && !fits.contains(c))
            fits << c;
    }
    ConsoleCompletion out{line, {}};
    if (fits.isEmpty())
        return out;
    const QString head = line.left(line.size() - prefix.size());
    if (fits.size() == 1) {
        const QString &only = fits.front();
        const bool more = only.endsWith(QLatin1Char('=')) || only.endsWith(QLatin1Char('/'));
        out.line = head + only + (more ? QString() : QStringLiteral(" "));
        return out;
    }
    out.line = head + commonPrefix(fits);
    out.candidates = fits;
    return out;
}

} // namespace ui
