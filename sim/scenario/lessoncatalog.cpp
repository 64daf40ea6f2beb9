#include "sim/scenario/lessoncatalog.h"

#include "sim/scenario/scenarioparser.h"

#include <algorithm>
#include <system_error>

namespace sim::scenario {

namespace fs = std::filesystem;

namespace {

constexpr const char *kScenarioFile = "scenario.yaml";

bool isPlainName(const std::string &name)
{
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
           name.find('\\') == std::string::npos;
}

} // namespace

LessonCatalog::LessonCatalog(fs::path scenariosDir) : m_dir(std::move(scenariosDir)) {}

bool LessonCatalog::isScenario(const fs::path &path)
{
    std::error_code ec;
    if (fs::is_directory(path, ec))
        return fs::is_regular_file(path / kScenarioFile, ec);
    return path.filename() == kScenarioFile && fs::is_regular_file(path, ec);
}

std::vector<std::string> LessonCatalog::names() const
{
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(m_dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (isScenario(it->path()))
            names.push_back(it->path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<LessonEntry> LessonCatalog::lessons() const
{
    std::vector<LessonEntry> entries;
    for (const std::string &name : names()) {
        LessonEntry entry{name, m_dir / name, name, {}};
        const ScenarioLoadResult loaded = ScenarioParser::loadFolder(entry.folder);
        if (loaded.ok()) {
            entry.title = loaded.scenario->title;
            entry.level = loaded.scenario->level;
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::optional<fs::path> LessonCatalog::resolve(const std::string &nameOrPath, std::string &error) const
{
    std::error_code ec;
    if (!nameOrPath.empty() && fs::exists(nameOrPath, ec)) {
        if (isScenario(nameOrPath))
            return fs::path(nameOrPath);
        error = "\"" + nameOrPath + "\" is not a scenario: a scenario is a folder holding scenario.yaml";
        return std::nullopt;
    }
    if (isPlainName(nameOrPath) && isScenario(m_dir / nameOrPath))
        return m_dir / nameOrPath;
    std::string known;
    for (const std::string &name : names())
        known += (known.empty() ? "" : ", ") + name;
    error = "no scenario folder \"" + nameOrPath + "\" and no built-in lesson of that name (built-in: " +
            (known.empty() ? "none" : known) + ")";
    return std::nullopt;
}

} // namespace sim::scenario
