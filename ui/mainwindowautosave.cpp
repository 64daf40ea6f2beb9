// MainWindow's "no lost work" parts: what an autosave holds, starting it, and bringing a save back after
// a crash or a kill (docs/window.md). Apart from mainwindow.cpp so the panels and this change side by side.

#include "ui/mainwindow.h"

#include "sim/manifest/loader.h"
#include "sim/scenario/lessonsession.h"
#include "ui/autosave.h"
#include "ui/clusterlauncher.h"
#include "ui/inspectorpanel.h"
#include "ui/lessonpanel.h"
#include "ui/objectyamleditor.h"
#include "ui/simulationhost.h"

#include <QDockWidget>
#include <QMessageBox>
#include <QPlainTextEdit>

namespace ui {

AutosaveState MainWindow::autosaveState() const
{
    AutosaveState state;
    state.objects = Autosave::sandboxYaml(m_host->simulation().store());
    if (const sim::scenario::LessonSession *session = m_lesson->session()) {
        state.lessonFolder = QString::fromStdString(session->scenario().folder.string());
        state.lessonStep = static_cast<int>(session->stepIndex());
    }
    const ObjectYamlEditor *yaml = m_inspector->yamlEditor();
    if (const sim::api::ObjectPtr &shown = m_inspector->object(); shown && yaml->hasEdits()) {
        state.editorObject = {shown->kind(), QString::fromStdString(shown->metadata.namespace_),
                              QString::fromStdString(shown->metadata.name)};
        state.editorText = yaml->editor()->toPlainText();
    }
    state.edited = m_host->hasUnsavedChanges() || state.lessonStep > 0 || !state.editorText.isEmpty();
    return state;
}

bool MainWindow::startAutosave()
{
    return m_autosave->start();
}

bool MainWindow::offerRestore()
{
    const std::optional<AutosaveState> state = m_autosave->leftover();
    if (!state)
        return false;
    const QString lesson = state->lessonFolder.isEmpty()
                               ? QString()
                               : tr(" It was on step %1 of the lesson in %2.").arg(state->lessonStep + 1).arg(state->lessonFolder);
    const auto answer = QMessageBox::question(
        this, tr("Restore your work?"),
        tr("kubesim did not quit cleanly last time. Restore the sandbox it saved (its objects and unapplied YAML "
           "edits)?%1\n\nNo starts afresh; the saved work is overwritten by the next autosave.")
            .arg(lesson),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    return answer == QMessageBox::Yes && restoreAutosave(*state);
}

bool MainWindow::restoreAutosave(const AutosaveState &state)
{
    const sim::manifest::LoadResult loaded = sim::manifest::loadText(state.objects, m_autosave->objectsFile().toStdString());
    if (!state.lessonFolder.isEmpty()) {
        // The lesson replays its own steps; the learner's objects then go on top, as an apply would.
        if (!openLesson(state.lessonFolder))
            return false;
        for (int step = 0; step < state.lessonStep; ++step)
            m_lesson->next();
        if (loaded.ok() && !loaded.documents.empty())
            m_host->runUserCommand([&] { m_host->simulation().apply(loaded.documents); });
    } else {
        LaunchedCluster cluster = ClusterLauncher::launch(loaded, m_host->simulation().engine().seed());
        if (!cluster.ok()) {
            QMessageBox::warning(this, tr("Cannot restore"), QString::fromStdString(cluster.error));
            return false;
        }
        m_host->replaceSimulation(std::move(cluster.simulation));
        setWindowTitle(tr("kubesim — restored sandbox"));
    }
    m_host->markEdited();
    if (!state.editorText.isEmpty()) {
        m_inspector->showObject(state.editorObject);
        m_inspector->yamlEditor()->restoreEdits(state.editorText);
        for (QDockWidget *dock : m_docks)
            if (dock->widget() == m_inspector)
                dock->raise();
    }
    return true;
}

} // namespace ui
