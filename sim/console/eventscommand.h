#pragma once

#include "sim/console/command.h"

namespace sim::console {

/** `events`: the cluster's events, oldest first, as `kubectl events` lists them. */
class EventsCommand : public Command {
public:
    std::string name() const override { return "events"; }
    std::string summary() const override { return "List events"; }
    std::string usage() const override { return "events [-n NS | -A] [--for TYPE/NAME] [--types=Normal,Warning]"; }
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
};

} // namespace sim::console
