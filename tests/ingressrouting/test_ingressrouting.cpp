#include "../common/trafficfixture.h"

#include "sim/traffic/httpfilters.h"
#include "sim/traffic/ingresscompiler.h"

#include <QtTest>

using namespace sim;
using namespace fixture;
using traffic::EntryPoint;

namespace {

EntryPoint nginx() { return EntryPoint::ingressClass("nginx"); }

api::IngressRule hostRule(const std::string &host, std::vector<api::HTTPIngressPath> paths)
{
    return api::IngressRule{host, std::move(paths)};
}

std::string n(const char *annotation) { return std::string(traffic::kNginxAnnotationPrefix) + annotation; }

} // namespace

class TestIngressRouting : public QObject {
    Q_OBJECT

private slots:
    void kubernetesDocsPathExamples_data();
    void kubernetesDocsPathExamples();
    void hosts_data();
    void hosts();
    void ingressesOnOneHostMerge();
    void ingressClass_data();
    void ingressClass();
    void tls_data();
    void tls();
    void annotations_data();
    void annotations();
    void canaryOrder_data();
    void canaryOrder();
    void defaultBackend();
    void missingServiceGives503();
    void losersInTrace_data();
    void losersInTrace();
    void newerIngressOnSamePathIsNamedInTrace();
};

// The "Examples" table of https://kubernetes.io/docs/concepts/services-networking/ingress/#examples, row by row.
void TestIngressRouting::kubernetesDocsPathExamples_data()
{
    QTest::addColumn<QStringList>("paths");  // "Type:/path", backend s<i> for the i-th
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("expected");      // index of the winning path, -1 for none
    QTest::newRow("Prefix / matches all") << QStringList{"Prefix:/"} << "/anything" << 0;
    QTest::newRow("Exact /foo, /foo") << QStringList{"Exact:/foo"} << "/foo" << 0;
    QTest::newRow("Exact /foo, /bar") << QStringList{"Exact:/foo"} << "/bar" << -1;
    QTest::newRow("Exact /foo, /foo/") << QStringList{"Exact:/foo"} << "/foo/" << -1;
    QTest::newRow("Exact /foo/, /foo") << QStringList{"Exact:/foo/"} << "/foo" << -1;
    QTest::newRow("Prefix /foo, /foo") << QStringList{"Prefix:/foo"} << "/foo" << 0;
    QTest::newRow("Prefix /foo, /foo/") << QStringList{"Prefix:/foo"} << "/foo/" << 0;
    QTest::newRow("Prefix /foo/, /foo") << QStringList{"Prefix:/foo/"} << "/foo" << 0;
    QTest::newRow("Prefix /foo/, /foo/") << QStringList{"Prefix:/foo/"} << "/foo/" << 0;
    QTest::newRow("Prefix /aaa/bb, /aaa/bbb") << QStringList{"Prefix:/aaa/bb"} << "/aaa/bbb" << -1;
    QTest::newRow("Prefix /aaa/bbb, /aaa/bbb") << QStringList{"Prefix:/aaa/bbb"} << "/aaa/bbb" << 0;
    QTest::newRow("Prefix /aaa/bbb/, /aaa/bbb (ignores trailing slash)") << QStringList{"Prefix:/aaa/bbb/"} << "/aaa/bbb" << 0;
    QTest::newRow("Prefix /aaa/bbb, /aaa/bbb/ (matches trailing slash)") << QStringList{"Prefix:/aaa/bbb"} << "/aaa/bbb/" << 0;
    QTest::newRow("Prefix /aaa/bbb, /aaa/bbb/ccc (subpath)") << QStringList{"Prefix:/aaa/bbb"} << "/aaa/bbb/ccc" << 0;
    QTest::newRow("Prefix /aaa/bbb, /aaa/bbbxyz (not a string prefix)") << QStringList{"Prefix:/aaa/bbb"} << "/aaa/bbbxyz" << -1;
    QTest::newRow("Prefix /, /aaa, /aaa/ccc") << QStringList{"Prefix:/", "Prefix:/aaa"} << "/aaa/ccc" << 1;
    QTest::newRow("Prefix /, /aaa, /aaa/bbb: /aaa/bbb") << QStringList{"Prefix:/", "Prefix:/aaa", "Prefix:/aaa/bbb"} << "/aaa/bbb" << 2;
    QTest::newRow("Prefix /, /aaa, /aaa/bbb: /ccc") << QStringList{"Prefix:/", "Prefix:/aaa", "Prefix:/aaa/bbb"} << "/ccc" << 0;
    QTest::newRow("Prefix /aaa, /ccc (default backend)") << QStringList{"Prefix:/aaa"} << "/ccc" << -1;
    QTest::newRow("Mixed /foo Prefix and Exact: Exact") << QStringList{"Prefix:/foo", "Exact:/foo"} << "/foo" << 1;
    QTest::newRow("ImplementationSpecific is an nginx prefix") << QStringList{"ImplementationSpecific:/foo"} << "/foobar" << 0;
}

void TestIngressRouting::kubernetesDocsPathExamples()
{
    QFETCH(QStringList, paths);
    QFETCH(QString, request);
    QFETCH(int, expected);
    Cluster c;
    c.pods("default", "echo", 1);
    std::vector<api::HTTPIngressPath> ingressPaths;
    for (int i = 0; i < paths.size(); ++i) {
        std::string name = "s" + std::to_string(i);
        c.service("default", name, "echo", 80);
        ingressPaths.push_back(ingressPath(paths[i].section(':', 1).toStdString(), paths[i].section(':', 0, 0).toStdString(), name, 80));
    }
    c.ingress("default", "ing", {hostRule("foo.bar.com", ingressPaths)});
    Routed r = send(c, nginx(), "http://foo.bar.com" + request.toStdString());
    if (expected < 0) {
        QCOMPARE(r.decision.status, 404);
        return;
    }
    QVERIFY2(r.decision.isForwarded(), r.trace.toText().c_str());
    QCOMPARE(r.backend(), "s" + std::to_string(expected));
}

void TestIngressRouting::hosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("catchAll");
    QTest::addColumn<QString>("expected");
    QTest::newRow("exact host") << "foo.bar.com" << true << "s-exact";
    QTest::newRow("wildcard, one label") << "bar.foo.com" << true << "s-wild";
    QTest::newRow("wildcard does not take two labels") << "baz.bar.foo.com" << true << "s-any";
    QTest::newRow("wildcard does not take the bare domain") << "foo.com" << true << "s-any";
    QTest::newRow("hosts ignore case") << "Foo.Bar.com" << true << "s-exact";
    QTest::newRow("no rule for host, no catch-all: 404") << "other.org" << false << "404";
}

void TestIngressRouting::hosts()
{
    QFETCH(QString, host);
    QFETCH(bool, catchAll);
    QFETCH(QString, expected);
    Cluster c;
    c.pods("default", "echo", 1);
    for (const char *s : {"s-exact", "s-wild", "s-any"})
        c.service("default", s, "echo", 80);
    std::vector<api::IngressRule> rules{hostRule("foo.bar.com", {ingressPath("/", "Prefix", "s-exact", 80)}),
                                        hostRule("*.foo.com", {ingressPath("/", "Prefix", "s-wild", 80)})};
    if (catchAll)
        rules.push_back(hostRule("", {ingressPath("/", "Prefix", "s-any", 80)}));
    c.ingress("default", "ing", rules);
    Routed r = send(c, nginx(), "http://" + host.toStdString() + "/");
    if (expected == "404")
        QCOMPARE(r.decision.status, 404);
    else
        QCOMPARE(QString::fromStdString(r.backend()), expected);
}

void TestIngressRouting::ingressesOnOneHostMerge()
{
    Cluster c;
    c.pods("default", "echo", 1);
    for (const char *s : {"api", "web", "late"})
        c.service("default", s, "echo", 80);
    c.ingress("default", "api", {hostRule("shop.example", {ingressPath("/api", "Prefix", "api", 80)})});
    c.tick();
    c.ingress("default", "web", {hostRule("shop.example", {ingressPath("/", "Prefix", "web", 80)})});
    c.tick();
    // Same host and path as the older "api" Ingress: the oldest keeps it.
    c.ingress("default", "late", {hostRule("shop.example", {ingressPath("/api", "Prefix", "late", 80)})});
    QCOMPARE(send(c, nginx(), "http://shop.example/api/items").backend(), std::string("api"));
    QCOMPARE(send(c, nginx(), "http://shop.example/cart").backend(), std::string("web"));
}

void TestIngressRouting::ingressClass_data()
{
    QTest::addColumn<QString>("className");      // ingressClassName ("" = none)
    QTest::addColumn<QString>("legacy");         // kubernetes.io/ingress.class
    QTest::addColumn<QString>("definedClass");   // IngressClass in the store ("" = none)
    QTest::addColumn<bool>("definedIsDefault");
    QTest::addColumn<QString>("servedBy");       // "" = not served
    QTest::newRow("built-in nginx") << "nginx" << "" << "" << false << "nginx";
    QTest::newRow("no class, no IngressClass: built-in default") << "" << "" << "" << false << "nginx";
    QTest::newRow("no class, default IngressClass") << "" << "" << "public" << true << "public";
    QTest::newRow("no class, no default: ignored") << "" << "" << "public" << false << "";
    QTest::newRow("unknown class: ignored") << "traefik" << "" << "" << false << "";
    QTest::newRow("legacy annotation") << "" << "public" << "public" << false << "public";
}

void TestIngressRouting::ingressClass()
{
    QFETCH(QString, className);
    QFETCH(QString, legacy);
    QFETCH(QString, definedClass);
    QFETCH(bool, definedIsDefault);
    QFETCH(QString, servedBy);
    Cluster c;
    if (!definedClass.isEmpty()) {
        api::Object o = object(api::Kind::IngressClass, "", definedClass.toStdString());
        o.as<api::IngressClass>().spec.controller = "k8s.io/ingress-nginx";
        if (definedIsDefault)
            o.metadata.annotations.edit()[api::kDefaultIngressClassAnnotation] = "true";
        c.store.create(std::move(o));
    }
    api::Object ing = object(api::Kind::Ingress, "default", "ing");
    if (!className.isEmpty())
        ing.as<api::Ingress>().spec.ingressClassName = className.toStdString();
    if (!legacy.isEmpty())
        ing.metadata.annotations.edit()[api::kLegacyIngressClassAnnotation] = legacy.toStdString();
    std::string why;
    QCOMPARE(QString::fromStdString(traffic::IngressCompiler::classOf(c.store, ing, &why)), servedBy);
    QCOMPARE(why.empty(), !servedBy.isEmpty());
}

void TestIngressRouting::tls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("secretExists");
    QTest::addColumn<QString>("sslRedirect");   // annotation value, "" = unset
    QTest::addColumn<QString>("forceRedirect");
    QTest::addColumn<QString>("host");          // host in the tls section
    QTest::addColumn<int>("status");            // 0 = forwarded
    QTest::addColumn<QString>("location");
    QTest::newRow("http redirected with 308") << "http://secure.example/a?b=1" << true << "" << "" << "secure.example" << 308 << "https://secure.example/a?b=1";
    QTest::newRow("https terminated") << "https://secure.example/a" << true << "" << "" << "secure.example" << 0 << "";
    QTest::newRow("ssl-redirect false") << "http://secure.example/a" << true << "false" << "" << "secure.example" << 0 << "";
    QTest::newRow("missing Secret: no redirect") << "http://secure.example/a" << false << "" << "" << "secure.example" << 0 << "";
    QTest::newRow("host not in tls: no redirect") << "http://secure.example/a" << true << "" << "" << "other.example" << 0 << "";
    QTest::newRow("force-ssl-redirect without tls") << "http://secure.example/a" << true << "" << "true" << "other.example" << 308 << "https://secure.example/a";
}

void TestIngressRouting::tls()
{
    QFETCH(QString, url);
    QFETCH(bool, secretExists);
    QFETCH(QString, sslRedirect);
    QFETCH(QString, forceRedirect);
    QFETCH(QString, host);
    QFETCH(int, status);
    QFETCH(QString, location);
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "web", "echo", 80);
    if (secretExists)
        c.tlsSecret("default", "cert");
    api::Annotations annotations;
    if (!sslRedirect.isEmpty())
        annotations[n("ssl-redirect")] = sslRedirect.toStdString();
    if (!forceRedirect.isEmpty())
        annotations[n("force-ssl-redirect")] = forceRedirect.toStdString();
    c.ingress("default", "ing", {hostRule("secure.example", {ingressPath("/", "Prefix", "web", 80)})}, annotations,
              {api::IngressTLS{{host.toStdString()}, "cert"}});
    Routed r = send(c, nginx(), url.toStdString());
    if (status == 0) {
        QVERIFY2(r.decision.isForwarded(), r.trace.toText().c_str());
    } else {
        QCOMPARE(r.decision.status, status);
        QCOMPARE(QString::fromStdString(r.decision.redirectLocation), location);
    }
    if (!secretExists)
        QVERIFY(r.trace.toText().find("Secret default/cert not found") != std::string::npos);
}

void TestIngressRouting::annotations_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("pathType");
    QTest::addColumn<QStringList>("annotations");  // name, value, ...
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("status");          // 0 = forwarded
    QTest::addColumn<QString>("expected");    // upstream path when forwarded, else Location
    QTest::newRow("rewrite-target with capture group") << "/something(/|$)(.*)" << "ImplementationSpecific"
        << QStringList{"rewrite-target", "/$2"} << "http://h/something/new/x?q=1" << 0 << "/new/x";
    QTest::newRow("rewrite-target, bare prefix") << "/something(/|$)(.*)" << "ImplementationSpecific"
        << QStringList{"rewrite-target", "/$2"} << "http://h/something" << 0 << "/";
    QTest::newRow("rewrite-target replaces the whole path") << "/app" << "Prefix"
        << QStringList{"rewrite-target", "/"} << "http://h/app/page" << 0 << "/";
    QTest::newRow("use-regex ignores case") << "/api/v[0-9]+" << "ImplementationSpecific"
        << QStringList{"use-regex", "true"} << "http://h/API/V2/users" << 0 << "/API/V2/users";
    QTest::newRow("app-root") << "/" << "Prefix" << QStringList{"app-root", "/app1"} << "http://h/" << 302 << "http://h/app1";
    QTest::newRow("app-root leaves other paths") << "/" << "Prefix" << QStringList{"app-root", "/app1"} << "http://h/x" << 0 << "/x";
    QTest::newRow("permanent-redirect") << "/" << "Prefix" << QStringList{"permanent-redirect", "https://new.example/"} << "http://h/x" << 301 << "https://new.example/";
    QTest::newRow("permanent-redirect-code") << "/" << "Prefix"
        << QStringList{"permanent-redirect", "https://new.example/", "permanent-redirect-code", "308"} << "http://h/x" << 308 << "https://new.example/";
    QTest::newRow("temporal-redirect") << "/" << "Prefix" << QStringList{"temporal-redirect", "https://tmp.example/"} << "http://h/x" << 302 << "https://tmp.example/";
}

void TestIngressRouting::annotations()
{
    QFETCH(QString, path);
    QFETCH(QString, pathType);
    QFETCH(QStringList, annotations);
    QFETCH(QString, url);
    QFETCH(int, status);
    QFETCH(QString, expected);
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "web", "echo", 80);
    api::Annotations a;
    for (int i = 0; i + 1 < annotations.size(); i += 2)
        a[n(annotations[i].toUtf8().constData())] = annotations[i + 1].toStdString();
    c.ingress("default", "ing", {hostRule("h", {ingressPath(path.toStdString(), pathType.toStdString(), "web", 80)})}, a);
    Routed r = send(c, nginx(), url.toStdString());
    if (status != 0) {
        QCOMPARE(r.decision.status, status);
        QCOMPARE(QString::fromStdString(r.decision.redirectLocation), expected);
        return;
    }
    QVERIFY2(r.decision.isForwarded(), r.trace.toText().c_str());
    traffic::HttpRequest upstream = traffic::HttpFilters::upstreamRequest(r.decision, *traffic::HttpRequest::fromUrl(url.toStdString()), nullptr);
    QCOMPARE(QString::fromStdString(upstream.path), expected);
}

void TestIngressRouting::canaryOrder_data()
{
    QTest::addColumn<QStringList>("canaryAnnotations");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QString>("expected");
    const QStringList byHeader{"canary-by-header", "x-canary"};
    QTest::newRow("header always") << byHeader << QStringList{"x-canary", "always"} << "canary";
    QTest::newRow("header never") << byHeader << QStringList{"x-canary", "never"} << "main";
    QTest::newRow("header other value ignored (weight 0)") << byHeader << QStringList{"x-canary", "yes"} << "main";
    QTest::newRow("header-value matches") << QStringList{"canary-by-header", "x-canary", "canary-by-header-value", "blue"}
        << QStringList{"x-canary", "blue"} << "canary";
    QTest::newRow("header-value: always is just another value") << QStringList{"canary-by-header", "x-canary", "canary-by-header-value", "blue"}
        << QStringList{"x-canary", "always"} << "main";
    QTest::newRow("header-pattern") << QStringList{"canary-by-header", "x-canary", "canary-by-header-pattern", "^(beta|gamma)$"}
        << QStringList{"x-canary", "gamma"} << "canary";
    QTest::newRow("header never beats cookie always") << QStringList{"canary-by-header", "x-canary", "canary-by-cookie", "c"}
        << QStringList{"x-canary", "never", "cookie", "c=always"} << "main";
    QTest::newRow("header absent, cookie always") << QStringList{"canary-by-header", "x-canary", "canary-by-cookie", "c"}
        << QStringList{"cookie", "a=1; c=always"} << "canary";
    QTest::newRow("cookie never beats weight 100") << QStringList{"canary-by-cookie", "c", "canary-weight", "100"}
        << QStringList{"cookie", "c=never"} << "main";
    QTest::newRow("weight 100") << QStringList{"canary-weight", "100"} << QStringList{} << "canary";
    QTest::newRow("weight 0") << QStringList{"canary-weight", "0"} << QStringList{} << "main";
    QTest::newRow("weight-total 1000, weight 1000") << QStringList{"canary-weight", "1000", "canary-weight-total", "1000"} << QStringList{} << "canary";
}

void TestIngressRouting::canaryOrder()
{
    QFETCH(QStringList, canaryAnnotations);
    QFETCH(QStringList, headers);
    QFETCH(QString, expected);
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "main", "echo", 80);
    c.service("default", "canary", "echo", 80);
    c.ingress("default", "main", {hostRule("app.example", {ingressPath("/", "Prefix", "main", 80)})});
    api::Annotations a{{n("canary"), "true"}};
    for (int i = 0; i + 1 < canaryAnnotations.size(); i += 2)
        a[n(canaryAnnotations[i].toUtf8().constData())] = canaryAnnotations[i + 1].toStdString();
    c.ingress("default", "canary", {hostRule("app.example", {ingressPath("/", "Prefix", "canary", 80)})}, a);
    std::vector<std::pair<std::string, std::string>> h;
    for (int i = 0; i + 1 < headers.size(); i += 2)
        h.emplace_back(headers[i].toStdString(), headers[i + 1].toStdString());
    for (int i = 0; i < 20; ++i) {
        Routed r = send(c, nginx(), "http://app.example/", h);
        QCOMPARE(QString::fromStdString(r.backend()), expected);
    }
}

void TestIngressRouting::defaultBackend()
{
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "web", "echo", 80);
    c.service("default", "fallback", "echo", 80);
    api::Object o = object(api::Kind::Ingress, "default", "ing");
    auto &ing = o.as<api::Ingress>();
    ing.spec.ingressClassName = "nginx";
    ing.spec.defaultBackend = api::IngressBackend{api::IngressServiceBackend{"fallback", 80, {}}, std::nullopt};
    ing.spec.rules.push_back(hostRule("a.example", {ingressPath("/app", "Prefix", "web", 80)}));
    c.store.create(std::move(o));
    QCOMPARE(send(c, nginx(), "http://a.example/app").backend(), std::string("web"));
    QCOMPARE(send(c, nginx(), "http://a.example/other").backend(), std::string("fallback"));
    QCOMPARE(send(c, nginx(), "http://unknown.example/").backend(), std::string("fallback"));
}

void TestIngressRouting::missingServiceGives503()
{
    Cluster c;
    c.ingress("default", "ing", {hostRule("a.example", {ingressPath("/", "Prefix", "nowhere", 80)})});
    Routed r = send(c, nginx(), "http://a.example/");
    QCOMPARE(r.decision.status, 503);
    QVERIFY(r.trace.toText().find("Service default/nowhere not found") != std::string::npos);
}

void TestIngressRouting::losersInTrace_data()
{
    QTest::addColumn<QStringList>("paths");  // "Type:/path" on host h of Ingress default/ing
    QTest::addColumn<bool>("useRegex");
    QTest::addColumn<QString>("request");
    QTest::addColumn<QStringList>("losers");  // each "also matched" step: "decision -- why"
    const QString of = " of Ingress default/ing -- lost: ";
    QTest::newRow("longest prefix first") << QStringList{"Prefix:/", "Prefix:/aaa", "Prefix:/aaa/bbb"} << false << "/aaa/bbb/c"
        << QStringList{"also matched Prefix /aaa" + of + "the chosen path /aaa/bbb is longer than /aaa: nginx takes the longest matching prefix",
                       "also matched Prefix /" + of + "the chosen path /aaa/bbb is longer than /: nginx takes the longest matching prefix"};
    QTest::newRow("Exact before prefix") << QStringList{"Prefix:/foo", "Exact:/foo"} << false << "/foo"
        << QStringList{"also matched Prefix /foo" + of + "nginx takes an Exact location equal to the path before any other"};
    QTest::newRow("same length") << QStringList{"Prefix:/foo", "ImplementationSpecific:/foo"} << false << "/foo/x"
        << QStringList{"also matched ImplementationSpecific /foo" + of
                       + "same length: the chosen path comes first, from the older Ingress or earlier in the same one"};
    QTest::newRow("regular expressions longest first") << QStringList{"ImplementationSpecific:/api/.*", "ImplementationSpecific:/api/v[0-9]+"}
        << true << "/api/v2"
        << QStringList{"also matched ImplementationSpecific /api/.* (regex)" + of
                       + "the chosen path /api/v[0-9]+ is longer than /api/.*: ingress-nginx writes regular expressions longest first and nginx "
                         "takes the first that matches"};
    QTest::newRow("nothing else matches") << QStringList{"Prefix:/aaa", "Prefix:/bbb"} << false << "/aaa" << QStringList{};
}

void TestIngressRouting::losersInTrace()
{
    QFETCH(QStringList, paths);
    QFETCH(bool, useRegex);
    QFETCH(QString, request);
    QFETCH(QStringList, losers);
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "web", "echo", 80);
    std::vector<api::HTTPIngressPath> ingressPaths;
    for (const QString &p : paths)
        ingressPaths.push_back(ingressPath(p.section(':', 1).toStdString(), p.section(':', 0, 0).toStdString(), "web", 80));
    api::Annotations a;
    if (useRegex)
        a[n("use-regex")] = "true";
    c.ingress("default", "ing", {hostRule("h", ingressPaths)}, a);
    Routed r = send(c, nginx(), "http://h" + request.toStdString());
    QVERIFY2(r.decision.isForwarded(), r.trace.toText().c_str());
    QStringList traced;
    for (const traffic::TraceStep &step : r.trace.steps())
        if (step.stage == "path" && step.decision.starts_with("also matched"))
            traced << QString::fromStdString(step.decision + " -- " + step.why);
    QCOMPARE(traced, losers);
}

// ingress-nginx keeps the oldest Ingress's host/path; the newer one's is ignored, and the trace says so.
void TestIngressRouting::newerIngressOnSamePathIsNamedInTrace()
{
    Cluster c;
    c.pods("default", "echo", 1);
    c.service("default", "old", "echo", 80);
    c.service("default", "new", "echo", 80);
    c.ingress("default", "b-old", {hostRule("h", {ingressPath("/app", "Prefix", "old", 80)})});
    c.tick();
    c.ingress("default", "a-new", {hostRule("h", {ingressPath("/app", "Prefix", "new", 80)})});
    Routed r = send(c, nginx(), "http://h/app");
    QCOMPARE(r.backend(), std::string("old"));
    const std::vector<traffic::TraceStep> &steps = r.trace.steps();
    auto ignored = std::find_if(steps.begin(), steps.end(), [](const traffic::TraceStep &s) { return s.decision.starts_with("ignored"); });
    QVERIFY2(ignored != steps.end(), r.trace.toText().c_str());
    QCOMPARE(ignored->decision, std::string("ignored the same path of Ingress default/a-new"));
    QCOMPARE(ignored->why, std::string("several Ingresses define this host and path: ingress-nginx keeps the oldest, default/b-old"));
}

QTEST_APPLESS_MAIN(TestIngressRouting)
#include "test_ingressrouting.moc"
