#include "sim/scenario/action.h"

namespace sim::scenario {

const char *actionTypeName(const ActionBody &body)
{
    static constexpr const char *kNames[] = {"apply",        "delete",    "scale",     "setWeights",    "setCanaryWeight",
                                             "setImage",     "startTraffic", "stopTraffic", "killPod", "failReadiness",
                                             "crashLoop",    "drainNode", "failNode",  "wait"};
    static_assert(std::size(kNames) == std::variant_size_v<ActionBody>);
    return kNames[body.index()];
}

} // namespace sim::scenario
