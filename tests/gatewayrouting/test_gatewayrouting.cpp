#include "../common/trafficfixture.h"

#include "sim/metrics/shareinterval.h"

#include <QtTest>

#include <map>

using namespace sim;
using namespace fixture;
using traffic::EntryPoint;
using Outcome = traffic::RoutingDecision::Outcome;

namespace {

api::HTTPRouteMatch withHeaders(api::HTTPRouteMatch m, std::vector<std::pair<std::string, std::string>> headers)
{
    for (auto &[name, value] : headers)
        m.headers.push_back(api::HTTPHeaderMatch{"Exact", name, value});
    return m;
}

api::ParentReference parentRef(const std::string &section = {}, std::optional<int> port = {})
{
    api::ParentReference p;
    p.name = "gw";
    p.namespace_ = "default";
    if (!section.empty())
        p.sectionName = section;
    if (port)
        p.port = *port;
    return p;
}

// "method:POST", "header:x-a=v" (Exact), "header:x-a~v[0-9]" (RegularExpression), "query:tier=gold": one condition.
void addCondition(api::HTTPRouteMatch &m, const QString &text)
{
    QString kind = text.section(':', 0, 0);
    QString rest = text.section(':', 1);
    if (kind == "method") {
        m.method = rest.toStdString();
        return;
    }
    std::string pair = rest.toStdString();
    std::size_t at = pair.find_first_of("=~");
    std::string type = pair[at] == '~' ? "RegularExpression" : "Exact";
    std::string name = pair.substr(0, at), value = pair.substr(at + 1);
    if (kind == "header")
        m.headers.push_back(api::HTTPHeaderMatch{type, name, value});
    else
        m.queryParams.push_back(api::HTTPQueryParamMatch{type, name, value});
}

// The trace's first rule that also matched, as "route rule N: why it lost"; "" when none did.
QString firstLoser(const traffic::Trace &trace)
{
    static const std::string prefix = "also matched HTTPRoute default/";
    for (const traffic::TraceStep &step : trace.steps()) {
        if (step.stage == "rule" && step.decision.starts_with(prefix)) {
            std::string rule = step.decision.substr(prefix.size());
            rule = rule.substr(0, rule.find(" ("));
            QString why = QString::fromStdString(step.why);
            return QString::fromStdString(rule) + ": " + why.mid(why.startsWith("lost: ") ? 6 : 0);
        }
    }
    return {};
}

} // namespace

class TestGatewayRouting : public QObject {
    Q_OBJECT

private slots:
    void precedence_data();
    void precedence();
    void hostnames_data();
    void hostnames();
    void routeStatus_data();
    void routeStatus();
    void gatewayStatus();
    void weights_data();
    void weights();
    void weightedSplitIsStatisticallyRight();
    void weightsPast32Bits_data();
    void weightsPast32Bits();
    void listenerSelection_data();
    void listenerSelection();
    void noEndpointsGives503();
    void conditionRecords_data();
    void conditionRecords();
    void losersListedInOrderThenCounted();
};

void TestGatewayRouting::precedence_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("nextBest");  // the first rule that also matched and why it lost ("" = none)
    QTest::newRow("root prefix") << "http://h/" << "GET" << QStringList{} << "s-root" << "";
    QTest::newRow("prefix /foo") << "http://h/foo" << "GET" << QStringList{} << "s-foo"
        << "r-old rule 0: the winner's path /foo is longer than /";
    QTest::newRow("prefix is element-wise") << "http://h/foobar" << "GET" << QStringList{} << "s-root" << "";
    QTest::newRow("trailing slash") << "http://h/foo/" << "GET" << QStringList{} << "s-foo"
        << "r-old rule 0: the winner's path /foo is longer than /";
    QTest::newRow("longest prefix wins") << "http://h/foo/bar/baz" << "GET" << QStringList{} << "s-foobar"
        << "r-old rule 1: the winner's path /foo/bar is longer than /foo";
    QTest::newRow("exact beats prefix, oldest route on tie") << "http://h/foo/exact" << "GET" << QStringList{} << "s-exact-old"
        << "r-new rule 2: the winner's HTTPRoute default/r-old was created before default/r-new";
    QTest::newRow("header match beats none") << "http://h/foo" << "GET" << QStringList{"x-canary", "1"} << "s-header"
        << "r-old rule 1: the winner has more header matches (1 against 0)";
    QTest::newRow("method beats headers") << "http://h/foo" << "POST" << QStringList{"x-canary", "1"} << "s-post"
        << "r-new rule 0: the winner names a method (POST), this match does not";
    QTest::newRow("more headers win") << "http://h/foo" << "GET" << QStringList{"x-canary", "1", "x-b", "1"} << "s-twoheaders"
        << "r-new rule 0: the winner has more header matches (2 against 1)";
    QTest::newRow("query param match") << "http://h/foo?v=2" << "GET" << QStringList{} << "s-query"
        << "r-old rule 1: the winner has more query parameter matches (1 against 0)";
    QTest::newRow("headers beat query params") << "http://h/foo?v=2" << "GET" << QStringList{"x-canary", "1"} << "s-header"
        << "r-new rule 4: the winner has more header matches (1 against 0)";
    QTest::newRow("regex before prefix") << "http://h/foo/123" << "GET" << QStringList{} << "s-regex"
        << "r-old rule 1: the winner's RegularExpression path /foo/[0-9]+ goes before the PathPrefix /foo";
    QTest::newRow("same age: namespace/name order") << "http://h/tie" << "GET" << QStringList{} << "s-tie-a"
        << "b-tie rule 0: both HTTPRoutes were created at the same moment and the winner's default/a-tie comes first alphabetically";
    QTest::newRow("header names ignore case") << "http://h/foo" << "GET" << QStringList{"X-Canary", "1"} << "s-header"
        << "r-old rule 1: the winner has more header matches (1 against 0)";
    QTest::newRow("header values are exact") << "http://h/foo" << "GET" << QStringList{"x-canary", "2"} << "s-foo"
        << "r-old rule 0: the winner's path /foo is longer than /";
}

void TestGatewayRouting::precedence()
{
    QFETCH(QString, url);
    QFETCH(QString, method);
    QFETCH(QStringList, headers);
    QFETCH(QString, expected);
    QFETCH(QString, nextBest);
    Cluster c;
    c.echoGateway({"s-root", "s-foo", "s-exact-old", "s-header", "s-foobar", "s-exact-new", "s-post", "s-query", "s-twoheaders",
                 "s-regex", "s-tie-a", "s-tie-b"}, 2);
    c.route("default", "r-old", {rule({pathMatch("PathPrefix", "/")}, {backend("s-root", 80)}),
                                 rule({pathMatch("PathPrefix", "/foo")}, {backend("s-foo", 80)}),
                                 rule({pathMatch("Exact", "/foo/exact")}, {backend("s-exact-old", 80)})});
    c.tick();
    api::HTTPRouteMatch post = pathMatch("PathPrefix", "/foo");
    post.method = "POST";
    api::HTTPRouteMatch query = pathMatch("PathPrefix", "/foo");
    query.queryParams.push_back(api::HTTPQueryParamMatch{"Exact", "v", "2"});
    c.route("default", "r-new", {rule({withHeaders(pathMatch("PathPrefix", "/foo"), {{"x-canary", "1"}})}, {backend("s-header", 80)}),
                                 rule({pathMatch("PathPrefix", "/foo/bar")}, {backend("s-foobar", 80)}),
                                 rule({pathMatch("Exact", "/foo/exact")}, {backend("s-exact-new", 80)}),
                                 rule({post}, {backend("s-post", 80)}),
                                 rule({query}, {backend("s-query", 80)}),
                                 rule({withHeaders(pathMatch("PathPrefix", "/foo"), {{"x-canary", "1"}, {"x-b", "1"}})},
                                      {backend("s-twoheaders", 80)}),
                                 rule({pathMatch("RegularExpression", "/foo/[0-9]+")}, {backend("s-regex", 80)})});
    c.tick();
    // Same creationTimestamp: "default/b-tie" loses to "default/a-tie" by name.
    c.route("default", "b-tie", {rule({pathMatch("PathPrefix", "/tie")}, {backend("s-tie-b", 80)})});
    c.route("default", "a-tie", {rule({pathMatch("PathPrefix", "/tie")}, {backend("s-tie-a", 80)})});

    std::vector<std::pair<std::string, std::string>> h;
    for (int i = 0; i + 1 < headers.size(); i += 2)
        h.emplace_back(headers[i].toStdString(), headers[i + 1].toStdString());
    Routed r = send(c, gw(), url.toStdString(), h, method.toStdString());
    QVERIFY2(r.decision.isForwarded(), r.trace.toText().c_str());
    QCOMPARE(QString::fromStdString(r.backend()), expected);
    QCOMPARE(firstLoser(r.trace), nextBest);
}

void TestGatewayRouting::hostnames_data()
{
    QTest::addColumn<QString>("listenerHostname");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");  // "" = 404
    QTest::addColumn<QString>("hostnameSteps");  // the trace's "hostname" decisions, " | " between them
    QTest::addColumn<QString>("nextBest");       // the first rule that also matched and why it lost ("" = none)
    QTest::newRow("exact route hostname") << "" << "foo.example.com" << "/api" << "s-exact" << "routes for foo.example.com"
        << "wild rule 0: the winner's route names the more specific hostname foo.example.com (this one: *.example.com)";
    QTest::newRow("wildcard, one label") << "" << "bar.example.com" << "/" << "s-wild" << "routes for *.example.com"
        << "any rule 0: the winner's route names the more specific hostname *.example.com (this one: none)";
    QTest::newRow("wildcard, two labels (Gateway API)") << "" << "a.b.example.com" << "/" << "s-wild" << "routes for *.example.com"
        << "any rule 0: the winner's route names the more specific hostname *.example.com (this one: none)";
    QTest::newRow("wildcard does not match the suffix itself") << "" << "example.com" << "/" << "s-any" << "routes without hostnames"
        << "";
    QTest::newRow("route without hostnames takes the rest") << "" << "other.org" << "/" << "s-any" << "routes without hostnames"
        << "";
    QTest::newRow("exact host falls through to wildcard when its paths miss") << "" << "foo.example.com" << "/web" << "s-wild"
                                                                                 << "routes for foo.example.com | routes for *.example.com"
        << "any rule 0: the winner's route names the more specific hostname *.example.com (this one: none)";
    QTest::newRow("listener hostname filters hosts") << "*.example.com" << "other.org" << "/" << "" << ""
        << "";
    QTest::newRow("listener wildcard, exact route") << "*.example.com" << "foo.example.com" << "/api" << "s-exact"
                                           << "routes for foo.example.com"
        << "any rule 0: the winner's route names the more specific hostname foo.example.com (this one: *.example.com)";
    // Both routes end up with the same (intersected) hostname, so the tie goes to "default/any" by name.
    QTest::newRow("listener wildcard gives host-less routes its hostname") << "*.example.com" << "x.example.com" << "/" << "s-any"
                                                                   << "routes for *.example.com"
        << "wild rule 0: both HTTPRoutes were created at the same moment and the winner's default/any comes first alphabetically";
    QTest::newRow("listener exact, route wildcard narrows to listener") << "foo.example.com" << "foo.example.com" << "/" << "s-any"
                                                                       << "routes for foo.example.com"
        << "wild rule 0: both HTTPRoutes were created at the same moment and the winner's default/any comes first alphabetically";
    QTest::newRow("hostnames ignore case") << "" << "FOO.Example.com" << "/api" << "s-exact" << "routes for foo.example.com"
        << "wild rule 0: the winner's route names the more specific hostname foo.example.com (this one: *.example.com)";
}

void TestGatewayRouting::hostnames()
{
    QFETCH(QString, listenerHostname);
    QFETCH(QString, host);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QFETCH(QString, hostnameSteps);
    QFETCH(QString, nextBest);
    Cluster c;
    c.pods("default", "echo", 1);
    c.echoServices({"s-exact", "s-wild", "s-any"});
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80, "HTTP", listenerHostname.toStdString())});
    c.route("default", "exact", {rule({pathMatch("PathPrefix", "/api")}, {backend("s-exact", 80)})}, {"foo.example.com"});
    c.route("default", "wild", {rule({}, {backend("s-wild", 80)})}, {"*.example.com"});
    c.route("default", "any", {rule({}, {backend("s-any", 80)})});
    Routed r = send(c, gw(), "http://" + host.toStdString() + path.toStdString());
    QStringList steps;
    for (const traffic::TraceStep &step : r.trace.steps())
        if (step.stage == "hostname")
            steps << QString::fromStdString(step.decision);
    QCOMPARE(steps.join(" | "), hostnameSteps);
    QCOMPARE(firstLoser(r.trace), nextBest);
    if (expected.isEmpty()) {
        QCOMPARE(r.decision.status, 404);
        return;
    }
    QVERIFY2(r.decision.isForwarded(), r.trace.toText().c_str());
    QCOMPARE(QString::fromStdString(r.backend()), expected);
}

void TestGatewayRouting::routeStatus_data()
{
    QTest::addColumn<QString>("routeNamespace");
    QTest::addColumn<QString>("section");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<QString>("backendNamespace");
    QTest::addColumn<QString>("backendKind");
    QTest::addColumn<bool>("grant");
    QTest::addColumn<QString>("accepted");
    QTest::addColumn<QString>("resolved");
    QTest::newRow("accepted") << "default" << "" << 0 << "" << "" << "Service" << false << "Accepted" << "ResolvedRefs";
    QTest::newRow("no such sectionName") << "default" << "nope" << 0 << "" << "" << "Service" << false << "NoMatchingParent" << "ResolvedRefs";
    QTest::newRow("no listener on port") << "default" << "" << 1234 << "" << "" << "Service" << false << "NoMatchingParent" << "ResolvedRefs";
    QTest::newRow("port selects the wildcard listener") << "default" << "" << 8080 << "" << "" << "Service" << false << "Accepted" << "ResolvedRefs";
    QTest::newRow("other namespace, Same listener") << "other" << "http" << 0 << "" << "" << "Service" << false << "NotAllowedByListeners" << "ResolvedRefs";
    QTest::newRow("hostname outside listener's") << "other" << "restricted" << 0 << "foo.other.org" << "" << "Service" << false << "NoMatchingListenerHostname" << "ResolvedRefs";
    QTest::newRow("selector matches namespace label") << "prod" << "selector" << 0 << "" << "" << "Service" << false << "Accepted" << "ResolvedRefs";
    QTest::newRow("selector rejects namespace") << "other" << "selector" << 0 << "" << "" << "Service" << false << "NotAllowedByListeners" << "ResolvedRefs";
    QTest::newRow("cross-namespace backend without grant") << "default" << "" << 0 << "" << "backends" << "Service" << false << "Accepted" << "RefNotPermitted";
    QTest::newRow("cross-namespace backend with grant") << "default" << "" << 0 << "" << "backends" << "Service" << true << "Accepted" << "ResolvedRefs";
    QTest::newRow("missing Service") << "default" << "" << 0 << "" << "missing" << "Service" << false << "Accepted" << "BackendNotFound";
    QTest::newRow("unsupported kind") << "default" << "" << 0 << "" << "" << "ConfigMap" << false << "Accepted" << "InvalidKind";
}

void TestGatewayRouting::routeStatus()
{
    QFETCH(QString, routeNamespace);
    QFETCH(QString, section);
    QFETCH(int, port);
    QFETCH(QString, hostname);
    QFETCH(QString, backendNamespace);
    QFETCH(QString, backendKind);
    QFETCH(bool, grant);
    QFETCH(QString, accepted);
    QFETCH(QString, resolved);
    Cluster c;
    c.namespace_("other");
    c.namespace_("prod", {{"env", "prod"}});
    c.namespace_("backends");
    for (const char *ns : {"default", "other", "prod", "backends"}) {
        c.pods(ns, "echo", 1);
        c.service(ns, "web", "echo", 80);
    }
    c.gatewayClass();
    api::Listener selector = listener("selector", 9090, "HTTP", "", "Selector");
    selector.allowedRoutes.namespaces.selector = api::LabelSelector{{{"env", "prod"}}, {}};
    c.gateway("default", "gw", {listener("http", 80), listener("restricted", 8080, "HTTP", "*.example.com", "All"), selector});
    if (grant) {
        api::Object g = object(api::Kind::ReferenceGrant, "backends", "allow-default");
        g.as<api::ReferenceGrant>().from.push_back({"gateway.networking.k8s.io", "HTTPRoute", "default"});
        g.as<api::ReferenceGrant>().to.push_back({"", "Service", std::nullopt});
        c.store.create(std::move(g));
    }
    api::HTTPBackendRef ref = backend(backendNamespace == "missing" ? "missing" : "web", 80, 1,
                                      backendNamespace == "missing" ? "" : backendNamespace.toStdString());
    ref.ref.kind = backendKind.toStdString();
    std::vector<std::string> hostnames;
    if (!hostname.isEmpty())
        hostnames.push_back(hostname.toStdString());
    c.route(routeNamespace.toStdString(), "r", {rule({}, {ref})}, hostnames,
            {parentRef(section.toStdString(), port ? std::optional<int>(port) : std::nullopt)});

    traffic::RoutingTableBuilder builder(c.store, nullptr);
    builder.build();
    const api::HTTPRouteStatus &status = builder.gatewayStatus().routes.at(routeNamespace.toStdString() + "/r");
    QCOMPARE(status.parents.size(), std::size_t(1));
    const auto &conditions = status.parents[0].conditions;
    QCOMPARE(QString::fromStdString(api::findCondition(conditions, "Accepted")->reason), accepted);
    QCOMPARE(api::findCondition(conditions, "Accepted")->status, std::string(accepted == "Accepted" ? "True" : "False"));
    QCOMPARE(QString::fromStdString(api::findCondition(conditions, "ResolvedRefs")->reason), resolved);
    QCOMPARE(status.parents[0].controllerName, std::string("example.com/gateway-controller"));
}

void TestGatewayRouting::gatewayStatus()
{
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "web", "echo", 80);
    c.gatewayClass();
    api::Listener https = listener("https", 443, "HTTPS");
    https.tls = api::GatewayTLSConfig{"Terminate", {api::ObjectReference{"", "Secret", "missing-cert", std::nullopt}}};
    c.gateway("default", "gw", {listener("http", 80), https, listener("tcp", 9000, "TCP")}, "");
    c.route("default", "a", {rule({}, {backend("web", 80)})});
    c.route("default", "b", {rule({}, {backend("web", 80)})}, {}, {parentRef("http")});
    traffic::RoutingTableBuilder builder(c.store, nullptr);
    builder.build();
    const traffic::GatewayStatusReport &report = builder.gatewayStatus();
    const api::GatewayStatus &status = report.gateways.at("default/gw");
    QCOMPARE(api::findCondition(status.conditions, "Accepted")->status, std::string("True"));
    QCOMPARE(api::findCondition(status.conditions, "Programmed")->reason, std::string("AddressNotAssigned"));
    QCOMPARE(status.listeners.size(), std::size_t(3));
    QCOMPARE(status.listeners[0].attachedRoutes, 2);
    QCOMPARE(api::findCondition(status.listeners[0].conditions, "Programmed")->status, std::string("True"));
    QCOMPARE(status.listeners[1].attachedRoutes, 1);
    QCOMPARE(api::findCondition(status.listeners[1].conditions, "ResolvedRefs")->reason, std::string("InvalidCertificateRef"));
    QCOMPARE(api::findCondition(status.listeners[2].conditions, "Accepted")->reason, std::string("UnsupportedProtocol"));
    QCOMPARE(api::findCondition(report.classes.at("kubesim").conditions, "Accepted")->status, std::string("True"));
}

void TestGatewayRouting::weights_data()
{
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("expected");  // service name, or a status
    QTest::newRow("weight 0 gets nothing") << QList<int>{1, 0} << QStringList{"a", "b"} << "a";
    QTest::newRow("all zero: 500") << QList<int>{0, 0} << QStringList{"a", "b"} << "500";
    QTest::newRow("no backendRefs: 500") << QList<int>{} << QStringList{} << "500";
    QTest::newRow("only backend missing: 500") << QList<int>{1} << QStringList{"missing"} << "500";
    QTest::newRow("only backend other namespace: 500") << QList<int>{1} << QStringList{"elsewhere/a"} << "500";
}

void TestGatewayRouting::weights()
{
    QFETCH(QList<int>, weights);
    QFETCH(QStringList, names);
    QFETCH(QString, expected);
    Cluster c;
    c.namespace_("elsewhere");
    c.pods("default", "echo", 1);
    c.echoServices({"a", "b"});
    c.service("elsewhere", "a", "echo", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    std::vector<api::HTTPBackendRef> refs;
    for (int i = 0; i < weights.size(); ++i) {
        QString name = names[i];
        QString ns = name.contains('/') ? name.section('/', 0, 0) : QString();
        refs.push_back(backend(name.section('/', -1).toStdString(), 80, weights[i], ns.toStdString()));
    }
    c.route("default", "r", {rule({}, refs)});
    for (int i = 0; i < 50; ++i) {
        Routed r = send(c, gw(), "http://h/x?i=" + std::to_string(i));
        if (expected.front().isDigit())
            QCOMPARE(QString::number(r.decision.status), expected);
        else
            QCOMPARE(QString::fromStdString(r.backend()), expected);
    }
}

void TestGatewayRouting::weightedSplitIsStatisticallyRight()
{
    Cluster c;
    c.echoGateway({"stable", "canary"}, 2);
    // An invalid backendRef keeps its share, answered with 500.
    c.route("default", "r", {rule({}, {backend("stable", 80, 90), backend("canary", 80, 10)})});
    c.route("default", "broken", {rule({pathMatch("PathPrefix", "/broken")}, {backend("stable", 80, 1), backend("missing", 80, 1)})});
    auto table = c.table();
    traffic::Router router(c.engine.stream("split-test"));
    auto request = *traffic::HttpRequest::fromUrl("http://h/");
    auto broken = *traffic::HttpRequest::fromUrl("http://h/broken");
    int canary = 0, errors = 0;
    constexpr int n = 10000;
    for (int i = 0; i < n; ++i) {
        canary += router.route(*table, gw(), request, 0, nullptr).service->name == "canary";
        errors += router.route(*table, gw(), broken, 0, nullptr).status == 500;
    }
    // 99.9 % Wilson intervals around what we observed must contain the configured shares.
    QVERIFY2(metrics::ShareInterval::wilson(canary, n, 3.2905).contains(0.10), qPrintable(QString::number(canary)));
    QVERIFY2(metrics::ShareInterval::wilson(errors, n, 3.2905).contains(0.50), qPrintable(QString::number(errors)));
}

// The draw sums weights in 32 bits when they fit (picks inside the probe) and from the rule when they do not
// (objects built in code are not validated): either way each backendRef gets its weight's share, an invalid
// one answered with 500. Up to three backends, weights near the int32 maximum.
void TestGatewayRouting::weightsPast32Bits_data()
{
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QStringList>("names");
    constexpr int big = 2147483647;
    QTest::newRow("two, 32 bits") << QList<int>{big, big} << QStringList{"a", "b"};
    QTest::newRow("three, exactly 2^32 - 1") << QList<int>{1431655765, 1431655765, 1431655765} << QStringList{"a", "b", "c"};
    QTest::newRow("three, 2^32: past 32 bits") << QList<int>{big, big, 2} << QStringList{"a", "b", "c"};
    QTest::newRow("three, past 32 bits") << QList<int>{big, big, big} << QStringList{"a", "b", "c"};
    QTest::newRow("past 32 bits, one invalid") << QList<int>{big, big, big} << QStringList{"a", "missing", "c"};
    QTest::newRow("past 32 bits, zero first") << QList<int>{0, big, big, big} << QStringList{"a", "b", "c", "missing"};
}

void TestGatewayRouting::weightsPast32Bits()
{
    QFETCH(QList<int>, weights);
    QFETCH(QStringList, names);
    Cluster c;
    c.echoGateway({"a", "b", "c"}, 2);
    std::vector<api::HTTPBackendRef> refs;
    double total = 0;
    for (int i = 0; i < weights.size(); ++i) {
        refs.push_back(backend(names[i].toStdString(), 80, weights[i]));
        total += weights[i];
    }
    c.route("default", "r", {rule({}, refs)});
    auto table = c.table();
    traffic::Router router(c.engine.stream("wide-weights"));
    auto request = *traffic::HttpRequest::fromUrl("http://h/");
    std::map<std::string, int> landed;  // service name, or "500"
    constexpr int n = 6000;
    for (int i = 0; i < n; ++i) {
        traffic::RoutingDecision d = router.route(*table, gw(), request, 0, nullptr);
        landed[d.status == 500 ? std::string("500") : d.service->name] += 1;
    }
    for (int i = 0; i < weights.size(); ++i) {
        const std::string key = names[i] == "missing" ? "500" : names[i].toStdString();
        const double share = weights[i] / total;
        QVERIFY2(metrics::ShareInterval::wilson(landed[key], n, 3.2905).contains(share),
                 qPrintable(names[i] + ": " + QString::number(landed[key]) + " of " + QString::number(n)));
        if (weights[i] == 0)
            QCOMPARE(landed[key], 0);
    }
}

void TestGatewayRouting::listenerSelection_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");  // service, or "refused" / status
    QTest::newRow("http listener") << "http://a.example.com/" << "s-http";
    QTest::newRow("most specific listener hostname") << "http://api.example.com:8080/" << "s-api";
    QTest::newRow("wildcard listener") << "http://www.example.com:8080/" << "s-wild";
    QTest::newRow("no listener hostname matches: 404") << "http://other.org:8080/" << "404";
    QTest::newRow("no listener on port") << "http://a.example.com:9999/" << "refused";
    QTest::newRow("https with valid certificate") << "https://secure.example.com/" << "s-https";
    QTest::newRow("http to the https port") << "http://secure.example.com:443/" << "refused";
}

void TestGatewayRouting::listenerSelection()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    Cluster c;
    c.pods("default", "echo", 1);
    c.echoServices({"s-http", "s-api", "s-wild", "s-https"});
    c.tlsSecret("default", "cert");
    c.gatewayClass();
    api::Listener https = listener("https", 443, "HTTPS");
    https.tls = api::GatewayTLSConfig{"Terminate", {api::ObjectReference{"", "Secret", "cert", std::nullopt}}};
    c.gateway("default", "gw", {listener("http", 80), listener("api", 8080, "HTTP", "api.example.com"),
                                listener("wild", 8080, "HTTP", "*.example.com"), https});
    c.route("default", "http", {rule({}, {backend("s-http", 80)})}, {}, {parentRef("http")});
    c.route("default", "api", {rule({}, {backend("s-api", 80)})}, {}, {parentRef("api")});
    c.route("default", "wild", {rule({}, {backend("s-wild", 80)})}, {}, {parentRef("wild")});
    c.route("default", "https", {rule({}, {backend("s-https", 80)})}, {}, {parentRef("https")});
    Routed r = send(c, gw(), url.toStdString());
    if (expected == "refused")
        QCOMPARE(r.decision.outcome, Outcome::Refused);
    else if (expected.front().isDigit())
        QCOMPARE(QString::number(r.decision.status), expected);
    else
        QCOMPARE(QString::fromStdString(r.backend()), expected);
}

void TestGatewayRouting::noEndpointsGives503()
{
    Cluster c;
    c.service("default", "empty", "nobody", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    c.route("default", "r", {rule({}, {backend("empty", 80)})});
    Routed r = send(c, gw(), "http://a.com/");
    QCOMPARE(r.decision.status, 503);
    QVERIFY(r.trace.toText().find("no ready endpoint") != std::string::npos);
}

void TestGatewayRouting::conditionRecords_data()
{
    QTest::addColumn<QStringList>("conditions");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<int>("records");  // InlineCondition records compiled for the match (0: checked on the CompiledMatch)
    QTest::addColumn<QString>("expected");
    const QStringList version{"header:x-version=v1"};
    QTest::newRow("header equal") << version << "GET" << "http://h/a" << QStringList{"x-version", "v1"} << 1 << "s-cond";
    QTest::newRow("header name in any case") << version << "GET" << "http://h/a" << QStringList{"X-Version", "v1"} << 1 << "s-cond";
    QTest::newRow("header value differs") << version << "GET" << "http://h/a" << QStringList{"x-version", "v2"} << 1 << "s-plain";
    QTest::newRow("header value case counts") << version << "GET" << "http://h/a" << QStringList{"x-version", "V1"} << 1 << "s-plain";
    QTest::newRow("header value longer") << version << "GET" << "http://h/a" << QStringList{"x-version", "v10"} << 1 << "s-plain";
    QTest::newRow("header missing") << version << "GET" << "http://h/a" << QStringList{"x-other", "v1"} << 1 << "s-plain";
    QTest::newRow("header sent twice is joined") << version << "GET" << "http://h/a" << QStringList{"x-version", "v1", "x-version", "v1"} << 1
                                                 << "s-plain";
    // A record holds name and value together in 13 characters.
    const QStringList longest{"header:x-version=v123"};
    QTest::newRow("name and value in 13 characters: a record") << longest << "GET" << "http://h/a" << QStringList{"x-version", "v123"} << 1
                                                               << "s-cond";
    QTest::newRow("13 characters differ") << longest << "GET" << "http://h/a" << QStringList{"x-version", "v124"} << 1 << "s-plain";
    const QStringList longValue{"header:x-version=v1234"};
    QTest::newRow("14 characters: on the match") << longValue << "GET" << "http://h/a" << QStringList{"x-version", "v1234"} << 0 << "s-cond";
    QTest::newRow("14 characters differ") << longValue << "GET" << "http://h/a" << QStringList{"x-version", "v1235"} << 0 << "s-plain";
    const QStringList longName{"header:x-fourteen-chr=v1"};
    QTest::newRow("long name: on the match") << longName << "GET" << "http://h/a" << QStringList{"x-fourteen-chr", "v1"} << 0 << "s-cond";
    const QStringList regex{"header:x-version~v[0-9]"};
    QTest::newRow("regex header: on the match") << regex << "GET" << "http://h/a" << QStringList{"x-version", "v7"} << 0 << "s-cond";
    QTest::newRow("regex header fails") << regex << "GET" << "http://h/a" << QStringList{"x-version", "vx"} << 0 << "s-plain";
    QTest::newRow("method equal") << QStringList{"method:POST"} << "POST" << "http://h/a" << QStringList{} << 1 << "s-cond";
    QTest::newRow("method differs") << QStringList{"method:POST"} << "GET" << "http://h/a" << QStringList{} << 1 << "s-plain";
    const QStringList gold{"query:tier=gold"};
    QTest::newRow("query equal") << gold << "GET" << "http://h/a?x=1&tier=gold" << QStringList{} << 1 << "s-cond";
    QTest::newRow("query first value counts") << gold << "GET" << "http://h/a?tier=silver&tier=gold" << QStringList{} << 1 << "s-plain";
    QTest::newRow("query value longer") << gold << "GET" << "http://h/a?tier=golden" << QStringList{} << 1 << "s-plain";
    QTest::newRow("query missing") << gold << "GET" << "http://h/a" << QStringList{} << 1 << "s-plain";
    QTest::newRow("query regex: on the match") << QStringList{"query:tier~g.*"} << "GET" << "http://h/a?tier=gold" << QStringList{} << 0
                                               << "s-cond";
    const QStringList all{"method:PUT", "header:x-version=v1", "header:x-zone=eu", "query:tier=gold"};
    QTest::newRow("all four hold") << all << "PUT" << "http://h/a?tier=gold" << QStringList{"x-zone", "eu", "x-version", "v1"} << 4 << "s-cond";
    QTest::newRow("one of four fails") << all << "PUT" << "http://h/a?tier=gold" << QStringList{"x-zone", "us", "x-version", "v1"} << 4
                                       << "s-plain";
    QTest::newRow("first of four fails") << all << "GET" << "http://h/a?tier=gold" << QStringList{"x-zone", "eu", "x-version", "v1"} << 4
                                         << "s-plain";
    QTest::newRow("last of four fails") << all << "PUT" << "http://h/a?tier=silver" << QStringList{"x-zone", "eu", "x-version", "v1"} << 4
                                        << "s-plain";
    QTest::newRow("one regex among four: all on the match")
        << QStringList{"method:PUT", "header:x-version=v1", "header:x-zone~e.", "query:tier=gold"} << "PUT" << "http://h/a?tier=gold"
        << QStringList{"x-zone", "eu", "x-version", "v1"} << 0 << "s-cond";
}

// Short exact conditions are checked from records beside the match probes when a request is not traced,
// from the CompiledMatch when it is: both must pick the same rule.
void TestGatewayRouting::conditionRecords()
{
    QFETCH(QStringList, conditions);
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(QStringList, headers);
    QFETCH(int, records);
    QFETCH(QString, expected);
    Cluster c;
    c.echoGateway({"s-cond", "s-plain"}, 2);
    api::HTTPRouteMatch conditional = pathMatch("PathPrefix", "/a");
    for (const QString &condition : conditions)
        addCondition(conditional, condition);
    c.route("default", "r", {rule({conditional}, {backend("s-cond", 80)}), rule({pathMatch("PathPrefix", "/a")}, {backend("s-plain", 80)})});

    auto table = c.table();
    const traffic::CompiledListener &compiled = table->gateways.front().listeners.front();
    QVERIFY(compiled.anyHost);
    const std::vector<traffic::MatchProbe> &probes = compiled.anyHost->prefixProbes;
    auto probe = std::find_if(probes.begin(), probes.end(), [](const traffic::MatchProbe &p) { return p.hasConditions; });
    QVERIFY(probe != probes.end());
    QCOMPARE(int(probe->conditionCount), records);

    auto request = traffic::HttpRequest::fromUrl(url.toStdString());
    QVERIFY(request);
    request->method = method.toStdString();
    for (int i = 0; i + 1 < headers.size(); i += 2)
        request->headers.add(headers[i].toStdString(), headers[i + 1].toStdString());
    traffic::Router router(c.engine.stream("test-router"));
    traffic::Trace trace;
    traffic::RoutingDecision traced = router.route(*table, gw(), *request, 0, &trace);
    traffic::RoutingDecision untraced = router.route(*table, gw(), *request, 0, nullptr);
    QVERIFY2(traced.isForwarded() && untraced.isForwarded(), trace.toText().c_str());
    QCOMPARE(QString::fromStdString(traced.service->name), expected);
    QCOMPARE(QString::fromStdString(untraced.service->name), expected);
}

void TestGatewayRouting::losersListedInOrderThenCounted()
{
    Cluster c;
    c.echoGateway({"s"});
    c.route("default", "exact", {rule({pathMatch("Exact", "/x")}, {backend("s", 80)})});
    QStringList expected;
    for (int i = 0; i < 11; ++i) {
        std::string name = (i < 10 ? "r0" : "r") + std::to_string(i);
        // The last route's rule matches twice (/x and /): it still counts as one rule.
        std::vector<api::HTTPRouteMatch> matches{pathMatch("PathPrefix", "/x")};
        if (i == 10)
            matches.push_back(pathMatch("PathPrefix", "/"));
        c.route("default", name, {rule(matches, {backend("s", 80)})});
        if (i < 8)
            expected << QString::fromStdString("also matched HTTPRoute default/" + name + " rule 0 (PathPrefix /x)");
    }
    expected << "also matched 3 more rule(s)";
    Routed r = send(c, gw(), "http://a.com/x");
    QVERIFY2(r.decision.isForwarded(), r.trace.toText().c_str());
    QStringList losers;
    for (const traffic::TraceStep &step : r.trace.steps())
        if (step.stage == "rule" && step.decision.starts_with("also matched"))
            losers << QString::fromStdString(step.decision);
    QCOMPARE(losers, expected);
    QCOMPARE(firstLoser(r.trace), QString("r00 rule 0: the winner's Exact path /x goes before the PathPrefix /x"));
}

QTEST_APPLESS_MAIN(TestGatewayRouting)
#include "test_gatewayrouting.moc"
