#include "ui/mainwindow.h"

#include "sim/scenario/lessoncatalog.h"
#include "ui/autosave.h"
#include "ui/chartspanel.h"
#include "ui/clusterlauncher.h"
#include "ui/consolepanel.h"
#include "ui/eventspanel.h"
#include "ui/icons.h"
#include "ui/inspectorpanel.h"
#include "ui/lessonpanel.h"
#include "ui/lessonsmenu.h"
#include "ui/nodeitem.h"
#include "ui/resourcespanel.h"
#include "ui/simulationhost.h"
#include "ui/timecontrols.h"
#include "ui/topologyscene.h"
#include "ui/topologyview.h"
#include "ui/trafficpanel.h"
#include "ui/weightspanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QSvgGenerator>
#include <QTimer>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

namespace ui {
namespace {

// "1 route", "2 routes": the status bar is read at a glance, "1 routes" reads as a slip.
QString counted(std::size_t n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

// The local files and folders dropped on the window.
std::vector<std::string> localPaths(const QMimeData *mime)
{
    std::vector<std::string> out;
    if (mime && mime->hasUrls())
        for (const QUrl &url : mime->urls())
            if (url.isLocalFile())
                out.push_back(url.toLocalFile().toStdString());
    return out;
}

QString styleSheetFor(const Theme &t)
{
    const QString border = t.cardBorder.name(), window = t.window.name(), card = t.card.name(), text = t.text.name(),
                  muted = t.mutedText.name(), accent = t.accent.name();
    const QString hover = t.isDark ? QStringLiteral("#2d323b") : QStringLiteral("#e6e9ee");
    const int base = qRound(9.5 * t.fontScale);
    return QStringLiteral(
               "QMainWindow::separator { background: %1; width: 1px; height: 1px; }"
               "QDockWidget { font-size: %7pt; }"
               "QDockWidget::title { background: %2; padding: 7px 10px; border-bottom: 1px solid %1; }"
               "QToolBar { background: %2; border: none; border-bottom: 1px solid %1; spacing: 4px; padding: 5px 10px; }"
               "QToolBar QLabel { color: %5; }"
               "QToolButton { padding: 5px 9px; border-radius: 6px; color: %4; }"
               "QToolButton:hover { background: %6; }"
               "QToolButton:checked { background: %6; }"
               "QLabel#simClock { font-family: 'DejaVu Sans Mono'; font-size: %8pt; font-weight: 600; color: %4; }"
               "QLabel#seedLabel { color: %5; }"
               "QFrame#weightRow { border: 1px solid %1; border-radius: 9px; background: %3; }"
               "QStatusBar { background: %2; border-top: 1px solid %1; color: %5; }"
               "QStatusBar QLabel { color: %5; padding: 0 8px; }"
               "QTreeWidget, QPlainTextEdit, QListWidget { border: none; }"
               "QSlider::groove:horizontal { height: 8px; border-radius: 4px; background: %1; }"
               "QSlider::sub-page:horizontal { border-radius: 4px; background: %9; }"
               "QSlider::handle:horizontal { width: 14px; margin: -5px 0; border-radius: 9px;"
               " background: %3; border: 2px solid %9; }")
        .arg(border, window, card, text, muted, hover)
        .arg(base)
        .arg(base + 3)
        .arg(accent);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_host(new SimulationHost(this)),
      m_autosave(new Autosave(Autosave::defaultFolder(), [this] { return autosaveState(); }, this)),
      m_scene(new TopologyScene(this)), m_view(nullptr)
{
    setWindowTitle(tr("kubesim"));
    setObjectName(QStringLiteral("MainWindow"));
    setDockNestingEnabled(true);
    setAcceptDrops(true);
    // The docks are sized for this; a saved geometry (restoreSettings) replaces it.
    resize(1440, 900);
    QSettings settings;
    m_themeChoice = static_cast<ThemeChoice>(settings.value(QStringLiteral("view/theme"), 0).toInt());
    m_theme = Theme::make(m_themeChoice == ThemeChoice::Dark || (m_themeChoice == ThemeChoice::System && Theme::systemIsDark()),
                          false);
    createCanvas();
    m_scene->setPodsInNodes(settings.value(QStringLiteral("view/podsInNodes"), false).toBool(), m_host->simulation().store());
    createToolBar();
    createDocks();
    createLessonDock();
    createMenus();
    m_statusCluster = new QLabel;
    m_statusTraffic = new QLabel;
    statusBar()->addWidget(m_statusCluster, 1);
    statusBar()->addPermanentWidget(m_statusTraffic);
    applyTheme();
    restoreSettings();

    connect(m_host, &SimulationHost::frameAdvanced, this, &MainWindow::onFrame);
    connect(m_host, &SimulationHost::simulationReplaced, this, &MainWindow::onSimulationReplaced);
    rebuildCanvas();
}

MainWindow::~MainWindow() = default;

void MainWindow::createCanvas()
{
    m_scene->setTheme(m_theme);
    // Connected before any panel, so panels that read the graph see it rebuilt.
    connect(m_host, &SimulationHost::objectsChanged, this, [this](const ChangeEvents &changes) {
        for (const ChangeEvent &change : changes)
            if (change.kind != sim::api::Kind::EndpointSlice) {
                // A big cluster's rebuild takes longer than a frame (docs/performance.md): there, changes
                // are collected and the canvas rebuilt a few times a second, so the particles keep moving.
                if (m_scene->graph().nodes().size() <= kImmediateRebuildNodes)
                    rebuildCanvas();
                else if (!m_rebuildTimer.isActive())
                    m_rebuildTimer.start();
                break;
            }
    });
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(kDeferredRebuildMs);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &MainWindow::rebuildCanvas);
    m_view = new TopologyView(m_scene, this);
    m_view->setObjectName(QStringLiteral("topologyCanvas"));
    setCentralWidget(m_view);
}

void MainWindow::rebuildCanvas()
{
    m_scene->rebuild(m_host->simulation().store());
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Time"));
    bar->setObjectName(QStringLiteral("timeToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_time = new TimeControls(m_host, bar);
    bar->addSeparator();
    QAction *fit = bar->addAction(tr("Fit"));
    m_fitAction = fit;
    fit->setShortcut(Qt::Key_F);
    fit->setToolTip(tr("Fit the whole topology in the window (F)"));
    connect(fit, &QAction::triggered, m_view, &TopologyView::fitAll);
    QAction *relayout = bar->addAction(tr("Tidy layout"));
    m_tidyAction = relayout;
    relayout->setToolTip(tr("Forget dragged positions and lay the topology out afresh"));
    connect(relayout, &QAction::triggered, this, &MainWindow::relayout);
}

QDockWidget *MainWindow::addDock(const QString &title, const QString &objectName, QWidget *widget, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::createDocks()
{
    m_weights = new WeightsPanel(m_host, m_scene);
    QDockWidget *canary = addDock(tr("Canary / weights"), QStringLiteral("canaryDock"), m_weights, Qt::RightDockWidgetArea);
    m_inspector = new InspectorPanel(m_host);
    QDockWidget *inspector = addDock(tr("Inspector"), QStringLiteral("inspectorDock"), m_inspector, Qt::RightDockWidgetArea);
    m_resources = new ResourcesPanel(m_host, &m_theme);
    QDockWidget *resources = addDock(tr("Resources"), QStringLiteral("resourcesDock"), m_resources, Qt::RightDockWidgetArea);
    splitDockWidget(canary, inspector, Qt::Vertical);
    tabifyDockWidget(inspector, resources);
    inspector->raise();
    resizeDocks({canary}, {340}, Qt::Horizontal);
    resizeDocks({canary, inspector}, {190, 470}, Qt::Vertical);

    connect(m_host, &SimulationHost::objectsChanged, m_weights, &WeightsPanel::onObjectsChanged);
    connect(m_host, &SimulationHost::objectsChanged, m_inspector, &InspectorPanel::onObjectsChanged);
    connect(m_host, &SimulationHost::objectsChanged, m_resources, &ResourcesPanel::onObjectsChanged);
    connect(m_scene, &TopologyScene::objectSelected, m_inspector, &InspectorPanel::showObject);
    connect(m_scene, &TopologyScene::objectSelected, m_resources, &ResourcesPanel::select);
    connect(m_resources, &ResourcesPanel::objectSelected, m_inspector, &InspectorPanel::showObject);
    connect(m_weights, &WeightsPanel::objectInspected, m_inspector, &InspectorPanel::showObject);
    connect(m_weights, &WeightsPanel::objectInspected, m_resources, &ResourcesPanel::select);
    connect(m_weights, &WeightsPanel::objectInspected, inspector, [inspector] { inspector->raise(); });
    connect(m_view, &TopologyView::requestClicked, this, &MainWindow::showRequest);
    createBottomDocks();
}

void MainWindow::createBottomDocks()
{
    // Under the canvas, as tabs: the canvas keeps the width and the height it needs to be the star.
    m_charts = new ChartsPanel(m_scene);
    m_chartsDock = addDock(tr("Charts"), QStringLiteral("chartsDock"), m_charts, Qt::BottomDockWidgetArea);
    m_traffic = new TrafficPanel(m_host);
    QDockWidget *traffic = addDock(tr("Traffic"), QStringLiteral("trafficDock"), m_traffic, Qt::BottomDockWidgetArea);
    m_events = new EventsPanel(m_host);
    QDockWidget *events = addDock(tr("Events"), QStringLiteral("eventsDock"), m_events, Qt::BottomDockWidgetArea);
    m_console = new ConsolePanel(m_host);
    QDockWidget *console = addDock(tr("Console"), QStringLiteral("consoleDock"), m_console, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_chartsDock, traffic);
    tabifyDockWidget(traffic, events);
    tabifyDockWidget(events, console);
    m_chartsDock->raise();
    resizeDocks({m_chartsDock}, {290}, Qt::Vertical);
    connect(m_events, &EventsPanel::objectSelected, m_inspector, &InspectorPanel::showObject);
    connect(m_events, &EventsPanel::objectSelected, m_resources, &ResourcesPanel::select);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open manifests…"), QKeySequence::Open, this, &MainWindow::openDialog);
    file->addAction(tr("Open &folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, &MainWindow::openFolderDialog);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    file->addAction(tr("&Save sandbox…"), QKeySequence::Save, this, &MainWindow::saveDialog);
    file->addSeparator();
    file->addAction(tr("Export canvas as &PNG…"), this, [this] { exportDialog(QStringLiteral("png")); });
    file->addAction(tr("Export canvas as S&VG…"), this, [this] { exportDialog(QStringLiteral("svg")); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_host->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_host->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *simulation = menuBar()->addMenu(tr("&Simulation"));
    simulation->addAction(m_time->playAction());
    simulation->addAction(m_time->stepEventAction());
    simulation->addAction(m_time->stepSecondAction());
    simulation->addSeparator();
    simulation->addAction(m_time->fasterAction());
    simulation->addAction(m_time->slowerAction());

    menuBar()->addMenu(m_lessonsMenu);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_presenterAction = view->addAction(tr("&Presenter mode"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(Qt::Key_F11);
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);
    QMenu *theme = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<ThemeChoice, QString> choices[] = {
        {ThemeChoice::System, tr("Follow the &system")}, {ThemeChoice::Light, tr("&Light")}, {ThemeChoice::Dark, tr("&Dark")}};
    for (const auto &[choice, label] : choices) {
        QAction *action = theme->addAction(label);
        action->setCheckable(true);
        action->setChecked(choice == m_themeChoice);
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, choice = choice] { setThemeChoice(choice); });
    }
    m_podsInNodesAction = view->addAction(tr("Pods inside &node boxes"));
    m_podsInNodesAction->setCheckable(true);
    m_podsInNodesAction->setChecked(m_scene->podsInNodes());
    connect(m_podsInNodesAction, &QAction::toggled, this, &MainWindow::setPodsInNodes);
    view->addSeparator();
    QAction *zoomIn = view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, m_view, &TopologyView::zoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, m_view, &TopologyView::zoomOut);
    Q_UNUSED(zoomIn)
    Q_UNUSED(zoomOut)
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : m_docks)
        panels->addAction(dock->toggleViewAction());
}

bool MainWindow::openPaths(const std::vector<std::string> &paths)
{
    if (paths.size() == 1 && sim::scenario::LessonCatalog::isScenario(paths.front()))
        return openLesson(QString::fromStdString(paths.front()));
    LaunchedCluster cluster = ClusterLauncher::launch(paths, m_host->simulation().engine().seed());
    if (!cluster.ok()) {
        QMessageBox box(QMessageBox::Warning, tr("Cannot open"), tr("The manifests did not load; the cluster is unchanged."),
                        QMessageBox::Ok, this);
        box.setDetailedText(QString::fromStdString(cluster.error));
        box.exec();
        return false;
    }
    m_host->replaceSimulation(std::move(cluster.simulation));
    QStringList list;
    for (const std::string &p : paths)
        list << QString::fromStdString(p);
    rememberRecent(list);
    setWindowTitle(tr("kubesim — %1").arg(QFileInfo(list.front()).fileName()));
    return true;
}

bool MainWindow::saveSandbox(const QString &file)
{
    const std::string yaml = Autosave::sandboxYaml(m_host->simulation().store());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(yaml.data(), static_cast<qint64>(yaml.size())) < 0 || !out.commit()) {
        QMessageBox::warning(this, tr("Cannot save"), tr("Could not write %1: %2").arg(file, out.errorString()));
        return false;
    }
    m_host->markSaved();
    return true;
}

bool MainWindow::confirmDiscard()
{
    if (!m_host->hasUnsavedChanges())
        return true;
    return QMessageBox::question(this, tr("Discard changes?"),
                                 tr("The cluster has changes that are not saved. Discard them?"),
                                 QMessageBox::Discard | QMessageBox::Cancel) == QMessageBox::Discard;
}

void MainWindow::openDialog()
{
    if (!confirmDiscard())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open manifests"), QString(),
                                                            tr("Kubernetes manifests (*.yaml *.yml *.json);;All files (*)"));
    std::vector<std::string> paths;
    for (const QString &f : files)
        paths.push_back(f.toStdString());
    if (!paths.empty())
        openPaths(paths);
}

void MainWindow::openFolderDialog()
{
    if (!confirmDiscard())
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of manifests or a scenario"));
    if (!dir.isEmpty())
        openPaths({dir.toStdString()});
}

void MainWindow::exportDialog(const QString &format)
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export canvas"), QStringLiteral("kubesim-canvas.") + format,
                                                      format == QLatin1String("svg") ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
    if (!file.isEmpty() && !exportCanvas(file))
        QMessageBox::warning(this, tr("Cannot export"), tr("Could not write %1.").arg(file));
}

bool MainWindow::exportCanvas(const QString &file)
{
    // The view, not the bare scene: the grid, column titles and legend are part of the picture.
    const QRect area = m_view->viewport()->rect();
    if (file.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(file);
        svg.setSize(area.size());
        svg.setViewBox(area);
        svg.setTitle(windowTitle());
        svg.setDescription(tr("kubesim topology canvas"));
        QPainter painter;
        if (!painter.begin(&svg))
            return false;
        m_scene->setItemCaching(false);
        m_view->render(&painter, QRectF(area), area);
        m_scene->setItemCaching(true);
        return painter.end();
    }
    // Twice the screen resolution, so the picture stays sharp on a slide.
    QImage image(area.size() * 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(m_theme.canvas);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    m_view->render(&painter, QRectF(image.rect()), area);
    painter.end();
    return image.save(file, "PNG");
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPaths(event->mimeData()).empty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const std::vector<std::string> paths = localPaths(event->mimeData());
    if (paths.empty())
        return;
    event->acceptProposedAction();
    // Open after the drop returns: a modal question inside the drop handler would block the drag source.
    QTimer::singleShot(0, this, [this, paths] {
        if (confirmDiscard())
            openPaths(paths);
    });
}

void MainWindow::saveDialog()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save sandbox"), QStringLiteral("sandbox.yaml"),
                                                      tr("YAML (*.yaml *.yml)"));
    if (!file.isEmpty())
        saveSandbox(file);
}

void MainWindow::rememberRecent(const QStringList &paths)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("file/recent")).toStringList();
    const QString entry = paths.join(QLatin1Char('\n'));
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue(QStringLiteral("file/recent"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("file/recent")).toStringList();
    for (const QString &entry : recent) {
        const QStringList paths = entry.split(QLatin1Char('\n'));
        QAction *action = m_recentMenu->addAction(paths.size() == 1 ? paths.front() : tr("%1 and %2 more").arg(paths.front()).arg(paths.size() - 1));
        connect(action, &QAction::triggered, this, [this, paths] {
            if (!confirmDiscard())
                return;
            std::vector<std::string> list;
            for (const QString &p : paths)
                list.push_back(p.toStdString());
            openPaths(list);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::setPodsInNodes(bool on)
{
    QSettings().setValue(QStringLiteral("view/podsInNodes"), on);
    {
        QSignalBlocker block(m_podsInNodesAction);
        m_podsInNodesAction->setChecked(on);
    }
    m_scene->setPodsInNodes(on, m_host->simulation().store());
    m_view->fitAll();
}

void MainWindow::setThemeChoice(ThemeChoice choice)
{
    m_themeChoice = choice;
    QSettings().setValue(QStringLiteral("view/theme"), static_cast<int>(choice));
    const auto actions = m_themeGroup->actions();
    actions[static_cast<int>(choice)]->setChecked(true);
    applyTheme();
}

void MainWindow::applyTheme()
{
    const bool dark = m_themeChoice == ThemeChoice::Dark || (m_themeChoice == ThemeChoice::System && Theme::systemIsDark());
    m_theme = Theme::make(dark, m_presenter);
    QApplication::setPalette(m_theme.palette());
    QFont font = QApplication::font();
    font.setPointSizeF(9.5 * m_theme.fontScale);
    setFont(font);
    setStyleSheet(styleSheetFor(m_theme));
    m_scene->setTheme(m_theme);
    m_time->setIconColor(m_theme.text);
    m_fitAction->setIcon(glyphIcon(Glyph::Fit, m_theme.text));
    m_tidyAction->setIcon(glyphIcon(Glyph::Tidy, m_theme.text));
    m_resources->reload();
    m_weights->restyle();
    m_charts->setTheme(m_theme);
    m_inspector->setTheme(m_theme);
    m_console->setTheme(m_theme);
    m_events->setTheme(m_theme);
    m_lesson->restyle();
    m_view->resetCachedContent();
    m_view->viewport()->update();
}

void MainWindow::setPresenterMode(bool on)
{
    if (on == m_presenter)
        return;
    m_presenter = on;
    {
        QSignalBlocker block(m_presenterAction);
        m_presenterAction->setChecked(on);
    }
    if (on) {
        m_stateBeforePresenter = saveState();
        for (QDockWidget *dock : m_docks)
            dock->setVisible(dock == m_chartsDock || (dock == m_lessonDock && m_lesson->isActive()));
        m_chartsDock->raise();
        showFullScreen();
        // Charts large enough to read from the back of the room: two fifths of the screen.
        resizeDocks({m_chartsDock}, {height() * 2 / 5}, Qt::Vertical);
    } else {
        showNormal();
        restoreState(m_stateBeforePresenter);
    }
    applyTheme();
    m_view->fitAll();
}

void MainWindow::relayout()
{
    m_scene->relayout();
    m_view->fitAll();
}

void MainWindow::onFrame()
{
    m_scene->updateFrame(m_host->snapshot(), m_host->minimumHopTime());
    m_charts->onFrame(m_host->snapshot());
    if (++m_frames % 15 == 0) {
        m_weights->refreshObserved();
        m_events->refresh();
        m_traffic->refresh();
        updateStatus();
    }
}

void MainWindow::showRequest(std::uint64_t request)
{
    // A particle moves on at once: stop the clock so the learner can read where it is going.
    m_host->pause();
    for (const RequestFlight *flight : m_host->snapshot().flights) {
        if (flight->id != request)
            continue;
        std::vector<QString> names;
        for (const FlightHop &hop : flight->hops) {
            const NodeItem *node = m_scene->nodeItem(hop.nodeId);
            const QString role = node ? QString::fromLatin1(sim::topology::roleName(node->node().role)) : QString();
            const QString title = node ? QString::fromStdString(node->node().title) : QString::fromStdString(hop.nodeId);
            names.push_back(role.isEmpty() || role == title ? title : role + QLatin1Char(' ') + title);
        }
        // A finished request carries its whole story; one in flight has its routing so far in the traffic system.
        const sim::traffic::Exchange *story = flight->exchange ? flight->exchange.get()
                                                                : m_host->simulation().traffic().storyInFlight(request);
        m_inspector->showRequest(*flight, names, story);
        for (QDockWidget *dock : m_docks)
            if (dock->widget() == m_inspector)
                dock->raise();
        return;
    }
}

void MainWindow::onSimulationReplaced()
{
    m_scene->clearTraffic();
    m_scene->relayout();
    m_rebuildTimer.stop();
    rebuildCanvas();
    m_resources->reload();
    m_weights->reload();
    m_charts->clear();
    m_console->onSimulationReplaced();
    m_events->onSimulationReplaced();
    m_traffic->onSimulationReplaced();
    m_view->fitAll();
    updateStatus();
}

void MainWindow::updateStatus()
{
    const sim::store::Store &store = m_host->simulation().store();
    int ready = 0;
    const auto pods = store.list(sim::api::Kind::Pod);
    for (const sim::api::ObjectPtr &pod : pods)
        ready += pod->as<sim::api::Pod>().isReady() ? 1 : 0;
    m_statusCluster->setText(tr("%1 · %2 of %3 pods ready · %4")
                                 .arg(counted(store.count(sim::api::Kind::Service), tr("Service"), tr("Services")))
                                 .arg(ready)
                                 .arg(pods.size())
                                 .arg(counted(store.count(sim::api::Kind::HTTPRoute) + store.count(sim::api::Kind::Ingress),
                                              tr("route"), tr("routes"))));
    const int perParticle = m_scene->requestsPerParticle();
    m_statusTraffic->setText(tr("%1 in flight on screen%2")
                                 .arg(counted(m_scene->particleCount() * static_cast<std::size_t>(perParticle), tr("request"),
                                              tr("requests")))
                                 .arg(perParticle > 1 ? tr(" (1 dot = %1)").arg(perParticle) : QString()));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_host->setSpeed(settings.value(QStringLiteral("time/speed"), 1.0).toDouble());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), m_presenter ? m_stateBeforePresenter : saveState());
    settings.setValue(QStringLiteral("time/speed"), m_host->speed());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    saveSettings();
    m_autosave->finish();
    event->accept();
}

} // namespace ui
