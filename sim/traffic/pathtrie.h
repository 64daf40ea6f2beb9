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
 * Each node holds the ids of the items whose prefix ends there. finish() orders them and packs every
 * node's items into one array; call it once, after the last insert and before matching.
 */
class PathTrie {
public:
    static constexpr std::size_t kMaxDepth = 64;

    /** A node's items: positions [first, first + count) of items(). */
    struct Range {
        std::uint32_t first = 0;
        std::uint32_t count = 0;
    };

    PathTrie();
    /** Adds an item under a prefix. */
    void insert(std::string_view prefix, std::uint32_t item);
    /** Orders each node's items with `before` (a strict weak order, ties in insertion order) and packs them. */
    template <class Less>
    void finish(Less before)
    {
        std::vector<Added> sorted = m_added;
        std::stable_sort(sorted.begin(), sorted.end(), [&](const Added &a, const Added &b) {
            return a.node != b.node ? a.node < b.node : before(a.item, b.item);
        });
        pack(sorted);
    }
    /** Packs the items in insertion order. */
    void finish()
    {
        finish([](std::uint32_t, std::uint32_t) { return false; });
    }
    /**
     * Nodes whose prefix matches the path, from the root (prefix "/") to the deepest, written to out as
     * entries for range() and items(). Returns how many; paths deeper than kMaxDepth elements match up
     * to that depth.
     */
    std::size_t matchChain(std::string_view path, std::uint32_t *out) const;
    /** The items of a matchChain() entry. */
    Range range(std::uint32_t entry) const
    {
        // A leaf's step holds its items' place itself: no read of the offsets (see finish()).
        if (entry & kDirect)
            return {entry & kDirectFirstMask, (entry >> kDirectCountShift) & kMaxDirectCount};
        if (entry + 1 >= m_offsets.size())
            return {};
        return {m_offsets[entry], m_offsets[entry + 1] - m_offsets[entry]};
    }
    /** Every item, node by node, each node's in finish() order. */
    std::span<const std::uint32_t> items() const { return m_packed; }
    std::span<const std::uint32_t> items(std::uint32_t entry) const
    {
        Range r = range(entry);
        return items().subspan(r.first, r.count);
    }
    std::size_t nodeCount() const { return m_nodeCount; }

private:
    // Every parent -> child step of the trie in one open-addressing table of 16-byte edges keyed by
    // (parent, element): a look-up is one hash and one cache line, however many children a node has.
    // Elements of up to kInline characters sit in the edge itself, longer ones in m_longKeys.
    static constexpr std::size_t kInline = 8;
    static constexpr std::uint32_t kLongKey = 1u << 31;      // in Edge::parent: key is (offset << 32 | length) in m_longKeys
    static constexpr int kLengthShift = 27;                  // in Edge::parent: an inline element's length
    static constexpr std::uint32_t kNodeMask = (1u << kLengthShift) - 1;
    static constexpr std::uint32_t kHasChildren = 1u << 31;  // in Edge::child: matching goes on below the child
    // In Edge::child once finished, for a child without children whose items fit: kDirect, their count and where
    // they start in m_packed, so that the walk's last step gives the candidates without reading m_offsets.
    static constexpr std::uint32_t kDirect = 1u << 30;
    static constexpr int kDirectCountShift = 26;
    static constexpr std::uint32_t kMaxDirectCount = 15;
    static constexpr std::uint32_t kDirectFirstMask = (1u << kDirectCountShift) - 1;
    struct Edge {
        std::uint32_t parent = 0;  // parent node id, kLongKey and the inline length
        std::uint32_t child = 0;   // 0: empty slot (the root is nobody's child); kHasChildren, or kDirect
        std::uint64_t key = 0;     // the element's characters, zero-padded, when inline
    };
    // What a look-up of one element under one parent compares and where it starts.
    struct Probe {
        std::uint32_t parent = 0;
        std::uint64_t key = 0;
        std::uint64_t hash = 0;
        std::string_view element;
    };
    struct Added {
        std::uint32_t node = 0;
        std::uint32_t item = 0;
    };

    static Probe probeOf(std::uint32_t parent, std::string_view element);
    std::string_view elementOf(const Edge &edge) const;
    bool isSame(const Edge &edge, const Probe &probe) const;
    std::size_t slotOf(const Probe &probe) const;  // the edge's slot, or the empty slot where it would go
    void place(const Edge &edge);
    void grow();
    std::uint32_t addChild(const Probe &probe);
    void pack(const std::vector<Added> &sorted);

    std::vector<Edge> m_edges;  // size a power of two, at most half full
    std::string m_longKeys;
    std::uint32_t m_nodeCount = 1;
    std::vector<Added> m_added;           // as inserted
    std::vector<std::uint32_t> m_offsets;  // by node, then one past the last: where its items start in m_packed
    std::vector<std::uint32_t> m_packed;
    bool m_finished = false;
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
