// The ReplicaSet controller's running tally (sim/controllers/replicasetcounts.h): after every pod write it must
// equal a fresh count over the store, whatever the write did to the pod (readiness, labels, termination, owner).

#include "sim/controllers/replicasetcontroller.h"
#include "sim/controllers/replicasetcounts.h"
#include "sim/store/store.h"

#include <QtTest>

#include <sstream>

using namespace sim;
using api::Kind;
using Counts = controllers::ReplicaSetCounts::Counts;

Q_DECLARE_METATYPE(Counts)

namespace {

api::Object replicaSet(const std::string &name, const std::string &ns = "default")
{
    api::Object rs = api::makeObject(Kind::ReplicaSet);
    rs.metadata.name = name;
    rs.metadata.namespace_ = ns;
    api::ReplicaSetSpec &spec = rs.as<api::ReplicaSet>().spec;
    spec.selector.matchLabels = {{"app", "web"}};
    spec.template_.labels = {{"app", "web"}, {"tier", "front"}};
    return rs;
}

// The tally's answer worked out the slow way: every pod the ReplicaSet controls, as listOwnedBy sees them.
Counts recount(const store::Store &store, const api::Object &rs)
{
    Counts c;
    const api::ReplicaSetSpec &spec = rs.as<api::ReplicaSet>().spec;
    for (const api::ObjectPtr &pod : store.listOwnedBy(Kind::Pod, rs.metadata.namespace_, rs.metadata.uid)) {
        if (!controllers::ReplicaSetController::isActive(*pod))
            continue;
        ++c.replicas;
        c.fullyLabeled += controllers::ReplicaSetCounts::isFullyLabeled(spec, pod->metadata.labels) ? 1 : 0;
        c.ready += pod->as<api::Pod>().isReady() ? 1 : 0;
    }
    return c;
}

/** Runs one step ("create NAME [NS]", "ready NAME", "unready NAME", "label NAME K=V", "unlabel NAME K",
 *  "terminate NAME", "finish NAME", "delete NAME", "orphan NAME", "own NAME RS") on a pod of ReplicaSet "web". */
void step(store::Store &store, const std::map<std::string, api::ObjectPtr> &sets, const std::string &line)
{
    std::istringstream in(line);
    std::string verb, name, arg;
    in >> verb >> name >> arg;
    const api::ObjectPtr &rs = sets.at("web");
    if (verb == "create") {
        api::Object pod = api::makeObject(Kind::Pod);
        pod.metadata.name = name;
        pod.metadata.namespace_ = arg.empty() ? "default" : arg;
        pod.metadata.labels = rs->as<api::ReplicaSet>().spec.template_.labels;
        pod.metadata.ownerReferences.edit().push_back({"apps/v1", "ReplicaSet", "web", rs->metadata.uid, true, true});
        store.create(std::move(pod));
        return;
    }
    api::ObjectPtr old = store.get(Kind::Pod, "default", name);
    QVERIFY2(old, line.c_str());
    api::Object pod = *old;
    api::PodStatus &status = pod.as<api::Pod>().status;
    if (verb == "ready" || verb == "unready") {
        api::setCondition(status.conditions, api::Condition{"Ready", verb == "ready" ? "True" : "False", "", "", 0, 0});
        store.updateStatus(std::move(pod));
    } else if (verb == "finish") {
        status.phase = "Succeeded";
        store.updateStatus(std::move(pod));
    } else if (verb == "delete") {
        store.remove(Kind::Pod, "default", name);
    } else {
        if (verb == "label")
            pod.metadata.labels.edit()[arg.substr(0, arg.find('='))] = arg.substr(arg.find('=') + 1);
        else if (verb == "unlabel")
            pod.metadata.labels.edit().erase(arg);
        else if (verb == "terminate")
            pod.metadata.deletionTimestamp = 30;
        else if (verb == "orphan")
            pod.metadata.ownerReferences.edit().clear();
        else if (verb == "own")
            pod.metadata.ownerReferences = {{"apps/v1", "ReplicaSet", arg, sets.at(arg)->metadata.uid, true, true}};
        else
            QFAIL(("unknown step: " + line).c_str());
        store.update(std::move(pod));
    }
}

} // namespace

class TestReplicaSetCounts : public QObject {
    Q_OBJECT

private slots:
    void countsFollowPodWrites_data();
    void countsFollowPodWrites();
    void specChangeAsksForARecount();
};

void TestReplicaSetCounts::countsFollowPodWrites_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<int>("trackAfter");  // steps run before the ReplicaSet is first counted
    QTest::addColumn<Counts>("expected");
    QTest::newRow("pods created, one ready") << QStringList{"create a", "create b", "ready a"} << 0 << Counts{2, 2, 1};
    QTest::newRow("counted from existing pods") << QStringList{"create a", "create b", "ready a", "ready b", "unready a"}
                                                << 3 << Counts{2, 2, 1};
    QTest::newRow("readiness flips back") << QStringList{"create a", "ready a", "unready a", "ready a"} << 0 << Counts{1, 1, 1};
    QTest::newRow("template label dropped") << QStringList{"create a", "create b", "ready b", "unlabel b tier"} << 0
                                            << Counts{2, 1, 1};
    QTest::newRow("selector no longer matches") << QStringList{"create a", "label a app=api"} << 0 << Counts{1, 0, 0};
    QTest::newRow("label restored") << QStringList{"create a", "label a app=api", "label a app=web"} << 1 << Counts{1, 1, 0};
    QTest::newRow("terminating pod leaves") << QStringList{"create a", "create b", "ready a", "terminate a"} << 0
                                            << Counts{1, 1, 0};
    QTest::newRow("finished pod leaves") << QStringList{"create a", "ready a", "finish a"} << 0 << Counts{0, 0, 0};
    QTest::newRow("deleted pod leaves") << QStringList{"create a", "create b", "ready b", "delete b"} << 1 << Counts{1, 1, 0};
    QTest::newRow("terminating then deleted") << QStringList{"create a", "ready a", "terminate a", "delete a"} << 0
                                              << Counts{0, 0, 0};
    QTest::newRow("orphaned pod leaves") << QStringList{"create a", "create b", "orphan a"} << 0 << Counts{1, 1, 0};
    QTest::newRow("pod moves to another ReplicaSet") << QStringList{"create a", "ready a", "own a other"} << 0
                                                     << Counts{0, 0, 0};
    QTest::newRow("pod moves back") << QStringList{"create a", "ready a", "own a other", "own a web"} << 0
                                    << Counts{1, 1, 1};
    QTest::newRow("pod in another namespace") << QStringList{"create a", "create b elsewhere"} << 0 << Counts{1, 1, 0};
}

void TestReplicaSetCounts::countsFollowPodWrites()
{
    QFETCH(QStringList, steps);
    QFETCH(int, trackAfter);
    QFETCH(Counts, expected);
    engine::Engine engine;
    store::Store store(engine);
    const std::map<std::string, api::ObjectPtr> sets{{"web", store.create(replicaSet("web"))},
                                                     {"other", store.create(replicaSet("other"))}};
    const api::Object &web = *sets.at("web");
    controllers::ReplicaSetCounts counts;
    store.watch([&](const store::WatchEvent &event) {
        if (event.object->kind() == Kind::Pod)
            counts.onPodEvent(event);
    });
    for (int i = 0; i < steps.size(); ++i) {
        if (i == trackAfter)
            counts.track(web, store.listOwnedBy(Kind::Pod, "default", web.metadata.uid));
        step(store, sets, steps[i].toStdString());
        if (i < trackAfter)
            continue;
        const Counts *tallied = counts.find(web);
        QVERIFY(tallied);
        const Counts fresh = recount(store, web);
        QCOMPARE(tallied->replicas, fresh.replicas);
        QCOMPARE(tallied->fullyLabeled, fresh.fullyLabeled);
        QCOMPARE(tallied->ready, fresh.ready);
    }
    const Counts *tallied = counts.find(web);
    QVERIFY(tallied);
    QCOMPARE(tallied->replicas, expected.replicas);
    QCOMPARE(tallied->fullyLabeled, expected.fullyLabeled);
    QCOMPARE(tallied->ready, expected.ready);
}

void TestReplicaSetCounts::specChangeAsksForARecount()
{
    engine::Engine engine;
    store::Store store(engine);
    api::ObjectPtr rs = store.create(replicaSet("web"));
    controllers::ReplicaSetCounts counts;
    counts.track(*rs, {});
    QVERIFY(counts.find(*rs));
    api::Object changed = *rs;
    changed.as<api::ReplicaSet>().spec.template_.labels.edit()["tier"] = "back";
    rs = store.update(std::move(changed));
    QVERIFY(!counts.find(*rs));  // counted against the old template: "fully labeled" would be stale
    counts.track(*rs, {});
    QVERIFY(counts.find(*rs));
    counts.forget(rs->metadata.uid);
    QVERIFY(!counts.find(*rs));
}

QTEST_GUILESS_MAIN(TestReplicaSetCounts)
#include "test_replicasetcounts.moc"
