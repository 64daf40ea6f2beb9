#include "sim/manifest/decodekinds.h"

namespace sim::manifest {
namespace {

// kubectl apply's bookkeeping: a dump of a live cluster carries it, and it is re-created on apply.
constexpr const char *kLastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

void decodeOwnerReference(MapReader &r, api::OwnerReference &out)
{
    r.read("apiVersion", out.apiVersion);
    r.read("kind", out.kind);
    r.read("name", out.name);
    r.read("uid", out.uid);
    r.read("controller", out.controller);
    r.read("blockOwnerDeletion", out.blockOwnerDeletion);
}

} // namespace

void decodeObjectMeta(MapReader &metadata, api::ObjectMeta &out)
{
    metadata.read("name", out.name);
    metadata.read("generateName", out.generateName);
    metadata.read("namespace", out.namespace_);
    metadata.read("labels", out.labels.edit());
    metadata.read("annotations", out.annotations.edit());
    out.annotations.edit().erase(kLastAppliedAnnotation);
    metadata.objects("ownerReferences", [&](MapReader &r, std::size_t) {
        decodeOwnerReference(r, out.ownerReferences.edit().emplace_back());
    });
    metadata.read("finalizers", out.finalizers.edit());
    // Written by the API server; a `kubectl get -o yaml` dump carries them, and they are set anew here.
    metadata.ignore({"uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
                     "deletionGracePeriodSeconds", "managedFields", "selfLink"});
}

void decodeLabelSelector(MapReader &selector, api::LabelSelector &out)
{
    selector.read("matchLabels", out.matchLabels);
    selector.objects("matchExpressions", [&](MapReader &r, std::size_t) {
        api::LabelSelectorRequirement &req = out.matchExpressions.emplace_back();
        r.read("key", req.key);
        r.read("operator", req.op);
        r.read("values", req.values);
    });
}

} // namespace sim::manifest
