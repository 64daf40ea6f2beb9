#include "sim/manifest/validator.h"

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

} // namespace

std::vector<Diagnostic> validateBatch(const std::vector<Document> &documents, const store::Store &store)
{
    std::vector<Diagnostic> out;
    checkNamespaces(documents, store, out);
    checkDuplicates(documents, out);
    return out;
}

} // namespace sim::manifest
