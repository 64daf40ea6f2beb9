#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sim::traffic {

/**
 * A string of N bytes that keeps up to N - 1 characters inside itself and longer ones on the heap.
 * HttpRequest's fields use it so that routing a request reads the request's own cache lines and not one
 * heap block per field (std::string keeps only 15 characters inline; hosts and paths are usually longer).
 * It converts to std::string_view and std::string, compares with strings and concatenates with them.
 */
template <std::size_t N>
class InlineString {
    // The last byte is the length when inline (at most N - 1 < kOnHeap), or kOnHeap; on the heap the first
    // bytes hold the pointer and a 32-bit length (so that 16 bytes are enough).
    using HeapSize = std::uint32_t;
    static_assert(N > sizeof(char *) + sizeof(HeapSize) && N <= 128, "room for the heap pointer and length, length in one byte");
    static constexpr unsigned char kOnHeap = 0xFF;

public:
    /** The most characters kept inline. */
    static constexpr std::size_t kInlineCapacity = N - 1;

    InlineString() noexcept { setInlineSize(0); }
    InlineString(std::string_view s) { assign(s); }
    InlineString(const std::string &s) { assign(s); }
    InlineString(const char *s) { assign(s); }
    InlineString(const InlineString &other) { assign(other.view()); }
    InlineString(InlineString &&other) noexcept { take(other); }
    ~InlineString() { release(); }

    InlineString &operator=(const InlineString &other) { return *this = other.view(); }
    InlineString &operator=(InlineString &&other) noexcept
    {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    // A copy first: s may point into this string (path = path.substr(1)).
    InlineString &operator=(std::string_view s) { return *this = InlineString(s); }
    InlineString &operator=(const std::string &s) { return *this = std::string_view(s); }
    InlineString &operator=(const char *s) { return *this = std::string_view(s); }
    InlineString &operator+=(std::string_view s) { return *this = str().append(s); }

    const char *data() const noexcept { return isInline() ? m_bytes : heapPointer(); }
    std::size_t size() const noexcept { return isInline() ? static_cast<unsigned char>(m_bytes[N - 1]) : heapSize(); }
    bool empty() const noexcept { return size() == 0; }
    /** Whether the characters are kept inside the object (no heap read). */
    bool isInline() const noexcept { return static_cast<unsigned char>(m_bytes[N - 1]) != kOnHeap; }
    std::string_view view() const noexcept { return {data(), size()}; }
    operator std::string_view() const noexcept { return view(); }
    // Implicit as well, so that the request's fields pass where a std::string is taken, as they did before.
    operator std::string() const { return str(); }
    std::string str() const { return std::string(view()); }

    friend bool operator==(const InlineString &a, const InlineString &b) noexcept { return a.view() == b.view(); }
    friend bool operator==(const InlineString &a, std::string_view b) noexcept { return a.view() == b; }
    friend bool operator==(const InlineString &a, const std::string &b) noexcept { return a.view() == b; }
    friend bool operator==(const InlineString &a, const char *b) noexcept { return a.view() == b; }
    friend std::string operator+(std::string a, const InlineString &b) { return a.append(b.view()); }
    friend std::string operator+(const char *a, const InlineString &b) { return std::string(a).append(b.view()); }
    friend std::string operator+(const InlineString &a, std::string_view b) { return a.str().append(b); }
    friend std::string operator+(const InlineString &a, const std::string &b) { return a.str().append(b); }
    friend std::string operator+(const InlineString &a, const char *b) { return a.str().append(b); }

private:
    void setInlineSize(std::size_t size) noexcept { m_bytes[N - 1] = static_cast<char>(size); }

    char *heapPointer() const noexcept
    {
        char *p;
        std::memcpy(&p, m_bytes, sizeof p);
        return p;
    }

    std::size_t heapSize() const noexcept
    {
        HeapSize size;
        std::memcpy(&size, m_bytes + sizeof(char *), sizeof size);
        return size;
    }

    // Only on a string that owns nothing (new, released or moved from).
    void assign(std::string_view s)
    {
        if (s.size() <= kInlineCapacity) {
            // An empty view may have a null data(): memcpy from null is undefined even for 0 bytes.
            if (!s.empty())
                std::memcpy(m_bytes, s.data(), s.size());
            setInlineSize(s.size());
            return;
        }
        if (s.size() > std::numeric_limits<HeapSize>::max())
            throw std::length_error("InlineString: longer than 4 GiB");
        char *p = new char[s.size()];
        std::memcpy(p, s.data(), s.size());
        auto size = static_cast<HeapSize>(s.size());
        std::memcpy(m_bytes, &p, sizeof p);
        std::memcpy(m_bytes + sizeof p, &size, sizeof size);
        m_bytes[N - 1] = static_cast<char>(kOnHeap);
    }

    void take(InlineString &other) noexcept
    {
        std::memcpy(m_bytes, other.m_bytes, N);
        other.setInlineSize(0);
    }

    void release() noexcept
    {
        if (!isInline())
            delete[] heapPointer();
        setInlineSize(0);
    }

    char m_bytes[N];
};

} // namespace sim::traffic
