#pragma once

#include "sim/console/command.h"
#include "sim/traffic/clientrequest.h"

#include <optional>
#include <string>

namespace sim::console {

/** The flags `request`, `curl` and `traffic` share: the entry point (--gateway, --ingress-class, --service), -X, -H, --client. */
FlagSet requestFlags();

/**
 * The client request the shared flags describe, for one URL; a NAME without namespace is in `ns`.
 * nullopt and error set when an entry option is malformed or more than one is given.
 */
std::optional<traffic::ClientRequest> clientRequestFromFlags(const ParsedArgs &args, const std::string &url,
                                                             const std::string &ns, std::string &error);

/** The usage error for an -o value other than text or json, or nullopt when it is one of them. */
std::optional<CommandResult> textOrJsonError(const std::string &verb, const std::string &format);

} // namespace sim::console
