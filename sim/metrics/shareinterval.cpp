#include "sim/metrics/shareinterval.h"

#include <algorithm>
#include <cmath>

namespace sim::metrics {

ShareInterval ShareInterval::wilson(std::uint64_t hits, std::uint64_t total, double z)
{
    if (total == 0)
        return ShareInterval{0.0, 1.0};
    const double n = static_cast<double>(total);
    const double p = static_cast<double>(hits) / n;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return ShareInterval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

} // namespace sim::metrics
