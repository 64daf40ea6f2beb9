#include "sim/console/commandtable.h"

#include "sim/console/getcommand.h"

namespace sim::console {

CommandTable builtinCommands()
{
    CommandTable table;
    table.add<GetCommand>();
    return table;
}

} // namespace sim::console
