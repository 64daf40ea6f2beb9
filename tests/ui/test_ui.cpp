#include "tests/common/canarycluster.h"
#include "ui/edgeitem.h"
#include "ui/inspectorpanel.h"
#include "ui/mainwindow.h"
#include "ui/nodeitem.h"
#include "ui/simulationhost.h"
#include "ui/topologyscene.h"
#include "ui/topologyview.h"
#include "ui/weightspanel.h"

#include <QDir>
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
    m_window->host()->advance(sim::engine::kSecond);
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
