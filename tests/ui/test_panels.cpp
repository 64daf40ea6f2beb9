// The window's panels on the canary lesson: charts, console, events, traffic and the YAML inspector.

#include "tests/ui/uitestsupport.h"
#include "ui/chartspanel.h"
#include "ui/clusterlauncher.h"
#include "ui/consolecompleter.h"
#include "ui/consolepanel.h"
#include "ui/eventspanel.h"
#include "ui/inspectorpanel.h"
#include "ui/mainwindow.h"
#include "ui/objectyamleditor.h"
#include "ui/topologyscene.h"
#include "ui/trafficpanel.h"
#include "ui/traffictimeline.h"

#include "sim/console/console.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace kubesim::testing;
namespace ids = sim::topology::ids;

namespace {

// The YAML text with the first line containing `find` replaced by `replace` (the whole line).
QString editLine(const QString &yaml, const QString &find, const QString &replace, int *line)
{
    QStringList lines = yaml.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains(find)) {
            lines[i] = replace;
            *line = i + 1;
            return lines.join(QLatin1Char('\n'));
        }
    *line = 0;
    return yaml;
}

// Replaces the editor's text as a user's paste would (so the document counts as edited).
void typeText(QPlainTextEdit *editor, const QString &text)
{
    QTextCursor cursor(editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

std::int32_t replicasOf(ui::SimulationHost *host, const std::string &deployment)
{
    auto d = host->simulation().store().get(sim::api::Kind::Deployment, "default", deployment);
    return d ? d->as<sim::api::Deployment>().spec.replicas : -1;
}

} // namespace

class TestPanels : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void invalidYamlEditChangesNothing_data();
    void invalidYamlEditChangesNothing();
    void validYamlEditIsApplied();
    void consoleScaleChangesReplicasAndPodsAppear();
    void consoleCurlSendsAnAnimatedRequest_data();
    void consoleCurlSendsAnAnimatedRequest();
    void consoleCompletes_data();
    void consoleCompletes();
    void consoleHistoryWalksWithArrows();
    void chartsReceiveData();
    void timelineCountsMatchTheMetrics();
    void chartsExportCsv();
    void chartsScrollBackOverTime();
    void timelineIsDeterministic();
    void eventsDoubleClickInspectsTheObject();
    void eventsPanelFilters_data();
    void eventsPanelFilters();
    void trafficPanelRunsSeveralGenerators();
    void trafficPanelIgnoresGeneratorsOfAReplacedCluster();
    void trafficPanelRejectsBadInput_data();
    void trafficPanelRejectsBadInput();

private:
    ui::SimulationHost *host() const { return m_window->host(); }
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestPanels::init()
{
    QCoreApplication::setOrganizationName(QStringLiteral("kubesim-tests"));
    QSettings().clear();
    m_window = std::make_unique<ui::MainWindow>();
    m_window->resize(1440, 900);
    QVERIFY(m_window->openPaths(lessonPaths()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPanels::cleanup()
{
    m_window.reset();
}

void TestPanels::invalidYamlEditChangesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("find");
    QTest::addColumn<QString>("replace");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("port out of range") << "Service" << "app-v1" << "port: 80" << "    port: 99999" << "spec.ports[0].port";
    QTest::newRow("negative replicas") << "Deployment" << "app-v2" << "replicas:" << "  replicas: -2" << "spec.replicas";
    QTest::newRow("weight out of range") << "HTTPRoute" << "app" << "weight: 90" << "      weight: 1000001" << "weight";
    QTest::newRow("broken YAML") << "Service" << "app-v2" << "selector:" << "  selector: [unclosed" << "";
    QTest::newRow("renamed object") << "Service" << "app-v2" << "name: app-v2" << "  name: app-v3" << "exactly this object";
}

void TestPanels::invalidYamlEditChangesNothing()
{
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(QString, find);
    QFETCH(QString, replace);
    QFETCH(QString, expectedError);
    const std::string before = userObjects(host()->simulation().store());
    m_window->inspector()->showObject(ui::ObjectKey{*sim::api::kindFromName(kind.toStdString()), QStringLiteral("default"), name});
    ui::ObjectYamlEditor *editor = m_window->inspector()->yamlEditor();
    int line = 0;
    typeText(editor->editor(), editLine(editor->editor()->toPlainText(), find, replace, &line));
    QVERIFY2(line > 0, qPrintable(find));
    QVERIFY(editor->hasEdits());
    QVERIFY(!editor->apply());
    QVERIFY(!editor->errors().isEmpty());
    QVERIFY2(editor->errors().join(QLatin1Char('\n')).contains(expectedError), qPrintable(editor->errors().join(QLatin1Char('\n'))));
    QVERIFY2(!editor->errorLines().isEmpty(), "the error is marked on a line");
    if (!expectedError.isEmpty() && expectedError != QLatin1String("exactly this object"))
        QVERIFY2(editor->errorLines().contains(line), qPrintable(QStringLiteral("marked %1, edited %2").arg(editor->errorLines().front()).arg(line)));
    QCOMPARE(userObjects(host()->simulation().store()), before);
    QVERIFY2(editor->hasEdits(), "the user's text is kept to fix it");
    QVERIFY(!host()->hasUnsavedChanges());
}

void TestPanels::validYamlEditIsApplied()
{
    m_window->inspector()->showObject(ui::ObjectKey{sim::api::Kind::Deployment, QStringLiteral("default"), QStringLiteral("app-v2")});
    ui::ObjectYamlEditor *editor = m_window->inspector()->yamlEditor();
    int line = 0;
    typeText(editor->editor(), editLine(editor->editor()->toPlainText(), QStringLiteral("replicas:"), QStringLiteral("  replicas: 3"), &line));
    QVERIFY(line > 0);
    QVERIFY2(editor->apply(), qPrintable(editor->errors().join(QLatin1Char('\n'))));
    QCOMPARE(replicasOf(host(), "app-v2"), 3);
    QVERIFY(!editor->hasEdits());
    QVERIFY(host()->hasUnsavedChanges());
    runFrames(host(), 200);
    QCOMPARE(podsOf(host()->simulation().store(), "app-v2", true), 3);
}

void TestPanels::consoleScaleChangesReplicasAndPodsAppear()
{
    ui::ConsolePanel *console = m_window->console();
    QCOMPARE(podsOf(host()->simulation().store(), "app-v1"), 3);
    console->input()->setText(QStringLiteral("kubectl scale deployment app-v1 --replicas=5"));
    QTest::keyClick(console->input(), Qt::Key_Return);
    QVERIFY2(console->output().contains(QStringLiteral("deployment.apps/app-v1 scaled")), qPrintable(console->output()));
    QCOMPARE(replicasOf(host(), "app-v1"), 5);
    QVERIFY(host()->hasUnsavedChanges());
    runFrames(host(), 200);
    QCOMPARE(podsOf(host()->simulation().store(), "app-v1", true), 5);
    // The canvas shows them: five pod cards in Deployment app-v1's frame. On a loaded machine a rebuild can
    // take over 30 ms, and the window then rebuilds on its 250 ms timer: let the event loop run it.
    auto cards = [this] {
        int n = 0;
        for (const auto &node : m_window->scene()->graph().nodes())
            n += node.role == sim::topology::NodeRole::Pod && node.name.rfind("app-v1-", 0) == 0 ? 1 : 0;
        return n;
    };
    QTRY_COMPARE(cards(), 5);
    console->run(QStringLiteral("get deployment app-v1"));
    QVERIFY2(console->output().contains(QStringLiteral("5/5")), qPrintable(console->output()));
}

void TestPanels::consoleCurlSendsAnAnimatedRequest_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    // The lesson's route serves app.example.com; the bare address is answered 404 by the Gateway.
    QTest::newRow("curl with Host") << "curl -H 'Host: app.example.com' /" << "HTTP 200";
    QTest::newRow("request with Host and a header") << "kubectl request -H 'Host: app.example.com' -H 'X-Test: 1' /" << "HTTP 200";
    QTest::newRow("no rule for the address") << "curl -X POST /nothing-here" << "HTTP 404";
}

void TestPanels::consoleCurlSendsAnAnimatedRequest()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    ui::ConsolePanel *console = m_window->console();
    // The built-in clients stop, so the only request in flight is the console's.
    host()->simulation().traffic().stopLoad(*host()->simulation().traffic().findLoad("clients"));
    runFrames(host(), 40);
    QCOMPARE(m_window->scene()->particleCount(), std::size_t{0});
    console->run(line);
    QVERIFY2(console->output().contains(QStringLiteral("sent; its answer follows")), qPrintable(console->output()));
    const QString before = console->output();
    runFrames(host(), 1, 2 * sim::engine::kMillisecond);
    QVERIFY2(m_window->scene()->particleCount() >= 1, "the request is on the canvas");
    runFrames(host(), 60);
    const QString answer = console->output().mid(before.size());
    QVERIFY2(!answer.trimmed().isEmpty(), "the answer is printed when it arrives");
    if (!expected.isEmpty())
        QVERIFY2(answer.contains(expected), qPrintable(answer));
}

void TestPanels::consoleCompletes_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("completed");
    QTest::addColumn<QStringList>("candidates");
    QTest::newRow("verb") << "sca" << "scale " << QStringList{};
    QTest::newRow("verb after kubectl") << "kubectl desc" << "kubectl describe " << QStringList{};
    QTest::newRow("resource type") << "get httpr" << "get httproutes " << QStringList{};
    QTest::newRow("object names") << "get deployments app" << "get deployments app-v"
                                  << QStringList{QStringLiteral("app-v1"), QStringLiteral("app-v2")};
    QTest::newRow("type/name") << "scale deployments/app-v2" << "scale deployments/app-v2 " << QStringList{};
    QTest::newRow("short type") << "describe svc app-v1" << "describe svc app-v1 " << QStringList{};
    QTest::newRow("subcommand") << "rollout hist" << "rollout history " << QStringList{};
    QTest::newRow("after subcommand") << "rollout status deployment/app-v1" << "rollout status deployment/app-v1 " << QStringList{};
    QTest::newRow("namespace") << "get pods -n kube-" << "get pods -n kube-"
                               << QStringList{QStringLiteral("kube-node-lease"), QStringLiteral("kube-public"), QStringLiteral("kube-system")};
    QTest::newRow("namespace, one fits") << "get pods -n kube-s" << "get pods -n kube-system " << QStringList{};
    QTest::newRow("flag") << "scale --repl" << "scale --replicas=" << QStringList{};
    QTest::newRow("nothing fits") << "get deployments zzz" << "get deployments zzz" << QStringList{};
}

void TestPanels::consoleCompletes()
{
    QFETCH(QString, typed);
    QFETCH(QString, completed);
    QFETCH(QStringList, candidates);
    sim::console::Console console(host()->simulation());
    const ui::ConsoleCompletion result = ui::ConsoleCompleter(console, host()->simulation().store()).complete(typed);
    QCOMPARE(result.line, completed);
    QCOMPARE(result.candidates, candidates);
}

void TestPanels::consoleHistoryWalksWithArrows()
{
    ui::ConsolePanel *console = m_window->console();
    console->run(QStringLiteral("get pods"));
    console->run(QStringLiteral("get services"));
    QLineEdit *input = console->input();
    input->setText(QStringLiteral("get dep"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), QStringLiteral("get services"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), QStringLiteral("get pods"));
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->text(), QStringLiteral("get services"));
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->text(), QStringLiteral("get dep"));
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->text(), QStringLiteral("get deployments "));
    QVERIFY2(!host()->hasUnsavedChanges(), "reading commands change nothing");
}

void TestPanels::chartsReceiveData()
{
    ui::ChartsPanel *charts = m_window->charts();
    QCOMPARE(charts->pointCount(QStringLiteral("p50")), 0);
    runFrames(host(), 200);  // 10 s
    // Requests per Service (legend without the default namespace), latency, errors, the split's lines and band.
    for (const QString &series : {QStringLiteral("app-v1"), QStringLiteral("app-v2"), QStringLiteral("p50"), QStringLiteral("p99"),
                                  QStringLiteral("5xx + dropped"), QStringLiteral("set app-v2"), QStringLiteral("95 % app-v2")}) {
        const int points = charts->pointCount(series);
        QVERIFY2(points >= 8 && points <= 11, qPrintable(series + QStringLiteral(": %1 points").arg(points)));
    }
    QVERIFY(charts->isFollowing());
    runFrames(host(), 1600);  // 80 s more: only the last minute is drawn
    QCOMPARE(charts->pointCount(QStringLiteral("p99")), ui::ChartsPanel::kVisibleSeconds);
}

void TestPanels::timelineCountsMatchTheMetrics()
{
    const sim::metrics::MetricSeries *v1 = host()->simulation().traffic().metrics().find(sim::metrics::Scope::Service, "default/app-v1");
    const std::uint64_t answeredBefore = v1 ? v1->answered() : 0;
    const sim::engine::SimTime start = host()->simulation().engine().now();
    runFrames(host(), 400);  // 20 s
    const ui::TrafficTimeline *timeline = host()->snapshot().timeline;
    QVERIFY(timeline);
    const auto &services = timeline->services();
    const auto column = std::find(services.begin(), services.end(), "default/app-v1") - services.begin();
    QVERIFY(column < static_cast<long>(services.size()));
    double sum = 0;
    for (const ui::TimelineSample &s : timeline->samples())
        sum += s.rps[static_cast<std::size_t>(column)];
    // Samples cover whole seconds since the cluster opened; the registry counts to this moment.
    v1 = host()->simulation().traffic().metrics().find(sim::metrics::Scope::Service, "default/app-v1");
    const double answered = static_cast<double>(v1->answered() - answeredBefore);
    QVERIFY2(sum <= answered && sum >= answered - 40 * 2, qPrintable(QStringLiteral("%1 vs %2").arg(sum).arg(answered)));
    QCOMPARE(timeline->samples().back().at / sim::engine::kSecond, host()->simulation().engine().now() / sim::engine::kSecond);
    QVERIFY(timeline->samples().front().at > start);
    // 90/10 set; the observed share is inside its interval and near the setting.
    const ui::SplitShare &canary = timeline->samples().back().splits.at(0).at(1);
    QCOMPARE(canary.configured, 0.1);
    QVERIFY(canary.interval.low <= canary.observed && canary.observed <= canary.interval.high);
    QVERIFY2(canary.interval.low < 0.1 && canary.interval.high > 0.1, qPrintable(QString::number(canary.observed)));
}

void TestPanels::chartsExportCsv()
{
    runFrames(host(), 100);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("traffic.csv"));
    QVERIFY(m_window->charts()->exportCsv(file));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), static_cast<qsizetype>(host()->snapshot().timeline->samples().size()) + 1);
    QVERIFY(lines.front().startsWith(QStringLiteral("\"time_s\"")));
    QVERIFY(lines.front().contains(QStringLiteral("\"default/app rule 0 app-v2 observed\"")));
    const int columns = static_cast<int>(lines.front().count(QLatin1Char(',')));
    for (const QString &line : lines)
        QCOMPARE(static_cast<int>(line.count(QLatin1Char(','))), columns);
}

void TestPanels::chartsScrollBackOverTime()
{
    ui::ChartsPanel *charts = m_window->charts();
    runFrames(host(), 2400);  // 120 s: two minutes of samples, one shown
    QVERIFY(charts->isFollowing());
    QScrollBar *scroll = charts->findChild<QScrollBar *>();
    QVERIFY(scroll);
    QVERIFY(scroll->maximum() >= 60);
    scroll->setValue(0);
    QVERIFY(!charts->isFollowing());
    const auto &samples = host()->snapshot().timeline->samples();
    const double firstShown = static_cast<double>(samples.front().at) / sim::engine::kSecond;
    QCOMPARE(charts->pointCount(QStringLiteral("p99")), ui::ChartsPanel::kVisibleSeconds);
    runFrames(host(), 100);  // new seconds arrive; the view stays where the user scrolled
    QCOMPARE(scroll->value(), 0);
    QCOMPARE(charts->chartViews().front()->chart()->axes(Qt::Horizontal).front()->property("max").toDouble(),
             firstShown + ui::ChartsPanel::kVisibleSeconds - 1);
    scroll->setValue(scroll->maximum());
    runFrames(host(), 20);
    QVERIFY(charts->isFollowing());
}

void TestPanels::timelineIsDeterministic()
{
    // Two windows on the same lesson and seed, run the same frames: the same CSV, byte for byte.
    ui::MainWindow other;
    QVERIFY(other.openPaths(lessonPaths()));
    runFrames(host(), 300);
    runFrames(other.host(), 300);
    const std::string a = host()->snapshot().timeline->toCsv(), b = other.host()->snapshot().timeline->toCsv();
    QVERIFY(a.size() > 500);
    QCOMPARE(QString::fromStdString(a), QString::fromStdString(b));
}

void TestPanels::eventsDoubleClickInspectsTheObject()
{
    ui::EventsPanel *events = m_window->events();
    events->refresh();
    events->filterEdit()->setText(QStringLiteral("ScalingReplicaSet"));
    QVERIFY(events->visibleRowCount() > 0);
    auto *table = events->findChild<QTableView *>();
    QVERIFY(table);
    const QModelIndex index = table->model()->index(0, 3);
    const QString object = index.data().toString();  // "deployment/app-v1"
    emit table->doubleClicked(index);
    QCOMPARE(m_window->inspector()->title(), QStringLiteral("Deployment ") + object.section(QLatin1Char('/'), 1));
    QVERIFY(m_window->inspector()->detailRows().contains(QStringLiteral("events")));
}

void TestPanels::eventsPanelFilters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("warningsOnly");
    QTest::newRow("everything") << "" << false;
    QTest::newRow("by reason") << "Scheduled" << false;
    QTest::newRow("by object, any case") << "POD/APP-V2" << false;
    QTest::newRow("warnings") << "" << true;
    QTest::newRow("warnings by text") << "back-off" << true;
}

void TestPanels::eventsPanelFilters()
{
    QFETCH(QString, text);
    QFETCH(bool, warningsOnly);
    const auto pods = host()->simulation().store().list(sim::api::Kind::Pod);
    QVERIFY(!pods.empty());
    host()->runUserCommand([&] { host()->simulation().crashLoop("default", pods.back()->metadata.name, ""); });
    runFrames(host(), 600);  // 30 s: the container restarts and backs off
    ui::EventsPanel *events = m_window->events();
    events->refresh();
    events->filterEdit()->setText(text);
    events->warningsOnly()->setChecked(warningsOnly);
    const int all = static_cast<int>(host()->simulation().events().events().size());
    QVERIFY(events->visibleRowCount() > 0);
    QVERIFY(text.isEmpty() && !warningsOnly ? events->visibleRowCount() == all : events->visibleRowCount() < all);
    for (int row = 0; row < events->visibleRowCount(); ++row) {
        const QStringList cells = events->visibleRow(row);
        QVERIFY2(cells.join(QLatin1Char(' ')).contains(text, Qt::CaseInsensitive), qPrintable(cells.join(QLatin1Char('|'))));
        if (warningsOnly)
            QCOMPARE(cells.at(1), QStringLiteral("Warning"));
    }
}

void TestPanels::trafficPanelRunsSeveralGenerators()
{
    ui::TrafficPanel *traffic = m_window->trafficPanel();
    QCOMPARE(traffic->list()->topLevelItemCount(), 1);  // the built-in clients
    const auto first = traffic->start({QStringLiteral("/"), QStringLiteral("GET"), QStringLiteral("X-Test: one"), 20, 4, false});
    const auto second = traffic->start({QStringLiteral("/missing"), QStringLiteral("POST"), QString(), 10, 1, true});
    QVERIFY(first && second && *first != *second);
    QCOMPARE(traffic->list()->topLevelItemCount(), 3);
    runFrames(host(), 100);  // 5 s
    const sim::traffic::TrafficSystem &system = host()->simulation().traffic();
    QVERIFY(system.counters(*first).answered > 60);
    QVERIFY(system.counters(*second).generated > 20);
    const std::string *header = system.loadSpec(*first).templates.front().request.headers.get("x-test");
    QVERIFY(header && *header == "one");
    traffic->stop(*first);
    const std::uint64_t sent = system.counters(*first).generated;
    runFrames(host(), 40);
    QCOMPARE(system.counters(*first).generated, sent);
    QVERIFY(system.isRunning(*second));
    traffic->refresh();
    QCOMPARE(traffic->list()->topLevelItem(1)->text(1), QStringLiteral("stopped"));
    QCOMPARE(traffic->list()->topLevelItem(2)->text(1), QStringLiteral("running"));
}

// Found by test_monkey: stopping a generator started before the cluster was replaced indexed past the end.
void TestPanels::trafficPanelIgnoresGeneratorsOfAReplacedCluster()
{
    ui::TrafficPanel *traffic = m_window->trafficPanel();
    const auto first = traffic->start({QStringLiteral("/"), QStringLiteral("GET"), QString(), 20, 1, false});
    const auto second = traffic->start({QStringLiteral("/"), QStringLiteral("GET"), QString(), 20, 1, false});
    QVERIFY(first && second);
    QVERIFY(m_window->openPaths(lessonPaths()));  // a new cluster: only its built-in clients
    QCOMPARE(traffic->list()->topLevelItemCount(), 1);
    traffic->stop(*second);
    const sim::traffic::TrafficSystem &system = host()->simulation().traffic();
    const std::uint32_t clients = *system.findLoad(ui::ClusterLauncher::kClientsName);
    QVERIFY(system.isRunning(clients));
    traffic->stop(clients);
    QVERIFY(!system.isRunning(clients));
}

void TestPanels::trafficPanelRejectsBadInput_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("not a URL") << "ftp://x/" << "" << "ftp";
    QTest::newRow("header without colon") << "/" << "X-Broken" << "X-Broken";
}

void TestPanels::trafficPanelRejectsBadInput()
{
    QFETCH(QString, url);
    QFETCH(QString, headers);
    QFETCH(QString, expectedError);
    ui::TrafficPanel *traffic = m_window->trafficPanel();
    QVERIFY(!traffic->start({url, QStringLiteral("GET"), headers, 10, 1, true}));
    QVERIFY2(traffic->errorText().contains(expectedError), qPrintable(traffic->errorText()));
    QCOMPARE(traffic->list()->topLevelItemCount(), 1);
}

QTEST_MAIN(TestPanels)
#include "test_panels.moc"
