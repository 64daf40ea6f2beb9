#pragma once

#include "sim/manifest/document.h"
#include "sim/store/store.h"

#include <vector>

namespace sim::manifest {

/**
 * Checks a batch against the cluster as the API server would at admission: every namespaced object's
 * namespace must exist in the cluster or be created by the same batch (default and kube-system always
 * exist), no object may appear twice in one batch, and the batch stays within kubesim's limits (objects per
 * apply, pods in the cluster: sim/limits.h). Per-object checks happen while decoding; this adds what needs
 * the batch and the store.
 */
std::vector<Diagnostic> validateBatch(const std::vector<Document> &documents, const store::Store &store);

/** Pods an object asks the cluster to run: a Deployment's replicas, an unowned ReplicaSet's, 1 for an unowned Pod. */
std::int64_t desiredPods(const api::Object &object);

} // namespace sim::manifest
