#pragma once

#include "sim/scenario/check.h"
#include "sim/scenario/reference.h"
#include "sim/scenario/yamlfield.h"

#include <optional>

namespace sim::scenario {

/** Keys a request takes in scenario.yaml (startTraffic and the status check add their own). */
inline constexpr std::string_view kRequestKeys[] = {"url", "method", "headers", "gateway", "listener", "ingressClass",
                                                    "service"};

/** "name" or "namespace/name". */
std::optional<ObjectRef> parseObjectRef(const YamlField &field);
/** A map of label keys to values (a selector's matchLabels). */
std::optional<api::Labels> parseLabels(const YamlField &field);
/** url, method, headers and at most one of gateway (with listener), ingressClass, service, read from `field`. */
std::optional<RequestSpec> parseRequest(const YamlField &field);
/** generator, window and minRequests, all optional. */
std::optional<TrafficSample> parseTrafficSample(const YamlField &field);
/** pod ("name" or "namespace/name"), or selector with namespace and count. */
std::optional<PodTarget> parsePodTarget(const YamlField &field);

} // namespace sim::scenario
