#pragma once

#include "sim/api/objectmeta.h"

#include <optional>
#include <string>
#include <vector>

namespace sim::api {

struct ParametersReference {
    std::string group;
    std::string kind;
    std::string name;
    std::string namespace_;
    bool operator==(const ParametersReference &) const = default;
};

struct GatewayClassSpec {
    std::string controllerName;
    std::optional<ParametersReference> parametersRef;
    std::string description;
    bool operator==(const GatewayClassSpec &) const = default;
};

struct GatewayClassStatus {
    std::vector<Condition> conditions;  // Accepted, SupportedVersion
    bool operator==(const GatewayClassStatus &) const = default;
};

struct GatewayClass {
    GatewayClassSpec spec;
    GatewayClassStatus status;
    bool operator==(const GatewayClass &) const = default;
};

} // namespace sim::api
