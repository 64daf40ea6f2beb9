#pragma once

#include <string>

namespace sim::traffic {

/** Where a request enters the cluster. Auto: by the request's host (an address or a cluster DNS name). */
struct EntryPoint {
    enum class Kind { Auto, Gateway, IngressClass, Service };
    Kind kind = Kind::Auto;
    std::string namespace_;          // Gateway / Service namespace
    std::string name;                // Gateway, Service or IngressClass name
    std::string listener;            // Gateway listener (optional)
    std::string clientNamespace = "default";  // in-cluster clients resolve short Service names here

    static EntryPoint gateway(std::string ns, std::string name, std::string listener = {})
    {
        return EntryPoint{Kind::Gateway, std::move(ns), std::move(name), std::move(listener)};
    }
    static EntryPoint ingressClass(std::string name) { return EntryPoint{Kind::IngressClass, {}, std::move(name), {}}; }
    static EntryPoint service(std::string ns, std::string name) { return EntryPoint{Kind::Service, std::move(ns), std::move(name), {}}; }
    /** "Gateway default/web/http", "IngressClass nginx", "Service default/web", "address". */
    std::string describe() const;
};

inline std::string EntryPoint::describe() const
{
    switch (kind) {
    case Kind::Gateway:
        return "Gateway " + namespace_ + "/" + name + (listener.empty() ? "" : "/" + listener);
    case Kind::IngressClass:
        return "IngressClass " + name;
    case Kind::Service:
        return "Service " + namespace_ + "/" + name;
    case Kind::Auto:
        break;
    }
    return "the request's address";
}

} // namespace sim::traffic
