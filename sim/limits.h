#pragma once

#include <cstddef>
#include <cstdint>

/**
 * Bounds on what one input may ask of kubesim, so that a hostile or mistaken manifest, scenario or command
 * gets a clear error instead of exhausting memory or time. Each value and its reason: docs/reliability.md.
 */
namespace sim::limits {

/**
 * Bytes of one manifest file or of standard input. The API server refuses one object over 3 MiB; a file holds many
 * (the largest documented cluster's Nodes, Deployments and Services take 3.4 MB of YAML), so a file gets more.
 */
inline constexpr std::size_t kMaxInputBytes = 32 * 1024 * 1024;
/** Nesting of maps and sequences in one YAML or JSON document; real manifests stay under 20. */
inline constexpr int kMaxNestingDepth = 64;
/** Nodes of one document once every alias is expanded (a "billion laughs" document stops here). */
inline constexpr std::size_t kMaxDocumentNodes = 100'000;
/** Objects in one apply (all files of one `apply -f` together); the largest documented cluster needs 16,550. */
inline constexpr std::size_t kMaxObjectsPerApply = 20'000;
/** spec.replicas of one Deployment or ReplicaSet. */
inline constexpr std::int64_t kMaxReplicas = 1'000;
/** Pods the cluster is asked to run: replicas of every Deployment, of every ReplicaSet no Deployment owns, and bare Pods. */
// Kubernetes' documented largest cluster: 150,000 pods (docs: "Considerations for large clusters").
inline constexpr std::int64_t kMaxPods = 150'000;
/** Requests per second of one load generator. */
inline constexpr double kMaxGeneratorRate = 10'000;
/** Requests one `traffic` run may be asked for (--requests), and how long it may run (--duration). */
inline constexpr std::int64_t kMaxRequestsPerRun = 1'000'000;
inline constexpr std::int64_t kMaxRunSeconds = 3'600;

} // namespace sim::limits
