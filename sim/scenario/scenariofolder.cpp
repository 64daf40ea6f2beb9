#include "sim/scenario/scenariofolder.h"

#include <algorithm>
#include <system_error>

namespace sim::scenario {

namespace fs = std::filesystem;

ScenarioFolder::ScenarioFolder(fs::path root)
{
    std::error_code ec;
    m_root = fs::canonical(root, ec);
    if (ec)
        m_root = fs::absolute(root).lexically_normal();
}

bool ScenarioFolder::contains(const fs::path &canonical) const
{
    auto mismatch = std::mismatch(m_root.begin(), m_root.end(), canonical.begin(), canonical.end());
    return mismatch.first == m_root.end();
}

std::optional<fs::path> ScenarioFolder::resolveFile(const std::string &relative, std::string &error) const
{
    const fs::path written(relative);
    if (relative.empty()) {
        error = "must not be empty";
        return std::nullopt;
    }
    if (written.is_absolute() || written.has_root_path()) {
        error = "absolute path \"" + relative + "\" is not allowed: a scenario may only use files inside its own folder";
        return std::nullopt;
    }
    if (std::any_of(written.begin(), written.end(), [](const fs::path &part) { return part == ".."; })) {
        error = "\"..\" in \"" + relative + "\" is not allowed: a scenario may only use files inside its own folder";
        return std::nullopt;
    }
    std::error_code ec;
    const fs::path resolved = fs::canonical(m_root / written, ec);
    if (ec) {
        error = "file \"" + relative + "\" not found in the scenario folder";
        return std::nullopt;
    }
    if (!contains(resolved)) {
        error = "\"" + relative + "\" is a symlink to \"" + resolved.string() +
                "\", outside the scenario folder: a scenario may only use files inside its own folder";
        return std::nullopt;
    }
    if (!fs::is_regular_file(resolved, ec)) {
        error = "\"" + relative + "\" is not a regular file (name each manifest file)";
        return std::nullopt;
    }
    return resolved;
}

} // namespace sim::scenario
