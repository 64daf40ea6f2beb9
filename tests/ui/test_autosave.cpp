// No lost work: the window's autosave (ui/autosave.h) writes only when something changed, brings objects,
// lesson step and unapplied YAML back after a crash, leaves nothing to offer after a clean quit, keeps a
// second kubesim out of its folder, and a kubesim killed while it saves always leaves a save that loads.

#include "tests/common/kubesimprocess.h"
#include "tests/ui/uitestsupport.h"
#include "sim/manifest/loader.h"
#include "sim/scenario/lessonsession.h"
#include "sim/simulation.h"
#include "ui/autosave.h"
#include "ui/consolepanel.h"
#include "ui/inspectorpanel.h"
#include "ui/lessonpanel.h"
#include "ui/mainwindow.h"
#include "ui/objectyamleditor.h"
#include "ui/simulationhost.h"
#include "ui/weightspanel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSlider>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <random>

using namespace kubesim::testing;

namespace {

const QString kCanaryLesson = QStringLiteral(KUBESIM_SOURCE_DIR "/scenarios/09-canary-weights");

// Answers the next message box with `button`, as a user would click it.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    auto *timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, [timer, button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            box->button(button)->click();
        }
    });
    timer->start(10);
}

// An unapplied edit in the inspector's YAML of Service app-v2: its port, typed but not applied.
QString editServiceYaml(ui::MainWindow &window)
{
    window.inspector()->showObject({sim::api::Kind::Service, QStringLiteral("default"), QStringLiteral("app-v2")});
    QPlainTextEdit *editor = window.inspector()->yamlEditor()->editor();
    QTextCursor cursor = editor->document()->find(QStringLiteral("port: 80"));
    cursor.insertText(QStringLiteral("port: 8081"));
    return editor->toPlainText();
}

// Every object a save's text holds, or an empty list and a failure when it does not load.
std::vector<sim::manifest::Document> loadSave(const std::string &text)
{
    const sim::manifest::LoadResult loaded = sim::manifest::loadText(text, "sandbox.yaml");
    return loaded.ok() ? loaded.documents : std::vector<sim::manifest::Document>{};
}

} // namespace

class TestAutosave : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void savesOnlyWhenSomethingChanged_data();
    void savesOnlyWhenSomethingChanged();
    void restoresAfterACrash_data();
    void restoresAfterACrash();
    void killBeforeAnyChangeOffersNothing_data();
    void killBeforeAnyChangeOffersNothing();
    void cleanQuitLeavesNothingToOffer();
    void secondKubesimKeepsOut();
    void killedWhileSavingLeavesASaveThatLoads();
    void sandboxLeavesOutUntouchedSystemNamespaces();

private:
    QTemporaryDir m_data;
};

void TestAutosave::initTestCase()
{
    QVERIFY(m_data.isValid());
    // Autosaves go to the user's data folder: here, a temporary one.
    qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("kubesim-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_autosave"));
}

void TestAutosave::init()
{
    QDir(ui::Autosave::defaultFolder()).removeRecursively();
}

void TestAutosave::savesOnlyWhenSomethingChanged_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("saves");
    QTest::newRow("time passes (controllers change status)") << "frames" << false;
    QTest::newRow("nothing") << "" << false;
    QTest::newRow("weight slider") << "slider" << true;
    QTest::newRow("console scale") << "console" << true;
    QTest::newRow("unapplied YAML edit") << "yaml" << true;
}

void TestAutosave::savesOnlyWhenSomethingChanged()
{
    QFETCH(QString, change);
    QFETCH(bool, saves);
    ui::MainWindow window;
    QVERIFY(window.openPaths(lessonPaths()));
    ui::Autosave *autosave = window.autosave();
    QVERIFY(autosave->start(3600 * 1000));  // the test saves by hand
    QVERIFY(autosave->saveNow());
    QCOMPARE(autosave->saves(), 1);
    if (change == QLatin1String("frames"))
        runFrames(window.host(), 100);
    else if (change == QLatin1String("slider"))
        window.weightsPanel()->slider("default", "app", 0)->setValue(70);
    else if (change == QLatin1String("console"))
        window.console()->run(QStringLiteral("kubectl scale deployment app-v2 --replicas=2"));
    else if (change == QLatin1String("yaml"))
        editServiceYaml(window);
    QVERIFY(autosave->saveNow());
    QCOMPARE(autosave->saves(), saves ? 2 : 1);

    // What is on disk is the window's sandbox, and it loads.
    const std::optional<ui::AutosaveState> saved = ui::Autosave::read(autosave->folder());
    QVERIFY(saved);
    QVERIFY(!saved->cleanQuit);
    QCOMPARE(saved->objects, ui::Autosave::sandboxYaml(window.host()->simulation().store()));
    QVERIFY(!loadSave(saved->objects).empty());
    QCOMPARE(saved->editorText.isEmpty(), change != QLatin1String("yaml"));
}

void TestAutosave::restoresAfterACrash_data()
{
    QTest::addColumn<bool>("lesson");
    QTest::newRow("manifests") << false;
    QTest::newRow("lesson at step 3") << true;
}

void TestAutosave::restoresAfterACrash()
{
    QFETCH(bool, lesson);
    std::string objects;
    QString edited;
    {
        ui::MainWindow crashed;
        if (lesson) {
            QVERIFY(crashed.openPaths({kCanaryLesson.toStdString()}));
            crashed.lessonPanel()->next();
            crashed.lessonPanel()->next();
        } else {
            QVERIFY(crashed.openPaths(lessonPaths()));
        }
        QVERIFY(crashed.startAutosave());
        crashed.weightsPanel()->slider("default", "app", 0)->setValue(35);
        edited = editServiceYaml(crashed);
        QVERIFY(crashed.autosave()->saveNow());
        objects = ui::Autosave::sandboxYaml(crashed.host()->simulation().store());
        // Gone without closing: no clean quit marks the save.
    }
    ui::MainWindow next;
    answerNextMessageBox(QMessageBox::Yes);
    QVERIFY(next.offerRestore());
    QCOMPARE(routeWeights(next.host()), (std::vector<int>{35, 65}));
    QCOMPARE(ui::Autosave::sandboxYaml(next.host()->simulation().store()), objects);
    QCOMPARE(next.lessonPanel()->isActive(), lesson);
    if (lesson)
        QCOMPARE(next.lessonPanel()->session()->stepIndex(), std::size_t(2));
    QCOMPARE(next.inspector()->title(), QStringLiteral("Service app-v2"));
    QVERIFY(next.inspector()->yamlEditor()->hasEdits());
    QCOMPARE(next.inspector()->yamlEditor()->editor()->toPlainText(), edited);
    QVERIFY2(next.host()->hasUnsavedChanges(), "restored work is in no file yet: quitting asks");
}

void TestAutosave::killBeforeAnyChangeOffersNothing_data()
{
    QTest::addColumn<bool>("lesson");
    QTest::addColumn<int>("steps");
    QTest::addColumn<bool>("offered");
    QTest::newRow("manifests opened, nothing done") << false << 0 << false;
    QTest::newRow("lesson opened, nothing done") << true << 0 << false;
    QTest::newRow("lesson moved on one step") << true << 1 << true;
}

// A kubesim killed before the learner did anything (a screenshot, a demo stopped with kill) must not
// greet the next start with a question that hides the lesson it opens on.
void TestAutosave::killBeforeAnyChangeOffersNothing()
{
    QFETCH(bool, lesson);
    QFETCH(int, steps);
    QFETCH(bool, offered);
    {
        ui::MainWindow killed;
        QVERIFY(killed.openPaths(lesson ? std::vector<std::string>{kCanaryLesson.toStdString()} : lessonPaths()));
        for (int step = 0; step < steps; ++step)
            killed.lessonPanel()->next();
        QVERIFY(killed.startAutosave());
        QVERIFY(killed.autosave()->saveNow());
    }
    const std::optional<ui::AutosaveState> saved = ui::Autosave::read(ui::Autosave::defaultFolder());
    QVERIFY(saved);
    QVERIFY(!saved->cleanQuit);
    QCOMPARE(saved->edited, offered);
    ui::MainWindow next;
    QCOMPARE(next.autosave()->leftover().has_value(), offered);
    if (!offered)
        QVERIFY(!next.offerRestore());  // returns at once: no message box waits for an answer
}

void TestAutosave::cleanQuitLeavesNothingToOffer()
{
    {
        ui::MainWindow window;
        QVERIFY(window.openPaths(lessonPaths()));
        QVERIFY(window.startAutosave());
        window.weightsPanel()->slider("default", "app", 0)->setValue(20);
        window.show();
        answerNextMessageBox(QMessageBox::Discard);  // "Discard changes?"
        QVERIFY(window.close());
    }
    const std::optional<ui::AutosaveState> saved = ui::Autosave::read(ui::Autosave::defaultFolder());
    QVERIFY(saved);
    QVERIFY(saved->cleanQuit);
    ui::MainWindow next;
    QVERIFY(!next.autosave()->leftover());
    QVERIFY(!next.offerRestore());
}

void TestAutosave::secondKubesimKeepsOut()
{
    ui::MainWindow first;
    QVERIFY(first.startAutosave());
    ui::MainWindow second;
    QVERIFY2(!second.startAutosave(), "two windows would overwrite each other's saves");
    QVERIFY(!second.autosave()->leftover());
}

void TestAutosave::killedWhileSavingLeavesASaveThatLoads()
{
    // A lesson that changes the route's weights every 100 ms of sim time, with 200 ConfigMaps of 1.5 KB so
    // each save writes about 400 KB: kills land before, during and after writes.
    QTemporaryDir work;
    const QDir lesson(work.filePath(QStringLiteral("lesson")));
    QVERIFY(QDir().mkpath(lesson.path()));
    for (const char *name : {"gateway.yaml", "apps.yaml", "route.yaml"})
        QVERIFY(QFile::copy(kCanaryLesson + QLatin1Char('/') + QLatin1String(name), lesson.filePath(QLatin1String(name))));
    QFile configMaps(lesson.filePath(QStringLiteral("configmaps.yaml")));
    QVERIFY(configMaps.open(QIODevice::WriteOnly));
    for (int i = 0; i < 200; ++i)
        configMaps.write(QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: data-%1\ndata:\n  blob: \"%2\"\n")
                             .arg(i)
                             .arg(QString(1500, QLatin1Char('a' + i % 26)))
                             .toUtf8());
    configMaps.close();
    QFile scenario(lesson.filePath(QStringLiteral("scenario.yaml")));
    QVERIFY(scenario.open(QIODevice::WriteOnly));
    scenario.write("title: weights that never rest\nsummary: for the autosave test\nlevel: beginner\nsteps:\n"
                   "  - title: changing\n    text: The weights change every 100 ms.\n    actions:\n"
                   "      - apply: [gateway.yaml, apps.yaml, route.yaml, configmaps.yaml]\n");
    for (int i = 0; i < 240; ++i)  // 481 actions: a scenario list holds at most 500
        scenario.write(QStringLiteral("      - setWeights: {route: app, weights: {app-v1: %1, app-v2: %2}}\n      - wait: 100ms\n")
                           .arg(i % 100)
                           .arg(100 - i % 100)
                           .toUtf8());
    scenario.close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), work.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), work.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("KUBESIM_AUTOSAVE_INTERVAL_MS"), QStringLiteral("40"));
    const QString folder = work.filePath(QStringLiteral("data/kubesim/kubesim/autosave"));
    QFile objectsFile(folder + QStringLiteral("/sandbox.yaml"));

    std::mt19937 rng(6);
    constexpr int kRounds = 6;
    for (int round = 0; round < kRounds; ++round) {
        std::unique_ptr<QProcess> kubesim = kubesimtest::startKubesim({lesson.path()}, environment);
        QVERIFY(kubesim->waitForStarted());
        // Wait for the weights to have changed between saves twice, then kill at a random moment.
        QSet<QByteArray> seen;
        QElapsedTimer waited;
        waited.start();
        while (seen.size() < 3 && waited.elapsed() < 60000 && kubesim->state() == QProcess::Running) {
            QTest::qWait(5);
            if (objectsFile.open(QIODevice::ReadOnly)) {
                seen.insert(QCryptographicHash::hash(objectsFile.readAll(), QCryptographicHash::Md5));
                objectsFile.close();
            }
        }
        QVERIFY2(seen.size() >= 3, qPrintable(QStringLiteral("round %1: only %2 saves seen").arg(round).arg(seen.size())));
        QTest::qWait(std::uniform_int_distribution<int>(0, 120)(rng));
        kubesim->kill();
        QVERIFY(kubesim->waitForFinished());

        QString error;
        const std::optional<ui::AutosaveState> saved = ui::Autosave::read(folder, &error);
        QVERIFY2(saved, qPrintable(error));
        QVERIFY(!saved->cleanQuit);
        QCOMPARE(QDir(saved->lessonFolder).canonicalPath(), QDir(lesson.path()).canonicalPath());
        const std::vector<sim::manifest::Document> documents = loadSave(saved->objects);
        QVERIFY(!documents.empty());
        sim::Simulation restored;
        QVERIFY(restored.apply(documents).ok);
        QCOMPARE(restored.store().count(sim::api::Kind::ConfigMap), std::size_t(200));
        QVERIFY(restored.store().get(sim::api::Kind::HTTPRoute, "default", "app"));
    }

    // Only the lesson moved the weights, so the next start does not ask (nor did the starts above); the
    // last save still brings the lesson and its weights back.
    ui::Autosave left(folder, [] { return ui::AutosaveState{}; });
    QVERIFY(!left.leftover());
    const std::optional<ui::AutosaveState> last = ui::Autosave::read(folder);
    QVERIFY(last);
    QVERIFY(!last->edited);
    ui::MainWindow next;
    QVERIFY(next.restoreAutosave(*last));
    QVERIFY(next.lessonPanel()->isActive());
    QCOMPARE(ui::Autosave::sandboxYaml(next.host()->simulation().store()), last->objects);
}

void TestAutosave::sandboxLeavesOutUntouchedSystemNamespaces()
{
    sim::Simulation simulation;
    QCOMPARE(ui::Autosave::sandboxYaml(simulation.store()), std::string());
    // A label of the user's on a system namespace (one an allowedRoutes selector reads, say) is the user's work.
    sim::api::Object ns = *simulation.store().get(sim::api::Kind::Namespace, "", "kube-public");
    ns.metadata.labels.edit()["shared-gateway-access"] = "true";
    QVERIFY(simulation.applyObjects({ns}).ok);
    const std::string yaml = ui::Autosave::sandboxYaml(simulation.store());
    QVERIFY2(yaml.find("name: kube-public") != std::string::npos, yaml.c_str());
    QVERIFY2(yaml.find("shared-gateway-access") != std::string::npos, yaml.c_str());
    QVERIFY2(yaml.find("name: default") == std::string::npos, yaml.c_str());
}

QTEST_MAIN(TestAutosave)
#include "test_autosave.moc"
