#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace sim::manifest {

/** A string scalar, tagged so the writers never take "80" or "true" for a number or a boolean. */
YAML::Node stringNode(const std::string &value);
/** Whether a node is a string scalar (made by stringNode, or quoted in parsed YAML). */
bool isStringNode(const YAML::Node &node);

/**
 * YAML as `kubectl get -o yaml` prints it (go-yaml): keys sorted at every level, block style, a list
 * under a key not indented, strings quoted only when plain text would read as something else.
 */
std::string writeYaml(const YAML::Node &node);
/** JSON as `kubectl get -o json` prints it: keys sorted, 4-space indent, HTML-safe escapes. */
std::string writeJson(const YAML::Node &node);

} // namespace sim::manifest
