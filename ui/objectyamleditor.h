#pragma once

#include "sim/api/object.h"
#include "ui/theme.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace ui {

class SimulationHost;

/**
 * The Inspector's YAML tab: the selected object as a user writes it (no status), editable. Apply
 * validates the text as `kubectl apply` would before anything changes; errors are listed and marked on
 * their lines, and an invalid edit changes nothing. While the user edits, live updates do not overwrite
 * the text.
 */
class ObjectYamlEditor : public QWidget {
    Q_OBJECT

public:
    explicit ObjectYamlEditor(SimulationHost *host, QWidget *parent = nullptr);

    /** Shows an object's YAML, unless the user has unapplied edits of that same object. */
    void setObject(const sim::api::ObjectPtr &object);
    QPlainTextEdit *editor() const { return m_editor; }
    /** Validates and applies the text; false, with the errors shown, when it is invalid (nothing changes). */
    bool apply();
    /** Drops the edits and shows the object as it is. */
    void revert();
    /** Puts back unapplied edits of the object shown (an autosave's buffer): the text, marked as edited. */
    void restoreEdits(const QString &text);
    /** The errors of the last Apply, as listed. */
    QStringList errors() const;
    /**
     * Marks the lines that make the shown object's edges: an HTTPRoute rule's matches and backend weights;
     * an Ingress path (flat index over its rules' paths, as on the canvas) with its rule's host; and on a
     * canary Ingress, whatever `rule`, its ingress-nginx canary annotations and paths. -1 on anything else clears.
     */
    void pointAtRule(int rule);
    /** Lines (from 1) pointed at by pointAtRule. */
    QList<int> pointedLines() const { return m_pointedLines; }
    /** Lines (from 1) marked as wrong by the last Apply. */
    QList<int> errorLines() const { return m_errorLines; }
    bool hasEdits() const;
    void setTheme(const Theme &theme);

private:
    struct Problem {
        int line = 0;
        QString text;
    };
    void showProblems(const std::vector<Problem> &problems);
    void markLines();
    bool isSameObject(const sim::api::Object &edited) const;

    SimulationHost *m_host;
    sim::api::ObjectPtr m_object;
    QPlainTextEdit *m_editor;
    QListWidget *m_errors;
    QLabel *m_status;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QList<int> m_errorLines;
    QList<int> m_pointedLines;
    Theme m_theme;
};

} // namespace ui
