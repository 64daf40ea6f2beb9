#pragma once

#include "sim/manifest/diagnostic.h"

#include <string>
#include <vector>

namespace sim {

/** What a command did: a kubectl-like message on success, a kubectl-like error otherwise. Commands never throw. */
struct CommandResult {
    bool ok = true;
    std::string message;  // "deployment.apps/web scaled"
    std::string error;    // "deployments.apps \"web\" not found"

    static CommandResult success(std::string message) { return CommandResult{true, std::move(message), {}}; }
    static CommandResult failure(std::string error) { return CommandResult{false, {}, std::move(error)}; }
};

/** One applied object: "deployment.apps/web created" (or configured / unchanged). */
struct AppliedObject {
    std::string name;    // "deployment.apps/web"
    std::string action;  // "created", "configured", "unchanged"
    std::string toString() const { return name + " " + action; }
};

/** The outcome of applying a batch: every object applied, or (on any error) none, with every diagnostic. */
struct ApplyResult {
    bool ok = true;
    std::vector<AppliedObject> objects;
    std::vector<manifest::Diagnostic> diagnostics;  // errors when !ok; warnings otherwise
    /** Every error on its own line, as the front ends print them. */
    std::string errorText() const
    {
        std::string out;
        for (const manifest::Diagnostic &d : diagnostics) {
            if (d.isError())
                out += d.toString() + "\n";
        }
        return out;
    }
};

} // namespace sim
