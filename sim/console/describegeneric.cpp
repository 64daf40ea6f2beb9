// kubectl's generic describer (printUnstructuredContent), which kubectl uses for custom resources
// such as the Gateway API kinds, and which kubesim uses for every kind without a describer of its own.

#include "sim/console/describers.h"
#include "sim/manifest/encoder.h"

#include <algorithm>
#include <cctype>

namespace sim::console::describe {
namespace {

// fatih/camelcase.Split: runs of lower case, upper case and digits; an upper-case run followed by
// lower case gives its last letter to the next word ("HTTPRoute" -> "HTTP", "Route").
std::vector<std::string> camelCaseSplit(const std::string &s)
{
    auto classOf = [](char ch) {
        unsigned char u = static_cast<unsigned char>(ch);
        return std::islower(u) ? 1 : std::isupper(u) ? 2 : std::isdigit(u) ? 3 : 4;
    };
    std::vector<std::string> runs;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (runs.empty() || classOf(s[i]) != classOf(runs.back().back()))
            runs.emplace_back(1, s[i]);
        else
            runs.back() += s[i];
    }
    for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
        if (classOf(runs[i][0]) == 2 && classOf(runs[i + 1][0]) == 1 && runs[i].size() > 1) {
            runs[i + 1] = runs[i].back() + runs[i + 1];
            runs[i].pop_back();
        }
    }
    return runs;
}

// smartLabelFor: "gatewayClassName" -> "Gateway Class Name", "apiVersion" -> "API Version".
std::string smartLabel(const std::string &field)
{
    if (std::any_of(field.begin(), field.end(), [](char ch) { return !std::isalpha(static_cast<unsigned char>(ch)) && ch != '-'; }))
        return field;
    std::string out;
    for (std::string part : camelCaseSplit(field)) {
        std::string upper = part;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return std::toupper(ch); });
        if (upper == "API" || upper == "URL" || upper == "UID" || upper == "OSB" || upper == "GUID")
            part = upper;
        else
            part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
        out += (out.empty() ? "" : " ") + part;
    }
    return out;
}

bool isSkipped(const std::string &path)
{
    for (const char *skip : {".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels",
                             ".metadata.annotations"}) {
        if (path == skip)
            return true;
    }
    return false;
}

void content(Context &c, int level, const YAML::Node &map, const std::string &prefix)
{
    std::vector<std::string> keys;
    for (const auto &entry : map)
        keys.push_back(entry.first.Scalar());
    std::sort(keys.begin(), keys.end());
    for (const std::string &key : keys) {
        const YAML::Node value = map[key];
        const std::string path = prefix + "." + key;
        if (isSkipped(path) || value.IsNull())
            continue;
        if (value.IsMap()) {
            c.w.write(level, smartLabel(key) + ":\n");
            content(c, level + 1, value, path);
        } else if (value.IsSequence()) {
            c.w.write(level, smartLabel(key) + ":\n");
            for (const auto &item : value) {
                if (item.IsMap())
                    content(c, level + 1, item, path);
                else if (item.IsScalar())
                    c.w.write(level + 1, item.Scalar() + "\n");
            }
        } else {
            c.w.write(level, smartLabel(key) + ":\t" + value.Scalar() + "\n");
        }
    }
}

} // namespace

void generic(Context &c, const api::Object &o)
{
    c.w.write(0, "Name:\t" + o.metadata.name + "\n");
    c.w.write(0, "Namespace:\t" + o.metadata.namespace_ + "\n");
    c.w.labels("", "Labels", o.metadata.labels);
    c.w.annotations("", "Annotations", o.metadata.annotations);
    content(c, 0, manifest::encodeObject(o), "");
    events(c, o);
}

} // namespace sim::console::describe
