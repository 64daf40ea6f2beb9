#pragma once

#include "sim/api/labelselector.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sim::scenario {

/** A namespaced object named in a scenario; the namespace defaults to "default" as kubectl's does. */
struct ObjectRef {
    std::string namespace_ = "default";
    std::string name;
    /** "namespace/name". */
    std::string toString() const { return namespace_ + "/" + name; }
    bool operator==(const ObjectRef &) const = default;
};

/** Where a request enters the cluster; Auto means "the only entry point the cluster has". */
struct EntryPoint {
    enum class Type { Auto, Gateway, IngressClass, Service };
    Type type = Type::Auto;
    ObjectRef object;       // Gateway or Service; for IngressClass only the name is used
    std::string listener;   // Gateway listener (sectionName), optional
    bool operator==(const EntryPoint &) const = default;
};

/** One HTTP request as a client would send it. Header order is kept as written. */
struct RequestSpec {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    EntryPoint entry;
    bool operator==(const RequestSpec &) const = default;
};

/** The pods a fault hits: one pod by name, or the pods matching labels (at most `count`, in name order; 0: all). */
struct PodTarget {
    std::string namespace_ = "default";
    std::string pod;               // a pod's name, or empty
    api::Labels selector;          // matchLabels, used when pod is empty
    std::int64_t count = 0;
    bool operator==(const PodTarget &) const = default;
};

} // namespace sim::scenario
