#include "sim/console/commandline.h"

#include "sim/console/console.h"
#include "sim/console/duration.h"
#include "sim/console/runcommand.h"
#include "sim/scenario/duration.h"
#include "sim/manifest/loader.h"
#include "sim/simulation.h"

#include <charconv>
#include <map>

namespace sim::console {
namespace {

// Verbs whose -f is their own (kubectl's meaning), not the cluster's manifests; run has none and refuses it.
bool ownsFileFlag(const std::string &verb)
{
    return verb == "apply" || verb == "lint" || verb == "delete" || verb == "run";
}

// Splits "--name=value" / "--name value" / "-fVALUE" / "-f VALUE" when arg is one of names.
// Returns true and fills value (advancing i) when it matched; error set when the value is missing.
bool takeValue(const std::vector<std::string> &args, std::size_t &i, const std::vector<std::string> &names,
               std::string &value, std::string &error)
{
    const std::string &arg = args[i];
    for (const std::string &name : names) {
        if (arg == name) {
            if (i + 1 >= args.size()) {
                error = "flag needs an argument: " + name;
                return true;
            }
            value = args[++i];
            return true;
        }
        const std::string withEquals = name + "=";
        if (arg.rfind(withEquals, 0) == 0) {
            value = arg.substr(withEquals.size());
            return true;
        }
        // pflag shorthand: -fPATH
        if (name.size() == 2 && name[1] != '-' && arg.size() > 2 && arg.rfind(name, 0) == 0) {
            value = arg.substr(2);
            return true;
        }
    }
    return false;
}

// A loader that reads each set of paths once, so "-" (stdin) can serve both the cluster and the verb.
ManifestLoader cachingLoader()
{
    auto cache = std::make_shared<std::map<std::vector<std::string>, manifest::LoadResult>>();
    return [cache](const std::vector<std::string> &paths, const manifest::DecodeOptions &options) {
        std::vector<std::string> key = paths;
        key.push_back(options.defaultNamespace + (options.enforceNamespace ? "!" : ""));
        auto it = cache->find(key);
        if (it == cache->end())
            it = cache->emplace(key, manifest::loadPaths(paths, options)).first;
        return it->second;
    };
}

void advance(Simulation &simulation, const std::optional<std::int64_t> &at)
{
    if (at)
        simulation.runUntil(*at);
    else
        simulation.settle();
}

} // namespace

CommandLine::CommandLine(std::string scenariosDir) : m_scenariosDir(std::move(scenariosDir)) {}

std::optional<CommandLine::Options> CommandLine::parseOptions(const std::vector<std::string> &args, bool takeFiles,
                                                              CommandResult &result)
{
    Options options{std::nullopt, std::nullopt, {}, {}};
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string value, error;
        if (takeValue(args, i, {"--seed"}, value, error)) {
            std::uint64_t seed = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seed);
            if (error.empty() && (ec != std::errc() || ptr != value.data() + value.size() || value.empty()))
                error = "invalid argument \"" + value + "\" for \"--seed\" flag: expected a non-negative integer";
            options.seed = seed;
        } else if (takeValue(args, i, {"--at"}, value, error)) {
            std::optional<engine::SimTime> at = scenario::parseDuration(value);
            if (error.empty() && !at)
                error = "invalid argument \"" + value + "\" for \"--at\" flag: expected a duration such as 5s, 2m, 1h30m";
            options.at = at;
        } else if (takeFiles && takeValue(args, i, {"-f", "--filename"}, value, error)) {
            options.files.push_back(value);
        } else {
            options.rest.push_back(args[i]);
        }
        if (!error.empty()) {
            result.fail(kExitUsage, "error: " + error + "\nSee 'kubesim --help' for usage.");
            return std::nullopt;
        }
    }
    return options;
}

CommandResult CommandLine::run(const std::vector<std::string> &args) const
{
    CommandResult result;
    if (args.empty())
        return runDefaultScenario(kDefaultSeed);
    const std::string &verb = args.front();
    if (verb == "--help" || verb == "-h" || verb == "help") {
        result.out = helpText();
        return result;
    }
    if (verb == "--version" || verb == "version") {
        result.out = versionText();
        return result;
    }
    if (verb.rfind("-", 0) == 0 && verb.rfind("--seed", 0) != 0) {
        result.fail(kExitUsage, "error: unknown flag: " + verb + "\nSee 'kubesim --help' for usage.");
        return result;
    }
    std::optional<Options> options = parseOptions(args, !ownsFileFlag(verb), result);
    if (!options)
        return result;
    if (options->rest.empty() || options->rest.front().rfind("-", 0) == 0)
        return runDefaultScenario(options->seed.value_or(kDefaultSeed));
    if (verb == "run") {
        if (options->at) {
            result.fail(kExitUsage, "error: --at does not apply to run: a lesson runs until its steps are done\n"
                                    "See 'kubesim run --help' for usage.");
            return result;
        }
        return RunCommand(m_scenariosDir).run({options->rest.begin() + 1, options->rest.end()}, options->seed);
    }

    Simulation simulation(options->seed.value_or(kDefaultSeed));
    Console console(simulation);
    console.setLoader(cachingLoader());
    if (!options->files.empty()) {
        std::vector<std::string> apply{"apply"};
        for (const std::string &f : options->files)
            apply.insert(apply.end(), {"-f", f});
        CommandResult applied = console.execute(apply);
        result.err += applied.err;
        if (!applied.isSuccess()) {
            result.exitCode = applied.exitCode;
            return result;
        }
    }
    advance(simulation, options->at);
    std::vector<std::string> words = options->rest;
    if ((verb == "get" || verb == "describe") && console.positionalArguments(words).empty() && !options->files.empty()) {
        for (const std::string &f : options->files)
            words.insert(words.end(), {"-f", f});
    }
    result.append(console.execute(words));
    if (verb == "apply" && result.isSuccess())
        advance(simulation, options->at);
    return result;
}

CommandResult CommandLine::runDefaultScenario(std::uint64_t seed) const
{
    CommandResult result;
    const std::string dir = m_scenariosDir + "/default";
    Simulation simulation(seed);
    Console console(simulation);
    auto step = [&](const std::vector<std::string> &words, const std::string &shown) {
        result.out += "$ kubectl " + shown + "\n";
        CommandResult r = console.execute(words);
        result.append(r);
        result.out += "\n";
        return r.isSuccess();
    };
    result.out += "kubesim: no window yet; running the default scenario (the canary lesson) headless, seed " +
                  std::to_string(seed) + ".\n\n";
    if (!step({"apply", "-f", dir}, "apply -f " + dir))
        return result;
    simulation.settle();
    result.out += "# the cluster settled at sim time " + humanDuration(simulation.engine().now()) + "\n\n";
    step({"get", "all"}, "get all");
    step({"get", "gateways"}, "get gateways");
    step({"get", "httproutes"}, "get httproutes");
    return result;
}

std::string CommandLine::helpText()
{
    return "kubesim: a Kubernetes networking simulator that answers kubectl's commands.\n"
           "\n"
           "Usage:\n"
           "  kubesim                                  run the default scenario (the canary lesson)\n"
           "  kubesim apply -f PATH...                 apply manifests, settle, print what was created\n"
           "  kubesim get -f PATH... [TYPE[/NAME] [NAME...]] [-n NS | -A] [-o wide|yaml|json|name] [--at DURATION]\n"
           "  kubesim describe -f PATH... TYPE [NAME]  kubectl describe after settling\n"
           "  kubesim events -f PATH...                the events of applying and settling\n"
           "  kubesim lint -f PATH...                  validate only; exit 1 listing every error\n"
           "  kubesim run SCENARIO [-o json] [--trace FILE]\n"
           "                                           play a lesson headless (a folder or a built-in lesson's\n"
           "                                           name) and print its report; exit 1 when a check fails\n"
           "  kubesim VERB -f PATH... ARGS...          any console verb (scale, set image, rollout, delete)\n"
           "                                           after applying PATH and settling\n"
           "  kubesim --help | --version\n"
           "\n"
           "Options for every command:\n"
           "  --seed N        seed of the simulation's randomness (default " + std::to_string(kDefaultSeed) + ")\n"
           "  --at DURATION   run the cluster to this sim time (5s, 2m, 1h30m) instead of until it settles\n"
           "  -f PATH         manifests: files, directories (recursive) or - for stdin; repeatable\n"
           "\n"
           "Exit codes: 0 success, 1 invalid input (bad manifest, object not found, failed check), 2 usage error.\n"
           "See docs/cli.md for every verb and option.\n";
}

} // namespace sim::console
