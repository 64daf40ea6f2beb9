#include "../common/trafficfixture.h"

#include "sim/metrics/latencyhistogram.h"
#include "sim/metrics/shareinterval.h"
#include "sim/metrics/slidingwindow.h"
#include "sim/traffic/exchangeformat.h"
#include "sim/traffic/loadreport.h"
#include "sim/traffic/trafficsystem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

using namespace sim;
using namespace fixture;
using traffic::EntryPoint;
using traffic::HttpRequest;
using Outcome = traffic::RoutingDecision::Outcome;

namespace {

void setLoadBalancerIP(Cluster &c, const std::string &ns, const std::string &name, const std::string &ip)
{
    api::Object o = *c.store.get(api::Kind::Service, ns, name);
    o.as<api::Service>().status.loadBalancer.push_back({ip, ""});
    c.store.updateStatus(std::move(o));
}

void setPolicy(Cluster &c, const std::string &name, const std::string &affinity, const std::string &externalPolicy)
{
    api::Object o = *c.store.get(api::Kind::Service, "default", name);
    o.as<api::Service>().spec.sessionAffinity = affinity;
    o.as<api::Service>().spec.externalTrafficPolicy = externalPolicy;
    c.store.update(std::move(o));
}

HttpRequest request(const std::string &url, const std::string &client = {})
{
    HttpRequest r = *HttpRequest::fromUrl(url);
    r.clientIp = client;
    return r;
}

traffic::LoadSpec load(const EntryPoint &entry, std::vector<std::string> urls, double rate, std::uint64_t count,
                       std::uint32_t clients = 1)
{
    traffic::LoadSpec spec;
    spec.entry = entry;
    for (const std::string &url : urls)
        spec.templates.push_back({request(url), 1});
    spec.rate = rate;
    spec.count = count;
    spec.clients = clients;
    return spec;
}

void checkConservation(const traffic::LoadCounters &c)
{
    std::uint64_t droppedByReason = 0;
    for (const auto &[reason, n] : c.droppedBy)
        droppedByReason += n;
    QCOMPARE(droppedByReason, c.dropped);
    QCOMPARE(c.generated, c.answered + c.inFlight() + c.dropped);
    std::uint64_t byStatus = 0;
    for (std::uint64_t n : c.byStatus)
        byStatus += n;
    QCOMPARE(byStatus, c.answered);
}

} // namespace

class TestTraffic : public QObject {
    Q_OBJECT

private slots:
    void kubeProxyModes_data();
    void kubeProxyModes();
    void sessionAffinity();
    void externalTrafficPolicyLocal_data();
    void externalTrafficPolicyLocal();
    void noReadyEndpoint_data();
    void noReadyEndpoint();
    void clusterNames_data();
    void clusterNames();
    void everyRequestIsConserved();
    void podQueueAndLimit();
    void podErrorRate();
    void echoAndResponseFilters();
    void flightsForTheWindow();
    void flightsKeepTheirStory_data();
    void flightsKeepTheirStory();
    void defaultEntry();
    void histogramPercentiles_data();
    void histogramPercentiles();
    void wilsonInterval();
    void slidingWindowRate();
    void podServerAnnotations_data();
    void podServerAnnotations();
    void requestJsonShape();
    void loadReportSplits();
    void generatorClients_data();
    void generatorClients();
    void generatorArrivals_data();
    void generatorArrivals();
};

void TestTraffic::kubeProxyModes_data()
{
    QTest::addColumn<bool>("ipvs");
    QTest::newRow("iptables: random") << false;
    QTest::newRow("IPVS: round-robin") << true;
}

void TestTraffic::kubeProxyModes()
{
    QFETCH(bool, ipvs);
    Cluster c;
    c.pods("default", "web", 3);
    c.service("default", "web", "web", 80, 8080, "LoadBalancer");
    setLoadBalancerIP(c, "default", "web", "203.0.113.5");
    auto table = c.table();
    traffic::Router router(c.engine.stream("kp"), ipvs ? traffic::KubeProxy::Mode::IPVS : traffic::KubeProxy::Mode::IPTables);
    std::map<std::string, int> byPod;
    std::vector<std::string> order;
    for (int i = 0; i < 3000; ++i) {
        auto d = router.route(*table, EntryPoint{}, request("http://203.0.113.5/"), 0, nullptr);
        QCOMPARE(d.outcome, Outcome::Forwarded);
        QCOMPARE(d.via, traffic::RoutingDecision::Via::LoadBalancer);
        ++byPod[table->pods[d.pod].name];
        order.push_back(table->pods[d.pod].name);
    }
    QCOMPARE(byPod.size(), std::size_t(3));
    if (ipvs) {
        for (auto &[pod, n] : byPod)
            QCOMPARE(n, 1000);
        QVERIFY(order[0] != order[1] && order[1] != order[2] && order[0] == order[3]);
    } else {
        for (auto &[pod, n] : byPod)
            QVERIFY2(metrics::ShareInterval::wilson(n, 3000, 3.29).contains(1.0 / 3), qPrintable(QString::number(n)));
    }
}

void TestTraffic::sessionAffinity()
{
    Cluster c;
    c.pods("default", "web", 4);
    c.service("default", "web", "web", 80);
    setPolicy(c, "web", "ClientIP", "Cluster");
    auto table = c.table();
    traffic::Router router(c.engine.stream("aff"));
    std::set<std::string> podsSeen;
    for (int client = 0; client < 20; ++client) {
        std::string ip = "10.0.0." + std::to_string(client + 1);
        std::set<std::uint32_t> pods;
        for (int i = 0; i < 10; ++i)
            pods.insert(router.route(*table, EntryPoint{}, request("http://web/", ip), i * engine::kSecond, nullptr).pod);
        QCOMPARE(pods.size(), std::size_t(1));
        podsSeen.insert(table->pods[*pods.begin()].name);
    }
    QVERIFY(podsSeen.size() > 1);
    // After the affinity timeout (10800 s by default) the client may move.
    auto first = router.route(*table, EntryPoint{}, request("http://web/", "10.0.0.1"), 0, nullptr).pod;
    std::set<std::uint32_t> later;
    for (int i = 0; i < 30; ++i)
        later.insert(router.route(*table, EntryPoint{}, request("http://web/", "10.0.0.1"), (i + 1) * 20000 * engine::kSecond, nullptr).pod);
    QVERIFY(later.size() > 1 || *later.begin() != first);
}

void TestTraffic::externalTrafficPolicyLocal_data()
{
    QTest::addColumn<QString>("nodeIp");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("expected");  // pod name, "any", or "timeout"
    QTest::newRow("Local, node with the pod") << "192.168.1.1" << "Local" << "web-0";
    QTest::newRow("Local, node without a pod: dropped") << "192.168.1.3" << "Local" << "timeout";
    QTest::newRow("Cluster, node without a pod: forwarded") << "192.168.1.3" << "Cluster" << "any";
}

void TestTraffic::externalTrafficPolicyLocal()
{
    QFETCH(QString, nodeIp);
    QFETCH(QString, policy);
    QFETCH(QString, expected);
    Cluster c;
    for (int i = 0; i < 3; ++i)
        c.node("node-" + std::to_string(i), "192.168.1." + std::to_string(i + 1));
    c.pods("default", "web", 2, 2);  // web-0 on node-0, web-1 on node-1, nothing on node-2
    c.service("default", "web", "web", 80, 8080, "NodePort");
    setPolicy(c, "web", "None", policy.toStdString());
    auto table = c.table();
    std::int32_t nodePort = table->findService("default", "web")->ports[0].nodePort;
    traffic::Router router(c.engine.stream("etp"));
    traffic::Trace trace;
    auto d = router.route(*table, EntryPoint{}, request("http://" + nodeIp.toStdString() + ":" + std::to_string(nodePort) + "/"), 0, &trace);
    if (expected == "timeout") {
        QCOMPARE(d.outcome, Outcome::TimedOut);
        QVERIFY(trace.toText().find("externalTrafficPolicy: Local") != std::string::npos);
    } else if (expected == "any") {
        QCOMPARE(d.outcome, Outcome::Forwarded);
    } else {
        for (int i = 0; i < 20; ++i)
            QCOMPARE(QString::fromStdString(table->pods[router.route(*table, EntryPoint{}, request("http://" + nodeIp.toStdString() + ":" + std::to_string(nodePort) + "/"), 0, nullptr).pod].name), expected);
    }
}

void TestTraffic::noReadyEndpoint_data()
{
    QTest::addColumn<QString>("via");
    QTest::addColumn<int>("status");  // 0: connection refused
    QTest::newRow("bare Service: connection refused") << "service" << 0;
    QTest::newRow("through a Gateway: 503") << "gateway" << 503;
    QTest::newRow("through an Ingress: 503") << "ingress" << 503;
}

void TestTraffic::noReadyEndpoint()
{
    QFETCH(QString, via);
    QFETCH(int, status);
    Cluster c;
    c.pods("default", "web", 2);
    // The pods are not ready: the slice lists them with ready false.
    for (const auto &pod : c.store.list(api::Kind::Pod)) {
        api::Object o = *pod;
        o.as<api::Pod>().status.conditions.clear();
        c.store.updateStatus(std::move(o));
    }
    c.service("default", "web", "web", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    c.route("default", "r", {rule({}, {backend("web", 80)})});
    c.ingress("default", "ing", {api::IngressRule{"", {ingressPath("/", "Prefix", "web", 80)}}});
    EntryPoint entry = via == "gateway" ? EntryPoint::gateway("default", "gw")
        : via == "ingress"              ? EntryPoint::ingressClass("nginx")
                                        : EntryPoint::service("default", "web");
    Routed r = send(c, entry, "http://web/");
    QCOMPARE(r.decision.status, status);
    QCOMPARE(r.decision.outcome, status ? Outcome::Answered : Outcome::Refused);
    QVERIFY2(r.trace.toText().find("no ready endpoint") != std::string::npos, r.trace.toText().c_str());
    QVERIFY(r.trace.toText().find("2 not ready") != std::string::npos);
}

void TestTraffic::clusterNames_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("resolves");
    QTest::newRow("svc") << "web" << true;
    QTest::newRow("svc.ns") << "web.shop" << true;
    QTest::newRow("svc.ns.svc") << "web.shop.svc" << true;
    QTest::newRow("svc.ns.svc.cluster.local") << "web.shop.svc.cluster.local" << true;
    QTest::newRow("ClusterIP") << "10.96.0.11" << true;
    QTest::newRow("wrong namespace") << "web.default" << false;
    QTest::newRow("unknown name") << "nothing.example.com" << false;
}

void TestTraffic::clusterNames()
{
    QFETCH(QString, host);
    QFETCH(bool, resolves);
    Cluster c;
    c.namespace_("shop");
    c.pods("shop", "web", 1);
    c.service("shop", "web", "web", 80);
    EntryPoint inShop;
    inShop.clientNamespace = "shop";
    Routed r = send(c, inShop, "http://" + host.toStdString() + "/");
    QCOMPARE(r.decision.isForwarded(), resolves);
    if (!resolves)
        QCOMPARE(std::string(r.decision.reason), std::string("could not resolve host"));
}

void TestTraffic::everyRequestIsConserved()
{
    Cluster c;
    c.pods("default", "web", 2, 3, {{"kubesim.io/latency-median", "40ms"}, {"kubesim.io/latency-p99", "400ms"}, {"kubesim.io/error-rate", "5%"}});
    c.service("default", "web", "web", 80);
    c.service("default", "empty", "nobody", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    c.route("default", "r", {rule({pathMatch("PathPrefix", "/app")}, {backend("web", 80, 3), backend("missing", 80, 1)}),
                             rule({pathMatch("PathPrefix", "/empty")}, {backend("empty", 80)})});
    traffic::TrafficSystem system(c.engine, c.store);
    auto g1 = system.startLoad(load(EntryPoint::gateway("default", "gw"), {"http://a/app", "http://a/none", "http://a/empty"}, 500, 2000, 5));
    auto g2 = system.startLoad(load(EntryPoint::service("default", "empty"), {"http://empty/"}, 50, 100));
    // Check at many moments, with requests still in flight.
    bool sawInFlight = false;
    for (int step = 0; step < 60; ++step) {
        c.engine.runUntil(c.engine.now() + 100 * engine::kMillisecond);
        for (auto g : {g1, g2})
            checkConservation(system.counters(g));
        sawInFlight = sawInFlight || system.counters(g1).inFlight() > 0;
    }
    QVERIFY(sawInFlight);
    const traffic::LoadCounters &a = system.counters(g1);
    QCOMPARE(a.generated, std::uint64_t(2000));
    QCOMPARE(a.inFlight(), std::uint64_t(0));
    QVERIFY(a.byStatus[200] > 0 && a.byStatus[404] > 0 && a.byStatus[500] > 0 && a.byStatus[503] > 0);
    const traffic::LoadCounters &b = system.counters(g2);
    QCOMPARE(b.generated, std::uint64_t(100));
    QCOMPARE(b.dropped, std::uint64_t(100));
    QCOMPARE(b.droppedBy.at("connection refused"), std::uint64_t(100));
    QCOMPARE(system.requestsInFlight(), std::size_t(0));
}

void TestTraffic::podQueueAndLimit()
{
    Cluster c;
    c.pods("default", "slow", 1, 1, {{"kubesim.io/latency-median", "10ms"}, {"kubesim.io/latency-p99", "10ms"},
                                     {"kubesim.io/concurrency", "1"}, {"kubesim.io/queue-limit", "5"}});
    c.service("default", "slow", "slow", 80);
    traffic::TrafficSystem system(c.engine, c.store);
    // 200 rps against a pod that serves 100 rps: the queue fills, then the pod answers 503.
    auto g = system.startLoad(load(EntryPoint::service("default", "slow"), {"http://slow/"}, 200, 400));
    c.engine.runUntil(5 * engine::kSecond);
    const auto &counters = system.counters(g);
    checkConservation(counters);
    QCOMPARE(counters.answered, std::uint64_t(400));
    QVERIFY(counters.byStatus[503] > 150);
    QVERIFY(counters.byStatus[200] > 150);
    // Waiting in the queue shows in latency: up to 5 requests ahead of you at 10 ms each.
    QVERIFY(counters.latency.percentile(0.99) >= 50 * engine::kMillisecond);
    QVERIFY(counters.latency.percentile(0.99) <= 70 * engine::kMillisecond);
}

void TestTraffic::podErrorRate()
{
    Cluster c;
    c.pods("default", "flaky", 2, 3, {{"kubesim.io/error-rate", "0.5"}, {"kubesim.io/error-status", "502"}});
    c.service("default", "flaky", "flaky", 80);
    traffic::TrafficSystem system(c.engine, c.store);
    auto g = system.startLoad(load(EntryPoint::service("default", "flaky"), {"http://flaky/"}, 1000, 4000));
    c.engine.runUntil(10 * engine::kSecond);
    const auto &counters = system.counters(g);
    QVERIFY(metrics::ShareInterval::wilson(counters.byStatus[502], 4000, 3.29).contains(0.5));
    QCOMPARE(counters.byStatus[502] + counters.byStatus[200], std::uint64_t(4000));
}

void TestTraffic::echoAndResponseFilters()
{
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "web", "echo", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    api::HTTPRouteFilter f;
    f.type = "ResponseHeaderModifier";
    f.responseHeaderModifier = api::HTTPHeaderFilter{{{"x-set", "filter"}}, {}, {"x-drop"}};
    c.route("default", "r", {rule({}, {backend("web", 80)}, {f})});
    traffic::TrafficSystem system(c.engine, c.store);
    HttpRequest r = request("http://a.example/hello?x=1");
    r.headers.add("X-Echo-Set-Header", "X-Drop: yes, X-Kept: 1, X-Set: pod");
    traffic::Exchange e = system.exchange(EntryPoint::gateway("default", "gw"), r);
    QVERIFY(e.isComplete);
    QCOMPARE(e.status, 200);
    QCOMPARE(e.pod, std::string("default/echo-0"));
    QCOMPARE(e.backend->name, std::string("web"));
    QCOMPARE(e.route->name, std::string("r"));
    QCOMPARE(e.upstream->path, std::string("/hello"));
    QCOMPARE(*e.responseHeaders.get("x-kept"), std::string("1"));
    QCOMPARE(*e.responseHeaders.get("x-set"), std::string("filter"));
    QVERIFY(!e.responseHeaders.has("x-drop"));
    QVERIFY(e.latency > 0);
    QVERIFY(!e.trace.steps().empty());
}

void TestTraffic::flightsForTheWindow()
{
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "web", "echo", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    c.route("default", "r", {rule({}, {backend("web", 80)})});
    traffic::TrafficSystem system(c.engine, c.store);
    system.setFlightRecording(true);
    system.startLoad(load(EntryPoint::gateway("default", "gw"), {"http://a/"}, 100, 10));
    c.engine.runUntil(2 * engine::kMillisecond);
    std::vector<traffic::Flight> first = system.takeFlights();
    QVERIFY(!first.empty());
    QVERIFY(!first.front().isFinished);
    QCOMPARE(first.front().hops.front().kind, traffic::FlightHop::Kind::Client);
    QCOMPARE(first.front().hops.back().kind, traffic::FlightHop::Kind::Pod);
    QVERIFY(system.takeFlights().empty());  // nothing moved since
    c.engine.runUntil(engine::kSecond);
    std::vector<traffic::Flight> later = system.takeFlights();
    QVERIFY(!later.empty());
    const traffic::Flight &done = later.front();
    QVERIFY(done.isFinished);
    QCOMPARE(done.status, 200);
    QCOMPARE(done.hops.back().kind, traffic::FlightHop::Kind::Client);
    for (std::size_t i = 1; i < done.hops.size(); ++i)
        QVERIFY(done.hops[i].at >= done.hops[i - 1].at);
}

void TestTraffic::flightsKeepTheirStory_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("weightV2");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("stages");
    const QStringList forwarded{"entry", "listener", "hostname", "rule", "backend", "service", "endpoint", "pod", "response"};
    QTest::newRow("one backend") << "/" << 0 << 200 << forwarded;
    QTest::newRow("weighted 3:1") << "/" << 1 << 200 << forwarded;
    QTest::newRow("no rule matches") << "/nothing" << 0 << 404 << QStringList{"entry", "listener", "hostname", "answer", "response"};
}

void TestTraffic::flightsKeepTheirStory()
{
    QFETCH(QString, path);
    QFETCH(int, weightV2);
    QFETCH(int, status);
    QFETCH(QStringList, stages);
    Cluster c;
    c.pods("default", "v1", 2);
    c.pods("default", "v2", 2);
    c.service("default", "web-v1", "v1", 80);
    c.service("default", "web-v2", "v2", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    std::vector<api::HTTPBackendRef> backends{backend("web-v1", 80, 3)};
    if (weightV2)
        backends.push_back(backend("web-v2", 80, weightV2));
    c.route("default", "r", {rule({pathMatch("Exact", "/")}, backends)});
    traffic::TrafficSystem system(c.engine, c.store);
    system.setFlightRecording(true);
    const std::uint32_t g = system.startLoad(load(EntryPoint::gateway("default", "gw"), {"http://a" + path.toStdString()}, 200, 200));
    c.engine.runUntil(10 * engine::kMillisecond);
    // A request in flight has its routing so far, without a response yet.
    std::vector<traffic::Flight> flights = system.takeFlights();
    auto moving = std::find_if(flights.begin(), flights.end(), [](const traffic::Flight &f) { return !f.isFinished; });
    QVERIFY(moving != flights.end());
    QVERIFY(!moving->exchange);
    const std::uint64_t inFlight = moving->id;
    const traffic::Exchange *soFar = system.storyInFlight(inFlight);
    QVERIFY(soFar);
    QVERIFY(!soFar->isComplete);
    QCOMPARE(QString::fromStdString(soFar->trace.steps().front().stage), QStringLiteral("entry"));
    c.engine.runUntil(5 * engine::kSecond);
    for (traffic::Flight &flight : system.takeFlights())
        flights.push_back(std::move(flight));
    std::map<std::string, std::uint64_t> storiesPerPod;
    std::size_t finished = 0;
    for (const traffic::Flight &flight : flights) {
        if (!flight.isFinished)
            continue;
        ++finished;
        QVERIFY(flight.exchange);
        const traffic::Exchange &story = *flight.exchange;
        QVERIFY(story.isComplete);
        QCOMPARE(story.status, flight.status);
        QCOMPARE(story.status, status);
        QStringList seen;
        for (const traffic::TraceStep &step : story.trace.steps())
            if (!seen.contains(QString::fromStdString(step.stage)))
                seen << QString::fromStdString(step.stage);
        QCOMPARE(seen, stages);
        ++storiesPerPod[story.pod];
        // Printed exactly as `kubesim request` prints it.
        QVERIFY(traffic::ExchangeFormat::toText(story).find("HTTP " + std::to_string(status)) != std::string::npos);
    }
    QCOMPARE(finished, std::size_t{200});
    QVERIFY(system.storyInFlight(inFlight) == nullptr);
    // The story names the pod that really answered: per pod, as many stories as the generator counted.
    const traffic::LoadCounters &counters = system.counters(g);
    for (const auto &[pod, n] : storiesPerPod) {
        if (pod.empty())
            continue;
        const std::uint32_t id = system.metrics().seriesId(metrics::Scope::Pod, pod);
        QCOMPARE(id < counters.byPodSeries.size() ? counters.byPodSeries[id] : 0, n);
    }
    QCOMPARE(storiesPerPod.size(), std::size_t(status != 200 ? 1 : weightV2 ? 4 : 2));
}

void TestTraffic::defaultEntry()
{
    Cluster c;
    traffic::TrafficSystem system(c.engine, c.store);
    std::string error;
    QVERIFY(!system.defaultEntry(&error));
    QVERIFY(error.find("no entry point") != std::string::npos);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    auto entry = system.defaultEntry(&error);
    QVERIFY(entry);
    QCOMPARE(entry->name, std::string("gw"));
    QCOMPARE(system.entryAddress(*entry), std::string("203.0.113.10"));
    c.ingress("default", "ing", {api::IngressRule{"", {ingressPath("/", "Prefix", "web", 80)}}});
    QVERIFY(!system.defaultEntry(&error));
    QVERIFY(error.find("--gateway default/gw") != std::string::npos);
    QVERIFY(error.find("--ingress-class nginx") != std::string::npos);
}

void TestTraffic::histogramPercentiles_data()
{
    QTest::addColumn<double>("fraction");
    QTest::addColumn<double>("expected");
    QTest::newRow("p50") << 0.5 << 5000.0;
    QTest::newRow("p90") << 0.9 << 9000.0;
    QTest::newRow("p99") << 0.99 << 9900.0;
}

void TestTraffic::histogramPercentiles()
{
    QFETCH(double, fraction);
    QFETCH(double, expected);
    metrics::LatencyHistogram h;
    for (int i = 1; i <= 10000; ++i)
        h.record(i);
    double got = static_cast<double>(h.percentile(fraction));
    // Buckets are about 12.5 % wide: the answer lies within one bucket above the exact value.
    QVERIFY2(got >= expected && got <= expected * 1.13, qPrintable(QString::number(got)));
}

void TestTraffic::wilsonInterval()
{
    auto i = metrics::ShareInterval::wilson(90, 100);
    QVERIFY(i.low > 0.82 && i.low < 0.84);
    QVERIFY(i.high > 0.94 && i.high < 0.96);
    QCOMPARE(metrics::ShareInterval::wilson(0, 0).high, 1.0);
}

void TestTraffic::slidingWindowRate()
{
    metrics::SlidingWindow w;
    for (int s = 0; s < 10; ++s) {
        for (int i = 0; i < 100; ++i)
            w.record(s * engine::kSecond + i * 10 * engine::kMillisecond);
    }
    QCOMPARE(w.rate(10 * engine::kSecond, 5), 100.0);
    QCOMPARE(w.rate(80 * engine::kSecond, 5), 0.0);  // old buckets do not count
}

void TestTraffic::podServerAnnotations_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("median") << "kubesim.io/latency-median" << "20ms" << true;
    QTest::newRow("seconds") << "kubesim.io/latency-p99" << "1.5s" << true;
    QTest::newRow("bad duration") << "kubesim.io/latency-median" << "fast" << false;
    QTest::newRow("percent error rate") << "kubesim.io/error-rate" << "2%" << true;
    QTest::newRow("error rate above 1") << "kubesim.io/error-rate" << "1.5" << false;
    QTest::newRow("concurrency") << "kubesim.io/concurrency" << "8" << true;
    QTest::newRow("concurrency 0") << "kubesim.io/concurrency" << "0" << false;
}

void TestTraffic::podServerAnnotations()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    std::vector<std::string> problems;
    traffic::PodServerModel::fromAnnotations({{key.toStdString(), value.toStdString()}}, &problems);
    QCOMPARE(problems.empty(), valid);
}

void TestTraffic::requestJsonShape()
{
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "web", "echo", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    c.route("default", "r", {rule({}, {backend("web", 80)})});
    traffic::TrafficSystem system(c.engine, c.store);
    HttpRequest r = request("http://a.example/x?q=1");
    r.headers.add("X-Test", "yes");
    QJsonDocument json = QJsonDocument::fromJson(
        QByteArray::fromStdString(traffic::ExchangeFormat::toJson(system.exchange(EntryPoint::gateway("default", "gw"), r))));
    QVERIFY(json.isObject());
    QJsonObject o = json.object();
    QCOMPARE(o["status"].toInt(), 200);
    QCOMPARE(o["backend"].toObject()["name"].toString(), QString("web"));
    QCOMPARE(o["backend"].toObject()["port"].toInt(), 80);
    QCOMPARE(o["pod"].toString(), QString("default/echo-0"));
    QCOMPARE(o["upstream"].toObject()["path"].toString(), QString("/x?q=1"));
    QCOMPARE(o["upstream"].toObject()["headers"].toObject()["x-test"].toString(), QString("yes"));
    QVERIFY(o["response"].toObject()["headers"].isObject());
    QVERIFY(o["location"].isNull());
    QCOMPARE(o["route"].toObject()["kind"].toString(), QString("HTTPRoute"));
    QCOMPARE(o["route"].toObject()["rule"].toInt(), 0);
    QVERIFY(o["mirroredTo"].isArray());
    QVERIFY(o["trace"].toArray().size() > 3);
    QVERIFY(o["trace"].toArray()[0].toObject().contains("why"));
}

void TestTraffic::loadReportSplits()
{
    Cluster c;
    c.pods("default", "echo", 2);
    c.service("default", "stable", "echo", 80);
    c.service("default", "canary", "echo", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    c.route("default", "r", {rule({}, {backend("stable", 80, 90), backend("canary", 80, 10)})});
    traffic::TrafficSystem system(c.engine, c.store);
    auto g = system.startLoad(load(EntryPoint::gateway("default", "gw"), {"http://a/"}, 1000, 10000));
    c.engine.runUntil(20 * engine::kSecond);
    traffic::LoadReport report = traffic::LoadReport::of(system, g);
    QCOMPARE(report.requests, std::uint64_t(10000));
    QCOMPARE(report.byBackend.at("default/stable") + report.byBackend.at("default/canary"), std::uint64_t(10000));
    QCOMPARE(report.byStatus.at("200"), std::uint64_t(10000));
    QCOMPARE(report.splits.size(), std::size_t(2));
    QCOMPARE(report.splits[1].backend, std::string("default/canary"));
    QCOMPARE(report.splits[1].configured, 0.1);
    QVERIFY(report.splits[1].low <= 0.1 && report.splits[1].high >= 0.1);
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(report.toJson())).object();
    for (const char *key : {"requests", "byBackend", "byPod", "byStatus", "latencyMs", "splits"})
        QVERIFY2(o.contains(key), key);
    QVERIFY(o["latencyMs"].toObject()["p99"].toDouble() > 0);
    QCOMPARE(o["splits"].toArray()[0].toObject()["ci95"].toArray().size(), 2);
}

void TestTraffic::generatorClients_data()
{
    QTest::addColumn<int>("clients");
    QTest::addColumn<int>("minPods");
    QTest::addColumn<int>("maxPods");
    // ClientIP affinity pins each generator client to one pod: the pods used are at most the clients.
    QTest::newRow("one client") << 1 << 1 << 1;
    QTest::newRow("three clients") << 3 << 1 << 3;
    QTest::newRow("forty clients") << 40 << 4 << 10;
}

void TestTraffic::generatorClients()
{
    QFETCH(int, clients);
    QFETCH(int, minPods);
    QFETCH(int, maxPods);
    Cluster c;
    c.pods("default", "web", 10);
    c.service("default", "web", "web", 80);
    setPolicy(c, "web", "ClientIP", "Cluster");
    traffic::TrafficSystem system(c.engine, c.store);
    traffic::LoadSpec spec;
    spec.entry = EntryPoint::service("default", "web");
    spec.templates.push_back({*HttpRequest::fromUrl("http://web/a"), 1});
    spec.templates.push_back({*HttpRequest::fromUrl("http://web/b"), 1});
    spec.rate = 100;
    spec.count = 400;
    spec.clients = static_cast<std::uint32_t>(clients);
    std::uint32_t g = system.startLoad(spec);
    c.engine.runUntil(engine::kMinute);
    const traffic::LoadCounters &counters = system.counters(g);
    QCOMPARE(counters.answered, std::uint64_t(400));
    auto podsUsed = static_cast<int>(std::count_if(counters.byPodSeries.begin(), counters.byPodSeries.end(),
                                                   [](std::uint64_t n) { return n > 0; }));
    QVERIFY2(podsUsed >= minPods && podsUsed <= maxPods, std::to_string(podsUsed).c_str());
}

void TestTraffic::generatorArrivals_data()
{
    QTest::addColumn<bool>("poisson");
    QTest::addColumn<double>("minDispersion");  // variance / mean of the requests sent per second
    QTest::addColumn<double>("maxDispersion");
    // A constant rate sends the same number every second; Poisson arrivals (exponential gaps) give counts
    // whose variance equals their mean: over 200 seconds the ratio lies within 1 +- 3 standard errors (0.1 each).
    QTest::newRow("constant rate") << false << 0.0 << 0.05;
    QTest::newRow("Poisson arrivals") << true << 0.7 << 1.3;
}

void TestTraffic::generatorArrivals()
{
    QFETCH(bool, poisson);
    QFETCH(double, minDispersion);
    QFETCH(double, maxDispersion);
    Cluster c;
    c.pods("default", "web", 2);
    c.service("default", "web", "web", 80);
    traffic::TrafficSystem system(c.engine, c.store);
    traffic::LoadSpec spec;
    spec.entry = EntryPoint::service("default", "web");
    spec.templates.push_back({*HttpRequest::fromUrl("http://web/"), 1});
    spec.rate = 100;
    spec.isPoisson = poisson;
    constexpr int seconds = 200;
    std::uint32_t g = system.startLoad(spec);
    const engine::SimTime start = c.engine.now();
    std::vector<double> perSecond;
    std::uint64_t before = 0;
    for (int s = 1; s <= seconds; ++s) {
        c.engine.runUntil(start + s * engine::kSecond);
        perSecond.push_back(static_cast<double>(system.counters(g).generated - before));
        before = system.counters(g).generated;
    }
    double mean = std::accumulate(perSecond.begin(), perSecond.end(), 0.0) / seconds;
    double variance = 0;
    for (double n : perSecond)
        variance += (n - mean) * (n - mean) / (seconds - 1);
    // The mean is the rate either way (4 standard errors of a Poisson mean: 4 * sqrt(100 / 200) ~ 2.8).
    QVERIFY2(std::abs(mean - 100) < 2.9, std::to_string(mean).c_str());
    QVERIFY2(variance / mean >= minDispersion && variance / mean <= maxDispersion, std::to_string(variance / mean).c_str());
}

QTEST_APPLESS_MAIN(TestTraffic)
#include "test_traffic.moc"
