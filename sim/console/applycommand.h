#pragma once

#include "sim/console/command.h"

namespace sim::console {

/** `apply -f`: creates or updates the objects in manifests, all or nothing, as kubectl apply does. */
class ApplyCommand : public Command {
public:
    std::string name() const override { return "apply"; }
    std::string summary() const override { return "Apply a configuration to a resource by file name or stdin"; }
    std::string usage() const override { return "apply -f PATH... [-n NS]"; }
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
};

} // namespace sim::console
