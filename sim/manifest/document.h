#pragma once

#include "sim/api/object.h"
#include "sim/manifest/diagnostic.h"

#include <map>
#include <string>
#include <vector>

namespace sim::manifest {

/** One decoded object and where its parts came from, so errors and the window can point at lines. */
struct Document {
    api::Object object;
    SourceLocation location;                          // the document's start
    std::map<std::string, SourceLocation> fields;     // field path ("spec.rules[0].backendRefs[1].weight") -> location
    /** Location of a field path, falling back to the nearest recorded parent, then to the document. */
    SourceLocation locate(const std::string &fieldPath) const;
};

/** What loading some inputs gave: the objects in input order, and every error and warning. */
struct LoadResult {
    std::vector<Document> documents;
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

} // namespace sim::manifest
