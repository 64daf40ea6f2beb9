// MainWindow's lesson parts (the lesson dock, the Lessons menu, opening a scenario), apart from
// mainwindow.cpp so the window's other panels and the lessons can change side by side.

#include "ui/mainwindow.h"

#include "ui/lessonpanel.h"
#include "ui/lessonsmenu.h"
#include "ui/simulationhost.h"

#include <QDockWidget>
#include <QMessageBox>

namespace ui {

void MainWindow::createLessonDock()
{
    m_lesson = new LessonPanel(m_host, &m_theme);
    m_lessonDock = addDock(tr("Lesson"), QStringLiteral("lessonDock"), m_lesson, Qt::LeftDockWidgetArea);
    m_lessonDock->hide();
    resizeDocks({m_lessonDock}, {400}, Qt::Horizontal);
    connect(m_lesson, &LessonPanel::lessonChanged, this, [this](const QString &title) {
        m_lessonDock->setVisible(!title.isEmpty());
        if (!title.isEmpty())
            setWindowTitle(tr("kubesim — %1").arg(title));
    });
    m_lessonsMenu = new LessonsMenu(this);
    connect(m_lessonsMenu, &LessonsMenu::lessonRequested, this, [this](const QString &folder) {
        if (confirmDiscard())
            openLesson(folder);
    });
}

void MainWindow::setLessonsFolder(const std::string &scenariosDir)
{
    m_lessonsMenu->setFolder(scenariosDir);
}

bool MainWindow::openLesson(const QString &folder)
{
    QString error;
    if (!m_lesson->openLesson(folder.toStdString(), &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Cannot open"), tr("The lesson did not load; the cluster is unchanged."),
                        QMessageBox::Ok, this);
        box.setDetailedText(error);
        box.exec();
        return false;
    }
    rememberRecent({folder});
    return true;
}

} // namespace ui
