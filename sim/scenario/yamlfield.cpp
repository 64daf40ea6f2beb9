#include "sim/scenario/yamlfield.h"

#include "sim/scenario/duration.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace sim::scenario {

YamlField::YamlField(YAML::Node node, std::string path, std::string file,
                     std::vector<manifest::Diagnostic> *diagnostics, manifest::SourceLocation fallback)
    : m_node(std::move(node)), m_path(std::move(path)), m_file(std::move(file)), m_diagnostics(diagnostics),
      m_fallback(std::move(fallback))
{
}

manifest::SourceLocation YamlField::location() const
{
    if (!m_node.IsDefined())
        return m_fallback;
    const YAML::Mark mark = m_node.Mark();
    if (mark.line < 0)
        return m_fallback;
    return {m_file, mark.line + 1, mark.column + 1};
}

void YamlField::error(const std::string &message) const
{
    m_diagnostics->push_back({manifest::Diagnostic::Severity::Error, location(), m_path, message});
}

bool YamlField::expectMap() const
{
    if (m_node.IsMap())
        return true;
    error("expected a mapping (key: value lines)");
    return false;
}

void YamlField::allowOnly(std::initializer_list<std::string_view> allowed) const
{
    if (!m_node.IsMap())
        return;
    std::set<std::string> seen;
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        const std::string key = it->first.Scalar();
        const std::string keyPath = m_path.empty() ? key : m_path + "." + key;
        YamlField keyField(it->first, keyPath, m_file, m_diagnostics, location());
        if (!seen.insert(key).second)
            keyField.error("duplicate key \"" + key + "\"");
        else if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string expected;
            for (std::string_view a : allowed)
                expected += (expected.empty() ? "" : ", ") + std::string(a);
            keyField.error("unknown field \"" + key + "\" (expected one of: " + expected + ")");
        }
    }
}

bool YamlField::has(const std::string &key) const
{
    return child(key).m_node.IsDefined();
}

YamlField YamlField::child(const std::string &key) const
{
    const std::string childPath = m_path.empty() ? key : m_path + "." + key;
    if (m_node.IsMap()) {
        for (auto it = m_node.begin(); it != m_node.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == key)
                return YamlField(it->second, childPath, m_file, m_diagnostics, location());
        }
    }
    return YamlField(YAML::Node(YAML::NodeType::Undefined), childPath, m_file, m_diagnostics, location());
}

std::vector<YamlField> YamlField::items() const
{
    std::vector<YamlField> out;
    if (!m_node.IsSequence()) {
        error(std::string(isDefined() ? "" : "required: ") + "expected a list (lines starting with \"- \")");
        return out;
    }
    for (std::size_t i = 0; i < m_node.size(); ++i)
        out.emplace_back(m_node[i], m_path + "[" + std::to_string(i) + "]", m_file, m_diagnostics, location());
    return out;
}

std::vector<std::pair<std::string, YamlField>> YamlField::entries() const
{
    std::vector<std::pair<std::string, YamlField>> out;
    if (!expectMap())
        return out;
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        const std::string key = it->first.Scalar();
        out.emplace_back(key, YamlField(it->second, m_path + "." + key, m_file, m_diagnostics, location()));
    }
    return out;
}

bool YamlField::expectScalar(const char *expected) const
{
    if (m_node.IsScalar())
        return true;
    error(m_node.IsDefined() && !m_node.IsNull() ? std::string("expected ") + expected
                                                 : std::string("required: expected ") + expected);
    return false;
}

std::optional<std::string> YamlField::string() const
{
    if (!expectScalar("a string"))
        return std::nullopt;
    return m_node.Scalar();
}

std::optional<std::string> YamlField::requiredString(const std::string &key) const
{
    const YamlField field = child(key);
    auto value = field.string();
    if (value && value->empty()) {
        field.error("must not be empty");
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> YamlField::integer(std::int64_t min, std::int64_t max) const
{
    if (!expectScalar("an integer"))
        return std::nullopt;
    std::int64_t value = 0;
    if (!YAML::convert<std::int64_t>::decode(m_node, value)) {
        error("expected an integer, got \"" + m_node.Scalar() + "\"");
        return std::nullopt;
    }
    if (value < min || value > max) {
        error("must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
              std::to_string(value));
        return std::nullopt;
    }
    return value;
}

std::optional<double> YamlField::number(double min, double max) const
{
    if (!expectScalar("a number"))
        return std::nullopt;
    double value = 0;
    if (!YAML::convert<double>::decode(m_node, value) || !std::isfinite(value)) {
        error("expected a number, got \"" + m_node.Scalar() + "\"");
        return std::nullopt;
    }
    if (value < min || value > max) {
        error("must be between " + YAML::Node(min).Scalar() + " and " + YAML::Node(max).Scalar() + ", got " +
              m_node.Scalar());
        return std::nullopt;
    }
    return value;
}

std::optional<bool> YamlField::boolean() const
{
    if (!expectScalar("true or false"))
        return std::nullopt;
    bool value = false;
    if (!YAML::convert<bool>::decode(m_node, value)) {
        error("expected true or false, got \"" + m_node.Scalar() + "\"");
        return std::nullopt;
    }
    return value;
}

std::optional<engine::SimTime> YamlField::duration() const
{
    if (!expectScalar("a duration such as 30s, 500ms or 1m30s"))
        return std::nullopt;
    auto value = parseDuration(m_node.Scalar());
    if (!value)
        error("expected a duration such as 30s, 500ms or 1m30s, got \"" + m_node.Scalar() + "\"");
    return value;
}

std::optional<std::string> YamlField::objectName() const
{
    auto value = string();
    if (!value)
        return std::nullopt;
    if (value->empty() || value->find('/') != std::string::npos) {
        error("expected an object name, got \"" + *value + "\"");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> YamlField::oneOf(std::initializer_list<std::string_view> values) const
{
    auto value = string();
    if (!value)
        return std::nullopt;
    if (std::find(values.begin(), values.end(), *value) != values.end())
        return value;
    std::string supported;
    for (std::string_view v : values)
        supported += (supported.empty() ? "\"" : ", \"") + std::string(v) + "\"";
    error("Unsupported value: \"" + *value + "\": supported values: " + supported);
    return std::nullopt;
}

} // namespace sim::scenario
