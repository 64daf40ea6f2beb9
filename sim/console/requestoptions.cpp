#include "sim/console/requestoptions.h"

namespace sim::console {
namespace {

using traffic::EntryPoint;

std::vector<std::string> splitSlashes(const std::string &text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t slash = text.find('/');; slash = text.find('/', start)) {
        parts.push_back(text.substr(start, slash - start));
        if (slash == std::string::npos)
            return parts;
        start = slash + 1;
    }
}

// "NS/NAME[/LISTENER]" or "NAME" (in ns) for --gateway, "NS/NAME" or "NAME" for --service.
std::optional<EntryPoint> namespacedEntry(EntryPoint::Kind kind, const std::string &flag, const std::string &text,
                                          const std::string &ns, std::string &error)
{
    std::vector<std::string> parts = splitSlashes(text);
    const std::size_t most = kind == EntryPoint::Kind::Gateway ? 3 : 2;
    bool ok = parts.size() <= most;
    for (const std::string &p : parts)
        ok = ok && !p.empty();
    if (!ok) {
        error = "invalid argument \"" + text + "\" for \"--" + flag + "\" flag: expected " +
                (kind == EntryPoint::Kind::Gateway ? "NAMESPACE/NAME[/LISTENER] or NAME" : "NAMESPACE/NAME or NAME");
        return std::nullopt;
    }
    if (parts.size() == 1)
        parts.insert(parts.begin(), ns);
    EntryPoint entry;
    entry.kind = kind;
    entry.namespace_ = parts[0];
    entry.name = parts[1];
    entry.listener = parts.size() == 3 ? parts[2] : std::string();
    entry.clientNamespace = ns;
    return entry;
}

} // namespace

FlagSet requestFlags()
{
    FlagSet flags;
    flags.addString("gateway", 0, "NS/NAME[/LISTENER]", "Send to this Gateway (and listener).");
    flags.addString("ingress-class", 0, "NAME", "Send to the ingress controller of this IngressClass.");
    flags.addString("service", 0, "NS/NAME", "Send to this Service (its load balancer, a NodePort or the ClusterIP).");
    flags.addString("request", 'X', "METHOD", "The HTTP method.", "GET");
    flags.addList("header", 'H', "'Name: value'", "A request header (repeatable); Host overrides the URL's host.");
    flags.addString("client", 0, "ID", "The client's identity, for session affinity.");
    return flags;
}

std::optional<traffic::ClientRequest> clientRequestFromFlags(const ParsedArgs &args, const std::string &url,
                                                             const std::string &ns, std::string &error)
{
    traffic::ClientRequest request;
    request.url = url;
    request.method = args.value("request");
    request.clientId = args.value("client");
    request.headers = args.rawValues("header");
    int given = 0;
    if (args.has("gateway")) {
        ++given;
        request.entry = namespacedEntry(EntryPoint::Kind::Gateway, "gateway", args.value("gateway"), ns, error);
    }
    if (args.has("service")) {
        ++given;
        request.entry = namespacedEntry(EntryPoint::Kind::Service, "service", args.value("service"), ns, error);
    }
    if (args.has("ingress-class")) {
        ++given;
        request.entry = EntryPoint::ingressClass(args.value("ingress-class"));
    }
    if (!error.empty())
        return std::nullopt;
    if (given > 1) {
        error = "only one of --gateway, --ingress-class and --service may be given";
        return std::nullopt;
    }
    if (request.method.empty()) {
        error = "invalid argument \"\" for \"-X, --request\" flag: expected an HTTP method such as GET";
        return std::nullopt;
    }
    return request;
}

std::optional<CommandResult> textOrJsonError(const std::string &verb, const std::string &format)
{
    if (format == "text" || format == "json")
        return std::nullopt;
    return usageError(verb, "unable to match a printer suitable for the output format \"" + format +
                                "\", allowed formats are: json,text");
}

} // namespace sim::console
