#pragma once

#include "sim/console/commandresult.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::console {

/**
 * The `kubesim` command line: each run builds a fresh simulated cluster (seeded by --seed), applies the
 * -f manifests, lets it settle (or runs it to --at), then runs one kubectl verb through a Console.
 * `apply` and `lint` take -f as kubectl does; for every other verb -f names the cluster's manifests,
 * and `get -f PATH` / `describe -f PATH` without a type show the objects those files define.
 */
class CommandLine {
public:
    /** scenariosDir: the folder holding the built-in scenarios (default/ is the canary lesson). */
    explicit CommandLine(std::string scenariosDir);

    /** Runs `kubesim ARGS...` (argv without the program name). */
    CommandResult run(const std::vector<std::string> &args) const;
    /** Runs the built-in default scenario headless and prints what it did (what `kubesim` alone does without a window). */
    CommandResult runDefaultScenario(std::uint64_t seed) const;
    /** `kubesim --help`. */
    static std::string helpText();

private:
    struct Options {
        std::optional<std::uint64_t> seed;  // --seed when given
        std::optional<std::int64_t> at;   // sim time to run to instead of settling
        std::vector<std::string> files;   // -f values taken for the cluster
        std::vector<std::string> rest;    // everything else, for the Console
    };
    static std::optional<Options> parseOptions(const std::vector<std::string> &args, bool takeFiles,
                                               CommandResult &result);

    std::string m_scenariosDir;
};

} // namespace sim::console
