#pragma once

#include "sim/engine/engine.h"
#include "sim/metrics/metricsregistry.h"
#include "sim/store/store.h"
#include "sim/traffic/exchange.h"
#include "sim/traffic/flight.h"
#include "sim/traffic/gatewaycompiler.h"
#include "sim/traffic/loadspec.h"
#include "sim/traffic/podserver.h"
#include "sim/traffic/router.h"
#include "sim/traffic/routingtable.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sim::traffic {

/** How a finished request ended, for observers (scenario checks): plain ids, no strings. */
struct Completion {
    std::uint32_t generator = 0xffffffffu;  // index of the load generator, or none for single requests
    engine::SimTime at = 0;
    engine::SimTime latency = 0;
    std::int32_t status = 0;                // 0: dropped
    const char *dropReason = "";
    std::uint32_t serviceSeries = 0xffffffffu;
    std::uint32_t podSeries = 0xffffffffu;
};

/**
 * Requests in the simulated cluster: compiles the routing table when routing objects change, routes
 * each request, carries it over the network and through the pod's server model in sim time, and
 * records metrics, load generator counters and (when asked) flights for the window.
 */
class TrafficSystem {
public:
    TrafficSystem(engine::Engine &engine, store::Store &store);
    ~TrafficSystem();
    TrafficSystem(const TrafficSystem &) = delete;
    TrafficSystem &operator=(const TrafficSystem &) = delete;

    /** The routing table for the store as it is now (compiled again if a routing object changed). */
    std::shared_ptr<const RoutingTable> table();
    /** Gateway API status as of the last compile. */
    const GatewayStatusReport &gatewayStatus();
    void setIngressAddresses(std::map<std::string, std::string> byClass);
    void setKubeProxyMode(KubeProxy::Mode mode) { m_router.kubeProxy().setMode(mode); }
    metrics::MetricsRegistry &metrics() { return m_metrics; }
    const metrics::MetricsRegistry &metrics() const { return m_metrics; }

    /** The only entry point the cluster has (Gateway, ingress controller or LoadBalancer Service), or why there is none. */
    std::optional<EntryPoint> defaultEntry(std::string *error);
    /** The address a bare-path URL goes to on an entry point (its external IP), or "" when it has none yet. */
    std::string entryAddress(const EntryPoint &entry);

    /** Sends one request now with a trace; `done` gets its whole story when it ends. */
    void send(const EntryPoint &entry, const HttpRequest &request, std::function<void(const Exchange &)> done);
    /** Sends one request and runs the engine until it ends (at most a minute of sim time). */
    Exchange exchange(const EntryPoint &entry, const HttpRequest &request);

    /** Starts a load generator; returns its index. */
    std::uint32_t startLoad(LoadSpec spec);
    void stopLoad(std::uint32_t generator);
    /** The generator with this name, or none. */
    std::optional<std::uint32_t> findLoad(const std::string &name) const;
    const LoadCounters &counters(std::uint32_t generator) const;
    const LoadSpec &loadSpec(std::uint32_t generator) const;
    bool isRunning(std::uint32_t generator) const;
    std::size_t requestsInFlight() const { return m_inFlightCount; }

    /** Calls the observer for every finished request (answered or dropped). */
    void addObserver(std::function<void(const Completion &)> observer) { m_observers.push_back(std::move(observer)); }

    /**
     * Records flights for the window; off by default (the benchmark path). While fewer than
     * kStoriesInFlight requests are in flight, each new request also keeps its whole story (the trace
     * `kubesim request` prints), handed over in its finished Flight.
     */
    void setFlightRecording(bool on) { m_recordFlights = on; }
    static constexpr std::size_t kStoriesInFlight = 6000;
    /** The story so far (routing trace, no response yet) of a request in flight that keeps one, or nullptr. */
    const Exchange *storyInFlight(std::uint64_t requestId) const;
    /** Requests that moved since the last call, with their hops; cheap enough to call every frame. */
    std::vector<Flight> takeFlights();

    /**
     * Bytes the traffic system itself holds per request in flight: its slot and free-list index. Not the
     * whole cost: the request's pending engine event and the vectors' spare capacity come on top
     * (`bench_routing memory` measures the total, docs/performance.md).
     */
    static std::size_t slotBytesPerRequest();

private:
    struct Generator;
    struct Slot;

    void markDirty(const store::WatchEvent &event);
    void generate(std::uint32_t generator);
    struct Pending;
    /** Routes a request and sets it on its way; `pending` (single requests only) collects its story. */
    std::uint32_t launch(const EntryPoint &entry, const HttpRequest &request, std::uint32_t generator,
                         std::unique_ptr<Pending> pending = nullptr);
    void launchMirror(const RoutingTable &table, const MirrorTarget &mirror, engine::SimTime at);
    void toPod(std::uint32_t slot, engine::SimTime arrival, const PodServerModel &model);
    void startService(std::uint32_t slot, engine::SimTime start);
    void complete(std::uint32_t slot);
    void finish(std::uint32_t slot, std::int32_t status, const char *dropReason);
    void describe(const RoutingTable &table, const RoutingDecision &d, const HttpRequest &request, Exchange &out);
    std::uint32_t allocateSlot();
    void noteMoved(std::uint32_t slot);
    void addHop(Slot &slot, FlightHop::Kind kind, std::uint32_t series, engine::SimTime at);

    engine::Engine &m_engine;
    store::Store &m_store;
    int m_watch = 0;
    bool m_dirty = true;
    std::shared_ptr<const RoutingTable> m_table;
    std::unique_ptr<GatewayStatusReport> m_gatewayStatus;
    std::map<std::string, std::string> m_ingressAddresses;
    metrics::MetricsRegistry m_metrics;
    Router m_router;
    engine::RandomStream m_serverRandom;
    engine::RandomStream m_loadRandom;
    std::vector<std::unique_ptr<Generator>> m_generators;
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_freeSlots;
    std::size_t m_inFlightCount = 0;
    std::uint64_t m_nextRequestId = 1;
    std::vector<PodServer> m_podServers;  // by pod metric series id
    std::vector<std::function<void(const Completion &)>> m_observers;
    bool m_recordFlights = false;
    std::vector<std::uint32_t> m_moved;
    std::vector<Flight> m_finishedFlights;
};

} // namespace sim::traffic
