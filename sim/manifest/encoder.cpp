#include "sim/manifest/encoder.h"

#include "sim/manifest/encodekinds.h"
#include "sim/manifest/yamlwriter.h"

#include <chrono>
#include <cstdio>

namespace sim::manifest {
namespace {

YAML::Node ownerReferencesNode(const std::vector<api::OwnerReference> &refs)
{
    YAML::Node list = newList();
    for (const api::OwnerReference &r : refs) {
        YAML::Node n = newMap();
        setString(n, "apiVersion", r.apiVersion);
        setString(n, "kind", r.kind);
        setString(n, "name", r.name);
        setString(n, "uid", r.uid);
        setTrue(n, "controller", r.controller);
        setTrue(n, "blockOwnerDeletion", r.blockOwnerDeletion);
        list.push_back(n);
    }
    return list;
}

YAML::Node metadataNode(const api::ObjectMeta &meta, const EncodeOptions &options)
{
    YAML::Node n = newMap();
    setString(n, "name", meta.name);
    setString(n, "generateName", meta.generateName);
    setString(n, "namespace", meta.namespace_);
    setStringMap(n, "labels", meta.labels);
    setStringMap(n, "annotations", meta.annotations);
    setStringList(n, "finalizers", meta.finalizers);
    if (!options.includeStatus)
        return n;
    // Server-written fields: uids and versions are this cluster's, so a saved sandbox leaves them out.
    setChild(n, "ownerReferences", ownerReferencesNode(meta.ownerReferences));
    setString(n, "uid", meta.uid);
    if (meta.resourceVersion)
        setStringAlways(n, "resourceVersion", std::to_string(meta.resourceVersion));
    setIntNonZero(n, "generation", meta.generation);
    setTimestamp(n, "creationTimestamp", meta.creationTimestamp);
    if (meta.deletionTimestamp)
        setTimestamp(n, "deletionTimestamp", *meta.deletionTimestamp);
    if (meta.deletionGracePeriodSeconds)
        setInt(n, "deletionGracePeriodSeconds", *meta.deletionGracePeriodSeconds);
    return n;
}

} // namespace

std::string formatTimestamp(engine::SimTime time)
{
    using namespace std::chrono;
    constexpr sys_days kEpoch = year{2024} / January / 1;
    std::int64_t totalSeconds = time / engine::kSecond - (time % engine::kSecond < 0 ? 1 : 0);
    std::int64_t dayCount = totalSeconds / 86400 - (totalSeconds % 86400 < 0 ? 1 : 0);
    std::int64_t secondOfDay = totalSeconds - dayCount * 86400;
    year_month_day date{kEpoch + days{dayCount}};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(secondOfDay / 3600), static_cast<int>(secondOfDay / 60 % 60),
                  static_cast<int>(secondOfDay % 60));
    return buf;
}

YAML::Node encodeObject(const api::Object &object, const EncodeOptions &options)
{
    YAML::Node top = newMap();
    top["apiVersion"] = stringNode(object.info().apiVersion());
    top["kind"] = stringNode(std::string(object.info().name));
    top["metadata"] = metadataNode(object.metadata, options);
    std::visit([&](const auto &body) { encodeBody(body, top, options.includeStatus); }, object.body);
    return top;
}

YAML::Node encodeObjects(const std::vector<api::ObjectPtr> &objects, const EncodeOptions &options)
{
    if (objects.size() == 1 && !options.asList)
        return encodeObject(*objects.front(), options);
    YAML::Node list = newMap();
    list["apiVersion"] = stringNode("v1");
    YAML::Node items = newList();
    for (const api::ObjectPtr &o : objects)
        items.push_back(encodeObject(*o, options));
    list["items"] = items;
    list["kind"] = stringNode("List");
    YAML::Node meta = newMap();
    meta["resourceVersion"] = stringNode("");
    list["metadata"] = meta;
    return list;
}

std::string toYaml(const std::vector<api::ObjectPtr> &objects, const EncodeOptions &options)
{
    return writeYaml(encodeObjects(objects, options));
}

std::string toYaml(const api::Object &object, const EncodeOptions &options)
{
    return toYaml(std::vector<api::ObjectPtr>{std::make_shared<const api::Object>(object)}, options);
}

std::string toJson(const std::vector<api::ObjectPtr> &objects, const EncodeOptions &options)
{
    return writeJson(encodeObjects(objects, options));
}

std::string toJson(const api::Object &object, const EncodeOptions &options)
{
    return toJson(std::vector<api::ObjectPtr>{std::make_shared<const api::Object>(object)}, options);
}

// Field setters shared by the per-kind encoders.

YAML::Node newMap() { return YAML::Node(YAML::NodeType::Map); }
YAML::Node newList() { return YAML::Node(YAML::NodeType::Sequence); }

void setString(YAML::Node &map, const char *key, const std::string &value)
{
    if (!value.empty())
        map[key] = stringNode(value);
}

void setStringAlways(YAML::Node &map, const char *key, const std::string &value) { map[key] = stringNode(value); }

void setString(YAML::Node &map, const char *key, const std::optional<std::string> &value)
{
    if (value)
        map[key] = stringNode(*value);
}

void setInt(YAML::Node &map, const char *key, std::int64_t value) { map[key] = value; }

void setIntNonZero(YAML::Node &map, const char *key, std::int64_t value)
{
    if (value != 0)
        map[key] = value;
}

void setInt(YAML::Node &map, const char *key, const std::optional<std::int32_t> &value)
{
    if (value)
        map[key] = *value;
}

void setBool(YAML::Node &map, const char *key, bool value) { map[key] = value; }

void setTrue(YAML::Node &map, const char *key, bool value)
{
    if (value)
        map[key] = true;
}

void setBool(YAML::Node &map, const char *key, const std::optional<bool> &value)
{
    if (value)
        map[key] = *value;
}

void setStringMap(YAML::Node &map, const char *key, const std::map<std::string, std::string> &value)
{
    if (value.empty())
        return;
    YAML::Node n = newMap();
    for (const auto &[k, v] : value)
        n[k] = stringNode(v);
    map[key] = n;
}

void setStringList(YAML::Node &map, const char *key, const std::vector<std::string> &value)
{
    if (value.empty())
        return;
    YAML::Node n = newList();
    for (const std::string &v : value)
        n.push_back(stringNode(v));
    map[key] = n;
}

void setTimestamp(YAML::Node &map, const char *key, std::int64_t simTime)
{
    map[key] = stringNode(formatTimestamp(simTime));
}

void setChild(YAML::Node &map, const char *key, const YAML::Node &child)
{
    if (child.size() > 0)
        map[key] = child;
}

YAML::Node intOrStringNode(const api::IntOrString &value)
{
    return value.isInt() ? YAML::Node(value.intValue()) : stringNode(value.stringValue());
}

YAML::Node labelSelectorNode(const api::LabelSelector &selector)
{
    YAML::Node n = newMap();
    setStringMap(n, "matchLabels", selector.matchLabels);
    YAML::Node expressions = newList();
    for (const api::LabelSelectorRequirement &r : selector.matchExpressions) {
        YAML::Node e = newMap();
        setStringAlways(e, "key", r.key);
        setStringAlways(e, "operator", r.op);
        setStringList(e, "values", r.values);
        expressions.push_back(e);
    }
    setChild(n, "matchExpressions", expressions);
    return n;
}

YAML::Node quantitiesNode(const std::map<std::string, api::Quantity> &quantities)
{
    YAML::Node n = newMap();
    for (const auto &[name, q] : quantities)
        n[name] = stringNode(q.text);
    return n;
}

YAML::Node conditionsNode(const std::vector<api::Condition> &conditions)
{
    YAML::Node list = newList();
    for (const api::Condition &c : conditions) {
        YAML::Node n = newMap();
        setStringAlways(n, "type", c.type);
        setStringAlways(n, "status", c.status);
        setString(n, "reason", c.reason);
        setString(n, "message", c.message);
        setTimestamp(n, "lastTransitionTime", c.lastTransitionTime);
        setIntNonZero(n, "observedGeneration", c.observedGeneration);
        list.push_back(n);
    }
    return list;
}

} // namespace sim::manifest
