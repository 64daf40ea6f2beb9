#include "sim/console/eventscommand.h"

#include "sim/console/eventprinter.h"
#include "sim/console/resourceargs.h"
#include "sim/simulation.h"

#include <algorithm>

namespace sim::console {

FlagSet EventsCommand::flags() const
{
    FlagSet flags;
    flags.addBool("all-namespaces", 'A', "List the events of every namespace.");
    flags.addString("for", 0, "TYPE/NAME", "Only the events about this object, e.g. --for pod/web-1.");
    flags.addList("types", 0, "TYPES", "Only these event types: Normal, Warning.");
    flags.addBool("no-headers", 0, "Leave out the header line.");
    return flags;
}

CommandResult EventsCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    CommandResult result;
    if (!args.positional.empty())
        return usageError(name(), "unexpected argument \"" + args.positional.front() + "\"; use --for TYPE/NAME");
    std::optional<std::string> scope;
    if (!args.isSet("all-namespaces"))
        scope = context.namespace_;
    std::vector<const controllers::Event *> events = eventsIn(context.simulation.events().events(), scope);
    if (args.has("for")) {
        const std::string target = args.value("for");
        std::size_t slash = target.find('/');
        api::Kind kind;
        if (slash == std::string::npos || slash == 0 || slash + 1 == target.size())
            return usageError(name(), "--for must be TYPE/NAME, e.g. --for pod/web-1");
        if (!resolveKind(target.substr(0, slash), kind)) {
            result.fail(kExitInvalidInput, unknownTypeError(target.substr(0, slash)));
            return result;
        }
        std::string objectName = target.substr(slash + 1);
        std::erase_if(events, [&](const controllers::Event *e) {
            return e->involvedObject.kind != kind || e->involvedObject.name != objectName;
        });
    }
    if (args.has("types")) {
        std::vector<std::string> types = args.values("types");
        for (const std::string &t : types) {
            if (t != "Normal" && t != "Warning")
                return usageError(name(), "valid --types are Normal or Warning");
        }
        std::erase_if(events, [&](const controllers::Event *e) {
            return std::find(types.begin(), types.end(), e->type) == types.end();
        });
    }
    if (events.empty()) {
        result.err += scope ? "No events found in " + *scope + " namespace.\n" : "No events found.\n";
        return result;
    }
    result.out = eventsTable(events, context.simulation.engine().now(), !scope).render(args.isSet("no-headers"));
    return result;
}

} // namespace sim::console
