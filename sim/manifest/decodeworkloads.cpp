#include "sim/manifest/decodekinds.h"

namespace sim::manifest {
namespace {

void decodeProbePort(MapReader &r, api::Probe &out)
{
    r.read("port", out.port);
}

void decodeProbe(MapReader &r, api::Probe &out)
{
    if (r.object("httpGet", [&](MapReader &h) {
            h.read("path", out.httpPath);
            decodeProbePort(h, out);
            h.ignore({"host", "scheme", "httpHeaders"});
        }))
        out.handler = "httpGet";
    if (r.object("tcpSocket", [&](MapReader &t) {
            decodeProbePort(t, out);
            t.ignore({"host"});
        }))
        out.handler = "tcpSocket";
    if (r.object("exec", [&](MapReader &e) { e.read("command", out.command); }))
        out.handler = "exec";
    if (r.object("grpc", [&](MapReader &g) {
            decodeProbePort(g, out);
            g.ignore({"service"});
        }))
        out.handler = "grpc";
    r.read("initialDelaySeconds", out.initialDelaySeconds);
    r.read("periodSeconds", out.periodSeconds);
    r.read("timeoutSeconds", out.timeoutSeconds);
    r.read("successThreshold", out.successThreshold);
    r.read("failureThreshold", out.failureThreshold);
    r.ignore({"terminationGracePeriodSeconds"});
}

// The API server's default: Always for :latest or an untagged image, IfNotPresent otherwise.
std::string defaultPullPolicy(const std::string &image)
{
    std::string ref = image.substr(0, image.find('@'));
    if (image.find('@') != std::string::npos)
        return "IfNotPresent";
    std::size_t slash = ref.rfind('/');
    std::size_t colon = ref.rfind(':');
    bool tagged = colon != std::string::npos && (slash == std::string::npos || colon > slash);
    if (!tagged || ref.substr(colon + 1) == "latest")
        return "Always";
    return "IfNotPresent";
}

void decodeContainer(MapReader &r, api::Container &out)
{
    r.read("name", out.name);
    r.read("image", out.image);
    r.read("imagePullPolicy", out.imagePullPolicy);
    if (out.imagePullPolicy.empty() && !out.image.empty())
        out.imagePullPolicy = defaultPullPolicy(out.image);
    r.read("command", out.command);
    r.read("args", out.args);
    r.objects("env", [&](MapReader &e, std::size_t) {
        api::EnvVar &var = out.env.emplace_back();
        e.read("name", var.name);
        e.read("value", var.value);
        e.ignore({"valueFrom"});
    });
    r.objects("ports", [&](MapReader &p, std::size_t) {
        api::ContainerPort &port = out.ports.emplace_back();
        p.read("name", port.name);
        p.read("containerPort", port.containerPort);
        p.read("protocol", port.protocol);
        p.ignore({"hostPort", "hostIP"});
    });
    r.object("resources", [&](MapReader &res) {
        res.read("requests", out.resources.requests);
        res.read("limits", out.resources.limits);
        res.ignore({"claims"});
    });
    r.object("readinessProbe", [&](MapReader &p) { decodeProbe(p, out.readinessProbe.emplace()); });
    r.object("livenessProbe", [&](MapReader &p) { decodeProbe(p, out.livenessProbe.emplace()); });
    r.object("startupProbe", [&](MapReader &p) { decodeProbe(p, out.startupProbe.emplace()); });
    r.ignore({"volumeMounts", "volumeDevices", "securityContext", "envFrom", "lifecycle", "workingDir",
              "terminationMessagePath", "terminationMessagePolicy", "stdin", "stdinOnce", "tty", "resizePolicy",
              "restartPolicy"});
}

void decodeToleration(MapReader &r, api::Toleration &out)
{
    r.read("key", out.key);
    r.read("operator", out.op);
    r.read("value", out.value);
    r.read("effect", out.effect);
    r.read("tolerationSeconds", out.tolerationSeconds);
}

void decodePodSpec(MapReader &r, api::PodSpec &out)
{
    r.objects("containers", [&](MapReader &c, std::size_t) { decodeContainer(c, out.containers.emplace_back()); });
    r.objects("initContainers",
              [&](MapReader &c, std::size_t) { decodeContainer(c, out.initContainers.emplace_back()); });
    r.read("nodeName", out.nodeName);
    r.read("nodeSelector", out.nodeSelector);
    r.objects("tolerations", [&](MapReader &t, std::size_t) { decodeToleration(t, out.tolerations.emplace_back()); });
    r.read("restartPolicy", out.restartPolicy);
    r.read("terminationGracePeriodSeconds", out.terminationGracePeriodSeconds);
    r.read("serviceAccountName", out.serviceAccountName);
    r.ignore({"volumes", "affinity", "securityContext", "imagePullSecrets", "topologySpreadConstraints", "hostNetwork",
              "hostPID", "hostIPC", "dnsPolicy", "dnsConfig", "hostname", "subdomain", "schedulerName",
              "priorityClassName", "priority", "serviceAccount", "automountServiceAccountToken",
              "enableServiceLinks", "shareProcessNamespace", "hostAliases", "runtimeClassName", "preemptionPolicy",
              "overhead", "readinessGates", "ephemeralContainers", "activeDeadlineSeconds", "os",
              "setHostnameAsFQDN", "schedulingGates", "resourceClaims", "hostUsers", "resources"});
}

void decodePodTemplate(MapReader &r, api::PodTemplateSpec &out)
{
    r.object("metadata", [&](MapReader &m) {
        m.read("labels", out.labels.edit());
        m.read("annotations", out.annotations.edit());
        // A template is an ObjectMeta too; dumps carry `creationTimestamp: null` here.
        m.ignore({"name", "generateName", "namespace", "creationTimestamp", "uid", "resourceVersion", "generation",
                  "ownerReferences", "finalizers", "managedFields", "selfLink", "deletionTimestamp",
                  "deletionGracePeriodSeconds"});
    });
    r.object("spec", [&](MapReader &s) { decodePodSpec(s, out.spec.edit()); });
}

void decodeSelector(MapReader &r, api::LabelSelector &out)
{
    r.object("selector", [&](MapReader &s) { decodeLabelSelector(s, out); });
}

} // namespace

void decodeBody(MapReader &top, api::Pod &out)
{
    top.object("spec", [&](MapReader &s) { decodePodSpec(s, out.spec.edit()); });
}

void decodeBody(MapReader &top, api::ReplicaSet &out)
{
    top.object("spec", [&](MapReader &s) {
        s.read("replicas", out.spec.replicas);
        decodeSelector(s, out.spec.selector);
        s.object("template", [&](MapReader &t) { decodePodTemplate(t, out.spec.template_); });
        s.read("minReadySeconds", out.spec.minReadySeconds);
    });
}

void decodeBody(MapReader &top, api::Deployment &out)
{
    api::DeploymentSpec &spec = out.spec;
    top.object("spec", [&](MapReader &s) {
        s.read("replicas", spec.replicas);
        decodeSelector(s, spec.selector);
        s.object("template", [&](MapReader &t) { decodePodTemplate(t, spec.template_); });
        s.object("strategy", [&](MapReader &st) {
            st.read("type", spec.strategy.type);
            st.object("rollingUpdate", [&](MapReader &ru) {
                ru.read("maxUnavailable", spec.strategy.rollingUpdate.maxUnavailable);
                ru.read("maxSurge", spec.strategy.rollingUpdate.maxSurge);
            });
        });
        s.read("minReadySeconds", spec.minReadySeconds);
        s.read("revisionHistoryLimit", spec.revisionHistoryLimit);
        s.read("progressDeadlineSeconds", spec.progressDeadlineSeconds);
        s.read("paused", spec.paused);
    });
}

} // namespace sim::manifest
