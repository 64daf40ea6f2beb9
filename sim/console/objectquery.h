#pragma once

#include "sim/api/labelselector.h"
#include "sim/api/object.h"
#include "sim/console/resourceargs.h"
#include "sim/store/store.h"

#include <optional>
#include <string>
#include <vector>

namespace sim::console {

/** The objects found for one requested kind, in store order (or the order the names were given). */
struct ObjectGroup {
    api::Kind kind;
    std::vector<api::ObjectPtr> objects;
};

/** What a query found, and the NotFound errors for names that are not there. */
struct QueryResult {
    std::vector<ObjectGroup> groups;
    std::vector<std::string> errors;
    std::size_t objectCount() const;
};

/**
 * Looks up the requested objects as the API server would list or get them: in one namespace, or in
 * all (ns nullopt); cluster-scoped kinds ignore the namespace; an optional label selector filters lists.
 */
QueryResult queryObjects(const store::Store &store, const std::vector<ResourceRequest> &requests,
                         const std::optional<std::string> &ns, const api::LabelSelector *selector = nullptr);

/** `Error from server (NotFound): deployments.apps "web" not found`. */
std::string notFoundError(api::Kind kind, const std::string &name);
/** `No resources found in default namespace.`, or `No resources found` across namespaces. */
std::string noResourcesFound(const std::optional<std::string> &ns, bool namespaced);

} // namespace sim::console
