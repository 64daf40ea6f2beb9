#include "sim/manifest/diagnostic.h"

#include <algorithm>

namespace sim::manifest {

std::string SourceLocation::toString() const
{
    std::string out = file.empty() ? "<input>" : file;
    if (line > 0) {
        out += ":" + std::to_string(line);
        if (column > 0)
            out += ":" + std::to_string(column);
    }
    return out;
}

std::string Diagnostic::toString() const
{
    std::string out = location.toString() + (isError() ? ": error: " : ": warning: ");
    if (!field.empty())
        out += field + ": ";
    return out + message;
}

bool hasErrors(const std::vector<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.isError(); });
}

} // namespace sim::manifest
