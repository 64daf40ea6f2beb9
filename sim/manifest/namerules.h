#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sim::manifest {

// Kubernetes' name and key syntax checks (k8s.io/apimachinery/pkg/util/validation). Each returns the
// API server's messages for a value; an empty list means valid.

/** Most object names, hostnames in Ingress rules: lowercase RFC 1123 subdomain, at most 253 characters. */
std::vector<std::string> checkDns1123Subdomain(std::string_view value);
/** Namespace names, Service port names, container names: lowercase RFC 1123 label, at most 63 characters. */
std::vector<std::string> checkDns1123Label(std::string_view value);
/** Service names: DNS-1035 label (starts with a letter), at most 63 characters. */
std::vector<std::string> checkDns1035Label(std::string_view value);
/** Label and annotation keys: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
std::vector<std::string> checkQualifiedName(std::string_view value);
/** Label values: empty, or at most 63 alphanumerics, '-', '_', '.', starting and ending alphanumeric. */
std::vector<std::string> checkLabelValue(std::string_view value);
/** Named ports (containerPort name, targetPort by name): IANA service name syntax, at most 15 characters. */
std::vector<std::string> checkPortName(std::string_view value);
/** ConfigMap and Secret data keys. */
std::vector<std::string> checkConfigKey(std::string_view value);
/** A DNS subdomain, or a wildcard one ("*.example.com"), as Ingress hosts allow. */
std::vector<std::string> checkWildcardDns1123Subdomain(std::string_view value);
/** Whether a hostname matches Gateway API's Hostname pattern: ^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ */
bool isGatewayHostname(std::string_view value);
/** Whether text is an IPv4 address in dotted decimal or an IPv6 address. */
bool isIpAddress(std::string_view value);

} // namespace sim::manifest
