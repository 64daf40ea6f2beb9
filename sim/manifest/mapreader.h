#pragma once

#include "sim/api/intorstring.h"
#include "sim/api/quantity.h"
#include "sim/manifest/decodecontext.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::manifest {

/**
 * Reads one YAML mapping into typed fields. Every key read or declared known is consumed; finish()
 * warns about the rest as kubectl's strict field validation does (`unknown field "spec.foo"`).
 * Type mismatches are errors; a null value counts as absent, as in Kubernetes.
 */
class MapReader {
public:
    MapReader(DecodeContext &context, const YAML::Node &node, std::string path);

    DecodeContext &context() { return m_context; }
    const std::string &path() const { return m_path; }
    /** "spec.ports" for key "ports" under "spec". */
    std::string fieldPath(std::string_view key) const;
    bool has(std::string_view key) const;
    /** The value under a key (an undefined node when absent or null); marks the key consumed and records its location. */
    YAML::Node value(std::string_view key);

    void read(std::string_view key, std::string &out);
    void read(std::string_view key, std::optional<std::string> &out);
    void read(std::string_view key, std::int32_t &out);
    void read(std::string_view key, std::int64_t &out);
    void read(std::string_view key, std::optional<std::int32_t> &out);
    void read(std::string_view key, std::optional<std::int64_t> &out);
    void read(std::string_view key, bool &out);
    void read(std::string_view key, std::optional<bool> &out);
    void read(std::string_view key, api::IntOrString &out);
    void read(std::string_view key, std::map<std::string, std::string> &out);
    void read(std::string_view key, std::vector<std::string> &out);
    /** A resource list ({cpu: 500m, memory: 128Mi}); entries are located as `resources.requests[cpu]`. */
    void read(std::string_view key, std::map<std::string, api::Quantity> &out);

    /** Reads a nested mapping with f(MapReader &); returns false when the key is absent. */
    template <class F> bool object(std::string_view key, F &&f)
    {
        YAML::Node node = value(key);
        if (!node.IsDefined())
            return false;
        MapReader nested(m_context, node, fieldPath(key));
        f(nested);
        nested.finish();
        return true;
    }

    /** Reads a list of mappings with f(MapReader &item, index); returns false when the key is absent. */
    template <class F> bool objects(std::string_view key, F &&f)
    {
        YAML::Node node = value(key);
        if (!isList(key, node))
            return false;
        for (std::size_t i = 0; i < node.size(); ++i) {
            std::string itemPath = fieldPath(key) + "[" + std::to_string(i) + "]";
            m_context.record(itemPath, node[i]);
            MapReader item(m_context, node[i], itemPath);
            f(item, i);
            item.finish();
        }
        return true;
    }

    /** Fields Kubernetes defines that kubesim does not model: accepted without a warning, not kept. */
    void ignore(std::initializer_list<std::string_view> keys);
    /** Warns once per key nobody read or declared known. */
    void finish();

private:
    struct Entry {
        std::string key;
        YAML::Node keyNode;
        YAML::Node value;
        bool consumed = false;
    };
    Entry *find(std::string_view key);
    const Entry *find(std::string_view key) const;
    bool isList(std::string_view key, const YAML::Node &node);
    template <class Int> void readInt(std::string_view key, Int &out);
    template <class Int> void readInt(std::string_view key, std::optional<Int> &out);
    std::optional<std::string> scalarString(const std::string &path, const YAML::Node &node);
    std::optional<std::int64_t> scalarInt(const std::string &path, const YAML::Node &node, std::int64_t min,
                                          std::int64_t max);
    std::optional<bool> scalarBool(const std::string &path, const YAML::Node &node);

    DecodeContext &m_context;
    std::string m_path;
    std::vector<Entry> m_entries;
    bool m_finished = false;
};

/** kubectl-style rendering of a scalar in a message: quoted strings, bare numbers. */
std::string quoteValue(const YAML::Node &node);

} // namespace sim::manifest
