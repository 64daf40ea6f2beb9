#pragma once

#include "sim/console/command.h"

namespace sim::console {

/** `set image`: changes container images of a Deployment's pod template, which starts a rollout. */
class SetCommand : public Command {
public:
    std::string name() const override { return "set"; }
    std::string summary() const override { return "Set specific features on objects (set image)"; }
    std::string usage() const override { return "set image (deploy/NAME | deploy NAME) CONTAINER=IMAGE... [-n NS]"; }
    FlagSet flags() const override { return {}; }
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
};

} // namespace sim::console
