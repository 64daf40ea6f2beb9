#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sim::scenario {

/** One built-in lesson as the Lessons menu and `kubesim run NAME` know it. */
struct LessonEntry {
    std::string name;              // the folder's name: "09-canary-weights"
    std::filesystem::path folder;
    std::string title;             // from scenario.yaml; the name when the file does not load
    std::string level;
};

/**
 * The built-in lessons: the sub-folders of the scenarios directory that hold a scenario.yaml (default/,
 * plain manifests, is not one). Also turns what a user typed (a folder, a scenario.yaml, or a lesson's
 * name) into a scenario folder.
 */
class LessonCatalog {
public:
    explicit LessonCatalog(std::filesystem::path scenariosDir);

    /** Every built-in lesson, sorted by name. */
    std::vector<LessonEntry> lessons() const;
    /**
     * `nameOrPath` as a folder (or its scenario.yaml) when it exists, else as a built-in lesson's name. A
     * name is a single folder name: no '/', no "." or "..". On failure returns nullopt and says why in `error`.
     */
    std::optional<std::filesystem::path> resolve(const std::string &nameOrPath, std::string &error) const;
    /** True when `path` is a scenario folder or a scenario.yaml file (not plain manifests). */
    static bool isScenario(const std::filesystem::path &path);

private:
    std::vector<std::string> names() const;

    std::filesystem::path m_dir;
};

} // namespace sim::scenario
