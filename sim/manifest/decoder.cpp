#include "sim/manifest/decoder.h"

#include "sim/manifest/decodekinds.h"
#include "sim/manifest/objectvalidator.h"

namespace sim::manifest {
namespace {

// The server applies these defaults that do not depend on one field alone.
void applyObjectDefaults(api::Object &object)
{
    // Since Kubernetes 1.21 every Namespace carries its own name as a label (used by namespace selectors).
    if (object.kind() == api::Kind::Namespace && !object.metadata.name.empty())
        object.metadata.labels.edit()["kubernetes.io/metadata.name"] = object.metadata.name;
}

void placeInNamespace(DecodeContext &context, api::Object &object, const DecodeOptions &options)
{
    api::ObjectMeta &meta = object.metadata;
    if (!object.info().namespaced) {
        meta.namespace_.clear();  // kubectl ignores a namespace on cluster-scoped objects
        return;
    }
    if (meta.namespace_.empty()) {
        meta.namespace_ = options.defaultNamespace;
        return;
    }
    if (options.enforceNamespace && meta.namespace_ != options.defaultNamespace)
        context.error("metadata.namespace",
                      "the namespace from the provided object \"" + meta.namespace_ +
                          "\" does not match the namespace \"" + options.defaultNamespace +
                          "\". You must pass '--namespace=" + meta.namespace_ + "' to perform this operation.");
}

void decodeObject(const YAML::Node &root, const std::string &file, int lineOffset, const DecodeOptions &options,
                  LoadResult &out, api::Kind kind)
{
    Document doc{api::makeObject(kind), {}, {}};
    std::vector<Diagnostic> diagnostics;
    DecodeContext context(doc, diagnostics, lineOffset);
    doc.location = SourceLocation{file, 0, 0};
    doc.location = context.locationOf(root);

    MapReader top(context, root, "");
    top.ignore({"apiVersion", "kind"});
    top.object("metadata", [&](MapReader &m) { decodeObjectMeta(m, doc.object.metadata); });
    std::visit([&](auto &body) { decodeBody(top, body); }, doc.object.body);
    top.ignore({"status"});  // written by controllers; a dump of a live cluster carries it
    top.finish();

    applyObjectDefaults(doc.object);
    placeInNamespace(context, doc.object, options);
    if (!context.hasErrors()) {
        std::vector<Diagnostic> invalid = validateObject(doc);
        diagnostics.insert(diagnostics.end(), invalid.begin(), invalid.end());
    }
    out.diagnostics.insert(out.diagnostics.end(), diagnostics.begin(), diagnostics.end());
    out.documents.push_back(std::move(doc));
}

// The key node of a top-level field, to point at "apiVersion:" itself.
YAML::Node keyNode(const YAML::Node &map, const char *key)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->first;
    }
    return map;
}

std::string scalarOrEmpty(const YAML::Node &node)
{
    return node.IsDefined() && node.IsScalar() ? node.Scalar() : std::string();
}

void decodeNode(const YAML::Node &root, const std::string &file, int lineOffset, const DecodeOptions &options,
                LoadResult &out);

void decodeList(const YAML::Node &root, const std::string &file, int lineOffset, const DecodeOptions &options,
                LoadResult &out)
{
    YAML::Node items = root["items"];
    if (!items.IsDefined() || items.IsNull())
        return;
    if (!items.IsSequence()) {
        Document scratch;
        scratch.location.file = file;
        DecodeContext context(scratch, out.diagnostics, lineOffset);
        context.error("items", items, "Invalid value: must be a list of objects");
        return;
    }
    for (const YAML::Node &item : items)
        decodeNode(item, file, lineOffset, options, out);
}

void decodeNode(const YAML::Node &root, const std::string &file, int lineOffset, const DecodeOptions &options,
                LoadResult &out)
{
    if (!root.IsDefined() || root.IsNull())
        return;
    Document scratch;
    scratch.location.file = file;
    DecodeContext context(scratch, out.diagnostics, lineOffset);
    scratch.location = context.locationOf(root);
    if (!root.IsMap()) {
        context.error("", root, "a manifest must be an object with apiVersion and kind");
        return;
    }
    std::string apiVersion = scalarOrEmpty(root["apiVersion"]);
    std::string kindName = scalarOrEmpty(root["kind"]);
    if (apiVersion.empty() || kindName.empty()) {
        std::string missing = apiVersion.empty() && kindName.empty() ? "apiVersion not set, kind not set"
                              : apiVersion.empty()                   ? "apiVersion not set"
                                                                     : "kind not set";
        std::string message = "error validating data: [" + missing + "]";
        // A lesson folder passed to -f holds its scenario.yaml beside the manifests: say what it is.
        if (apiVersion.empty() && kindName.empty() && root["steps"] && root["title"])
            message += "; this is a kubesim lesson (scenario.yaml): `kubesim run FOLDER` plays it, or pass only its manifest files";
        context.error(apiVersion.empty() ? "apiVersion" : "kind", root, message);
        return;
    }
    if (kindName == "List" && apiVersion == "v1") {
        decodeList(root, file, lineOffset, options, out);
        return;
    }
    std::optional<api::Kind> kind = api::kindFromName(kindName);
    YAML::Node metadata = root["metadata"];
    std::string name = metadata.IsMap() ? scalarOrEmpty(metadata["name"]) : std::string();
    if (!kind) {
        context.warning("", root,
                        "kind \"" + kindName + "\" (" + apiVersion + ") is not simulated by kubesim: " +
                            (name.empty() ? "the object" : "\"" + name + "\"") + " in " + file + " is skipped");
        return;
    }
    if (!api::isAcceptedApiVersion(*kind, apiVersion)) {
        context.error("apiVersion", keyNode(root, "apiVersion"),
                      "no matches for kind \"" + kindName + "\" in version \"" + apiVersion + "\" (kubesim serves " +
                          api::kindInfo(*kind).apiVersion() + ")");
        return;
    }
    decodeObject(root, file, lineOffset, options, out, *kind);
}

} // namespace

void decodeDocument(const YAML::Node &root, const std::string &file, int lineOffset, const DecodeOptions &options,
                    LoadResult &out)
{
    decodeNode(root, file, lineOffset, options, out);
}

} // namespace sim::manifest
