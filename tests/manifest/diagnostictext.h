#pragma once

// Diagnostic helpers shared by the manifest tests.

#include "sim/manifest/document.h"

#include <QString>
#include <QStringList>

#include <vector>

inline QString describe(const std::vector<sim::manifest::Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const sim::manifest::Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

inline std::vector<sim::manifest::Diagnostic> ofSeverity(const sim::manifest::LoadResult &r, sim::manifest::Diagnostic::Severity severity)
{
    std::vector<sim::manifest::Diagnostic> out;
    for (const sim::manifest::Diagnostic &d : r.diagnostics) {
        if (d.severity == severity)
            out.push_back(d);
    }
    return out;
}

