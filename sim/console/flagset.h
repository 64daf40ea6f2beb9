#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sim::console {

/** One option a command accepts, as kubectl (cobra/pflag) declares it. */
struct FlagSpec {
    enum class Type { Bool, String, Int, StringList };
    std::string name;        // "namespace", used as --namespace
    char shorthand = 0;      // 'n', used as -n; 0 for none
    Type type = Type::String;
    std::string valueName;   // "NS" in the help text
    std::string usage;       // one line of help
    std::string defaultValue;
};

/** Flags and positional arguments after parsing; flag values are already checked against their type. */
class ParsedArgs {
public:
    std::vector<std::string> positional;

    /** True when the flag was given on the command line. */
    bool has(const std::string &name) const { return m_values.count(name) > 0; }
    /** A Bool flag's value (false when absent and its default is not "true"). */
    bool isSet(const std::string &name) const;
    /** The last value given, else the flag's default. */
    std::string value(const std::string &name) const;
    /** Every value given, comma lists split (for StringList flags such as -f). */
    std::vector<std::string> values(const std::string &name) const;
    /** Every value given, as typed (pflag's StringArray: commas kept, as -H 'Accept: a, b' needs). */
    std::vector<std::string> rawValues(const std::string &name) const;
    std::int64_t intValue(const std::string &name) const;

private:
    friend class FlagSet;
    std::map<std::string, std::vector<std::string>> m_values;
    std::map<std::string, std::string> m_defaults;
};

/** What parsing gave: the arguments, or pflag's message for what was wrong (a usage error). */
struct ParseOutcome {
    ParsedArgs args;
    std::string error;
    bool ok() const { return error.empty(); }
};

/**
 * The flags of one command, parsed with pflag's rules: --name=value, --name value, -n value, -nvalue,
 * -n=value, bool flags alone or as --name=true|false, grouped bool shorthands (-Aw), flags anywhere
 * between positional arguments, and "--" ending the flags.
 */
class FlagSet {
public:
    FlagSet &add(FlagSpec spec);
    FlagSet &addBool(std::string name, char shorthand, std::string usage);
    FlagSet &addString(std::string name, char shorthand, std::string valueName, std::string usage,
                       std::string defaultValue = {});
    FlagSet &addInt(std::string name, std::string valueName, std::string usage, std::string defaultValue);
    FlagSet &addList(std::string name, char shorthand, std::string valueName, std::string usage);
    /** Adds every flag of another set that this one does not have yet. */
    FlagSet &merge(const FlagSet &other);

    ParseOutcome parse(const std::vector<std::string> &words) const;
    /** The "Options:" lines of a help text, one flag per line. */
    std::string helpText() const;
    const std::vector<FlagSpec> &specs() const { return m_specs; }

private:
    const FlagSpec *findLong(const std::string &name) const;
    const FlagSpec *findShort(char shorthand) const;
    std::string store(ParsedArgs &args, const FlagSpec &spec, const std::string &shown, const std::string &value) const;

    std::vector<FlagSpec> m_specs;
};

} // namespace sim::console
