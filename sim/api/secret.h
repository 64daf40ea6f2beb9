#pragma once

#include <map>
#include <string>

namespace sim::api {

/** A Secret. data holds the base64 text as written; stringData is merged into data on apply. */
struct Secret {
    std::string type = "Opaque";  // Opaque, kubernetes.io/tls, ...
    std::map<std::string, std::string> data;
    bool immutable = false;

    bool isTls() const { return type == "kubernetes.io/tls"; }
    bool operator==(const Secret &) const = default;
};

} // namespace sim::api
