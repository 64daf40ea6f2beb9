#pragma once

#include "sim/console/command.h"

namespace sim::console {

/** `delete`: removes objects gracefully; their dependents follow through ownerReferences. */
class DeleteCommand : public Command {
public:
    std::string name() const override { return "delete"; }
    std::string summary() const override { return "Delete resources by file names, resources and names, or by label selector"; }
    std::string usage() const override { return "delete (TYPE NAME... | TYPE/NAME... | TYPE -l SELECTOR | TYPE --all | -f PATH) [-n NS]"; }
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
};

} // namespace sim::console
