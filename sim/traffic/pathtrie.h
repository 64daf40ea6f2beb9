#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sim::traffic {

/**
 * Path prefixes split into elements ("/a/b" -> a, b), as Gateway API PathPrefix and Ingress Prefix
 * match: "/foo" matches "/foo", "/foo/" and "/foo/bar", never "/foobar"; a trailing "/" is ignored.
 * Each node holds the ids of the items whose prefix ends there, in the order they were added (or as
 * sortItems ordered them).
 */
class PathTrie {
public:
    static constexpr std::size_t kMaxDepth = 64;

    PathTrie();
    /** Adds an item under a prefix. */
    void insert(std::string_view prefix, std::uint32_t item);
    /** Orders each node's items with `before` (a strict weak order), keeping the insertion order of ties. */
    template <class Less>
    void sortItems(Less before)
    {
        for (std::vector<std::uint32_t> &items : m_items)
            std::stable_sort(items.begin(), items.end(), before);
    }
    /**
     * Nodes whose prefix matches the path, from the root (prefix "/") to the deepest, written to out.
     * Returns how many; paths deeper than kMaxDepth elements match up to that depth.
     */
    std::size_t matchChain(std::string_view path, std::uint32_t *out) const;
    std::span<const std::uint32_t> items(std::uint32_t node) const { return m_items[node]; }
    std::size_t nodeCount() const { return m_items.size(); }

private:
    // Every parent -> child step of the trie in one open-addressing table keyed by (parent, element):
    // a look-up is one hash and usually one cache line, however many children a node has. Elements of up
    // to kInline characters are kept in the edge itself; longer ones in m_longKeys.
    static constexpr std::size_t kInline = 16;
    struct Edge {
        std::uint32_t parent = 0;
        std::uint32_t child = 0;  // 0: empty slot (the root is nobody's child)
        std::uint32_t hash = 0;
        std::uint32_t length = 0;
        char text[kInline] = {};  // the element when length <= kInline, else its offset in m_longKeys
    };

    static std::uint32_t hashOf(std::uint32_t parent, std::string_view element);
    std::uint32_t findChild(std::uint32_t parent, std::string_view element, std::uint32_t hash) const;
    std::string_view keyOf(const Edge &edge) const;
    void place(const Edge &edge);
    void grow();

    std::vector<Edge> m_edges;  // size a power of two, at most half full
    std::string m_longKeys;
    std::vector<std::vector<std::uint32_t>> m_items;  // by node
};

/** Element-wise prefix match, the way PathTrie indexes it, for one prefix on its own. */
inline bool matchesPathPrefix(std::string_view prefix, std::string_view path)
{
    while (prefix.size() > 1 && prefix.back() == '/')
        prefix.remove_suffix(1);
    if (prefix == "/")
        return true;
    return path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

/** Calls f(element) for each non-empty element of a path. Returns false if f does. */
template <class F>
bool forEachPathElement(std::string_view path, F &&f)
{
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos)
            end = path.size();
        if (end > start && !f(path.substr(start, end - start)))
            return false;
        start = end + 1;
    }
    return true;
}

} // namespace sim::traffic
