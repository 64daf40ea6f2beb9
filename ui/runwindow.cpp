#include "ui/runwindow.h"

#include "sim/console/runcommand.h"
#include "sim/scenario/lessoncatalog.h"
#include "ui/headlessrun.h"
#include "ui/mainwindow.h"
#include "ui/simulationhost.h"
#include "ui/theme.h"

#include <QApplication>

#include <cstdio>
#include <cstdlib>

namespace ui {
namespace {

// A lesson without a window: what `kubesim run` prints, so the learner still sees every step and check.
int runLessonHeadless(const std::string &folder, const std::string &scenariosDir)
{
    std::printf("kubesim: no display (DISPLAY and WAYLAND_DISPLAY are unset), so no window; playing the lesson headless:\n");
    const sim::console::CommandResult result = sim::console::RunCommand(scenariosDir).run({folder}, std::nullopt);
    std::fwrite(result.out.data(), 1, result.out.size(), stdout);
    std::fwrite(result.err.data(), 1, result.err.size(), stderr);
    return result.exitCode;
}

} // namespace

bool hasDisplay()
{
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
        const char *value = std::getenv(name);
        if (value && *value)
            return true;
    }
    return false;
}

int runWindow(int argc, char **argv, const std::vector<std::string> &files, const std::string &scenariosDir)
{
    const std::vector<std::string> paths = files.empty() ? std::vector<std::string>{scenariosDir + "/default"} : files;
    if (!hasDisplay()) {
        if (paths.size() == 1 && sim::scenario::LessonCatalog::isScenario(paths.front()))
            return runLessonHeadless(paths.front(), scenariosDir);
        std::printf("kubesim: no display (DISPLAY and WAYLAND_DISPLAY are unset), so no window; running headless for 5 s:\n");
        std::fflush(stdout);
        return runHeadless(paths, 5, stdout);
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("kubesim"));
    QApplication::setApplicationName(QStringLiteral("kubesim"));
    QApplication::setApplicationVersion(QStringLiteral(KUBESIM_VERSION));
    QApplication::setStyle(QStringLiteral("Fusion"));
    Theme::systemIsDark();  // sample the desktop's palette before the window replaces it
    MainWindow window;
    window.resize(1440, 900);
    window.setLessonsFolder(scenariosDir);
    window.show();
    // After a crash or a kill the last autosave is offered first; declined or absent, the paths open as usual.
    if (!window.offerRestore())
        window.openPaths(paths);
    window.startAutosave();
    window.host()->play();
    return QApplication::exec();
}

} // namespace ui
