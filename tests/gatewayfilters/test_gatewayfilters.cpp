#include "../common/trafficfixture.h"

#include "sim/traffic/corsfilter.h"
#include "sim/traffic/httpfilters.h"

#include <QtTest>

using namespace sim;
using namespace fixture;

namespace {

api::HTTPRouteFilter headerFilter(const std::string &type, std::vector<api::HTTPHeader> set, std::vector<api::HTTPHeader> add,
                                  std::vector<std::string> remove)
{
    api::HTTPRouteFilter f;
    f.type = type;
    api::HTTPHeaderFilter h{std::move(set), std::move(add), std::move(remove)};
    if (type == "RequestHeaderModifier")
        f.requestHeaderModifier = h;
    else
        f.responseHeaderModifier = h;
    return f;
}

} // namespace

// Gateway API filters: redirects, request and response header changes, rewrites, mirrors, CORS and ExtensionRef.
class TestGatewayFilters : public QObject {
    Q_OBJECT

private slots:
    void redirect_data();
    void redirect();
    void requestFilters();
    void mirror();
    void cors_data();
    void cors();
    void corsOriginsCompiledOnce_data();
    void corsOriginsCompiledOnce();
    void extensionRefFailsItsRequests();
};

void TestGatewayFilters::redirect_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("pathType");
    QTest::addColumn<QString>("pathValue");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("location");
    QTest::newRow("scheme https drops the port") << "https" << "" << 0 << "" << "" << 301 << "http://a.com/p/x?q=1" << "https://a.com/p/x?q=1";
    QTest::newRow("hostname keeps listener port 80") << "" << "b.com" << 0 << "" << "" << 302 << "http://a.com/p" << "http://b.com/p";
    QTest::newRow("explicit port") << "" << "" << 8443 << "" << "" << 302 << "http://a.com/p" << "http://a.com:8443/p";
    QTest::newRow("https with 443 omitted") << "https" << "" << 443 << "" << "" << 302 << "http://a.com/p" << "https://a.com/p";
    QTest::newRow("ReplaceFullPath") << "" << "" << 0 << "ReplaceFullPath" << "/new" << 302 << "http://a.com/p/x" << "http://a.com/new";
    QTest::newRow("ReplacePrefixMatch") << "" << "" << 0 << "ReplacePrefixMatch" << "/q" << 302 << "http://a.com/p/x/y" << "http://a.com/q/x/y";
    QTest::newRow("ReplacePrefixMatch with /") << "" << "" << 0 << "ReplacePrefixMatch" << "/" << 302 << "http://a.com/p/x" << "http://a.com/x";
    QTest::newRow("ReplacePrefixMatch whole path") << "" << "" << 0 << "ReplacePrefixMatch" << "/" << 302 << "http://a.com/p" << "http://a.com/";
}

void TestGatewayFilters::redirect()
{
    QFETCH(QString, scheme);
    QFETCH(QString, hostname);
    QFETCH(int, port);
    QFETCH(QString, pathType);
    QFETCH(QString, pathValue);
    QFETCH(int, code);
    QFETCH(QString, url);
    QFETCH(QString, location);
    Cluster c;
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    api::HTTPRouteFilter f;
    f.type = "RequestRedirect";
    api::HTTPRequestRedirectFilter r;
    if (!scheme.isEmpty())
        r.scheme = scheme.toStdString();
    if (!hostname.isEmpty())
        r.hostname = hostname.toStdString();
    if (port)
        r.port = port;
    if (!pathType.isEmpty())
        r.path = api::HTTPPathModifier{pathType.toStdString(), pathValue.toStdString(), pathValue.toStdString()};
    r.statusCode = code;
    f.requestRedirect = r;
    c.route("default", "r", {rule({pathMatch("PathPrefix", "/p")}, {}, {f})});
    Routed routed = send(c, gw(), url.toStdString());
    QCOMPARE(routed.decision.status, code);
    QCOMPARE(QString::fromStdString(routed.decision.redirectLocation), location);
}

void TestGatewayFilters::requestFilters()
{
    Cluster c;
    c.echoGateway({"web"});
    api::HTTPRouteFilter rewrite;
    rewrite.type = "URLRewrite";
    rewrite.urlRewrite = api::HTTPURLRewriteFilter{"internal.example", api::HTTPPathModifier{"ReplacePrefixMatch", "", "/v2"}};
    api::HTTPBackendRef ref = backend("web", 80);
    ref.filters.push_back(headerFilter("RequestHeaderModifier", {}, {{"x-backend", "web"}}, {}));
    ref.filters.push_back(headerFilter("ResponseHeaderModifier", {{"x-served-by", "web"}}, {}, {}));
    c.route("default", "r", {rule({pathMatch("PathPrefix", "/api")}, {ref},
                                  {headerFilter("RequestHeaderModifier", {{"x-set", "s"}}, {{"x-add", "a"}}, {"x-remove"}), rewrite,
                                   headerFilter("ResponseHeaderModifier", {}, {{"x-resp", "1"}}, {"server"})})});
    Routed r = send(c, gw(), "http://a.com/api/users?id=7", {{"x-remove", "gone"}, {"x-set", "old"}, {"x-add", "first"}});
    QVERIFY(r.decision.isForwarded());
    traffic::HttpRequest upstream = traffic::HttpFilters::upstreamRequest(r.decision, *traffic::HttpRequest::fromUrl("http://a.com/api/users?id=7"), nullptr);
    traffic::HttpRequest withHeaders = *traffic::HttpRequest::fromUrl("http://a.com/api/users?id=7");
    withHeaders.headers.add("x-remove", "gone");
    withHeaders.headers.add("x-set", "old");
    withHeaders.headers.add("x-add", "first");
    upstream = traffic::HttpFilters::upstreamRequest(r.decision, withHeaders, nullptr);
    QCOMPARE(upstream.host, std::string("internal.example"));
    QCOMPARE(upstream.path, std::string("/v2/users"));
    QCOMPARE(upstream.query, std::string("id=7"));
    QVERIFY(!upstream.headers.has("x-remove"));
    QCOMPARE(*upstream.headers.get("x-set"), std::string("s"));
    QCOMPARE(*upstream.headers.get("x-add"), std::string("first, a"));
    QCOMPARE(*upstream.headers.get("x-backend"), std::string("web"));
    traffic::HttpHeaders response;
    response.set("server", "echo");
    traffic::HttpFilters::applyResponseFilters(r.decision, withHeaders, response, nullptr);
    QVERIFY(!response.has("server"));
    QCOMPARE(*response.get("x-resp"), std::string("1"));
    QCOMPARE(*response.get("x-served-by"), std::string("web"));
}

void TestGatewayFilters::mirror()
{
    Cluster c;
    c.pods("default", "echo", 1);
    c.pods("default", "shadow", 1);
    c.service("default", "web", "echo", 80);
    c.service("default", "shadow", "shadow", 80);
    c.gatewayClass();
    c.gateway("default", "gw", {listener("http", 80)});
    api::HTTPRouteFilter m;
    m.type = "RequestMirror";
    m.requestMirror = api::HTTPRequestMirrorFilter{api::BackendObjectReference{"", "Service", "shadow", std::nullopt, 80}, std::nullopt};
    c.route("default", "r", {rule({}, {backend("web", 80)}, {m})});
    Routed r = send(c, gw(), "http://a.com/");
    QCOMPARE(r.backend(), std::string("web"));
    QCOMPARE(r.decision.mirrors.size(), std::size_t(1));
    QCOMPARE(r.decision.mirrors[0].backend->name, std::string("shadow"));
    QVERIFY(r.decision.mirrors[0].endpoint);
}

void TestGatewayFilters::cors_data()
{
    // The filter: allowOrigins (comma-separated), allowCredentials (-1: unset), allowMethods, allowHeaders, maxAge
    // (0: the default); exposeHeaders is always x-header-3, x-header-4. The request: method, Origin,
    // Access-Control-Request-Method, Access-Control-Request-Headers ("" leaves a header out). Expected: "pod" when
    // forwarded or the Gateway's status, and the response's Access-Control-* headers in the order they were set.
    QTest::addColumn<QString>("origins");
    QTest::addColumn<int>("credentials");
    QTest::addColumn<QString>("methods");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<int>("maxAge");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("requestMethod");
    QTest::addColumn<QString>("requestHeaders");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("expected");
    // The conformance suite's cors-1 route (HTTPRouteCORS).
    const QString cors1 = "https://www.foo.com,https://*.bar.com";
    const QString all1 = "allow-origin=%1; allow-credentials=true; expose-headers=x-header-3, x-header-4; "
                         "allow-methods=GET, OPTIONS; allow-headers=x-header-1, x-header-2; max-age=3600";
    QTest::newRow("preflight, exact origin") << cors1 << 1 << "GET,OPTIONS" << "x-header-1,x-header-2" << 3600 << "OPTIONS"
                                             << "https://www.foo.com" << "GET" << "x-header-1, x-header-2" << "200"
                                             << all1.arg("https://www.foo.com");
    QTest::newRow("preflight, wildcard origin") << cors1 << 1 << "GET,OPTIONS" << "x-header-1,x-header-2" << 3600 << "OPTIONS"
                                                << "https://www.bar.com" << "GET" << "x-header-1, x-header-2" << "200"
                                                << all1.arg("https://www.bar.com");
    QTest::newRow("preflight, wildcard takes several labels")
        << cors1 << 1 << "GET,OPTIONS" << "x-header-1,x-header-2" << 3600 << "OPTIONS" << "https://xpto.www.bar.com" << "GET"
        << "x-header-1, x-header-2" << "200" << all1.arg("https://xpto.www.bar.com");
    QTest::newRow("preflight, wildcard needs a label") << cors1 << 1 << "GET" << "" << 0 << "OPTIONS" << "https://bar.com" << "GET"
                                                       << "" << "200" << "";
    QTest::newRow("preflight, other origin") << cors1 << 1 << "GET,OPTIONS" << "x-header-1,x-header-2" << 3600 << "OPTIONS"
                                             << "https://foobar.com" << "GET" << "" << "200" << "";
    QTest::newRow("preflight, other scheme") << cors1 << 1 << "GET" << "" << 0 << "OPTIONS" << "http://www.foo.com" << "GET" << ""
                                             << "200" << "";
    QTest::newRow("preflight, other port") << cors1 << 1 << "GET" << "" << 0 << "OPTIONS" << "https://www.foo.com:8443" << "GET"
                                           << "" << "200" << "";
    QTest::newRow("preflight, default port written") << cors1 << -1 << "GET" << "" << 0 << "OPTIONS" << "https://www.foo.com:443"
                                                     << "GET" << "" << "200"
                                                     << "allow-origin=https://www.foo.com:443; expose-headers=x-header-3, x-header-4; "
                                                        "allow-methods=GET; max-age=5";
    QTest::newRow("simple request, exact origin") << cors1 << 1 << "GET,OPTIONS" << "x-header-1,x-header-2" << 3600 << "GET"
                                                  << "https://www.foo.com" << "" << "" << "pod"
                                                  << "allow-origin=https://www.foo.com; allow-credentials=true; "
                                                     "expose-headers=x-header-3, x-header-4";
    QTest::newRow("simple request, wildcard origin") << cors1 << 1 << "GET,OPTIONS" << "" << 3600 << "GET" << "https://www.bar.com"
                                                     << "" << "" << "pod"
                                                     << "allow-origin=https://www.bar.com; allow-credentials=true; "
                                                        "expose-headers=x-header-3, x-header-4";
    QTest::newRow("simple request, other origin") << cors1 << 1 << "GET" << "" << 0 << "GET" << "https://foobar.com" << "" << ""
                                                  << "pod" << "";
    QTest::newRow("no Origin: not a CORS request") << cors1 << 1 << "GET" << "" << 0 << "GET" << "" << "" << "" << "pod" << "";
    QTest::newRow("OPTIONS without request method goes to the backend")
        << cors1 << -1 << "GET" << "" << 0 << "OPTIONS" << "https://www.foo.com" << "" << "" << "pod"
        << "allow-origin=https://www.foo.com; expose-headers=x-header-3, x-header-4";
    // cors-2: every method, no credentials: "*" may be sent as is.
    QTest::newRow("methods *, no credentials") << "https://www.foo.com" << -1 << "*" << "" << 0 << "OPTIONS" << "https://www.foo.com"
                                               << "POST" << "" << "200"
                                               << "allow-origin=https://www.foo.com; expose-headers=x-header-3, x-header-4; "
                                                  "allow-methods=*; max-age=5";
    QTest::newRow("methods and headers *, credentials: what was asked")
        << "https://www.foo.com" << 1 << "*" << "*" << 10 << "OPTIONS" << "https://www.foo.com" << "PUT" << "x-a, x-b" << "200"
        << "allow-origin=https://www.foo.com; allow-credentials=true; expose-headers=x-header-3, x-header-4; allow-methods=PUT; "
           "allow-headers=x-a, x-b; max-age=10";
    QTest::newRow("headers *, credentials, none asked: left out")
        << "https://www.foo.com" << 1 << "GET" << "*" << 0 << "OPTIONS" << "https://www.foo.com" << "GET" << "" << "200"
        << "allow-origin=https://www.foo.com; allow-credentials=true; expose-headers=x-header-3, x-header-4; allow-methods=GET; "
           "max-age=5";
    QTest::newRow("credentials false: no header") << "https://www.foo.com" << 0 << "GET" << "" << 0 << "GET" << "https://www.foo.com"
                                                  << "" << "" << "pod"
                                                  << "allow-origin=https://www.foo.com; expose-headers=x-header-3, x-header-4";
    // cors-wildcard-origin: any origin, port included.
    QTest::newRow("origins *, with a port") << "*" << -1 << "PUT" << "" << 0 << "OPTIONS" << "https://foobar.com:12345" << "PUT" << ""
                                            << "200"
                                            << "allow-origin=https://foobar.com:12345; expose-headers=x-header-3, x-header-4; "
                                               "allow-methods=PUT; max-age=5";
}

void TestGatewayFilters::cors()
{
    QFETCH(QString, origins);
    QFETCH(int, credentials);
    QFETCH(QString, methods);
    QFETCH(QString, headers);
    QFETCH(int, maxAge);
    QFETCH(QString, method);
    QFETCH(QString, origin);
    QFETCH(QString, requestMethod);
    QFETCH(QString, requestHeaders);
    QFETCH(QString, outcome);
    QFETCH(QString, expected);
    auto list = [](const QString &text) {
        std::vector<std::string> out;
        for (const QString &item : text.split(',', Qt::SkipEmptyParts))
            out.push_back(item.toStdString());
        return out;
    };
    Cluster c;
    c.echoGateway({"web"});
    api::HTTPRouteFilter filter;
    filter.type = "CORS";
    api::HTTPCORSFilter &cors = filter.cors.emplace();
    cors.allowOrigins = list(origins);
    if (credentials >= 0)
        cors.allowCredentials = credentials == 1;
    cors.allowMethods = list(methods);
    cors.allowHeaders = list(headers);
    cors.exposeHeaders = {"x-header-3", "x-header-4"};
    if (maxAge > 0)
        cors.maxAge = maxAge;
    c.route("default", "r", {rule({}, {backend("web", 80)}, {filter})});

    std::vector<std::pair<std::string, std::string>> sent;
    for (auto [name, value] : {std::pair{"Origin", origin}, std::pair{"Access-Control-Request-Method", requestMethod},
                               std::pair{"Access-Control-Request-Headers", requestHeaders}})
        if (!value.isEmpty())
            sent.emplace_back(name, value.toStdString());
    Routed r = send(c, gw(), "http://a.com/cors", sent, method.toStdString());
    QCOMPARE(r.decision.isForwarded() ? QStringLiteral("pod") : QString::number(r.decision.status), outcome);
    traffic::HttpRequest request = *traffic::HttpRequest::fromUrl("http://a.com/cors");
    request.method = method.toStdString();
    for (const auto &[name, value] : sent)
        request.headers.add(name, value);
    traffic::HttpHeaders response;
    traffic::HttpFilters::applyResponseFilters(r.decision, request, response, nullptr);
    QStringList seen;
    for (const auto &[name, value] : response.fields())
        seen << QString::fromStdString(name).remove("access-control-") + "=" + QString::fromStdString(value);
    QCOMPARE(seen.join("; "), expected);
}

// The table parses each CORS filter's allowOrigins once (CorsFilter::compile, one record per CORS filter in
// the list's order, entries that are no origin left out); a response is checked against those records.
void TestGatewayFilters::corsOriginsCompiledOnce_data()
{
    QTest::addColumn<QStringList>("allowOrigins");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("anyOrigin");
    QTest::addColumn<int>("parsed");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("star alone") << QStringList{"*"} << "https://a.example" << true << 0 << true;
    QTest::newRow("exact") << QStringList{"https://a.example"} << "https://a.example" << false << 1 << true;
    QTest::newRow("other scheme") << QStringList{"https://a.example"} << "http://a.example" << false << 1 << false;
    QTest::newRow("default port named") << QStringList{"https://a.example:443"} << "https://a.example" << false << 1 << true;
    QTest::newRow("wildcard host") << QStringList{"https://*.example.com"} << "https://x.y.example.com" << false << 1 << true;
    QTest::newRow("wildcard, bare domain") << QStringList{"https://*.example.com"} << "https://example.com" << false << 1 << false;
    QTest::newRow("entry that is no origin left out") << QStringList{"a.example/path", "https://b.example"} << "https://b.example" << false << 1 << true;
    QTest::newRow("only entries that are no origin") << QStringList{"a.example/path"} << "https://a.example" << false << 0 << false;
    QTest::newRow("sent origin is no origin") << QStringList{"https://a.example"} << "not an origin" << false << 1 << false;
}

void TestGatewayFilters::corsOriginsCompiledOnce()
{
    QFETCH(QStringList, allowOrigins);
    QFETCH(QString, origin);
    QFETCH(bool, anyOrigin);
    QFETCH(int, parsed);
    QFETCH(bool, allowed);
    api::HTTPCORSFilter cors;
    for (const QString &o : allowOrigins)
        cors.allowOrigins.push_back(o.toStdString());
    // Two CORS filters around another kind: one record each, in order.
    api::HTTPRouteFilter first;
    first.type = "CORS";
    first.cors = cors;
    api::HTTPRouteFilter modifier;
    modifier.type = "ResponseHeaderModifier";
    modifier.responseHeaderModifier.emplace();
    api::HTTPRouteFilter second;
    second.type = "CORS";
    second.cors.emplace();
    second.cors->allowOrigins = {"*"};
    const std::vector<traffic::CompiledCors> compiled = traffic::CorsFilter::compile({first, modifier, second});
    QCOMPARE(compiled.size(), std::size_t(2));
    QCOMPARE(compiled[0].allowsAnyOrigin, anyOrigin);
    QCOMPARE(compiled[0].origins.size(), static_cast<std::size_t>(parsed));
    QVERIFY(compiled[1].allowsAnyOrigin);
    traffic::HttpRequest request = *traffic::HttpRequest::fromUrl("http://h/");
    request.headers.add("Origin", origin.toStdString());
    traffic::HttpHeaders response;
    QCOMPARE(traffic::CorsFilter::addResponseHeaders(cors, compiled[0], request, response), allowed);
    QCOMPARE(response.has("access-control-allow-origin"), allowed);
}

void TestGatewayFilters::extensionRefFailsItsRequests()
{
    // A custom filter nothing resolves must not be skipped: the requests it would process get an error, on the
    // rule (all of them) or on a backendRef (that backend's share), and the route's ResolvedRefs says why.
    Cluster c;
    c.echoGateway({"web", "other"});
    api::HTTPRouteFilter custom;
    custom.type = "ExtensionRef";
    custom.extensionRef = api::LocalObjectReference{"networking.example.net", "MyFilter", "auth"};
    api::HTTPBackendRef filtered = backend("other", 80);
    filtered.filters.push_back(custom);
    c.route("default", "on-rule", {rule({pathMatch("PathPrefix", "/rule")}, {backend("web", 80)}, {custom})});
    c.route("default", "on-backend", {rule({pathMatch("PathPrefix", "/backend")}, {backend("web", 80, 0), filtered})});
    c.route("default", "plain", {rule({pathMatch("PathPrefix", "/plain")}, {backend("web", 80)})});

    Routed onRule = send(c, gw(), "http://a.com/rule");
    QCOMPARE(onRule.decision.status, 500);
    QVERIFY(!onRule.decision.isForwarded());
    QVERIFY(onRule.trace.toText().find("ExtensionRef filter MyFilter.networking.example.net auth cannot be resolved") != std::string::npos);
    Routed onBackend = send(c, gw(), "http://a.com/backend");
    QCOMPARE(onBackend.decision.status, 500);
    QVERIFY(onBackend.trace.toText().find("invalid backendRef (InvalidKind)") != std::string::npos);
    QCOMPARE(send(c, gw(), "http://a.com/plain").backend(), std::string("web"));

    traffic::RoutingTableBuilder builder(c.store, nullptr);
    builder.build();
    for (const char *name : {"default/on-rule", "default/on-backend"}) {
        const auto &conditions = builder.gatewayStatus().routes.at(name).parents.at(0).conditions;
        QCOMPARE(api::findCondition(conditions, "Accepted")->status, std::string("True"));
        QCOMPARE(api::findCondition(conditions, "ResolvedRefs")->status, std::string("False"));
        QCOMPARE(api::findCondition(conditions, "ResolvedRefs")->reason, std::string("InvalidKind"));
    }
    const auto &plain = builder.gatewayStatus().routes.at("default/plain").parents.at(0).conditions;
    QCOMPARE(api::findCondition(plain, "ResolvedRefs")->status, std::string("True"));
}

QTEST_APPLESS_MAIN(TestGatewayFilters)
#include "test_gatewayfilters.moc"
