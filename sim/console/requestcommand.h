#pragma once

#include "sim/console/command.h"

namespace sim::console {

/**
 * `request` (and its alias `curl`): sends one request into the cluster and prints its answer and the trace of
 * every routing decision. `curl` prints text only, as a learner reads it; `request -o json` prints the
 * machine-readable shape docs/cli.md documents.
 */
class RequestCommand : public Command {
public:
    explicit RequestCommand(std::string name = "request") : m_name(std::move(name)) {}
    std::string name() const override { return m_name; }
    std::string summary() const override { return "Send one HTTP request into the cluster and explain its path"; }
    std::string usage() const override;
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
    std::string details() const override;

private:
    bool isCurl() const { return m_name == "curl"; }
    std::string m_name;
};

} // namespace sim::console
