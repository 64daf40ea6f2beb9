// The lesson panel in the window (offscreen): a scenario opens at step 1, Next and Back put the cluster,
// traffic and clock back to a step's start, a learner's slider move turns a task's checks green.

#include "sim/scenario/lessonsession.h"
#include "ui/checkmarklist.h"
#include "ui/lessonpanel.h"
#include "ui/mainwindow.h"
#include "ui/simulationhost.h"
#include "ui/weightspanel.h"

#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSlider>
#include <QtTest>

namespace {

using Mark = ui::CheckMarkList::Mark;
constexpr sim::engine::SimTime kFrame = 200 * sim::engine::kMillisecond;

const std::string kCanaryLesson = KUBESIM_SOURCE_DIR "/scenarios/09-canary-weights";

// What a step's start looks like: the clock, the objects, the weights, the requests sent so far.
struct ClusterState {
    sim::engine::SimTime now = 0;
    std::uint64_t resourceVersion = 0;
    std::size_t pods = 0;
    std::vector<int> weights;
    std::uint64_t requestsSent = 0;
    bool operator==(const ClusterState &) const = default;
};

ClusterState stateOf(ui::SimulationHost *host)
{
    sim::Simulation &simulation = host->simulation();
    ClusterState state;
    state.now = simulation.engine().now();
    state.resourceVersion = simulation.store().resourceVersion();
    state.pods = simulation.store().count(sim::api::Kind::Pod);
    if (auto route = simulation.store().get(sim::api::Kind::HTTPRoute, "default", "app"))
        for (const auto &ref : route->as<sim::api::HTTPRoute>().spec.rules[0].backendRefs)
            state.weights.push_back(ref.weight);
    // The lesson's load generators (steps 1 and 2 start them).
    for (const char *name : {"first-ten", "users"})
        if (auto generator = simulation.traffic().findLoad(name))
            state.requestsSent += simulation.traffic().counters(*generator).generated;
    return state;
}

// Frames until the step's actions are done, as the frame driver would run them.
bool runUntilSettled(ui::SimulationHost *host, sim::scenario::LessonSession *session)
{
    for (int frame = 0; frame < 5000 && !session->isSettled(); ++frame)
        host->advance(kFrame);
    return session->isSettled();
}

void runFor(ui::SimulationHost *host, sim::engine::SimTime duration)
{
    for (sim::engine::SimTime t = 0; t < duration; t += kFrame)
        host->advance(kFrame);
}

QPushButton *buttonOf(ui::LessonPanel *panel, const char *name)
{
    return panel->findChild<QPushButton *>(QString::fromLatin1(name));
}

} // namespace

class TestLessonPanel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensAtStepOne();
    void nextAndBackRestoreTheStepStart_data();
    void nextAndBackRestoreTheStepStart();
    void sliderTurnsTheTaskGreen_data();
    void sliderTurnsTheTaskGreen();
    void showSolutionDoesTheTask();
    void openingManifestsEndsTheLesson();
    void screenshot();

private:
    /** Opens the canary lesson and steps (Next) to the step with this index, each step run to its end. */
    void goToStep(std::size_t index);

    std::unique_ptr<ui::MainWindow> m_window;
};

void TestLessonPanel::init()
{
    QCoreApplication::setOrganizationName(QStringLiteral("kubesim-tests"));
    m_window = std::make_unique<ui::MainWindow>();
    m_window->resize(1600, 1000);
    m_window->setLessonsFolder(KUBESIM_SOURCE_DIR "/scenarios");
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLessonPanel::cleanup()
{
    m_window.reset();
}

void TestLessonPanel::goToStep(std::size_t index)
{
    QVERIFY(m_window->openPaths({kCanaryLesson}));
    ui::LessonPanel *panel = m_window->lessonPanel();
    while (panel->session()->stepIndex() < index) {
        QVERIFY(runUntilSettled(m_window->host(), panel->session()));
        buttonOf(panel, "nextButton")->click();
    }
}

void TestLessonPanel::opensAtStepOne()
{
    QVERIFY(m_window->openPaths({kCanaryLesson}));
    ui::LessonPanel *panel = m_window->lessonPanel();
    QVERIFY(panel->isActive());
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->session()->stepIndex(), std::size_t(0));
    // The window shows the lesson's own cluster.
    QCOMPARE(&m_window->host()->simulation(), &panel->session()->simulation());
    QCOMPARE(panel->findChild<QLabel *>("progressText")->text(), QString("Step 1 of 4"));
    QCOMPARE(panel->findChild<QLabel *>("stepTitle")->text(), QString("90/10 in plain fields"));
    QVERIFY(!buttonOf(panel, "backButton")->isEnabled());
    QVERIFY(buttonOf(panel, "nextButton")->isEnabled());
    QVERIFY(m_window->windowTitle().contains("Canary with weights"));
    // The Lessons menu lists the thirteen built-in lessons and the folder entry.
    auto *menu = m_window->findChild<QMenu *>("lessonsMenu");
    QVERIFY(menu);
    int lessons = 0;
    for (QAction *action : menu->actions())
        lessons += action->data().toString().isEmpty() ? 0 : 1;
    QCOMPARE(lessons, 13);
}

void TestLessonPanel::nextAndBackRestoreTheStepStart_data()
{
    QTest::addColumn<int>("forward");  // steps gone forward with Next
    QTest::addColumn<int>("back");     // then steps back with Back
    QTest::addColumn<bool>("moveSlider");   // on the last step, before going back
    QTest::addColumn<int>("earlierSlider"); // the step (index) in which the learner moved the slider before Next; -1 none
    QTest::newRow("step 3 back to 2") << 2 << 1 << false << -1;
    QTest::newRow("step 3 back to 2 after a slider move") << 2 << 1 << true << -1;
    QTest::newRow("step 4 back to 2") << 3 << 2 << false << -1;
    QTest::newRow("step 2 back to 1") << 1 << 1 << true << -1;
    QTest::newRow("step 4 back to 3, slider moved in step 2") << 3 << 1 << false << 1;
    QTest::newRow("step 3 back to 3 (restart), slider moved in step 2") << 2 << 0 << true << 1;
}

void TestLessonPanel::nextAndBackRestoreTheStepStart()
{
    QFETCH(int, forward);
    QFETCH(int, back);
    QFETCH(bool, moveSlider);
    QFETCH(int, earlierSlider);
    QVERIFY(m_window->openPaths({kCanaryLesson}));
    ui::LessonPanel *panel = m_window->lessonPanel();
    ui::SimulationHost *host = m_window->host();
    std::vector<ClusterState> starts{stateOf(host)};
    for (int i = 0; i < forward; ++i) {
        QVERIFY(runUntilSettled(host, panel->session()));
        if (i == earlierSlider) {
            m_window->weightsPanel()->slider("default", "app", 0)->setValue(40);
            runFor(host, 5 * sim::engine::kSecond);
        }
        buttonOf(panel, "nextButton")->click();
        starts.push_back(stateOf(host));
    }
    // Watch the last step for a while, and perhaps change the weights, before going back.
    if (moveSlider)
        m_window->weightsPanel()->slider("default", "app", 0)->setValue(30);
    runFor(host, 20 * sim::engine::kSecond);
    QVERIFY(stateOf(host) != starts.back());
    for (int i = 0; i < back; ++i)
        buttonOf(panel, "backButton")->click();
    if (back == 0)
        buttonOf(panel, "restartButton")->click();

    const std::size_t target = static_cast<std::size_t>(forward - back);
    QCOMPARE(panel->session()->stepIndex(), target);
    QCOMPARE(&host->simulation(), &panel->session()->simulation());
    const ClusterState now = stateOf(host);
    QCOMPARE(now.now, starts[target].now);
    QCOMPARE(now.resourceVersion, starts[target].resourceVersion);
    QCOMPARE(now.pods, starts[target].pods);
    QCOMPARE(now.weights, starts[target].weights);
    QCOMPARE(now.requestsSent, starts[target].requestsSent);
    QCOMPARE(panel->findChild<QLabel *>("progressText")->text(), QString("Step %1 of 4").arg(target + 1));
    QCOMPARE(m_window->weightsPanel()->slider("default", "app", 0)->value(), starts[target].weights.front());
}

void TestLessonPanel::sliderTurnsTheTaskGreen_data()
{
    QTest::addColumn<int>("sliderValue");  // app-v1's weight; app-v2 gets the rest
    QTest::addColumn<bool>("green");
    QTest::newRow("50/50 is the goal") << 50 << true;
    QTest::newRow("70/30 is not") << 70 << false;
    QTest::newRow("untouched 90/10 is not") << 90 << false;
}

void TestLessonPanel::sliderTurnsTheTaskGreen()
{
    QFETCH(int, sliderValue);
    QFETCH(bool, green);
    goToStep(2);  // "Half and half": make v2 receive half of the traffic
    ui::LessonPanel *panel = m_window->lessonPanel();
    QVERIFY(panel->findChild<QLabel *>("taskGoal")->text().contains("half"));
    runFor(m_window->host(), 5 * sim::engine::kSecond);
    panel->refreshChecks();
    QCOMPARE(panel->taskChecks()->marks().size(), std::size_t(2));
    QCOMPARE(panel->taskChecks()->marks().front(), Mark::Pending);

    m_window->weightsPanel()->slider("default", "app", 0)->setValue(sliderValue);
    runFor(m_window->host(), 40 * sim::engine::kSecond);
    // The marks refresh on the frame driver's frames, at most every quarter second of wall time.
    QTest::qWait(300);
    m_window->host()->advance(kFrame);
    const std::vector<Mark> marks = panel->taskChecks()->marks();
    QCOMPARE(marks.front(), green ? Mark::Passed : Mark::Pending);
    QCOMPARE(marks.back(), Mark::Passed);  // nothing failed, whatever the split
}

void TestLessonPanel::showSolutionDoesTheTask()
{
    goToStep(3);  // "All on v2"
    ui::LessonPanel *panel = m_window->lessonPanel();
    auto *hint = panel->findChild<QLabel *>("taskHint");
    QVERIFY(hint->isHidden());
    buttonOf(panel, "hintButton")->click();
    QVERIFY(!hint->isHidden());
    QVERIFY(hint->text().contains("app-v1 0"));
    buttonOf(panel, "solutionButton")->click();
    QVERIFY(!buttonOf(panel, "solutionButton")->isEnabled());
    QVERIFY(runUntilSettled(m_window->host(), panel->session()));
    panel->refreshChecks();
    QCOMPARE(panel->taskChecks()->marks(), (std::vector<Mark>{Mark::Passed, Mark::Passed}));
    QCOMPARE(m_window->weightsPanel()->slider("default", "app", 0)->value(), 0);
    QVERIFY(!buttonOf(panel, "nextButton")->isEnabled());  // the last step
    QVERIFY(!panel->findChild<QLabel *>("lessonDone")->isHidden());
}

void TestLessonPanel::openingManifestsEndsTheLesson()
{
    QVERIFY(m_window->openPaths({kCanaryLesson}));
    ui::LessonPanel *panel = m_window->lessonPanel();
    QVERIFY(panel->isActive());
    QVERIFY(m_window->openPaths({kCanaryLesson + "/apps.yaml"}));
    QVERIFY(!panel->isActive());
    QVERIFY(!panel->isVisible());
}

void TestLessonPanel::screenshot()
{
    goToStep(2);
    m_window->weightsPanel()->slider("default", "app", 0)->setValue(50);
    runFor(m_window->host(), 35 * sim::engine::kSecond);
    m_window->lessonPanel()->refreshChecks();
    QTest::qWait(50);
    const QDir dir(QStringLiteral(KUBESIM_SCREENSHOT_DIR));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    const QString path = dir.filePath(QStringLiteral("window-lesson.png"));
    QVERIFY(m_window->grab().save(path));
    QVERIFY(QImage(path).width() > 0);
}

QTEST_MAIN(TestLessonPanel)
#include "test_lessonpanel.moc"
