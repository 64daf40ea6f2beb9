#include "sim/console/resourceargs.h"

#include <algorithm>

namespace sim::console {
namespace {

// The kinds of kubectl's "all" category that kubesim simulates, in kubectl's order.
const std::vector<api::Kind> kAllCategory{api::Kind::Pod, api::Kind::Service, api::Kind::Deployment,
                                         api::Kind::ReplicaSet};

bool isEventsType(const std::string &type)
{
    return type == "events" || type == "event" || type == "ev" || type == "events.events.k8s.io";
}

std::vector<std::string> splitCommas(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = std::min(text.find(',', start), text.size());
        out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// Adds a kind (or merges names into an earlier request for it, as kubectl groups by kind).
void addRequest(ResourceArgs &out, api::Kind kind, const std::vector<std::string> &names)
{
    for (ResourceRequest &r : out.requests) {
        if (r.kind == kind) {
            r.names.insert(r.names.end(), names.begin(), names.end());
            return;
        }
    }
    out.requests.push_back({kind, names});
}

bool addType(ResourceArgs &out, const std::string &type, const std::vector<std::string> &names)
{
    if (type == "all") {
        for (api::Kind kind : kAllCategory)
            addRequest(out, kind, names);
        out.isMultiKind = true;
        return true;
    }
    if (isEventsType(type)) {
        out.wantsEvents = true;
        return true;
    }
    api::Kind kind;
    if (!resolveKind(type, kind)) {
        out.error = unknownTypeError(type);
        return false;
    }
    addRequest(out, kind, names);
    return true;
}

ResourceArgs parseSlashForm(const std::vector<std::string> &args)
{
    ResourceArgs out;
    for (const std::string &arg : args) {
        std::size_t slash = arg.find('/');
        if (slash == std::string::npos) {
            out.error = "error: there is no need to specify a resource type as a separate argument when passing "
                        "arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of "
                        "'kubectl get resource resource/<resource_name>'";
            out.isUsageError = true;
            return out;
        }
        std::string type = arg.substr(0, slash), name = arg.substr(slash + 1);
        if (type.empty() || name.empty() || name.find('/') != std::string::npos || type == "all") {
            out.error = "error: arguments in resource/name form must have a single resource and name";
            out.isUsageError = true;
            return out;
        }
        if (!addType(out, type, {name}))
            return out;
    }
    return out;
}

} // namespace

bool resolveKind(const std::string &type, api::Kind &kind)
{
    std::optional<api::Kind> k = api::kindFromResource(type);
    if (k)
        kind = *k;
    return k.has_value();
}

std::string unknownTypeError(const std::string &type)
{
    return "error: the server doesn't have a resource type \"" + type + "\"";
}

ResourceArgs parseResourceArgs(const std::vector<std::string> &args)
{
    ResourceArgs out;
    if (args.empty()) {
        out.error = "error: you must specify the type of resource to get. Use \"kubectl api-resources\" for a "
                    "complete list of supported resources.";
        out.isUsageError = true;
        return out;
    }
    bool anySlash = std::any_of(args.begin(), args.end(), [](const std::string &a) { return a.find('/') != std::string::npos; });
    if (anySlash) {
        out = parseSlashForm(args);
    } else {
        std::vector<std::string> names(args.begin() + 1, args.end());
        std::vector<std::string> types = splitCommas(args.front());
        for (const std::string &type : types) {
            if (!addType(out, type, names))
                return out;
        }
    }
    std::size_t kinds = out.requests.size() + (out.wantsEvents ? 1 : 0);
    out.isMultiKind = out.isMultiKind || kinds > 1;
    return out;
}

} // namespace sim::console
