#include "sim/scenario/check.h"

namespace sim::scenario {

const char *checkTypeName(const CheckBody &body)
{
    static constexpr const char *kNames[] = {"share",  "status",      "readyPods",      "endpoints",    "rolloutComplete",
                                             "routeCondition", "errorRate", "noRequestLost", "loadBalancers"};
    static_assert(std::size(kNames) == std::variant_size_v<CheckBody>);
    return kNames[body.index()];
}

} // namespace sim::scenario
