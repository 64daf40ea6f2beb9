#pragma once

#include <QElapsedTimer>
#include <QWidget>

#include <filesystem>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QFrame;

namespace sim::scenario {
class LessonSession;
}

namespace ui {

class CheckMarkList;
class SimulationHost;
struct Theme;

/**
 * The lesson panel: the current step's title and Markdown text, progress, live check marks, the task
 * with its hint and "Show solution", and Next / Back. The lesson's LessonSession owns the cluster; the
 * panel hands it to the SimulationHost (so the canvas and every panel show it, and the frame driver runs
 * its actions in sim time) and hands it again whenever Back rebuilds it.
 */
class LessonPanel : public QWidget {
    Q_OBJECT

public:
    LessonPanel(SimulationHost *host, const Theme *theme, QWidget *parent = nullptr);
    ~LessonPanel() override;

    /** Starts the scenario in `folder` at step 1; false and the file:line:column errors in `error` when it does not load. */
    bool openLesson(const std::filesystem::path &folder, QString *error);
    bool isActive() const { return m_session != nullptr; }
    /** The lesson being played, or null (tests read its step and cluster). */
    sim::scenario::LessonSession *session() const { return m_session.get(); }
    CheckMarkList *stepChecks() const { return m_stepChecks; }
    CheckMarkList *taskChecks() const { return m_taskChecks; }

public slots:
    void next();
    void back();
    void restartStep();
    void toggleHint();
    void showSolution();
    /** Re-evaluates the checks now and redraws their marks. */
    void refreshChecks();
    /** Rebuilds colours and fonts for the current theme. */
    void restyle();

signals:
    /** A lesson started (title) or ended (empty: the window opened something else). */
    void lessonChanged(const QString &title);

private:
    void build();
    QWidget *buildHeader();
    QWidget *buildTask();
    QWidget *buildNavigation();
    void showStep();
    void adoptSimulation();
    void onFrame();
    void onSimulationReplaced();
    void endLesson();

    SimulationHost *m_host;
    const Theme *m_theme;
    std::unique_ptr<sim::scenario::LessonSession> m_session;
    bool m_handingOver = false;  // true while the panel itself replaces the host's cluster
    QElapsedTimer m_sinceRefresh;

    QWidget *m_content = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_lessonTitle = nullptr;
    QLabel *m_level = nullptr;
    QLabel *m_progressText = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stepTitle = nullptr;
    QTextBrowser *m_text = nullptr;
    QLabel *m_checksTitle = nullptr;
    CheckMarkList *m_stepChecks = nullptr;
    QFrame *m_task = nullptr;
    QLabel *m_goal = nullptr;
    CheckMarkList *m_taskChecks = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_hintButton = nullptr;
    QPushButton *m_solutionButton = nullptr;
    QLabel *m_done = nullptr;
    QPushButton *m_backButton = nullptr;
    QPushButton *m_restartButton = nullptr;
    QPushButton *m_nextButton = nullptr;
};

} // namespace ui
