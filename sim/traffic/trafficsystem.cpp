#include "sim/traffic/trafficsystem.h"

#include "sim/traffic/httpfilters.h"
#include "sim/traffic/routingtablebuilder.h"

#include <algorithm>
#include <cmath>

namespace sim::traffic {

using Outcome = RoutingDecision::Outcome;
using Via = RoutingDecision::Via;
using engine::SimTime;

namespace {

// Network and proxy times (docs/routing.md): a client outside reaches the cluster in 1 ms, hops
// inside it take 0.2 ms, a proxy spends 0.1 ms deciding, a client gives up connecting after 10 s.
constexpr SimTime kExternalHop = engine::kMillisecond;
constexpr SimTime kInternalHop = 200;
constexpr SimTime kProxyTime = 100;
constexpr SimTime kConnectTimeout = 10 * engine::kSecond;
constexpr std::uint32_t kMirror = 0xfffffffeu;

void bump(std::vector<std::uint64_t> &counts, std::uint32_t id)
{
    if (id == kNone)
        return;
    if (counts.size() <= id)
        counts.resize(id + 1, 0);
    ++counts[id];
}

bool isRoutingKind(api::Kind kind)
{
    using K = api::Kind;
    return kind == K::Pod || kind == K::Node || kind == K::Service || kind == K::EndpointSlice || kind == K::Secret
        || kind == K::Namespace || kind == K::IngressClass || kind == K::Ingress || kind == K::GatewayClass
        || kind == K::Gateway || kind == K::HTTPRoute || kind == K::ReferenceGrant;
}

} // namespace

struct TrafficSystem::Generator {
    LoadSpec spec;
    LoadCounters counters;
    // One request per template; each send stamps the client in place (short strings: no allocation), so the
    // generator's memory does not grow with templates x clients and the request sent stays in cache.
    std::vector<HttpRequest> requests;
    std::vector<std::string> clientIds;
    std::vector<std::string> clientIps;
    std::vector<std::uint64_t> cumulative;
    bool isRunning = true;
    SimTime startedAt = 0;
    engine::EventId next = 0;
};

struct TrafficSystem::Pending {
    Exchange exchange;
    std::function<void(const Exchange &)> done;
    std::shared_ptr<const RoutingTable> table;  // keeps the decision's pointers valid until the answer
    RoutingDecision decision;
};

struct TrafficSystem::Slot {
    std::uint64_t id = 0;
    SimTime start = 0;
    SimTime arrival = 0;
    SimTime returnDelay = 0;
    std::uint32_t generator = kNone;
    std::uint32_t entry = kNone;
    std::uint32_t rule = kNone;
    std::uint32_t backend = kNone;
    std::uint32_t service = kNone;
    std::uint32_t pod = kNone;  // pod metric series id, which also keys its PodServer
    std::int32_t status = 0;
    bool isLive = false;
    bool isMoved = false;
    std::unique_ptr<Pending> pending;
    std::vector<FlightHop> hops;
};

TrafficSystem::TrafficSystem(engine::Engine &engine, store::Store &store)
    : m_engine(engine), m_store(store), m_router(engine.stream("traffic-router")),
      m_serverRandom(engine.stream("traffic-pods")), m_loadRandom(engine.stream("traffic-load"))
{
    m_watch = m_store.watch([this](const store::WatchEvent &event) { markDirty(event); });
}

TrafficSystem::~TrafficSystem() { m_store.unwatch(m_watch); }

std::size_t TrafficSystem::slotBytesPerRequest() { return sizeof(Slot) + sizeof(std::uint32_t); }

void TrafficSystem::markDirty(const store::WatchEvent &event)
{
    api::Kind kind = event.object->kind();
    if (!isRoutingKind(kind))
        return;
    // Pods change status often; only what routing reads (address, node, annotations) matters here.
    if (kind == api::Kind::Pod && event.type == store::WatchEventType::Modified && event.old) {
        const auto &a = event.old->as<api::Pod>();
        const auto &b = event.object->as<api::Pod>();
        if (a.status.podIP == b.status.podIP && a.spec->nodeName == b.spec->nodeName
            && event.old->metadata.annotations == event.object->metadata.annotations)
            return;
    }
    m_dirty = true;
}

std::shared_ptr<const RoutingTable> TrafficSystem::table()
{
    if (m_dirty || !m_table) {
        RoutingTableBuilder builder(m_store, &m_metrics);
        builder.setIngressAddresses(m_ingressAddresses);
        m_table = builder.build();
        m_gatewayStatus = std::make_unique<GatewayStatusReport>(builder.gatewayStatus());
        m_dirty = false;
    }
    return m_table;
}

const GatewayStatusReport &TrafficSystem::gatewayStatus()
{
    table();
    return *m_gatewayStatus;
}

void TrafficSystem::setIngressAddresses(std::map<std::string, std::string> byClass)
{
    if (byClass != m_ingressAddresses) {
        m_ingressAddresses = std::move(byClass);
        m_dirty = true;
    }
}

std::optional<EntryPoint> TrafficSystem::defaultEntry(std::string *error)
{
    auto t = table();
    std::vector<EntryPoint> entries;
    for (const CompiledGateway &g : t->gateways)
        entries.push_back(EntryPoint::gateway(g.namespace_, g.name));
    for (const CompiledIngressController &c : t->ingressControllers)
        entries.push_back(EntryPoint::ingressClass(c.className));
    for (const CompiledService &s : t->services) {
        if (s.type == "LoadBalancer")
            entries.push_back(EntryPoint::service(s.namespace_, s.name));
    }
    if (entries.size() == 1)
        return entries.front();
    if (error) {
        if (entries.empty()) {
            *error = "no entry point: the manifests define no Gateway, no Ingress and no LoadBalancer Service "
                     "(use --service NS/NAME for a ClusterIP or NodePort Service)";
        } else {
            *error = "several entry points; choose one with";
            for (const EntryPoint &e : entries) {
                *error += e.kind == EntryPoint::Kind::Gateway        ? " --gateway " + e.namespace_ + "/" + e.name
                          : e.kind == EntryPoint::Kind::IngressClass ? " --ingress-class " + e.name
                                                                     : " --service " + e.namespace_ + "/" + e.name;
                *error += e.name == entries.back().name && e.kind == entries.back().kind ? "" : ",";
            }
        }
    }
    return std::nullopt;
}

std::string TrafficSystem::entryAddress(const EntryPoint &entry)
{
    auto t = table();
    auto first = [](const std::vector<std::string> &v) { return v.empty() ? std::string() : v.front(); };
    switch (entry.kind) {
    case EntryPoint::Kind::Gateway:
        if (const CompiledGateway *g = t->findGateway(entry.namespace_, entry.name))
            return first(g->addresses);
        break;
    case EntryPoint::Kind::IngressClass:
        if (const CompiledIngressController *c = t->findIngressController(entry.name))
            return first(c->addresses);
        break;
    case EntryPoint::Kind::Service:
        if (const CompiledService *s = t->findService(entry.namespace_, entry.name))
            return s->loadBalancerIPs.empty() ? s->clusterIP : s->loadBalancerIPs.front();
        break;
    case EntryPoint::Kind::Auto:
        break;
    }
    return {};
}

std::uint32_t TrafficSystem::allocateSlot()
{
    std::uint32_t index;
    if (!m_freeSlots.empty()) {
        index = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        index = static_cast<std::uint32_t>(m_slots.size());
        m_slots.emplace_back();
    }
    Slot &slot = m_slots[index];
    slot.id = m_nextRequestId++;
    slot.isLive = true;
    ++m_inFlightCount;
    return index;
}

void TrafficSystem::addHop(Slot &slot, FlightHop::Kind kind, std::uint32_t series, SimTime at)
{
    slot.hops.push_back(FlightHop{kind, series, at});
}

void TrafficSystem::noteMoved(std::uint32_t index)
{
    Slot &slot = m_slots[index];
    if (m_recordFlights && !slot.isMoved) {
        slot.isMoved = true;
        m_moved.push_back(index);
    }
}

void TrafficSystem::send(const EntryPoint &entry, const HttpRequest &request, std::function<void(const Exchange &)> done)
{
    auto pending = std::make_unique<Pending>();
    pending->done = std::move(done);
    pending->exchange.request = request;
    launch(entry, request, kNone, std::move(pending));
}

Exchange TrafficSystem::exchange(const EntryPoint &entry, const HttpRequest &request)
{
    Exchange result;
    bool finished = false;
    send(entry, request, [&](const Exchange &e) {
        result = e;
        finished = true;
    });
    SimTime deadline = m_engine.now() + engine::kMinute;
    while (!finished && m_engine.now() < deadline) {
        SimTime next = m_engine.nextEventTime();
        if (next < 0 || next > deadline)
            break;
        m_engine.step();
    }
    return result;
}

std::uint32_t TrafficSystem::launch(const EntryPoint &entry, const HttpRequest &request, std::uint32_t generator,
                                    std::unique_ptr<Pending> pending)
{
    if (m_dirty || !m_table)
        table();
    const RoutingTable &t = *m_table;
    const SimTime now = m_engine.now();
    // The window shows a clicked request's whole story; above the cap one dot stands for several requests.
    if (!pending && m_recordFlights && m_inFlightCount < kStoriesInFlight) {
        pending = std::make_unique<Pending>();
        pending->exchange.request = request;
    }
    Trace *trace = pending ? &pending->exchange.trace : nullptr;
    RoutingDecision d = m_router.route(t, entry, request, now, trace);

    std::uint32_t index = allocateSlot();
    Slot &slot = m_slots[index];
    slot.start = now;
    slot.generator = generator;
    slot.entry = d.entryMetric;
    slot.rule = d.ruleMetric;
    slot.backend = d.backendMetric;
    slot.service = d.service && d.isForwarded() ? d.service->metricId : kNone;
    slot.pod = d.pod != kNone ? t.pods[d.pod].metricId : kNone;
    slot.status = 0;
    slot.hops.clear();
    const bool external = d.via != Via::ClusterIP && d.via != Via::None;
    const bool proxied = d.via == Via::Gateway || d.via == Via::Ingress;
    const SimTime toEntry = external ? kExternalHop : kInternalHop;
    const SimTime toPodTime = toEntry + (proxied ? kProxyTime + kInternalHop : 0);
    slot.returnDelay = toPodTime;
    if (d.backendMetric != kNone)
        m_metrics.series(d.backendMetric).recordRouted();
    if (generator != kNone)
        bump(m_generators[generator]->counters.byBackendSeries, d.backendMetric);
    if (m_recordFlights) {
        addHop(slot, FlightHop::Kind::Client, kNone, now);
        if (d.entryMetric != kNone)
            addHop(slot, FlightHop::Kind::Entry, d.entryMetric, now + toEntry);
        if (d.ruleMetric != kNone)
            addHop(slot, FlightHop::Kind::Rule, d.ruleMetric, now + toEntry + kProxyTime);
        if (slot.service != kNone)
            addHop(slot, FlightHop::Kind::Service, slot.service, now + toPodTime - kInternalHop / 2);
        if (slot.pod != kNone)
            addHop(slot, FlightHop::Kind::Pod, slot.pod, now + toPodTime);
        noteMoved(index);
    }
    for (const MirrorTarget &mirror : d.mirrors)
        launchMirror(t, mirror, now + toPodTime);
    if (pending) {
        describe(t, d, request, pending->exchange);
        pending->table = m_table;
        pending->decision = d;
        slot.pending = std::move(pending);
    }

    switch (d.outcome) {
    case Outcome::Forwarded:
        toPod(index, now + toPodTime, t.pods[d.pod].model);
        break;
    case Outcome::Answered:
        slot.status = d.status;
        slot.returnDelay = toEntry;
        m_engine.scheduleAt(now + toEntry + (proxied ? kProxyTime : 0), [this, index] { complete(index); });
        break;
    case Outcome::Refused:
        m_engine.scheduleAt(now + 2 * toEntry, [this, index, reason = d.reason] { finish(index, 0, reason); });
        break;
    case Outcome::TimedOut:
        m_engine.scheduleAt(now + kConnectTimeout, [this, index] { finish(index, 0, "timed out"); });
        break;
    }
    return index;
}

void TrafficSystem::launchMirror(const RoutingTable &table, const MirrorTarget &mirror, SimTime at)
{
    if (!mirror.endpoint || mirror.endpoint->pod == kNone)
        return;
    std::uint32_t index = allocateSlot();
    Slot &slot = m_slots[index];
    slot.start = at;
    slot.generator = kMirror;
    slot.entry = slot.rule = slot.backend = kNone;
    slot.service = table.services[mirror.backend->service].metricId;
    slot.pod = table.pods[mirror.endpoint->pod].metricId;
    slot.returnDelay = 0;
    slot.hops.clear();
    toPod(index, at, table.pods[mirror.endpoint->pod].model);
}

void TrafficSystem::toPod(std::uint32_t index, SimTime arrival, const PodServerModel &model)
{
    Slot &slot = m_slots[index];
    slot.arrival = arrival;
    if (m_podServers.size() <= slot.pod)
        m_podServers.resize(slot.pod + 1);
    switch (m_podServers[slot.pod].arrive(index, model)) {
    case PodServer::Admission::Started:
        startService(index, arrival);
        break;
    case PodServer::Admission::Queued:
        break;
    case PodServer::Admission::Rejected:
        // The pod's queue is full: it answers 503 at once, without serving.
        slot.status = 503;
        m_engine.scheduleAt(arrival, [this, index] { finish(index, m_slots[index].status, ""); });
        break;
    }
}

void TrafficSystem::startService(std::uint32_t index, SimTime start)
{
    Slot &slot = m_slots[index];
    const PodServer &server = m_podServers[slot.pod];
    SimTime begin = std::max(start, slot.arrival);
    SimTime serviceTime = server.drawServiceTime(m_serverRandom);
    slot.status = server.drawError(m_serverRandom) ? server.model().errorStatus : 200;
    m_engine.scheduleAt(begin + serviceTime, [this, index] { complete(index); });
}

void TrafficSystem::complete(std::uint32_t index)
{
    Slot &slot = m_slots[index];
    if (slot.pod != kNone && slot.pod < m_podServers.size() && slot.status != 0) {
        std::uint32_t next = m_podServers[slot.pod].finish();
        if (next != PodServer::kIdle)
            startService(next, m_engine.now());
    }
    finish(index, m_slots[index].status, "");
}

void TrafficSystem::finish(std::uint32_t index, std::int32_t status, const char *dropReason)
{
    Slot &slot = m_slots[index];
    const SimTime at = m_engine.now() + slot.returnDelay;
    const SimTime latency = at - slot.start;
    if (slot.generator == kMirror) {
        slot.isLive = false;
        --m_inFlightCount;
        m_freeSlots.push_back(index);
        return;
    }
    if (status != 0) {
        for (std::uint32_t series : {slot.entry, slot.rule, slot.backend, slot.service, slot.pod}) {
            if (series != kNone)
                m_metrics.series(series).recordAnswer(at, status, latency);
        }
    }
    if (slot.generator != kNone) {
        LoadCounters &c = m_generators[slot.generator]->counters;
        if (status != 0) {
            ++c.answered;
            if (status > 0 && status < static_cast<std::int32_t>(c.byStatus.size()))
                ++c.byStatus[static_cast<std::size_t>(status)];
            c.latency.record(latency);
            bump(c.byServiceSeries, slot.service);
            bump(c.byPodSeries, slot.pod);
        } else {
            ++c.dropped;
            ++c.droppedBy[dropReason];
        }
    }
    if (!m_observers.empty()) {
        Completion done{slot.generator, at, latency, status, dropReason, slot.service, slot.pod};
        for (const auto &observer : m_observers)
            observer(done);
    }
    std::unique_ptr<Pending> story = std::move(slot.pending);
    if (story) {
        Pending &p = *story;
        p.exchange.status = status;
        p.exchange.failure = status == 0 ? dropReason : "";
        p.exchange.latency = latency;
        if (status != 0 && slot.pod != kNone && p.exchange.upstream) {
            // The echo backend adds the headers asked for in X-Echo-Set-Header ("Name:value, Name2:value2").
            if (const std::string *set = p.exchange.upstream->headers.get("x-echo-set-header")) {
                std::string_view rest = *set;
                while (!rest.empty()) {
                    auto comma = rest.find(',');
                    std::string_view item = rest.substr(0, comma);
                    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
                    auto colon = item.find(':');
                    auto trim = [](std::string_view v) {
                        while (!v.empty() && v.front() == ' ')
                            v.remove_prefix(1);
                        while (!v.empty() && v.back() == ' ')
                            v.remove_suffix(1);
                        return v;
                    };
                    if (colon != std::string_view::npos)
                        p.exchange.responseHeaders.add(trim(item.substr(0, colon)), std::string(trim(item.substr(colon + 1))));
                }
            }
        }
        if (!p.exchange.location.empty())
            p.exchange.responseHeaders.set("location", p.exchange.location);
        if (status != 0)
            HttpFilters::applyResponseFilters(p.decision, p.exchange.request, p.exchange.responseHeaders, &p.exchange.trace);
        p.exchange.trace.add("response", status ? std::to_string(status) : std::string(dropReason),
                             "after " + std::to_string(latency / 1000) + "." + std::to_string(latency % 1000 / 100) + " ms");
        p.exchange.isComplete = true;
        if (p.done)
            p.done(p.exchange);  // may send requests: `slot` is not valid after this
    }
    if (m_recordFlights) {
        Slot &ended = m_slots[index];
        Flight flight{ended.id, std::move(ended.hops), status, true, status == 0 || status >= 500, FlightHop::Kind::Client, nullptr};
        if (flight.isFailed && !flight.hops.empty())
            flight.failedAt = flight.hops.back().kind;
        if (status != 0) {
            // The way back, in reverse, ending at the client.
            std::size_t forward = flight.hops.size();
            SimTime back = m_engine.now();
            for (std::size_t i = forward; i-- > 0;) {
                SimTime offset = i + 1 < forward ? flight.hops[i + 1].at - flight.hops[i].at : 0;
                back += offset;
                flight.hops.push_back(FlightHop{flight.hops[i].kind, flight.hops[i].series, back});
            }
        }
        if (story)
            flight.exchange = std::make_shared<const Exchange>(std::move(story->exchange));
        m_finishedFlights.push_back(std::move(flight));
        ended.hops = {};
        ended.isMoved = false;
    }
    m_slots[index].isLive = false;
    --m_inFlightCount;
    m_freeSlots.push_back(index);
}

void TrafficSystem::describe(const RoutingTable &table, const RoutingDecision &d, const HttpRequest &request, Exchange &out)
{
    if (d.service && d.servicePort)
        out.backend = BackendRef{d.service->namespace_, d.service->name, d.servicePort->port};
    if (d.rule)
        out.route = RouteRef{"HTTPRoute", d.rule->routeNamespace, d.rule->routeName, d.rule->ruleIndex};
    else if (d.location)
        out.route = RouteRef{"Ingress", d.location->ingressNamespace, d.location->ingressName, d.location->ruleIndex};
    if (d.pod != kNone)
        out.pod = table.pods[d.pod].key();
    out.location = d.redirectLocation;
    for (const MirrorTarget &m : d.mirrors)
        out.mirroredTo.push_back(m.backend->key());
    if (d.isForwarded())
        out.upstream = HttpFilters::upstreamRequest(d, request, &out.trace);
}

std::uint32_t TrafficSystem::startLoad(LoadSpec spec)
{
    auto generator = std::make_unique<Generator>();
    spec.clients = std::max<std::uint32_t>(spec.clients, 1);
    if (spec.rate <= 0)
        spec.rate = 1;
    for (std::uint32_t c = 0; c < spec.clients; ++c) {
        generator->clientIds.push_back("client-" + std::to_string(c));
        generator->clientIps.push_back("198.51.100." + std::to_string(c % 254 + 1));
    }
    for (const RequestTemplate &t : spec.templates) {
        generator->cumulative.push_back((generator->cumulative.empty() ? 0 : generator->cumulative.back()) + t.weight);
        generator->requests.push_back(t.request);
    }
    generator->spec = std::move(spec);
    generator->startedAt = m_engine.now();
    auto index = static_cast<std::uint32_t>(m_generators.size());
    m_generators.push_back(std::move(generator));
    if (m_generators.back()->requests.empty() || m_generators.back()->cumulative.back() == 0)
        m_generators.back()->isRunning = false;
    else
        m_generators.back()->next = m_engine.scheduleAt(m_engine.now(), [this, index] { generate(index); }, engine::Engine::Work::Background);
    return index;
}

const LoadCounters &TrafficSystem::counters(std::uint32_t generator) const { return m_generators[generator]->counters; }

const LoadSpec &TrafficSystem::loadSpec(std::uint32_t generator) const { return m_generators[generator]->spec; }

bool TrafficSystem::isRunning(std::uint32_t generator) const { return m_generators[generator]->isRunning; }

void TrafficSystem::stopLoad(std::uint32_t index)
{
    Generator &g = *m_generators[index];
    g.isRunning = false;
    m_engine.cancel(g.next);
}

std::optional<std::uint32_t> TrafficSystem::findLoad(const std::string &name) const
{
    for (std::size_t i = m_generators.size(); i-- > 0;) {
        if (m_generators[i]->spec.name == name)
            return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
}

void TrafficSystem::generate(std::uint32_t index)
{
    Generator &g = *m_generators[index];
    const LoadSpec &spec = g.spec;
    SimTime now = m_engine.now();
    if (!g.isRunning || (spec.count && g.counters.generated >= spec.count) || (spec.duration && now >= g.startedAt + spec.duration)) {
        g.isRunning = false;
        return;
    }
    std::size_t which = 0;
    if (g.cumulative.size() > 1) {
        std::uint64_t draw = m_loadRandom.uniform(g.cumulative.back());
        which = static_cast<std::size_t>(std::upper_bound(g.cumulative.begin(), g.cumulative.end(), draw) - g.cumulative.begin());
    }
    std::uint64_t sequence = g.counters.generated++;
    HttpRequest &request = g.requests[which];
    const auto client = static_cast<std::size_t>(sequence % spec.clients);
    request.clientId = g.clientIds[client];
    request.clientIp = g.clientIps[client];
    launch(spec.entry, request, index);
    SimTime next;
    if (spec.isPoisson)
        next = now + static_cast<SimTime>(std::llround(m_loadRandom.exponential(1e6 / spec.rate)));
    else
        next = g.startedAt + static_cast<SimTime>(std::floor(static_cast<double>(sequence + 1) * 1e6 / spec.rate));
    Generator &again = *m_generators[index];
    again.next = m_engine.scheduleAt(next, [this, index] { generate(index); }, engine::Engine::Work::Background);
}

const Exchange *TrafficSystem::storyInFlight(std::uint64_t requestId) const
{
    for (const Slot &slot : m_slots)
        if (slot.isLive && slot.id == requestId)
            return slot.pending ? &slot.pending->exchange : nullptr;
    return nullptr;
}

std::vector<Flight> TrafficSystem::takeFlights()
{
    std::vector<Flight> out = std::move(m_finishedFlights);
    m_finishedFlights.clear();
    for (std::uint32_t index : m_moved) {
        Slot &slot = m_slots[index];
        if (!slot.isLive || !slot.isMoved)
            continue;
        slot.isMoved = false;
        out.push_back(Flight{slot.id, slot.hops, 0, false, false, FlightHop::Kind::Client, nullptr});
    }
    m_moved.clear();
    return out;
}

} // namespace sim::traffic
