#include "sim/manifest/decodecontext.h"

#include <array>
#include <cctype>
#include <string_view>

namespace sim::manifest {
namespace {

// go-yaml v2, which kubectl uses, resolves these plain scalars as booleans (YAML 1.1).
constexpr std::array<std::string_view, 22> kBoolWords{
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
    "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"};

bool isDigits(std::string_view s, int base)
{
    if (s.empty())
        return false;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        bool ok = c == '_' || (base == 16 ? std::isxdigit(u) != 0 : (c >= '0' && c < static_cast<char>('0' + base)));
        if (!ok)
            return false;
    }
    return true;
}

bool isInteger(std::string_view s)
{
    if (!s.empty() && (s[0] == '-' || s[0] == '+'))
        s.remove_prefix(1);
    if (s.starts_with("0x"))
        return isDigits(s.substr(2), 16);
    if (s.starts_with("0b"))
        return isDigits(s.substr(2), 2);
    return isDigits(s, 10);
}

// go-yaml's float syntax: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, plus .inf and .nan.
bool isFloat(std::string_view s)
{
    if (!s.empty() && (s[0] == '-' || s[0] == '+'))
        s.remove_prefix(1);
    if (s == ".inf" || s == ".Inf" || s == ".INF" || s == ".nan" || s == ".NaN" || s == ".NAN")
        return true;
    std::size_t e = s.find_first_of("eE");
    std::string_view mantissa = s.substr(0, e);
    std::size_t dot = mantissa.find('.');
    std::string_view whole = mantissa.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view{} : mantissa.substr(dot + 1);
    auto digits = [](std::string_view d) {
        return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
    };
    bool mantissaOk = whole.empty() ? digits(frac) : digits(whole) && (frac.empty() || digits(frac));
    if (!mantissaOk)
        return false;
    if (e == std::string_view::npos)
        return true;
    std::string_view exp = s.substr(e + 1);
    if (!exp.empty() && (exp[0] == '-' || exp[0] == '+'))
        exp.remove_prefix(1);
    return digits(exp);
}

} // namespace

bool isAmbiguousPlainScalar(const std::string &text)
{
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
        return true;
    for (std::string_view word : kBoolWords) {
        if (text == word)
            return true;
    }
    return isInteger(text) || isFloat(text);
}

ScalarType scalarType(const YAML::Node &node)
{
    if (!node.IsDefined() || node.IsNull())
        return ScalarType::Null;
    const std::string &tag = node.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return ScalarType::String;
    const std::string &text = node.Scalar();
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
        return ScalarType::Null;
    for (std::string_view word : kBoolWords) {
        if (text == word)
            return ScalarType::Bool;
    }
    return isInteger(text) || isFloat(text) ? ScalarType::Number : ScalarType::String;
}

DecodeContext::DecodeContext(Document &document, std::vector<Diagnostic> &diagnostics, int lineOffset)
    : m_document(document), m_diagnostics(diagnostics), m_lineOffset(lineOffset)
{
}

SourceLocation DecodeContext::locationOf(const YAML::Node &node) const
{
    if (!node.IsDefined() || node.Mark().is_null())
        return m_document.location;
    const YAML::Mark mark = node.Mark();
    return SourceLocation{m_document.location.file, mark.line + 1 + m_lineOffset, mark.column + 1};
}

void DecodeContext::record(const std::string &path, const YAML::Node &node)
{
    m_document.fields[path] = locationOf(node);
}

void DecodeContext::error(const std::string &path, const YAML::Node &at, std::string message)
{
    add(Diagnostic::Severity::Error, path, locationOf(at), std::move(message));
}

void DecodeContext::warning(const std::string &path, const YAML::Node &at, std::string message)
{
    add(Diagnostic::Severity::Warning, path, locationOf(at), std::move(message));
}

void DecodeContext::error(const std::string &path, std::string message)
{
    add(Diagnostic::Severity::Error, path, m_document.locate(path), std::move(message));
}

void DecodeContext::add(Diagnostic::Severity severity, const std::string &path, SourceLocation location,
                        std::string message)
{
    if (severity == Diagnostic::Severity::Error)
        ++m_errorCount;
    m_diagnostics.push_back(Diagnostic{severity, std::move(location), path, std::move(message)});
}

} // namespace sim::manifest
