#include "sim/console/setcommand.h"

#include "sim/console/resourceargs.h"
#include "sim/simulation.h"

namespace sim::console {

CommandResult SetCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    const std::vector<std::string> &words = args.positional;
    if (words.empty())
        return usageError(name(), "set requires a subcommand: image");
    if (words.front() != "image")
        return usageError(name(), "unknown command \"" + words.front() + "\" for \"kubectl set\"");
    std::vector<std::string> resources, images;
    for (std::size_t i = 1; i < words.size(); ++i)
        (words[i].find('=') != std::string::npos ? images : resources).push_back(words[i]);
    if (images.empty())
        return usageError("set image", "at least one image update is required");
    ResourceArgs parsed = parseResourceArgs(resources);
    CommandResult result;
    if (!parsed.ok()) {
        result.fail(parsed.isUsageError ? kExitUsage : kExitInvalidInput, parsed.error);
        return result;
    }
    for (const ResourceRequest &r : parsed.requests) {
        if (r.kind != api::Kind::Deployment) {
            result.fail(kExitInvalidInput, "error: kubesim sets images on Deployments only, not " +
                                               std::string(api::kindInfo(r.kind).plural));
            continue;
        }
        if (r.names.empty())
            return usageError("set image", "resource(s) were provided, but no name was specified");
        for (const std::string &deployment : r.names) {
            for (const std::string &assignment : images) {
                std::size_t eq = assignment.find('=');
                result.append(fromSimulation(context.simulation.setImage(
                    context.namespace_, deployment, assignment.substr(0, eq), assignment.substr(eq + 1))));
            }
        }
    }
    return result;
}

} // namespace sim::console
