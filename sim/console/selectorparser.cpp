#include "sim/console/selectorparser.h"

#include <cctype>
#include <vector>

namespace sim::console {
namespace {

std::string trim(std::string_view s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return std::string(s.substr(b, e - b));
}

// Splits on commas that are not inside parentheses.
std::vector<std::string> splitRequirements(std::string_view text, bool &balanced)
{
    std::vector<std::string> parts;
    int depth = 0;
    std::size_t start = 0;
    balanced = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '(')
            ++depth;
        else if (text[i] == ')' && --depth < 0)
            balanced = false;
        else if (text[i] == ',' && depth == 0) {
            parts.push_back(trim(text.substr(start, i - start)));
            start = i + 1;
        }
    }
    parts.push_back(trim(text.substr(start)));
    balanced = balanced && depth == 0;
    return parts;
}

bool isKeyChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/';
}

bool isValidKey(const std::string &key)
{
    if (key.empty())
        return false;
    for (char c : key) {
        if (!isKeyChar(c))
            return false;
    }
    return true;
}

bool isValidValue(const std::string &value)
{
    for (char c : value) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return false;
    }
    return true;
}

// "key in (a, b)" / "key notin (a)": returns false when the text is not a set-based requirement.
bool parseSetRequirement(const std::string &req, api::LabelSelectorRequirement &out, std::string &error)
{
    std::size_t open = req.find('(');
    if (open == std::string::npos)
        return false;
    std::string head = trim(std::string_view(req).substr(0, open));
    std::size_t space = head.find_last_of(" \t");
    if (space == std::string::npos || req.back() != ')')
        return (error = "unable to parse requirement: " + req), true;
    std::string key = trim(std::string_view(head).substr(0, space));
    std::string op = head.substr(space + 1);
    if (op != "in" && op != "notin")
        return (error = "unable to parse requirement: found '" + op + "', expected: in, notin"), true;
    out.key = key;
    out.op = op == "in" ? "In" : "NotIn";
    bool balanced = true;
    for (const std::string &v : splitRequirements(req.substr(open + 1, req.size() - open - 2), balanced)) {
        if (!isValidValue(v))
            return (error = "invalid label value: \"" + v + "\""), true;
        if (!v.empty())
            out.values.push_back(v);
    }
    if (!isValidKey(key))
        error = "invalid label key \"" + key + "\"";
    return true;
}

} // namespace

SelectorParse parseSelector(std::string_view text)
{
    SelectorParse result;
    bool balanced = true;
    std::vector<std::string> requirements = splitRequirements(text, balanced);
    if (!balanced)
        return result.error = "unable to parse requirement: unbalanced parentheses in \"" + std::string(text) + "\"",
               result;
    for (const std::string &req : requirements) {
        if (req.empty())
            return result.error = "unable to parse requirement: empty requirement in \"" + std::string(text) + "\"",
                   result;
        api::LabelSelectorRequirement set;
        if (parseSetRequirement(req, set, result.error)) {
            if (!result.ok())
                return result;
            result.selector.matchExpressions.push_back(set);
            continue;
        }
        std::size_t opPos = req.find_first_of("!=");
        if (req[0] == '!') {
            std::string key = trim(std::string_view(req).substr(1));
            if (!isValidKey(key))
                return result.error = "invalid label key \"" + key + "\"", result;
            result.selector.matchExpressions.push_back({key, "DoesNotExist", {}});
            continue;
        }
        if (opPos == std::string::npos) {
            if (!isValidKey(req))
                return result.error = "invalid label key \"" + req + "\"", result;
            result.selector.matchExpressions.push_back({req, "Exists", {}});
            continue;
        }
        bool negated = req[opPos] == '!';
        std::size_t valuePos = opPos + (negated || req.compare(opPos, 2, "==") == 0 ? 2 : 1);
        if (negated && req.compare(opPos, 2, "!=") != 0)
            return result.error = "unable to parse requirement: " + req, result;
        std::string key = trim(std::string_view(req).substr(0, opPos));
        std::string value = trim(std::string_view(req).substr(std::min(valuePos, req.size())));
        if (!isValidKey(key))
            return result.error = "invalid label key \"" + key + "\"", result;
        if (!isValidValue(value))
            return result.error = "invalid label value: \"" + value + "\"", result;
        if (negated)
            result.selector.matchExpressions.push_back({key, "NotIn", {value}});
        else
            result.selector.matchLabels[key] = value;
    }
    return result;
}

std::optional<api::LabelSelector> selectorFlag(const ParsedArgs &args, std::string &error)
{
    if (!args.has("selector"))
        return std::nullopt;
    SelectorParse parsed = parseSelector(args.value("selector"));
    if (!parsed.ok()) {
        error = std::move(parsed.error);
        return std::nullopt;
    }
    return std::move(parsed.selector);
}

} // namespace sim::console
