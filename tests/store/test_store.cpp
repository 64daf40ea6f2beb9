#include "sim/store/store.h"

#include <QtTest>

using namespace sim;
using api::Kind;

namespace {

api::Object deployment(const std::string &name, int replicas)
{
    api::Object o = api::makeObject(Kind::Deployment);
    o.metadata.name = name;
    o.metadata.namespace_ = "default";
    o.as<api::Deployment>().spec.replicas = replicas;
    return o;
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private slots:
    void createSetsServerFields();
    void uidsCountInHex_data();
    void uidsCountInHex();
    void generation_data();
    void generation();
    void listIsOrderedAndNamespaced();
    void watchSeesEveryWrite();
    void ownerIndex();
    void writesShareUnchangedParts_data();
    void writesShareUnchangedParts();
};

void TestStore::createSetsServerFields()
{
    engine::Engine engine;
    store::Store store(engine);
    auto a = store.create(deployment("a", 1));
    auto b = store.create(deployment("b", 1));
    QCOMPARE(a->metadata.generation, 1);
    QVERIFY(!a->metadata.uid.empty());
    QVERIFY(a->metadata.uid != b->metadata.uid);
    QVERIFY(b->metadata.resourceVersion > a->metadata.resourceVersion);
    QCOMPARE(store.get(Kind::Deployment, "default", "a"), a);
    QVERIFY(!store.get(Kind::Deployment, "other", "a"));
    QVERIFY_THROWS_EXCEPTION(std::logic_error, store.create(deployment("a", 2)));
}

void TestStore::uidsCountInHex_data()
{
    QTest::addColumn<int>("creates");
    QTest::addColumn<QString>("lastUid");
    QTest::newRow("first") << 1 << "00000000-0000-4000-8000-000000000001";
    QTest::newRow("tenth") << 10 << "00000000-0000-4000-8000-00000000000a";
    QTest::newRow("255th") << 255 << "00000000-0000-4000-8000-0000000000ff";
    QTest::newRow("4,660th") << 4660 << "00000000-0000-4000-8000-000000001234";
}

void TestStore::uidsCountInHex()
{
    QFETCH(int, creates);
    QFETCH(QString, lastUid);
    engine::Engine engine;
    store::Store store(engine);
    api::ObjectPtr last;
    for (int i = 0; i < creates; ++i)
        last = store.create(deployment("d" + std::to_string(i), 1));
    QCOMPARE(QString::fromStdString(last->metadata.uid), lastUid);
}

void TestStore::generation_data()
{
    QTest::addColumn<bool>("changeSpec");
    QTest::addColumn<bool>("changeStatus");
    QTest::addColumn<int>("expected");
    QTest::newRow("spec change bumps") << true << false << 2;
    QTest::newRow("status change does not") << false << true << 1;
    QTest::newRow("no change does not") << false << false << 1;
}

void TestStore::generation()
{
    QFETCH(bool, changeSpec);
    QFETCH(bool, changeStatus);
    QFETCH(int, expected);
    engine::Engine engine;
    store::Store store(engine);
    auto created = store.create(deployment("web", 1));
    api::Object next = *created;
    if (changeSpec)
        next.as<api::Deployment>().spec.replicas = 3;
    if (changeStatus)
        next.as<api::Deployment>().status.readyReplicas = 1;
    auto updated = store.update(next);
    QCOMPARE(updated->metadata.generation, expected);
    QVERIFY(updated->metadata.resourceVersion > created->metadata.resourceVersion);
    QCOMPARE(updated->metadata.uid, created->metadata.uid);
}

void TestStore::listIsOrderedAndNamespaced()
{
    engine::Engine engine;
    store::Store store(engine);
    for (auto name : {"c", "a", "b"})
        store.create(deployment(name, 1));
    api::Object other = deployment("z", 1);
    other.metadata.namespace_ = "team";
    store.create(other);
    auto all = store.list(Kind::Deployment);
    QCOMPARE(all.size(), std::size_t(4));
    QCOMPARE(all[0]->metadata.name, std::string("a"));
    QCOMPARE(all[3]->metadata.name, std::string("z"));
    auto team = store.list(Kind::Deployment, std::string("team"));
    QCOMPARE(team.size(), std::size_t(1));
    QVERIFY(store.list(Kind::Deployment, std::string("none")).empty());
}

void TestStore::watchSeesEveryWrite()
{
    engine::Engine engine;
    store::Store store(engine);
    std::vector<store::WatchEventType> seen;
    int handle = store.watch([&](const store::WatchEvent &e) { seen.push_back(e.type); });
    auto created = store.create(deployment("web", 1));
    store.update(*created);
    store.remove(Kind::Deployment, "default", "web");
    QVERIFY(!store.remove(Kind::Deployment, "default", "web"));
    store.unwatch(handle);
    store.create(deployment("web", 1));
    QCOMPARE(seen, (std::vector<store::WatchEventType>{store::WatchEventType::Added, store::WatchEventType::Modified,
                                                        store::WatchEventType::Deleted}));
}

void TestStore::ownerIndex()
{
    engine::Engine engine;
    store::Store store(engine);
    auto owner = store.create(deployment("web", 1));
    api::Object rs = api::makeObject(Kind::ReplicaSet);
    rs.metadata.name = "web-abc";
    rs.metadata.namespace_ = "default";
    rs.metadata.ownerReferences.edit().push_back({"apps/v1", "Deployment", "web", owner->metadata.uid, true, true});
    store.create(rs);
    QCOMPARE(store.listOwnedBy(Kind::ReplicaSet, "default", owner->metadata.uid).size(), std::size_t(1));
    QCOMPARE(store.dependentsOf(owner->metadata.uid).size(), std::size_t(1));
    store.remove(Kind::ReplicaSet, "default", "web-abc");
    QVERIFY(store.dependentsOf(owner->metadata.uid).empty());
}

void TestStore::writesShareUnchangedParts_data()
{
    QTest::addColumn<QString>("write");
    QTest::addColumn<bool>("specShared");
    QTest::addColumn<bool>("labelsShared");
    QTest::newRow("status write") << "status" << true << true;
    QTest::newRow("bind (spec.nodeName)") << "bind" << false << true;
    QTest::newRow("relabel") << "relabel" << true << false;
}

void TestStore::writesShareUnchangedParts()
{
    QFETCH(QString, write);
    QFETCH(bool, specShared);
    QFETCH(bool, labelsShared);
    engine::Engine engine;
    store::Store store(engine);
    api::Object pod = api::makeObject(Kind::Pod);
    pod.metadata.name = "web-1";
    pod.metadata.namespace_ = "default";
    pod.metadata.labels = api::Labels{{"app", "web"}};
    pod.metadata.annotations = api::Annotations{{"note", "kept"}};
    pod.metadata.ownerReferences.edit().push_back({"apps/v1", "ReplicaSet", "web", "uid-1", true, true});
    api::Container container;
    container.name = "web";
    container.image = "nginx";
    pod.as<api::Pod>().spec.edit().containers.push_back(container);
    auto created = store.create(pod);
    api::Object next = *created;
    if (write == "status")
        next.as<api::Pod>().status.phase = "Running";
    else if (write == "bind")
        next.as<api::Pod>().spec.edit().nodeName = "node-1";
    else
        next.metadata.labels.edit()["tier"] = "front";
    auto stored = write == "status" ? store.updateStatus(next) : store.update(next);
    const api::Pod &before = created->as<api::Pod>();
    const api::Pod &after = stored->as<api::Pod>();
    QCOMPARE(&*after.spec == &*before.spec, specShared);
    QCOMPARE(&*stored->metadata.labels == &*created->metadata.labels, labelsShared);
    QCOMPARE(&*stored->metadata.annotations, &*created->metadata.annotations);
    QCOMPARE(&*stored->metadata.ownerReferences, &*created->metadata.ownerReferences);
    // The old version still reads as it was written.
    QCOMPARE(before.spec->nodeName, std::string());
    QCOMPARE(created->metadata.labels->size(), std::size_t(1));
    QCOMPARE(before.status.phase, std::string("Pending"));
}

QTEST_APPLESS_MAIN(TestStore)
#include "test_store.moc"
