#include "sim/manifest/namerules.h"
#include "sim/manifest/validatekinds.h"

namespace sim::manifest {
namespace {

std::string at(const std::string &path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// The API server's validateIngressBackend.
void validateIngressBackend(const api::IngressBackend &backend, const std::string &path, FieldErrors &errors)
{
    if (backend.service && backend.resource) {
        errors.invalid(path, "\"\"", "cannot set both resource and service backends");
        return;
    }
    if (backend.resource) {
        if (backend.resource->kind.empty())
            errors.required(path + ".resource.kind");
        if (backend.resource->name.empty())
            errors.required(path + ".resource.name");
        return;
    }
    if (!backend.service) {
        errors.invalid(path, "\"\"", "resource or service backend is required");
        return;
    }
    const api::IngressServiceBackend &s = *backend.service;
    if (s.name.empty())
        errors.required(path + ".service.name");
    else
        errors.invalid(path + ".service.name", quoted(s.name), checkDns1035Label(s.name));
    bool hasName = !s.portName.empty();
    bool hasNumber = s.portNumber != 0;
    if (hasName && hasNumber)
        errors.invalid(path, "\"\"", "cannot set both port name & port number");
    else if (hasName)
        errors.invalid(path + ".service.port.name", quoted(s.portName), checkPortName(s.portName));
    else if (hasNumber)
        errors.checkPort(path + ".service.port.number", s.portNumber);
    else
        errors.required(path + ".service.port", "port name or number is required");
}

void validateIngressPath(const api::HTTPIngressPath &p, const std::string &path, FieldErrors &errors)
{
    if (p.pathType.empty())
        errors.required(path + ".pathType", "pathType must be specified");
    else if (errors.checkEnum(path + ".pathType", p.pathType, {"Exact", "ImplementationSpecific", "Prefix"})) {
        bool strict = p.pathType != "ImplementationSpecific";
        if ((strict || !p.path.empty()) && !p.path.starts_with("/"))
            errors.invalid(path + ".path", quoted(p.path), "must be an absolute path");
        else if (strict) {
            for (const char *bad : {"//", "/./", "/../", "%2f", "%2F"}) {
                if (p.path.find(bad) != std::string::npos)
                    errors.invalid(path + ".path", quoted(p.path), std::string("must not contain '") + bad + "'");
            }
            for (const char *bad : {"/..", "/."}) {
                if (p.path.ends_with(bad))
                    errors.invalid(path + ".path", quoted(p.path), std::string("cannot end with '") + bad + "'");
            }
        }
    }
    validateIngressBackend(p.backend, path + ".backend", errors);
}

void validateIngressHost(const std::string &host, const std::string &path, FieldErrors &errors)
{
    if (isIpAddress(host)) {
        errors.invalid(path, quoted(host), "must be a DNS name, not an IP address");
        return;
    }
    errors.invalid(path, quoted(host), checkWildcardDns1123Subdomain(host));
}

// IsDomainPrefixedPath: "example.com/path".
bool isDomainPrefixedPath(const std::string &value)
{
    std::size_t slash = value.find('/');
    return slash != std::string::npos && slash + 1 < value.size() &&
           checkDns1123Subdomain(value.substr(0, slash)).empty();
}

} // namespace

void validateBody(const api::Ingress &body, FieldErrors &errors)
{
    const api::IngressSpec &spec = body.spec;
    if (!spec.defaultBackend && spec.rules.empty())
        errors.invalid("spec", "\"\"", "either `defaultBackend` or `rules` must be specified");
    if (spec.ingressClassName)
        errors.invalid("spec.ingressClassName", quoted(*spec.ingressClassName),
                       checkDns1123Subdomain(*spec.ingressClassName));
    if (spec.defaultBackend)
        validateIngressBackend(*spec.defaultBackend, "spec.defaultBackend", errors);
    for (std::size_t i = 0; i < spec.tls.size(); ++i) {
        for (std::size_t j = 0; j < spec.tls[i].hosts.size(); ++j)
            errors.invalid(at(at("spec.tls", i) + ".hosts", j), quoted(spec.tls[i].hosts[j]),
                           checkWildcardDns1123Subdomain(spec.tls[i].hosts[j]));
    }
    for (std::size_t i = 0; i < spec.rules.size(); ++i) {
        const api::IngressRule &rule = spec.rules[i];
        std::string path = at("spec.rules", i);
        if (!rule.host.empty())
            validateIngressHost(rule.host, path + ".host", errors);
        if (rule.paths.empty() && errors.hasField(path + ".http"))
            errors.required(path + ".http.paths");
        for (std::size_t j = 0; j < rule.paths.size(); ++j)
            validateIngressPath(rule.paths[j], at(path + ".http.paths", j), errors);
    }
}

void validateBody(const api::IngressClass &body, FieldErrors &errors)
{
    const std::string &controller = body.spec.controller;
    if (controller.empty())
        errors.required("spec.controller");
    else if (controller.size() > 250)
        errors.invalid("spec.controller", quoted(controller), "must be no more than 250 characters");
    else if (!isDomainPrefixedPath(controller))
        errors.invalid("spec.controller", quoted(controller), "must be a domain-prefixed path (such as \"acme.io/foo\")");
    if (body.spec.parameters) {
        const api::IngressClassParameters &p = *body.spec.parameters;
        if (p.kind.empty())
            errors.required("spec.parameters.kind");
        if (p.name.empty())
            errors.required("spec.parameters.name");
        if (!p.scope.empty() && errors.checkEnum("spec.parameters.scope", p.scope, {"Cluster", "Namespace"}) &&
            p.scope == "Namespace" && p.namespace_.empty())
            errors.required("spec.parameters.namespace", "`parameters.scope` is set to 'Namespace'");
    }
}

} // namespace sim::manifest
