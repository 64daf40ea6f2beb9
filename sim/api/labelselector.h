#pragma once

#include <map>
#include <string>
#include <vector>

namespace sim::api {

using Labels = std::map<std::string, std::string>;

/** One matchExpressions entry: key, operator In / NotIn / Exists / DoesNotExist, values. */
struct LabelSelectorRequirement {
    std::string key;
    std::string op;  // "In", "NotIn", "Exists", "DoesNotExist"
    std::vector<std::string> values;
    bool operator==(const LabelSelectorRequirement &) const = default;
};

/** metav1.LabelSelector. An empty selector matches everything, as in Kubernetes. */
struct LabelSelector {
    Labels matchLabels;
    std::vector<LabelSelectorRequirement> matchExpressions;

    bool matches(const Labels &labels) const;
    bool isEmpty() const { return matchLabels.empty() && matchExpressions.empty(); }
    /** kubectl's rendering: "app=web,tier in (a,b)". */
    std::string toString() const;
    bool operator==(const LabelSelector &) const = default;
};

} // namespace sim::api
