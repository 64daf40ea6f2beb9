#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim::traffic {

/**
 * HTTP header fields in arrival order. Names are stored lower-case (HTTP/2 style), so lookups ignore case.
 * The first kInlineFields fields are kept inside the object, more move together to the heap: routing a
 * request with a header match then reads the request's own cache lines, not a heap block of its own.
 */
class HttpHeaders {
public:
    using Field = std::pair<std::string, std::string>;
    /** How many fields are kept inside the object. */
    static constexpr std::size_t kInlineFields = 2;

    /** The first value of a header, or nullptr. */
    const std::string *get(std::string_view name) const;
    bool has(std::string_view name) const { return get(name) != nullptr; }
    /** Replaces every value of the header with one value. */
    void set(std::string_view name, std::string value);
    /** Appends a value; an existing header gets it joined with ", " as proxies do. */
    void add(std::string_view name, std::string value);
    void remove(std::string_view name);
    /** Every field, in arrival order. */
    std::span<const Field> fields() const
    {
        return isOnHeap() ? std::span<const Field>(m_heap) : std::span<const Field>(m_inline.data(), m_inlineCount);
    }
    bool isOnHeap() const { return !m_heap.empty(); }
    bool empty() const { return fields().empty(); }
    bool operator==(const HttpHeaders &other) const { return std::ranges::equal(fields(), other.fields()); }

    /** Lower-cases a header name. */
    static std::string normalize(std::string_view name);

private:
    std::span<Field> mutableFields() { return isOnHeap() ? std::span<Field>(m_heap) : std::span<Field>(m_inline.data(), m_inlineCount); }
    void append(std::string name, std::string value);

    // The fields are m_heap's when it is not empty, else the first m_inlineCount of m_inline (the rest empty).
    std::uint8_t m_inlineCount = 0;
    std::vector<Field> m_heap;
    std::array<Field, kInlineFields> m_inline;
};

} // namespace sim::traffic
