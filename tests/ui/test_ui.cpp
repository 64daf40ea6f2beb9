#include "tests/common/canarycluster.h"
#include "ui/edgeitem.h"
#include "ui/inspectorpanel.h"
#include "ui/mainwindow.h"
#include "ui/nodeitem.h"
#include "ui/simulationhost.h"
#include "ui/topologyscene.h"
#include "ui/topologyview.h"
#include "ui/weightspanel.h"

#include "sim/manifest/encoder.h"

#include <QApplication>
#include <QDir>
#include <QTimer>
#include <QTemporaryDir>
#include <QSlider>
#include <QtTest>

using namespace kubesim::testing;
namespace ids = sim::topology::ids;

namespace {

std::vector<int> routeWeights(ui::SimulationHost *host)
{
    std::vector<int> out;
    auto route = host->simulation().store().get(sim::api::Kind::HTTPRoute, "default", "app");
    for (const auto &ref : route->as<sim::api::HTTPRoute>().spec.rules[0].backendRefs)
        out.push_back(ref.weight);
    return out;
}

// The canary lesson's manifests: Gateway web, HTTPRoute app 90/10 to app-v1 and app-v2.
std::vector<std::string> lessonPaths()
{
    const std::string dir = KUBESIM_SOURCE_DIR "/scenarios/09-canary-weights/";
    return {dir + "gateway.yaml", dir + "apps.yaml", dir + "route.yaml"};
}

// Every object a user wrote (not what controllers made), as it would be saved.
std::string userObjects(const sim::store::Store &store)
{
    std::string out;
    sim::manifest::EncodeOptions options;
    options.includeStatus = false;
    for (const sim::api::KindInfo &info : sim::api::allKinds())
        for (const sim::api::ObjectPtr &obj : store.list(info.kind))
            if (obj->metadata.ownerReferences.empty() && !obj->metadata.labels.count(sim::api::kManagedByLabel))
                out += sim::manifest::toYaml(*obj, options);
    return out;
}

// Runs `frames` frames of `step` simulated time each, as the frame driver would.
void runFrames(ui::SimulationHost *host, int frames, sim::engine::SimTime step = 50 * sim::engine::kMillisecond)
{
    for (int i = 0; i < frames; ++i)
        host->advance(step);
}

double observedShare(ui::TopologyScene *scene, const std::string &service)
{
    const std::string rule = ids::routeRule("default", "app", 0);
    const double v1 = scene->traffic().count({rule, ids::service("default", "app-v1")});
    const double v2 = scene->traffic().count({rule, ids::service("default", "app-v2")});
    return (service == "app-v1" ? v1 : v2) / std::max(1.0, v1 + v2);
}

} // namespace

class TestUi : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void canvasShowsTheCanary();
    void weightSliderChangesTheRouteAndUndoRestoresIt();
    void clickingAnObjectSelectsItInTheInspector();
    void themesAndPresenterMode();
    void lessonOpensAndParticlesMove();
    void sliderMovesTheObservedSplit();
    void saveSandboxThenOpenGivesTheSameObjects();
    void brokenManifestChangesNothing();
    void screenshots_data();
    void screenshots();

private:
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestUi::init()
{
    QCoreApplication::setOrganizationName(QStringLiteral("kubesim-tests"));
    m_window = std::make_unique<ui::MainWindow>();
    m_window->resize(1440, 900);
    canary(m_window->host()->simulation().store());
    m_window->host()->flushChanges();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUi::cleanup()
{
    m_window.reset();
}

void TestUi::canvasShowsTheCanary()
{
    ui::TopologyScene *scene = m_window->scene();
    QVERIFY(scene->nodeItem(ids::gateway("default", "web")));
    QVERIFY(scene->nodeItem(ids::routeRule("default", "app", 0)));
    QVERIFY(scene->nodeItem(ids::pod("default", "app-v2-5d9c7-p0")));
    ui::EdgeItem *split = scene->edgeItem(ids::routeRule("default", "app", 0), ids::service("default", "app-v1"));
    QVERIFY(split);
    QVERIFY(split->label().startsWith(QStringLiteral("90 % set")));
    // Services sit right of the rule, pods right of the Services.
    QVERIFY(scene->nodeItem(ids::service("default", "app-v1"))->x() > scene->nodeItem(ids::routeRule("default", "app", 0))->x());
    QVERIFY(scene->nodeItem(ids::pod("default", "app-v1-5d9c7-p0"))->x() > scene->nodeItem(ids::service("default", "app-v1"))->x());
}

void TestUi::weightSliderChangesTheRouteAndUndoRestoresIt()
{
    QSlider *slider = m_window->weightsPanel()->slider("default", "app", 0);
    QVERIFY(slider);
    QCOMPARE(slider->value(), 90);
    slider->setValue(70);
    QCOMPARE(routeWeights(m_window->host()), (std::vector<int>{70, 30}));
    QVERIFY(m_window->scene()->edgeItem(ids::routeRule("default", "app", 0), ids::service("default", "app-v2"))
                ->label().startsWith(QStringLiteral("30 % set")));
    m_window->host()->undoStack()->undo();
    QCOMPARE(routeWeights(m_window->host()), (std::vector<int>{90, 10}));
    QCOMPARE(slider->value(), 90);
}

void TestUi::clickingAnObjectSelectsItInTheInspector()
{
    ui::NodeItem *svc = m_window->scene()->nodeItem(ids::service("default", "app-v2"));
    QVERIFY(svc);
    ui::TopologyView *view = m_window->view();
    const QPoint at = view->mapFromScene(svc->sceneBoundingRect().center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(svc->isSelected());
    QCOMPARE(m_window->inspector()->title(), QStringLiteral("Service app-v2"));
    QVERIFY(m_window->inspector()->object());
}

void TestUi::themesAndPresenterMode()
{
    m_window->setThemeChoice(ui::MainWindow::ThemeChoice::Dark);
    QVERIFY(m_window->theme().isDark);
    m_window->setPresenterMode(true);
    QVERIFY(m_window->theme().isPresenter);
    QVERIFY(m_window->theme().fontScale > 1.0);
    m_window->setPresenterMode(false);
    m_window->setThemeChoice(ui::MainWindow::ThemeChoice::Light);
    QVERIFY(!m_window->theme().isDark);
    QVERIFY(!m_window->theme().isPresenter);
}

void TestUi::lessonOpensAndParticlesMove()
{
    QVERIFY(m_window->openPaths(lessonPaths()));
    ui::TopologyScene *scene = m_window->scene();
    QVERIFY(scene->nodeItem(ids::gateway("default", "web")));
    QVERIFY(scene->nodeItem(ids::service("default", "app-v2")));
    runFrames(m_window->host(), 20);
    const std::vector<QPointF> before = scene->particlePositions();
    QVERIFY2(!before.empty(), "requests are in flight after a second");
    runFrames(m_window->host(), 1, 16 * sim::engine::kMillisecond);
    const std::vector<QPointF> after = scene->particlePositions();
    QVERIFY(!after.empty());
    QVERIFY2(before != after, "particles moved between two frames");
}

void TestUi::sliderMovesTheObservedSplit()
{
    QVERIFY(m_window->openPaths(lessonPaths()));
    runFrames(m_window->host(), 200);  // 10 s at 40 requests per second
    QVERIFY(observedShare(m_window->scene(), "app-v2") < 0.25);
    QSlider *slider = m_window->weightsPanel()->slider("default", "app", 0);
    QVERIFY(slider);
    slider->setValue(50);
    QCOMPARE(routeWeights(m_window->host()), (std::vector<int>{50, 50}));
    runFrames(m_window->host(), 300);  // 15 s: the 10 s window holds only requests sent after the change
    const double share = observedShare(m_window->scene(), "app-v2");
    QVERIFY2(share > 0.35 && share < 0.65, qPrintable(QString::number(share)));
}

void TestUi::saveSandboxThenOpenGivesTheSameObjects()
{
    QVERIFY(m_window->openPaths(lessonPaths()));
    m_window->weightsPanel()->slider("default", "app", 0)->setValue(75);
    const std::string before = userObjects(m_window->host()->simulation().store());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("sandbox.yaml"));
    QVERIFY(m_window->saveSandbox(file));
    QVERIFY(m_window->openPaths({file.toStdString()}));
    QCOMPARE(userObjects(m_window->host()->simulation().store()), before);
    QCOMPARE(routeWeights(m_window->host()), (std::vector<int>{75, 25}));
}

void TestUi::brokenManifestChangesNothing()
{
    QVERIFY(m_window->openPaths(lessonPaths()));
    const std::string before = userObjects(m_window->host()->simulation().store());
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("broken.yaml")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("apiVersion: v1\nkind: Service\nmetadata:\n  name: Not_A_Name\nspec:\n  ports: [{port: 99999}]\n");
    broken.close();
    // The error dialog is modal: close it as a user would.
    QTimer::singleShot(0, [] {
        if (QWidget *box = QApplication::activeModalWidget())
            box->close();
    });
    QVERIFY(!m_window->openPaths({broken.fileName().toStdString()}));
    QCOMPARE(userObjects(m_window->host()->simulation().store()), before);
}

void TestUi::screenshots_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("presenter");
    QTest::newRow("light") << "window-light" << false << false;
    QTest::newRow("dark") << "window-dark" << true << false;
    QTest::newRow("presenter") << "window-presenter" << false << true;
}

void TestUi::screenshots()
{
    QFETCH(QString, name);
    QFETCH(bool, dark);
    QFETCH(bool, presenter);
    m_window->setThemeChoice(dark ? ui::MainWindow::ThemeChoice::Dark : ui::MainWindow::ThemeChoice::Light);
    m_window->setPresenterMode(presenter);
    QVERIFY(m_window->openPaths(lessonPaths()));
    runFrames(m_window->host(), 120);
    QTest::qWait(50);
    const QDir dir(QStringLiteral(KUBESIM_SCREENSHOT_DIR));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    const QString path = dir.filePath(name + QStringLiteral(".png"));
    QVERIFY(m_window->grab().save(path));
    QVERIFY(QImage(path).width() > 0);
    m_window->setPresenterMode(false);
    m_window->setThemeChoice(ui::MainWindow::ThemeChoice::Light);
}

QTEST_MAIN(TestUi)
#include "test_ui.moc"
