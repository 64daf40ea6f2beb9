// The kubesim executable: with no arguments the window on the default scenario, otherwise a
// kubectl-like command line over the simulated cluster (sim::console::CommandLine).

#include "sim/console/commandline.h"
#include "sim/simulation.h"
#include "ui/runwindow.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

/** The built-in scenarios: $KUBESIM_SCENARIOS, else the source tree's scenarios/ (compile definition). */
std::string scenariosDir()
{
    if (const char *env = std::getenv("KUBESIM_SCENARIOS"); env && *env)
        return env;
    return KUBESIM_SCENARIOS_DIR;
}

int finish(const sim::console::CommandResult &result)
{
    std::fwrite(result.out.data(), 1, result.out.size(), stdout);
    std::fwrite(result.err.data(), 1, result.err.size(), stderr);
    return result.exitCode;
}

} // namespace

int main(int argc, char **argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    const sim::console::CommandLine commandLine(scenariosDir());
    if (args.empty())
        return ui::runWindow(argc, argv, {}, scenariosDir());
    return finish(commandLine.run(args));
}
