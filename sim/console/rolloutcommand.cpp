#include "sim/console/rolloutcommand.h"

#include "sim/console/duration.h"
#include "sim/scenario/duration.h"
#include "sim/console/resourceargs.h"
#include "sim/console/tabwriter.h"
#include "sim/simulation.h"

namespace sim::console {
namespace {

// kubectl rollout status: print the state, and unless told not to wait, run the cluster forward and
// print every change until the rollout is done or the timeout passes.
CommandResult status(CommandContext &context, const std::string &ns, const std::string &deployment,
                     bool watch, engine::SimTime timeout)
{
    CommandResult result;
    Simulation &sim = context.simulation;
    RolloutStatus st = sim.rolloutStatus(ns, deployment);
    if (!st.result.ok)
        return fromSimulation(st.result);
    std::string last = st.result.message;
    result.out += last + "\n";
    const engine::SimTime deadline = sim.engine().now() + timeout;
    while (!st.done && watch && context.canAdvanceTime) {
        engine::SimTime next = sim.engine().nextEventTime();
        if (next < 0 || next > deadline) {
            result.fail(kExitInvalidInput, "error: timed out waiting for the condition");
            return result;
        }
        sim.engine().step();
        st = sim.rolloutStatus(ns, deployment);
        if (!st.result.ok) {
            result.append(fromSimulation(st.result));
            return result;
        }
        if (st.result.message != last) {
            last = st.result.message;
            result.out += last + "\n";
        }
    }
    return result;
}

CommandResult history(CommandContext &context, const std::string &ns, const std::string &deployment)
{
    RolloutHistory h = context.simulation.rolloutHistory(ns, deployment);
    if (!h.result.ok)
        return fromSimulation(h.result);
    TabWriter table(0, 2);
    table.write("REVISION\tCHANGE-CAUSE\n");
    for (const RolloutRevision &r : h.revisions)
        table.write(std::to_string(r.revision) + "\t" + r.changeCause + "\n");
    CommandResult result;
    result.out = h.result.message + " \n" + table.flush() + "\n";
    return result;
}

} // namespace

std::string RolloutCommand::details() const
{
    return "Examples:\n"
           "  kubectl rollout status deploy/web\n"
           "  kubectl rollout history deploy/web\n"
           "  kubectl rollout undo deploy/web --to-revision=1";
}

FlagSet RolloutCommand::flags() const
{
    FlagSet flags;
    flags.addInt("to-revision", "N", "undo: the revision to roll back to (0: the previous one).", "0");
    flags.addBool("watch", 'w', "status: keep running the cluster until the rollout finishes (default true).");
    flags.addString("timeout", 0, "DURATION", "status: how much sim time to wait, e.g. 5m (default 10m).", "10m");
    return flags;
}

CommandResult RolloutCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    const std::vector<std::string> &words = args.positional;
    static const std::vector<std::string> kSubcommands{"status", "history", "undo", "pause", "resume"};
    if (words.empty() || std::find(kSubcommands.begin(), kSubcommands.end(), words.front()) == kSubcommands.end())
        return usageError(name(), words.empty() ? "rollout requires a subcommand: status, history, undo, pause or resume"
                                                : "unknown command \"" + words.front() + "\" for \"kubectl rollout\"");
    const std::string sub = words.front();
    ResourceArgs resources = parseResourceArgs({words.begin() + 1, words.end()});
    CommandResult result;
    if (!resources.ok()) {
        result.fail(resources.isUsageError ? kExitUsage : kExitInvalidInput, resources.error);
        return result;
    }
    std::optional<engine::SimTime> timeout = scenario::parseDuration(args.value("timeout"));
    if (!timeout)
        return usageError(name(), "invalid argument \"" + args.value("timeout") + "\" for \"--timeout\" flag");
    const bool watch = !args.has("watch") || args.isSet("watch");
    for (const ResourceRequest &r : resources.requests) {
        if (r.kind != api::Kind::Deployment) {
            result.fail(kExitInvalidInput, "error: no rollout support for " + std::string(api::kindInfo(r.kind).plural) +
                                               "; kubesim rolls out Deployments");
            continue;
        }
        if (r.names.empty())
            return usageError("rollout " + sub, "required resource name not specified");
        for (const std::string &d : r.names) {
            const std::string &ns = context.namespace_;
            if (sub == "status")
                result.append(status(context, ns, d, watch, *timeout));
            else if (sub == "history")
                result.append(history(context, ns, d));
            else if (sub == "undo")
                result.append(fromSimulation(context.simulation.rolloutUndo(ns, d, args.intValue("to-revision"))));
            else if (sub == "pause")
                result.append(fromSimulation(context.simulation.rolloutPause(ns, d)));
            else
                result.append(fromSimulation(context.simulation.rolloutResume(ns, d)));
        }
    }
    return result;
}

} // namespace sim::console
