#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sim::manifest {

/** Standard base64 with padding, as Secret data carries it. */
std::string encodeBase64(std::string_view bytes);
/** Decodes standard base64 (padding required, as Go's StdEncoding); nullopt with the bad byte's offset in error. */
std::optional<std::string> decodeBase64(std::string_view text, std::size_t *errorOffset = nullptr);

} // namespace sim::manifest
