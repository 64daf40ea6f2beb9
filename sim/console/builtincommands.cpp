#include "sim/console/commandtable.h"

#include "sim/console/applycommand.h"
#include "sim/console/deletecommand.h"
#include "sim/console/describecommand.h"
#include "sim/console/eventscommand.h"
#include "sim/console/getcommand.h"
#include "sim/console/lintcommand.h"
#include "sim/console/requestcommand.h"
#include "sim/console/rolloutcommand.h"
#include "sim/console/scalecommand.h"
#include "sim/console/setcommand.h"
#include "sim/console/trafficcommand.h"

namespace sim::console {

CommandTable builtinCommands()
{
    CommandTable table;
    table.add<GetCommand>();
    table.add<DescribeCommand>();
    table.add<EventsCommand>();
    table.add<ApplyCommand>();
    table.add<DeleteCommand>();
    table.add<ScaleCommand>();
    table.add<SetCommand>();
    table.add<RolloutCommand>();
    table.add<LintCommand>();
    table.add<RequestCommand>();
    table.add(std::make_unique<RequestCommand>("curl"));
    table.add<TrafficCommand>();
    return table;
}

} // namespace sim::console
