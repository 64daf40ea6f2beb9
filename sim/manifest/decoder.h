#pragma once

#include "sim/manifest/document.h"

#include <yaml-cpp/yaml.h>

#include <string>

namespace sim::manifest {

/** How objects that name no namespace are placed, as kubectl's -n flag does. */
struct DecodeOptions {
    std::string defaultNamespace = "default";
    /** kubectl -n given: an object that names another namespace is an error instead of going there. */
    bool enforceNamespace = false;
};

/**
 * Decodes one parsed YAML document (an object, or a `kind: List` of objects) into typed objects with the
 * API server's defaults, validates each, and appends to out. An empty document adds nothing; an unknown
 * kind adds a warning; lineOffset is the document's first line in its file (documents are parsed apart).
 */
void decodeDocument(const YAML::Node &root, const std::string &file, int lineOffset, const DecodeOptions &options,
                    LoadResult &out);

} // namespace sim::manifest
