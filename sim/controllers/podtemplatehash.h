#pragma once

#include "sim/api/pod.h"

#include <string>

namespace sim::controllers {

/** Label a Deployment puts on its ReplicaSets and their pods. */
inline constexpr const char *kPodTemplateHashLabel = "pod-template-hash";

/**
 * The pod-template-hash of a template, as the Deployment controller computes it: a 32-bit FNV-1a hash of
 * the template (ignoring any pod-template-hash label), written in decimal and mapped onto Kubernetes'
 * "safe" alphabet (no vowels, no look-alike digits), so it reads like `7c5ddbdf54`.
 */
std::string podTemplateHash(const api::PodTemplateSpec &podTemplate);

/** Maps each character onto the alphabet Kubernetes uses for generated names ("bcdfghjklmnpqrstvwxz2456789"). */
std::string safeEncode(const std::string &text);

/** Characters of generated name suffixes (pods, EndpointSlices). */
inline constexpr std::string_view kSafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

} // namespace sim::controllers
