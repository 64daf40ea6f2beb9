#include "sim/console/scalecommand.h"

#include "sim/console/resourceargs.h"
#include "sim/simulation.h"

#include <limits>

namespace sim::console {

FlagSet ScaleCommand::flags() const
{
    FlagSet flags;
    flags.addInt("replicas", "COUNT", "The new number of replicas (required).", "-1");
    return flags;
}

CommandResult ScaleCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    if (!args.has("replicas"))
        return usageError(name(), "required flag(s) \"replicas\" not set");
    const std::int64_t replicas = args.intValue("replicas");
    if (replicas < 0 || replicas > std::numeric_limits<std::int32_t>::max())
        return usageError(name(), "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    ResourceArgs resources = parseResourceArgs(args.positional);
    CommandResult result;
    if (!resources.ok()) {
        result.fail(resources.isUsageError ? kExitUsage : kExitInvalidInput, resources.error);
        return result;
    }
    bool named = false;
    for (const ResourceRequest &r : resources.requests)
        named = named || !r.names.empty();
    if (!named)
        return usageError(name(), "resource(s) were provided, but no name was specified");
    for (const ResourceRequest &r : resources.requests) {
        for (const std::string &n : r.names)
            result.append(fromSimulation(context.simulation.scale(r.kind, context.namespace_, n, static_cast<int>(replicas))));
    }
    return result;
}

} // namespace sim::console
