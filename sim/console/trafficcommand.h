#pragma once

#include "sim/console/command.h"

namespace sim::console {

/**
 * `traffic`: runs a load generator (rate, count or duration, clients, a mix of URLs) through the cluster and
 * reports where the requests went: per backend, pod and status, latency percentiles, and each weighted split
 * as configured and as observed with its 95 % interval. In the window it starts the generator and returns.
 */
class TrafficCommand : public Command {
public:
    std::string name() const override { return "traffic"; }
    std::string summary() const override { return "Send a load of requests and report where they went"; }
    std::string usage() const override;
    FlagSet flags() const override;
    CommandResult run(CommandContext &context, const ParsedArgs &args) const override;
    std::string details() const override;
};

} // namespace sim::console
