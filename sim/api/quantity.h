#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim::api {

/** A resource quantity ("500m", "2", "128Mi", "1G"), kept exactly in thousandths of its unit. */
struct Quantity {
    std::int64_t milli = 0;  // 1 CPU = 1000; 1 byte = 1000
    std::string text;        // as written, so output shows what the user typed

    /** Parses Kubernetes quantity syntax; nullopt when it is not one. */
    static std::optional<Quantity> parse(std::string_view text);
    static Quantity fromMilli(std::int64_t milli);
    bool operator==(const Quantity &o) const { return milli == o.milli; }
};

} // namespace sim::api
