// Every Gateway API example in the shared corpus that uses HTTPRoute loads, and a request crafted from
// each rule's first match reaches a backend that rule names.

#include "sim/manifest/loader.h"
#include "sim/simulation.h"
#include "sim/traffic/router.h"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace sim;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(KUBESIM_SHARED_DIR) / "corpus" / "gateway-api";

bool mentionsHTTPRoute(const fs::path &file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str().find("kind: HTTPRoute") != std::string::npos;
}

// Examples split over several files share the prefix before "_": the files without an HTTPRoute
// (Gateways, namespaces) are shared; the route files are alternatives, each applied on its own.
std::vector<std::string> batchFor(const fs::path &routeFile)
{
    std::string stem = routeFile.stem().string();
    std::string group = stem.substr(0, stem.find('_'));
    std::vector<std::string> files;
    for (const auto &entry : fs::directory_iterator(kCorpus)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(group + "_", 0) == 0 && entry.path() != routeFile && !mentionsHTTPRoute(entry.path()))
            files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    files.push_back(routeFile.string());
    return files;
}

// Gateways a route names but the example leaves out (they live in another page): one HTTP listener per
// sectionName, open to all namespaces.
void installMissingGateways(Simulation &sim)
{
    std::map<std::string, api::Object> missing;
    for (const api::ObjectPtr &route : sim.store().list(api::Kind::HTTPRoute)) {
        for (const api::ParentReference &p : route->as<api::HTTPRoute>().spec.parentRefs) {
            std::string ns = p.namespace_.value_or(route->metadata.namespace_);
            if (p.kind != "Gateway" || sim.store().get(api::Kind::Gateway, ns, p.name))
                continue;
            auto [it, inserted] = missing.try_emplace(ns + "/" + p.name, api::makeObject(api::Kind::Gateway));
            api::Object &gw = it->second;
            if (inserted) {
                gw.metadata.namespace_ = ns;
                gw.metadata.name = p.name;
                gw.as<api::Gateway>().spec.gatewayClassName = "kubesim";
            }
            auto &listeners = gw.as<api::Gateway>().spec.listeners;
            std::string name = p.sectionName.value_or("http");
            if (std::any_of(listeners.begin(), listeners.end(), [&](const api::Listener &l) { return l.name == name; }))
                continue;
            api::Listener l;
            l.name = name;
            l.protocol = "HTTP";
            l.port = p.port.value_or(80 + static_cast<int>(listeners.size()));
            l.allowedRoutes.namespaces.from = "All";
            listeners.push_back(l);
        }
    }
    std::vector<api::Object> objects;
    for (auto &[key, gw] : missing)
        objects.push_back(std::move(gw));
    if (!objects.empty())
        QVERIFY(sim.applyObjects(std::move(objects)).ok);
}

// The cluster's Gateway implementation is installed: every class the examples name exists.
void installClasses(Simulation &sim)
{
    std::vector<api::Object> classes;
    for (const api::ObjectPtr &gw : sim.store().list(api::Kind::Gateway)) {
        const std::string &name = gw->as<api::Gateway>().spec.gatewayClassName;
        if (!sim.store().get(api::Kind::GatewayClass, "", name)
            && std::none_of(classes.begin(), classes.end(), [&](const api::Object &o) { return o.metadata.name == name; })) {
            api::Object c = api::makeObject(api::Kind::GatewayClass);
            c.metadata.name = name;
            c.as<api::GatewayClass>().spec.controllerName = "example.com/gateway-controller";
            classes.push_back(std::move(c));
        }
    }
    if (!classes.empty())
        QVERIFY(sim.applyObjects(std::move(classes)).ok);
}

std::string concreteHost(const std::string &pattern) { return pattern.rfind("*.", 0) == 0 ? "test" + pattern.substr(1) : pattern; }

} // namespace

class TestRoutingCorpus : public QObject {
    Q_OBJECT

private slots:
    void example_data();
    void example();
};

void TestRoutingCorpus::example_data()
{
    QTest::addColumn<QString>("file");
    std::set<std::string> files;
    for (const auto &entry : fs::directory_iterator(kCorpus)) {
        if (entry.path().extension() == ".yaml" && mentionsHTTPRoute(entry.path()))
            files.insert(entry.path().filename().string());
    }
    QVERIFY(files.size() > 40);
    for (const std::string &f : files)
        QTest::newRow(f.c_str()) << QString::fromStdString(f);
}

void TestRoutingCorpus::example()
{
    QFETCH(QString, file);
    Simulation sim;
    // The shared namespaces exist in the cluster already, as the examples assume.
    manifest::LoadResult namespaces = manifest::loadPaths({(kCorpus / "0-namespaces.yaml").string()});
    QVERIFY(sim.apply(namespaces.documents).ok);
    manifest::LoadResult loaded = manifest::loadPaths(batchFor(kCorpus / file.toStdString()));
    QVERIFY2(loaded.ok(), "the example does not load");
    std::vector<manifest::Document> documents;
    for (manifest::Document &d : loaded.documents)
        documents.push_back(std::move(d));
    ApplyResult applied = sim.apply(documents);
    QVERIFY2(applied.ok, applied.errorText().c_str());
    installMissingGateways(sim);
    installClasses(sim);
    sim.settle();

    auto table = sim.traffic().table();
    traffic::Router router(sim.engine().stream("corpus"));
    int checked = 0;
    for (const api::ObjectPtr &object : sim.store().list(api::Kind::HTTPRoute)) {
        const auto &route = object->as<api::HTTPRoute>();
        for (const api::ParentReference &parent : route.spec.parentRefs) {
            if (parent.kind != "Gateway")
                continue;  // GAMMA (mesh) routes attach to Services, not Gateways
            std::string ns = parent.namespace_.value_or(object->metadata.namespace_);
            const traffic::CompiledGateway *gateway = table->findGateway(ns, parent.name);
            if (!gateway)
                continue;
            const traffic::CompiledListener *listener = nullptr;
            for (const traffic::CompiledListener &l : gateway->listeners) {
                bool selected = (!parent.sectionName || *parent.sectionName == l.name) && (!parent.port || *parent.port == l.port);
                if (!listener && selected && l.isAccepted && l.attachedRoutes > 0)
                    listener = &l;
            }
            // The route must have attached to the listener its parentRef selects.
            QVERIFY2(listener, (object->key() + " is not attached to Gateway " + ns + "/" + parent.name).c_str());
            // HTTPS listeners whose certificate Secret the example leaves out cannot complete a handshake.
            if (!listener->hasValidCertificate)
                continue;
            for (std::size_t r = 0; r < route.spec.rules.size(); ++r) {
                const api::HTTPRouteRule &rule = route.spec.rules[r];
                bool redirects = std::any_of(rule.filters.begin(), rule.filters.end(), [](const auto &f) { return f.type == "RequestRedirect"; });
                std::set<std::string> named;
                for (const api::HTTPBackendRef &b : rule.backendRefs) {
                    if (b.weight > 0)
                        named.insert(b.ref.name);
                }
                if (redirects || named.empty())
                    continue;
                api::HTTPRouteMatch match = rule.matches.empty() ? api::HTTPRouteMatch{} : rule.matches.front();
                api::HTTPPathMatch path = match.path.value_or(api::HTTPPathMatch{});
                if (path.type == "RegularExpression")
                    continue;
                traffic::HttpRequest request;
                request.scheme = listener->protocol == "HTTPS" ? "https" : "http";
                request.port = listener->port;
                request.path = path.value;
                request.method = match.method.value_or("GET");
                std::string host = route.spec.hostnames.empty() ? listener->hostname : route.spec.hostnames.front();
                request.host = concreteHost(host.empty() ? "example.com" : host);
                for (const api::HTTPHeaderMatch &h : match.headers)
                    request.headers.add(h.name, h.value);
                for (const api::HTTPQueryParamMatch &q : match.queryParams)
                    request.query += (request.query.empty() ? "" : "&") + q.name + "=" + q.value;
                traffic::Trace trace;
                traffic::RoutingDecision d = router.route(*table, traffic::EntryPoint::gateway(ns, parent.name, listener->name), request, 0, &trace);
                QVERIFY2(d.rule && d.backendRef(), (object->key() + " rule " + std::to_string(r) + ":\n" + trace.toText()).c_str());
                QVERIFY2(d.rule->routeKey() == object->key() && named.count(d.backendRef()->name),
                         (object->key() + " rule " + std::to_string(r) + ":\n" + trace.toText()).c_str());
                ++checked;
            }
        }
    }
    // Routes without a Gateway parent (GAMMA, or examples that leave parentRefs out) attach nowhere, as on
    // a real cluster; every other rule with weighted backends and no redirect was sent a request above.
    qInfo("%s: %d rule(s) routed", qPrintable(file), checked);
}

QTEST_APPLESS_MAIN(TestRoutingCorpus)
#include "test_routingcorpus.moc"
