#pragma once

#include "sim/api/kind.h"

#include <string>
#include <vector>

namespace sim::console {

/** One kind to act on, and the names asked for (empty: every object of the kind). */
struct ResourceRequest {
    api::Kind kind;
    std::vector<std::string> names;
};

/** The resources a command line names, in the order kubectl prints them. */
struct ResourceArgs {
    std::vector<ResourceRequest> requests;
    bool wantsEvents = false;   // "events" / "ev": not a stored kind, printed by the events printer
    bool isMultiKind = false;   // several kinds or "all": kubectl prefixes names with the kind
    std::string error;          // kubectl's message
    bool isUsageError = false;  // a malformed argument list, rather than an unknown type
    bool ok() const { return error.empty(); }
};

/**
 * Parses kubectl's resource arguments: `TYPE`, `TYPE NAME...`, `TYPE1,TYPE2 [NAME...]`, `TYPE/NAME...`
 * and the `all` category (pods, services, deployments, replicasets).
 */
ResourceArgs parseResourceArgs(const std::vector<std::string> &args);

/** Resolves one type as typed (plural, singular, short name, Kind, with optional .group); events excluded. */
bool resolveKind(const std::string &type, api::Kind &kind);

/** kubectl's error for a type it does not know. */
std::string unknownTypeError(const std::string &type);

} // namespace sim::console
