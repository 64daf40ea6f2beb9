#pragma once

#include "sim/console/objectquery.h"
#include "sim/console/tableprinter.h"

#include <string>
#include <vector>

namespace sim::console {

/** How `get` lays out the tables of several kinds. */
struct TableOptions {
    PrintOptions print;
    bool allNamespaces = false;  // -A: a NAMESPACE column in front
    bool isMultiKind = false;    // names prefixed with the kind ("pod/web-1"), as in `get all`
    bool noHeaders = false;
    bool showLabels = false;     // --show-labels: a LABELS column at the end
};

/** One table per non-empty group, separated by blank lines, as kubectl prints them. */
std::string printTables(const std::vector<ObjectGroup> &groups, const TableOptions &options);
/** `-o name`: "deployment.apps/web", one per line. */
std::string printNames(const std::vector<ObjectGroup> &groups);

} // namespace sim::console
