#pragma once

#include "ui/theme.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QLineEdit;
class QPlainTextEdit;

namespace sim::console {
class Console;
}

namespace ui {

class SimulationHost;

/**
 * The Console: type what a learner would type on a real cluster (kubectl get, describe, apply -f,
 * scale, set image, rollout ...) and read kubectl's output. Runs sim::console::Console over the window's
 * cluster; the frame driver owns the clock, so waiting verbs report the state now. Up / Down walk the
 * history (kept across sessions), Tab completes verbs, resource types and object names.
 */
class ConsolePanel : public QWidget {
    Q_OBJECT

public:
    explicit ConsolePanel(SimulationHost *host, QWidget *parent = nullptr);
    ~ConsolePanel() override;

    QLineEdit *input() const { return m_input; }
    /** Everything printed so far. */
    QString output() const;
    const QStringList &history() const { return m_history; }

public slots:
    /** Runs one line as if typed and Enter pressed. */
    void run(const QString &line);
    /** A new cluster: the console now talks to it. */
    void onSimulationReplaced();
    void setTheme(const ui::Theme &theme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void print(const QString &text, const QColor &color);
    void completeInput();
    void walkHistory(int step);
    void rememberHistory(const QString &line);

    SimulationHost *m_host;
    std::unique_ptr<sim::console::Console> m_console;
    QPlainTextEdit *m_output;
    QLineEdit *m_input;
    QStringList m_history;
    int m_historyIndex = 0;  // m_history.size(): the line being typed
    QString m_typed;         // what was typed before walking the history
    Theme m_theme;
};

} // namespace ui
