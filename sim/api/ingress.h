#pragma once

#include "sim/api/intorstring.h"
#include "sim/api/objectmeta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::api {

/** networking.k8s.io/v1 IngressServiceBackend (port by number or by name). */
struct IngressServiceBackend {
    std::string name;
    std::int32_t portNumber = 0;
    std::string portName;
    bool operator==(const IngressServiceBackend &) const = default;
};

struct TypedLocalObjectReference {
    std::string apiGroup;
    std::string kind;
    std::string name;
    bool operator==(const TypedLocalObjectReference &) const = default;
};

/** Either a Service or a resource reference. */
struct IngressBackend {
    std::optional<IngressServiceBackend> service;
    std::optional<TypedLocalObjectReference> resource;
    bool operator==(const IngressBackend &) const = default;
};

struct HTTPIngressPath {
    std::string path;
    std::string pathType;  // Exact, Prefix, ImplementationSpecific
    IngressBackend backend;
    bool operator==(const HTTPIngressPath &) const = default;
};

struct IngressRule {
    std::string host;  // empty: all hosts
    std::vector<HTTPIngressPath> paths;  // spec.rules[].http.paths
    bool operator==(const IngressRule &) const = default;
};

struct IngressTLS {
    std::vector<std::string> hosts;
    std::string secretName;
    bool operator==(const IngressTLS &) const = default;
};

struct IngressSpec {
    std::optional<std::string> ingressClassName;
    std::optional<IngressBackend> defaultBackend;
    std::vector<IngressTLS> tls;
    std::vector<IngressRule> rules;
    bool operator==(const IngressSpec &) const = default;
};

struct IngressLoadBalancerIngress {
    std::string ip;
    std::string hostname;
    bool operator==(const IngressLoadBalancerIngress &) const = default;
};

struct IngressStatus {
    std::vector<IngressLoadBalancerIngress> loadBalancer;
    bool operator==(const IngressStatus &) const = default;
};

struct Ingress {
    IngressSpec spec;
    IngressStatus status;
    bool operator==(const Ingress &) const = default;
};

struct IngressClassParameters {
    std::string apiGroup;
    std::string kind;
    std::string name;
    std::string scope;
    std::string namespace_;
    bool operator==(const IngressClassParameters &) const = default;
};

struct IngressClassSpec {
    std::string controller;  // e.g. k8s.io/ingress-nginx
    std::optional<IngressClassParameters> parameters;
    bool operator==(const IngressClassSpec &) const = default;
};

/** Annotation that makes an IngressClass the cluster default. */
inline constexpr const char *kDefaultIngressClassAnnotation = "ingressclass.kubernetes.io/is-default-class";
/** The legacy annotation that older manifests use instead of ingressClassName. */
inline constexpr const char *kLegacyIngressClassAnnotation = "kubernetes.io/ingress.class";

struct IngressClass {
    IngressClassSpec spec;
    bool operator==(const IngressClass &) const = default;
};

} // namespace sim::api
