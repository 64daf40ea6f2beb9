#pragma once

#include "sim/console/command.h"

namespace sim::console {

/** `lint -f`: validates manifests as apply would, changes nothing, and lists every error. */
class LintCommand : public Command {
public:
    std::string name() const override { return "lint"; }
    std::string summary() const override { return "Validate manifests without applying them (kubesim only)"; }
    std::string usage() const override { return "lint -f PATH... [-n NS]"; }
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
};

} // namespace sim::console
