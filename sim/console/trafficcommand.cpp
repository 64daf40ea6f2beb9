#include "sim/console/trafficcommand.h"

#include "sim/console/requestoptions.h"
#include "sim/limits.h"
#include "sim/scenario/duration.h"
#include "sim/simulation.h"
#include "sim/traffic/loadreport.h"

#include <charconv>
#include <cmath>

namespace sim::console {
namespace {

constexpr std::int64_t kDefaultRequests = 100;
// Requests still in flight this long after the last one was sent have met a real problem (a stuck pod):
// the report counts them in flight rather than waiting for ever.
constexpr engine::SimTime kDrainLimit = 10 * engine::kMinute;

std::optional<double> parseRate(const std::string &text)
{
    double rate = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), rate);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(rate) || rate <= 0 ||
        rate > limits::kMaxGeneratorRate)
        return std::nullopt;
    return rate;
}

// Runs the simulation until the generator has sent its last request and every request has ended.
void runToEnd(Simulation &simulation, std::uint32_t generator)
{
    traffic::TrafficSystem &traffic = simulation.traffic();
    engine::Engine &engine = simulation.engine();
    while (traffic.isRunning(generator))
        simulation.runUntil(engine.now() + engine::kSecond);
    const engine::SimTime limit = engine.now() + kDrainLimit;
    while (traffic.counters(generator).inFlight() > 0 && engine.now() < limit)
        simulation.runUntil(engine.now() + engine::kSecond);
}

} // namespace

std::string TrafficCommand::usage() const
{
    return "traffic [--gateway NS/NAME[/LISTENER] | --ingress-class NAME | --service NS/NAME] [--rate R] "
           "[--requests N | --duration D] [--clients K] [-X METHOD] [-H 'Name: value']... [-o json] URL...";
}

FlagSet TrafficCommand::flags() const
{
    FlagSet flags = requestFlags();
    flags.addString("rate", 0, "R", "Requests per second.", "10");
    flags.addBool("poisson", 0, "Poisson arrivals (random gaps) instead of a constant rate.");
    flags.addInt("requests", "N", "Stop after N requests (default 100 unless --duration is given).", "0");
    flags.addString("duration", 0, "D", "Stop after this much sim time (30s, 5m).");
    flags.addInt("clients", "K", "Distinct clients taking turns (session affinity tells them apart).", "1");
    flags.addString("name", 0, "NAME", "The generator's name.", "traffic");
    flags.addString("output", 'o', "FORMAT", "Output format: text or json.", "text");
    return flags;
}

std::string TrafficCommand::details() const
{
    return "Several URLs make a mix: the generator sends them in turn, in equal shares. The URLs are resolved\n"
           "as `request` resolves one, and must all go to the same entry point.\n\n"
           "Examples:\n"
           "  traffic --rate 100 --requests 10000 http://www.example.com/\n"
           "  traffic --duration 1m --clients 5 -H 'version: beta' /\n";
}

CommandResult TrafficCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    if (args.positional.empty())
        return usageError(name(), "at least one URL is required");
    const std::string format = args.value("output");
    if (std::optional<CommandResult> error = textOrJsonError(name(), format))
        return *error;
    const std::optional<double> rate = parseRate(args.value("rate"));
    if (!rate)
        return usageError(name(), "invalid argument \"" + args.value("rate") + "\" for \"--rate\" flag: expected a positive number, at most " +
                                      std::to_string(static_cast<int>(limits::kMaxGeneratorRate)));
    if (args.has("requests") && args.has("duration"))
        return usageError(name(), "--requests and --duration cannot be used together");
    const std::int64_t requests = args.has("requests") ? args.intValue("requests") : 0;
    if (args.has("requests") && (requests <= 0 || requests > limits::kMaxRequestsPerRun))
        return usageError(name(), "invalid argument \"" + args.value("requests") + "\" for \"--requests\" flag: expected 1 to " +
                                      std::to_string(limits::kMaxRequestsPerRun));
    std::optional<engine::SimTime> duration;
    if (args.has("duration")) {
        duration = scenario::parseDuration(args.value("duration"));
        if (!duration || *duration <= 0 || *duration > limits::kMaxRunSeconds * engine::kSecond)
            return usageError(name(), "invalid argument \"" + args.value("duration") + "\" for \"--duration\" flag: expected a duration such as 30s or 5m, at most 1h");
    }
    const std::int64_t clients = args.intValue("clients");
    if (clients < 1 || clients > 65535)
        return usageError(name(), "invalid argument \"" + args.value("clients") + "\" for \"--clients\" flag: expected 1 to 65535");

    traffic::LoadSpec spec;
    spec.name = args.value("name");
    spec.rate = *rate;
    spec.isPoisson = args.isSet("poisson");
    spec.clients = static_cast<std::uint32_t>(clients);
    spec.duration = duration.value_or(0);
    spec.count = duration ? 0 : static_cast<std::uint64_t>(requests > 0 ? requests : kDefaultRequests);
    traffic::TrafficSystem &traffic = context.simulation.traffic();
    CommandResult result;
    for (const std::string &url : args.positional) {
        std::string error;
        const std::optional<traffic::ClientRequest> client = clientRequestFromFlags(args, url, context.namespace_, error);
        if (!client)
            return usageError(name(), error);
        const std::optional<traffic::ResolvedRequest> resolved = resolveClientRequest(traffic, *client, &error);
        if (!resolved) {
            result.fail(kExitInvalidInput, "error: " + error);
            return result;
        }
        if (!spec.templates.empty() && !(resolved->entry.kind == spec.entry.kind && resolved->entry.namespace_ == spec.entry.namespace_ &&
                                         resolved->entry.name == spec.entry.name && resolved->entry.listener == spec.entry.listener)) {
            result.fail(kExitInvalidInput, "error: " + url + " goes to " + resolved->entry.describe() + ", the first URL to " +
                                               spec.entry.describe() + ": one generator has one entry point");
            return result;
        }
        spec.entry = resolved->entry;
        spec.templates.push_back({resolved->request, 1});
    }
    const std::uint32_t generator = traffic.startLoad(spec);
    if (!context.canAdvanceTime) {
        result.out = "traffic generator " + spec.name + " started: " + args.value("rate") + " requests/s to " +
                     spec.entry.describe() + "\n";
        return result;
    }
    runToEnd(context.simulation, generator);
    const traffic::LoadReport report = traffic::LoadReport::of(traffic, generator);
    result.out = format == "json" ? report.toJson() + "\n" : report.toText();
    return result;
}

} // namespace sim::console
