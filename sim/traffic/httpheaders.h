#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim::traffic {

/** HTTP header fields in arrival order. Names are stored lower-case (HTTP/2 style), so lookups ignore case. */
class HttpHeaders {
public:
    using Field = std::pair<std::string, std::string>;

    /** The first value of a header, or nullptr. */
    const std::string *get(std::string_view name) const;
    bool has(std::string_view name) const { return get(name) != nullptr; }
    /** Replaces every value of the header with one value. */
    void set(std::string_view name, std::string value);
    /** Appends a value; an existing header gets it joined with ", " as proxies do. */
    void add(std::string_view name, std::string value);
    void remove(std::string_view name);
    const std::vector<Field> &fields() const { return m_fields; }
    bool empty() const { return m_fields.empty(); }
    bool operator==(const HttpHeaders &) const = default;

    /** Lower-cases a header name. */
    static std::string normalize(std::string_view name);

private:
    std::vector<Field> m_fields;
};

} // namespace sim::traffic
