#include "../common/trafficfixture.h"

#include "sim/controllers/loadbalancercontroller.h"
#include "sim/simulation.h"

#include <QtTest>

using namespace sim;
using fixture::object;

namespace {

api::Object deployment(const std::string &name, int replicas)
{
    api::Object o = object(api::Kind::Deployment, "default", name);
    auto &d = o.as<api::Deployment>();
    d.spec.replicas = replicas;
    d.spec.selector.matchLabels["app"] = name;
    d.spec.template_.labels.edit()["app"] = name;
    api::Container c;
    c.name = "echo";
    c.image = "registry.k8s.io/echoserver:2.5";
    c.ports.push_back(api::ContainerPort{"http", 8080, "TCP"});
    d.spec.template_.spec.edit().containers.push_back(c);
    return o;
}

api::Object service(const std::string &name, const std::string &type)
{
    api::Object o = object(api::Kind::Service, "default", name);
    auto &s = o.as<api::Service>();
    s.spec.type = type;
    s.spec.selector["app"] = name;
    api::ServicePort p;
    p.port = 80;
    p.targetPort = api::IntOrString::fromInt(8080);
    s.spec.ports.push_back(p);
    return o;
}

std::vector<api::Object> gatewayObjects()
{
    std::vector<api::Object> out;
    api::Object gc = object(api::Kind::GatewayClass, "", "eg");
    gc.as<api::GatewayClass>().spec.controllerName = "gateway.envoyproxy.io/gatewayclass-controller";
    out.push_back(gc);
    api::Object gw = object(api::Kind::Gateway, "default", "gw");
    gw.as<api::Gateway>().spec.gatewayClassName = "eg";
    gw.as<api::Gateway>().spec.listeners.push_back(fixture::listener("http", 80));
    out.push_back(gw);
    api::Object route = object(api::Kind::HTTPRoute, "default", "web");
    api::ParentReference parent;
    parent.name = "gw";
    route.as<api::HTTPRoute>().spec.parentRefs.push_back(parent);
    route.as<api::HTTPRoute>().spec.rules.push_back(fixture::rule({}, {fixture::backend("web", 80), fixture::backend("nope", 80)}));
    out.push_back(route);
    return out;
}

} // namespace

class TestTrafficControllers : public QObject {
    Q_OBJECT

private slots:
    void loadBalancerServiceGetsAnIP();
    void gatewayStatusAndRouting();
    void ingressGetsControllerAddress();
};

void TestTrafficControllers::loadBalancerServiceGetsAnIP()
{
    Simulation sim;
    QVERIFY(sim.applyObjects({deployment("web", 2), service("web", "LoadBalancer"), service("internal", "ClusterIP")}).ok);
    sim.runUntil(engine::seconds(1));
    QVERIFY(sim.store().get(api::Kind::Service, "default", "web")->as<api::Service>().status.loadBalancer.empty());
    sim.settle();
    const auto &lb = sim.store().get(api::Kind::Service, "default", "web")->as<api::Service>().status.loadBalancer;
    QCOMPARE(lb.size(), std::size_t(1));
    QVERIFY(lb[0].ip.rfind("203.0.113.", 0) == 0);
    QCOMPARE(sim.loadBalancers().loadBalancerCount(), std::size_t(1));
    traffic::Exchange e = sim.traffic().exchange(traffic::EntryPoint{}, *traffic::HttpRequest::fromUrl("http://" + lb[0].ip + "/"));
    QCOMPARE(e.status, 200);
    QVERIFY(e.pod.rfind("default/web-", 0) == 0);
    // Changing the type back releases the cloud load balancer.
    api::Object s = service("web", "ClusterIP");
    QVERIFY(sim.applyObjects({s}).ok);
    sim.settle();
    QCOMPARE(sim.loadBalancers().loadBalancerCount(), std::size_t(0));
}

void TestTrafficControllers::gatewayStatusAndRouting()
{
    Simulation sim;
    std::vector<api::Object> objects = gatewayObjects();
    objects.push_back(deployment("web", 2));
    objects.push_back(service("web", "ClusterIP"));
    QVERIFY(sim.applyObjects(objects).ok);
    sim.settle();
    const auto &gw = sim.store().get(api::Kind::Gateway, "default", "gw")->as<api::Gateway>().status;
    QCOMPARE(gw.addresses.size(), std::size_t(1));
    QCOMPARE(api::findCondition(gw.conditions, "Programmed")->status, std::string("True"));
    QCOMPARE(gw.listeners.at(0).attachedRoutes, 1);
    const auto &route = sim.store().get(api::Kind::HTTPRoute, "default", "web")->as<api::HTTPRoute>().status;
    QCOMPARE(route.parents.size(), std::size_t(1));
    QCOMPARE(api::findCondition(route.parents[0].conditions, "Accepted")->status, std::string("True"));
    QCOMPARE(api::findCondition(route.parents[0].conditions, "ResolvedRefs")->reason, std::string("BackendNotFound"));
    QCOMPARE(route.parents[0].controllerName, std::string("gateway.envoyproxy.io/gatewayclass-controller"));
    QVERIFY(api::findCondition(route.parents[0].conditions, "Accepted")->lastTransitionTime > 0);
    const auto &gc = sim.store().get(api::Kind::GatewayClass, "", "eg")->as<api::GatewayClass>().status;
    QCOMPARE(api::findCondition(gc.conditions, "Accepted")->status, std::string("True"));
    // Half the traffic goes to the missing backend and gets 500, as the spec requires.
    traffic::LoadSpec spec;
    spec.entry = traffic::EntryPoint::gateway("default", "gw");
    spec.templates.push_back({*traffic::HttpRequest::fromUrl("http://" + gw.addresses[0].value + "/"), 1});
    spec.rate = 1000;
    spec.count = 2000;
    auto g = sim.traffic().startLoad(spec);
    sim.runUntil(sim.engine().now() + engine::seconds(5));
    const auto &c = sim.traffic().counters(g);
    QCOMPARE(c.answered, std::uint64_t(2000));
    QVERIFY(c.byStatus[500] > 850 && c.byStatus[500] < 1150);
    QCOMPARE(c.byStatus[200] + c.byStatus[500], std::uint64_t(2000));
}

void TestTrafficControllers::ingressGetsControllerAddress()
{
    Simulation sim;
    api::Object ing = object(api::Kind::Ingress, "default", "web");
    ing.as<api::Ingress>().spec.ingressClassName = "nginx";
    ing.as<api::Ingress>().spec.rules.push_back(api::IngressRule{"shop.example", {fixture::ingressPath("/", "Prefix", "web", 80)}});
    QVERIFY(sim.applyObjects({deployment("web", 1), service("web", "ClusterIP"), ing}).ok);
    sim.settle();
    const auto &status = sim.store().get(api::Kind::Ingress, "default", "web")->as<api::Ingress>().status;
    QCOMPARE(status.loadBalancer.size(), std::size_t(1));
    std::string ip = status.loadBalancer[0].ip;
    QCOMPARE(sim.loadBalancers().ingressAddresses().at("nginx"), ip);
    traffic::HttpRequest r = *traffic::HttpRequest::fromUrl("http://" + ip + "/");
    r.host = "shop.example";
    traffic::Exchange e = sim.traffic().exchange(traffic::EntryPoint::ingressClass("nginx"), r);
    QCOMPARE(e.status, 200);
    QCOMPARE(e.route->kind, std::string("Ingress"));
}

QTEST_APPLESS_MAIN(TestTrafficControllers)
#include "test_trafficcontrollers.moc"
