#pragma once

#include "ui/theme.h"

#include <QMainWindow>
#include <QTimer>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;

namespace ui {

class Autosave;
class ChartsPanel;
class ConsolePanel;
class EventsPanel;
class InspectorPanel;
class LessonPanel;
class LessonsMenu;
class ResourcesPanel;
class SimulationHost;
class TimeControls;
class TopologyScene;
class TopologyView;
class TrafficPanel;
class WeightsPanel;
struct AutosaveState;

/**
 * The kubesim window: the topology canvas in the centre, panels in docks, time controls in the toolbar.
 * It owns the SimulationHost (the one cluster and its frame driver) and wires views to it.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class ThemeChoice { System, Light, Dark };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    SimulationHost *host() const { return m_host; }
    TopologyScene *scene() const { return m_scene; }
    TopologyView *view() const { return m_view; }
    WeightsPanel *weightsPanel() const { return m_weights; }
    InspectorPanel *inspector() const { return m_inspector; }
    ResourcesPanel *resources() const { return m_resources; }
    ChartsPanel *charts() const { return m_charts; }
    ConsolePanel *console() const { return m_console; }
    EventsPanel *events() const { return m_events; }
    TrafficPanel *trafficPanel() const { return m_traffic; }
    LessonPanel *lessonPanel() const { return m_lesson; }
    bool isPresenterMode() const { return m_presenter; }
    const Theme &theme() const { return m_theme; }

    /**
     * Loads manifests into a new cluster with clients sending requests, or starts a scenario (a folder with
     * scenario.yaml) at step 1 in the lesson panel; false (and a message) on error.
     */
    bool openPaths(const std::vector<std::string> &paths);
    /** Lists the built-in lessons of this folder in the Lessons menu. */
    void setLessonsFolder(const std::string &scenariosDir);
    /** Writes every user object (not those controllers made) as multi-document YAML that loads back the same. */
    bool saveSandbox(const QString &file);
    /** Writes the canvas as it is shown: SVG when the name ends in .svg, PNG (at twice the resolution) otherwise. */
    bool exportCanvas(const QString &file);

    /** The autosave of this window (docs/window.md, "No lost work"); it saves only once started. */
    Autosave *autosave() const { return m_autosave; }
    /** Starts autosaving the sandbox every few seconds; false when another running kubesim saves there. */
    bool startAutosave();
    /** If the last run did not quit cleanly, asks whether to restore its autosave; true when it was restored. */
    bool offerRestore();
    /** Brings an autosave back: its objects (into its lesson at its step, if any) and the inspector's unapplied YAML. */
    bool restoreAutosave(const ui::AutosaveState &state);
    /** What an autosave holds now: the user's objects, the lesson and its step, the inspector's unapplied YAML. */
    ui::AutosaveState autosaveState() const;

public slots:
    void setPresenterMode(bool on);
    void setThemeChoice(ui::MainWindow::ThemeChoice choice);
    /** Lays out the canvas afresh and fits it to the window. */
    void relayout();
    /** Frames pods by the Node they run on instead of their Deployment (View menu; remembered). */
    void setPodsInNodes(bool on);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createCanvas();
    void rebuildCanvas();
    void createDocks();
    void createBottomDocks();
    void createToolBar();
    void createMenus();
    void createLessonDock();
    bool openLesson(const QString &folder);
    void openDialog();
    void openFolderDialog();
    void exportDialog(const QString &format);
    void saveDialog();
    void rememberRecent(const QStringList &paths);
    void rebuildRecentMenu();
    bool confirmDiscard();
    QDockWidget *addDock(const QString &title, const QString &objectName, QWidget *widget, Qt::DockWidgetArea area);
    void applyTheme();
    void onFrame();
    void showRequest(std::uint64_t request);
    void onSimulationReplaced();
    void updateStatus();
    void restoreSettings();
    void saveSettings() const;

    SimulationHost *m_host;
    Autosave *m_autosave;
    TopologyScene *m_scene;
    TopologyView *m_view;
    TimeControls *m_time = nullptr;
    WeightsPanel *m_weights = nullptr;
    InspectorPanel *m_inspector = nullptr;
    ResourcesPanel *m_resources = nullptr;
    ChartsPanel *m_charts = nullptr;
    ConsolePanel *m_console = nullptr;
    EventsPanel *m_events = nullptr;
    TrafficPanel *m_traffic = nullptr;
    LessonPanel *m_lesson = nullptr;
    QDockWidget *m_lessonDock = nullptr;
    LessonsMenu *m_lessonsMenu = nullptr;
    QList<QDockWidget *> m_docks;
    QDockWidget *m_chartsDock = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QAction *m_presenterAction = nullptr;
    QAction *m_podsInNodesAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_tidyAction = nullptr;
    QLabel *m_statusCluster = nullptr;
    QLabel *m_statusTraffic = nullptr;
    Theme m_theme;
    ThemeChoice m_themeChoice = ThemeChoice::System;
    bool m_presenter = false;
    QByteArray m_stateBeforePresenter;
    int m_frames = 0;
    // A canvas of more cards than this (thousands of pods) takes longer than a frame to rebuild, about 30 ms
    // (docs/performance.md): its changes are collected and it is rebuilt kDeferredRebuildMs apart. Counted in
    // cards, not timed, so what the window shows after a change does not depend on how busy the machine is.
    static constexpr std::size_t kImmediateRebuildNodes = 1000;
    static constexpr int kDeferredRebuildMs = 250;
    QTimer m_rebuildTimer;
};

} // namespace ui
