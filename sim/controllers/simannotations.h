#pragma once

#include "sim/api/objectmeta.h"
#include "sim/engine/simtime.h"

#include <optional>
#include <string>
#include <string_view>

namespace sim::controllers {

/** The sim-only knobs read from `kubesim.io/` annotations on a pod (set them on the pod template). See docs/annotations.md. */
namespace annotation {
inline constexpr const char *kImagePullSeconds = "kubesim.io/image-pull-seconds";
inline constexpr const char *kStartupSeconds = "kubesim.io/startup-seconds";
inline constexpr const char *kShutdownSeconds = "kubesim.io/shutdown-seconds";
inline constexpr const char *kCrashAfterSeconds = "kubesim.io/crash-after-seconds";
inline constexpr const char *kCrashContainer = "kubesim.io/crash-container";
inline constexpr const char *kReadinessFail = "kubesim.io/readiness-fail";
/** On a Node: its kubelet has stopped (the node failed). */
inline constexpr const char *kKubeletStopped = "kubesim.io/kubelet-stopped";
} // namespace annotation

/**
 * Parses a duration in seconds written as a decimal ("2", "0.5", "1.25") into SimTime, exactly
 * (no floating point). nullopt for anything else, including negative values.
 */
std::optional<engine::SimTime> parseSeconds(std::string_view text);

/** A seconds annotation, or nullopt when absent or not a valid duration. */
std::optional<engine::SimTime> secondsAnnotation(const api::ObjectMeta &meta, const char *key);

/** A boolean annotation: "true" (any case) or "1". */
bool flagAnnotation(const api::ObjectMeta &meta, const char *key);

/** How Go prints a time.Duration, to the millisecond: "1.234s", "500ms", "2m0s". */
std::string formatDuration(engine::SimTime duration);

} // namespace sim::controllers
