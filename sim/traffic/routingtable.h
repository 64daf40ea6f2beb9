#pragma once

#include "sim/traffic/compiledgateway.h"
#include "sim/traffic/compiledingress.h"
#include "sim/traffic/compiledservice.h"
#include "sim/traffic/stringhash.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim::traffic {

/** A node as traffic sees it: a name and an address that answers on every NodePort. */
struct CompiledNode {
    std::string name;
    std::string ip;
};

/** What an address in the cluster belongs to. */
struct AddressOwner {
    enum class Kind : std::uint8_t { LoadBalancer, Gateway, IngressController, Node, ClusterIP, Pod };
    Kind kind;
    std::uint32_t index;  // into services, gateways, ingressControllers, nodes or pods
};

/** Where a Service port sits: RoutingTable::services[service].ports[port]. */
struct ServicePortRef {
    std::uint32_t service = 0;
    std::uint32_t port = 0;
};

/**
 * Everything routing needs, compiled from the store when a routing object changes, then read-only.
 * The hot path indexes these vectors and hash maps; it never reads the store or parses a manifest.
 */
struct RoutingTable {
    std::uint64_t id = 0;  // unique per compiled table, so caches can tell tables apart
    std::vector<CompiledPod> pods;
    std::vector<CompiledNode> nodes;
    std::vector<CompiledService> services;
    std::vector<CompiledGateway> gateways;
    std::vector<CompiledIngressController> ingressControllers;
    std::vector<ServicePortRef> servicePorts;  // by CompiledServicePort::index
    StringMap<std::uint32_t> serviceByKey;   // "ns/name"
    StringMap<std::uint32_t> gatewayByKey;   // "ns/name"
    StringMap<std::uint32_t> ingressByClass; // class name
    StringMap<std::uint32_t> podByKey;       // "ns/name"
    StringMap<AddressOwner> addresses;       // IP -> what answers there

    const CompiledService *findService(const std::string &ns, const std::string &name) const;
    const CompiledGateway *findGateway(const std::string &ns, const std::string &name) const;
    const CompiledIngressController *findIngressController(const std::string &className) const;
    const AddressOwner *findAddress(std::string_view ip) const;
    /** The Service a cluster DNS name names (svc, svc.ns, svc.ns.svc, svc.ns.svc.cluster.local), or nullptr. */
    const CompiledService *resolveServiceName(std::string_view host, const std::string &clientNamespace) const;
};

} // namespace sim::traffic
