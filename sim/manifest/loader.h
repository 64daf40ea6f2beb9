#pragma once

#include "sim/manifest/decoder.h"
#include "sim/manifest/document.h"

#include <string>
#include <string_view>
#include <vector>

namespace sim::manifest {

/**
 * Loads manifests as `kubectl apply -f` takes them: files, directories (recursively, in lexical order,
 * picking *.yaml, *.yml and *.json) and "-" for standard input. Never throws: a missing path or a
 * syntax error is a diagnostic with file:line:column.
 */
LoadResult loadPaths(const std::vector<std::string> &paths, const DecodeOptions &options = {});
/** Loads one text (multi-document YAML or JSON); fileName is used in locations. */
LoadResult loadText(std::string_view text, const std::string &fileName, const DecodeOptions &options = {});

} // namespace sim::manifest
