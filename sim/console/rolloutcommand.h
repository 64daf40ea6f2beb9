#pragma once

#include "sim/console/command.h"

namespace sim::console {

/** `rollout status|history|undo|pause|resume`: watch and steer a Deployment's rollout. */
class RolloutCommand : public Command {
public:
    std::string name() const override { return "rollout"; }
    std::string summary() const override { return "Manage the rollout of a deployment (status, history, undo, pause, resume)"; }
    std::string usage() const override
    {
        return "rollout (status | history | undo [--to-revision=N] | pause | resume) (deploy/NAME | deploy NAME) [-n NS]";
    }
    std::string details() const override;
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
};

} // namespace sim::console
