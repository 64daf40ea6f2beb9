#include "ui/weightedrule.h"

#include "sim/topology/topologygraph.h"

#include <algorithm>
#include <charconv>

namespace ui {
namespace {

constexpr const char *kNginx = "nginx.ingress.kubernetes.io/";

// An ingress-nginx number annotation, or `fallback` when missing or not a whole number.
int nginxNumber(const sim::api::Object &ingress, const char *name, int fallback)
{
    const std::string text = ingress.metadata.annotation(std::string(kNginx) + name);
    int value = fallback;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

// The Service port an Ingress backend reaches, resolved by name when it names one (as the ingress compiler does).
int portOf(const sim::store::Store &store, const std::string &ns, const sim::api::IngressServiceBackend &backend)
{
    if (backend.portName.empty())
        return backend.portNumber;
    if (sim::api::ObjectPtr service = store.get(sim::api::Kind::Service, ns, backend.name))
        for (const sim::api::ServicePort &port : service->as<sim::api::Service>().spec.ports)
            if (port.name == backend.portName)
                return port.port;
    return 0;
}

void addRouteRules(const sim::store::Store &store, std::vector<WeightedRule> &out)
{
    for (const sim::api::ObjectPtr &obj : store.list(sim::api::Kind::HTTPRoute)) {
        const auto &rules = obj->as<sim::api::HTTPRoute>().spec.rules;
        for (std::size_t r = 0; r < rules.size(); ++r) {
            if (rules[r].backendRefs.size() < 2)
                continue;
            WeightedRule rule;
            rule.ns = obj->metadata.namespace_;
            rule.route = obj->metadata.name;
            rule.rule = static_cast<int>(r);
            // The name the gateway compiler gives the series (sim/traffic/gatewaycompiler.cpp resolveBackend).
            const std::string ruleKey = "HTTPRoute " + rule.ns + "/" + rule.route + " rule " + std::to_string(r);
            for (const auto &ref : rules[r].backendRefs) {
                rule.backends.push_back(ref.ref.name);
                rule.weights.push_back(ref.weight);
                rule.backendSeries.push_back(ruleKey + " -> " + ref.ref.namespace_.value_or(rule.ns) + "/" + ref.ref.name + ":"
                                             + std::to_string(ref.ref.port.value_or(0)));
            }
            out.push_back(std::move(rule));
        }
    }
}

// The canary Ingresses of `main`'s path (same host and path), as ingress-nginx pairs them.
void addCanaries(const sim::store::Store &store, const sim::api::Object &main, std::vector<WeightedRule> &out)
{
    const std::string &ns = main.metadata.namespace_;
    const auto &rules = main.as<sim::api::Ingress>().spec.rules;
    int flat = 0;
    for (std::size_t r = 0; r < rules.size(); ++r)
        for (std::size_t p = 0; p < rules[r].paths.size(); ++p, ++flat) {
            const sim::api::HTTPIngressPath &path = rules[r].paths[p];
            if (!path.backend.service)
                continue;
            // The name the ingress compiler gives the series (sim/traffic/ingresscompiler.cpp addIngress, addCanary).
            const std::string location = "Ingress " + ns + "/" + main.metadata.name + " rule " + std::to_string(r) + " path "
                                         + std::to_string(p);
            for (const sim::api::ObjectPtr &canary : store.list(sim::api::Kind::Ingress, ns)) {
                if (canary->metadata.annotation(std::string(kNginx) + "canary") != "true")
                    continue;
                for (const sim::api::IngressRule &cr : canary->as<sim::api::Ingress>().spec.rules)
                    for (const sim::api::HTTPIngressPath &cp : cr.paths) {
                        if (cr.host != rules[r].host || cp.path != path.path || !cp.backend.service)
                            continue;
                        const int total = nginxNumber(*canary, "canary-weight-total", 100);
                        const int weight = nginxNumber(*canary, "canary-weight", 0);
                        WeightedRule rule;
                        rule.kind = WeightedRule::Kind::IngressCanary;
                        rule.ns = ns;
                        rule.route = canary->metadata.name;
                        rule.rule = flat;
                        rule.primary = main.metadata.name;
                        rule.backends = {path.backend.service->name, cp.backend.service->name};
                        rule.weights = {std::max(total - weight, 0), weight};
                        rule.backendSeries = {
                            location + " -> " + ns + "/" + path.backend.service->name + ":"
                                + std::to_string(portOf(store, ns, *path.backend.service)),
                            location + " canary -> " + ns + "/" + cp.backend.service->name + ":"
                                + std::to_string(portOf(store, ns, *cp.backend.service))};
                        out.push_back(std::move(rule));
                    }
            }
        }
}

} // namespace

std::string WeightedRule::label() const
{
    return kind == Kind::RouteRule ? ns + "/" + route + " rule " + std::to_string(rule) : ns + "/" + route + " canary-weight";
}

std::string WeightedRule::sourceNode() const
{
    return kind == Kind::RouteRule ? sim::topology::ids::routeRule(ns, route, rule) : sim::topology::ids::ingressRule(ns, primary, rule);
}

std::vector<WeightedRule> weightedRules(const sim::store::Store &store)
{
    std::vector<WeightedRule> out;
    addRouteRules(store, out);
    for (const sim::api::ObjectPtr &ingress : store.list(sim::api::Kind::Ingress))
        if (ingress->metadata.annotation(std::string(kNginx) + "canary") != "true")
            addCanaries(store, *ingress, out);
    return out;
}

} // namespace ui
