#include "sim/manifest/validator.h"

#include "sim/limits.h"

#include <map>
#include <set>
#include <string>
#include <tuple>

namespace sim::manifest {
namespace {

bool namespaceExists(const std::string &ns, const std::set<std::string> &inBatch, const store::Store &store)
{
    return ns == "default" || ns == "kube-system" || inBatch.count(ns) > 0 ||
           store.get(api::Kind::Namespace, "", ns) != nullptr;
}

void checkNamespaces(const std::vector<Document> &documents, const store::Store &store, std::vector<Diagnostic> &out)
{
    std::set<std::string> inBatch;
    for (const Document &doc : documents) {
        if (doc.object.kind() == api::Kind::Namespace)
            inBatch.insert(doc.object.metadata.name);
    }
    for (const Document &doc : documents) {
        const std::string &ns = doc.object.metadata.namespace_;
        if (!doc.object.info().namespaced || namespaceExists(ns, inBatch, store))
            continue;
        out.push_back(Diagnostic{Diagnostic::Severity::Error, doc.locate("metadata.namespace"), "metadata.namespace",
                                 "namespaces \"" + ns + "\" not found"});
    }
}

// Applying one batch that names an object twice would silently keep the last copy; say so instead.
void checkDuplicates(const std::vector<Document> &documents, std::vector<Diagnostic> &out)
{
    std::map<std::tuple<api::Kind, std::string, std::string>, const Document *> seen;
    for (const Document &doc : documents) {
        const api::Object &o = doc.object;
        if (o.metadata.name.empty())
            continue;
        auto [it, inserted] = seen.emplace(std::tuple{o.kind(), o.metadata.namespace_, o.metadata.name}, &doc);
        if (inserted)
            continue;
        out.push_back(Diagnostic{Diagnostic::Severity::Error, doc.locate("metadata.name"), "metadata.name",
                                 "Duplicate value: \"" + o.key() + "\": " + o.info().qualifiedSingular() + " \"" +
                                     o.metadata.name + "\" is also defined at " + it->second->location.toString()});
    }
}

// Refuses a batch past the object limit at its first object too many, so nothing of it is read further.
bool checkObjectCount(const std::vector<Document> &documents, std::vector<Diagnostic> &out)
{
    if (documents.size() <= limits::kMaxObjectsPerApply)
        return true;
    out.push_back(Diagnostic{Diagnostic::Severity::Error, documents[limits::kMaxObjectsPerApply].location, "",
                             "Too many: " + std::to_string(documents.size()) + " objects in one apply: must have at most " +
                                 std::to_string(limits::kMaxObjectsPerApply)});
    return false;
}

using ObjectKey = std::tuple<api::Kind, std::string, std::string>;

ObjectKey keyOf(const api::Object &o) { return {o.kind(), o.metadata.namespace_, o.metadata.name}; }

// The pods the cluster would be asked to run once the batch is stored, and the batch's largest contributor.
void checkTotalPods(const std::vector<Document> &documents, const store::Store &store, std::vector<Diagnostic> &out)
{
    std::map<ObjectKey, std::int64_t> desired;
    for (api::Kind kind : {api::Kind::Deployment, api::Kind::ReplicaSet, api::Kind::Pod}) {
        for (const api::ObjectPtr &o : store.list(kind))
            desired[keyOf(*o)] = desiredPods(*o);
    }
    const Document *largest = nullptr;
    for (const Document &doc : documents) {
        std::int64_t pods = desiredPods(doc.object);
        desired[keyOf(doc.object)] = pods;
        if (pods > 0 && (!largest || pods > desiredPods(largest->object)))
            largest = &doc;
    }
    std::int64_t total = 0;
    for (const auto &[key, pods] : desired)
        total += pods;
    if (total <= limits::kMaxPods || !largest)
        return;
    const std::string field = largest->object.kind() == api::Kind::Pod ? "metadata.name" : "spec.replicas";
    out.push_back(Diagnostic{Diagnostic::Severity::Error, largest->locate(field), field,
                             "Forbidden: the cluster would run " + std::to_string(total) +
                                 " pods: kubesim runs at most " + std::to_string(limits::kMaxPods)});
}

} // namespace

std::int64_t desiredPods(const api::Object &object)
{
    const bool owned = object.metadata.controllerRef() != nullptr;
    switch (object.kind()) {
    case api::Kind::Deployment:
        return object.as<api::Deployment>().spec.replicas;
    case api::Kind::ReplicaSet:
        return owned ? 0 : object.as<api::ReplicaSet>().spec.replicas;
    case api::Kind::Pod:
        return owned ? 0 : 1;
    default:
        return 0;
    }
}

std::vector<Diagnostic> validateBatch(const std::vector<Document> &documents, const store::Store &store)
{
    std::vector<Diagnostic> out;
    if (!checkObjectCount(documents, out))
        return out;
    checkNamespaces(documents, store, out);
    checkDuplicates(documents, out);
    checkTotalPods(documents, store, out);
    return out;
}

} // namespace sim::manifest
