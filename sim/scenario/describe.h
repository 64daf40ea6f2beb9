#pragma once

#include "sim/scenario/action.h"
#include "sim/scenario/check.h"

#include <string>

namespace sim::scenario {

/** One line saying what an action does, as the trace and the lesson panel print it. */
std::string describeAction(const ActionBody &action);
/** What a check expects, as the report's "expected" column prints it. */
std::string describeExpected(const CheckBody &check);
/** "GET http://example.com/api via gateway default/web" */
std::string describeRequest(const RequestSpec &request);
/** A share as a percentage with one decimal: "12.5%". */
std::string formatShare(double share);

} // namespace sim::scenario
