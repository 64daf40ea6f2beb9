#include "ui/clusterlauncher.h"

#include "sim/manifest/loader.h"

namespace ui {
namespace {

// The host a browser would use: the first hostname the entry point's routes serve, else none (use its address).
std::string clientHost(const sim::Simulation &simulation, const sim::traffic::EntryPoint &entry)
{
    const sim::store::Store &store = simulation.store();
    if (entry.kind == sim::traffic::EntryPoint::Kind::Gateway) {
        for (const sim::api::ObjectPtr &route : store.list(sim::api::Kind::HTTPRoute)) {
            const auto &spec = route->as<sim::api::HTTPRoute>().spec;
            for (const sim::api::ParentReference &parent : spec.parentRefs)
                if (parent.name == entry.name && parent.namespace_.value_or(route->metadata.namespace_) == entry.namespace_)
                    for (const std::string &host : spec.hostnames)
                        if (host.rfind("*", 0) != 0)
                            return host;
        }
    }
    if (entry.kind == sim::traffic::EntryPoint::Kind::IngressClass)
        for (const sim::api::ObjectPtr &ingress : store.list(sim::api::Kind::Ingress))
            for (const sim::api::IngressRule &rule : ingress->as<sim::api::Ingress>().spec.rules)
                if (!rule.host.empty() && rule.host.rfind("*", 0) != 0)
                    return rule.host;
    return {};
}

} // namespace

LaunchedCluster ClusterLauncher::launch(const std::vector<std::string> &paths, std::uint64_t seed, double rate)
{
    return launch(sim::manifest::loadPaths(paths), seed, rate);
}

LaunchedCluster ClusterLauncher::launch(const sim::manifest::LoadResult &loaded, std::uint64_t seed, double rate)
{
    LaunchedCluster out;
    if (!loaded.ok()) {
        for (const sim::manifest::Diagnostic &d : loaded.diagnostics)
            if (d.isError())
                out.error += d.toString() + "\n";
        return out;
    }
    auto simulation = std::make_unique<sim::Simulation>(seed);
    const sim::ApplyResult applied = simulation->apply(loaded.documents);
    if (!applied.ok) {
        out.error = applied.errorText();
        return out;
    }
    // Pods start in simulated seconds; the lesson opens on a running cluster.
    simulation->settle(2 * sim::engine::kMinute);
    std::string ignored;
    out.generator = startClients(*simulation, rate, &ignored);
    out.simulation = std::move(simulation);
    return out;
}

std::optional<std::uint32_t> ClusterLauncher::startClients(sim::Simulation &simulation, double rate, std::string *error)
{
    sim::traffic::TrafficSystem &traffic = simulation.traffic();
    const std::optional<sim::traffic::EntryPoint> entry = traffic.defaultEntry(error);
    if (!entry)
        return std::nullopt;
    std::optional<sim::traffic::HttpRequest> request = sim::traffic::HttpRequest::fromUrl("/", error);
    if (!request)
        return std::nullopt;
    request->host = clientHost(simulation, *entry);
    if (request->host.empty())
        request->host = traffic.entryAddress(*entry);
    sim::traffic::LoadSpec spec;
    spec.name = kClientsName;
    spec.entry = *entry;
    spec.templates = {sim::traffic::RequestTemplate{*request, 1}};
    spec.rate = rate;
    spec.isPoisson = true;
    spec.clients = 8;
    return traffic.startLoad(spec);
}

} // namespace ui
