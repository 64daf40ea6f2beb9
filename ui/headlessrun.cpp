#include "ui/headlessrun.h"

#include "ui/clusterlauncher.h"

#include <chrono>
#include <map>
#include <thread>

namespace ui {
namespace {

std::string figures(sim::Simulation &simulation, std::uint32_t generator, std::uint64_t &lastAnswered)
{
    const sim::traffic::LoadCounters &c = simulation.traffic().counters(generator);
    const auto &metrics = simulation.traffic().metrics();
    std::uint64_t answered = 0;
    std::map<std::string, std::uint64_t> byService;
    for (std::size_t id = 0; id < c.byServiceSeries.size(); ++id)
        if (c.byServiceSeries[id] > 0) {
            byService[metrics.series(static_cast<std::uint32_t>(id)).name()] += c.byServiceSeries[id];
            answered += c.byServiceSeries[id];
        }
    char line[512];
    const long long t = simulation.engine().now() / sim::engine::kSecond;
    int n = std::snprintf(line, sizeof line, "t=%02lld:%02lld  %4llu req/s", t / 60, t % 60,
                          static_cast<unsigned long long>(c.answered - lastAnswered));
    lastAnswered = c.answered;
    for (const auto &[service, count] : byService)
        n += std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), "  %s %.1f %%", service.c_str(),
                           100.0 * static_cast<double>(count) / static_cast<double>(answered));
    std::uint64_t errors = c.dropped;
    for (int status = 500; status < 600; ++status)
        errors += c.byStatus[static_cast<std::size_t>(status)];
    std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), "  p50 %.1f ms  p99 %.1f ms  %llu errors",
                  static_cast<double>(c.latency.percentile(0.5)) / 1000.0,
                  static_cast<double>(c.latency.percentile(0.99)) / 1000.0, static_cast<unsigned long long>(errors));
    return line;
}

} // namespace

int runHeadless(const std::vector<std::string> &paths, int seconds, std::FILE *out)
{
    LaunchedCluster cluster = ClusterLauncher::launch(paths);
    if (!cluster.ok()) {
        std::fprintf(stderr, "%s", cluster.error.c_str());
        return 1;
    }
    if (!cluster.generator) {
        std::fprintf(out, "kubesim: the cluster has no single entry point; nothing to send requests to.\n");
        return 0;
    }
    sim::Simulation &simulation = *cluster.simulation;
    std::uint64_t lastAnswered = simulation.traffic().counters(*cluster.generator).answered;
    for (int s = 0; s < seconds; ++s) {
        const auto wallStart = std::chrono::steady_clock::now();
        simulation.runUntil(simulation.engine().now() + sim::engine::kSecond);
        std::fprintf(out, "%s\n", figures(simulation, *cluster.generator, lastAnswered).c_str());
        std::fflush(out);
        std::this_thread::sleep_until(wallStart + std::chrono::seconds(1));
    }
    return 0;
}

} // namespace ui
