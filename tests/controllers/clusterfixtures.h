#pragma once

// Objects built in code for the controller and simulation tests.

#include "sim/api/object.h"

#include <string>

namespace fixtures {

inline sim::api::Object deployment(const std::string &name, int replicas, const std::string &image = "nginx:1.25")
{
    sim::api::Object o = sim::api::makeObject(sim::api::Kind::Deployment);
    o.metadata.name = name;
    o.metadata.namespace_ = "default";
    auto &spec = o.as<sim::api::Deployment>().spec;
    spec.replicas = replicas;
    spec.selector.matchLabels = {{"app", name}};
    spec.template_.labels = {{"app", name}};
    sim::api::Container c;
    c.name = "web";
    c.image = image;
    c.ports.push_back(sim::api::ContainerPort{"http", 8080, "TCP"});
    spec.template_.spec.edit().containers.push_back(c);
    return o;
}

inline sim::api::Object service(const std::string &name, const std::string &app, sim::api::IntOrString targetPort)
{
    sim::api::Object o = sim::api::makeObject(sim::api::Kind::Service);
    o.metadata.name = name;
    o.metadata.namespace_ = "default";
    auto &spec = o.as<sim::api::Service>().spec;
    spec.selector = {{"app", app}};
    sim::api::ServicePort port;
    port.name = "http";
    port.port = 80;
    port.targetPort = targetPort;
    spec.ports.push_back(port);
    return o;
}

inline sim::api::Object node(const std::string &name, const std::string &cpu = "4", const std::string &pods = "110")
{
    sim::api::Object o = sim::api::makeObject(sim::api::Kind::Node);
    o.metadata.name = name;
    auto &status = o.as<sim::api::Node>().status;
    status.capacity = {{"cpu", *sim::api::Quantity::parse(cpu)},
                       {"memory", *sim::api::Quantity::parse("16Gi")},
                       {"pods", *sim::api::Quantity::parse(pods)}};
    status.allocatable = status.capacity;
    return o;
}

inline sim::api::Object nsObject(const std::string &name)
{
    sim::api::Object o = sim::api::makeObject(sim::api::Kind::Namespace);
    o.metadata.name = name;
    return o;
}

} // namespace fixtures
