#pragma once

#include <cstdint>

namespace sim::metrics {

/** A confidence interval for an observed share. */
struct ShareInterval {
    double low = 0;
    double high = 0;

    /** Wilson score interval for `hits` out of `total` at the given z (1.96 for 95 %, 3.29 for 99.9 %). */
    static ShareInterval wilson(std::uint64_t hits, std::uint64_t total, double z = 1.959963984540054);
    bool contains(double share) const { return share >= low && share <= high; }
};

} // namespace sim::metrics
