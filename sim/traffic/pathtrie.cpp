#include "sim/traffic/pathtrie.h"

#include "sim/hash.h"

#include <cstring>
#include <stdexcept>

namespace sim::traffic {
namespace {

std::uint64_t mix(std::uint64_t h)
{
    // A 64-bit finalizer (MurmurHash3's): every input bit moves about half the output bits.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

} // namespace

PathTrie::PathTrie() : m_edges(16) {}

PathTrie::Probe PathTrie::probeOf(std::uint32_t parent, std::string_view element)
{
    Probe p;
    p.element = element;
    if (element.size() <= kInline) {
        // The length is part of the compared word, so "a" and "a\0" stay apart although both pad alike.
        p.parent = parent | static_cast<std::uint32_t>(element.size() << kLengthShift);
        std::memcpy(&p.key, element.data(), element.size());
        p.hash = mix(p.key ^ (static_cast<std::uint64_t>(p.parent) << 32));
    } else {
        p.parent = parent | kLongKey;
        p.hash = mix(fnv1a(element) ^ (static_cast<std::uint64_t>(p.parent) << 32));
    }
    return p;
}

std::string_view PathTrie::elementOf(const Edge &edge) const
{
    if (edge.parent & kLongKey)
        return std::string_view(m_longKeys).substr(edge.key >> 32, edge.key & 0xffffffffu);
    return {reinterpret_cast<const char *>(&edge.key), (edge.parent & ~kLongKey) >> kLengthShift};
}

bool PathTrie::isSame(const Edge &edge, const Probe &probe) const
{
    if (edge.parent != probe.parent)
        return false;
    return (probe.parent & kLongKey) ? elementOf(edge) == probe.element : edge.key == probe.key;
}

std::size_t PathTrie::slotOf(const Probe &probe) const
{
    const std::size_t mask = m_edges.size() - 1;
    std::size_t i = probe.hash & mask;
    while (m_edges[i].child != 0 && !isSame(m_edges[i], probe))
        i = (i + 1) & mask;
    return i;
}

void PathTrie::place(const Edge &edge)
{
    const std::size_t mask = m_edges.size() - 1;
    std::size_t i = probeOf(edge.parent & kNodeMask, elementOf(edge)).hash & mask;
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

std::uint32_t PathTrie::addChild(const Probe &probe)
{
    if (m_nodeCount > kNodeMask)
        throw std::length_error("PathTrie: too many path elements");
    // Keep the table at most half full so that probes stay short.
    if (2 * m_nodeCount >= m_edges.size())
        grow();
    Edge edge;
    edge.parent = probe.parent;
    edge.child = m_nodeCount++;
    if (probe.parent & kLongKey) {
        edge.key = (static_cast<std::uint64_t>(m_longKeys.size()) << 32) | probe.element.size();
        m_longKeys.append(probe.element);
    } else {
        edge.key = probe.key;
    }
    place(edge);
    return edge.child;
}

void PathTrie::insert(std::string_view prefix, std::uint32_t item)
{
    if (m_finished)
        throw std::logic_error("PathTrie: insert after finish");
    std::uint32_t node = 0;
    std::size_t edgeToNode = 0;  // slot of the edge that leads to node (unused for the root)
    forEachPathElement(prefix, [&](std::string_view element) {
        Probe probe = probeOf(node, element);
        std::size_t slot = slotOf(probe);
        if (m_edges[slot].child == 0) {
            // The step to node now leads somewhere: matching must look below it.
            if (node != 0)
                m_edges[edgeToNode].child |= kHasChildren;
            addChild(probe);
            slot = slotOf(probe);  // growing may have moved every edge
        }
        edgeToNode = slot;
        node = m_edges[slot].child & ~kHasChildren;
        return true;
    });
    m_added.push_back({node, item});
}

void PathTrie::pack(const std::vector<Added> &sorted)
{
    m_offsets.assign(m_nodeCount + 1, 0);
    m_packed.clear();
    m_packed.reserve(sorted.size());
    for (const Added &a : sorted) {
        ++m_offsets[a.node + 1];
        m_packed.push_back(a.item);
    }
    for (std::size_t n = 1; n < m_offsets.size(); ++n)
        m_offsets[n] += m_offsets[n - 1];
    for (Edge &edge : m_edges) {
        if (edge.child == 0 || (edge.child & kHasChildren))
            continue;
        const Range r = range(edge.child);
        if (r.count <= kMaxDirectCount && r.first <= kDirectFirstMask)
            edge.child = kDirect | (r.count << kDirectCountShift) | r.first;
    }
    m_finished = true;
}

std::size_t PathTrie::matchChain(std::string_view path, std::uint32_t *out) const
{
    std::size_t count = 0;
    std::uint32_t node = 0;
    bool hasChildren = m_nodeCount > 1;
    out[count++] = 0;
    forEachPathElement(path, [&](std::string_view element) {
        // A node without children ends the walk: the rest of the path cannot match deeper.
        if (!hasChildren || count == kMaxDepth)
            return false;
        const Edge &edge = m_edges[slotOf(probeOf(node, element))];
        if (edge.child == 0)
            return false;
        node = edge.child & ~kHasChildren;
        hasChildren = (edge.child & kHasChildren) != 0;
        out[count++] = node;
        return true;
    });
    return count;
}

} // namespace sim::traffic
