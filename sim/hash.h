#pragma once

#include <cstdint>
#include <string_view>

namespace sim {

/** 64-bit FNV-1a of the bytes: stable across runs and platforms, so what it seeds or files stays the same. */
inline std::uint64_t fnv1a(std::string_view bytes)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

} // namespace sim
