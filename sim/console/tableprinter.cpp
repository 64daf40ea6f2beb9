#include "sim/console/tableprinter.h"

#include "sim/console/duration.h"
#include "sim/console/rowprinters.h"

#include <array>
#include <set>

namespace sim::console {
namespace {

struct KindColumns {
    std::vector<std::string> headers;
    std::vector<std::string> wideHeaders;
    rows::Row (*row)(const api::Object &, const PrintOptions &);
};

// Indexed by api::Kind; the columns of kubectl 1.30 and of the Gateway API CRDs' printer columns.
const std::array<KindColumns, api::kKindCount> &kindColumns()
{
    static const std::array<KindColumns, api::kKindCount> columns{{
        {{"NAME", "STATUS", "AGE"}, {}, rows::namespaceRow},
        {{"NAME", "STATUS", "ROLES", "AGE", "VERSION"},
         {"INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"}, rows::nodeRow},
        {{"NAME", "DATA", "AGE"}, {}, rows::configMapRow},
        {{"NAME", "TYPE", "DATA", "AGE"}, {}, rows::secretRow},
        {{"NAME", "READY", "STATUS", "RESTARTS", "AGE"}, {"IP", "NODE", "NOMINATED NODE", "READINESS GATES"},
         rows::podRow},
        {{"NAME", "DESIRED", "CURRENT", "READY", "AGE"}, {"CONTAINERS", "IMAGES", "SELECTOR"}, rows::replicaSetRow},
        {{"NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"}, {"CONTAINERS", "IMAGES", "SELECTOR"},
         rows::deploymentRow},
        {{"NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"}, {"SELECTOR"}, rows::serviceRow},
        {{"NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"}, {}, rows::endpointSliceRow},
        {{"NAME", "CONTROLLER", "PARAMETERS", "AGE"}, {}, rows::ingressClassRow},
        {{"NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"}, {}, rows::ingressRow},
        {{"NAME", "CONTROLLER", "ACCEPTED", "AGE"}, {"DESCRIPTION"}, rows::gatewayClassRow},
        {{"NAME", "CLASS", "ADDRESS", "PROGRAMMED", "AGE"}, {}, rows::gatewayRow},
        {{"NAME", "HOSTNAMES", "AGE"}, {}, rows::httpRouteRow},
        {{"NAME", "AGE"}, {}, rows::referenceGrantRow},
    }};
    return columns;
}

const KindColumns &columnsOf(api::Kind kind) { return kindColumns()[static_cast<std::size_t>(kind)]; }

} // namespace

std::vector<std::string> tableHeaders(api::Kind kind, bool wide)
{
    std::vector<std::string> headers = columnsOf(kind).headers;
    if (wide) {
        const auto &extra = columnsOf(kind).wideHeaders;
        headers.insert(headers.end(), extra.begin(), extra.end());
    }
    return headers;
}

std::vector<std::string> tableRow(const api::Object &object, const PrintOptions &options)
{
    std::vector<std::string> row = columnsOf(object.kind()).row(object, options);
    row.resize(tableHeaders(object.kind(), options.wide).size());
    return row;
}

Table objectTable(api::Kind kind, const std::vector<api::ObjectPtr> &objects, const PrintOptions &options)
{
    Table table(tableHeaders(kind, options.wide));
    for (const api::ObjectPtr &object : objects)
        table.addRow(tableRow(*object, options));
    return table;
}

std::string ageOf(const api::ObjectMeta &meta, engine::SimTime now)
{
    return humanDuration(now - meta.creationTimestamp);
}

std::string formatLabels(const api::Labels &labels)
{
    std::vector<std::string> parts;
    for (const auto &[key, value] : labels)
        parts.push_back(key + "=" + value);
    return parts.empty() ? "<none>" : join(parts, ",");
}

std::string formatSelector(const api::LabelSelector &selector)
{
    std::string text = selector.toString();
    return text.empty() ? "<none>" : text;
}

std::string conditionStatus(const std::vector<api::Condition> &conditions, const std::string &type)
{
    const api::Condition *c = api::findCondition(conditions, type);
    return c ? c->status : std::string();
}

std::string nodeStatus(const api::Node &node)
{
    std::string status = "Unknown";
    if (const api::Condition *ready = api::findCondition(node.status.conditions, "Ready"))
        status = ready->status == "True" ? "Ready" : "NotReady";
    if (node.spec.unschedulable)
        status += ",SchedulingDisabled";
    return status;
}

std::string nodeRoles(const api::Labels &labels)
{
    static const std::string rolePrefix = "node-role.kubernetes.io/";
    std::set<std::string> roles;
    for (const auto &[key, value] : labels) {
        if (key.rfind(rolePrefix, 0) == 0 && key.size() > rolePrefix.size())
            roles.insert(key.substr(rolePrefix.size()));
        else if (key == "kubernetes.io/role" && !value.empty())
            roles.insert(value);
    }
    return roles.empty() ? "<none>" : join({roles.begin(), roles.end()}, ",");
}

} // namespace sim::console
