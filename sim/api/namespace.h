#pragma once

#include <string>

namespace sim::api {

struct NamespaceStatus {
    std::string phase = "Active";  // Active, Terminating
    bool operator==(const NamespaceStatus &) const = default;
};

/** A Namespace has no spec the simulation uses; its status phase is shown by kubectl. */
struct Namespace {
    NamespaceStatus status;
    bool operator==(const Namespace &) const = default;
};

} // namespace sim::api
