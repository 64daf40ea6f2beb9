#pragma once

#include "sim/console/command.h"

namespace sim::console {

/** `describe`: kubectl's detailed, human-readable view of objects, with their events. */
class DescribeCommand : public Command {
public:
    std::string name() const override { return "describe"; }
    std::string summary() const override { return "Show details of a specific resource or group of resources"; }
    std::string usage() const override { return "describe (TYPE [NAME_PREFIX] | TYPE/NAME) [-n NS | -A] [-l SELECTOR] | -f PATH"; }
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
};

} // namespace sim::console
