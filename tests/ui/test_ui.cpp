#include "tests/common/canarycluster.h"
#include "tests/ui/uitestsupport.h"
#include "ui/consolepanel.h"
#include "ui/edgeitem.h"
#include "ui/eventspanel.h"
#include "ui/objectyamleditor.h"
#include "ui/trafficpanel.h"
#include "ui/inspectorpanel.h"
#include "ui/mainwindow.h"
#include "ui/nodeitem.h"
#include "ui/simulationhost.h"
#include "ui/topologyscene.h"
#include "ui/topologyview.h"
#include "ui/weightspanel.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QTimer>
#include <QTemporaryDir>
#include <QSlider>
#include <QtTest>

using namespace kubesim::testing;
namespace ids = sim::topology::ids;

namespace {

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
    void clickingAParticlePausesAndShowsItsTrace();
    void exportCanvas_data();
    void exportCanvas();
    void droppedFilesOpen();
    void unsavedChangesAreTracked();
    void screenshots_data();
    void screenshots();

private:
    void showPanel(const QString &panel);
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

void TestUi::clickingAParticlePausesAndShowsItsTrace()
{
    QVERIFY(m_window->openPaths(lessonPaths()));
    m_window->host()->play();
    runFrames(m_window->host(), 20);
    ui::TopologyScene *scene = m_window->scene();
    const std::vector<QPointF> particles = scene->particlePositions();
    QVERIFY(!particles.empty());
    ui::TopologyView *view = m_window->view();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(particles.front()));
    QVERIFY2(!m_window->host()->isPlaying(), "clicking a request pauses time");
    QVERIFY2(m_window->inspector()->title().startsWith(QStringLiteral("Request #")), qPrintable(m_window->inspector()->title()));
    const QStringList hops = m_window->inspector()->detailRows();
    QVERIFY2(hops.size() >= 2, qPrintable(hops.join(QLatin1Char(','))));
    QCOMPARE(hops.front(), QStringLiteral("+0.000 ms"));
}

void TestUi::exportCanvas_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("png") << "canvas.png";
    QTest::newRow("svg") << "canvas.svg";
}

void TestUi::exportCanvas()
{
    QFETCH(QString, name);
    QVERIFY(m_window->openPaths(lessonPaths()));
    runFrames(m_window->host(), 20);
    QTemporaryDir dir;
    const QString file = dir.filePath(name);
    QVERIFY(m_window->exportCanvas(file));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    if (name.endsWith(QLatin1String(".svg"))) {
        QVERIFY(bytes.contains("<svg"));
        QVERIFY2(bytes.contains("app-v2"), "card text is in the drawing");
    } else {
        const QImage image = QImage::fromData(bytes, "PNG");
        QCOMPARE(image.size(), m_window->view()->viewport()->size() * 2);
    }
}

void TestUi::droppedFilesOpen()
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const std::string &path : lessonPaths())
        urls << QUrl::fromLocalFile(QString::fromStdString(path));
    mime.setUrls(urls);
    const QPoint at = m_window->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    // The fixture's pods are replaced by those the lesson's Deployments make.
    QTRY_VERIFY(m_window->windowTitle().contains(QStringLiteral("gateway.yaml")));
    QVERIFY(!m_window->host()->simulation().store().get(sim::api::Kind::Pod, "default", "app-v2-5d9c7-p0"));
    QCOMPARE(podsOf(m_window->host()->simulation().store(), "app-v2", true), 1);
}

void TestUi::unsavedChangesAreTracked()
{
    QVERIFY(m_window->openPaths(lessonPaths()));
    QVERIFY(!m_window->host()->hasUnsavedChanges());
    runFrames(m_window->host(), 40);  // controllers change status: not the user's edits
    QVERIFY(!m_window->host()->hasUnsavedChanges());
    m_window->weightsPanel()->slider("default", "app", 0)->setValue(60);
    QVERIFY(m_window->host()->hasUnsavedChanges());
    m_window->host()->undoStack()->undo();
    QVERIFY(!m_window->host()->hasUnsavedChanges());
    m_window->host()->runUserCommand([this] { m_window->host()->simulation().scale(sim::api::Kind::Deployment, "default", "app-v2", 2); });
    QVERIFY(m_window->host()->hasUnsavedChanges());
    QTemporaryDir dir;
    QVERIFY(m_window->saveSandbox(dir.filePath(QStringLiteral("s.yaml"))));
    QVERIFY(!m_window->host()->hasUnsavedChanges());
}

void TestUi::screenshots_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("presenter");
    QTest::addColumn<QString>("panel");  // the bottom tab or Inspector view to show
    QTest::newRow("light") << "window-light" << false << false << "";
    QTest::newRow("dark") << "window-dark" << true << false << "";
    QTest::newRow("presenter") << "window-presenter" << false << true << "";
    QTest::newRow("console") << "window-console" << false << false << "consoleDock";
    QTest::newRow("events") << "window-events" << true << false << "eventsDock";
    QTest::newRow("traffic") << "window-traffic" << false << false << "trafficDock";
    QTest::newRow("yaml error") << "window-yaml" << false << false << "yaml";
}

void TestUi::screenshots()
{
    QFETCH(QString, name);
    QFETCH(bool, dark);
    QFETCH(bool, presenter);
    QFETCH(QString, panel);
    m_window->setThemeChoice(dark ? ui::MainWindow::ThemeChoice::Dark : ui::MainWindow::ThemeChoice::Light);
    m_window->setPresenterMode(presenter);
    QVERIFY(m_window->openPaths(lessonPaths()));
    runFrames(m_window->host(), 500);  // 25 s: the charts have a story to tell
    showPanel(panel);
    QTest::qWait(50);
    const QDir dir(QStringLiteral(KUBESIM_SCREENSHOT_DIR));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    const QString path = dir.filePath(name + QStringLiteral(".png"));
    QVERIFY(m_window->grab().save(path));
    QVERIFY(QImage(path).width() > 0);
    m_window->setPresenterMode(false);
    m_window->setThemeChoice(ui::MainWindow::ThemeChoice::Light);
}

void TestUi::showPanel(const QString &panel)
{
    if (panel == QLatin1String("consoleDock")) {
        m_window->console()->run(QStringLiteral("kubectl get deployments,services"));
        m_window->console()->run(QStringLiteral("kubectl scale deployment app-v2 --replicas=2"));
        m_window->console()->run(QStringLiteral("curl -H 'Host: app.example.com' /"));
        runFrames(m_window->host(), 20);
    } else if (panel == QLatin1String("trafficDock")) {
        m_window->trafficPanel()->start({QStringLiteral("http://app.example.com/"), QStringLiteral("GET"),
                                         QStringLiteral("X-Canary: always"), 25, 4, true});
        m_window->trafficPanel()->start({QStringLiteral("/missing"), QStringLiteral("POST"), QString(), 5, 1, false});
        runFrames(m_window->host(), 200);
        m_window->trafficPanel()->refresh();
    } else if (panel == QLatin1String("eventsDock")) {
        m_window->events()->refresh();
    } else if (panel == QLatin1String("yaml")) {
        m_window->inspector()->showObject(ui::ObjectKey{sim::api::Kind::Service, QStringLiteral("default"), QStringLiteral("app-v2")});
        m_window->inspector()->tabs()->setCurrentIndex(1);
        QTextCursor cursor = m_window->inspector()->yamlEditor()->editor()->document()->find(QStringLiteral("port: 80"));
        QVERIFY(!cursor.isNull());
        cursor.insertText(QStringLiteral("port: 99999"));
        QVERIFY(!m_window->inspector()->yamlEditor()->apply());
        return;
    }
    if (QDockWidget *dock = m_window->findChild<QDockWidget *>(panel))
        dock->raise();
}

QTEST_MAIN(TestUi)
#include "test_ui.moc"
