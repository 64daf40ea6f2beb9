// A monkey test: drives the whole window offscreen with random clicks anywhere, drags on the canvas, wheel
// zooms, slider moves, broken and valid YAML edits, console lines (valid, wrong and garbage), undo / redo,
// time controls, load generators, themes and lesson navigation, from a fixed seed, for a bounded time. It
// must end without a crash (or, in the ASan build, a sanitizer report) and with the views still agreeing
// with the cluster. KUBESIM_MONKEY_SECONDS sets the time per row (default 12); KUBESIM_MONKEY_VERBOSE=1
// prints every action before it runs, so a crash names the action and its index in the sequence.

#include "tests/common/canarycluster.h"
#include "tests/ui/uitestsupport.h"
#include "ui/consolepanel.h"
#include "ui/inspectorpanel.h"
#include "ui/lessonpanel.h"
#include "ui/mainwindow.h"
#include "ui/nodeitem.h"
#include "ui/objectyamleditor.h"
#include "ui/simulationhost.h"
#include "ui/topologyscene.h"
#include "ui/topologyview.h"
#include "ui/trafficpanel.h"
#include "ui/weightspanel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSlider>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QWheelEvent>
#include <QtTest>

#include <cstdlib>
#include <functional>
#include <random>

using namespace kubesim::testing;

namespace {

// Words a learner (or a cat on the keyboard) might type into the console.
const QStringList kConsoleWords = {
    QStringLiteral("kubectl"), QStringLiteral("get"), QStringLiteral("describe"), QStringLiteral("scale"),
    QStringLiteral("deployment"), QStringLiteral("deployments"), QStringLiteral("svc"), QStringLiteral("pods"),
    QStringLiteral("httproute"), QStringLiteral("gateway/web"), QStringLiteral("app-v1"), QStringLiteral("app-v2"),
    QStringLiteral("--replicas=0"), QStringLiteral("--replicas=3"), QStringLiteral("--replicas=-1"),
    QStringLiteral("--replicas=1001"), QStringLiteral("--replicas=x"), QStringLiteral("-n"), QStringLiteral("default"),
    QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("apply"), QStringLiteral("-f"),
    QStringLiteral("/nonexistent.yaml"), QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("undo"),
    QStringLiteral("history"), QStringLiteral("pause"), QStringLiteral("resume"), QStringLiteral("set"),
    QStringLiteral("image"), QStringLiteral("app=app:2"), QStringLiteral("curl"), QStringLiteral("request"),
    QStringLiteral("/"), QStringLiteral("-H"), QStringLiteral("'Host: app.example.com'"), QStringLiteral("-X"),
    QStringLiteral("POST"), QStringLiteral("events"), QStringLiteral("lint"), QStringLiteral("-o"), QStringLiteral("yaml"),
    QStringLiteral("\""), QStringLiteral("'"), QStringLiteral("\\"), QStringLiteral("ü€"), QStringLiteral("--"),
    QStringLiteral("clear")};

// Fragments the YAML edits insert: valid values, wrong types, YAML syntax and deep nesting.
const QStringList kYamlFragments = {
    QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("99999"), QStringLiteral("\n"), QStringLiteral(": "),
    QStringLiteral("- "), QStringLiteral("  "), QStringLiteral("{"), QStringLiteral("]"), QStringLiteral("&a "),
    QStringLiteral("*a"), QStringLiteral("null"), QStringLiteral("\"x\""), QStringLiteral("weight: 50"),
    QStringLiteral("replicas: 2"), QStringLiteral("[[[[[[[[[[[[[["), QStringLiteral("\t"), QStringLiteral("é")};

/** One monkey: a fixed-seed source of random actions on one window. */
class Monkey {
public:
    Monkey(ui::MainWindow *window, std::uint64_t seed) : m_window(window), m_rng(seed) {}

    /** Runs one random action (the `index`th of the sequence) and lets the window process what it caused. */
    void act(int index)
    {
        struct Action {
            int weight;
            const char *name;
            std::function<void()> run;
        };
        const Action actions[] = {
            {20, "click anywhere", [this] { clickAnywhere(); }},
            {12, "click a card", [this] { clickCard(); }},
            {8, "drag on the canvas", [this] { drag(); }},
            {4, "wheel", [this] { wheel(); }},
            {10, "move a slider", [this] { moveSlider(); }},
            {10, "edit YAML", [this] { editYaml(); }},
            {10, "console line", [this] { consoleLine(); }},
            {3, "console keys", [this] { consoleKeys(); }},
            {12, "advance time", [this] { m_window->host()->advance(pick(1, 400) * sim::engine::kMillisecond); }},
            {3, "next event", [this] { m_window->host()->stepToNextEvent(); }},
            {2, "play / pause", [this] { m_window->host()->togglePlaying(); }},
            {4, "undo / redo", [this] { undoRedo(); }},
            {2, "traffic", [this] { traffic(); }},
            {2, "lesson", [this] { lesson(); }},
            {1, "view", [this] { view(); }},
        };
        int total = 0;
        for (const Action &a : actions)
            total += a.weight;
        int roll = pick(0, total - 1);
        for (const Action &a : actions) {
            if (roll < a.weight) {
                if (m_verbose)
                    qInfo("monkey %d: %s", index, a.name);
                a.run();
                break;
            }
            roll -= a.weight;
        }
        QCoreApplication::processEvents();
    }

private:
    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }
    bool chance(int percent) { return pick(0, 99) < percent; }
    QPoint pointIn(const QWidget *widget) { return {pick(0, widget->width() - 1), pick(0, widget->height() - 1)}; }

    void clickAnywhere()
    {
        const QPoint at = pointIn(m_window);
        QWidget *target = m_window->childAt(at);
        // The menu bar opens the file dialogs and Quit: a click there is not the monkey's to make.
        if (!target || qobject_cast<QMenuBar *>(target) || target->window() != m_window)
            return;
        const QPoint local = target->mapFrom(m_window, at);
        if (chance(15))
            QTest::mouseDClick(target, Qt::LeftButton, {}, local);
        else
            QTest::mouseClick(target, chance(10) ? Qt::RightButton : Qt::LeftButton, {}, local);
    }

    // A point on the canvas: a card's centre, a particle, or anywhere.
    QPoint canvasPoint()
    {
        ui::TopologyView *view = m_window->view();
        const auto &nodes = m_window->scene()->graph().nodes();
        if (!nodes.empty() && chance(70)) {
            const ui::NodeItem *item = m_window->scene()->nodeItem(nodes[pick(0, static_cast<int>(nodes.size()) - 1)].id);
            if (item)
                return view->mapFromScene(item->sceneBoundingRect().center());
        }
        const std::vector<QPointF> particles = m_window->scene()->particlePositions();
        if (!particles.empty() && chance(50))
            return view->mapFromScene(particles[pick(0, static_cast<int>(particles.size()) - 1)]);
        return pointIn(view->viewport());
    }

    void clickCard()
    {
        QTest::mouseClick(m_window->view()->viewport(), Qt::LeftButton, {}, canvasPoint());
    }

    void drag()
    {
        QWidget *viewport = m_window->view()->viewport();
        QPoint at = canvasPoint();
        QTest::mousePress(viewport, Qt::LeftButton, {}, at);
        for (int i = pick(1, 6); i > 0; --i) {
            at += QPoint(pick(-120, 120), pick(-80, 80));
            // QTest::mouseMove does not carry the pressed button: send the move as a drag does.
            QMouseEvent move(QEvent::MouseMove, at, viewport->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport, &move);
        }
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, at);
    }

    void wheel()
    {
        QWidget *viewport = m_window->view()->viewport();
        const QPoint at = pointIn(viewport);
        QWheelEvent event(at, viewport->mapToGlobal(at), {}, QPoint(0, chance(50) ? 120 : -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &event);
    }

    void moveSlider()
    {
        const QList<QSlider *> sliders = m_window->findChildren<QSlider *>();
        if (sliders.isEmpty())
            return;
        QSlider *slider = sliders[pick(0, static_cast<int>(sliders.size()) - 1)];
        // Several moves in a row, as a drag of the handle sends them (they merge into one undo step).
        for (int i = pick(1, 4); i > 0; --i)
            slider->setValue(pick(slider->minimum(), slider->maximum()));
    }

    void editYaml()
    {
        const sim::store::Store &store = m_window->host()->simulation().store();
        static const sim::api::Kind kinds[] = {sim::api::Kind::Service, sim::api::Kind::Deployment,
                                               sim::api::Kind::HTTPRoute, sim::api::Kind::Gateway, sim::api::Kind::Pod};
        const auto objects = store.list(kinds[pick(0, 4)]);
        ui::InspectorPanel *inspector = m_window->inspector();
        if (!objects.empty() && chance(60)) {
            const sim::api::ObjectPtr &obj = objects[pick(0, static_cast<int>(objects.size()) - 1)];
            inspector->showObject({obj->kind(), QString::fromStdString(obj->metadata.namespace_),
                                   QString::fromStdString(obj->metadata.name)});
        }
        inspector->tabs()->setCurrentIndex(1);
        ui::ObjectYamlEditor *yaml = inspector->yamlEditor();
        QString text = yaml->editor()->toPlainText();
        for (int i = pick(1, 3); i > 0; --i)
            text = mutate(text);
        yaml->editor()->setPlainText(text);
        if (chance(80))
            yaml->apply();
        else
            yaml->revert();
    }

    QString mutate(QString text)
    {
        if (text.isEmpty() || chance(3))
            return kYamlFragments[pick(0, static_cast<int>(kYamlFragments.size()) - 1)];
        const int at = pick(0, static_cast<int>(text.size()) - 1);
        switch (pick(0, 3)) {
        case 0:  // one digit for another: replicas, ports, weights
            for (int i = at; i < text.size(); ++i)
                if (text[i].isDigit()) {
                    text[i] = QChar(u'0' + pick(0, 9));
                    break;
                }
            return text;
        case 1:
            return text.insert(at, kYamlFragments[pick(0, static_cast<int>(kYamlFragments.size()) - 1)]);
        case 2:
            return text.remove(at, pick(1, 40));
        default: {
            QStringList lines = text.split(QLatin1Char('\n'));
            const int line = pick(0, static_cast<int>(lines.size()) - 1);
            if (chance(50))
                lines.insert(line, lines[line]);
            else
                lines.removeAt(line);
            return lines.join(QLatin1Char('\n'));
        }
        }
    }

    void consoleLine()
    {
        QStringList words;
        for (int i = pick(1, 6); i > 0; --i)
            words << kConsoleWords[pick(0, static_cast<int>(kConsoleWords.size()) - 1)];
        if (chance(10))  // bytes no one meant to type
            words << QString::fromLatin1(QByteArray(pick(1, 20), static_cast<char>(pick(1, 255))));
        m_window->console()->run(words.join(QLatin1Char(' ')));
    }

    void consoleKeys()
    {
        QLineEdit *input = m_window->console()->input();
        input->setText(kConsoleWords[pick(0, static_cast<int>(kConsoleWords.size()) - 1)].left(pick(0, 6)));
        static const Qt::Key keys[] = {Qt::Key_Tab, Qt::Key_Up, Qt::Key_Down, Qt::Key_Backspace, Qt::Key_Return};
        for (int i = pick(1, 4); i > 0; --i)
            QTest::keyClick(input, keys[pick(0, 4)]);
    }

    void undoRedo()
    {
        QUndoStack *stack = m_window->host()->undoStack();
        if (chance(60))
            stack->undo();
        else
            stack->redo();
    }

    void traffic()
    {
        ui::TrafficPanel *panel = m_window->trafficPanel();
        if (chance(30) && !m_generators.empty()) {
            panel->stop(m_generators.back());
            m_generators.pop_back();
            return;
        }
        static const QString urls[] = {QStringLiteral("/"), QStringLiteral("http://app.example.com/v2?x=1"),
                                       QStringLiteral("/missing"), QStringLiteral("not a url"), QString()};
        ui::TrafficForm form{urls[pick(0, 4)], chance(80) ? QStringLiteral("GET") : QStringLiteral("DELETE"),
                             chance(50) ? QStringLiteral("Host: app.example.com") : QString(),
                             pick(-5, 60) * 1.0, pick(0, 4), chance(50)};
        if (const auto generator = panel->start(form))
            m_generators.push_back(*generator);
    }

    void lesson()
    {
        ui::LessonPanel *panel = m_window->lessonPanel();
        if (!panel->isActive())
            return;
        switch (pick(0, 4)) {
        case 0: panel->next(); break;
        case 1: panel->back(); break;
        case 2: panel->restartStep(); break;
        case 3: panel->toggleHint(); break;
        default: panel->showSolution(); break;
        }
    }

    void view()
    {
        switch (pick(0, 3)) {
        case 0: m_window->setThemeChoice(static_cast<ui::MainWindow::ThemeChoice>(pick(0, 2))); break;
        case 1: m_window->setPresenterMode(!m_window->isPresenterMode()); break;
        case 2: m_window->relayout(); break;
        default: m_window->view()->fitAll(); break;
        }
    }

    ui::MainWindow *m_window;
    std::mt19937_64 m_rng;
    std::vector<std::uint32_t> m_generators;
    const bool m_verbose = qEnvironmentVariableIntValue("KUBESIM_MONKEY_VERBOSE") != 0;
};

// Every Service, Gateway and HTTPRoute of the cluster, and whether the canvas shows a card for it.
QStringList missingCards(ui::MainWindow *window)
{
    namespace ids = sim::topology::ids;
    QStringList missing;
    const sim::store::Store &store = window->host()->simulation().store();
    for (const sim::api::ObjectPtr &svc : store.list(sim::api::Kind::Service))
        if (!window->scene()->nodeItem(ids::service(svc->metadata.namespace_, svc->metadata.name)))
            missing << QString::fromStdString("service " + svc->metadata.name);
    for (const sim::api::ObjectPtr &gw : store.list(sim::api::Kind::Gateway))
        if (!window->scene()->nodeItem(ids::gateway(gw->metadata.namespace_, gw->metadata.name)))
            missing << QString::fromStdString("gateway " + gw->metadata.name);
    return missing;
}

} // namespace

class TestMonkey : public QObject {
    Q_OBJECT

private slots:
    void randomInputKeepsTheWindowWorking_data();
    void randomInputKeepsTheWindowWorking();
};

void TestMonkey::randomInputKeepsTheWindowWorking_data()
{
    QTest::addColumn<QString>("open");  // "" the canary fixture, else a path under the source tree
    QTest::addColumn<quint64>("seed");
    QTest::newRow("canary cluster") << QString() << quint64(1);
    QTest::newRow("canary lesson") << QStringLiteral("scenarios/09-canary-weights") << quint64(2);
}

void TestMonkey::randomInputKeepsTheWindowWorking()
{
    QFETCH(QString, open);
    QFETCH(quint64, seed);
    QCoreApplication::setOrganizationName(QStringLiteral("kubesim-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_monkey"));
    ui::MainWindow window;
    window.resize(1440, 900);
    if (open.isEmpty()) {
        canary(window.host()->simulation().store());
        window.host()->flushChanges();
    } else {
        QVERIFY(window.openPaths({KUBESIM_SOURCE_DIR "/" + open.toStdString()}));
    }
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // A click can open a message box or a menu: close it as a user would, so the monkey goes on.
    QTimer closer;
    closer.setInterval(50);
    QObject::connect(&closer, &QTimer::timeout, [] {
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
        if (QWidget *modal = QApplication::activeModalWidget())
            modal->close();
    });
    closer.start();

    const int seconds = qEnvironmentVariableIsSet("KUBESIM_MONKEY_SECONDS")
                            ? qEnvironmentVariableIntValue("KUBESIM_MONKEY_SECONDS")
                            : 12;
    constexpr int kMaxActions = 20000;
    Monkey monkey(&window, seed);
    QElapsedTimer clock;
    clock.start();
    int actions = 0;
    while (actions < kMaxActions && clock.elapsed() < seconds * 1000)
        monkey.act(actions++);
    closer.stop();
    qInfo("%d random actions in %.1f s (seed %llu)", actions, clock.elapsed() / 1000.0, static_cast<unsigned long long>(seed));
    QVERIFY2(actions >= 200, "the monkey was stuck (a modal dialog?)");

    // The window still works: the canvas shows the cluster's objects, the clock runs, the console answers.
    window.host()->pause();
    window.host()->flushChanges();
    QTRY_VERIFY2(missingCards(&window).isEmpty(), qPrintable(missingCards(&window).join(QStringLiteral(", "))));
    const sim::engine::SimTime before = window.host()->simulation().engine().now();
    window.host()->advance(sim::engine::kSecond);
    QCOMPARE(window.host()->simulation().engine().now(), before + sim::engine::kSecond);
    window.console()->run(QStringLiteral("clear"));
    window.console()->run(QStringLiteral("kubectl get services"));
    const QString answer = window.console()->output();
    QVERIFY2(answer.contains(QStringLiteral("NAME")) || answer.contains(QStringLiteral("No resources found")), qPrintable(answer));
}

QTEST_MAIN(TestMonkey)
#include "test_monkey.moc"
