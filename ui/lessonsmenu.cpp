#include "ui/lessonsmenu.h"

#include "sim/scenario/lessoncatalog.h"

#include <QFileDialog>

#include <cctype>
#include <string>

namespace ui {
namespace {

// "09-canary-weights" → "9   Canary with weights…": the number is the lesson's place in the course.
QString menuText(const sim::scenario::LessonEntry &lesson)
{
    const QString title = QString::fromStdString(lesson.title);
    std::size_t digits = 0;
    while (digits < lesson.name.size() && std::isdigit(static_cast<unsigned char>(lesson.name[digits])))
        ++digits;
    if (digits == 0 || digits > 4)
        return title;
    return QStringLiteral("%1   %2").arg(std::stoi(lesson.name.substr(0, digits))).arg(title);
}

} // namespace

LessonsMenu::LessonsMenu(QWidget *parent) : QMenu(tr("&Lessons"), parent)
{
    setObjectName(QStringLiteral("lessonsMenu"));
    setFolder({});
}

void LessonsMenu::setFolder(const std::filesystem::path &scenariosDir)
{
    clear();
    const std::vector<sim::scenario::LessonEntry> lessons =
        scenariosDir.empty() ? std::vector<sim::scenario::LessonEntry>{} : sim::scenario::LessonCatalog(scenariosDir).lessons();
    for (const sim::scenario::LessonEntry &lesson : lessons) {
        QAction *action = addAction(menuText(lesson));
        action->setToolTip(QString::fromStdString(lesson.level));
        action->setData(QString::fromStdString(lesson.folder.string()));
        connect(action, &QAction::triggered, this, [this, action] { emit lessonRequested(action->data().toString()); });
    }
    if (lessons.empty())
        addAction(tr("No built-in lessons found"))->setEnabled(false);
    addSeparator();
    addAction(tr("Open lesson &folder…"), this, &LessonsMenu::chooseFolder);
}

void LessonsMenu::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(parentWidget(), tr("Open a lesson (a folder with scenario.yaml)"));
    if (!folder.isEmpty())
        emit lessonRequested(folder);
}

} // namespace ui
