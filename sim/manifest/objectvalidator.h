#pragma once

#include "sim/manifest/document.h"

#include <vector>

namespace sim::manifest {

/**
 * Checks one object as the API server's validation does: names, labels and annotations, required fields,
 * enums, port ranges, selectors against template labels, and each kind's own rules (Gateway API: the CRD
 * schema and its CEL rules). Errors are located through document.locate(field path).
 */
std::vector<Diagnostic> validateObject(const Document &document);

} // namespace sim::manifest
