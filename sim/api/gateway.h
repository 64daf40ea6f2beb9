#pragma once

#include "sim/api/labelselector.h"
#include "sim/api/objectmeta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::api {

/** A reference to an object by group, kind, name and optional namespace (Gateway API SecretObjectReference and kin). */
struct ObjectReference {
    std::string group;      // "" is the core group
    std::string kind;
    std::string name;
    std::optional<std::string> namespace_;
    bool operator==(const ObjectReference &) const = default;
};

struct GatewayTLSConfig {
    std::string mode = "Terminate";  // Terminate, Passthrough
    std::vector<ObjectReference> certificateRefs;  // kind defaults to Secret
    bool operator==(const GatewayTLSConfig &) const = default;
};

struct RouteGroupKind {
    std::string group = "gateway.networking.k8s.io";
    std::string kind;
    bool operator==(const RouteGroupKind &) const = default;
};

struct RouteNamespaces {
    std::string from = "Same";  // All, Same, Selector
    std::optional<LabelSelector> selector;
    bool operator==(const RouteNamespaces &) const = default;
};

struct AllowedRoutes {
    RouteNamespaces namespaces;
    std::vector<RouteGroupKind> kinds;  // empty: the kinds the listener's protocol supports
    bool operator==(const AllowedRoutes &) const = default;
};

struct Listener {
    std::string name;
    std::optional<std::string> hostname;
    std::int32_t port = 0;
    std::string protocol;  // HTTP, HTTPS, TLS, TCP, UDP
    std::optional<GatewayTLSConfig> tls;
    AllowedRoutes allowedRoutes;
    bool operator==(const Listener &) const = default;
};

struct GatewaySpecAddress {
    std::string type = "IPAddress";
    std::string value;
    bool operator==(const GatewaySpecAddress &) const = default;
};

struct GatewaySpec {
    std::string gatewayClassName;
    std::vector<Listener> listeners;
    std::vector<GatewaySpecAddress> addresses;
    bool operator==(const GatewaySpec &) const = default;
};

struct ListenerStatus {
    std::string name;
    std::vector<RouteGroupKind> supportedKinds;
    std::int32_t attachedRoutes = 0;
    std::vector<Condition> conditions;  // Accepted, Programmed, ResolvedRefs, Conflicted
    bool operator==(const ListenerStatus &) const = default;
};

struct GatewayStatus {
    std::vector<GatewaySpecAddress> addresses;
    std::vector<Condition> conditions;  // Accepted, Programmed
    std::vector<ListenerStatus> listeners;
    bool operator==(const GatewayStatus &) const = default;
};

struct Gateway {
    GatewaySpec spec;
    GatewayStatus status;
    bool operator==(const Gateway &) const = default;
};

} // namespace sim::api
