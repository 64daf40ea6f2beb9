#pragma once

#include "sim/manifest/document.h"
#include "sim/simulation.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ui {

/** A cluster ready to show: loaded, applied, settled, with clients sending requests when it has an entry point. */
struct LaunchedCluster {
    std::unique_ptr<sim::Simulation> simulation;
    std::string error;                          // why nothing was loaded (file:line:column diagnostics)
    std::optional<std::uint32_t> generator;     // the clients' load generator, when there is an entry point
    bool ok() const { return simulation != nullptr; }
};

/**
 * Starts a cluster from manifests as `kubectl apply -f` would: every path loaded, the batch applied all
 * or nothing, the cluster settled, then a load generator sending GET / to the only entry point.
 */
class ClusterLauncher {
public:
    /** Requests per second the built-in clients send. */
    static constexpr double kDefaultRate = 40;
    /** The name of the built-in clients' load generator. */
    static constexpr const char *kClientsName = "clients";

    static LaunchedCluster launch(const std::vector<std::string> &paths, std::uint64_t seed = sim::kDefaultSeed,
                                  double rate = kDefaultRate);
    /** launch() for manifests already loaded (an autosave's text); their diagnostics' errors are the error. */
    static LaunchedCluster launch(const sim::manifest::LoadResult &loaded, std::uint64_t seed = sim::kDefaultSeed,
                                  double rate = kDefaultRate);
    /** Starts the clients' load generator on an already loaded cluster; nullopt (and why) when it has no single entry point. */
    static std::optional<std::uint32_t> startClients(sim::Simulation &simulation, double rate, std::string *error);
};

} // namespace ui
