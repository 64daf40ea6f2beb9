#pragma once

#include <map>
#include <string>

namespace sim::api {

struct ConfigMap {
    std::map<std::string, std::string> data;
    std::map<std::string, std::string> binaryData;
    bool immutable = false;
    bool operator==(const ConfigMap &) const = default;
};

} // namespace sim::api
