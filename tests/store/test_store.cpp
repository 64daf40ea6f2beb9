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
    void slotsAreReusedAfterRemoval_data();
    void slotsAreReusedAfterRemoval();
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

void TestStore::slotsAreReusedAfterRemoval_data()
{
    // Steps: "+k:name" creates, "-k:name" removes (k: d = Deployment, s = Service); "-k:name>other" also creates
    // "other" of the same kind from a watcher while the removal is being delivered. `expected`: each created object's slot.
    QTest::addColumn<QString>("steps");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fresh slots count up") << "+d:a +d:b +d:c" << "0 1 2";
    QTest::newRow("a freed slot is reused") << "+d:a +d:b +d:c -d:b +d:x" << "0 1 2 1";
    QTest::newRow("the last freed goes first") << "+d:a +d:b +d:c -d:a -d:c +d:x +d:y +d:z" << "0 1 2 2 0 3";
    QTest::newRow("a name created again takes the free slot") << "+d:a +d:b -d:a -d:b +d:a" << "0 1 1";
    QTest::newRow("each kind counts on its own") << "+d:a +s:a +d:b -d:a +s:b +d:c" << "0 0 1 1 0";
    QTest::newRow("not taken while its removal is delivered") << "+d:a +d:b -d:a>x +d:y" << "0 1 2 0";
}

void TestStore::slotsAreReusedAfterRemoval()
{
    QFETCH(QString, steps);
    QFETCH(QString, expected);
    engine::Engine engine;
    store::Store store(engine);
    auto object = [](Kind kind, const std::string &name) {
        api::Object o = kind == Kind::Deployment ? deployment(name, 1) : api::makeObject(kind);
        o.metadata.name = name;
        o.metadata.namespace_ = "default";
        return o;
    };
    QStringList seen;
    std::string createOnDelete;
    store.watch([&](const store::WatchEvent &e) {
        const std::optional<store::Slot> current = store.slotOf(e.object->kind(), "default", e.object->metadata.name);
        if (e.type == store::WatchEventType::Added) {
            seen << QString::number(e.slot);
            QCOMPARE(current, std::optional<store::Slot>(e.slot));
        } else if (e.type == store::WatchEventType::Deleted) {
            QCOMPARE(current, std::nullopt);
            if (!createOnDelete.empty())
                store.create(object(e.object->kind(), std::exchange(createOnDelete, {})));
        }
    });
    for (const QString &step : steps.split(' ')) {
        const Kind kind = step[1] == 'd' ? Kind::Deployment : Kind::Service;
        const QStringList names = step.mid(3).split('>');
        if (step[0] == '+') {
            store.create(object(kind, names[0].toStdString()));
        } else {
            createOnDelete = names.size() > 1 ? names[1].toStdString() : std::string();
            QVERIFY(store.remove(kind, "default", names[0].toStdString()));
        }
    }
    QCOMPARE(seen.join(QLatin1Char(' ')), expected);
}

QTEST_APPLESS_MAIN(TestStore)
#include "test_store.moc"
