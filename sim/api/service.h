#pragma once

#include "sim/api/intorstring.h"
#include "sim/api/labelselector.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim::api {

struct ServicePort {
    std::string name;
    std::string protocol = "TCP";
    std::string appProtocol;
    std::int32_t port = 0;
    IntOrString targetPort;   // defaults to port when omitted
    std::int32_t nodePort = 0;  // allocated for NodePort / LoadBalancer
    bool operator==(const ServicePort &) const = default;
};

struct ServiceSpec {
    std::string type = "ClusterIP";  // ClusterIP, NodePort, LoadBalancer, ExternalName
    Labels selector;                 // empty: a Service without selector, endpoints are the user's
    bool hasSelector() const { return !selector.empty(); }
    std::vector<ServicePort> ports;
    std::string clusterIP;           // "None" for headless; allocated when empty
    std::vector<std::string> externalIPs;
    std::string externalName;
    std::string sessionAffinity = "None";  // None, ClientIP
    std::int32_t sessionAffinityTimeoutSeconds = 10800;
    std::string externalTrafficPolicy = "Cluster";  // Cluster, Local
    std::string internalTrafficPolicy = "Cluster";
    std::string loadBalancerClass;
    bool operator==(const ServiceSpec &) const = default;
};

struct LoadBalancerIngress {
    std::string ip;
    std::string hostname;
    bool operator==(const LoadBalancerIngress &) const = default;
};

struct ServiceStatus {
    std::vector<LoadBalancerIngress> loadBalancer;  // status.loadBalancer.ingress
    bool operator==(const ServiceStatus &) const = default;
};

struct Service {
    ServiceSpec spec;
    ServiceStatus status;
    bool isHeadless() const { return spec.clusterIP == "None"; }
    bool operator==(const Service &) const = default;
};

} // namespace sim::api
