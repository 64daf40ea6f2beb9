#include "sim/limits.h"
#include "sim/manifest/namerules.h"
#include "sim/manifest/validatekinds.h"

#include <set>

namespace sim::manifest {
namespace {

std::string at(const std::string &path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

void nonNegative(FieldErrors &errors, const std::string &path, std::int64_t value)
{
    if (value < 0)
        errors.invalid(path, std::to_string(value), "must be greater than or equal to 0");
}

void validateProbe(const api::Probe &probe, const std::string &path, bool mustSucceedOnce, FieldErrors &errors)
{
    if (probe.handler.empty())
        errors.required(path, "must specify a handler type");
    else if (probe.handler != "exec")
        validatePortNumberOrName(probe.port, path + "." + probe.handler + ".port", errors);
    nonNegative(errors, path + ".initialDelaySeconds", probe.initialDelaySeconds);
    for (auto [name, value] : {std::pair{"periodSeconds", probe.periodSeconds}, {"timeoutSeconds", probe.timeoutSeconds},
                               {"successThreshold", probe.successThreshold},
                               {"failureThreshold", probe.failureThreshold}}) {
        if (value < 1)
            errors.invalid(path + "." + name, std::to_string(value), "must be greater than or equal to 1");
    }
    if (mustSucceedOnce && probe.successThreshold != 1)
        errors.invalid(path + ".successThreshold", std::to_string(probe.successThreshold), "must be 1");
}

void validateResources(const api::ResourceRequirements &res, const std::string &path, FieldErrors &errors)
{
    for (const auto &[name, request] : res.requests) {
        auto limit = res.limits.find(name);
        if (limit != res.limits.end() && request.milli > limit->second.milli)
            errors.add(path + ".requests", "Invalid value: " + quoted(request.text) + ": must be less than or equal to " +
                                               name + " limit of " + limit->second.text,
                       path + ".requests[" + name + "]");
    }
}

void validateContainer(const api::Container &c, const std::string &path, FieldErrors &errors)
{
    if (c.name.empty())
        errors.required(path + ".name");
    else
        errors.invalid(path + ".name", quoted(c.name), checkDns1123Label(c.name));
    if (c.image.empty())
        errors.required(path + ".image");
    if (!c.imagePullPolicy.empty())
        errors.checkEnum(path + ".imagePullPolicy", c.imagePullPolicy, {"Always", "IfNotPresent", "Never"});
    std::set<std::string> portNames;
    for (std::size_t i = 0; i < c.ports.size(); ++i) {
        const api::ContainerPort &p = c.ports[i];
        std::string pp = at(path + ".ports", i);
        errors.checkPort(pp + ".containerPort", p.containerPort);
        errors.checkEnum(pp + ".protocol", p.protocol, {"SCTP", "TCP", "UDP"});
        if (!p.name.empty()) {
            errors.invalid(pp + ".name", quoted(p.name), checkPortName(p.name));
            if (!portNames.insert(p.name).second)
                errors.duplicate(pp + ".name", quoted(p.name));
        }
    }
    for (std::size_t i = 0; i < c.env.size(); ++i) {
        if (c.env[i].name.empty())
            errors.required(at(path + ".env", i) + ".name");
    }
    validateResources(c.resources, path + ".resources", errors);
    if (c.readinessProbe)
        validateProbe(*c.readinessProbe, path + ".readinessProbe", false, errors);
    if (c.livenessProbe)
        validateProbe(*c.livenessProbe, path + ".livenessProbe", true, errors);
    if (c.startupProbe)
        validateProbe(*c.startupProbe, path + ".startupProbe", true, errors);
}

void validateToleration(const api::Toleration &t, const std::string &path, FieldErrors &errors)
{
    if (errors.checkEnum(path + ".operator", t.op, {"Equal", "Exists"}) && t.op == "Exists" && !t.value.empty())
        errors.invalid(path + ".operator", quoted(t.value), "value must be empty when `operator` is 'Exists'");
    if (!t.key.empty())
        errors.invalid(path + ".key", quoted(t.key), checkQualifiedName(t.key));
    else if (t.op != "Exists")
        errors.invalid(path + ".operator", quoted(t.op), "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
    if (!t.effect.empty())
        errors.checkEnum(path + ".effect", t.effect, {"NoExecute", "NoSchedule", "PreferNoSchedule"});
}

void validatePodSpec(const api::PodSpec &spec, const std::string &path, FieldErrors &errors)
{
    if (spec.containers.empty())
        errors.required(path + ".containers");
    std::set<std::string> names;
    auto containers = [&](const std::vector<api::Container> &list, const std::string &field) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            validateContainer(list[i], at(path + "." + field, i), errors);
            if (!list[i].name.empty() && !names.insert(list[i].name).second)
                errors.duplicate(at(path + "." + field, i) + ".name", quoted(list[i].name));
        }
    };
    containers(spec.initContainers, "initContainers");
    containers(spec.containers, "containers");
    errors.checkEnum(path + ".restartPolicy", spec.restartPolicy, {"Always", "OnFailure", "Never"});
    nonNegative(errors, path + ".terminationGracePeriodSeconds", spec.terminationGracePeriodSeconds);
    validateLabels(spec.nodeSelector, path + ".nodeSelector", errors);
    for (std::size_t i = 0; i < spec.tolerations.size(); ++i)
        validateToleration(spec.tolerations[i], at(path + ".tolerations", i), errors);
    if (!spec.nodeName.empty())
        errors.invalid(path + ".nodeName", quoted(spec.nodeName), checkDns1123Subdomain(spec.nodeName));
}

// Shared by Deployment and ReplicaSet: replicas, selector (required, non-empty, matching the template), template.
void validateControllerSpec(std::int32_t replicas, const api::LabelSelector &selector,
                            const api::PodTemplateSpec &tmpl, const std::string &kindLower, FieldErrors &errors)
{
    nonNegative(errors, "spec.replicas", replicas);
    if (replicas > limits::kMaxReplicas)
        errors.invalid("spec.replicas", std::to_string(replicas),
                       "must be less than or equal to " + std::to_string(limits::kMaxReplicas) + " (kubesim's limit)");
    if (selector.isEmpty()) {
        if (errors.hasField("spec.selector"))
            errors.invalid("spec.selector", "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}",
                           "empty selector is invalid for " + kindLower);
        else
            errors.required("spec.selector");
    } else {
        validateLabelSelector(selector, "spec.selector", errors);
        if (!selector.matches(tmpl.labels))
            errors.invalid("spec.template.metadata.labels", goMapLiteral(tmpl.labels),
                           "`selector` does not match template `labels`");
    }
    validateLabels(tmpl.labels, "spec.template.metadata.labels", errors);
    validatePodSpec(tmpl.spec, "spec.template.spec", errors);
    errors.checkEnum("spec.template.spec.restartPolicy", tmpl.spec->restartPolicy, {"Always"});
}

void validatePercentOrCount(const api::IntOrString &v, const std::string &path, bool capAt100, FieldErrors &errors)
{
    if (v.isInt()) {
        nonNegative(errors, path, v.intValue());
        return;
    }
    const std::string &s = v.stringValue();
    bool percent = s.size() >= 2 && s.back() == '%' &&
                   s.find_first_not_of("0123456789") == s.size() - 1;
    if (!percent) {
        errors.invalid(path, quoted(s),
                       "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or "
                       "'93%', regex used for validation is '[0-9]+%')");
        return;
    }
    // More than three digits is over 100% whatever they are (and would overflow a plain conversion).
    std::string digits = s.substr(0, s.size() - 1);
    if (capAt100 && (digits.size() > 3 || std::stoi(digits) > 100))
        errors.invalid(path, quoted(s), "must not be greater than 100%");
}

bool isZero(const api::IntOrString &v)
{
    if (v.isInt())
        return v.intValue() == 0;
    const std::string &s = v.stringValue();
    return s.find_first_not_of("0%") == std::string::npos && !s.empty();
}

void validateStrategy(const api::DeploymentStrategy &strategy, FieldErrors &errors)
{
    if (!errors.checkEnum("spec.strategy.type", strategy.type, {"Recreate", "RollingUpdate"}))
        return;
    if (strategy.type == "Recreate") {
        if (errors.hasField("spec.strategy.rollingUpdate"))
            errors.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
        return;
    }
    const api::RollingUpdateDeployment &ru = strategy.rollingUpdate;
    validatePercentOrCount(ru.maxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable", true, errors);
    validatePercentOrCount(ru.maxSurge, "spec.strategy.rollingUpdate.maxSurge", false, errors);
    if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge))
        errors.invalid("spec.strategy.rollingUpdate.maxUnavailable", ru.maxUnavailable.isInt() ? "0" : quoted(ru.maxUnavailable.stringValue()),
                       "may not be 0 when `maxSurge` is 0");
}

} // namespace

void validateBody(const api::Pod &body, FieldErrors &errors)
{
    validatePodSpec(body.spec, "spec", errors);
}

void validateBody(const api::ReplicaSet &body, FieldErrors &errors)
{
    validateControllerSpec(body.spec.replicas, body.spec.selector, body.spec.template_, "replicaset", errors);
    nonNegative(errors, "spec.minReadySeconds", body.spec.minReadySeconds);
}

void validateBody(const api::Deployment &body, FieldErrors &errors)
{
    const api::DeploymentSpec &spec = body.spec;
    validateControllerSpec(spec.replicas, spec.selector, spec.template_, "deployment", errors);
    validateStrategy(spec.strategy, errors);
    nonNegative(errors, "spec.minReadySeconds", spec.minReadySeconds);
    nonNegative(errors, "spec.revisionHistoryLimit", spec.revisionHistoryLimit);
    if (spec.progressDeadlineSeconds <= spec.minReadySeconds)
        errors.invalid("spec.progressDeadlineSeconds", std::to_string(spec.progressDeadlineSeconds),
                       "must be greater than minReadySeconds");
}

} // namespace sim::manifest
