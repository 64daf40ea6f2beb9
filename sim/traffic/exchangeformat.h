#pragma once

#include "sim/traffic/exchange.h"

#include <string>

namespace sim::traffic {

/** How `kubesim request` and the console's `curl` print one exchange. */
class ExchangeFormat {
public:
    /** The JSON shape of `kubesim request -o json` (issue 3), header names lower-case. */
    static std::string toJson(const Exchange &exchange);
    /** The response line ("in flight" while the story is not complete), the trace, then what the echo backend saw. */
    static std::string toText(const Exchange &exchange);
};

} // namespace sim::traffic
