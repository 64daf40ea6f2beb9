// libFuzzer target: console command lines on a fresh Simulation.
// Input: command lines, then optionally a line "---" and a manifest that every -f path reads (no file is opened).
#include "sim/console/console.h"
#include "sim/manifest/loader.h"
#include "sim/simulation.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

// Bounds one input's work, so the fuzzer explores parsing rather than long runs.
constexpr int kMaxLines = 16;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string_view input(reinterpret_cast<const char *>(data), size);
    std::string_view commands = input;
    std::string manifest;
    if (std::size_t split = input.find("\n---\n"); split != std::string_view::npos) {
        commands = input.substr(0, split + 1);
        manifest = std::string(input.substr(split + 5));
    }
    sim::Simulation simulation;
    sim::console::Console console(simulation);
    console.setCanAdvanceTime(false);
    console.setLoader([&manifest](const std::vector<std::string> &paths, const sim::manifest::DecodeOptions &options) {
        sim::manifest::LoadResult out;
        for (const std::string &path : paths) {
            sim::manifest::LoadResult one = sim::manifest::loadText(manifest, path, options);
            out.documents.insert(out.documents.end(), one.documents.begin(), one.documents.end());
            out.diagnostics.insert(out.diagnostics.end(), one.diagnostics.begin(), one.diagnostics.end());
        }
        return out;
    });
    int lines = 0;
    while (!commands.empty() && lines++ < kMaxLines) {
        std::size_t end = commands.find('\n');
        console.execute(commands.substr(0, end));
        simulation.runUntil(simulation.engine().now() + 5 * sim::engine::kSecond);  // lets pods come and go
        commands = end == std::string_view::npos ? std::string_view() : commands.substr(end + 1);
    }
    return 0;
}
