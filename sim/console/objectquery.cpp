#include "sim/console/objectquery.h"

namespace sim::console {

std::size_t QueryResult::objectCount() const
{
    std::size_t n = 0;
    for (const ObjectGroup &g : groups)
        n += g.objects.size();
    return n;
}

QueryResult queryObjects(const store::Store &store, const std::vector<ResourceRequest> &requests,
                         const std::optional<std::string> &ns, const api::LabelSelector *selector)
{
    QueryResult result;
    for (const ResourceRequest &request : requests) {
        const bool namespaced = api::kindInfo(request.kind).namespaced;
        ObjectGroup group{request.kind, {}};
        if (request.names.empty()) {
            for (api::ObjectPtr object : store.list(request.kind, namespaced ? ns : std::nullopt)) {
                if (!selector || selector->matches(object->metadata.labels))
                    group.objects.push_back(std::move(object));
            }
        }
        for (const std::string &name : request.names) {
            api::ObjectPtr object = store.get(request.kind, namespaced ? ns.value_or("") : "", name);
            if (object)
                group.objects.push_back(std::move(object));
            else
                result.errors.push_back(notFoundError(request.kind, name));
        }
        result.groups.push_back(std::move(group));
    }
    return result;
}

std::string notFoundError(api::Kind kind, const std::string &name)
{
    return "Error from server (NotFound): " + api::kindInfo(kind).qualifiedPlural() + " \"" + name + "\" not found";
}

std::string noResourcesFound(const std::optional<std::string> &ns, bool namespaced)
{
    if (ns && namespaced)
        return "No resources found in " + *ns + " namespace.";
    return "No resources found";
}

} // namespace sim::console
