// Canvas benchmark (docs/performance.md): offscreen frame time of the topology canvas, a frame being what
// the frame driver does per tick on the canvas: move every particle (TopologyScene::updateFrame) and
// repaint the view. (a) 50 Services, 200 pods, 10,000 requests in flight; (b) 1,000 Services,
// 10,000 pods framed per Deployment, fitted to the window so cards draw at their far-out level of detail.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_canvas

#include "../common/canarycluster.h"

#include "sim/engine/engine.h"
#include "sim/topology/topologygraph.h"
#include "ui/framesnapshot.h"
#include "ui/theme.h"
#include "ui/topologyscene.h"
#include "ui/topologyview.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <vector>

using namespace kubesim::testing;
namespace ids = sim::topology::ids;

namespace {

constexpr int kWarmupFrames = 10;
constexpr int kFrames = 120;
constexpr sim::engine::SimTime kFrame = 16 * sim::engine::kMillisecond;

struct Scale {
    const char *name;
    int services;
    int podsPerService;
    int requestsInFlight;
    double targetMs;
};

// One Gateway, HTTPRoutes of 10 rules each (rule k of route r sends /r<r>/p<k> to one Service, every
// other rule split 90/10 over two), one Deployment of `podsPerService` pods behind each Service.
void buildCluster(sim::store::Store &store, const Scale &scale)
{
    store.create(gateway("web"));
    for (int r = 0; r * 10 < scale.services; ++r) {
        std::vector<std::pair<std::string, int>> backends;
        sim::api::Object o = route("route-" + std::to_string(r), "web", {});
        auto &spec = o.as<sim::api::HTTPRoute>().spec;
        spec.rules.clear();
        for (int k = 0; k < 10 && r * 10 + k < scale.services; ++k) {
            const int s = r * 10 + k;
            sim::api::HTTPRouteRule rule;
            sim::api::HTTPBackendRef ref;
            ref.ref.name = "svc-" + std::to_string(s);
            ref.weight = k % 2 ? 90 : 1;
            rule.backendRefs.push_back(ref);
            if (k % 2) {
                ref.ref.name = "svc-" + std::to_string(s - 1);
                ref.weight = 10;
                rule.backendRefs.push_back(ref);
            }
            spec.rules.push_back(rule);
        }
        store.create(o);
    }
    for (int s = 0; s < scale.services; ++s) {
        const std::string name = "svc-" + std::to_string(s);
        store.create(service(name, {{"app", name}}));
        addDeployment(store, name, "v" + std::to_string(s % 3 + 1), scale.podsPerService);
        // addDeployment labels pods app=app; relabel so each Service selects its own Deployment's pods.
        for (int p = 0; p < scale.podsPerService; ++p) {
            sim::api::Object pod = *store.get(sim::api::Kind::Pod, "default", name + "-5d9c7-p" + std::to_string(p));
            pod.metadata.labels.edit()["app"] = name;
            store.update(pod);
        }
    }
}

// Requests spread over every path, each taking 40 ms per hop, started so that `count` are in flight at once.
std::deque<ui::RequestFlight> makeFlights(const Scale &scale, sim::engine::SimTime start)
{
    std::deque<ui::RequestFlight> out;
    const sim::engine::SimTime hop = 40 * sim::engine::kMillisecond, life = 4 * hop;
    for (int i = 0; i < scale.requestsInFlight; ++i) {
        const int s = i % scale.services, r = s / 10, k = s % 10;
        const std::string svc = "svc-" + std::to_string(s);
        ui::RequestFlight f;
        f.id = static_cast<std::uint64_t>(i + 1);
        const sim::engine::SimTime t0 = start - life + life * i / scale.requestsInFlight;
        const std::string pod = svc + "-5d9c7-p" + std::to_string(i % scale.podsPerService);
        const std::string path[] = {ids::client(), ids::gateway("default", "web"),
                                    ids::routeRule("default", "route-" + std::to_string(r), k), ids::service("default", svc),
                                    ids::pod("default", pod)};
        for (int h = 0; h < 5; ++h)
            f.hops.push_back({path[h], t0 + h * hop});
        f.version = "v" + std::to_string(s % 3 + 1);
        f.status = i % 50 == 0 ? 503 : 200;
        f.isFinished = true;
        out.push_back(std::move(f));
    }
    return out;
}

void run(const Scale &scale)
{
    sim::engine::Engine engine;
    sim::store::Store store(engine);
    buildCluster(store, scale);
    ui::TopologyScene scene;
    scene.setTheme(ui::Theme::make(false, false));
    QElapsedTimer setup;
    setup.start();
    scene.rebuild(store);
    const qint64 layoutMs = setup.elapsed();
    // What the window does when one pod changes: rebuild the graph, keep every known node in place.
    sim::api::Object pod = *store.get(sim::api::Kind::Pod, "default", "svc-0-5d9c7-p0");
    pod.as<sim::api::Pod>().status.phase = "Pending";
    store.update(pod);
    setup.restart();
    scene.rebuild(store);
    const qint64 rebuildMs = setup.elapsed();
    ui::TopologyView view(&scene);
    view.resize(1600, 900);
    view.show();
    view.fitAll();

    ui::FrameSnapshot frame;
    frame.now = 10 * sim::engine::kSecond;
    std::deque<ui::RequestFlight> flights = makeFlights(scale, frame.now);
    std::vector<double> ms;
    for (int f = 0; f < kWarmupFrames + kFrames; ++f) {
        frame.previous = frame.now;
        frame.now += kFrame;
        // Keep the same number in flight: each frame, the oldest requests start again at the back.
        for (ui::RequestFlight &flight : flights)
            if (flight.hops.back().at <= frame.now)
                for (ui::FlightHop &hop : flight.hops)
                    hop.at += 4 * 40 * sim::engine::kMillisecond;
        frame.flights.clear();
        for (const ui::RequestFlight &flight : flights)
            frame.flights.push_back(&flight);
        QElapsedTimer timer;
        timer.start();
        scene.updateFrame(frame);
        view.viewport()->repaint();
        if (f >= kWarmupFrames)
            ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    double total = 0;
    for (double m : ms)
        total += m;
    const double mean = total / static_cast<double>(ms.size());
    std::printf("%-3s %5d Services %6d pods %6d requests in flight (%zu particles, 1 dot = %d): first layout %lld ms, "
                "rebuild after one pod changed %lld ms; "
                "frame mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms (target %.0f ms: %s) at zoom %.3f\n",
                scale.name, scale.services, scale.services * scale.podsPerService, scale.requestsInFlight, scene.particleCount(),
                scene.requestsPerParticle(), static_cast<long long>(layoutMs), static_cast<long long>(rebuildMs), mean, ms[ms.size() / 2],
                ms[ms.size() * 95 / 100], ms.back(), scale.targetMs, mean <= scale.targetMs ? "met" : "MISSED", view.zoom());
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    run({"(a)", 50, 4, 10000, 8});
    run({"(b)", 1000, 10, 2000, 16});
    return 0;
}
