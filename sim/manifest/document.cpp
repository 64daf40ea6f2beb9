#include "sim/manifest/document.h"

namespace sim::manifest {

SourceLocation Document::locate(const std::string &fieldPath) const
{
    std::string path = fieldPath;
    while (!path.empty()) {
        if (auto it = fields.find(path); it != fields.end())
            return it->second;
        std::size_t cut = path.find_last_of(".[");
        if (cut == std::string::npos)
            break;
        path.resize(cut);
    }
    return location;
}

} // namespace sim::manifest
