#include "sim/manifest/mapreader.h"

#include <charconv>
#include <limits>

namespace sim::manifest {
namespace {

std::string typeName(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Map:
        return "an object";
    default:
        break;
    }
    switch (scalarType(node)) {
    case ScalarType::Bool:
        return "a boolean";
    case ScalarType::Number:
        return "a number";
    case ScalarType::String:
        return "a string";
    default:
        return "null";
    }
}

// Go's strconv.ParseInt(s, 0, 64) as go-yaml uses it: decimal, 0x, 0o / leading 0 octal, 0b, underscores.
std::optional<std::int64_t> parseYamlInt(std::string text)
{
    std::erase(text, '_');
    bool negative = false;
    std::string_view s = text;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    int base = 10;
    if (s.starts_with("0x") || s.starts_with("0X")) {
        base = 16;
        s.remove_prefix(2);
    } else if (s.starts_with("0b") || s.starts_with("0B")) {
        base = 2;
        s.remove_prefix(2);
    } else if (s.starts_with("0o") || s.starts_with("0O")) {
        base = 8;
        s.remove_prefix(2);
    } else if (s.size() > 1 && s[0] == '0') {
        base = 8;
        s.remove_prefix(1);
    }
    std::uint64_t magnitude = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), magnitude, base);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size())
        return std::nullopt;
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (magnitude > kMax + (negative ? 1 : 0))
        return std::nullopt;
    if (negative)
        return magnitude == kMax + 1 ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(magnitude);
    return static_cast<std::int64_t>(magnitude);
}

} // namespace

std::string quoteValue(const YAML::Node &node)
{
    if (!node.IsDefined() || !node.IsScalar())
        return "\"\"";
    ScalarType type = scalarType(node);
    return type == ScalarType::String ? "\"" + node.Scalar() + "\"" : node.Scalar();
}

MapReader::MapReader(DecodeContext &context, const YAML::Node &node, std::string path)
    : m_context(context), m_path(std::move(path))
{
    if (!node.IsDefined() || node.IsNull())
        return;
    if (!node.IsMap()) {
        m_context.error(m_path, node, "Invalid value: " + typeName(node) + ": must be an object");
        return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) {
            m_context.error(m_path, it->first, "Invalid value: a key must be a string, not " + typeName(it->first));
            continue;
        }
        std::string key = it->first.Scalar();
        if (find(key)) {
            m_context.error(fieldPath(key), it->first, "Duplicate value: \"" + key + "\": the key is already set in this object");
            continue;
        }
        m_entries.push_back(Entry{key, it->first, it->second, false});
    }
}

std::string MapReader::fieldPath(std::string_view key) const
{
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

MapReader::Entry *MapReader::find(std::string_view key)
{
    for (Entry &e : m_entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

const MapReader::Entry *MapReader::find(std::string_view key) const
{
    for (const Entry &e : m_entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

bool MapReader::has(std::string_view key) const
{
    const Entry *e = find(key);
    return e && e->value.IsDefined() && !e->value.IsNull();
}

YAML::Node MapReader::value(std::string_view key)
{
    Entry *e = find(key);
    if (!e)
        return YAML::Node(YAML::NodeType::Undefined);
    e->consumed = true;
    m_context.record(fieldPath(key), e->keyNode);
    if (e->value.IsNull())
        return YAML::Node(YAML::NodeType::Undefined);
    return e->value;
}

bool MapReader::isList(std::string_view key, const YAML::Node &node)
{
    if (!node.IsDefined())
        return false;
    if (!node.IsSequence()) {
        m_context.error(fieldPath(key), node, "Invalid value: " + typeName(node) + ": must be a list");
        return false;
    }
    return true;
}

std::optional<std::string> MapReader::scalarString(const std::string &path, const YAML::Node &node)
{
    if (!node.IsScalar()) {
        m_context.error(path, node, "Invalid value: " + typeName(node) + ": must be a string");
        return std::nullopt;
    }
    ScalarType type = scalarType(node);
    if (type == ScalarType::Null)
        return std::nullopt;
    if (type != ScalarType::String) {
        m_context.error(path, node, "Invalid value: " + node.Scalar() + ": must be a string, not " + typeName(node) +
                                        " (write \"" + node.Scalar() + "\" in quotes)");
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<std::int64_t> MapReader::scalarInt(const std::string &path, const YAML::Node &node, std::int64_t min,
                                                 std::int64_t max)
{
    if (!node.IsScalar() || scalarType(node) != ScalarType::Number) {
        m_context.error(path, node, "Invalid value: " + (node.IsScalar() ? quoteValue(node) : typeName(node)) +
                                        ": must be an integer");
        return std::nullopt;
    }
    std::optional<std::int64_t> v = parseYamlInt(node.Scalar());
    if (!v) {
        m_context.error(path, node, "Invalid value: " + node.Scalar() + ": must be an integer");
        return std::nullopt;
    }
    if (*v < min || *v > max) {
        m_context.error(path, node, "Invalid value: " + node.Scalar() + ": out of range for a " +
                                        (max == std::numeric_limits<std::int32_t>::max() ? "32" : "64") +
                                        "-bit integer");
        return std::nullopt;
    }
    return v;
}

std::optional<bool> MapReader::scalarBool(const std::string &path, const YAML::Node &node)
{
    if (!node.IsScalar() || scalarType(node) != ScalarType::Bool) {
        m_context.error(path, node, "Invalid value: " + (node.IsScalar() ? quoteValue(node) : typeName(node)) +
                                        ": must be a boolean (true or false)");
        return std::nullopt;
    }
    const std::string &t = node.Scalar();
    return t[0] == 't' || t[0] == 'T' || t[0] == 'y' || t[0] == 'Y' || t == "on" || t == "On" || t == "ON";
}

void MapReader::read(std::string_view key, std::string &out)
{
    YAML::Node node = value(key);
    if (!node.IsDefined())
        return;
    if (auto s = scalarString(fieldPath(key), node))
        out = std::move(*s);
}

void MapReader::read(std::string_view key, std::optional<std::string> &out)
{
    YAML::Node node = value(key);
    if (!node.IsDefined())
        return;
    if (auto s = scalarString(fieldPath(key), node))
        out = std::move(*s);
}

template <class Int> void MapReader::readInt(std::string_view key, std::optional<Int> &out)
{
    YAML::Node node = value(key);
    if (!node.IsDefined())
        return;
    if (auto v = scalarInt(fieldPath(key), node, std::numeric_limits<Int>::min(), std::numeric_limits<Int>::max()))
        out = static_cast<Int>(*v);
}

template <class Int> void MapReader::readInt(std::string_view key, Int &out)
{
    std::optional<Int> v;
    readInt(key, v);
    if (v)
        out = *v;
}

void MapReader::read(std::string_view key, std::int32_t &out) { readInt(key, out); }
void MapReader::read(std::string_view key, std::int64_t &out) { readInt(key, out); }
void MapReader::read(std::string_view key, std::optional<std::int32_t> &out) { readInt(key, out); }
void MapReader::read(std::string_view key, std::optional<std::int64_t> &out) { readInt(key, out); }

void MapReader::read(std::string_view key, bool &out)
{
    YAML::Node node = value(key);
    if (!node.IsDefined())
        return;
    if (auto v = scalarBool(fieldPath(key), node))
        out = *v;
}

void MapReader::read(std::string_view key, std::optional<bool> &out)
{
    YAML::Node node = value(key);
    if (!node.IsDefined())
        return;
    if (auto v = scalarBool(fieldPath(key), node))
        out = *v;
}

void MapReader::read(std::string_view key, api::IntOrString &out)
{
    YAML::Node node = value(key);
    if (!node.IsDefined())
        return;
    if (node.IsScalar() && scalarType(node) == ScalarType::String) {
        out = api::IntOrString::fromString(node.Scalar());
        return;
    }
    if (auto v = scalarInt(fieldPath(key), node, std::numeric_limits<std::int32_t>::min(),
                           std::numeric_limits<std::int32_t>::max()))
        out = api::IntOrString::fromInt(static_cast<std::int32_t>(*v));
}

void MapReader::read(std::string_view key, std::map<std::string, std::string> &out)
{
    YAML::Node node = value(key);
    if (!node.IsDefined())
        return;
    MapReader entries(m_context, node, fieldPath(key));
    for (Entry &e : entries.m_entries) {
        e.consumed = true;
        std::string path = fieldPath(key) + "." + e.key;
        m_context.record(path, e.keyNode);
        if (e.value.IsNull()) {
            out[e.key] = "";
            continue;
        }
        if (auto s = scalarString(path, e.value))
            out[e.key] = std::move(*s);
    }
}

void MapReader::read(std::string_view key, std::vector<std::string> &out)
{
    YAML::Node node = value(key);
    if (!isList(key, node))
        return;
    for (std::size_t i = 0; i < node.size(); ++i) {
        std::string path = fieldPath(key) + "[" + std::to_string(i) + "]";
        m_context.record(path, node[i]);
        if (auto s = scalarString(path, node[i]))
            out.push_back(std::move(*s));
    }
}

void MapReader::read(std::string_view key, std::map<std::string, api::Quantity> &out)
{
    YAML::Node node = value(key);
    if (!node.IsDefined())
        return;
    if (!node.IsMap()) {
        m_context.error(fieldPath(key), node, "Invalid value: " + typeName(node) + ": must be an object");
        return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        std::string name = it->first.Scalar();
        std::string path = fieldPath(key) + "[" + name + "]";
        m_context.record(path, it->first);
        const YAML::Node v = it->second;  // a copy: the iterator hands out a temporary pair
        std::optional<api::Quantity> q;
        if (v.IsScalar() && scalarType(v) != ScalarType::Bool)
            q = api::Quantity::parse(v.Scalar());
        if (q)
            out[name] = *q;
        else
            m_context.error(path, it->first,
                            "Invalid value: " + quoteValue(v) +
                                ": quantities must match the regular expression "
                                "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
}

void MapReader::ignore(std::initializer_list<std::string_view> keys)
{
    for (std::string_view key : keys) {
        if (Entry *e = find(key)) {
            e->consumed = true;
            m_context.record(fieldPath(key), e->keyNode);
        }
    }
}

void MapReader::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    for (const Entry &e : m_entries) {
        if (!e.consumed)
            m_context.warning("", e.keyNode, "unknown field \"" + fieldPath(e.key) + "\"");
    }
}

} // namespace sim::manifest
