#include "sim/console/deletecommand.h"

#include "sim/console/objectquery.h"
#include "sim/console/selectorparser.h"
#include "sim/simulation.h"

namespace sim::console {
namespace {

struct Target {
    api::Kind kind;
    std::string ns;
    std::string name;
};

void deleteTargets(CommandContext &context, const std::vector<Target> &targets, CommandResult &result)
{
    for (const Target &t : targets)
        result.append(fromSimulation(context.simulation.deleteObject(t.kind, t.ns, t.name)));
}

} // namespace

FlagSet DeleteCommand::flags() const
{
    FlagSet flags;
    flags.addList("filename", 'f', "PATH", "Delete the objects these manifests describe.");
    flags.addString("selector", 'l', "SELECTOR", "Delete the objects of the type whose labels match.");
    flags.addBool("all", 0, "Delete every object of the type in the namespace.");
    return flags;
}

CommandResult DeleteCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    CommandResult result;
    std::vector<Target> targets;
    if (args.has("filename")) {
        if (!args.positional.empty())
            return usageError(name(), "when paths are given with -f, no resource type or name is accepted");
        manifest::LoadResult loaded = loadManifests(context, args.values("filename"), result);
        for (const manifest::Document &doc : loaded.documents) {
            const api::Object &o = doc.object;
            targets.push_back({o.kind(), o.info().namespaced ? o.metadata.namespace_ : "", o.metadata.name});
        }
        deleteTargets(context, targets, result);
        return result;
    }
    ResourceArgs resources = parseResourceArgs(args.positional);
    if (resources.ok() && resources.wantsEvents)
        resources.error = "error: events are deleted by the cluster when they expire";
    if (!resources.ok()) {
        result.fail(resources.isUsageError ? kExitUsage : kExitInvalidInput, resources.error);
        return result;
    }
    std::string selectorError;
    const std::optional<api::LabelSelector> selector = selectorFlag(args, selectorError);
    if (!selectorError.empty())
        return usageError(name(), selectorError);
    bool hasNames = false;
    for (const ResourceRequest &r : resources.requests)
        hasNames = hasNames || !r.names.empty();
    if (hasNames && (selector || args.isSet("all")))
        return usageError(name(), "name cannot be provided when a selector or --all is specified");
    if (!hasNames && !selector && !args.isSet("all"))
        return usageError(name(), "resource(s) were provided, but no name was specified");
    QueryResult query = queryObjects(context.simulation.store(), resources.requests, context.namespace_,
                                     selector ? &*selector : nullptr);
    for (const std::string &error : query.errors)
        result.fail(kExitInvalidInput, error);
    for (const ObjectGroup &group : query.groups) {
        for (const api::ObjectPtr &o : group.objects)
            targets.push_back({o->kind(), o->metadata.namespace_, o->metadata.name});
    }
    if (targets.empty() && query.errors.empty())
        result.err += noResourcesFound(context.namespace_, true) + "\n";
    deleteTargets(context, targets, result);
    return result;
}

} // namespace sim::console
