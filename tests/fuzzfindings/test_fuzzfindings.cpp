// Regression rows for what the fuzzers of tests/fuzz found (docs/reliability.md lists each finding).
// Each row is the smallest input that reached the bug; the normal build checks the behaviour, and the
// ASan build (scripts/dev sanitize) also catches the memory error should it come back.
#include "../manifest/diagnostictext.h"
#include "sim/manifest/loader.h"
#include "sim/simulation.h"

#include <QtTest>

using namespace sim;

namespace {

const std::string kNode = "apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\nstatus:\n  capacity:\n";

} // namespace

class TestFuzzFindings : public QObject {
    Q_OBJECT

private slots:
    void nodeQuantities_data();
    void nodeQuantities();
    void schedulerEventNamesTheNode_data();
    void schedulerEventNamesTheNode();
    void nodeAddressWithoutValue_data();
    void nodeAddressWithoutValue();
};

// Finding 1: MapReader read a map of quantities through a reference to a temporary of the YAML iterator
// (stack-use-after-scope on every Node with status.capacity).
void TestFuzzFindings::nodeQuantities_data()
{
    QTest::addColumn<QString>("capacity");  // the capacity map's lines
    QTest::addColumn<QString>("expected");  // "cpu=4000 memory=..." (milli units) or the error text

    QTest::newRow("valid") << "    cpu: \"4\"\n    pods: \"110\"\n" << "cpu=4000 pods=110000";
    QTest::newRow("one invalid") << "    cpu: \"4\"\n    memory: lots\n"
                                 << "fuzz.yaml:7:5: error: status.capacity[memory]: Invalid value: \"lots\": "
                                    "quantities must match the regular expression";
    QTest::newRow("not a scalar") << "    cpu: [1, 2]\n" << "fuzz.yaml:6:5: error: status.capacity[cpu]: Invalid value: ";
}

void TestFuzzFindings::nodeQuantities()
{
    QFETCH(QString, capacity);
    QFETCH(QString, expected);
    manifest::LoadResult loaded = manifest::loadText(kNode + capacity.toStdString(), "fuzz.yaml");
    if (!loaded.ok()) {
        QVERIFY2(describe(loaded.diagnostics).startsWith(expected), qPrintable(describe(loaded.diagnostics)));
        return;
    }
    QCOMPARE(loaded.documents.size(), std::size_t(1));
    QString got;
    for (const auto &[name, quantity] : loaded.documents.front().object.as<api::Node>().status.capacity)
        got += QString::fromStdString(name) + "=" + QString::number(quantity.milli) + " ";
    QCOMPARE(got.trimmed(), expected);
}

// Finding 2: the scheduler named the chosen node through a reference into its score index, which binding
// the pod re-scores (heap-use-after-free in the "Successfully assigned" event of every scheduled pod).
void TestFuzzFindings::schedulerEventNamesTheNode_data()
{
    QTest::addColumn<int>("pods");
    QTest::newRow("one pod") << 1;
    QTest::newRow("pods spread over nodes") << 5;
}

void TestFuzzFindings::schedulerEventNamesTheNode()
{
    QFETCH(int, pods);
    Simulation simulation;
    std::string text;
    for (int i = 0; i < pods; ++i)
        text += "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p" + std::to_string(i) +
                "}\nspec:\n  containers: [{name: a, image: nginx}]\n";
    manifest::LoadResult loaded = manifest::loadText(text, "fuzz.yaml");
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.diagnostics)));
    QVERIFY(simulation.apply(loaded.documents).ok);
    simulation.settle();
    int scheduled = 0;
    for (const controllers::Event &e : simulation.events().events()) {
        if (e.reason != "Scheduled")
            continue;
        api::ObjectPtr pod = simulation.store().get(api::Kind::Pod, "default", e.involvedObject.name);
        QVERIFY(pod);
        QCOMPARE(QString::fromStdString(e.message),
                 QString::fromStdString("Successfully assigned default/" + e.involvedObject.name + " to " +
                                        pod->as<api::Pod>().spec->nodeName));
        ++scheduled;
    }
    QCOMPARE(scheduled, pods);
}

// Finding 3: a Node whose status.addresses held an InternalIP without its address (the field misspelt): the
// node controller, seeing no InternalIP, added one after it on every pass, and never settled (a timeout).
void TestFuzzFindings::nodeAddressWithoutValue_data()
{
    QTest::addColumn<QString>("addresses");  // the status.addresses list's lines
    QTest::addColumn<QString>("expected");   // "type=address ..." once settled; "*" stands for any address

    QTest::newRow("InternalIP without address") << "  - type: InternalIP\n    aDdress: 10.0.0.11\n"
                                                << "InternalIP=* Hostname=worker-1";
    QTest::newRow("InternalIP given") << "  - type: InternalIP\n    address: 10.0.0.11\n" << "InternalIP=10.0.0.11";
    QTest::newRow("Hostname only") << "  - type: Hostname\n    address: gpu-1\n" << "Hostname=gpu-1 InternalIP=*";
}

void TestFuzzFindings::nodeAddressWithoutValue()
{
    QFETCH(QString, addresses);
    QFETCH(QString, expected);
    Simulation simulation;
    manifest::LoadResult loaded =
        manifest::loadText("apiVersion: v1\nkind: Node\nmetadata: {name: worker-1}\nstatus:\n  addresses:\n" +
                               addresses.toStdString(),
                           "fuzz.yaml");
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.diagnostics)));
    QVERIFY(simulation.apply(loaded.documents).ok);
    QVERIFY2(simulation.settle(engine::seconds(1)), "the node controller keeps writing the Node");
    QString got;
    for (const api::NodeAddress &a : simulation.store().get(api::Kind::Node, "", "worker-1")->as<api::Node>().status.addresses) {
        const bool given = expected.contains(QString::fromStdString(a.type + "=" + a.address));
        got += QString::fromStdString(a.type) + "=" + (given || a.address.empty() ? QString::fromStdString(a.address) : "*") + " ";
    }
    QCOMPARE(got.trimmed(), expected);
}

QTEST_GUILESS_MAIN(TestFuzzFindings)
#include "test_fuzzfindings.moc"
