#pragma once

#include "sim/manifest/document.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace sim::manifest {

/** How a YAML scalar resolves, as Kubernetes' YAML-to-JSON step (YAML 1.1 rules) sees it. */
enum class ScalarType { Null, Bool, Number, String };

/** The type a scalar node resolves to: quoted and !!str scalars are strings, plain ones are resolved. */
ScalarType scalarType(const YAML::Node &node);
/** Whether plain text would resolve to something else than a string (a number, a bool, null). */
bool isAmbiguousPlainScalar(const std::string &text);

/**
 * What decoding one document collects: where each field stands (into Document::fields) and every
 * error and warning, located at file:line:column with the field path.
 */
class DecodeContext {
public:
    /** lineOffset: the document's first line in its file, since each document is parsed on its own. */
    DecodeContext(Document &document, std::vector<Diagnostic> &diagnostics, int lineOffset);

    Document &document() { return m_document; }
    /** The 1-based location of a parsed node; the document's start for nodes without a mark. */
    SourceLocation locationOf(const YAML::Node &node) const;
    void record(const std::string &path, const YAML::Node &node);

    void error(const std::string &path, const YAML::Node &at, std::string message);
    void warning(const std::string &path, const YAML::Node &at, std::string message);
    /** An error located at the recorded field, or its nearest recorded parent. */
    void error(const std::string &path, std::string message);
    bool hasErrors() const { return m_errorCount > 0; }

private:
    void add(Diagnostic::Severity severity, const std::string &path, SourceLocation location, std::string message);

    Document &m_document;
    std::vector<Diagnostic> &m_diagnostics;
    int m_lineOffset;
    int m_errorCount = 0;
};

} // namespace sim::manifest
