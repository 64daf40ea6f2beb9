#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

namespace sim::controllers {

/**
 * host-local IPAM, as a CNI plugin runs it on each node: pod addresses from the node's podCIDR,
 * handed out in order starting at .2 (.1 is the bridge), wrapping around, never one in use.
 */
class PodIpAllocator {
public:
    /** The next free address of the node's range; nullopt when the CIDR is invalid or the range is full. */
    std::optional<std::string> allocate(const std::string &node, const std::string &podCIDR);
    void release(const std::string &node, const std::string &ip);

    /** Parses "a.b.c.d" into a host-order integer. */
    static std::optional<std::uint32_t> parseIPv4(const std::string &text);
    static std::string formatIPv4(std::uint32_t address);

private:
    struct Range {
        std::uint32_t next = 2;  // offset within the CIDR
        std::uint32_t hostMask = 0xff;
        std::set<std::uint32_t> used;
    };
    std::unordered_map<std::string, Range> m_ranges;
};

} // namespace sim::controllers
