#pragma once

#include "sim/api/objectmeta.h"
#include "sim/api/quantity.h"

#include <map>
#include <string>
#include <vector>

namespace sim::api {

struct Taint {
    std::string key;
    std::string value;
    std::string effect;  // NoSchedule, PreferNoSchedule, NoExecute
    bool operator==(const Taint &) const = default;
};

struct NodeAddress {
    std::string type;  // InternalIP, ExternalIP, Hostname
    std::string address;
    bool operator==(const NodeAddress &) const = default;
};

struct NodeSpec {
    bool unschedulable = false;
    std::vector<Taint> taints;
    std::string podCIDR;
    bool operator==(const NodeSpec &) const = default;
};

struct NodeStatus {
    std::map<std::string, Quantity> capacity;     // cpu, memory, pods
    std::map<std::string, Quantity> allocatable;
    std::vector<Condition> conditions;            // Ready
    std::vector<NodeAddress> addresses;
    std::string kubeletVersion = "v1.30.0";
    std::string osImage = "kubesim Linux";
    std::string kernelVersion = "6.1.0-kubesim";
    std::string containerRuntimeVersion = "containerd://1.7.0";
    bool operator==(const NodeStatus &) const = default;
};

struct Node {
    NodeSpec spec;
    NodeStatus status;
    bool operator==(const Node &) const = default;
};

} // namespace sim::api
