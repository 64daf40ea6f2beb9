#pragma once

#include <string>
#include <vector>

namespace ui {

/**
 * Starts the window on the given manifests (or the built-in default lesson, `scenariosDir`/default, when
 * none) and runs the event loop. Without a display it says so in one line and runs headless for a few
 * seconds, printing live figures, instead. Returns the exit code.
 */
int runWindow(int argc, char **argv, const std::vector<std::string> &files, const std::string &scenariosDir);

/** True when a Qt window can be shown: a display, or a platform plugin chosen explicitly. */
bool hasDisplay();

} // namespace ui
