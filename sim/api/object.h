#pragma once

#include "sim/api/configmap.h"
#include "sim/api/deployment.h"
#include "sim/api/endpointslice.h"
#include "sim/api/gateway.h"
#include "sim/api/gatewayclass.h"
#include "sim/api/httproute.h"
#include "sim/api/ingress.h"
#include "sim/api/kind.h"
#include "sim/api/namespace.h"
#include "sim/api/node.h"
#include "sim/api/objectmeta.h"
#include "sim/api/pod.h"
#include "sim/api/referencegrant.h"
#include "sim/api/replicaset.h"
#include "sim/api/secret.h"
#include "sim/api/service.h"

#include <memory>
#include <string>
#include <variant>

namespace sim::api {

/** One Kubernetes object: metadata plus the kind's spec and status. Stored immutable and shared. */
struct Object {
    // Alternatives in the order of enum Kind.
    using Body = std::variant<Namespace, Node, ConfigMap, Secret, Pod, ReplicaSet, Deployment, Service,
                              EndpointSlice, IngressClass, Ingress, GatewayClass, Gateway, HTTPRoute,
                              ReferenceGrant>;

    ObjectMeta metadata;
    Body body;

    Kind kind() const { return static_cast<Kind>(body.index()); }
    const KindInfo &info() const { return kindInfo(kind()); }

    template <class T> bool is() const { return std::holds_alternative<T>(body); }
    template <class T> const T &as() const { return std::get<T>(body); }
    template <class T> T &as() { return std::get<T>(body); }

    /** "deployment.apps/web": how kubectl names the object in its output. */
    std::string displayName() const;
    /** "default/web", or "web" for a cluster-scoped kind. */
    std::string key() const;
};

using ObjectPtr = std::shared_ptr<const Object>;

static_assert(std::variant_size_v<Object::Body> == kKindCount);

/** Builds an empty object of a kind (the variant alternative's default value). */
Object makeObject(Kind kind);

} // namespace sim::api
