// libFuzzer target: one manifest text (YAML or JSON) through the loader, the validator and apply.
#include "sim/manifest/loader.h"
#include "sim/simulation.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char *>(data), size);
    sim::manifest::LoadResult loaded = sim::manifest::loadText(text, "fuzz.yaml");
    if (!loaded.ok() || loaded.documents.empty())
        return 0;
    // Whatever loads cleanly is applied and given a little sim time, so controllers see it too.
    sim::Simulation simulation;
    simulation.apply(loaded.documents);
    simulation.runUntil(30 * sim::engine::kSecond);
    return 0;
}
