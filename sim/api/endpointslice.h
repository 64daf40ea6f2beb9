#pragma once

#include "sim/api/shared.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::api {

struct EndpointConditions {
    std::optional<bool> ready;
    std::optional<bool> serving;
    std::optional<bool> terminating;
    bool operator==(const EndpointConditions &) const = default;
};

struct EndpointTargetRef {
    std::string kind = "Pod";
    std::string namespace_;
    std::string name;
    std::string uid;
    bool operator==(const EndpointTargetRef &) const = default;
};

struct Endpoint {
    std::vector<std::string> addresses;
    EndpointConditions conditions;
    std::string nodeName;
    std::string zone;
    std::optional<EndpointTargetRef> targetRef;
    bool operator==(const Endpoint &) const = default;
};

/**
 * An Endpoint shared: a new version of a slice, or the slices of every Service selecting one pod, share it instead of
 * copying its strings, so a slice write costs what it changes. Reads as a `const Endpoint &`.
 */
using SharedEndpoint = Shared<Endpoint>;

struct EndpointPort {
    std::string name;
    std::string protocol = "TCP";
    std::int32_t port = 0;
    std::string appProtocol;
    bool operator==(const EndpointPort &) const = default;
};

/** discovery.k8s.io/v1 EndpointSlice: written by the controller for Services with a selector. */
struct EndpointSlice {
    std::string addressType = "IPv4";
    std::vector<SharedEndpoint> endpoints;
    std::vector<EndpointPort> ports;
    bool operator==(const EndpointSlice &) const = default;
};

/** Label that ties a slice to its Service, as in Kubernetes. */
inline constexpr const char *kServiceNameLabel = "kubernetes.io/service-name";
/** Label that marks slices managed by the EndpointSlice controller. */
inline constexpr const char *kManagedByLabel = "endpointslice.kubernetes.io/managed-by";

} // namespace sim::api
