#include "sim/manifest/yamlwriter.h"

#include "sim/manifest/decodecontext.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace sim::manifest {
namespace {

using Entries = std::vector<std::pair<std::string, YAML::Node>>;

// Sorted by key through an index: assigning a YAML::Node rebinds the tree node it refers to, so the
// entries themselves must never be moved around by a sort.
Entries sortedEntries(const YAML::Node &map)
{
    Entries entries;
    for (auto it = map.begin(); it != map.end(); ++it)
        entries.emplace_back(it->first.Scalar(), it->second);
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return entries[a].first < entries[b].first; });
    Entries out;
    out.reserve(entries.size());
    for (std::size_t i : order)
        out.emplace_back(entries[i].first, entries[i].second);
    return out;
}

bool isEmptyCollection(const YAML::Node &n) { return (n.IsMap() || n.IsSequence()) && n.size() == 0; }

// go-yaml quotes date-like strings too (they would read back as timestamps).
bool looksLikeTimestamp(const std::string &s)
{
    auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    return s.size() >= 8 && digit(0) && digit(1) && digit(2) && digit(3) && s[4] == '-' && digit(5);
}

bool isPlainSafe(const std::string &s)
{
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.find_first_of("\n\r\t") != std::string::npos)
        return false;
    if (std::string_view("#,[]{}&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
        return false;
    if ((s.front() == '-' || s.front() == '?' || s.front() == ':') && (s.size() == 1 || s[1] == ' '))
        return false;
    if (s.starts_with("---") || s.starts_with("..."))
        return false;
    if (s.back() == ':' || s.find(": ") != std::string::npos || s.find(" #") != std::string::npos)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f; });
}

// A double-quoted string. YAML escapes other control characters as \xNN; JSON (Go's encoding/json)
// as \u00NN, and also <, > and & (HTML-safe).
std::string doubleQuoted(const std::string &s, bool json)
{
    std::string out = "\"";
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (json && (u < 0x20 || c == '<' || c == '>' || c == '&')) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out += buf;
            } else if (!json && (u < 0x20 || u == 0x7f)) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", u);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string singleQuoted(const std::string &s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

bool canUseLiteral(const std::string &s)
{
    if (s.find('\n') == std::string::npos || s.front() == ' ' || s.find('\r') != std::string::npos ||
        s.find('\t') != std::string::npos)
        return false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t end = s.find('\n', pos);
        std::string line = s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        if (!line.empty() && line.back() == ' ')
            return false;
        if (end == std::string::npos)
            break;
        pos = end + 1;
    }
    return true;
}

std::string literalBlock(const std::string &s, int indent)
{
    std::size_t trailing = s.size() - s.find_last_not_of('\n') - 1;
    std::string out = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
    std::string body = s.substr(0, s.size() - trailing);
    std::size_t pos = 0;
    while (true) {
        std::size_t end = body.find('\n', pos);
        std::string line = body.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        out += "\n" + (line.empty() ? std::string() : std::string(indent, ' ') + line);
        if (end == std::string::npos)
            break;
        pos = end + 1;
    }
    for (std::size_t i = 1; i < trailing; ++i)
        out += "\n";
    return out;
}

// A scalar as go-yaml writes it; blockIndent is where a literal block's lines go.
std::string yamlScalar(const YAML::Node &n, int blockIndent)
{
    if (n.IsNull() || !n.IsDefined())
        return "null";
    const std::string &s = n.Scalar();
    if (!isStringNode(n))
        return s;
    if (canUseLiteral(s))
        return literalBlock(s, blockIndent);
    if (isAmbiguousPlainScalar(s) || looksLikeTimestamp(s))
        return doubleQuoted(s, false);
    if (isPlainSafe(s))
        return s;
    if (s.find_first_of("\n\r\t") != std::string::npos ||
        !std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20; }))
        return doubleQuoted(s, false);
    return singleQuoted(s);
}

std::string emptyCollection(const YAML::Node &n) { return n.IsMap() ? "{}" : "[]"; }

void writeSequence(std::string &out, const YAML::Node &seq, int indent, bool firstInline);

// firstInline: the first key goes right after an already written "- ".
void writeMapping(std::string &out, const YAML::Node &map, int indent, bool firstInline)
{
    bool first = true;
    for (const auto &[key, value] : sortedEntries(map)) {
        if (!(first && firstInline))
            out += std::string(indent, ' ');
        first = false;
        YAML::Node keyNode = stringNode(key);
        out += yamlScalar(keyNode, indent) + ":";
        if (isEmptyCollection(value)) {
            out += " " + emptyCollection(value) + "\n";
        } else if (value.IsMap()) {
            out += "\n";
            writeMapping(out, value, indent + 2, false);
        } else if (value.IsSequence()) {
            out += "\n";
            writeSequence(out, value, indent, false);
        } else {
            out += " " + yamlScalar(value, indent + 2) + "\n";
        }
    }
}

void writeSequence(std::string &out, const YAML::Node &seq, int indent, bool firstInline)
{
    bool first = true;
    for (const YAML::Node &item : seq) {
        if (!(first && firstInline))
            out += std::string(indent, ' ');
        first = false;
        out += "- ";
        if (isEmptyCollection(item))
            out += emptyCollection(item) + "\n";
        else if (item.IsMap())
            writeMapping(out, item, indent + 2, true);
        else if (item.IsSequence())
            writeSequence(out, item, indent + 2, true);
        else
            out += yamlScalar(item, indent + 2) + "\n";
    }
}

void writeJsonValue(std::string &out, const YAML::Node &n, int indent)
{
    std::string pad(indent + 4, ' ');
    if (n.IsMap()) {
        if (n.size() == 0) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto &[key, value] : sortedEntries(n)) {
            out += (first ? "" : ",\n") + pad + doubleQuoted(key, true) + ": ";
            writeJsonValue(out, value, indent + 4);
            first = false;
        }
        out += "\n" + std::string(indent, ' ') + "}";
    } else if (n.IsSequence()) {
        if (n.size() == 0) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < n.size(); ++i) {
            out += (i ? ",\n" : "") + pad;
            writeJsonValue(out, n[i], indent + 4);
        }
        out += "\n" + std::string(indent, ' ') + "]";
    } else if (!n.IsDefined() || n.IsNull()) {
        out += "null";
    } else {
        out += isStringNode(n) ? doubleQuoted(n.Scalar(), true) : n.Scalar();
    }
}

} // namespace

YAML::Node stringNode(const std::string &value)
{
    YAML::Node n(value);
    n.SetTag("!");
    return n;
}

bool isStringNode(const YAML::Node &node)
{
    return node.IsScalar() && (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str");
}

std::string writeYaml(const YAML::Node &node)
{
    std::string out;
    if (isEmptyCollection(node))
        return emptyCollection(node) + "\n";
    if (node.IsMap())
        writeMapping(out, node, 0, false);
    else if (node.IsSequence())
        writeSequence(out, node, 0, false);
    else
        out = yamlScalar(node, 2) + "\n";
    return out;
}

std::string writeJson(const YAML::Node &node)
{
    std::string out;
    writeJsonValue(out, node, 0);
    return out + "\n";
}

} // namespace sim::manifest
