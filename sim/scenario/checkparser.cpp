#include "sim/scenario/checkparser.h"

#include "sim/scenario/referenceparser.h"

#include <functional>
#include <limits>
#include <map>

namespace sim::scenario {

namespace {

constexpr std::int64_t kMaxCount = 1'000'000;

// Reads min / max, or count as the shorthand for both.
bool parseRange(const YamlField &field, std::int64_t &min, std::int64_t &max)
{
    const bool hasCount = field.has("count");
    if (hasCount && (field.has("min") || field.has("max"))) {
        field.error("give count, or min and/or max, not both");
        return false;
    }
    if (!hasCount && !field.has("min") && !field.has("max")) {
        field.error("required: count, or min and/or max");
        return false;
    }
    bool ok = true;
    auto read = [&](const char *key, std::int64_t &out) {
        if (!field.has(key))
            return;
        auto value = field.child(key).integer(0, kMaxCount);
        ok = ok && value;
        out = value.value_or(0);
    };
    if (hasCount) {
        read("count", min);
        max = min;
    }
    read("min", min);
    read("max", max);
    if (ok && min > max) {
        field.error("min (" + std::to_string(min) + ") is greater than max (" + std::to_string(max) + ")");
        return false;
    }
    return ok;
}

std::optional<CheckBody> parseShare(const YamlField &f)
{
    f.allowOnly({"backend", "min", "max", "minRequests", "generator", "window"});
    ShareCheck check;
    auto backend = parseObjectRef(f.child("backend"));
    bool ok = backend.has_value();
    check.backend = backend.value_or(ObjectRef{});
    if (!f.has("min") && !f.has("max")) {
        f.error("required: min and/or max (shares from 0 to 1)");
        return std::nullopt;
    }
    for (auto [key, out] : {std::pair{"min", &check.min}, std::pair{"max", &check.max}}) {
        if (!f.has(key))
            continue;
        auto value = f.child(key).number(0, 1);
        ok = ok && value;
        *out = value.value_or(0);
    }
    if (ok && check.min > check.max) {
        f.error("min is greater than max");
        return std::nullopt;
    }
    auto traffic = parseTrafficSample(f);
    ok = ok && traffic;
    check.traffic = traffic.value_or(TrafficSample{});
    return ok ? std::optional<CheckBody>(check) : std::nullopt;
}

std::optional<CheckBody> parseStatus(const YamlField &f)
{
    f.allowOnly({"url", "method", "headers", "gateway", "listener", "ingressClass", "service", "code", "backend",
                 "location", "upstreamPath", "upstreamHeaders"});
    StatusCheck check;
    auto request = parseRequest(f);
    bool ok = request.has_value();
    check.request = request.value_or(RequestSpec{});
    auto code = f.child("code").integer(100, 599);
    ok = ok && code;
    check.code = static_cast<int>(code.value_or(200));
    if (f.has("backend")) {
        check.backend = parseObjectRef(f.child("backend"));
        ok = ok && check.backend;
    }
    if (f.has("location")) {
        check.location = f.child("location").string();
        ok = ok && check.location;
    }
    if (f.has("upstreamPath")) {
        check.upstreamPath = f.child("upstreamPath").string();
        ok = ok && check.upstreamPath;
    }
    if (f.has("upstreamHeaders")) {
        for (const auto &[name, value] : f.child("upstreamHeaders").entries()) {
            auto text = value.string();
            ok = ok && text;
            check.upstreamHeaders.emplace_back(name, text.value_or(""));
        }
        ok = ok && f.child("upstreamHeaders").node().IsMap();
    }
    return ok ? std::optional<CheckBody>(check) : std::nullopt;
}

std::optional<CheckBody> parseReadyPods(const YamlField &f)
{
    f.allowOnly({"namespace", "selector", "count", "min", "max"});
    ReadyPodsCheck check;
    auto labels = parseLabels(f.child("selector"));
    bool ok = labels.has_value();
    check.selector = labels.value_or(api::Labels{});
    if (f.has("namespace")) {
        auto ns = f.child("namespace").objectName();
        ok = ok && ns;
        check.namespace_ = ns.value_or("default");
    }
    ok = parseRange(f, check.min, check.max) && ok;
    return ok ? std::optional<CheckBody>(check) : std::nullopt;
}

std::optional<CheckBody> parseEndpoints(const YamlField &f)
{
    f.allowOnly({"service", "count", "min", "max"});
    EndpointsCheck check;
    auto service = parseObjectRef(f.child("service"));
    bool ok = service.has_value();
    check.service = service.value_or(ObjectRef{});
    ok = parseRange(f, check.min, check.max) && ok;
    return ok ? std::optional<CheckBody>(check) : std::nullopt;
}

std::optional<CheckBody> parseRolloutComplete(const YamlField &f)
{
    f.allowOnly({"deployment"});
    auto deployment = parseObjectRef(f.child("deployment"));
    if (!deployment)
        return std::nullopt;
    return RolloutCompleteCheck{*deployment};
}

std::optional<CheckBody> parseRouteCondition(const YamlField &f)
{
    f.allowOnly({"route", "parent", "type", "status", "reason"});
    RouteConditionCheck check;
    auto route = parseObjectRef(f.child("route"));
    auto type = f.child("type").oneOf({"Accepted", "ResolvedRefs"});
    auto status = f.child("status").oneOf({"True", "False", "Unknown"});
    bool ok = route && type && status;
    check.route = route.value_or(ObjectRef{});
    check.type = type.value_or("");
    check.status = status.value_or("");
    if (f.has("parent")) {
        auto parent = f.child("parent").objectName();
        ok = ok && parent;
        check.parent = parent.value_or("");
    }
    if (f.has("reason")) {
        auto reason = f.requiredString("reason");
        ok = ok && reason;
        check.reason = reason.value_or("");
    }
    return ok ? std::optional<CheckBody>(check) : std::nullopt;
}

std::optional<CheckBody> parseErrorRate(const YamlField &f)
{
    f.allowOnly({"max", "minRequests", "generator", "window"});
    ErrorRateCheck check;
    auto max = f.child("max").number(0, 1);
    bool ok = max.has_value();
    check.max = max.value_or(0);
    auto traffic = parseTrafficSample(f);
    ok = ok && traffic;
    check.traffic = traffic.value_or(TrafficSample{});
    return ok ? std::optional<CheckBody>(check) : std::nullopt;
}

std::optional<CheckBody> parseNoRequestLost(const YamlField &f)
{
    if (!f.isDefined())
        return NoRequestLostCheck{};
    if (!f.expectMap())
        return std::nullopt;
    f.allowOnly({"minRequests", "generator", "window"});
    auto traffic = parseTrafficSample(f);
    if (!traffic)
        return std::nullopt;
    return NoRequestLostCheck{*traffic};
}

std::optional<CheckBody> parseLoadBalancers(const YamlField &f)
{
    f.allowOnly({"count"});
    auto count = f.child("count").integer(0, kMaxCount);
    if (!count)
        return std::nullopt;
    return LoadBalancersCheck{*count};
}

using BodyParser = std::function<std::optional<CheckBody>(const YamlField &)>;

const std::map<std::string, BodyParser> &bodyParsers()
{
    static const std::map<std::string, BodyParser> parsers = {
        {"share", parseShare},
        {"status", parseStatus},
        {"readyPods", parseReadyPods},
        {"endpoints", parseEndpoints},
        {"rolloutComplete", parseRolloutComplete},
        {"routeCondition", parseRouteCondition},
        {"errorRate", parseErrorRate},
        {"noRequestLost", parseNoRequestLost},
        {"loadBalancers", parseLoadBalancers},
    };
    return parsers;
}

std::string typeList()
{
    std::string out;
    for (const auto &[name, parser] : bodyParsers())
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

} // namespace

std::optional<Check> parseCheck(const YamlField &field)
{
    if (!field.expectMap())
        return std::nullopt;
    Check check;
    check.location = field.location();
    check.field = field.path();
    std::string type;
    bool ok = true;
    for (const auto &[key, value] : field.entries()) {
        if (key == "name") {
            auto name = field.requiredString("name");
            ok = ok && name;
            check.name = name.value_or("");
        } else if (!bodyParsers().count(key)) {
            value.error("unknown check \"" + key + "\" (expected one of: " + typeList() + ")");
            ok = false;
        } else if (!type.empty()) {
            value.error("a check has one type; \"" + type + "\" is already given");
            ok = false;
        } else {
            type = key;
        }
    }
    if (!ok)
        return std::nullopt;
    if (type.empty()) {
        field.error("a check needs a type: one of " + typeList());
        return std::nullopt;
    }
    const YamlField body = field.child(type);
    if (type != "noRequestLost" && !body.expectMap())
        return std::nullopt;
    auto parsed = bodyParsers().at(type)(body);
    if (!parsed)
        return std::nullopt;
    check.body = std::move(*parsed);
    if (check.name.empty())
        check.name = type;
    return check;
}

std::optional<std::vector<Check>> parseChecks(const YamlField &field)
{
    std::vector<Check> checks;
    bool ok = field.node().IsSequence();
    for (const YamlField &item : field.items()) {
        auto check = parseCheck(item);
        ok = ok && check;
        if (check)
            checks.push_back(std::move(*check));
    }
    return ok ? std::optional(std::move(checks)) : std::nullopt;
}

} // namespace sim::scenario
