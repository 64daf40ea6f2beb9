#include "sim/engine/engine.h"

#include <QtTest>

#include <algorithm>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

using sim::engine::Engine;
using sim::engine::EventId;
using sim::engine::RandomStream;
using sim::engine::SimTime;

class TestEngine : public QObject {
    Q_OBJECT

private slots:
    void ordersByTimeThenSequence_data();
    void ordersByTimeThenSequence();
    void manyEventsRunInTimeThenSequenceOrder_data();
    void manyEventsRunInTimeThenSequenceOrder();
    void cancelSkipsEvent();
    void staleHandleDoesNotCancelReusedSlot();
    void runUntilStopsOnBoundary();
    void settleIgnoresBackgroundWork();
    void settleRespectsCap();
    void streamsAreDeterministicAndIndependent();
    void uniformStaysInBounds();
};

void TestEngine::ordersByTimeThenSequence_data()
{
    QTest::addColumn<std::vector<SimTime>>("times");
    QTest::addColumn<std::string>("expected");
    QTest::newRow("ascending") << std::vector<SimTime>{1, 2, 3} << std::string("abc");
    QTest::newRow("descending") << std::vector<SimTime>{3, 2, 1} << std::string("cba");
    QTest::newRow("ties keep scheduling order") << std::vector<SimTime>{5, 5, 5} << std::string("abc");
    QTest::newRow("mixed") << std::vector<SimTime>{2, 1, 2, 1} << std::string("bdac");
}

void TestEngine::ordersByTimeThenSequence()
{
    QFETCH(std::vector<SimTime>, times);
    QFETCH(std::string, expected);
    Engine engine;
    std::string order;
    for (std::size_t i = 0; i < times.size(); ++i)
        engine.scheduleAt(times[i], [&order, i] { order += char('a' + i); });
    while (engine.step()) {}
    QCOMPARE(order, expected);
}

void TestEngine::manyEventsRunInTimeThenSequenceOrder_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("timeRange");  // times drawn from 0 .. timeRange - 1
    QTest::addColumn<int>("cancelEvery");  // 0: none cancelled
    QTest::addColumn<int>("nestEvery");    // every n-th event schedules another while it runs (0: none)
    QTest::newRow("1,000 events, many ties") << 1000 << 20 << 0 << 0;
    QTest::newRow("1,000 events, few ties") << 1000 << 1000000 << 0 << 0;
    QTest::newRow("every third cancelled") << 1000 << 300 << 3 << 0;
    QTest::newRow("events scheduling events") << 500 << 100 << 0 << 2;
    QTest::newRow("all of it, 5,000 events") << 5000 << 700 << 7 << 3;
}

void TestEngine::manyEventsRunInTimeThenSequenceOrder()
{
    QFETCH(int, count);
    QFETCH(int, timeRange);
    QFETCH(int, cancelEvery);
    QFETCH(int, nestEvery);
    Engine engine;
    RandomStream random = RandomStream::forComponent(7, "heap");
    struct Scheduled {
        SimTime time;
        int number;  // in scheduling order
        bool cancelled = false;
    };
    std::vector<Scheduled> scheduled;
    std::vector<int> ran;
    std::function<void(SimTime)> add = [&](SimTime at) {
        const int number = static_cast<int>(scheduled.size());
        scheduled.push_back(Scheduled{std::max(at, engine.now()), number});
        const EventId id = engine.scheduleAt(at, [&, number] {
            ran.push_back(number);
            if (nestEvery > 0 && number % nestEvery == 0 && scheduled.size() < std::size_t(2 * count))
                add(engine.now() + static_cast<SimTime>(random.uniform(std::uint64_t(timeRange))));
        });
        if (cancelEvery > 0 && number % cancelEvery == 0) {
            engine.cancel(id);
            scheduled.back().cancelled = true;
        }
    };
    for (int i = 0; i < count; ++i)
        add(static_cast<SimTime>(random.uniform(std::uint64_t(timeRange))));
    while (engine.step()) {}
    // Every event runs after those with an earlier time, and after those scheduled before it at the same time.
    std::erase_if(scheduled, [](const Scheduled &s) { return s.cancelled; });
    std::sort(scheduled.begin(), scheduled.end(),
              [](const Scheduled &a, const Scheduled &b) { return std::tie(a.time, a.number) < std::tie(b.time, b.number); });
    std::vector<int> expected;
    for (const Scheduled &s : scheduled)
        expected.push_back(s.number);
    QCOMPARE(ran.size(), expected.size());
    QVERIFY(ran == expected);
}

void TestEngine::cancelSkipsEvent()
{
    Engine engine;
    int ran = 0;
    auto id = engine.scheduleAfter(10, [&] { ++ran; });
    engine.scheduleAfter(20, [&] { ran += 10; });
    QVERIFY(engine.isPending(id));
    engine.cancel(id);
    QVERIFY(!engine.isPending(id));
    engine.cancel(id);  // twice is harmless
    while (engine.step()) {}
    QCOMPARE(ran, 10);
    QCOMPARE(engine.now(), SimTime(20));
}

void TestEngine::staleHandleDoesNotCancelReusedSlot()
{
    Engine engine;
    int ran = 0;
    auto first = engine.scheduleAfter(1, [&] { ran += 1; });
    engine.step();
    engine.scheduleAfter(1, [&] { ran += 2; });  // reuses the slot
    engine.cancel(first);
    while (engine.step()) {}
    QCOMPARE(ran, 3);
}

void TestEngine::runUntilStopsOnBoundary()
{
    Engine engine;
    std::vector<SimTime> seen;
    for (SimTime t : {5, 10, 15})
        engine.scheduleAt(t, [&engine, &seen] { seen.push_back(engine.now()); });
    engine.runUntil(10);
    QCOMPARE(seen, (std::vector<SimTime>{5, 10}));
    QCOMPARE(engine.now(), SimTime(10));
    engine.runUntil(12);
    QCOMPARE(engine.now(), SimTime(12));
    QCOMPARE(seen.size(), std::size_t(2));
}

void TestEngine::settleIgnoresBackgroundWork()
{
    Engine engine;
    int probes = 0;
    std::function<void()> probe = [&] {
        ++probes;
        engine.scheduleAfter(sim::engine::kSecond, probe, Engine::Work::Background);
    };
    engine.scheduleAfter(sim::engine::kSecond, probe, Engine::Work::Background);
    bool done = false;
    engine.scheduleAfter(5 * sim::engine::kSecond, [&] { done = true; });
    QVERIFY(engine.settle());
    QVERIFY(done);
    QCOMPARE(engine.now(), 5 * sim::engine::kSecond);
    QCOMPARE(probes, 4);  // the probe due at 5 s was scheduled after the foreground event, so it has not run
}

void TestEngine::settleRespectsCap()
{
    Engine engine;
    std::function<void()> endless = [&] { engine.scheduleAfter(sim::engine::kSecond, endless); };
    engine.scheduleAfter(0, endless);
    QVERIFY(!engine.settle(10 * sim::engine::kSecond));
    QVERIFY(engine.now() <= 10 * sim::engine::kSecond);
}

void TestEngine::streamsAreDeterministicAndIndependent()
{
    Engine a(42), b(42), c(43);
    RandomStream a1 = a.stream("kube-proxy"), b1 = b.stream("kube-proxy");
    RandomStream c1 = c.stream("kube-proxy"), a2 = a.stream("kubelet");
    std::uint64_t x = a1.next();
    QCOMPARE(x, b1.next());
    QVERIFY(x != c1.next());
    QVERIFY(x != a2.next());
}

void TestEngine::uniformStaysInBounds()
{
    RandomStream s(7, 1);
    std::vector<int> counts(10, 0);
    for (int i = 0; i < 100000; ++i)
        ++counts[s.uniform(10)];
    for (int c : counts)  // each bucket expects 10,000; 5 sigma is about 475
        QVERIFY2(c > 9500 && c < 10500, qPrintable(QString::number(c)));
    for (int i = 0; i < 1000; ++i) {
        double u = s.uniformReal();
        QVERIFY(u >= 0.0 && u < 1.0);
    }
}

QTEST_APPLESS_MAIN(TestEngine)
#include "test_engine.moc"
