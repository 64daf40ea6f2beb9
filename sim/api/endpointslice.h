#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
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
 * An Endpoint held immutable and shared: a new version of a slice, or the slices of every Service selecting one pod,
 * share it instead of copying its strings, so a slice write costs what it changes. Reads as a `const Endpoint &`.
 */
class SharedEndpoint {
public:
    // Implicit, so code that builds a slice by value (decoder, tests) reads as before.
    SharedEndpoint(Endpoint endpoint) : m_endpoint(std::make_shared<const Endpoint>(std::move(endpoint))) {}

    operator const Endpoint &() const { return *m_endpoint; }
    const Endpoint &operator*() const { return *m_endpoint; }
    const Endpoint *operator->() const { return m_endpoint.get(); }
    /** Equal values; the same shared endpoint compares without reading it. */
    bool operator==(const SharedEndpoint &other) const
    {
        return m_endpoint == other.m_endpoint || *m_endpoint == *other.m_endpoint;
    }

private:
    std::shared_ptr<const Endpoint> m_endpoint;
};

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
