#pragma once

#include <cstddef>
#include <cstdint>

/**
 * Bounds on what one input may ask of kubesim, so that a hostile or mistaken manifest, scenario or command
 * gets a clear error instead of exhausting memory or time. Each value and its reason: docs/reliability.md.
 */
namespace sim::limits {

/** Bytes of one manifest file or of standard input (the API server refuses request bodies over 3 MiB). */
inline constexpr std::size_t kMaxInputBytes = 3 * 1024 * 1024;
/** Nesting of maps and sequences in one YAML or JSON document; real manifests stay under 20. */
inline constexpr int kMaxNestingDepth = 64;
/** Nodes of one document once every alias is expanded (a "billion laughs" document stops here). */
inline constexpr std::size_t kMaxDocumentNodes = 100'000;
/** Objects in one apply (all files of one `apply -f` together). */
inline constexpr std::size_t kMaxObjectsPerApply = 1'000;
/** spec.replicas of one Deployment or ReplicaSet. */
inline constexpr std::int64_t kMaxReplicas = 1'000;
/** Pods the cluster is asked to run: replicas of every Deployment, of every ReplicaSet no Deployment owns, and bare Pods. */
inline constexpr std::int64_t kMaxPods = 5'000;
/** Requests per second of one load generator. */
inline constexpr double kMaxGeneratorRate = 10'000;
/** Requests one `traffic` run may be asked for (--requests), and how long it may run (--duration). */
inline constexpr std::int64_t kMaxRequestsPerRun = 1'000'000;
inline constexpr std::int64_t kMaxRunSeconds = 3'600;

} // namespace sim::limits
