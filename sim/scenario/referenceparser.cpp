#include "sim/scenario/referenceparser.h"

#include <cctype>

namespace sim::scenario {

namespace {

bool isHttpToken(const std::string &name)
{
    if (name.empty())
        return false;
    for (unsigned char c : name) {
        if (!std::isalnum(c) && std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) == std::string_view::npos)
            return false;
    }
    return true;
}

bool hasKnownScheme(const std::string &url)
{
    return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 || url.rfind("/", 0) == 0;
}

std::optional<EntryPoint> parseEntryPoint(const YamlField &field)
{
    EntryPoint entry;
    int given = 0;
    bool ok = true;
    if (field.has("gateway")) {
        ++given;
        auto ref = parseObjectRef(field.child("gateway"));
        ok = ok && ref;
        entry = {EntryPoint::Type::Gateway, ref.value_or(ObjectRef{}), {}};
    }
    if (field.has("ingressClass")) {
        ++given;
        auto name = field.child("ingressClass").objectName();
        ok = ok && name;
        entry = {EntryPoint::Type::IngressClass, ObjectRef{"", name.value_or("")}, {}};
    }
    if (field.has("service")) {
        ++given;
        auto ref = parseObjectRef(field.child("service"));
        ok = ok && ref;
        entry = {EntryPoint::Type::Service, ref.value_or(ObjectRef{}), {}};
    }
    if (given > 1) {
        field.error("give at most one entry point: gateway, ingressClass or service");
        return std::nullopt;
    }
    if (field.has("listener")) {
        const YamlField listener = field.child("listener");
        if (entry.type != EntryPoint::Type::Gateway) {
            listener.error("a listener needs a gateway");
            return std::nullopt;
        }
        auto name = listener.objectName();
        ok = ok && name;
        entry.listener = name.value_or("");
    }
    return ok ? std::optional(entry) : std::nullopt;
}

} // namespace

std::optional<ObjectRef> parseObjectRef(const YamlField &field)
{
    auto text = field.string();
    if (!text)
        return std::nullopt;
    const auto slash = text->find('/');
    ObjectRef ref;
    if (slash == std::string::npos) {
        ref.name = *text;
    } else {
        ref.namespace_ = text->substr(0, slash);
        ref.name = text->substr(slash + 1);
    }
    if (ref.name.empty() || ref.namespace_.empty() || ref.name.find('/') != std::string::npos) {
        field.error("expected \"name\" or \"namespace/name\", got \"" + *text + "\"");
        return std::nullopt;
    }
    return ref;
}

std::optional<api::Labels> parseLabels(const YamlField &field)
{
    if (!field.expectMap())
        return std::nullopt;
    api::Labels labels;
    bool ok = true;
    for (const auto &[key, value] : field.entries()) {
        auto text = value.string();
        ok = ok && text;
        if (key.empty()) {
            value.error("label keys must not be empty");
            ok = false;
        }
        labels[key] = text.value_or("");
    }
    if (ok && labels.empty()) {
        field.error("a selector needs at least one label");
        return std::nullopt;
    }
    return ok ? std::optional(labels) : std::nullopt;
}

std::optional<RequestSpec> parseRequest(const YamlField &field)
{
    RequestSpec request;
    bool ok = true;
    if (auto url = field.requiredString("url")) {
        request.url = *url;
        if (!hasKnownScheme(request.url)) {
            field.child("url").error("expected an http:// or https:// URL, or a path starting with \"/\", got \"" +
                                     request.url + "\"");
            ok = false;
        }
    } else {
        ok = false;
    }
    if (field.has("method")) {
        auto method = field.child("method").oneOf({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"});
        ok = ok && method;
        request.method = method.value_or("GET");
    }
    if (field.has("headers")) {
        const YamlField headers = field.child("headers");
        for (const auto &[name, value] : headers.entries()) {
            auto text = value.string();
            if (!isHttpToken(name)) {
                value.error("\"" + name + "\" is not a valid HTTP header name");
                ok = false;
            }
            ok = ok && text;
            request.headers.emplace_back(name, text.value_or(""));
        }
        ok = ok && headers.node().IsMap();
    }
    auto entry = parseEntryPoint(field);
    ok = ok && entry;
    request.entry = entry.value_or(EntryPoint{});
    return ok ? std::optional(request) : std::nullopt;
}

std::optional<TrafficSample> parseTrafficSample(const YamlField &field)
{
    TrafficSample traffic;
    bool ok = true;
    if (field.has("minRequests")) {
        auto value = field.child("minRequests").integer(1, 1'000'000);
        ok = ok && value;
        traffic.minRequests = value.value_or(1);
    }
    if (field.has("generator")) {
        auto name = field.child("generator").objectName();
        ok = ok && name;
        traffic.generator = name.value_or("");
    }
    if (field.has("window")) {
        auto window = field.child("window").duration();
        ok = ok && window;
        if (window && *window <= 0) {
            field.child("window").error("must be longer than 0s");
            ok = false;
        }
        traffic.window = window.value_or(0);
    }
    return ok ? std::optional(traffic) : std::nullopt;
}

std::optional<PodTarget> parsePodTarget(const YamlField &field)
{
    if (!field.expectMap())
        return std::nullopt;
    PodTarget target;
    const bool hasPod = field.has("pod");
    const bool hasSelector = field.has("selector");
    if (hasPod == hasSelector) {
        field.error("give either pod (a pod's name) or selector (labels)");
        return std::nullopt;
    }
    if (hasPod) {
        for (const char *key : {"namespace", "count"}) {
            if (field.has(key)) {
                field.child(key).error(std::string(key) + " goes with selector; write pod as \"namespace/name\"");
                return std::nullopt;
            }
        }
        auto ref = parseObjectRef(field.child("pod"));
        if (!ref)
            return std::nullopt;
        target.namespace_ = ref->namespace_;
        target.pod = ref->name;
        return target;
    }
    auto labels = parseLabels(field.child("selector"));
    bool ok = labels.has_value();
    target.selector = labels.value_or(api::Labels{});
    if (field.has("namespace")) {
        auto ns = field.child("namespace").objectName();
        ok = ok && ns;
        target.namespace_ = ns.value_or("default");
    }
    if (field.has("count")) {
        auto count = field.child("count").integer(1, 10'000);
        ok = ok && count;
        target.count = count.value_or(0);
    }
    return ok ? std::optional(target) : std::nullopt;
}

} // namespace sim::scenario
