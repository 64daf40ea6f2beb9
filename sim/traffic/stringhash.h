#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sim::traffic {

/** Transparent string hash, so hash maps keyed by std::string are looked up with a string_view without copying. */
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/** A hash map keyed by string that accepts string_view look-ups. */
template <class T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

} // namespace sim::traffic
