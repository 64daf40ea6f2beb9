#include "sim/traffic/pathtrie.h"

#include <cstring>

namespace sim::traffic {

PathTrie::PathTrie() : m_edges(16), m_items(1) {}

std::uint32_t PathTrie::hashOf(std::uint32_t parent, std::string_view element)
{
    // FNV-1a over the parent id and the element: elements are short, so a byte loop is cheap.
    std::uint64_t h = 0xcbf29ce484222325ULL ^ parent;
    for (unsigned char c : element) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

std::string_view PathTrie::keyOf(const Edge &edge) const
{
    if (edge.length <= kInline)
        return {edge.text, edge.length};
    std::uint32_t offset = 0;
    std::memcpy(&offset, edge.text, sizeof offset);
    return std::string_view(m_longKeys).substr(offset, edge.length);
}

std::uint32_t PathTrie::findChild(std::uint32_t parent, std::string_view element, std::uint32_t hash) const
{
    const std::size_t mask = m_edges.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Edge &edge = m_edges[i];
        if (edge.child == 0)
            return 0;
        if (edge.hash == hash && edge.parent == parent && edge.length == element.size() && keyOf(edge) == element)
            return edge.child;
    }
}

void PathTrie::place(const Edge &edge)
{
    const std::size_t mask = m_edges.size() - 1;
    std::size_t i = edge.hash & mask;
    while (m_edges[i].child != 0)
        i = (i + 1) & mask;
    m_edges[i] = edge;
}

void PathTrie::grow()
{
    std::vector<Edge> old(m_edges.size() * 2);
    old.swap(m_edges);
    for (const Edge &edge : old) {
        if (edge.child != 0)
            place(edge);
    }
}

void PathTrie::insert(std::string_view prefix, std::uint32_t item)
{
    std::uint32_t node = 0;
    forEachPathElement(prefix, [&](std::string_view element) {
        std::uint32_t hash = hashOf(node, element);
        if (std::uint32_t child = findChild(node, element, hash)) {
            node = child;
            return true;
        }
        // Keep the table at most half full so that probes stay short.
        if (2 * m_items.size() >= m_edges.size())
            grow();
        Edge edge;
        edge.parent = node;
        edge.child = static_cast<std::uint32_t>(m_items.size());
        edge.hash = hash;
        edge.length = static_cast<std::uint32_t>(element.size());
        if (element.size() <= kInline) {
            std::memcpy(edge.text, element.data(), element.size());
        } else {
            auto offset = static_cast<std::uint32_t>(m_longKeys.size());
            m_longKeys.append(element);
            std::memcpy(edge.text, &offset, sizeof offset);
        }
        place(edge);
        m_items.emplace_back();
        node = edge.child;
        return true;
    });
    m_items[node].push_back(item);
}

std::size_t PathTrie::matchChain(std::string_view path, std::uint32_t *out) const
{
    std::size_t count = 0;
    std::uint32_t node = 0;
    out[count++] = 0;
    forEachPathElement(path, [&](std::string_view element) {
        if (count == kMaxDepth)
            return false;
        node = findChild(node, element, hashOf(node, element));
        if (node == 0)
            return false;
        out[count++] = node;
        return true;
    });
    return count;
}

} // namespace sim::traffic
