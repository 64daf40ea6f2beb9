#pragma once

#include "sim/api/object.h"
#include "sim/engine/simtime.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace sim::manifest {

/** What the encoder writes. */
struct EncodeOptions {
    /**
     * true: as `kubectl get -o yaml` prints an object (status, uid, resourceVersion, generation,
     * creationTimestamp, ownerReferences). false: only what a user writes, so the output loads back
     * as the same object ("Save sandbox").
     */
    bool includeStatus = true;
    /** Wrap even a single object in a `kind: List` (kubectl does for any list query, e.g. `get pods`). */
    bool asList = false;
};

/** The fixed epoch of printed timestamps: sim time 0 is 2024-01-01T00:00:00Z. */
inline constexpr const char *kTimestampEpoch = "2024-01-01T00:00:00Z";
/** RFC 3339 in whole seconds, as Kubernetes prints metav1.Time: "2024-01-01T00:02:05Z" for 125 s. */
std::string formatTimestamp(engine::SimTime time);

/** One object as a YAML tree: apiVersion, kind, metadata, spec/data..., status; defaults written out. */
YAML::Node encodeObject(const api::Object &object, const EncodeOptions &options = {});
/** The object itself when there is exactly one (and !asList), otherwise a v1 List of them. */
YAML::Node encodeObjects(const std::vector<api::ObjectPtr> &objects, const EncodeOptions &options = {});

std::string toYaml(const std::vector<api::ObjectPtr> &objects, const EncodeOptions &options = {});
std::string toYaml(const api::Object &object, const EncodeOptions &options = {});
std::string toJson(const std::vector<api::ObjectPtr> &objects, const EncodeOptions &options = {});
std::string toJson(const api::Object &object, const EncodeOptions &options = {});

} // namespace sim::manifest
