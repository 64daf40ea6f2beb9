#pragma once

#include "sim/engine/simtime.h"
#include "sim/manifest/diagnostic.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim::scenario {

/**
 * A node of scenario.yaml with its field path ("steps[1].actions[0].scale.replicas") and file, so every
 * reader reports errors as file:line:column, field, and what was expected. Readers return nullopt after
 * recording an error; parsing goes on so the author sees every mistake at once.
 */
class YamlField {
public:
    YamlField(YAML::Node node, std::string path, std::string file, std::vector<manifest::Diagnostic> *diagnostics,
              manifest::SourceLocation fallback = {});

    const std::string &path() const { return m_path; }
    const YAML::Node &node() const { return m_node; }
    bool isDefined() const { return m_node.IsDefined() && !m_node.IsNull(); }
    manifest::SourceLocation location() const;
    void error(const std::string &message) const;

    /** True when a map; records "expected a mapping" otherwise. */
    bool expectMap() const;
    /** Records an error for each key not in `allowed`, and for each key written twice. */
    void allowOnly(std::initializer_list<std::string_view> allowed) const;
    bool has(const std::string &key) const;
    YamlField child(const std::string &key) const;
    /** The items of a sequence; records an error (and returns none) for anything else. */
    std::vector<YamlField> items() const;
    /** The entries of a map in written order. */
    std::vector<std::pair<std::string, YamlField>> entries() const;

    std::optional<std::string> string() const;
    /** A required child string: records "required" when missing. */
    std::optional<std::string> requiredString(const std::string &key) const;
    std::optional<std::int64_t> integer(std::int64_t min, std::int64_t max) const;
    std::optional<double> number(double min, double max) const;
    std::optional<bool> boolean() const;
    std::optional<engine::SimTime> duration() const;
    /** A non-empty object name without '/' (the API server validates the rest when the name is used). */
    std::optional<std::string> objectName() const;
    /** A string from a fixed set, with the set in the error like kubectl's "supported values". */
    std::optional<std::string> oneOf(std::initializer_list<std::string_view> values) const;

private:
    bool expectScalar(const char *expected) const;

    YAML::Node m_node;
    std::string m_path;
    std::string m_file;
    std::vector<manifest::Diagnostic> *m_diagnostics;
    manifest::SourceLocation m_fallback;
};

} // namespace sim::scenario
