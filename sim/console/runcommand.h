#pragma once

#include "sim/console/commandresult.h"
#include "sim/console/flagset.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::console {

/**
 * `kubesim run SCENARIO [--seed N] [-o json] [--trace FILE]`: plays a lesson headless (every step, every
 * task's solution, every check) and prints the report; exit 1 when a check fails. Not a Console verb:
 * it builds its own cluster from the scenario instead of acting on the one a console is attached to.
 */
class RunCommand {
public:
    /** scenariosDir: where built-in lessons are found by name. */
    explicit RunCommand(std::string scenariosDir);

    /** args: the words after "run" (the CommandLine has taken --seed out; seed is its value when given). */
    CommandResult run(const std::vector<std::string> &args, std::optional<std::uint64_t> seed) const;
    /** `kubesim run --help`. */
    static std::string helpText();

private:
    static FlagSet flags();

    std::string m_scenariosDir;
};

} // namespace sim::console
