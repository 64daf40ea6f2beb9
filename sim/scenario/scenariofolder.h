#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace sim::scenario {

/**
 * The folder a scenario lives in, and the only place its files may come from: so that a lesson shared by
 * a classmate cannot read /etc/passwd or ../../secrets. Absolute paths and `..` are refused as written;
 * what remains is resolved through symlinks and must still lie inside the folder.
 */
class ScenarioFolder {
public:
    /** The folder must exist; root() is its canonical path. */
    explicit ScenarioFolder(std::filesystem::path root);

    const std::filesystem::path &root() const { return m_root; }
    /** Resolves a file named in the scenario; on refusal returns nullopt and says why in `error`. */
    std::optional<std::filesystem::path> resolveFile(const std::string &relative, std::string &error) const;
    /** True when a canonical path lies inside the folder. */
    bool contains(const std::filesystem::path &canonical) const;

private:
    std::filesystem::path m_root;
};

} // namespace sim::scenario
