#include "sim/api/pod.h"

namespace sim::api {

bool Pod::isReady() const
{
    const Condition *ready = findCondition(status.conditions, "Ready");
    return ready && ready->status == "True";
}

} // namespace sim::api
