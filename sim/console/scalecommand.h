#pragma once

#include "sim/console/command.h"

namespace sim::console {

/** `scale`: sets spec.replicas of Deployments and ReplicaSets. */
class ScaleCommand : public Command {
public:
    std::string name() const override { return "scale"; }
    std::string summary() const override { return "Set a new size for a deployment or replica set"; }
    std::string usage() const override { return "scale (deploy/NAME | deploy NAME | rs/NAME) --replicas=COUNT [-n NS]"; }
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
};

} // namespace sim::console
