// Cluster benchmark (docs/performance.md): Kubernetes' documented largest cluster (5,000 nodes, 150,000 pods
// in 1,500 Deployments, 10,000 Services) as YAML text, loaded, applied as one batch and settled until every
// pod runs and every EndpointSlice is written. Prints YAML load throughput, apply and settle times (wall and
// this thread's CPU), peak RSS, and what the cluster reached.
//
//   build/tests/bench/bench_cluster [SCALE]     SCALE 1 (default) is the full size; 0.1 a tenth of it

#include "sim/manifest/loader.h"
#include "sim/simulation.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

using namespace sim;

namespace {

struct Size {
    int nodes = 5000;
    int deployments = 1500;
    int replicas = 100;
    int services = 10000;
};

struct Clock {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    double cpu = cpuSeconds();

    static double cpuSeconds()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
    }
    double wallSeconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(); }
    double cpuSecondsSince() const { return cpuSeconds() - cpu; }
};

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

void node(std::string &out, int i)
{
    out += "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-" + std::to_string(i) +
           "\n  labels:\n    kubernetes.io/hostname: node-" + std::to_string(i) + "\n    topology.kubernetes.io/zone: zone-" +
           std::to_string(i % 3) + "\nstatus:\n  capacity:\n    cpu: \"32\"\n    memory: 128Gi\n    pods: \"110\"\n---\n";
}

void deployment(std::string &out, int i, int replicas)
{
    const std::string name = "app-" + std::to_string(i);
    out += "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: ns-" + std::to_string(i % 50) +
           "\nspec:\n  replicas: " + std::to_string(replicas) + "\n  selector:\n    matchLabels:\n      app: " + name +
           "\n  template:\n    metadata:\n      labels:\n        app: " + name +
           "\n    spec:\n      containers:\n        - name: app\n          image: registry.k8s.io/e2e-test-images/agnhost:2.39"
           "\n          ports:\n            - name: http\n              containerPort: 8080"
           "\n          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n---\n";
}

// Service s selects Deployment s % deployments, so every Deployment has several Services, as real apps do.
void service(std::string &out, int s, int deployments)
{
    const int d = s % deployments;
    out += "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-" + std::to_string(s) + "\n  namespace: ns-" + std::to_string(d % 50) +
           "\nspec:\n  selector:\n    app: app-" + std::to_string(d) + "\n  ports:\n    - port: 80\n      targetPort: http\n---\n";
}

std::string manifests(const Size &size)
{
    std::string out;
    for (int n = 0; n < 50; ++n)
        out += "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-" + std::to_string(n) + "\n---\n";
    for (int i = 0; i < size.nodes; ++i)
        node(out, i);
    for (int i = 0; i < size.deployments; ++i)
        deployment(out, i, size.replicas);
    for (int s = 0; s < size.services; ++s)
        service(out, s, size.deployments);
    return out;
}

std::size_t count(const Simulation &simulation, api::Kind kind) { return simulation.store().list(kind).size(); }

std::size_t runningPods(const Simulation &simulation)
{
    std::size_t n = 0;
    for (const api::ObjectPtr &pod : simulation.store().list(api::Kind::Pod))
        n += pod->as<api::Pod>().status.phase == "Running";
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    const double scale = argc > 1 ? std::atof(argv[1]) : 1.0;
    if (!(scale > 0 && scale <= 1)) {
        std::fprintf(stderr, "usage: bench_cluster [SCALE in (0, 1]]\n");
        return 2;
    }
    Size size;
    size.nodes = std::max(1, static_cast<int>(size.nodes * scale));
    size.deployments = std::max(1, static_cast<int>(size.deployments * scale));
    size.services = std::max(1, static_cast<int>(size.services * scale));
    std::printf("cluster: %d nodes, %d Deployments x %d replicas = %d pods, %d Services\n", size.nodes, size.deployments,
                size.replicas, size.deployments * size.replicas, size.services);

    const std::string text = manifests(size);
    Clock load;
    manifest::LoadResult loaded = manifest::loadText(text, "cluster.yaml");
    const double loadCpu = load.cpuSecondsSince();
    if (!loaded.ok()) {
        std::fprintf(stderr, "the generated manifests do not load\n");
        return 1;
    }
    std::printf("load:   %zu documents, %.1f MB of YAML in %.2f s CPU: %.0f objects/s, %.1f MB/s\n", loaded.documents.size(),
                static_cast<double>(text.size()) / 1e6, loadCpu, static_cast<double>(loaded.documents.size()) / loadCpu,
                static_cast<double>(text.size()) / 1e6 / loadCpu);

    Simulation simulation(1);
    Clock apply;
    const auto applied = simulation.apply(loaded.documents);
    std::printf("apply:  %.2f s wall, %.2f s CPU (%s)\n", apply.wallSeconds(), apply.cpuSecondsSince(),
                applied.ok ? "accepted" : "refused");
    if (!applied.ok) {
        std::fprintf(stderr, "%s", applied.errorText().c_str());
        return 1;
    }

    Clock settle;
    const bool settled = simulation.settle(engine::kHour);
    std::printf("settle: %.2f s wall, %.2f s CPU, %s at sim time %.1f s\n", settle.wallSeconds(), settle.cpuSecondsSince(),
                settled ? "settled" : "NOT settled", static_cast<double>(simulation.engine().now()) / engine::kSecond);
    std::printf("result: %zu pods (%zu Running), %zu ReplicaSets, %zu EndpointSlices, %zu events\n", count(simulation, api::Kind::Pod),
                runningPods(simulation), count(simulation, api::Kind::ReplicaSet), count(simulation, api::Kind::EndpointSlice),
                static_cast<std::size_t>(simulation.events().recordedCount()));
    std::printf("memory: %ld MiB peak RSS\n", peakRssMiB());
    return 0;
}
