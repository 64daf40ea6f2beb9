#include "sim/scenario/lessonsession.h"
#include "sim/scenario/scenarioparser.h"
#include "sim/scenario/scenariorunner.h"
#include "sim/scenario/trafficdriver.h"
#include "sim/simulation.h"

#include <QtTest>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sim::scenario;
namespace fs = std::filesystem;

namespace {

// Set to regenerate the golden traces after an intended change (docs/lessons.md).
constexpr const char *kUpdateVariable = "KUBESIM_UPDATE_LESSON_TRACES";

fs::path lessonsFolder()
{
    return fs::path(KUBESIM_SOURCE_DIR) / "scenarios";
}

fs::path traceFile(const std::string &lesson)
{
    return fs::path(KUBESIM_TEST_DATA) / "lessons" / (lesson + ".trace");
}

std::vector<std::string> lessonNames()
{
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(lessonsFolder())) {
        if (fs::exists(entry.path() / "scenario.yaml"))
            names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

Scenario load(const std::string &lesson)
{
    auto result = ScenarioParser::loadFolder(lessonsFolder() / lesson);
    if (!result.ok()) {
        std::string text;
        for (const auto &d : result.diagnostics)
            text += d.toString() + "\n";
        qFatal("%s", text.c_str());
    }
    return *result.scenario;
}

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The first line where two texts differ, for a readable failure.
QString firstDifference(const std::string &expected, const std::string &actual)
{
    std::istringstream a(expected), b(actual);
    std::string la, lb;
    for (int line = 1;; ++line) {
        const bool hasA = static_cast<bool>(std::getline(a, la));
        const bool hasB = static_cast<bool>(std::getline(b, lb));
        if (!hasA && !hasB)
            return {};
        if (!hasA || !hasB || la != lb)
            return QString("line %1:\n  expected: %2\n  actual:   %3")
                .arg(line)
                .arg(hasA ? QString::fromStdString(la) : "<end>")
                .arg(hasB ? QString::fromStdString(lb) : "<end>");
    }
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT

private slots:
    void allLessonsPresent();
    void lessonPasses_data();
    void lessonPasses();
    void doingNothingFailsTheTask_data();
    void doingNothingFailsTheTask();
    void backRestoresTheStepStart();
    void backReplaysTheLearnersTimeline_data();
    void backReplaysTheLearnersTimeline();
    void backReplaysTheLearnersEdits_data();
    void backReplaysTheLearnersEdits();
};

void TestLessons::allLessonsPresent()
{
    QCOMPARE(lessonNames().size(), std::size_t(13));
}

void TestLessons::lessonPasses_data()
{
    QTest::addColumn<QString>("lesson");
    for (const std::string &name : lessonNames())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TestLessons::lessonPasses()
{
    QFETCH(QString, lesson);
    const Scenario scenario = load(lesson.toStdString());
    const RunOutcome outcome = ScenarioRunner::run(scenario);
    if (!outcome.report.passed())
        std::fputs(outcome.report.toText().c_str(), stderr);  // QVERIFY2 cuts long messages
    QVERIFY2(outcome.report.passed(), "the lesson's report (above) has failures");
    QVERIFY(outcome.report.checkCount() > 0);

    const fs::path golden = traceFile(lesson.toStdString());
    if (std::getenv(kUpdateVariable)) {
        std::ofstream(golden, std::ios::binary) << outcome.trace;
        qInfo("wrote %s", golden.c_str());
        return;
    }
    QVERIFY2(fs::exists(golden), qPrintable(QString("no golden trace %1; run with %2=1 to write it")
                                                .arg(QString::fromStdString(golden.string()), kUpdateVariable)));
    const std::string expected = readFile(golden);
    QVERIFY2(expected == outcome.trace, qPrintable(firstDifference(expected, outcome.trace)));
    // Same seed, same run: byte-identical.
    QCOMPARE(ScenarioRunner::run(scenario).trace, outcome.trace);
}

void TestLessons::doingNothingFailsTheTask_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("step");
    for (const std::string &name : lessonNames()) {
        const Scenario scenario = load(name);
        for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
            if (scenario.steps[i].task)
                QTest::addRow("%s step %d", name.c_str(), int(i + 1)) << QString::fromStdString(name) << int(i);
        }
    }
}

void TestLessons::doingNothingFailsTheTask()
{
    QFETCH(QString, lesson);
    QFETCH(int, step);
    LessonSession session(load(lesson.toStdString()));
    for (int i = 0; i < step; ++i) {
        session.runUntilSettled();
        session.applySolution();
        session.runUntilSettled();
        QVERIFY(session.next());
    }
    session.runUntilSettled();
    // The learner watches for a minute and does nothing.
    sim::engine::Engine &engine = session.simulation().engine();
    engine.runUntil(engine.now() + sim::engine::kMinute);
    const auto results = session.evaluateTaskChecks();
    QVERIFY(!results.empty());
    const bool anyFailed = std::any_of(results.begin(), results.end(), [](const CheckResult &r) { return !r.passed; });
    QVERIFY2(anyFailed, "every task check passed although the learner did nothing");
}

void TestLessons::backRestoresTheStepStart()
{
    LessonSession session(load("09-canary-weights"));
    session.runUntilSettled();
    QVERIFY(session.next());
    const auto generation = session.generation();
    const sim::engine::SimTime step2Start = session.stepStart();
    const std::uint64_t version = session.simulation().store().resourceVersion();
    session.runUntilSettled();
    QVERIFY(session.next());
    session.runUntilSettled();
    QCOMPARE(session.stepIndex(), std::size_t(2));
    QVERIFY(session.back());
    QCOMPARE(session.stepIndex(), std::size_t(1));
    QVERIFY(session.generation() != generation);
    QCOMPARE(session.simulation().engine().now(), step2Start);
    QCOMPARE(session.stepStart(), step2Start);
    QCOMPARE(session.simulation().store().resourceVersion(), version);
    QVERIFY(session.back());
    QCOMPARE(session.stepIndex(), std::size_t(0));
    QVERIFY(!session.back());
}

void TestLessons::backReplaysTheLearnersTimeline_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("lingerSeconds");  // how long the learner stays on each step after it settled
    QTest::addColumn<bool>("solve");         // whether they ask for each task's solution
    QTest::newRow("canary, quick, solutions") << "09-canary-weights" << 3 << true;
    QTest::newRow("canary, slow, no solutions") << "09-canary-weights" << 17 << false;
    QTest::newRow("ingress paths (status checks probed live)") << "04-ingress-path-routing" << 7 << true;
    QTest::newRow("failure recovery") << "12-failure-recovery" << 11 << false;
    QTest::newRow("ingress canary (probes share the weighted choice)") << "07-ingress-canary-annotations" << 5 << true;
    QTest::newRow("header routing") << "11-header-routing" << 4 << false;
    QTest::newRow("ingress to gateway") << "13-ingress-to-gateway" << 6 << true;
}

// A learner in the window: each step's actions run, the marks are probed every second of sim time, the
// learner lingers, perhaps asks for the solution, moves on. Back then gives each step's start exactly.
void TestLessons::backReplaysTheLearnersTimeline()
{
    QFETCH(QString, lesson);
    QFETCH(int, lingerSeconds);
    QFETCH(bool, solve);
    LessonSession session(load(lesson.toStdString()));
    struct Start {
        sim::engine::SimTime now;
        std::uint64_t resourceVersion;
        std::string trace;
        std::string traffic;
    };
    auto trafficOf = [&session] {
        const sim::scenario::TrafficCounts c = session.traffic().log().counts("", 0, session.simulation().engine().now());
        std::string text = std::to_string(c.finished) + " finished, " + std::to_string(c.failed) + " failed";
        for (const auto &[backend, count] : c.byBackend)
            text += ", " + backend + " " + std::to_string(count);
        return text + ", " + std::to_string(session.simulation().traffic().requestsInFlight()) + " in flight";
    };
    std::vector<Start> starts;
    auto probe = [&](sim::engine::SimTime until) {
        sim::engine::Engine &engine = session.simulation().engine();
        while (engine.now() < until) {
            engine.runUntil(std::min(until, engine.now() + sim::engine::kSecond));
            session.peekChecks(false);
            session.peekChecks(true);
        }
    };
    do {
        starts.push_back({session.simulation().engine().now(), session.simulation().store().resourceVersion(),
                          session.trace().text(), trafficOf()});
        session.runUntilSettled();
        if (solve)
            session.applySolution();
        probe(session.simulation().engine().now() + lingerSeconds * sim::engine::kSecond);
    } while (session.next());
    for (std::size_t step = starts.size() - 1; step-- > 0;) {
        QVERIFY(session.back());
        QCOMPARE(session.stepIndex(), step);
        QCOMPARE(session.simulation().engine().now(), starts[step].now);
        QCOMPARE(session.simulation().store().resourceVersion(), starts[step].resourceVersion);
        // The trace holds every event and request outcome up to here: the replay is the same run.
        QCOMPARE(session.trace().text(), starts[step].trace);
        QCOMPARE(trafficOf(), starts[step].traffic);
    }
}

void TestLessons::backReplaysTheLearnersEdits_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<int>("step");  // the step (index) in which the learner makes it, in 09-canary-weights
    QTest::newRow("weights by slider") << "weights" << 1;
    QTest::newRow("weights in the task's step") << "weights" << 2;
    QTest::newRow("kubectl scale") << "scale" << 0;
    QTest::newRow("kubectl delete service") << "delete" << 1;
    QTest::newRow("kubectl apply of a new object") << "create" << 2;
}

// The learner changes the cluster by hand in an earlier step; going back to a later step's start keeps it.
void TestLessons::backReplaysTheLearnersEdits()
{
    QFETCH(QString, edit);
    QFETCH(int, step);
    LessonSession session(load("09-canary-weights"));
    auto doEdit = [&] {
        sim::Simulation &simulation = session.simulation();
        if (edit == "weights")
            QVERIFY(simulation.setBackendWeights("default", "app", 0, {50, 50}).ok);
        else if (edit == "scale")
            QVERIFY(simulation.scale(sim::api::Kind::Deployment, "default", "app-v2", 3).ok);
        else if (edit == "delete")
            QVERIFY(simulation.deleteObject(sim::api::Kind::Service, "default", "app-v2").ok);
        else {
            sim::api::Object notes = sim::api::makeObject(sim::api::Kind::ConfigMap);
            notes.metadata.namespace_ = "default";
            notes.metadata.name = "notes";
            QVERIFY(simulation.applyObjects({notes}).ok);
        }
    };
    auto snapshot = [&] {
        std::string text;
        for (const sim::api::KindInfo &info : sim::api::allKinds())
            for (const sim::api::ObjectPtr &o : session.simulation().store().list(info.kind))
                text += std::string(info.singular) + "/" + o->key() + " rv " + std::to_string(o->metadata.resourceVersion) + "\n";
        return text + session.trace().text();
    };
    std::vector<std::string> starts;
    do {
        starts.push_back(snapshot());
        session.runUntilSettled();
        sim::engine::Engine &engine = session.simulation().engine();
        engine.runUntil(engine.now() + 3 * sim::engine::kSecond);
        if (static_cast<int>(session.stepIndex()) == step)
            doEdit();
        engine.runUntil(engine.now() + 7 * sim::engine::kSecond);
    } while (session.next());
    QVERIFY(static_cast<int>(starts.size()) > step + 1);
    session.restartStep();
    QCOMPARE(snapshot(), starts.back());
    for (std::size_t back = starts.size() - 1; back-- > static_cast<std::size_t>(step);) {
        QVERIFY(session.back());
        QCOMPARE(snapshot(), starts[back]);
    }
}

QTEST_APPLESS_MAIN(TestLessons)
#include "test_lessons.moc"
