#include "sim/manifest/base64.h"
#include "sim/manifest/namerules.h"
#include "sim/manifest/validatekinds.h"

#include <set>

namespace sim::manifest {
namespace {

constexpr std::size_t kMaxSecretBytes = 1024 * 1024;

std::string at(const std::string &path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

void validateDataKeys(const std::map<std::string, std::string> &data, const std::string &path, FieldErrors &errors)
{
    for (const auto &[key, value] : data)
        errors.invalid(path + "[" + key + "]", quoted(key), checkConfigKey(key));
}

void validateBase64Values(const std::map<std::string, std::string> &data, const std::string &path,
                          FieldErrors &errors)
{
    for (const auto &[key, value] : data) {
        std::size_t offset = 0;
        if (!decodeBase64(value, &offset))
            errors.add(path + "[" + key + "]", "Invalid value: illegal base64 data at input byte " + std::to_string(offset),
                       path + "." + key);
    }
}

void validateServicePort(const api::ServicePort &p, const std::string &path, const api::ServiceSpec &spec,
                         FieldErrors &errors)
{
    errors.checkPort(path + ".port", p.port);
    errors.checkEnum(path + ".protocol", p.protocol, {"SCTP", "TCP", "UDP"});
    if (!p.name.empty())
        errors.invalid(path + ".name", quoted(p.name), checkDns1123Label(p.name));
    validatePortNumberOrName(p.targetPort, path + ".targetPort", errors);
    if (p.nodePort == 0)
        return;
    if (spec.type == "ClusterIP" || spec.type == "ExternalName")
        errors.forbidden(path + ".nodePort", "may not be used when `type` is '" + spec.type + "'");
    else if (p.nodePort < 30000 || p.nodePort > 32767)
        errors.invalid(path + ".nodePort", std::to_string(p.nodePort),
                       "provided port is not in the valid range. The range of valid ports is 30000-32767");
}

void validateServicePorts(const api::ServiceSpec &spec, FieldErrors &errors)
{
    bool headless = spec.clusterIP == "None";
    if (spec.ports.empty() && spec.type != "ExternalName" && !headless)
        errors.required("spec.ports");
    std::set<std::string> names;
    std::set<std::pair<std::int32_t, std::string>> portProtocols;
    for (std::size_t i = 0; i < spec.ports.size(); ++i) {
        const api::ServicePort &p = spec.ports[i];
        std::string path = at("spec.ports", i);
        validateServicePort(p, path, spec, errors);
        if (spec.ports.size() > 1 && p.name.empty())
            errors.required(path + ".name");
        if (!p.name.empty() && !names.insert(p.name).second)
            errors.duplicate(path + ".name", quoted(p.name));
        if (!portProtocols.insert({p.port, p.protocol}).second)
            errors.duplicate(path, quoted(std::to_string(p.port) + "/" + p.protocol));
    }
}

void validateClusterIP(const api::ServiceSpec &spec, FieldErrors &errors)
{
    if (spec.clusterIP.empty())
        return;
    if (spec.clusterIP == "None") {
        if (spec.type == "NodePort" || spec.type == "LoadBalancer")
            errors.invalid("spec.clusterIP", quoted("None"), "may not be set to 'None' for " + spec.type + " services");
        return;
    }
    if (!isIpAddress(spec.clusterIP))
        errors.invalid("spec.clusterIP", quoted(spec.clusterIP),
                       "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
}

} // namespace

void validateBody(const api::Namespace &, FieldErrors &) {}

void validateBody(const api::Node &body, FieldErrors &errors)
{
    for (std::size_t i = 0; i < body.spec.taints.size(); ++i) {
        const api::Taint &t = body.spec.taints[i];
        std::string path = at("spec.taints", i);
        if (t.key.empty())
            errors.required(path + ".key");
        else
            errors.invalid(path + ".key", quoted(t.key), checkQualifiedName(t.key));
        errors.checkEnum(path + ".effect", t.effect, {"NoExecute", "NoSchedule", "PreferNoSchedule"});
    }
}

void validateBody(const api::ConfigMap &body, FieldErrors &errors)
{
    validateDataKeys(body.data, "data", errors);
    validateDataKeys(body.binaryData, "binaryData", errors);
    validateBase64Values(body.binaryData, "binaryData", errors);
    for (const auto &[key, value] : body.binaryData) {
        if (body.data.count(key))
            errors.invalid("data[" + key + "]", quoted(key), "duplicate of key present in binaryData");
    }
}

void validateBody(const api::Secret &body, FieldErrors &errors)
{
    validateDataKeys(body.data, "data", errors);
    validateBase64Values(body.data, "data", errors);
    std::size_t total = 0;
    for (const auto &[key, value] : body.data)
        total += value.size() / 4 * 3;
    if (total > kMaxSecretBytes)
        errors.add("data", "Too long: must have at most " + std::to_string(kMaxSecretBytes) + " bytes");
    if (body.isTls()) {
        for (const char *key : {"tls.crt", "tls.key"}) {
            if (!body.data.count(key))
                errors.required(std::string("data[") + key + "]");
        }
    }
}

void validateBody(const api::Service &body, FieldErrors &errors)
{
    const api::ServiceSpec &spec = body.spec;
    if (!errors.checkEnum("spec.type", spec.type, {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"}))
        return;
    validateServicePorts(spec, errors);
    validateClusterIP(spec, errors);
    validateLabels(spec.selector, "spec.selector", errors);
    if (spec.type == "ExternalName") {
        if (spec.externalName.empty())
            errors.required("spec.externalName");
        else
            errors.invalid("spec.externalName", quoted(spec.externalName),
                           checkDns1123Subdomain(spec.externalName.ends_with(".")
                                                     ? spec.externalName.substr(0, spec.externalName.size() - 1)
                                                     : spec.externalName));
    }
    if (errors.checkEnum("spec.sessionAffinity", spec.sessionAffinity, {"ClientIP", "None"}) &&
        spec.sessionAffinity == "ClientIP" &&
        (spec.sessionAffinityTimeoutSeconds <= 0 || spec.sessionAffinityTimeoutSeconds > 86400))
        errors.invalid("spec.sessionAffinityConfig.clientIP.timeoutSeconds",
                       std::to_string(spec.sessionAffinityTimeoutSeconds), "must be greater than 0 and less than 86400");
    if (errors.checkEnum("spec.externalTrafficPolicy", spec.externalTrafficPolicy, {"Cluster", "Local"}) &&
        errors.hasField("spec.externalTrafficPolicy") && spec.type != "NodePort" && spec.type != "LoadBalancer")
        errors.invalid("spec.externalTrafficPolicy", quoted(spec.externalTrafficPolicy),
                       "may only be set when `type` is 'NodePort' or 'LoadBalancer'");
    errors.checkEnum("spec.internalTrafficPolicy", spec.internalTrafficPolicy, {"Cluster", "Local"});
    for (std::size_t i = 0; i < spec.externalIPs.size(); ++i) {
        if (!isIpAddress(spec.externalIPs[i]))
            errors.invalid(at("spec.externalIPs", i), quoted(spec.externalIPs[i]),
                           "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    }
}

void validateBody(const api::EndpointSlice &body, FieldErrors &errors)
{
    errors.checkEnum("addressType", body.addressType, {"FQDN", "IPv4", "IPv6"});
    for (std::size_t i = 0; i < body.endpoints.size(); ++i) {
        const api::Endpoint &e = body.endpoints[i];
        std::string path = at("endpoints", i);
        if (e.addresses.empty())
            errors.required(path + ".addresses");
        else if (e.addresses.size() > 100)
            errors.tooMany(path + ".addresses", e.addresses.size(), 100);
        for (std::size_t j = 0; j < e.addresses.size(); ++j) {
            if (body.addressType != "FQDN" && !isIpAddress(e.addresses[j]))
                errors.invalid(at(path + ".addresses", j), quoted(e.addresses[j]), "must be a valid IP address");
        }
    }
    for (std::size_t i = 0; i < body.ports.size(); ++i) {
        const api::EndpointPort &p = body.ports[i];
        std::string path = at("ports", i);
        errors.checkPort(path + ".port", p.port);
        errors.checkEnum(path + ".protocol", p.protocol, {"SCTP", "TCP", "UDP"});
    }
}

} // namespace sim::manifest
