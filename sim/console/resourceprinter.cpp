#include "sim/console/resourceprinter.h"

namespace sim::console {

std::string printTables(const std::vector<ObjectGroup> &groups, const TableOptions &options)
{
    std::string out;
    for (const ObjectGroup &group : groups) {
        if (group.objects.empty())
            continue;
        const api::KindInfo &info = api::kindInfo(group.kind);
        Table table = objectTable(group.kind, group.objects, options.print);
        if (options.isMultiKind)
            table.prefixFirstColumn(info.qualifiedSingular() + "/");
        if (options.showLabels) {
            std::vector<std::string> labels;
            for (const api::ObjectPtr &object : group.objects)
                labels.push_back(formatLabels(object->metadata.labels));
            table.appendColumn("LABELS", labels);
        }
        if (options.allNamespaces && info.namespaced) {
            std::vector<std::string> namespaces;
            for (const api::ObjectPtr &object : group.objects)
                namespaces.push_back(object->metadata.namespace_);
            table.prependColumn("NAMESPACE", namespaces);
        }
        if (!out.empty())
            out += '\n';
        out += table.render(options.noHeaders);
    }
    return out;
}

std::string printNames(const std::vector<ObjectGroup> &groups)
{
    std::string out;
    for (const ObjectGroup &group : groups) {
        for (const api::ObjectPtr &object : group.objects)
            out += object->displayName() + "\n";
    }
    return out;
}

} // namespace sim::console
