// Routing benchmark (docs/performance.md): routing decisions per second through one Gateway listener with
// 100 HTTPRoutes x 10 rules (path, header and query matches, weighted backends) at 10 / 100 / 1,000 /
// 10,000 rules; whole simulated requests per second (generated, routed, queued and served by pods,
// answered, metrics recorded; traces and flights off); memory per in-flight request.
//
//   build/tests/bench/bench_routing [decisions] [whole] [memory] [RULES...]

#include "../common/trafficfixture.h"

#include "sim/traffic/trafficsystem.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <malloc.h>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace sim;


namespace {

constexpr int kRulesPerRoute = 10;
constexpr int kServices = 20;

// Rule k of route r: path prefix /r<r>/p<k>; every third rule also needs a header, every fifth a query parameter;
// two weighted backends (90 / 10).
void buildCluster(fixture::Cluster &c, int rules)
{
    c.pods("default", "echo", 6, 3, {{"kubesim.io/concurrency", "100000"}, {"kubesim.io/queue-limit", "100000"}});
    for (int s = 0; s < kServices; ++s)
        c.service("default", "svc-" + std::to_string(s), "echo", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {fixture::listener("http", 80)});
    int routes = std::max(1, rules / kRulesPerRoute);
    for (int r = 0; r < routes; ++r) {
        std::vector<api::HTTPRouteRule> list;
        for (int k = 0; k < kRulesPerRoute && r * kRulesPerRoute + k < std::max(rules, 1); ++k) {
            api::HTTPRouteMatch m = fixture::pathMatch("PathPrefix", "/r" + std::to_string(r) + "/p" + std::to_string(k));
            if (k % 3 == 0)
                m.headers.push_back(api::HTTPHeaderMatch{"Exact", "x-version", "v" + std::to_string(k)});
            if (k % 5 == 0)
                m.queryParams.push_back(api::HTTPQueryParamMatch{"Exact", "tier", "gold"});
            int a = (r + k) % kServices, b = (r + k + 1) % kServices;
            list.push_back(fixture::rule({m}, {fixture::backend("svc-" + std::to_string(a), 80, 90),
                                               fixture::backend("svc-" + std::to_string(b), 80, 10)}));
        }
        c.route("default", "route-" + std::to_string(r), list, {"shop.example.com"});
    }
}

std::vector<traffic::HttpRequest> requests(int rules, std::uint64_t seed)
{
    engine::RandomStream random(seed, 7);
    std::vector<traffic::HttpRequest> out;
    int routes = std::max(1, rules / kRulesPerRoute);
    for (int i = 0; i < 4096; ++i) {
        int r = static_cast<int>(random.uniform(static_cast<std::uint64_t>(routes)));
        int k = static_cast<int>(random.uniform(std::min(kRulesPerRoute, std::max(rules, 1))));
        std::string url = "http://shop.example.com/r" + std::to_string(r) + "/p" + std::to_string(k) + "/items/42";
        if (k % 5 == 0)
            url += "?tier=gold";
        traffic::HttpRequest request = *traffic::HttpRequest::fromUrl(url);
        request.headers.add("user-agent", "bench");
        if (k % 3 == 0)
            request.headers.add("x-version", "v" + std::to_string(k));
        out.push_back(std::move(request));
    }
    return out;
}

// CPU time of this thread: the machine is shared, so wall time would count other processes' work.
struct CpuClock {
    using time_point = double;
    static double now()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    }
};

double seconds(double since) { return CpuClock::now() - since; }

// What the kernel did for this thread: CPU time in the kernel and page faults. A table compile that
// takes ten times longer than usual in one run shows here when it waited on memory, not on its own work.
struct KernelWork {
    double systemMs = 0;
    long pageFaults = 0;

    static KernelWork now()
    {
        rusage usage{};
        getrusage(RUSAGE_THREAD, &usage);
        return {static_cast<double>(usage.ru_stime.tv_sec) * 1e3 + static_cast<double>(usage.ru_stime.tv_usec) * 1e-3,
                usage.ru_minflt + usage.ru_majflt};
    }
    KernelWork since(const KernelWork &before) const { return {systemMs - before.systemMs, pageFaults - before.pageFaults}; }
};

// Bytes the allocator has handed out and not taken back: unlike RSS, it does not depend on whether freed
// blocks (the old buffers of grown vectors) were returned to the kernel.
std::size_t heapInUse()
{
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

long rssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return 0;
}

constexpr int kBatch = 100000;

// The timed loop on its own, so that `valgrind --tool=callgrind --toggle-collect=*routeBatch*` counts only it.
[[gnu::noinline]] std::uint64_t routeBatch(traffic::Router &router, const traffic::RoutingTable &table, const traffic::EntryPoint &entry,
                                           const std::vector<traffic::HttpRequest> &list)
{
    std::uint64_t forwarded = 0;
    std::size_t next = 0;
    for (int i = 0; i < kBatch; ++i) {
        forwarded += router.route(table, entry, list[next], 0, nullptr).isForwarded();
        next = next + 1 == list.size() ? 0 : next + 1;
    }
    return forwarded;
}

void benchDecisions(int rules)
{
    fixture::Cluster c;
    buildCluster(c, rules);
    auto t0 = CpuClock::now();
    KernelWork k0 = KernelWork::now();
    auto table = c.table();
    double compileMs = seconds(t0) * 1e3;
    KernelWork compileKernel = KernelWork::now().since(k0);
    traffic::Router router(c.engine.stream("bench"));
    std::vector<traffic::HttpRequest> list = requests(rules, 42);
    traffic::EntryPoint entry = traffic::EntryPoint::gateway("default", "gw");
    std::uint64_t forwarded = 0, n = 0;
    auto start = CpuClock::now();
    double elapsed = 0;
    while (elapsed < 1.0) {
        forwarded += routeBatch(router, *table, entry, list);
        n += kBatch;
        elapsed = seconds(start);
    }
    std::printf("rules %6d  compile %8.1f ms (kernel %.1f ms, %ld page faults)  decisions %7.2f M/s  %6.0f ns/decision  (%.1f %% forwarded)\n",
                rules, compileMs, compileKernel.systemMs, compileKernel.pageFaults, static_cast<double>(n) / elapsed / 1e6,
                elapsed * 1e9 / static_cast<double>(n), 100.0 * static_cast<double>(forwarded) / static_cast<double>(n));
}

void benchWholeRequests()
{
    fixture::Cluster c;
    buildCluster(c, 1000);
    traffic::TrafficSystem system(c.engine, c.store);
    traffic::LoadSpec spec;
    spec.entry = traffic::EntryPoint::gateway("default", "gw");
    for (traffic::HttpRequest &r : requests(1000, 43))
        spec.templates.push_back({std::move(r), 1});
    spec.rate = 1000;
    spec.count = 3600000;  // an hour at 1,000 requests per second
    spec.clients = 50;
    auto g = system.startLoad(spec);
    auto start = CpuClock::now();
    c.engine.runUntil(engine::kHour + engine::kMinute);
    double elapsed = seconds(start);
    const traffic::LoadCounters &counters = system.counters(g);
    std::printf("whole requests: %llu answered in %.2f s CPU = %.2f M requests/s (an hour of 1,000 rps in %.1f s); p50 %lld us p99 %lld us\n",
                static_cast<unsigned long long>(counters.answered), elapsed, static_cast<double>(counters.answered) / elapsed / 1e6,
                elapsed, static_cast<long long>(counters.latency.percentile(0.5)), static_cast<long long>(counters.latency.percentile(0.99)));
}

void benchInFlightMemory()
{
    fixture::Cluster c;
    c.pods("default", "slow", 3, 3, {{"kubesim.io/latency-median", "100s"}, {"kubesim.io/latency-p99", "100s"},
                                     {"kubesim.io/concurrency", "1000000"}, {"kubesim.io/queue-limit", "0"}});
    c.service("default", "slow", "slow", 80);
    traffic::TrafficSystem system(c.engine, c.store);
    traffic::LoadSpec spec;
    spec.entry = traffic::EntryPoint::service("default", "slow");
    spec.templates.push_back({*traffic::HttpRequest::fromUrl("http://slow/"), 1});
    spec.rate = 10000;
    spec.count = 500000;
    system.table();
    long before = rssKiB();
    std::size_t heapBefore = heapInUse();
    system.startLoad(spec);
    c.engine.runUntil(60 * engine::kSecond);
    long after = rssKiB();
    std::size_t heapAfter = heapInUse();
    auto inFlight = static_cast<double>(system.requestsInFlight());
    // The true figure is the allocator's: the slot is only the traffic system's part of it.
    const double heapPerRequest = static_cast<double>(heapAfter - heapBefore) / inFlight;
    const auto slot = traffic::TrafficSystem::slotBytesPerRequest();
    std::printf("in flight: %.0f requests, heap in use +%zu KiB = %.0f bytes per in-flight request: the request's slot %zu bytes, "
                "its pending engine event and the vectors' spare capacity %.0f bytes; RSS +%ld KiB = %.0f bytes\n",
                inFlight, (heapAfter - heapBefore) / 1024, heapPerRequest, slot, heapPerRequest - static_cast<double>(slot),
                after - before, static_cast<double>(after - before) * 1024.0 / inFlight);
}

} // namespace

int main(int argc, char **argv)
{
    // Words choose the benchmarks, numbers the rule counts of "decisions" (default: all of both).
    std::vector<std::string> only;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        if (std::isdigit(static_cast<unsigned char>(argv[i][0])))
            sizes.push_back(std::atoi(argv[i]));
        else
            only.emplace_back(argv[i]);
    }
    if (sizes.empty())
        sizes = {10, 100, 1000, 10000};
    auto wanted = [&](const std::string &what) { return only.empty() || std::find(only.begin(), only.end(), what) != only.end(); };
    if (wanted("decisions")) {
        for (int rules : sizes)
            benchDecisions(rules);
    }
    if (wanted("whole"))
        benchWholeRequests();
    if (wanted("memory"))
        benchInFlightMemory();
    return 0;
}
