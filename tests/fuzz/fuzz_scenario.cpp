// libFuzzer target: one scenario.yaml text through the strict scenario parser.
#include "sim/scenario/scenarioparser.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace {

// An empty folder: files a fuzzed scenario names are looked up (and refused) without reading anything.
const std::filesystem::path &emptyFolder()
{
    static const std::filesystem::path folder = [] {
        std::filesystem::path p = std::filesystem::temp_directory_path() / "kubesim-fuzz-scenario";
        std::filesystem::create_directories(p);
        return p;
    }();
    return folder;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string text(reinterpret_cast<const char *>(data), size);
    sim::scenario::ScenarioParser::parseText(text, emptyFolder(), "scenario.yaml");
    return 0;
}
