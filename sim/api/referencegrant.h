#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sim::api {

struct ReferenceGrantFrom {
    std::string group;
    std::string kind;
    std::string namespace_;
    bool operator==(const ReferenceGrantFrom &) const = default;
};

struct ReferenceGrantTo {
    std::string group;
    std::string kind;
    std::optional<std::string> name;
    bool operator==(const ReferenceGrantTo &) const = default;
};

/** gateway.networking.k8s.io ReferenceGrant: lets objects in `from` namespaces refer to `to` objects here. */
struct ReferenceGrant {
    std::vector<ReferenceGrantFrom> from;
    std::vector<ReferenceGrantTo> to;
    bool operator==(const ReferenceGrant &) const = default;
};

} // namespace sim::api
