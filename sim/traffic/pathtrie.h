#pragma once

#include "sim/traffic/stringhash.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace sim::traffic {

/**
 * Path prefixes split into elements ("/a/b" -> a, b), as Gateway API PathPrefix and Ingress Prefix
 * match: "/foo" matches "/foo", "/foo/" and "/foo/bar", never "/foobar"; a trailing "/" is ignored.
 * Each node holds the ids of the items whose prefix ends there, in the order they were added.
 */
class PathTrie {
public:
    static constexpr std::size_t kMaxDepth = 64;

    PathTrie();
    /** Adds an item under a prefix. */
    void insert(std::string_view prefix, std::uint32_t item);
    /**
     * Nodes whose prefix matches the path, from the root (prefix "/") to the deepest, written to out.
     * Returns how many; paths deeper than kMaxDepth elements match up to that depth.
     */
    std::size_t matchChain(std::string_view path, std::uint32_t *out) const;
    const std::vector<std::uint32_t> &items(std::uint32_t node) const { return m_nodes[node].items; }
    std::vector<std::uint32_t> &items(std::uint32_t node) { return m_nodes[node].items; }
    std::size_t nodeCount() const { return m_nodes.size(); }

private:
    struct Node {
        StringMap<std::uint32_t> children;
        std::vector<std::uint32_t> items;
    };
    std::vector<Node> m_nodes;
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
