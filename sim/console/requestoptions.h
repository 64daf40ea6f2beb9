#pragma once

#include "sim/console/flagset.h"
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

} // namespace sim::console
