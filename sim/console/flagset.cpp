#include "sim/console/flagset.h"

#include <charconv>

namespace sim::console {
namespace {

bool parseInt(const std::string &text, std::int64_t &out)
{
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return !text.empty() && ec == std::errc() && ptr == end;
}

// Go's strconv.ParseBool spellings.
bool parseBool(const std::string &text, bool &out)
{
    for (const char *t : {"1", "t", "T", "true", "TRUE", "True"}) {
        if (text == t)
            return (out = true), true;
    }
    for (const char *f : {"0", "f", "F", "false", "FALSE", "False"}) {
        if (text == f)
            return (out = false), true;
    }
    return false;
}

std::string invalidArgument(const std::string &value, const std::string &shown, const char *func)
{
    return "invalid argument \"" + value + "\" for \"" + shown + "\" flag: strconv." + func + ": parsing \"" +
           value + "\": invalid syntax";
}

} // namespace

bool ParsedArgs::isSet(const std::string &name) const
{
    std::string v = value(name);
    bool b = false;
    return parseBool(v, b) && b;
}

std::string ParsedArgs::value(const std::string &name) const
{
    auto it = m_values.find(name);
    if (it != m_values.end() && !it->second.empty())
        return it->second.back();
    auto d = m_defaults.find(name);
    return d == m_defaults.end() ? std::string() : d->second;
}

std::vector<std::string> ParsedArgs::rawValues(const std::string &name) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>() : it->second;
}

std::vector<std::string> ParsedArgs::values(const std::string &name) const
{
    std::vector<std::string> out;
    auto it = m_values.find(name);
    if (it == m_values.end())
        return out;
    for (const std::string &v : it->second) {
        std::size_t start = 0;
        while (start <= v.size()) {
            std::size_t comma = v.find(',', start);
            if (comma == std::string::npos)
                comma = v.size();
            if (comma > start)
                out.push_back(v.substr(start, comma - start));
            start = comma + 1;
        }
    }
    return out;
}

std::int64_t ParsedArgs::intValue(const std::string &name) const
{
    std::int64_t v = 0;
    parseInt(value(name), v);
    return v;
}

FlagSet &FlagSet::add(FlagSpec spec)
{
    m_specs.push_back(std::move(spec));
    return *this;
}

FlagSet &FlagSet::addBool(std::string name, char shorthand, std::string usage)
{
    return add({std::move(name), shorthand, FlagSpec::Type::Bool, {}, std::move(usage), "false"});
}

FlagSet &FlagSet::addString(std::string name, char shorthand, std::string valueName, std::string usage,
                            std::string defaultValue)
{
    return add({std::move(name), shorthand, FlagSpec::Type::String, std::move(valueName), std::move(usage),
                std::move(defaultValue)});
}

FlagSet &FlagSet::addInt(std::string name, std::string valueName, std::string usage, std::string defaultValue)
{
    return add({std::move(name), 0, FlagSpec::Type::Int, std::move(valueName), std::move(usage),
                std::move(defaultValue)});
}

FlagSet &FlagSet::addList(std::string name, char shorthand, std::string valueName, std::string usage)
{
    return add({std::move(name), shorthand, FlagSpec::Type::StringList, std::move(valueName), std::move(usage), {}});
}

FlagSet &FlagSet::merge(const FlagSet &other)
{
    for (const FlagSpec &spec : other.m_specs) {
        if (!findLong(spec.name))
            m_specs.push_back(spec);
    }
    return *this;
}

const FlagSpec *FlagSet::findLong(const std::string &name) const
{
    for (const FlagSpec &spec : m_specs) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

const FlagSpec *FlagSet::findShort(char shorthand) const
{
    for (const FlagSpec &spec : m_specs) {
        if (spec.shorthand != 0 && spec.shorthand == shorthand)
            return &spec;
    }
    return nullptr;
}

std::string FlagSet::store(ParsedArgs &args, const FlagSpec &spec, const std::string &shown,
                           const std::string &value) const
{
    if (spec.type == FlagSpec::Type::Int) {
        std::int64_t v = 0;
        if (!parseInt(value, v))
            return invalidArgument(value, shown, "ParseInt");
    }
    if (spec.type == FlagSpec::Type::Bool) {
        bool b = false;
        if (!parseBool(value, b))
            return invalidArgument(value, shown, "ParseBool");
    }
    args.m_values[spec.name].push_back(value);
    return {};
}

ParseOutcome FlagSet::parse(const std::vector<std::string> &words) const
{
    ParseOutcome outcome;
    ParsedArgs &args = outcome.args;
    for (const FlagSpec &spec : m_specs)
        args.m_defaults[spec.name] = spec.defaultValue;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &w = words[i];
        if (w == "--") {
            args.positional.insert(args.positional.end(), words.begin() + i + 1, words.end());
            break;
        }
        if (w.size() < 2 || w[0] != '-') {
            args.positional.push_back(w);
            continue;
        }
        if (w[1] == '-') {
            std::size_t eq = w.find('=');
            std::string name = w.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
            const FlagSpec *spec = findLong(name);
            if (!spec)
                return outcome.error = "unknown flag: --" + name, outcome;
            std::string shown = "--" + name;
            std::string value;
            if (eq != std::string::npos)
                value = w.substr(eq + 1);
            else if (spec->type == FlagSpec::Type::Bool)
                value = "true";
            else if (i + 1 < words.size())
                value = words[++i];
            else
                return outcome.error = "flag needs an argument: " + shown, outcome;
            if (std::string e = store(args, *spec, shown, value); !e.empty())
                return outcome.error = e, outcome;
            continue;
        }
        // Shorthands: bools may be grouped (-Aw); a value-taking one ends the group (-nfoo, -n=foo, -n foo).
        for (std::size_t k = 1; k < w.size(); ++k) {
            const FlagSpec *spec = findShort(w[k]);
            if (!spec)
                return outcome.error = std::string("unknown shorthand flag: '") + w[k] + "' in " + w, outcome;
            std::string shown = std::string("-") + w[k];
            std::string value;
            bool last = true;
            if (k + 1 < w.size() && w[k + 1] == '=') {
                value = w.substr(k + 2);
            } else if (spec->type == FlagSpec::Type::Bool) {
                value = "true";
                last = k + 1 == w.size();
            } else if (k + 1 < w.size()) {
                value = w.substr(k + 1);
            } else if (i + 1 < words.size()) {
                value = words[++i];
            } else {
                return outcome.error = std::string("flag needs an argument: '") + w[k] + "' in " + w, outcome;
            }
            if (std::string e = store(args, *spec, shown, value); !e.empty())
                return outcome.error = e, outcome;
            if (last)
                break;
        }
    }
    return outcome;
}

std::string FlagSet::helpText() const
{
    std::string out;
    for (const FlagSpec &spec : m_specs) {
        std::string left = spec.shorthand ? std::string("  -") + spec.shorthand + ", " : std::string("      ");
        left += "--" + spec.name;
        if (!spec.valueName.empty())
            left += (spec.type == FlagSpec::Type::Bool ? "" : "=") + spec.valueName;
        if (left.size() < 32)
            left.resize(32, ' ');
        else
            left += "  ";
        out += left + spec.usage + "\n";
    }
    return out;
}

} // namespace sim::console
