#include "sim/scenario/actionparser.h"

#include "sim/api/kind.h"
#include "sim/limits.h"
#include "sim/scenario/checkparser.h"
#include "sim/scenario/referenceparser.h"

#include <functional>
#include <map>

namespace sim::scenario {

namespace {

constexpr std::int64_t kMaxWeight = 1'000'000;  // the Gateway API's bound on backendRef weights
constexpr const char *kActionTypes = "apply, delete, scale, setWeights, setCanaryWeight, setImage, startTraffic, "
                                     "stopTraffic, killPod, failReadiness, crashLoop, drainNode, failNode, wait";
constexpr std::int64_t kMaxClients = 100'000;

std::optional<ActionBody> parseDelete(const YamlField &f)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"kind", "name"});
    auto kindText = f.requiredString("kind");
    auto object = parseObjectRef(f.child("name"));
    if (!kindText || !object)
        return std::nullopt;
    auto kind = api::kindFromResource(*kindText);
    if (!kind) {
        f.child("kind").error("unknown kind \"" + *kindText + "\" (use a kind or resource name kubectl knows, e.g. deployment, svc, httproute)");
        return std::nullopt;
    }
    if (!api::kindInfo(*kind).namespaced)
        object->namespace_.clear();
    return DeleteAction{*kind, *object};
}

std::optional<ActionBody> parseScale(const YamlField &f)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"deployment", "replicas"});
    auto deployment = parseObjectRef(f.child("deployment"));
    auto replicas = f.child("replicas").integer(0, limits::kMaxReplicas);
    if (!deployment || !replicas)
        return std::nullopt;
    return ScaleAction{*deployment, static_cast<std::int32_t>(*replicas)};
}

std::optional<ActionBody> parseSetWeights(const YamlField &f)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"route", "rule", "weights"});
    SetWeightsAction action;
    auto route = parseObjectRef(f.child("route"));
    bool ok = route.has_value();
    action.route = route.value_or(ObjectRef{});
    if (f.has("rule")) {
        auto rule = f.child("rule").integer(0, 1000);
        ok = ok && rule;
        action.rule = static_cast<std::size_t>(rule.value_or(0));
    }
    const YamlField weights = f.child("weights");
    for (const auto &[backend, value] : weights.entries()) {
        auto weight = value.integer(0, kMaxWeight);
        ok = ok && weight;
        action.weights.emplace_back(backend, static_cast<std::int32_t>(weight.value_or(0)));
    }
    if (weights.node().IsMap() && action.weights.empty()) {
        weights.error("name at least one backend and its weight");
        ok = false;
    }
    ok = ok && weights.node().IsMap();
    return ok ? std::optional<ActionBody>(action) : std::nullopt;
}

std::optional<ActionBody> parseSetCanaryWeight(const YamlField &f)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"ingress", "weight"});
    auto ingress = parseObjectRef(f.child("ingress"));
    auto weight = f.child("weight").integer(0, kMaxWeight);
    if (!ingress || !weight)
        return std::nullopt;
    return SetCanaryWeightAction{*ingress, static_cast<std::int32_t>(*weight)};
}

std::optional<ActionBody> parseSetImage(const YamlField &f)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"deployment", "container", "image"});
    auto deployment = parseObjectRef(f.child("deployment"));
    auto container = f.requiredString("container");
    auto image = f.requiredString("image");
    if (!deployment || !container || !image)
        return std::nullopt;
    return SetImageAction{*deployment, *container, *image};
}

std::optional<ActionBody> parseStartTraffic(const YamlField &f)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"name", "url", "method", "headers", "gateway", "listener", "ingressClass", "service", "rate",
                 "clients"});
    StartTrafficAction action;
    auto name = f.child("name").objectName();
    auto request = parseRequest(f);
    bool ok = name && request;
    action.name = name.value_or("");
    action.request = request.value_or(RequestSpec{});
    if (f.has("rate")) {
        auto rate = f.child("rate").number(0.001, limits::kMaxGeneratorRate);
        ok = ok && rate;
        action.rate = rate.value_or(1);
    }
    if (f.has("clients")) {
        auto clients = f.child("clients").integer(1, kMaxClients);
        ok = ok && clients;
        action.clients = static_cast<std::int32_t>(clients.value_or(1));
    }
    return ok ? std::optional<ActionBody>(action) : std::nullopt;
}

std::optional<ActionBody> parseStopTraffic(const YamlField &f)
{
    auto name = f.objectName();
    if (!name)
        return std::nullopt;
    return StopTrafficAction{*name};
}

template <class Fault>
std::optional<ActionBody> parsePodFault(const YamlField &f, const char *flagKey, bool Fault::*flag)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"pod", "selector", "namespace", "count", flagKey});
    Fault action;
    auto target = parsePodTarget(f);
    bool ok = target.has_value();
    action.target = target.value_or(PodTarget{});
    if (f.has(flagKey)) {
        auto value = f.child(flagKey).boolean();
        ok = ok && value;
        action.*flag = value.value_or(true);
    }
    return ok ? std::optional<ActionBody>(action) : std::nullopt;
}

std::optional<ActionBody> parseKillPod(const YamlField &f)
{
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"pod", "selector", "namespace", "count"});
    auto target = parsePodTarget(f);
    if (!target)
        return std::nullopt;
    return KillPodAction{*target};
}

std::optional<ActionBody> parseWait(const YamlField &f)
{
    if (f.node().IsScalar()) {
        auto duration = f.duration();
        if (!duration)
            return std::nullopt;
        return WaitAction{*duration, nullptr, 0};
    }
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"until", "timeout"});
    auto until = parseCheck(f.child("until"));
    auto timeout = f.child("timeout").duration();
    if (timeout && *timeout <= 0) {
        f.child("timeout").error("must be longer than 0s");
        return std::nullopt;
    }
    if (until && std::holds_alternative<StatusCheck>(until->body)) {
        f.child("until").error("a wait cannot poll a status check (each try would send a request); wait a "
                               "duration, then check the status in the step's checks");
        return std::nullopt;
    }
    if (!until || !timeout)
        return std::nullopt;
    return WaitAction{0, std::make_shared<const Check>(std::move(*until)), *timeout};
}

std::optional<ActionBody> parseNode(const YamlField &f, bool drain)
{
    auto node = f.objectName();
    if (!node)
        return std::nullopt;
    if (drain)
        return DrainNodeAction{*node};
    return FailNodeAction{*node};
}

} // namespace

std::optional<ActionBody> ActionParser::parseApply(const YamlField &f) const
{
    ApplyAction action;
    std::vector<YamlField> files;
    bool ok = true;
    if (f.node().IsScalar()) {
        files.push_back(f);
    } else if (f.node().IsSequence()) {
        files = f.items();
    } else if (f.expectMap()) {
        f.allowOnly({"files", "inline"});
        if (!f.has("files") && !f.has("inline")) {
            f.error("required: files and/or inline");
            return std::nullopt;
        }
        if (f.has("files"))
            files = f.child("files").items();
        if (f.has("inline")) {
            auto text = f.requiredString("inline");
            ok = ok && text;
            action.inlineYaml = text.value_or("");
            action.inlineLocation = f.child("inline").location();
        }
    } else {
        return std::nullopt;
    }
    for (const YamlField &file : files) {
        auto name = file.string();
        if (!name) {
            ok = false;
            continue;
        }
        std::string error;
        auto path = m_folder.resolveFile(*name, error);
        if (!path) {
            file.error(error);
            ok = false;
            continue;
        }
        action.files.push_back(*name);
        action.paths.push_back(*path);
    }
    if (ok && action.files.empty() && action.inlineYaml.empty()) {
        f.error("name at least one file to apply");
        return std::nullopt;
    }
    return ok ? std::optional<ActionBody>(std::move(action)) : std::nullopt;
}

std::optional<Action> ActionParser::parse(const YamlField &field) const
{
    using BodyParser = std::function<std::optional<ActionBody>(const YamlField &)>;
    static const std::map<std::string, BodyParser> parsers = {
        {"delete", parseDelete},
        {"scale", parseScale},
        {"setWeights", parseSetWeights},
        {"setCanaryWeight", parseSetCanaryWeight},
        {"setImage", parseSetImage},
        {"startTraffic", parseStartTraffic},
        {"stopTraffic", parseStopTraffic},
        {"killPod", parseKillPod},
        {"failReadiness",
         [](const YamlField &f) { return parsePodFault<FailReadinessAction>(f, "failing", &FailReadinessAction::failing); }},
        {"crashLoop",
         [](const YamlField &f) { return parsePodFault<CrashLoopAction>(f, "crashing", &CrashLoopAction::crashing); }},
        {"drainNode", [](const YamlField &f) { return parseNode(f, true); }},
        {"failNode", [](const YamlField &f) { return parseNode(f, false); }},
        {"wait", parseWait},
    };
    if (!field.expectMap())
        return std::nullopt;
    const auto entries = field.entries();
    if (entries.size() != 1) {
        field.error("an action has exactly one type key, one of: " + std::string(kActionTypes));
        return std::nullopt;
    }
    const auto &[type, body] = entries.front();
    std::optional<ActionBody> parsed;
    if (type == "apply") {
        parsed = parseApply(body);
    } else if (auto it = parsers.find(type); it != parsers.end()) {
        parsed = it->second(body);
    } else {
        body.error("unknown action \"" + type + "\" (expected one of: " + std::string(kActionTypes) + ")");
        return std::nullopt;
    }
    if (!parsed)
        return std::nullopt;
    return Action{std::move(*parsed), field.location(), field.path()};
}

std::optional<std::vector<Action>> ActionParser::parseList(const YamlField &field) const
{
    std::vector<Action> actions;
    bool ok = field.node().IsSequence();
    for (const YamlField &item : field.items()) {
        auto action = parse(item);
        ok = ok && action;
        if (action)
            actions.push_back(std::move(*action));
    }
    return ok ? std::optional(std::move(actions)) : std::nullopt;
}

} // namespace sim::scenario
