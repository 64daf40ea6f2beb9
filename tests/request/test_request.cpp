// Runs `kubesim request`, `curl` and `traffic` on the default canary lesson's manifests and checks what they print.

#include "../common/kubesimprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

namespace {

const QString kDefault = QStringLiteral(KUBESIM_SOURCE_DIR "/scenarios/default");
const QString kData = QStringLiteral(KUBESIM_TEST_DATA "/request/");

using kubesimtest::Run;

Run kubesim(QStringList args)
{
    for (QString &a : args)
        a.replace("DEFAULT", kDefault).replace("DATA/", kData);
    return kubesimtest::kubesim(args);
}

QJsonObject json(const Run &run)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << error.errorString() << run.out.left(400);
    return doc.object();
}

} // namespace

class TestRequest : public QObject {
    Q_OBJECT

private slots:
    void routesOneRequest_data();
    void routesOneRequest();
    void jsonHasTheDocumentedShape();
    void refusals_data();
    void refusals();
    void curlPrintsTheTrace();
    void trafficReportsTheSplit();
    void trafficIsReproducible();
};

void TestRequest::routesOneRequest_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("backend");  // "name:port", "" for none
    QTest::addColumn<QString>("route");    // "kind ns/name rule", "" for none
    QTest::addColumn<QString>("location");

    QTest::newRow("bare path goes to the only entry point")
        << QStringList{"-f", "DEFAULT", "-f", "DATA/beta-route.yaml", "/", "-H", "version: beta"} << 200 << "app-v2:80"
        << "HTTPRoute default/beta 0" << "";
    QTest::newRow("header match wins over the catch-all route")
        << QStringList{"-f", "DEFAULT", "-f", "DATA/beta-route.yaml", "-H", "version: beta", "http://shop.example.com/"} << 200
        << "app-v2:80" << "HTTPRoute default/beta 0" << "";
    QTest::newRow("redirect answers at the Gateway")
        << QStringList{"-f", "DEFAULT", "-f", "DATA/beta-route.yaml", "http://shop.example.com/old"} << 301 << "" << "HTTPRoute default/beta 1"
        << "http://shop.example.com/new";
    QTest::newRow("a chosen entry among several")
        << QStringList{"-f", "DEFAULT", "-f", "DATA/second-entry.yaml", "--service", "default/app-lb", "/"} << 200 << "app-lb:80" << "" << "";
    QTest::newRow("in-cluster Service name")
        << QStringList{"-f", "DEFAULT", "-f", "DATA/second-entry.yaml", "http://app-v2.default.svc.cluster.local/"} << 200 << "app-v2:80"
        << "" << "";
    QTest::newRow("short Service name in the -n namespace")
        << QStringList{"-f", "DEFAULT", "-n", "default", "http://app-v1/"} << 200 << "app-v1:80" << "" << "";
    QTest::newRow("method and a named listener")
        << QStringList{"-f", "DEFAULT", "-f", "DATA/beta-route.yaml", "-X", "POST", "--gateway", "default/web/http", "-H", "version: beta",
                       "/anything"}
        << 200 << "app-v2:80" << "HTTPRoute default/beta 0" << "";
}

void TestRequest::routesOneRequest()
{
    QFETCH(QStringList, args);
    QFETCH(int, status);
    QFETCH(QString, backend);
    QFETCH(QString, route);
    QFETCH(QString, location);
    args.prepend("request");
    args << "-o" << "json" << "--seed" << "7";
    const Run run = kubesim(args);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = json(run);
    QCOMPARE(o["status"].toInt(), status);
    const QJsonObject b = o["backend"].toObject();
    QCOMPARE(o["backend"].isNull() ? QString() : b["name"].toString() + ":" + QString::number(b["port"].toInt()), backend);
    const QJsonObject r = o["route"].toObject();
    QCOMPARE(o["route"].isNull() ? QString()
                                 : r["kind"].toString() + " " + r["namespace"].toString() + "/" + r["name"].toString() + " " +
                                       QString::number(r["rule"].toInt()),
             route);
    QCOMPARE(o["location"].isNull() ? QString() : o["location"].toString(), location);
    QVERIFY(!o["trace"].toArray().isEmpty());
}

void TestRequest::jsonHasTheDocumentedShape()
{
    const Run run = kubesim({"request", "-f", "DEFAULT", "-o", "json", "-H", "X-Echo-Set-Header: X-Seen:yes", "-H", "Accept: a, b",
                             "http://shop.example.com/x?q=1"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = json(run);
    QStringList keys = o.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{"backend", "location", "mirroredTo", "pod", "response", "route", "status", "trace", "upstream"}));
    const QJsonObject upstream = o["upstream"].toObject();
    QCOMPARE(upstream["method"].toString(), QString("GET"));
    QCOMPARE(upstream["scheme"].toString(), QString("http"));
    QCOMPARE(upstream["host"].toString(), QString("shop.example.com"));
    QCOMPARE(upstream["path"].toString(), QString("/x?q=1"));
    // Header names are lower-case; a comma inside a -H value stays in that one header.
    QCOMPARE(upstream["headers"].toObject()["accept"].toString(), QString("a, b"));
    QCOMPARE(o["response"].toObject()["headers"].toObject()["x-seen"].toString(), QString("yes"));
    QVERIFY(o["pod"].toString().startsWith("default/app-v"));
    for (const QJsonValue step : o["trace"].toArray()) {
        QStringList stepKeys = step.toObject().keys();
        stepKeys.sort();
        QCOMPARE(stepKeys, (QStringList{"decision", "stage", "why"}));
    }
}

void TestRequest::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("err");  // a substring of stderr

    QTest::newRow("no URL") << QStringList{"request", "-f", "DEFAULT"} << 2 << "a URL is required";
    QTest::newRow("two URLs") << QStringList{"request", "-f", "DEFAULT", "/a", "/b"} << 2 << "exactly one URL";
    QTest::newRow("two entry options")
        << QStringList{"request", "-f", "DEFAULT", "--gateway", "web", "--service", "app-v1", "/"} << 2 << "only one of";
    QTest::newRow("malformed gateway reference") << QStringList{"request", "-f", "DEFAULT", "--gateway", "a/b/c/d", "/"} << 2
                                                 << "NAMESPACE/NAME[/LISTENER]";
    QTest::newRow("unknown output format") << QStringList{"request", "-f", "DEFAULT", "-o", "xml", "/"} << 2 << "allowed formats";
    QTest::newRow("header without colon") << QStringList{"request", "-f", "DEFAULT", "-H", "oops", "/"} << 1
                                          << "invalid header \"oops\"";
    QTest::newRow("not an http URL") << QStringList{"request", "-f", "DEFAULT", "ftp://x/"} << 1 << "invalid URL \"ftp://x/\"";
    QTest::newRow("several entry points name the choices")
        << QStringList{"request", "-f", "DEFAULT", "-f", "DATA/second-entry.yaml", "/"} << 1
        << "several entry points; choose one with --gateway default/web, --service default/app-lb";
    QTest::newRow("no entry point at all") << QStringList{"request", "-f", "DATA/beta-route.yaml", "/"} << 1 << "no entry point";
    QTest::newRow("bare Service without endpoints refuses the connection")
        << QStringList{"request", "-f", "DEFAULT", "-f", "DATA/second-entry.yaml", "http://nobody/"} << 1 << "no answer: ";
    QTest::newRow("traffic needs a URL") << QStringList{"traffic", "-f", "DEFAULT"} << 2 << "at least one URL";
    QTest::newRow("traffic rate must be positive") << QStringList{"traffic", "-f", "DEFAULT", "--rate", "0", "/"} << 2 << "--rate";
    QTest::newRow("traffic count or duration") << QStringList{"traffic", "-f", "DEFAULT", "--requests", "5", "--duration", "1s", "/"}
                                               << 2 << "cannot be used together";
    QTest::newRow("one generator, one entry point")
        << QStringList{"traffic", "-f", "DEFAULT", "http://shop.example.com/", "http://app-v1/"} << 1
        << "one generator has one entry point";
}

void TestRequest::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, err);
    const Run run = kubesim(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(err), qPrintable(run.err));
}

void TestRequest::curlPrintsTheTrace()
{
    const Run run = kubesim({"curl", "-f", "DEFAULT", "-f", "DATA/beta-route.yaml", "-H", "version: beta", "http://shop.example.com/"});
    QCOMPARE(run.exitCode, 0);
    const QString &out = run.out;
    QVERIFY2(out.startsWith("GET http://shop.example.com/\nHTTP 200\n"), qPrintable(out));
    QVERIFY2(out.contains("HTTPRoute default/beta"), qPrintable(out));
    QVERIFY2(out.contains(QRegularExpression("the pod default/app-v2-\\S+ received:")), qPrintable(out));
}

void TestRequest::trafficReportsTheSplit()
{
    const int n = 4000;
    const Run run = kubesim({"traffic", "-f", "DEFAULT", "--rate", "400", "--requests", QString::number(n), "--clients", "4",
                             "-o", "json", "/"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = json(run);
    QCOMPARE(o["requests"].toInt(), n);
    QCOMPARE(o["byStatus"].toObject()["200"].toInt(), n);
    const QJsonObject byBackend = o["byBackend"].toObject();
    QCOMPARE(byBackend["default/app-v1"].toInt() + byBackend["default/app-v2"].toInt(), n);
    int byPod = 0;
    for (const QJsonValue v : o["byPod"].toObject())
        byPod += v.toInt();
    QCOMPARE(byPod, n);
    // 90/10: the canary's share lies within 3.29 standard deviations of 10 % (the 99.9 % interval).
    const double share = byBackend["default/app-v2"].toDouble() / n;
    QVERIFY2(std::abs(share - 0.1) <= 3.29 * std::sqrt(0.1 * 0.9 / n), qPrintable(QString::number(share)));
    const QJsonObject latency = o["latencyMs"].toObject();
    QVERIFY(latency["p50"].toDouble() > 0);
    QVERIFY(latency["p50"].toDouble() <= latency["p90"].toDouble() && latency["p90"].toDouble() <= latency["p99"].toDouble());
    const QJsonArray splits = o["splits"].toArray();
    QCOMPARE(splits.size(), 2);
    for (const QJsonValue v : splits) {
        const QJsonObject s = v.toObject();
        const QJsonArray ci = s["ci95"].toArray();
        QCOMPARE(ci.size(), 2);
        QVERIFY(ci[0].toDouble() <= s["observed"].toDouble() && s["observed"].toDouble() <= ci[1].toDouble());
        const double configured = s["backend"].toString() == "default/app-v2" ? 0.1 : 0.9;
        QVERIFY2(std::abs(s["configured"].toDouble() - configured) < 1e-9 || std::abs(s["configured"].toDouble() - 100 * configured) < 1e-9,
                 qPrintable(QString::number(s["configured"].toDouble())));
    }
}

void TestRequest::trafficIsReproducible()
{
    const QStringList args{"traffic", "-f", "DEFAULT", "--poisson", "--duration", "20s", "--rate", "50", "--seed", "11", "/"};
    const Run first = kubesim(args);
    const Run second = kubesim(args);
    QCOMPARE(first.exitCode, 0);
    QVERIFY(!first.out.isEmpty());
    QCOMPARE(first.out, second.out);
}

QTEST_GUILESS_MAIN(TestRequest)
#include "test_request.moc"
