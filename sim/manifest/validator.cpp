#include "sim/manifest/validator.h"

#include <set>
#include <string>

namespace sim::manifest {
namespace {

bool namespaceExists(const std::string &ns, const std::set<std::string> &inBatch, const store::Store &store)
{
    return ns == "default" || ns == "kube-system" || inBatch.count(ns) > 0 ||
           store.get(api::Kind::Namespace, "", ns) != nullptr;
}

} // namespace

std::vector<Diagnostic> validateBatch(const std::vector<Document> &documents, const store::Store &store)
{
    std::set<std::string> inBatch;
    for (const Document &doc : documents) {
        if (doc.object.kind() == api::Kind::Namespace)
            inBatch.insert(doc.object.metadata.name);
    }
    std::vector<Diagnostic> out;
    for (const Document &doc : documents) {
        const std::string &ns = doc.object.metadata.namespace_;
        if (!doc.object.info().namespaced || namespaceExists(ns, inBatch, store))
            continue;
        out.push_back(Diagnostic{Diagnostic::Severity::Error, doc.locate("metadata.namespace"), "metadata.namespace",
                                 "namespaces \"" + ns + "\" not found"});
    }
    return out;
}

} // namespace sim::manifest
