#include "sim/console/commandresult.h"

#include <algorithm>

namespace sim::console {

void CommandResult::fail(int code, const std::string &line)
{
    err += line;
    if (line.empty() || line.back() != '\n')
        err += '\n';
    exitCode = std::max(exitCode, code);
}

void CommandResult::append(const CommandResult &other)
{
    out += other.out;
    err += other.err;
    exitCode = std::max(exitCode, other.exitCode);
}

} // namespace sim::console
