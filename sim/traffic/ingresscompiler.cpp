#include "sim/traffic/ingresscompiler.h"

#include "sim/traffic/hostnames.h"

#include <algorithm>
#include <charconv>

namespace sim::traffic {

using api::Kind;

namespace {

std::string nginx(const api::Object &ingress, const std::string &name, const std::string &fallback = {})
{
    return ingress.metadata.annotation(kNginxAnnotationPrefix + name, fallback);
}

bool nginxFlag(const api::Object &ingress, const std::string &name, bool fallback)
{
    std::string value = nginx(ingress, name);
    return value.empty() ? fallback : value == "true";
}

std::uint32_t nginxNumber(const api::Object &ingress, const std::string &name, std::uint32_t fallback)
{
    std::string value = nginx(ingress, name);
    std::uint32_t out = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    return ec == std::errc() && ptr == value.data() + value.size() ? out : fallback;
}

std::shared_ptr<const std::regex> caseInsensitive(const std::string &pattern)
{
    try {
        // nginx regex locations (~*) are anchored at the start only and ignore case.
        return std::make_shared<const std::regex>("^(?:" + pattern + ")",
                                                  std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
    } catch (const std::regex_error &) {
        return nullptr;
    }
}

bool isDefaultClass(const api::Object &ingressClass)
{
    return ingressClass.metadata.annotation(api::kDefaultIngressClassAnnotation) == "true";
}

} // namespace

IngressCompiler::IngressCompiler(const store::Store &store, RoutingTable &table, metrics::MetricsRegistry *metrics)
    : m_store(store), m_table(table), m_metrics(metrics)
{
}

std::uint32_t IngressCompiler::metricId(metrics::Scope scope, const std::string &name)
{
    return m_metrics ? m_metrics->seriesId(scope, name) : kNone;
}

std::string IngressCompiler::classOf(const store::Store &store, const api::Object &ingress, std::string *why)
{
    const auto &spec = ingress.as<api::Ingress>().spec;
    std::string name = spec.ingressClassName.value_or(ingress.metadata.annotation(api::kLegacyIngressClassAnnotation));
    std::vector<api::ObjectPtr> classes = store.list(Kind::IngressClass);
    if (name.empty()) {
        for (const api::ObjectPtr &c : classes) {
            if (isDefaultClass(*c))
                return c->metadata.name;
        }
        if (classes.empty())
            return kBuiltInIngressClass;
        if (why)
            *why = "the Ingress names no class and no IngressClass is marked default, so no controller serves it";
        return {};
    }
    if (store.get(Kind::IngressClass, "", name) || name == kBuiltInIngressClass)
        return name;
    if (why)
        *why = "IngressClass \"" + name + "\" not found, so no controller serves this Ingress";
    return {};
}

CompiledIngressController &IngressCompiler::controllerFor(const std::string &className)
{
    auto it = m_table.ingressByClass.find(className);
    if (it != m_table.ingressByClass.end())
        return m_table.ingressControllers[it->second];
    CompiledIngressController controller;
    controller.className = className;
    if (api::ObjectPtr c = m_store.get(Kind::IngressClass, "", className)) {
        controller.controller = c->as<api::IngressClass>().spec.controller;
        controller.isDefaultClass = isDefaultClass(*c);
    } else {
        controller.controller = "k8s.io/ingress-nginx";
        controller.isBuiltIn = true;
        controller.isDefaultClass = m_store.list(Kind::IngressClass).empty();
    }
    if (auto a = m_addresses.find(className); a != m_addresses.end())
        controller.addresses.push_back(a->second);
    controller.metricId = metricId(metrics::Scope::Entry, "IngressClass " + className);
    m_table.ingressByClass.emplace(className, static_cast<std::uint32_t>(m_table.ingressControllers.size()));
    m_table.ingressControllers.push_back(std::move(controller));
    return m_table.ingressControllers.back();
}

IngressServer &IngressCompiler::serverFor(CompiledIngressController &controller, const std::string &host)
{
    if (host.empty()) {
        if (controller.catchAll == kNone) {
            controller.catchAll = static_cast<std::uint32_t>(controller.servers.size());
            controller.servers.emplace_back();
        }
        return controller.servers[controller.catchAll];
    }
    auto &index = hostnames::isWildcard(host) ? controller.wildcardServers : controller.exactServers;
    std::string key(hostnames::isWildcard(host) ? hostnames::wildcardSuffix(host) : std::string_view(host));
    auto [it, inserted] = index.try_emplace(key, static_cast<std::uint32_t>(controller.servers.size()));
    if (inserted) {
        controller.servers.emplace_back();
        controller.servers.back().host = host;
    }
    return controller.servers[it->second];
}

void IngressCompiler::compile()
{
    std::vector<api::ObjectPtr> ingresses = m_store.list(Kind::Ingress);
    // ingress-nginx resolves conflicts in favour of the oldest Ingress.
    std::stable_sort(ingresses.begin(), ingresses.end(), [](const api::ObjectPtr &a, const api::ObjectPtr &b) {
        return a->metadata.creationTimestamp < b->metadata.creationTimestamp;
    });
    for (bool canaries : {false, true}) {
        for (const api::ObjectPtr &ingress : ingresses) {
            std::string className = classOf(m_store, *ingress);
            if (className.empty() || nginxFlag(*ingress, "canary", false) != canaries)
                continue;
            CompiledIngressController &controller = controllerFor(className);
            if (canaries) {
                addCanary(controller, *ingress);
            } else {
                controller.ingresses.push_back(ingress->key());
                addIngress(controller, *ingress);
                addTls(controller, *ingress);
            }
        }
    }
    for (CompiledIngressController &controller : m_table.ingressControllers) {
        for (IngressServer &server : controller.servers)
            finishServer(server);
    }
}

IngressServiceTarget IngressCompiler::resolve(const std::string &ns, const api::IngressBackend &backend,
                                              const std::string &metricName)
{
    IngressServiceTarget target;
    target.namespace_ = ns;
    if (!backend.service) {
        target.problem = "resource backends are not simulated";
        return target;
    }
    target.name = backend.service->name;
    target.port = backend.service->portNumber;
    target.portName = backend.service->portName;
    const CompiledService *service = m_table.findService(ns, target.name);
    if (!service) {
        target.problem = "Service " + target.key() + " not found";
        return target;
    }
    const CompiledServicePort *port = target.portName.empty() ? service->findPort(target.port)
                                                              : service->findPortByName(target.portName);
    if (!port) {
        target.problem = "Service " + target.key() + " has no port "
            + (target.portName.empty() ? std::to_string(target.port) : "named " + target.portName);
        return target;
    }
    target.port = port->port;
    target.service = m_table.serviceByKey.at(target.key());
    target.servicePort = static_cast<std::uint32_t>(port - service->ports.data());
    target.metricId = metricId(metrics::Scope::Backend, metricName + " -> " + target.key() + ":" + std::to_string(target.port));
    return target;
}

void IngressCompiler::addIngress(CompiledIngressController &controller, const api::Object &ingress)
{
    const auto &spec = ingress.as<api::Ingress>().spec;
    const std::string ns = ingress.metadata.namespace_;
    std::string appRoot = nginx(ingress, "app-root");
    std::string rewrite = nginx(ingress, "rewrite-target");
    bool useRegex = nginxFlag(ingress, "use-regex", false) || !rewrite.empty();
    std::optional<IngressServiceTarget> defaultBackend;
    if (spec.defaultBackend)
        defaultBackend = resolve(ns, *spec.defaultBackend, "Ingress " + ingress.key() + " defaultBackend");
    if (defaultBackend) {
        IngressServer &catchAll = serverFor(controller, "");
        if (!catchAll.defaultBackend)
            catchAll.defaultBackend = defaultBackend;
    }
    for (std::size_t r = 0; r < spec.rules.size(); ++r) {
        const api::IngressRule &rule = spec.rules[r];
        IngressServer &server = serverFor(controller, hostnames::normalize(rule.host));
        server.useRegex = server.useRegex || useRegex;
        if (!appRoot.empty() && !server.appRoot)
            server.appRoot = appRoot;
        if (defaultBackend && !server.defaultBackend)
            server.defaultBackend = defaultBackend;
        for (std::size_t p = 0; p < rule.paths.size(); ++p) {
            const api::HTTPIngressPath &path = rule.paths[p];
            IngressLocation location;
            location.path = path.path.empty() ? "/" : path.path;
            location.pathType = path.pathType == "Exact" ? IngressLocation::PathType::Exact
                : path.pathType == "Prefix"              ? IngressLocation::PathType::Prefix
                                                         : IngressLocation::PathType::ImplementationSpecific;
            // The oldest Ingress keeps a host/path that several define; the trace names the others.
            auto kept = std::find_if(server.locations.begin(), server.locations.end(), [&](const IngressLocation &l) {
                return l.path == location.path && l.pathType == location.pathType;
            });
            if (kept != server.locations.end()) {
                kept->shadowedIngresses.push_back(ingress.key());
                continue;
            }
            std::string metricName = "Ingress " + ingress.key() + " rule " + std::to_string(r) + " path " + std::to_string(p);
            location.backend = resolve(ns, path.backend, metricName);
            location.ingressNamespace = ns;
            location.ingressName = ingress.metadata.name;
            location.ingressCreated = ingress.metadata.creationTimestamp;
            location.ruleIndex = static_cast<std::uint32_t>(r);
            location.pathIndex = static_cast<std::uint32_t>(p);
            if (!rewrite.empty())
                location.rewriteTarget = rewrite;
            if (std::string to = nginx(ingress, "permanent-redirect"); !to.empty()) {
                location.permanentRedirect = to;
                location.permanentRedirectCode = static_cast<std::int32_t>(nginxNumber(ingress, "permanent-redirect-code", 301));
            }
            if (std::string to = nginx(ingress, "temporal-redirect"); !to.empty())
                location.temporalRedirect = to;
            location.sslRedirect = nginxFlag(ingress, "ssl-redirect", true);
            location.forceSslRedirect = nginxFlag(ingress, "force-ssl-redirect", false);
            location.metricId = metricId(metrics::Scope::Rule, metricName);
            server.locations.push_back(std::move(location));
        }
    }
}

void IngressCompiler::addCanary(CompiledIngressController &controller, const api::Object &ingress)
{
    const auto &spec = ingress.as<api::Ingress>().spec;
    for (std::size_t r = 0; r < spec.rules.size(); ++r) {
        const api::IngressRule &rule = spec.rules[r];
        std::string host = hostnames::normalize(rule.host);
        for (std::size_t p = 0; p < rule.paths.size(); ++p) {
            const api::HTTPIngressPath &path = rule.paths[p];
            IngressServer &server = serverFor(controller, host);
            auto main = std::find_if(server.locations.begin(), server.locations.end(), [&](const IngressLocation &l) {
                return l.path == (path.path.empty() ? "/" : path.path);
            });
            // A canary only adds an alternative backend to a main Ingress's location; alone it serves nothing.
            if (main == server.locations.end() || main->canary)
                continue;
            IngressCanary canary;
            canary.ingressNamespace = ingress.metadata.namespace_;
            canary.ingressName = ingress.metadata.name;
            canary.header = nginx(ingress, "canary-by-header");
            canary.headerValue = nginx(ingress, "canary-by-header-value");
            canary.headerPatternText = nginx(ingress, "canary-by-header-pattern");
            if (!canary.headerPatternText.empty()) {
                try {
                    canary.headerPattern = std::make_shared<const std::regex>(canary.headerPatternText, std::regex::ECMAScript);
                } catch (const std::regex_error &) {
                    canary.headerPatternText.clear();
                }
            }
            canary.cookie = nginx(ingress, "canary-by-cookie");
            canary.weightTotal = nginxNumber(ingress, "canary-weight-total", 100);
            canary.weight = nginxNumber(ingress, "canary-weight", 0);
            canary.backend = resolve(ingress.metadata.namespace_, path.backend,
                                     "Ingress " + main->ingressKey() + " rule " + std::to_string(main->ruleIndex) + " path "
                                         + std::to_string(main->pathIndex) + " canary");
            main->canary = std::move(canary);
        }
    }
}

void IngressCompiler::addTls(CompiledIngressController &controller, const api::Object &ingress)
{
    for (const api::IngressTLS &tls : ingress.as<api::Ingress>().spec.tls) {
        std::string problem;
        api::ObjectPtr secret = m_store.get(Kind::Secret, ingress.metadata.namespace_, tls.secretName);
        if (tls.secretName.empty())
            problem = "tls entry has no secretName";
        else if (!secret)
            problem = "Secret " + ingress.metadata.namespace_ + "/" + tls.secretName + " not found";
        else if (!secret->as<api::Secret>().isTls() || !secret->as<api::Secret>().data.contains("tls.crt")
                 || !secret->as<api::Secret>().data.contains("tls.key"))
            problem = "Secret " + ingress.metadata.namespace_ + "/" + tls.secretName
                + " is not a kubernetes.io/tls Secret with tls.crt and tls.key";
        for (const std::string &host : tls.hosts) {
            IngressServer &server = serverFor(controller, hostnames::normalize(host));
            if (server.hasTls && server.hasValidCertificate)
                continue;
            server.hasTls = true;
            server.tlsSecret = ingress.metadata.namespace_ + "/" + tls.secretName;
            server.hasValidCertificate = problem.empty();
            server.tlsProblem = problem;
        }
    }
}

void IngressCompiler::finishServer(IngressServer &server)
{
    // use-regex on any Ingress of a host turns every path of that host into a case-insensitive regex.
    for (IngressLocation &location : server.locations) {
        location.isRegex = server.useRegex && location.pathType != IngressLocation::PathType::Exact;
        if (location.isRegex || location.rewriteTarget)
            location.regex = caseInsensitive(location.path);
    }
    // ingress-nginx writes locations longest path first; nginx then prefers exact locations.
    std::stable_sort(server.locations.begin(), server.locations.end(), [](const IngressLocation &a, const IngressLocation &b) {
        return a.path.size() > b.path.size();
    });
}

} // namespace sim::traffic
