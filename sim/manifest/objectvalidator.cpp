#include "sim/manifest/objectvalidator.h"

#include "sim/manifest/namerules.h"
#include "sim/manifest/validatekinds.h"

namespace sim::manifest {
namespace {

constexpr std::size_t kMaxAnnotationBytes = 256 * 1024;

std::vector<std::string> checkObjectName(api::Kind kind, const std::string &name)
{
    switch (kind) {
    case api::Kind::Namespace:
        return checkDns1123Label(name);
    case api::Kind::Service:
        return checkDns1035Label(name);
    default:
        return checkDns1123Subdomain(name);
    }
}

void validateMetadata(const api::Object &object, FieldErrors &errors)
{
    const api::ObjectMeta &meta = object.metadata;
    if (meta.name.empty())
        errors.required("metadata.name", "name or generateName is required");
    else
        errors.invalid("metadata.name", quoted(meta.name), checkObjectName(object.kind(), meta.name));
    if (object.info().namespaced && !meta.namespace_.empty())
        errors.invalid("metadata.namespace", quoted(meta.namespace_), checkDns1123Label(meta.namespace_));
    validateLabels(meta.labels, "metadata.labels", errors);
    std::size_t total = 0;
    for (const auto &[key, value] : *meta.annotations) {
        total += key.size() + value.size();
        for (const std::string &m : checkQualifiedName(key))
            errors.add("metadata.annotations", "Invalid value: " + quoted(key) + ": " + m, "metadata.annotations." + key);
    }
    if (total > kMaxAnnotationBytes)
        errors.add("metadata.annotations", "Too long: must have at most " + std::to_string(kMaxAnnotationBytes) + " bytes");
}

} // namespace

std::string goMapLiteral(const api::Labels &labels)
{
    std::string out = "map[string]string{";
    bool first = true;
    for (const auto &[key, value] : labels) {
        out += (first ? "" : ", ") + quoted(key) + ":" + quoted(value);
        first = false;
    }
    return out + "}";
}

void validateLabels(const api::Labels &labels, const std::string &path, FieldErrors &errors)
{
    for (const auto &[key, value] : labels) {
        for (const std::string &m : checkQualifiedName(key))
            errors.add(path, "Invalid value: " + quoted(key) + ": " + m, path + "." + key);
        for (const std::string &m : checkLabelValue(value))
            errors.add(path, "Invalid value: " + quoted(value) + ": " + m, path + "." + key);
    }
}

void validateLabelSelector(const api::LabelSelector &selector, const std::string &path, FieldErrors &errors)
{
    validateLabels(selector.matchLabels, path + ".matchLabels", errors);
    for (std::size_t i = 0; i < selector.matchExpressions.size(); ++i) {
        const api::LabelSelectorRequirement &r = selector.matchExpressions[i];
        std::string at = path + ".matchExpressions[" + std::to_string(i) + "]";
        if (r.op == "In" || r.op == "NotIn") {
            if (r.values.empty())
                errors.required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
        } else if (r.op == "Exists" || r.op == "DoesNotExist") {
            if (!r.values.empty())
                errors.forbidden(at + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        } else {
            errors.invalid(at + ".operator", quoted(r.op), "not a valid selector operator");
        }
        for (const std::string &m : checkQualifiedName(r.key))
            errors.invalid(at + ".key", quoted(r.key), m);
    }
}

void validatePortNumberOrName(const api::IntOrString &port, const std::string &path, FieldErrors &errors)
{
    if (port.isInt())
        errors.checkPort(path, port.intValue());
    else
        errors.invalid(path, quoted(port.stringValue()), checkPortName(port.stringValue()));
}

std::vector<Diagnostic> validateObject(const Document &document)
{
    FieldErrors errors(document);
    validateMetadata(document.object, errors);
    std::visit([&](const auto &body) { validateBody(body, errors); }, document.object.body);
    return errors.take();
}

} // namespace sim::manifest
