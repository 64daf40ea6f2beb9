#include "sim/api/object.h"
#include "sim/api/quantity.h"

#include <QtTest>

#include <optional>

using namespace sim::api;

class TestApi : public QObject {
    Q_OBJECT

private slots:
    void quantity_data();
    void quantity();
    void labelSelector_data();
    void labelSelector();
    void kindFromResource_data();
    void kindFromResource();
    void objectNames();
    void sharedCopyOnWrite_data();
    void sharedCopyOnWrite();
};

void TestApi::quantity_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("milli");
    QTest::newRow("cores") << "2" << true << qint64(2000);
    QTest::newRow("millicores") << "500m" << true << qint64(500);
    QTest::newRow("fraction") << "0.5" << true << qint64(500);
    QTest::newRow("mebibytes") << "128Mi" << true << qint64(128LL * 1024 * 1024 * 1000);
    QTest::newRow("gigabytes") << "1G" << true << qint64(1000000000LL * 1000);
    QTest::newRow("fractional gibibytes") << "1.5Gi" << true << qint64(1536LL * 1024 * 1024 * 1000);
    QTest::newRow("bad suffix") << "12Qi" << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
    QTest::newRow("dot only") << "." << false << qint64(0);
    QTest::newRow("negative") << "-1" << false << qint64(0);
}

void TestApi::quantity()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, milli);
    auto q = Quantity::parse(text.toStdString());
    QCOMPARE(q.has_value(), valid);
    if (valid)
        QCOMPARE(q->milli, milli);
}

void TestApi::labelSelector_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<bool>("matchesV1");
    QTest::addColumn<bool>("matchesMissing");
    QTest::newRow("In") << "In" << QStringList{"v1", "v2"} << true << false;
    QTest::newRow("NotIn") << "NotIn" << QStringList{"v1"} << false << true;
    QTest::newRow("Exists") << "Exists" << QStringList{} << true << false;
    QTest::newRow("DoesNotExist") << "DoesNotExist" << QStringList{} << false << true;
}

void TestApi::labelSelector()
{
    QFETCH(QString, op);
    QFETCH(QStringList, values);
    QFETCH(bool, matchesV1);
    QFETCH(bool, matchesMissing);
    LabelSelector s;
    s.matchLabels["app"] = "web";
    LabelSelectorRequirement r{"version", op.toStdString(), {}};
    for (const QString &v : values)
        r.values.push_back(v.toStdString());
    s.matchExpressions.push_back(r);
    QCOMPARE(s.matches({{"app", "web"}, {"version", "v1"}}), matchesV1);
    QCOMPARE(s.matches({{"app", "web"}}), matchesMissing);
    QVERIFY(!s.matches({{"app", "db"}, {"version", "v1"}}));
    QVERIFY(LabelSelector{}.matches({{"any", "thing"}}));
}

void TestApi::kindFromResource_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<int>("kind");
    QTest::newRow("po") << "po" << int(Kind::Pod);
    QTest::newRow("pods") << "pods" << int(Kind::Pod);
    QTest::newRow("deploy") << "deploy" << int(Kind::Deployment);
    QTest::newRow("deployments.apps") << "deployments.apps" << int(Kind::Deployment);
    QTest::newRow("svc") << "svc" << int(Kind::Service);
    QTest::newRow("ing") << "ing" << int(Kind::Ingress);
    QTest::newRow("gtw") << "gtw" << int(Kind::Gateway);
    QTest::newRow("HTTPRoute") << "HTTPRoute" << int(Kind::HTTPRoute);
    QTest::newRow("rs") << "rs" << int(Kind::ReplicaSet);
    QTest::newRow("unknown") << "widgets" << -1;
}

void TestApi::kindFromResource()
{
    QFETCH(QString, resource);
    QFETCH(int, kind);
    auto k = sim::api::kindFromResource(resource.toStdString());
    QCOMPARE(k ? int(*k) : -1, kind);
}

void TestApi::objectNames()
{
    Object o = makeObject(Kind::Deployment);
    o.metadata.name = "web";
    o.metadata.namespace_ = "default";
    QVERIFY(o.is<Deployment>());
    QCOMPARE(o.displayName(), std::string("deployment.apps/web"));
    QCOMPARE(o.key(), std::string("default/web"));
    QCOMPARE(kindInfo(Kind::HTTPRoute).apiVersion(), std::string("gateway.networking.k8s.io/v1"));
    QVERIFY(isAcceptedApiVersion(Kind::HTTPRoute, "gateway.networking.k8s.io/v1beta1"));
    QVERIFY(!isAcceptedApiVersion(Kind::Deployment, "extensions/v1beta1"));
}

void TestApi::sharedCopyOnWrite_data()
{
    QTest::addColumn<bool>("fromValue");  // built from a value, else default-built (the one shared default)
    QTest::addColumn<bool>("copied");     // a second holder shares it before the edit
    QTest::newRow("default-built, shared") << false << true;
    QTest::newRow("default-built, alone") << false << false;
    QTest::newRow("from a value, shared") << true << true;
    QTest::newRow("from a value, alone") << true << false;
}

void TestApi::sharedCopyOnWrite()
{
    QFETCH(bool, fromValue);
    QFETCH(bool, copied);
    const Labels initial = fromValue ? Labels{{"app", "web"}} : Labels{};
    Shared<Labels> a = fromValue ? Shared<Labels>(initial) : Shared<Labels>();
    std::optional<Shared<Labels>> b;
    if (copied)
        b = a;
    const Labels *before = &*a;
    a.edit()["tier"] = "front";
    Labels expected = initial;
    expected["tier"] = "front";
    QCOMPARE(*a, expected);
    // An edit copies only what another holder (or the shared default) still reads; alone, it edits in place.
    QCOMPARE(&*a == before, fromValue && !copied);
    if (b) {
        QCOMPARE(**b, initial);
        QVERIFY(!(*b == a));
    }
    QCOMPARE(*Shared<Labels>(), Labels{});  // no edit reached the default every default-built holder reads
    Shared<Labels> equal(expected);
    QVERIFY(equal == a);  // equal values compare equal, whichever objects hold them
}

QTEST_APPLESS_MAIN(TestApi)
#include "test_api.moc"
