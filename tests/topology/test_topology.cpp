#include "sim/engine/engine.h"
#include "sim/store/store.h"
#include "sim/topology/layeredlayout.h"
#include "sim/topology/topologybuilder.h"

#include "tests/common/canarycluster.h"

#include <QtTest>

#include <algorithm>

using namespace sim;
using namespace kubesim::testing;
using api::Kind;
namespace ids = topology::ids;


class TestTopology : public QObject {
    Q_OBJECT

private slots:
    void canaryGraph();
    void splitEdges_data();
    void splitEdges();
    void podsGroupedByDeployment();
    void serviceWithoutReadyPodsIsMarked();
    void missingBackendIsMarked();
    void entryPoints_data();
    void entryPoints();
    void canaryIngressWeights();
    void layersFollowTheRequest();
    void layoutHasNoCrossingsForCanary();
    void layoutIsStableWhenAPodComes();
    void crossingReductionUntanglesSwappedBackends();
};

void TestTopology::canaryGraph()
{
    engine::Engine engine;
    store::Store store(engine);
    canary(store);
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    for (const std::string &id : {ids::client(), ids::gateway("default", "web"), ids::routeRule("default", "app", 0),
                                  ids::service("default", "app-v1"), ids::service("default", "app-v2")})
        QVERIFY2(graph.find(id).has_value(), id.c_str());
    auto client = *graph.find(ids::client()), gw = *graph.find(ids::gateway("default", "web"));
    auto rule = *graph.find(ids::routeRule("default", "app", 0));
    QVERIFY(graph.hasEdge(client, gw));
    QVERIFY(graph.hasEdge(gw, rule));
    QCOMPARE(std::count_if(graph.nodes().begin(), graph.nodes().end(),
                           [](const topology::TopologyNode &n) { return n.role == topology::NodeRole::Pod; }),
             4);
}

void TestTopology::splitEdges_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("weight");
    QTest::newRow("v1 carries 90 of 100") << "app-v1" << 90;
    QTest::newRow("v2 carries 10 of 100") << "app-v2" << 10;
}

void TestTopology::splitEdges()
{
    QFETCH(QString, service);
    QFETCH(int, weight);
    engine::Engine engine;
    store::Store store(engine);
    canary(store);
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    auto rule = *graph.find(ids::routeRule("default", "app", 0));
    auto svc = *graph.find(ids::service("default", service.toStdString()));
    auto edge = std::find_if(graph.edges().begin(), graph.edges().end(),
                             [&](const topology::TopologyEdge &e) { return e.from == rule && e.to == svc; });
    QVERIFY(edge != graph.edges().end());
    QCOMPARE(edge->weight.value_or(-1), weight);
    QCOMPARE(edge->weightTotal, 100);
}

void TestTopology::podsGroupedByDeployment()
{
    engine::Engine engine;
    store::Store store(engine);
    canary(store);
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    const auto &pod = graph.nodes()[*graph.find(ids::pod("default", "app-v2-5d9c7-p0"))];
    QCOMPARE(pod.group, std::string("default/app-v2"));
    QCOMPARE(pod.subgroup, std::string("app-v2-5d9c7"));
    QCOMPARE(pod.version, std::string("v2"));
    QCOMPARE(pod.podStatus, std::string("Running"));
    QVERIFY(pod.isReady);
    // Only app-v2's Service selects the v2 pod.
    auto v1 = *graph.find(ids::service("default", "app-v1")), v2 = *graph.find(ids::service("default", "app-v2"));
    auto p = *graph.find(ids::pod("default", "app-v2-5d9c7-p0"));
    QVERIFY(graph.hasEdge(v2, p));
    QVERIFY(!graph.hasEdge(v1, p));
}

void TestTopology::serviceWithoutReadyPodsIsMarked()
{
    engine::Engine engine;
    store::Store store(engine);
    canary(store, false);
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    QVERIFY(graph.nodes()[*graph.find(ids::service("default", "app-v1"))].problem.empty());
    QVERIFY(QString::fromStdString(graph.nodes()[*graph.find(ids::service("default", "app-v2"))].problem).contains("503"));
}

void TestTopology::missingBackendIsMarked()
{
    engine::Engine engine;
    store::Store store(engine);
    store.create(gateway("web"));
    store.create(route("app", "web", {{"nowhere", 1}}));
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    const auto &svc = graph.nodes()[*graph.find(ids::service("default", "nowhere"))];
    QVERIFY(QString::fromStdString(svc.problem).contains("500"));
}

void TestTopology::entryPoints_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("entryId");
    QTest::newRow("LoadBalancer gets a cloud LB") << "LoadBalancer" << QString::fromStdString(ids::loadBalancer("default", "web"));
    QTest::newRow("NodePort gets a node port") << "NodePort" << QString::fromStdString(ids::nodePort("default", "web"));
}

void TestTopology::entryPoints()
{
    QFETCH(QString, type);
    QFETCH(QString, entryId);
    engine::Engine engine;
    store::Store store(engine);
    store.create(service("web", {{"app", "web"}}, type.toStdString()));
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    auto entry = graph.find(entryId.toStdString());
    QVERIFY(entry);
    QVERIFY(graph.hasEdge(*graph.find(ids::client()), *entry));
    QVERIFY(graph.hasEdge(*entry, *graph.find(ids::service("default", "web"))));
}

void TestTopology::canaryIngressWeights()
{
    engine::Engine engine;
    store::Store store(engine);
    auto ingress = [](const std::string &name, const std::string &svc) {
        api::Object o = object(Kind::Ingress, name);
        api::HTTPIngressPath path;
        path.path = "/";
        path.pathType = "Prefix";
        path.backend.service = api::IngressServiceBackend{svc, 80, ""};
        o.as<api::Ingress>().spec.rules = {api::IngressRule{"shop.example", {path}}};
        o.as<api::Ingress>().spec.ingressClassName = "nginx";
        return o;
    };
    store.create(ingress("shop", "shop-v1"));
    api::Object canaryIngress = ingress("shop-canary", "shop-v2");
    canaryIngress.metadata.annotations = {{"nginx.ingress.kubernetes.io/canary", "true"},
                                          {"nginx.ingress.kubernetes.io/canary-weight", "20"}};
    store.create(canaryIngress);
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    auto rule = *graph.find(ids::ingressRule("default", "shop", 0));
    QVERIFY(!graph.find(ids::ingressRule("default", "shop-canary", 0)));
    std::map<std::string, int> weights;
    for (const auto &e : graph.edges())
        if (e.from == rule)
            weights[graph.nodes()[e.to].name] = e.weight.value_or(-1);
    QCOMPARE(weights["shop-v1"], 80);
    QCOMPARE(weights["shop-v2"], 20);
}

void TestTopology::layersFollowTheRequest()
{
    engine::Engine engine;
    store::Store store(engine);
    canary(store);
    store.create(service("direct", {{"app", "x"}}, "LoadBalancer"));
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    topology::LayeredLayout layout;
    layout.update(graph);
    QCOMPARE(layout.layerCount(), 5);
    for (std::size_t n = 0; n < graph.nodes().size(); ++n)
        QCOMPARE(layout.placements()[n].layer, topology::minimumLayer(graph.nodes()[n].role));
}

void TestTopology::layoutHasNoCrossingsForCanary()
{
    engine::Engine engine;
    store::Store store(engine);
    canary(store);
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    topology::LayeredLayout layout;
    layout.update(graph);
    QCOMPARE(topology::LayeredLayout::countCrossings(graph, layout.placements()), 0);
}

void TestTopology::layoutIsStableWhenAPodComes()
{
    engine::Engine engine;
    store::Store store(engine);
    canary(store);
    topology::LayeredLayout layout;
    topology::TopologyGraph before = topology::TopologyBuilder(store).build();
    layout.update(before);
    std::vector<std::string> orderBefore;
    for (std::size_t n : layout.layer(4))
        orderBefore.push_back(before.nodes()[n].id);

    addPod(store, "app-v1-5d9c7-p9", "app-v1-5d9c7", "v1", false);
    topology::TopologyGraph after = topology::TopologyBuilder(store).build();
    layout.update(after);
    std::vector<std::string> orderAfter;
    for (std::size_t n : layout.layer(4))
        orderAfter.push_back(after.nodes()[n].id);
    QCOMPARE(orderAfter.size(), orderBefore.size() + 1);
    // The known pods keep their relative order; the new one joins its ReplicaSet's pods.
    std::vector<std::string> known;
    std::copy_if(orderAfter.begin(), orderAfter.end(), std::back_inserter(known),
                 [](const std::string &id) { return id != ids::pod("default", "app-v1-5d9c7-p9"); });
    QCOMPARE(known, orderBefore);
    auto at = std::find(orderAfter.begin(), orderAfter.end(), ids::pod("default", "app-v1-5d9c7-p9"));
    QVERIFY(at != orderAfter.begin());
    QVERIFY(QString::fromStdString(*(at - 1)).contains("app-v1"));
}

void TestTopology::crossingReductionUntanglesSwappedBackends()
{
    // Route "a" sends to Service "z", route "z" to Service "a": name order alone would cross the edges.
    engine::Engine engine;
    store::Store store(engine);
    store.create(gateway("web"));
    store.create(route("a", "web", {{"z", 1}}));
    store.create(route("z", "web", {{"a", 1}}));
    store.create(service("a", {{"app", "a"}}));
    store.create(service("z", {{"app", "z"}}));
    topology::TopologyGraph graph = topology::TopologyBuilder(store).build();
    topology::LayeredLayout layout;
    layout.update(graph);
    QCOMPARE(topology::LayeredLayout::countCrossings(graph, layout.placements()), 0);
}

QTEST_APPLESS_MAIN(TestTopology)
#include "test_topology.moc"
