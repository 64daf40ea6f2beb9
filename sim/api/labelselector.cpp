#include "sim/api/labelselector.h"

#include "sim/join.h"

#include <algorithm>

namespace sim::api {
namespace {

bool contains(const std::vector<std::string> &values, const std::string &v)
{
    return std::find(values.begin(), values.end(), v) != values.end();
}

bool requirementMatches(const LabelSelectorRequirement &r, const Labels &labels)
{
    auto it = labels.find(r.key);
    bool present = it != labels.end();
    if (r.op == "In")
        return present && contains(r.values, it->second);
    if (r.op == "NotIn")
        return !present || !contains(r.values, it->second);
    if (r.op == "Exists")
        return present;
    if (r.op == "DoesNotExist")
        return !present;
    return false;
}

} // namespace

bool LabelSelector::matches(const Labels &labels) const
{
    for (const auto &[key, value] : matchLabels) {
        auto it = labels.find(key);
        if (it == labels.end() || it->second != value)
            return false;
    }
    return std::all_of(matchExpressions.begin(), matchExpressions.end(),
                       [&](const LabelSelectorRequirement &r) { return requirementMatches(r, labels); });
}

std::string LabelSelector::toString() const
{
    std::vector<std::string> parts;
    for (const auto &[key, value] : matchLabels)
        parts.push_back(key + "=" + value);
    for (const LabelSelectorRequirement &r : matchExpressions) {
        if (r.op == "In")
            parts.push_back(r.key + " in (" + join(r.values, ",") + ")");
        else if (r.op == "NotIn")
            parts.push_back(r.key + " notin (" + join(r.values, ",") + ")");
        else if (r.op == "Exists")
            parts.push_back(r.key);
        else
            parts.push_back("!" + r.key);
    }
    return join(parts, ",");
}

} // namespace sim::api
