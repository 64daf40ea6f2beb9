#pragma once

#include "sim/engine/simtime.h"
#include "sim/traffic/compiledservice.h"
#include "sim/traffic/stringhash.h"

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace sim::traffic {

/** An Ingress backend resolved to a Service port, or the reason it cannot be. */
struct IngressServiceTarget {
    std::string namespace_;
    std::string name;
    std::int32_t port = 0;
    std::string portName;
    std::uint32_t service = kNone;
    std::uint32_t servicePort = kNone;
    std::string problem;  // non-empty: ingress-nginx answers 503 for it
    std::uint32_t metricId = kNone;
    std::string key() const { return namespace_ + "/" + name; }
};

/** ingress-nginx canary annotations of one canary Ingress, attached to the main location with its host and path. */
struct IngressCanary {
    std::string ingressNamespace;
    std::string ingressName;
    std::string header;
    std::string headerValue;
    std::shared_ptr<const std::regex> headerPattern;
    std::string headerPatternText;
    std::string cookie;
    std::uint32_t weight = 0;
    std::uint32_t weightTotal = 100;
    IngressServiceTarget backend;
};

/** One path of one Ingress rule, as an nginx location with the Ingress's annotations applied. */
struct IngressLocation {
    enum class PathType : std::uint8_t { Exact, Prefix, ImplementationSpecific };
    std::string path;
    PathType pathType = PathType::Prefix;
    bool isRegex = false;  // use-regex (or rewrite-target) on any Ingress of this host
    std::shared_ptr<const std::regex> regex;
    IngressServiceTarget backend;
    std::string ingressNamespace;
    std::string ingressName;
    engine::SimTime ingressCreated = 0;
    std::uint32_t ruleIndex = 0;
    std::uint32_t pathIndex = 0;
    std::optional<std::string> rewriteTarget;
    std::optional<std::string> permanentRedirect;
    std::int32_t permanentRedirectCode = 301;
    std::optional<std::string> temporalRedirect;
    bool sslRedirect = true;
    bool forceSslRedirect = false;
    std::optional<IngressCanary> canary;
    std::uint32_t metricId = kNone;
    std::vector<std::string> shadowedIngresses;  // newer Ingresses defining the same host, path and pathType

    std::string ingressKey() const { return ingressNamespace + "/" + ingressName; }
};

/** An nginx server block: one host (or the catch-all "_") and its locations in match order. */
struct IngressServer {
    std::string host;  // "" for the catch-all server
    std::vector<IngressLocation> locations;
    bool useRegex = false;
    bool hasTls = false;
    bool hasValidCertificate = false;
    std::string tlsSecret;
    std::string tlsProblem;
    std::optional<std::string> appRoot;
    std::optional<IngressServiceTarget> defaultBackend;  // spec.defaultBackend of an Ingress of this host
};

/** One ingress-nginx controller instance: the IngressClass it serves and its merged servers. */
struct CompiledIngressController {
    std::string className;
    std::string controller;
    bool isDefaultClass = false;
    bool isBuiltIn = false;  // the class kubesim provides when the manifests define none named so
    std::vector<std::string> addresses;
    std::vector<IngressServer> servers;
    StringMap<std::uint32_t> exactServers;
    StringMap<std::uint32_t> wildcardServers;  // key: the suffix ".example.com"
    std::uint32_t catchAll = kNone;
    std::vector<std::string> ingresses;  // "ns/name" of the Ingresses it serves
    std::uint32_t metricId = kNone;
};

} // namespace sim::traffic
