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
#include "sim/traffic/exchangeformat.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QTimer>
#include <QTemporaryDir>
#include <QSlider>
#include <QStatusBar>
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
    void clickingAParticlePausesAndShowsItsTrace_data();
    void clickingAParticlePausesAndShowsItsTrace();
    void clickingARulePointsAtItsYamlLines();
    void ingressLinesArePointedAt_data();
    void ingressLinesArePointedAt();
    void canarySliderSetsCanaryWeight_data();
    void canarySliderSetsCanaryWeight();
    void podsInsideNodeBoxes_data();
    void podsInsideNodeBoxes();
    void exportCanvas_data();
    void exportCanvas();
    void droppedFilesOpen();
    void unsavedChangesAreTracked();
    void screenshots_data();
    void screenshots();

private:
    void showPanel(const QString &panel);
    void clickCard(const std::string &id);
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestUi::init()
{
    QCoreApplication::setOrganizationName(QStringLiteral("kubesim-tests"));
    QSettings().remove(QStringLiteral("view/podsInNodes"));  // each test starts with Deployment frames
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
    // The split's label is drawn above the requests in flight, not hidden under them.
    const QPointF labelCentre = split->labelRect().center();
    const QList<QGraphicsItem *> stack = scene->items(labelCentre, Qt::IntersectsItemShape, Qt::DescendingOrder);
    QVERIFY(!stack.isEmpty());
    QCOMPARE(stack.front(), static_cast<const QGraphicsItem *>(split->labelItem()));
    QVERIFY(std::find(stack.begin(), stack.end(), static_cast<QGraphicsItem *>(split)) != stack.end());
    // Particles move at an even speed: the curve's samples are equally far apart along it.
    std::vector<qreal> steps;
    for (int i = 0; i < 32; ++i)
        steps.push_back(QLineF(split->pointAt(i / 32.0), split->pointAt((i + 1) / 32.0)).length());
    const auto [shortest, longest] = std::minmax_element(steps.begin(), steps.end());
    QVERIFY2(*longest - *shortest < 0.01 * *longest, qPrintable(QStringLiteral("%1 .. %2").arg(*shortest).arg(*longest)));
    QCOMPARE(split->pointAt(0), split->from()->outPort());
    QCOMPARE(split->pointAt(1), split->to()->inPort());
    // With its longest text the label stays in the gap between the rule's card and the Service's.
    split->setTraffic(33.4, 40, 0.908);
    QVERIFY(split->label().endsWith(QStringLiteral("33 rps")));
    QVERIFY(!split->labelRect().intersects(split->from()->sceneBoundingRect()));
    QVERIFY(!split->labelRect().intersects(split->to()->sceneBoundingRect()));
    // The status bar (refreshed every 15th frame) counts in words: one route, not "1 routes".
    runFrames(m_window->host(), 15);
    QStringList status;
    for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
        status << label->text();
    QVERIFY2(status.join('|').contains(QStringLiteral("2 Services · ")), qPrintable(status.join('|')));
    QVERIFY2(status.join('|').contains(QStringLiteral(" · 1 route|")), qPrintable(status.join('|')));
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

void TestUi::clickingAParticlePausesAndShowsItsTrace_data()
{
    QTest::addColumn<bool>("ingress");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("Gateway with weights") << false
                                          << QStringList{"entry: Gateway default/web", "listener: listener",
                                                         "rule: HTTPRoute default/app rule 0", "backend: Service default/app-v",
                                                         "endpoint: ", "pod: pod default/app-v"};
    QTest::newRow("ingress-nginx canary") << true
                                          << QStringList{"entry: ingress-nginx controller of IngressClass nginx",
                                                         "host: server app.example.com", "path: ", "canary: ",
                                                         "endpoint: ", "pod: pod default/app-v"};
}

void TestUi::clickingAParticlePausesAndShowsItsTrace()
{
    QFETCH(bool, ingress);
    QFETCH(QStringList, expected);
    QVERIFY(m_window->openPaths(ingress ? ingressCanaryPaths() : lessonPaths()));
    // Only requests the routes serve: the built-in clients' bare address has no host to match.
    sim::traffic::TrafficSystem &traffic = m_window->host()->simulation().traffic();
    traffic.stopLoad(*traffic.findLoad("clients"));
    QVERIFY(m_window->trafficPanel()->start({QStringLiteral("/"), QStringLiteral("GET"), QStringLiteral("Host: app.example.com"), 40, 4, false}));
    m_window->host()->play();
    runFrames(m_window->host(), 40);
    ui::TopologyScene *scene = m_window->scene();
    const std::vector<QPointF> particles = scene->particlePositions();
    QVERIFY(!particles.empty());
    ui::TopologyView *view = m_window->view();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(particles.front()));
    QVERIFY2(!m_window->host()->isPlaying(), "clicking a request pauses time");
    const QString title = m_window->inspector()->title();
    QVERIFY2(title.startsWith(QStringLiteral("Request #")), qPrintable(title));
    const QStringList hops = m_window->inspector()->detailRows();
    QVERIFY2(hops.size() >= 2, qPrintable(hops.join(QLatin1Char(','))));
    QCOMPARE(hops.front(), QStringLiteral("+0.000 ms"));

    // The trace is the one the console's curl prints, and it names the pod the particle goes to.
    const std::uint64_t id = title.mid(9).toULongLong();
    const ui::RequestFlight *flight = nullptr;
    for (const ui::RequestFlight *f : m_window->host()->snapshot().flights)
        flight = f->id == id ? f : flight;
    QVERIFY(flight);
    const sim::traffic::Exchange *story = flight->exchange ? flight->exchange.get() : traffic.storyInFlight(id);
    QVERIFY(story);
    const QString trace = m_window->inspector()->traceText();
    QCOMPARE(trace, QString::fromStdString(sim::traffic::ExchangeFormat::toText(*story)));
    QCOMPARE(m_window->inspector()->tabs()->tabText(m_window->inspector()->tabs()->currentIndex()), QStringLiteral("Trace"));
    for (const QString &line : expected)
        QVERIFY2(trace.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + trace));
    QVERIFY2(trace.startsWith(QStringLiteral("GET http://app.example.com/")), qPrintable(trace));
    QString podHop;
    for (const ui::FlightHop &hop : flight->hops)
        if (hop.nodeId.rfind("pod:", 0) == 0)
            podHop = QString::fromStdString(hop.nodeId.substr(4));
    QVERIFY2(!podHop.isEmpty(), "the request reached a pod");
    QVERIFY2(trace.contains(QStringLiteral("pod: pod %1 ").arg(podHop)), qPrintable(podHop + QStringLiteral("\n") + trace));
    // Once answered, the same request's trace ends with its response.
    m_window->host()->play();
    runFrames(m_window->host(), 4);
    for (const ui::RequestFlight *f : m_window->host()->snapshot().flights)
        if (f->id == id && f->isFinished) {
            QVERIFY(f->exchange);
            QCOMPARE(f->exchange->status, 200);
            QVERIFY(f->exchange->trace.steps().back().stage == "response");
        }
}

void TestUi::clickCard(const std::string &id)
{
    ui::NodeItem *card = m_window->scene()->nodeItem(id);
    QVERIFY2(card, id.c_str());
    ui::TopologyView *view = m_window->view();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(card->sceneBoundingRect().center()));
}

void TestUi::clickingARulePointsAtItsYamlLines()
{
    QVERIFY(m_window->openPaths(lessonPaths()));
    clickCard(ids::routeRule("default", "app", 0));
    QCOMPARE(m_window->inspector()->title(), QStringLiteral("HTTPRoute app"));
    ui::ObjectYamlEditor *yaml = m_window->inspector()->yamlEditor();
    QCOMPARE(m_window->inspector()->tabs()->currentWidget(), yaml);
    const QList<int> lines = yaml->pointedLines();
    const QStringList text = yaml->editor()->toPlainText().split(QLatin1Char('\n'));
    int weights = 0, matches = 0;
    for (int line : lines) {
        const QString shown = text.at(line - 1);
        weights += shown.contains(QStringLiteral("weight:")) ? 1 : 0;
        matches += shown.contains(QStringLiteral("matches:")) || shown.contains(QStringLiteral("path:"))
                           || shown.contains(QStringLiteral("value:")) || shown.contains(QStringLiteral("type:"))
                       ? 1
                       : 0;
    }
    QCOMPARE(weights, 2);  // app-v1 90, app-v2 10
    QVERIFY2(matches >= 1, qPrintable(text.join(QLatin1Char('\n'))));
    QCOMPARE(weights + matches, static_cast<int>(lines.size()));
}

void TestUi::ingressLinesArePointedAt_data()
{
    QTest::addColumn<bool>("canary");
    QTest::addColumn<QStringList>("pointed");
    QTest::addColumn<QStringList>("notPointed");
    // Clicking the main Ingress's path on the canvas: its host and path; the canary panel's title: the annotations.
    QTest::newRow("main path on the canvas") << false
                                             << QStringList{"host: app.example.com", "path: /", "pathType: Prefix", "name: app-v1"}
                                             << QStringList{"ingressClassName", "name: app\n"};
    QTest::newRow("canary from the Canary panel")
        << true
        << QStringList{"nginx.ingress.kubernetes.io/canary: \"true\"", "nginx.ingress.kubernetes.io/canary-weight: \"10\"",
                       "host: app.example.com", "path: /", "name: app-v2"}
        << QStringList{"ingressClassName", "name: app-canary"};
}

void TestUi::ingressLinesArePointedAt()
{
    QFETCH(bool, canary);
    QFETCH(QStringList, pointed);
    QFETCH(QStringList, notPointed);
    QVERIFY(m_window->openPaths(ingressCanaryPaths()));
    if (canary) {
        QLabel *title = nullptr;
        for (QLabel *label : m_window->weightsPanel()->findChildren<QLabel *>())
            title = label->text().contains(QStringLiteral("Ingress app-canary")) ? label : title;
        QVERIFY(title);
        emit title->linkActivated(QStringLiteral("#"));
        QCOMPARE(m_window->inspector()->title(), QStringLiteral("Ingress app-canary"));
    } else {
        clickCard(ids::ingressRule("default", "app", 0));
        QCOMPARE(m_window->inspector()->title(), QStringLiteral("Ingress app"));
    }
    ui::ObjectYamlEditor *yaml = m_window->inspector()->yamlEditor();
    QCOMPARE(m_window->inspector()->tabs()->currentWidget(), yaml);
    const QStringList text = yaml->editor()->toPlainText().split(QLatin1Char('\n'));
    QString marked;
    for (int line : yaml->pointedLines())
        marked += text.at(line - 1).trimmed() + QLatin1Char('\n');
    for (const QString &want : pointed)
        QVERIFY2(marked.contains(want), qPrintable(want + QStringLiteral(" not marked in:\n") + marked));
    for (const QString &unwanted : notPointed)
        QVERIFY2(!(QLatin1Char('\n') + marked).contains(QLatin1Char('\n') + unwanted), qPrintable(unwanted + QStringLiteral(" marked in:\n") + marked));
}

void TestUi::canarySliderSetsCanaryWeight_data()
{
    QTest::addColumn<int>("slider");  // the main Ingress's share, as the bar shows it
    QTest::addColumn<QString>("weight");
    QTest::newRow("half") << 50 << "50";
    QTest::newRow("all to the canary") << 0 << "100";
    QTest::newRow("none to the canary") << 100 << "0";
}

void TestUi::canarySliderSetsCanaryWeight()
{
    QFETCH(int, slider);
    QFETCH(QString, weight);
    QVERIFY(m_window->openPaths(ingressCanaryPaths()));
    sim::traffic::TrafficSystem &traffic = m_window->host()->simulation().traffic();
    traffic.stopLoad(*traffic.findLoad("clients"));
    QVERIFY(m_window->trafficPanel()->start({QStringLiteral("/"), QStringLiteral("GET"), QStringLiteral("Host: app.example.com"), 200, 8, false}));
    const sim::store::Store &store = m_window->host()->simulation().store();
    auto canaryWeight = [&] {
        return QString::fromStdString(store.get(sim::api::Kind::Ingress, "default", "app-canary")
                                          ->metadata.annotation("nginx.ingress.kubernetes.io/canary-weight"));
    };
    QSlider *bar = m_window->weightsPanel()->canarySlider("default", "app-canary");
    QVERIFY(bar);
    QCOMPARE(bar->value(), 90);  // canary-weight "10" of 100
    bar->setValue(slider);
    QCOMPARE(canaryWeight(), weight);
    runFrames(m_window->host(), 300);  // 15 s: the 10 s window holds only requests sent after the change
    m_window->weightsPanel()->refreshObserved();
    // The canvas and the panel see the new split: "Observed over the last 10 s: 50.3 % / 49.7 % of ..."
    const QString observed = m_window->weightsPanel()->canaryObserved("default", "app-canary");
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("([0-9.]+) % / ([0-9.]+) %")).match(observed);
    QVERIFY2(match.hasMatch(), qPrintable(observed));
    QVERIFY2(std::abs(match.captured(2).toDouble() - weight.toDouble()) < 6.0, qPrintable(observed));
    m_window->host()->undoStack()->undo();
    QCOMPARE(canaryWeight(), QStringLiteral("10"));
    QCOMPARE(bar->value(), 90);
}

void TestUi::podsInsideNodeBoxes_data()
{
    QTest::addColumn<bool>("inNodes");
    QTest::newRow("node boxes") << true;
    QTest::newRow("Deployment frames") << false;
}

void TestUi::podsInsideNodeBoxes()
{
    QFETCH(bool, inNodes);
    QVERIFY(m_window->openPaths(lessonPaths()));
    ui::SimulationHost *host = m_window->host();
    m_window->setPodsInNodes(!inNodes);
    m_window->setPodsInNodes(inNodes);
    QCOMPARE(QSettings().value(QStringLiteral("view/podsInNodes")).toBool(), inNodes);
    ui::TopologyScene *scene = m_window->scene();
    // Every pod sits in exactly one frame: its node's, or its Deployment's; frames do not overlap.
    auto checkFrames = [&] {
        const auto frames = scene->podFrames();
        for (std::size_t i = 0; i < frames.size(); ++i)
            for (std::size_t j = i + 1; j < frames.size(); ++j)
                QVERIFY2(!frames[i].second.intersects(frames[j].second), qPrintable(frames[i].first + QStringLiteral(" / ") + frames[j].first));
        int pods = 0;
        for (const sim::api::ObjectPtr &pod : host->simulation().store().list(sim::api::Kind::Pod, "default")) {
            const ui::NodeItem *item = scene->nodeItem(ids::pod("default", pod->metadata.name));
            QVERIFY(item);
            const std::string &node = pod->as<sim::api::Pod>().spec->nodeName;
            const QString want = inNodes ? QStringLiteral("Node %1").arg(QString::fromStdString(node))
                                         : QStringLiteral("Deployment %1").arg(QString::fromStdString(pod->metadata.name).section(QLatin1Char('-'), 0, 1));
            QStringList holders;
            for (const auto &[title, rect] : frames)
                if (rect.contains(item->sceneBoundingRect().center()))
                    holders << title;
            QCOMPARE(holders, QStringList{want});
            ++pods;
        }
        QVERIFY(pods >= 2);
    };
    checkFrames();
    // Stable: new pods join; the pods there keep their order.
    auto order = [&] {
        std::vector<std::pair<qreal, std::string>> out;
        for (const sim::api::ObjectPtr &pod : host->simulation().store().list(sim::api::Kind::Pod, "default"))
            out.emplace_back(scene->nodeItem(ids::pod("default", pod->metadata.name))->pos().y(), pod->metadata.name);
        std::sort(out.begin(), out.end());
        std::vector<std::string> names;
        for (const auto &[y, name] : out)
            names.push_back(name);
        return names;
    };
    const std::vector<std::string> before = order();
    host->runUserCommand([host] { host->simulation().scale(sim::api::Kind::Deployment, "default", "app-v2", 3); });
    runFrames(host, 100);
    // On a loaded machine the window rebuilds the canvas on its 250 ms timer: let the event loop run it.
    QTRY_VERIFY(std::ranges::all_of(host->simulation().store().list(sim::api::Kind::Pod, "default"), [&](const sim::api::ObjectPtr &pod) {
        return scene->nodeItem(ids::pod("default", pod->metadata.name)) != nullptr;
    }));
    std::vector<std::string> after = order();
    QCOMPARE(after.size(), before.size() + 2);
    std::erase_if(after, [&](const std::string &name) { return std::find(before.begin(), before.end(), name) == before.end(); });
    QCOMPARE(after, before);
    checkFrames();
    // A new window opens with the choice remembered.
    ui::MainWindow again;
    QCOMPARE(again.scene()->podsInNodes(), inNodes);
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
    QTest::newRow("request trace") << "window-trace" << false << false << "trace";
    QTest::newRow("node boxes") << "window-nodes" << false << false << "nodes";
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
    } else if (panel == QLatin1String("trace")) {
        const std::vector<QPointF> particles = m_window->scene()->particlePositions();
        QVERIFY(!particles.empty());
        ui::TopologyView *view = m_window->view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(particles.back()));
        QVERIFY(!m_window->inspector()->traceText().isEmpty());
        return;
    } else if (panel == QLatin1String("nodes")) {
        m_window->setPodsInNodes(true);
        runFrames(m_window->host(), 20);
        return;
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
