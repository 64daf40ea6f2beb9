#pragma once

#include "sim/console/command.h"

namespace sim::console {

/** `get`: lists objects as tables (kubectl's columns), names, YAML or JSON. */
class GetCommand : public Command {
public:
    std::string name() const override { return "get"; }
    std::string summary() const override { return "Display one or many resources"; }
    std::string usage() const override
    {
        return "get TYPE[.GROUP][/NAME] [NAME...] [-n NS | -A] [-o wide|yaml|json|name] [-l SELECTOR] | -f PATH";
    }
    std::string details() const override;
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
};

} // namespace sim::console
