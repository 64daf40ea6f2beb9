// The kubesim executable: a kubectl-like command line over the simulated cluster. With no verb it
// runs the default scenario (until the window exists; then that branch opens the window instead).

#include "sim/console/commandline.h"
#include "sim/simulation.h"

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
        return finish(commandLine.runDefaultScenario(sim::kDefaultSeed));
    return finish(commandLine.run(args));
}
