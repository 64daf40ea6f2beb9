// The event log (sim/controllers/eventrecorder.h): repeats fold into one event with a count, as the Kubernetes
// event correlator does; the oldest events expire past the capacity. Its index is checked against a plain
// linear search over long random sequences, where expiries empty slots in the middle of probe runs.

#include "sim/controllers/eventrecorder.h"

#include <QtTest>

#include <random>
#include <sstream>

using namespace sim;
using controllers::EventLiteral;
using controllers::EventRecorder;

namespace {

constexpr EventLiteral kReasons[] = {"Pulled", "Pulling", "SuccessfulCreate"};
constexpr EventLiteral kSources[] = {"kubelet", "replicaset-controller"};

// The objects a script names: pods a and b, pod a recreated under a new uid (a2), a Node named like pod a (n).
api::Object scriptObject(char name)
{
    api::Object object = api::makeObject(name == 'n' ? api::Kind::Node : api::Kind::Pod);
    object.metadata.name = name == 'b' ? "web-b" : "web-a";
    object.metadata.namespace_ = name == 'n' ? "" : "default";
    object.metadata.uid = name == '2' ? "uid-a2" : "uid-" + std::string(1, name);
    return object;
}

// One record per token "object type reason message source", e.g. "a N 0 hello 0": pod a, Normal,
// kReasons[0], message "hello", kSources[0]. Each record happens one second after the previous one.
void play(engine::Engine &engine, EventRecorder &recorder, const QString &script)
{
    std::istringstream in(script.toStdString());
    std::string object, type, message;
    int reason = 0, source = 0;
    while (in >> object >> type >> reason >> message >> source) {
        engine.runUntil(engine.now() + engine::kSecond);
        const api::Object o = scriptObject(object[0] == 'a' && object.size() > 1 ? '2' : object[0]);
        if (type == "W")
            recorder.warning(o, kReasons[reason], message, kSources[source]);
        else
            recorder.normal(o, kReasons[reason], message, kSources[source]);
    }
}

// The log as "uid type reason message source count first-last" lines (times in seconds).
QString describe(const EventRecorder &recorder)
{
    QStringList lines;
    for (const controllers::Event &e : recorder.events()) {
        lines << QString::fromStdString(e.involvedObject.uid + " " + std::string(e.type) + " " +
                                        std::string(e.reason) + " " + e.message + " " + std::string(e.source))
                     + QString(" x%1 %2-%3").arg(e.count).arg(e.firstTimestamp / engine::kSecond).arg(e.lastTimestamp / engine::kSecond);
    }
    return lines.join("\n");
}

} // namespace

class TestEventRecorder : public QObject {
    Q_OBJECT
private slots:
    void folding_data();
    void folding();
    void indexAgreesWithLinearSearch_data();
    void indexAgreesWithLinearSearch();
};

void TestEventRecorder::folding_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("log");
    QTest::addColumn<int>("recorded");

    QTest::newRow("a repeat raises count and last time") << 10 << "a N 0 hi 0  a N 0 hi 0  a N 0 hi 0"
                                                         << "uid-a Normal Pulled hi kubelet x3 1-3" << 3;
    QTest::newRow("another object") << 10 << "a N 0 hi 0  b N 0 hi 0"
                                    << "uid-a Normal Pulled hi kubelet x1 1-1\nuid-b Normal Pulled hi kubelet x1 2-2" << 2;
    QTest::newRow("same name, another kind") << 10 << "a N 0 hi 0  n N 0 hi 0"
                                             << "uid-a Normal Pulled hi kubelet x1 1-1\nuid-n Normal Pulled hi kubelet x1 2-2" << 2;
    QTest::newRow("same name, recreated with a new uid")
        << 10 << "a N 0 hi 0  a2 N 0 hi 0" << "uid-a Normal Pulled hi kubelet x1 1-1\nuid-a2 Normal Pulled hi kubelet x1 2-2" << 2;
    QTest::newRow("warning is not the normal event") << 10 << "a N 0 hi 0  a W 0 hi 0  a N 0 hi 0"
                                                     << "uid-a Normal Pulled hi kubelet x2 1-3\nuid-a Warning Pulled hi kubelet x1 2-2" << 3;
    QTest::newRow("another reason") << 10 << "a N 0 hi 0  a N 1 hi 0"
                                    << "uid-a Normal Pulled hi kubelet x1 1-1\nuid-a Normal Pulling hi kubelet x1 2-2" << 2;
    QTest::newRow("another message") << 10 << "a N 0 hi 0  a N 0 ho 0"
                                     << "uid-a Normal Pulled hi kubelet x1 1-1\nuid-a Normal Pulled ho kubelet x1 2-2" << 2;
    QTest::newRow("another source") << 10 << "a N 2 hi 0  a N 2 hi 1"
                                    << "uid-a Normal SuccessfulCreate hi kubelet x1 1-1\n"
                                       "uid-a Normal SuccessfulCreate hi replicaset-controller x1 2-2" << 2;
    QTest::newRow("past capacity the oldest expires") << 2 << "a N 0 one 0  a N 0 two 0  a N 0 three 0"
                                                      << "uid-a Normal Pulled two kubelet x1 2-2\nuid-a Normal Pulled three kubelet x1 3-3" << 3;
    QTest::newRow("a repeat of an expired event starts anew")
        << 2 << "a N 0 one 0  a N 0 two 0  a N 0 three 0  a N 0 one 0  a N 0 three 0"
        << "uid-a Normal Pulled three kubelet x2 3-5\nuid-a Normal Pulled one kubelet x1 4-4" << 5;
    QTest::newRow("capacity 0 keeps one") << 0 << "a N 0 one 0  a N 0 two 0  a N 0 two 0"
                                          << "uid-a Normal Pulled two kubelet x2 2-3" << 3;
}

void TestEventRecorder::folding()
{
    QFETCH(int, capacity);
    QFETCH(QString, script);
    QFETCH(QString, log);
    QFETCH(int, recorded);

    engine::Engine engine;
    EventRecorder recorder(engine, static_cast<std::size_t>(capacity));
    play(engine, recorder, script);
    QCOMPARE(describe(recorder), log);
    QCOMPARE(recorder.recordedCount(), static_cast<std::uint64_t>(recorded));
}

void TestEventRecorder::indexAgreesWithLinearSearch_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("distinct");
    QTest::addColumn<int>("records");
    QTest::addColumn<unsigned>("seed");

    QTest::newRow("capacity 1") << 1 << 4 << 2000 << 1u;
    QTest::newRow("capacity 3, mostly repeats") << 3 << 5 << 5000 << 2u;
    QTest::newRow("capacity 7, mixed") << 7 << 24 << 5000 << 3u;
    QTest::newRow("capacity 64, mostly new") << 64 << 400 << 20000 << 4u;
    QTest::newRow("capacity 1000, through growth and expiry") << 1000 << 3000 << 20000 << 5u;
}

// Random records over `distinct` possible events (object x reason x message), compared after each record with
// a log kept the slow way: the same folding and expiry with a linear search instead of the index.
void TestEventRecorder::indexAgreesWithLinearSearch()
{
    QFETCH(int, capacity);
    QFETCH(int, distinct);
    QFETCH(int, records);
    QFETCH(unsigned, seed);

    struct Expected {
        std::string uid, reason, message;
        int count = 1;
    };
    std::deque<Expected> expected;
    engine::Engine engine;
    EventRecorder recorder(engine, static_cast<std::size_t>(capacity));
    std::mt19937 random(seed);
    const api::Object objects[] = {scriptObject('a'), scriptObject('b'), scriptObject('2')};
    int mismatches = 0;
    for (int i = 0; i < records; ++i) {
        const int pick = static_cast<int>(random() % static_cast<unsigned>(distinct));
        const api::Object &object = objects[pick % 3];
        const EventLiteral reason = kReasons[(pick / 3) % 3];
        const std::string message = "m" + std::to_string(pick / 9);
        recorder.normal(object, reason, message, kSources[0]);

        auto same = [&](const Expected &e) {
            return e.uid == object.metadata.uid && e.reason == reason.view() && e.message == message;
        };
        if (auto it = std::find_if(expected.begin(), expected.end(), same); it != expected.end()) {
            ++it->count;
        } else {
            if (expected.size() == static_cast<std::size_t>(capacity))
                expected.pop_front();
            expected.push_back(Expected{object.metadata.uid, std::string(reason.view()), message});
        }

        const std::deque<controllers::Event> &log = recorder.events();
        bool agrees = log.size() == expected.size();
        for (std::size_t k = 0; agrees && k < log.size(); ++k) {
            agrees = log[k].involvedObject.uid == expected[k].uid && log[k].reason == expected[k].reason &&
                       log[k].message == expected[k].message && log[k].count == expected[k].count;
        }
        mismatches += agrees ? 0 : 1;
        if (!agrees)
            qWarning("record %d: the log differs from the linear search's", i);
        if (mismatches > 3)
            break;
    }
    QCOMPARE(mismatches, 0);
    QCOMPARE(recorder.recordedCount(), static_cast<std::uint64_t>(records));
}

QTEST_APPLESS_MAIN(TestEventRecorder)
#include "test_eventrecorder.moc"
