#include "sim/console/describecommand.h"

#include "sim/console/describer.h"
#include "sim/console/objectquery.h"
#include "sim/console/selectorparser.h"
#include "sim/simulation.h"

namespace sim::console {
namespace {

// kubectl describe TYPE NAME falls back to every object whose name starts with NAME.
std::vector<api::ObjectPtr> byPrefix(const store::Store &store, api::Kind kind, const std::optional<std::string> &ns,
                                     const std::string &prefix)
{
    std::vector<api::ObjectPtr> out;
    for (const api::ObjectPtr &o : store.list(kind, api::kindInfo(kind).namespaced ? ns : std::nullopt)) {
        if (o->metadata.name.rfind(prefix, 0) == 0)
            out.push_back(o);
    }
    return out;
}

} // namespace

FlagSet DescribeCommand::flags() const
{
    FlagSet flags;
    flags.addBool("all-namespaces", 'A', "Describe the matching objects in every namespace.");
    flags.addString("selector", 'l', "SELECTOR", "Label selector to filter on.");
    flags.addList("filename", 'f', "PATH", "Files or directories naming the objects to describe.");
    return flags;
}

CommandResult DescribeCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    CommandResult result;
    const store::Store &store = context.simulation.store();
    std::optional<std::string> scope;
    if (!args.isSet("all-namespaces"))
        scope = context.namespace_;
    std::vector<api::ObjectPtr> objects;
    bool namespaced = true;
    if (args.has("filename")) {
        manifest::LoadResult loaded = loadManifests(context, args.values("filename"), result);
        for (const manifest::Document &doc : loaded.documents) {
            const api::Object &o = doc.object;
            std::string ns = o.info().namespaced ? (o.metadata.namespace_.empty() ? context.namespace_ : o.metadata.namespace_) : "";
            if (api::ObjectPtr found = store.get(o.kind(), ns, o.metadata.name))
                objects.push_back(found);
            else
                result.fail(kExitInvalidInput, notFoundError(o.kind(), o.metadata.name));
        }
    } else {
        ResourceArgs resources = parseResourceArgs(args.positional);
        if (resources.ok() && resources.wantsEvents)
            resources.error = "error: describe does not show events on their own; use \"kubectl events\"";
        if (!resources.ok()) {
            result.fail(resources.isUsageError ? kExitUsage : kExitInvalidInput, resources.error);
            return result;
        }
        std::string selectorError;
        const std::optional<api::LabelSelector> selector = selectorFlag(args, selectorError);
        if (!selectorError.empty())
            return usageError(name(), selectorError);
        for (const ResourceRequest &request : resources.requests) {
            namespaced = namespaced && api::kindInfo(request.kind).namespaced;
            if (request.names.empty()) {
                QueryResult q = queryObjects(store, {request}, scope, selector ? &*selector : nullptr);
                objects.insert(objects.end(), q.groups[0].objects.begin(), q.groups[0].objects.end());
                continue;
            }
            for (const std::string &n : request.names) {
                std::vector<api::ObjectPtr> found;
                const bool isNamespaced = api::kindInfo(request.kind).namespaced;
                if (api::ObjectPtr exact = scope ? store.get(request.kind, isNamespaced ? *scope : "", n) : nullptr)
                    found.push_back(exact);
                else
                    found = byPrefix(store, request.kind, scope, n);
                if (found.empty())
                    result.fail(kExitInvalidInput, notFoundError(request.kind, n));
                objects.insert(objects.end(), found.begin(), found.end());
            }
        }
    }
    if (objects.empty() && result.isSuccess()) {
        result.err += noResourcesFound(scope, namespaced) + "\n";
        return result;
    }
    for (std::size_t i = 0; i < objects.size(); ++i)
        result.out += (i ? "\n\n" : "") + describeObject(context.simulation, *objects[i]);
    return result;
}

} // namespace sim::console
