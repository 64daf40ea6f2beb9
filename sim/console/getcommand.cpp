#include "sim/console/getcommand.h"

#include "sim/console/eventprinter.h"
#include "sim/console/objectquery.h"
#include "sim/console/resourceprinter.h"
#include "sim/console/selectorparser.h"
#include "sim/manifest/encoder.h"
#include "sim/simulation.h"

#include <algorithm>

namespace sim::console {
namespace {

const char *const kFormats[] = {"", "wide", "name", "yaml", "json"};

bool isKnownFormat(const std::string &format)
{
    for (const char *f : kFormats) {
        if (format == f)
            return true;
    }
    return false;
}

std::optional<std::string> scopeOf(const CommandContext &context, const ParsedArgs &args)
{
    if (args.isSet("all-namespaces"))
        return std::nullopt;
    return context.namespace_;
}

// `get -f PATH`: the objects the files describe, grouped by kind in order of first appearance.
QueryResult queryFromFiles(const CommandContext &context, const manifest::LoadResult &loaded)
{
    QueryResult result;
    for (const manifest::Document &doc : loaded.documents) {
        const api::Object &o = doc.object;
        const bool namespaced = o.info().namespaced;
        std::string ns = namespaced ? (o.metadata.namespace_.empty() ? context.namespace_ : o.metadata.namespace_) : "";
        api::ObjectPtr found = context.simulation.store().get(o.kind(), ns, o.metadata.name);
        if (!found) {
            result.errors.push_back(notFoundError(o.kind(), o.metadata.name));
            continue;
        }
        auto group = std::find_if(result.groups.begin(), result.groups.end(),
                                  [&](const ObjectGroup &g) { return g.kind == o.kind(); });
        if (group == result.groups.end())
            group = result.groups.insert(result.groups.end(), ObjectGroup{o.kind(), {}});
        group->objects.push_back(found);
    }
    return result;
}

} // namespace

std::string GetCommand::details() const
{
    return "Examples:\n"
           "  kubectl get pods -o wide\n"
           "  kubectl get deploy/web svc/web\n"
           "  kubectl get all -A\n"
           "  kubectl get pods -l app=web,version!=v2\n"
           "  kubectl get httproute app -o yaml";
}

FlagSet GetCommand::flags() const
{
    FlagSet flags;
    flags.addString("output", 'o', "FORMAT", "Output format: wide, name, yaml or json.");
    flags.addString("selector", 'l', "SELECTOR", "Label selector to filter on, e.g. -l app=web,version!=v2.");
    flags.addBool("all-namespaces", 'A', "List the objects in every namespace.");
    flags.addList("filename", 'f', "PATH", "Files or directories naming the objects to get.");
    flags.addBool("show-labels", 0, "Show every object's labels as the last column.");
    flags.addBool("no-headers", 0, "Leave out the header line of tables.");
    return flags;
}

CommandResult GetCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    const std::string format = args.value("output");
    if (!isKnownFormat(format))
        return usageError(name(), "unable to match a printer suitable for the output format \"" + format +
                                      "\", allowed formats are: json,name,wide,yaml");
    std::string selectorError;
    const std::optional<api::LabelSelector> selector = selectorFlag(args, selectorError);
    if (!selectorError.empty())
        return usageError(name(), selectorError);
    const std::optional<std::string> scope = scopeOf(context, args);
    CommandResult result;
    QueryResult query;
    bool namespaced = false;
    bool isMultiKind = false;
    bool isSingleObject = false;  // one object asked for by name: -o yaml/json print it without a List
    bool wantsEvents = false;
    if (args.has("filename")) {
        if (!args.positional.empty())
            return usageError(name(), "when paths are given with -f, no resource type or name is accepted");
        manifest::LoadResult loaded = loadManifests(context, args.values("filename"), result);
        if (!result.isSuccess())
            return result;
        query = queryFromFiles(context, loaded);
        isMultiKind = query.groups.size() > 1;
        isSingleObject = loaded.documents.size() == 1;
    } else {
        ResourceArgs resources = parseResourceArgs(args.positional);
        if (!resources.ok()) {
            result.fail(resources.isUsageError ? kExitUsage : kExitInvalidInput, resources.error);
            return result;
        }
        bool hasNames = false;
        std::size_t names = 0;
        for (const ResourceRequest &r : resources.requests) {
            hasNames = hasNames || !r.names.empty();
            names += r.names.size();
            namespaced = namespaced || api::kindInfo(r.kind).namespaced;
        }
        if (hasNames && !scope && namespaced)
            return usageError(name(), "a resource cannot be retrieved by name across all namespaces");
        if (hasNames && selector)
            return usageError(name(), "name cannot be provided when a selector is specified");
        query = queryObjects(context.simulation.store(), resources.requests, scope, selector ? &*selector : nullptr);
        isMultiKind = resources.isMultiKind;
        isSingleObject = names == 1 && resources.requests.size() == 1 && !resources.wantsEvents;
        wantsEvents = resources.wantsEvents;
        namespaced = namespaced || wantsEvents;
    }
    if (wantsEvents && (format == "yaml" || format == "json" || format == "name"))
        return usageError(name(), "kubesim prints events as a table only");

    for (const std::string &error : query.errors)
        result.fail(kExitInvalidInput, error);
    if (format == "yaml" || format == "json") {
        std::vector<api::ObjectPtr> objects;
        for (const ObjectGroup &group : query.groups)
            objects.insert(objects.end(), group.objects.begin(), group.objects.end());
        if (objects.empty() && !query.errors.empty())
            return result;
        manifest::EncodeOptions encode;
        encode.asList = !isSingleObject;
        result.out = format == "yaml" ? manifest::toYaml(objects, encode) : manifest::toJson(objects, encode);
        return result;
    }
    const engine::SimTime now = context.simulation.engine().now();
    std::vector<const controllers::Event *> events;
    if (wantsEvents)
        events = eventsIn(context.simulation.events().events(), scope);
    if (query.objectCount() == 0 && events.empty() && query.errors.empty()) {
        result.err += noResourcesFound(scope, namespaced) + "\n";
        return result;
    }
    if (format == "name") {
        result.out = printNames(query.groups);
        return result;
    }
    TableOptions options;
    options.print = {now, format == "wide"};
    options.allNamespaces = !scope;
    options.isMultiKind = isMultiKind;
    options.noHeaders = args.isSet("no-headers");
    options.showLabels = args.isSet("show-labels");
    result.out = printTables(query.groups, options);
    if (!events.empty()) {
        Table table = getEventsTable(events, now, format == "wide", !scope);
        result.out += (result.out.empty() ? "" : "\n") + table.render(options.noHeaders);
    }
    return result;
}

} // namespace sim::console
