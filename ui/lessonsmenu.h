#pragma once

#include <QMenu>

#include <filesystem>

namespace ui {

/** The Lessons menu: every built-in lesson by number and title, and "Open lesson folder…". */
class LessonsMenu : public QMenu {
    Q_OBJECT

public:
    explicit LessonsMenu(QWidget *parent = nullptr);

    /** Lists the lessons of this scenarios directory (sim::scenario::LessonCatalog). */
    void setFolder(const std::filesystem::path &scenariosDir);

signals:
    /** The user picked a lesson, or a folder to open as one. */
    void lessonRequested(const QString &folder);

private:
    void chooseFolder();
};

} // namespace ui
