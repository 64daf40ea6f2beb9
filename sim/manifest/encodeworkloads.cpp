#include "sim/manifest/encodekinds.h"
#include "sim/manifest/encoder.h"
#include "sim/manifest/yamlwriter.h"

namespace sim::manifest {
namespace {

YAML::Node probeNode(const api::Probe &p)
{
    YAML::Node n = newMap();
    if (!p.handler.empty()) {
        YAML::Node h = newMap();
        if (p.handler == "exec") {
            setStringList(h, "command", p.command);
        } else {
            if (p.handler == "httpGet")
                setString(h, "path", p.httpPath);
            h["port"] = intOrStringNode(p.port);
        }
        n[p.handler] = h;
    }
    setIntNonZero(n, "initialDelaySeconds", p.initialDelaySeconds);
    setInt(n, "periodSeconds", p.periodSeconds);
    setInt(n, "timeoutSeconds", p.timeoutSeconds);
    setInt(n, "successThreshold", p.successThreshold);
    setInt(n, "failureThreshold", p.failureThreshold);
    return n;
}

YAML::Node containerNode(const api::Container &c)
{
    YAML::Node n = newMap();
    setStringAlways(n, "name", c.name);
    setString(n, "image", c.image);
    setString(n, "imagePullPolicy", c.imagePullPolicy);
    setStringList(n, "command", c.command);
    setStringList(n, "args", c.args);
    YAML::Node env = newList();
    for (const api::EnvVar &e : c.env) {
        YAML::Node v = newMap();
        setStringAlways(v, "name", e.name);
        setString(v, "value", e.value);
        env.push_back(v);
    }
    setChild(n, "env", env);
    YAML::Node ports = newList();
    for (const api::ContainerPort &p : c.ports) {
        YAML::Node port = newMap();
        setString(port, "name", p.name);
        setInt(port, "containerPort", p.containerPort);
        setString(port, "protocol", p.protocol);
        ports.push_back(port);
    }
    setChild(n, "ports", ports);
    YAML::Node resources = newMap();  // kubectl always prints resources, {} when none
    setChild(resources, "requests", quantitiesNode(c.resources.requests));
    setChild(resources, "limits", quantitiesNode(c.resources.limits));
    n["resources"] = resources;
    if (c.readinessProbe)
        n["readinessProbe"] = probeNode(*c.readinessProbe);
    if (c.livenessProbe)
        n["livenessProbe"] = probeNode(*c.livenessProbe);
    if (c.startupProbe)
        n["startupProbe"] = probeNode(*c.startupProbe);
    return n;
}

YAML::Node tolerationNode(const api::Toleration &t)
{
    YAML::Node n = newMap();
    setString(n, "key", t.key);
    setString(n, "operator", t.op);
    setString(n, "value", t.value);
    setString(n, "effect", t.effect);
    if (t.tolerationSeconds)
        setInt(n, "tolerationSeconds", *t.tolerationSeconds);
    return n;
}

YAML::Node podSpecNode(const api::PodSpec &spec)
{
    YAML::Node n = newMap();
    YAML::Node containers = newList();
    for (const api::Container &c : spec.containers)
        containers.push_back(containerNode(c));
    n["containers"] = containers;
    YAML::Node init = newList();
    for (const api::Container &c : spec.initContainers)
        init.push_back(containerNode(c));
    setChild(n, "initContainers", init);
    setString(n, "nodeName", spec.nodeName);
    setStringMap(n, "nodeSelector", spec.nodeSelector);
    YAML::Node tolerations = newList();
    for (const api::Toleration &t : spec.tolerations)
        tolerations.push_back(tolerationNode(t));
    setChild(n, "tolerations", tolerations);
    setString(n, "restartPolicy", spec.restartPolicy);
    setInt(n, "terminationGracePeriodSeconds", spec.terminationGracePeriodSeconds);
    setString(n, "serviceAccountName", spec.serviceAccountName);
    return n;
}

YAML::Node templateNode(const api::PodTemplateSpec &t)
{
    YAML::Node n = newMap();
    YAML::Node meta = newMap();
    setStringMap(meta, "labels", t.labels);
    setStringMap(meta, "annotations", t.annotations);
    n["metadata"] = meta;
    n["spec"] = podSpecNode(t.spec);
    return n;
}

YAML::Node containerStatusNode(const api::ContainerStatus &s)
{
    YAML::Node n = newMap();
    setStringAlways(n, "name", s.name);
    setString(n, "image", s.image);
    setBool(n, "ready", s.ready);
    setBool(n, "started", s.started);
    setInt(n, "restartCount", s.restartCount);
    YAML::Node detail = newMap();
    if (s.state == "running") {
        setTimestamp(detail, "startedAt", s.startedAt);
    } else {
        setString(detail, "reason", s.reason);
        setString(detail, "message", s.message);
        if (s.state == "terminated" && s.exitCode)
            setInt(detail, "exitCode", *s.exitCode);
    }
    YAML::Node state = newMap();
    state[s.state] = detail;
    n["state"] = state;
    return n;
}

YAML::Node podStatusNode(const api::PodStatus &s)
{
    YAML::Node n = newMap();
    setString(n, "phase", s.phase);
    setString(n, "reason", s.reason);
    setString(n, "message", s.message);
    setString(n, "podIP", s.podIP);
    setString(n, "hostIP", s.hostIP);
    if (s.startTime)
        setTimestamp(n, "startTime", *s.startTime);
    setChild(n, "conditions", conditionsNode(s.conditions));
    YAML::Node statuses = newList();
    for (const api::ContainerStatus &c : s.containerStatuses)
        statuses.push_back(containerStatusNode(c));
    setChild(n, "containerStatuses", statuses);
    return n;
}

YAML::Node strategyNode(const api::DeploymentStrategy &s)
{
    YAML::Node n = newMap();
    setStringAlways(n, "type", s.type);
    if (s.type == "RollingUpdate") {
        YAML::Node ru = newMap();
        ru["maxSurge"] = intOrStringNode(s.rollingUpdate.maxSurge);
        ru["maxUnavailable"] = intOrStringNode(s.rollingUpdate.maxUnavailable);
        n["rollingUpdate"] = ru;
    }
    return n;
}

} // namespace

void encodeBody(const api::Pod &body, YAML::Node &top, bool withStatus)
{
    top["spec"] = podSpecNode(body.spec);
    if (withStatus)
        top["status"] = podStatusNode(body.status);
}

void encodeBody(const api::ReplicaSet &body, YAML::Node &top, bool withStatus)
{
    YAML::Node spec = newMap();
    setInt(spec, "replicas", body.spec.replicas);
    spec["selector"] = labelSelectorNode(body.spec.selector);
    spec["template"] = templateNode(body.spec.template_);
    setIntNonZero(spec, "minReadySeconds", body.spec.minReadySeconds);
    top["spec"] = spec;
    if (!withStatus)
        return;
    const api::ReplicaSetStatus &s = body.status;
    YAML::Node status = newMap();
    setInt(status, "replicas", s.replicas);
    setIntNonZero(status, "fullyLabeledReplicas", s.fullyLabeledReplicas);
    setIntNonZero(status, "readyReplicas", s.readyReplicas);
    setIntNonZero(status, "availableReplicas", s.availableReplicas);
    setIntNonZero(status, "observedGeneration", s.observedGeneration);
    top["status"] = status;
}

void encodeBody(const api::Deployment &body, YAML::Node &top, bool withStatus)
{
    const api::DeploymentSpec &s = body.spec;
    YAML::Node spec = newMap();
    setInt(spec, "replicas", s.replicas);
    spec["selector"] = labelSelectorNode(s.selector);
    spec["template"] = templateNode(s.template_);
    spec["strategy"] = strategyNode(s.strategy);
    setIntNonZero(spec, "minReadySeconds", s.minReadySeconds);
    setInt(spec, "revisionHistoryLimit", s.revisionHistoryLimit);
    setInt(spec, "progressDeadlineSeconds", s.progressDeadlineSeconds);
    setTrue(spec, "paused", s.paused);
    top["spec"] = spec;
    if (!withStatus)
        return;
    const api::DeploymentStatus &st = body.status;
    YAML::Node status = newMap();
    setIntNonZero(status, "observedGeneration", st.observedGeneration);
    setIntNonZero(status, "replicas", st.replicas);
    setIntNonZero(status, "updatedReplicas", st.updatedReplicas);
    setIntNonZero(status, "readyReplicas", st.readyReplicas);
    setIntNonZero(status, "availableReplicas", st.availableReplicas);
    setIntNonZero(status, "unavailableReplicas", st.unavailableReplicas);
    setChild(status, "conditions", conditionsNode(st.conditions));
    top["status"] = status;
}

} // namespace sim::manifest
