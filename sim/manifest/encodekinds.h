#pragma once

// Per-kind encoders behind encodeObject(), and the field setters they share. Internal to sim/manifest.
// Setters follow Go's omitempty: empty strings, lists and maps are left out unless said otherwise.

#include "sim/api/object.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sim::manifest {

void setString(YAML::Node &map, const char *key, const std::string &value);
void setStringAlways(YAML::Node &map, const char *key, const std::string &value);
void setString(YAML::Node &map, const char *key, const std::optional<std::string> &value);
void setInt(YAML::Node &map, const char *key, std::int64_t value);
void setIntNonZero(YAML::Node &map, const char *key, std::int64_t value);
void setInt(YAML::Node &map, const char *key, const std::optional<std::int32_t> &value);
void setBool(YAML::Node &map, const char *key, bool value);
void setTrue(YAML::Node &map, const char *key, bool value);
void setBool(YAML::Node &map, const char *key, const std::optional<bool> &value);
void setStringMap(YAML::Node &map, const char *key, const std::map<std::string, std::string> &value);
void setStringList(YAML::Node &map, const char *key, const std::vector<std::string> &value);
void setTimestamp(YAML::Node &map, const char *key, std::int64_t simTime);
/** Sets a child mapping or list unless it is empty. */
void setChild(YAML::Node &map, const char *key, const YAML::Node &child);

YAML::Node intOrStringNode(const api::IntOrString &value);
YAML::Node labelSelectorNode(const api::LabelSelector &selector);
YAML::Node quantitiesNode(const std::map<std::string, api::Quantity> &quantities);
YAML::Node conditionsNode(const std::vector<api::Condition> &conditions);
YAML::Node newMap();
YAML::Node newList();

// Each writes the kind's fields beside apiVersion/kind/metadata into top.
void encodeBody(const api::Namespace &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::Node &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::ConfigMap &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::Secret &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::Pod &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::ReplicaSet &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::Deployment &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::Service &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::EndpointSlice &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::IngressClass &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::Ingress &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::GatewayClass &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::Gateway &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::HTTPRoute &body, YAML::Node &top, bool withStatus);
void encodeBody(const api::ReferenceGrant &body, YAML::Node &top, bool withStatus);

} // namespace sim::manifest
