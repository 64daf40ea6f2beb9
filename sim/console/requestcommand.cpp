#include "sim/console/requestcommand.h"

#include "sim/console/requestoptions.h"
#include "sim/simulation.h"
#include "sim/traffic/exchangeformat.h"

namespace sim::console {
namespace {

CommandResult answer(const traffic::Exchange &exchange, bool asJson)
{
    CommandResult result;
    result.out = asJson ? traffic::ExchangeFormat::toJson(exchange) + "\n" : traffic::ExchangeFormat::toText(exchange);
    // As curl: any HTTP answer is a success, whatever its status; no answer at all is an error.
    if (exchange.status == 0)
        result.fail(kExitInvalidInput, "error: no answer: " + (exchange.failure.empty() ? "timed out" : exchange.failure));
    return result;
}

} // namespace

std::string RequestCommand::usage() const
{
    return m_name + " [--gateway NS/NAME[/LISTENER] | --ingress-class NAME | --service NS/NAME] [-X METHOD] "
                    "[-H 'Name: value']... [--client ID]" + (isCurl() ? "" : " [-o json]") + " URL";
}

FlagSet RequestCommand::flags() const
{
    FlagSet flags = requestFlags();
    if (!isCurl())
        flags.addString("output", 'o', "FORMAT", "Output format: text or json.", "text");
    return flags;
}

std::string RequestCommand::details() const
{
    return "The URL gives scheme, host, port, path and query. Without an entry option, a host that is a cluster\n"
           "address (load balancer IP, node IP, ClusterIP) or a Service name (svc, svc.ns, svc.ns.svc.cluster.local)\n"
           "is used as it is; any other host goes to the cluster's only entry point. A URL that is only a path\n"
           "(/v2?x=1) goes to the entry point's own address.\n\n"
           "Examples:\n"
           "  " + m_name + " http://www.example.com/api\n"
           "  " + m_name + " --gateway default/web -H 'version: beta' /\n"
           "  " + m_name + " http://web.default.svc.cluster.local/\n";
}

CommandResult RequestCommand::run(CommandContext &context, const ParsedArgs &args) const
{
    if (args.positional.size() != 1)
        return usageError(name(), args.positional.empty() ? "a URL is required" : "exactly one URL is allowed");
    const std::string format = isCurl() ? "text" : args.value("output");
    if (std::optional<CommandResult> error = textOrJsonError(name(), format))
        return *error;
    std::string error;
    const std::optional<traffic::ClientRequest> spec =
        clientRequestFromFlags(args, args.positional.front(), context.namespace_, error);
    if (!spec)
        return usageError(name(), error);
    traffic::TrafficSystem &traffic = context.simulation.traffic();
    const std::optional<traffic::ResolvedRequest> resolved = resolveClientRequest(traffic, *spec, &error);
    CommandResult result;
    if (!resolved) {
        result.fail(kExitInvalidInput, "error: " + error);
        return result;
    }
    const bool asJson = format == "json";
    if (!context.canAdvanceTime && context.deliverLater) {
        // The window's clock runs on: the request travels while the particles show it, and answers later.
        traffic.send(resolved->entry, resolved->request,
                     [deliver = context.deliverLater, asJson](const traffic::Exchange &e) { deliver(answer(e, asJson)); });
        result.out = resolved->request.method + " " + resolved->request.url() + " sent; its answer follows when it arrives\n";
        return result;
    }
    return answer(traffic.exchange(resolved->entry, resolved->request), asJson);
}

} // namespace sim::console
