#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace ui {

/**
 * Runs manifests without a window for a few seconds of wall time, simulated time keeping pace, and prints
 * one line of live figures per second: requests per second, the split per Service, latency, errors.
 * Returns the exit code (1 when the manifests do not load).
 */
int runHeadless(const std::vector<std::string> &paths, int seconds, std::FILE *out);

} // namespace ui
