// The kubesim executable: with no arguments the window on the default scenario, with paths the window on
// them (manifests or a lesson), otherwise a kubectl-like command line (sim::console::CommandLine).

#include "sim/console/commandline.h"
#include "sim/simulation.h"
#include "ui/runwindow.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
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

/** `kubesim PATH...`: every argument names a file or folder (manifests, a scenario) to open in the window. */
bool isWindowRequest(const std::vector<std::string> &args)
{
    std::error_code ec;
    return std::all_of(args.begin(), args.end(), [&](const std::string &arg) {
        return arg.rfind("-", 0) != 0 && std::filesystem::exists(arg, ec);
    });
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
    if (args.empty() || isWindowRequest(args))
        return ui::runWindow(argc, argv, args, scenariosDir());
    return finish(commandLine.run(args));
}
