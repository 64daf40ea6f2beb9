#include "sim/controllers/podipallocator.h"

#include <charconv>

namespace sim::controllers {

std::optional<std::uint32_t> PodIpAllocator::parseIPv4(const std::string &text)
{
    std::uint32_t out = 0;
    const char *p = text.data();
    const char *end = text.data() + text.size();
    for (int part = 0; part < 4; ++part) {
        unsigned value = 0;
        auto [next, ec] = std::from_chars(p, end, value);
        if (ec != std::errc() || next == p || value > 255)
            return std::nullopt;
        out = (out << 8) | value;
        p = next;
        if (part < 3) {
            if (p == end || *p != '.')
                return std::nullopt;
            ++p;
        }
    }
    if (p != end)
        return std::nullopt;
    return out;
}

std::string PodIpAllocator::formatIPv4(std::uint32_t a)
{
    return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 0xff) + "." + std::to_string((a >> 8) & 0xff) +
           "." + std::to_string(a & 0xff);
}

std::optional<std::string> PodIpAllocator::allocate(const std::string &node, const std::string &podCIDR)
{
    const std::size_t slash = podCIDR.find('/');
    if (slash == std::string::npos)
        return std::nullopt;
    std::optional<std::uint32_t> base = parseIPv4(podCIDR.substr(0, slash));
    unsigned prefix = 0;
    const char *begin = podCIDR.data() + slash + 1;
    auto [end, ec] = std::from_chars(begin, podCIDR.data() + podCIDR.size(), prefix);
    if (!base || ec != std::errc() || end != podCIDR.data() + podCIDR.size() || prefix < 8 || prefix > 30)
        return std::nullopt;
    const std::uint32_t size = 1u << (32 - prefix);
    Range &range = m_ranges[node];
    range.hostMask = size - 1;
    // Usable offsets are 2 .. size-2 (network, bridge and broadcast excluded).
    const std::uint32_t usable = size - 3;
    if (range.used.size() >= usable)
        return std::nullopt;
    while (true) {
        if (range.next < 2 || range.next > size - 2)
            range.next = 2;
        const std::uint32_t offset = range.next++;
        if (range.used.insert(offset).second)
            return formatIPv4((*base & ~(size - 1)) + offset);
    }
}

void PodIpAllocator::release(const std::string &node, const std::string &ip)
{
    auto it = m_ranges.find(node);
    std::optional<std::uint32_t> address = parseIPv4(ip);
    if (it != m_ranges.end() && address)
        it->second.used.erase(*address & it->second.hostMask);
}

} // namespace sim::controllers
