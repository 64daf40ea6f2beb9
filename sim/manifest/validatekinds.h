#pragma once

// Per-kind validation behind validateObject(). Internal to sim/manifest.

#include "sim/api/object.h"
#include "sim/manifest/fielderrors.h"

#include <string>

namespace sim::manifest {

void validateLabels(const api::Labels &labels, const std::string &path, FieldErrors &errors);
void validateLabelSelector(const api::LabelSelector &selector, const std::string &path, FieldErrors &errors);
/** Go's %#v of a label map, as the API server prints it: map[string]string{"app":"web"}. */
std::string goMapLiteral(const api::Labels &labels);
/** Port numbers by value, port names by IANA service-name syntax. */
void validatePortNumberOrName(const api::IntOrString &port, const std::string &path, FieldErrors &errors);

void validateBody(const api::Namespace &body, FieldErrors &errors);
void validateBody(const api::Node &body, FieldErrors &errors);
void validateBody(const api::ConfigMap &body, FieldErrors &errors);
void validateBody(const api::Secret &body, FieldErrors &errors);
void validateBody(const api::Pod &body, FieldErrors &errors);
void validateBody(const api::ReplicaSet &body, FieldErrors &errors);
void validateBody(const api::Deployment &body, FieldErrors &errors);
void validateBody(const api::Service &body, FieldErrors &errors);
void validateBody(const api::EndpointSlice &body, FieldErrors &errors);
void validateBody(const api::IngressClass &body, FieldErrors &errors);
void validateBody(const api::Ingress &body, FieldErrors &errors);
void validateBody(const api::GatewayClass &body, FieldErrors &errors);
void validateBody(const api::Gateway &body, FieldErrors &errors);
void validateBody(const api::HTTPRoute &body, FieldErrors &errors);
void validateBody(const api::ReferenceGrant &body, FieldErrors &errors);

} // namespace sim::manifest
