#include "sim/traffic/pathtrie.h"

#include <string>

namespace sim::traffic {

PathTrie::PathTrie() : m_nodes(1) {}

void PathTrie::insert(std::string_view prefix, std::uint32_t item)
{
    std::uint32_t node = 0;
    forEachPathElement(prefix, [&](std::string_view element) {
        auto it = m_nodes[node].children.find(element);
        if (it != m_nodes[node].children.end()) {
            node = it->second;
            return true;
        }
        auto child = static_cast<std::uint32_t>(m_nodes.size());
        m_nodes[node].children.emplace(std::string(element), child);
        m_nodes.emplace_back();
        node = child;
        return true;
    });
    m_nodes[node].items.push_back(item);
}

std::size_t PathTrie::matchChain(std::string_view path, std::uint32_t *out) const
{
    std::size_t count = 0;
    std::uint32_t node = 0;
    out[count++] = 0;
    forEachPathElement(path, [&](std::string_view element) {
        if (count == kMaxDepth)
            return false;
        auto it = m_nodes[node].children.find(element);
        if (it == m_nodes[node].children.end())
            return false;
        node = it->second;
        out[count++] = node;
        return true;
    });
    return count;
}

} // namespace sim::traffic
