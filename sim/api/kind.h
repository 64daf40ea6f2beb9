#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::api {

/** The kinds kubesim simulates. The order is the index into Object::Body and the store's tables. */
enum class Kind : std::size_t {
    Namespace,
    Node,
    ConfigMap,
    Secret,
    Pod,
    ReplicaSet,
    Deployment,
    Service,
    EndpointSlice,
    IngressClass,
    Ingress,
    GatewayClass,
    Gateway,
    HTTPRoute,
    ReferenceGrant,
};
inline constexpr std::size_t kKindCount = 15;

/** What kubectl knows of a kind: its API group and version, resource names, scope. */
struct KindInfo {
    Kind kind;
    std::string_view name;          // "Deployment"
    std::string_view group;         // "apps", "" for core
    std::string_view version;       // "v1"
    std::string_view plural;        // "deployments"
    std::string_view singular;      // "deployment"
    std::vector<std::string_view> shortNames;  // {"deploy"}
    bool namespaced;

    /** "apps/v1", or "v1" for the core group. */
    std::string apiVersion() const;
    /** "deployment.apps", "pod": the prefix kubectl prints before a name. */
    std::string qualifiedSingular() const;
    /** "deployments.apps", "pods": the resource in kubectl's error messages. */
    std::string qualifiedPlural() const;
};

const KindInfo &kindInfo(Kind kind);
const std::array<KindInfo, kKindCount> &allKinds();
/** Looks up a kind by its Kind name ("Deployment"); nullopt when unknown. */
std::optional<Kind> kindFromName(std::string_view name);
/** Looks up a kind as typed on kubectl's command line: plural, singular, short name or Kind, any case, optionally ".group". */
std::optional<Kind> kindFromResource(std::string_view resource);
/** Accepted apiVersions for a kind, newest first (v1beta1 Gateway API manifests still load). */
bool isAcceptedApiVersion(Kind kind, std::string_view apiVersion);

} // namespace sim::api
