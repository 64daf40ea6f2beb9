#pragma once

#include <string>
#include <vector>

namespace sim::manifest {

/** Where something stands in an input file; line and column count from 1 (0 when unknown). */
struct SourceLocation {
    std::string file;  // "-" for standard input
    int line = 0;
    int column = 0;
    /** "file:line:column" (or less when line or column are unknown). */
    std::string toString() const;
};

/** An error or warning about an input: where, which field, what was expected. */
struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    SourceLocation location;
    std::string field;    // field path, e.g. spec.rules[0].http.paths[1].pathType; may be empty
    std::string message;  // kubectl-like text, e.g. Unsupported value: "Foo": supported values: "Exact", "Prefix"

    bool isError() const { return severity == Severity::Error; }
    /** "file:line:column: error: field: message", the form every front end prints. */
    std::string toString() const;
};

bool hasErrors(const std::vector<Diagnostic> &diagnostics);

} // namespace sim::manifest
