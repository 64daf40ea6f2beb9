#include "sim/engine/engine.h"
#include "sim/manifest/encoder.h"
#include "sim/manifest/loader.h"
#include "sim/manifest/namerules.h"
#include "sim/manifest/validator.h"
#include "sim/store/store.h"

#include <QtTest>

#include <yaml-cpp/yaml.h>

using namespace sim;
using namespace sim::manifest;

namespace {

const QString kData = QStringLiteral(KUBESIM_TEST_DATA "/manifest/");

std::string dataPath(const QString &relative) { return (kData + relative).toStdString(); }

QString describe(const std::vector<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

std::vector<Diagnostic> ofSeverity(const LoadResult &r, Diagnostic::Severity severity)
{
    std::vector<Diagnostic> out;
    for (const Diagnostic &d : r.diagnostics) {
        if (d.severity == severity)
            out.push_back(d);
    }
    return out;
}

// Looks up "spec|ports|0|targetPort" in a YAML tree ("|" because keys hold dots and slashes).
QString lookup(const YAML::Node &root, const QString &path)
{
    // reset(), not assignment: assigning a YAML::Node overwrites the node it refers to.
    YAML::Node node;
    node.reset(root);
    for (const QString &part : path.split('|')) {
        bool isIndex = false;
        int index = part.toInt(&isIndex);
        if (isIndex && node.IsSequence())
            node.reset(node[index]);
        else if (node.IsMap())
            node.reset(node[part.toStdString()]);
        else
            return QStringLiteral("<missing>");
        if (!node.IsDefined())
            return QStringLiteral("<missing>");
    }
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QStringLiteral("<not a scalar>");
}

std::vector<api::ObjectPtr> objectsOf(const LoadResult &r)
{
    std::vector<api::ObjectPtr> out;
    for (const Document &d : r.documents)
        out.push_back(std::make_shared<const api::Object>(d.object));
    return out;
}

QStringList namesOf(const LoadResult &r)
{
    QStringList out;
    for (const Document &d : r.documents)
        out << QString::fromStdString(d.object.metadata.name);
    return out;
}

} // namespace

class TestManifest : public QObject {
    Q_OBJECT

private slots:
    void decodeKinds_data();
    void decodeKinds();
    void defaults_data();
    void defaults();
    void validationErrors_data();
    void validationErrors();
    void warnings_data();
    void warnings();
    void syntaxErrors_data();
    void syntaxErrors();
    void formats_data();
    void formats();
    void missingPath();
    void fieldLocations_data();
    void fieldLocations();
    void roundTrip_data();
    void roundTrip();
    void yamlOutput();
    void jsonOutput();
    void listOutput();
    void stringQuoting_data();
    void stringQuoting();
    void timestamps_data();
    void timestamps();
    void nameRules_data();
    void nameRules();
    void batch_data();
    void batch();
};

void TestManifest::decodeKinds_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("ns");
    QTest::newRow("Namespace") << "kinds/namespace.yaml" << "Namespace" << "shop" << "";
    QTest::newRow("Node") << "kinds/node.yaml" << "Node" << "worker-1" << "";
    QTest::newRow("ConfigMap") << "kinds/configmap.yaml" << "ConfigMap" << "web-config" << "default";
    QTest::newRow("Secret") << "kinds/secret.yaml" << "Secret" << "web-tls" << "default";
    QTest::newRow("Pod") << "kinds/pod.yaml" << "Pod" << "debug" << "default";
    QTest::newRow("ReplicaSet") << "kinds/replicaset.yaml" << "ReplicaSet" << "web-7d9f" << "default";
    QTest::newRow("Deployment") << "kinds/deployment.yaml" << "Deployment" << "web" << "shop";
    QTest::newRow("Service") << "kinds/service.yaml" << "Service" << "web" << "shop";
    QTest::newRow("EndpointSlice") << "kinds/endpointslice.yaml" << "EndpointSlice" << "external-db-1" << "default";
    QTest::newRow("IngressClass") << "kinds/ingressclass.yaml" << "IngressClass" << "nginx" << "";
    QTest::newRow("Ingress") << "kinds/ingress.yaml" << "Ingress" << "shop" << "default";
    QTest::newRow("GatewayClass") << "kinds/gatewayclass.yaml" << "GatewayClass" << "kubesim" << "";
    QTest::newRow("Gateway") << "kinds/gateway.yaml" << "Gateway" << "edge" << "default";
    QTest::newRow("HTTPRoute") << "kinds/httproute.yaml" << "HTTPRoute" << "canary" << "default";
    QTest::newRow("ReferenceGrant") << "kinds/referencegrant.yaml" << "ReferenceGrant" << "allow-routes" << "shop";
}

void TestManifest::decodeKinds()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(QString, ns);
    LoadResult r = loadPaths({dataPath(file)});
    QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r.diagnostics)));
    QCOMPARE(r.documents.size(), std::size_t(1));
    const api::Object &o = r.documents[0].object;
    QCOMPARE(QString::fromStdString(std::string(o.info().name)), kind);
    QCOMPARE(QString::fromStdString(o.metadata.name), name);
    QCOMPARE(QString::fromStdString(o.metadata.namespace_), ns);
    QCOMPARE(r.documents[0].location.line, 1);
}

void TestManifest::defaults_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Service targetPort = port") << "kinds/service.yaml" << "spec|ports|1|targetPort" << "9090";
    QTest::newRow("Service named targetPort kept") << "kinds/service.yaml" << "spec|ports|0|targetPort" << "http";
    QTest::newRow("Service protocol TCP") << "kinds/service.yaml" << "spec|ports|0|protocol" << "TCP";
    QTest::newRow("Service ClientIP timeout") << "kinds/service.yaml"
                                              << "spec|sessionAffinityConfig|clientIP|timeoutSeconds" << "10800";
    QTest::newRow("Service type ClusterIP") << "formats/objects.json" << "items|0|spec|type" << "ClusterIP";
    QTest::newRow("Service sessionAffinity None") << "formats/objects.json" << "items|0|spec|sessionAffinity" << "None";
    QTest::newRow("Service ClusterIP has no externalTrafficPolicy")
        << "formats/objects.json" << "items|0|spec|externalTrafficPolicy" << "<missing>";
    QTest::newRow("Deployment maxSurge 25%") << "formats/objects.json"
                                             << "items|1|spec|strategy|rollingUpdate|maxSurge" << "25%";
    QTest::newRow("Deployment maxUnavailable 25%")
        << "formats/objects.json" << "items|1|spec|strategy|rollingUpdate|maxUnavailable" << "25%";
    QTest::newRow("Deployment strategy type") << "formats/objects.json" << "items|1|spec|strategy|type" << "RollingUpdate";
    QTest::newRow("Deployment revisionHistoryLimit") << "formats/objects.json" << "items|1|spec|revisionHistoryLimit" << "10";
    QTest::newRow("Deployment progressDeadlineSeconds")
        << "formats/objects.json" << "items|1|spec|progressDeadlineSeconds" << "600";
    QTest::newRow("namespace defaults to default") << "formats/objects.json" << "items|1|metadata|namespace" << "default";
    QTest::newRow("untagged image pulls Always")
        << "formats/objects.json" << "items|1|spec|template|spec|containers|0|imagePullPolicy" << "Always";
    QTest::newRow("tagged image pulls IfNotPresent")
        << "kinds/deployment.yaml" << "spec|template|spec|containers|0|imagePullPolicy" << "IfNotPresent";
    QTest::newRow("container port protocol") << "kinds/deployment.yaml"
                                             << "spec|template|spec|containers|0|ports|0|protocol" << "TCP";
    QTest::newRow("probe timeoutSeconds") << "kinds/deployment.yaml"
                                          << "spec|template|spec|containers|0|readinessProbe|timeoutSeconds" << "1";
    QTest::newRow("probe successThreshold") << "kinds/deployment.yaml"
                                            << "spec|template|spec|containers|0|readinessProbe|successThreshold" << "1";
    QTest::newRow("probe periodSeconds kept") << "kinds/deployment.yaml"
                                              << "spec|template|spec|containers|0|readinessProbe|periodSeconds" << "2";
    QTest::newRow("liveness periodSeconds") << "kinds/pod.yaml" << "spec|containers|0|livenessProbe|periodSeconds" << "10";
    QTest::newRow("restartPolicy Always") << "kinds/deployment.yaml" << "spec|template|spec|restartPolicy" << "Always";
    QTest::newRow("terminationGracePeriodSeconds")
        << "kinds/deployment.yaml" << "spec|template|spec|terminationGracePeriodSeconds" << "30";
    QTest::newRow("parentRef group") << "kinds/httproute.yaml" << "spec|parentRefs|0|group" << "gateway.networking.k8s.io";
    QTest::newRow("parentRef kind") << "kinds/httproute.yaml" << "spec|parentRefs|0|kind" << "Gateway";
    QTest::newRow("header match type Exact") << "kinds/httproute.yaml" << "spec|rules|0|matches|0|headers|0|type" << "Exact";
    QTest::newRow("match without path gets PathPrefix")
        << "kinds/httproute.yaml" << "spec|rules|0|matches|0|path|type" << "PathPrefix";
    QTest::newRow("match without path gets /") << "kinds/httproute.yaml" << "spec|rules|0|matches|0|path|value" << "/";
    QTest::newRow("rule without matches gets one") << "kinds/httproute.yaml" << "spec|rules|1|matches|0|path|type" << "PathPrefix";
    QTest::newRow("backendRef weight 1") << "kinds/httproute.yaml" << "spec|rules|0|backendRefs|0|weight" << "1";
    QTest::newRow("backendRef kind Service") << "kinds/httproute.yaml" << "spec|rules|0|backendRefs|0|kind" << "Service";
    QTest::newRow("backendRef group core") << "kinds/httproute.yaml" << "spec|rules|0|backendRefs|0|group" << "";
    QTest::newRow("weight kept") << "kinds/httproute.yaml" << "spec|rules|1|backendRefs|1|weight" << "10";
    QTest::newRow("redirect status kept") << "kinds/httproute.yaml" << "spec|rules|2|filters|0|requestRedirect|statusCode" << "301";
    QTest::newRow("allowedRoutes from Same") << "kinds/gateway.yaml" << "spec|listeners|0|allowedRoutes|namespaces|from" << "Same";
    QTest::newRow("tls mode Terminate") << "kinds/gateway.yaml" << "spec|listeners|1|tls|mode" << "Terminate";
    QTest::newRow("certificateRef kind Secret") << "kinds/gateway.yaml" << "spec|listeners|1|tls|certificateRefs|0|kind" << "Secret";
    QTest::newRow("Secret stringData as base64") << "kinds/secret.yaml" << "data|extra" << "aGVsbG8=";
    QTest::newRow("Secret data kept") << "kinds/secret.yaml" << "data|tls.key" << "a2V5";
    QTest::newRow("Namespace name label") << "kinds/namespace.yaml" << "metadata|labels|kubernetes.io/metadata.name" << "shop";
    QTest::newRow("Node allocatable = capacity") << "kinds/node.yaml" << "status|allocatable|memory" << "16Gi";
    QTest::newRow("last-applied annotation dropped")
        << "formats/dump.yaml" << "items|0|metadata|annotations|kubectl.kubernetes.io/last-applied-configuration"
        << "<missing>";
    QTest::newRow("other annotations kept") << "formats/dump.yaml"
                                            << "items|0|metadata|annotations|deployment.kubernetes.io/revision" << "1";
}

void TestManifest::defaults()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    LoadResult r = loadPaths({dataPath(file)});
    QVERIFY2(r.ok(), qPrintable(describe(r.diagnostics)));
    EncodeOptions options;
    options.includeStatus = false;
    options.asList = path.startsWith("items|");
    QCOMPARE(lookup(encodeObjects(objectsOf(r), options), path), expected);
}

void TestManifest::validationErrors_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("count");  // the API server lists every error; the first is checked

    const QString deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
                               "  replicas: %1\n  selector:\n    matchLabels:\n      app: web\n"
                               "  template:\n    metadata:\n      labels:\n        app: %2\n"
                               "    spec:\n      containers:\n      - name: web\n        image: %3\n";
    QTest::newRow("selector does not match template labels")
        << deployment.arg("1", "other", "nginx") << 12 << 7 << "spec.template.metadata.labels"
        << "Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`" << 1;
    QTest::newRow("negative replicas") << deployment.arg("-1", "web", "nginx") << 6 << 3 << "spec.replicas"
                                       << "Invalid value: -1: must be greater than or equal to 0" << 1;
    QTest::newRow("replicas as a string") << deployment.arg("\"3\"", "web", "nginx") << 6 << 13 << "spec.replicas"
                                          << "Invalid value: \"3\": must be an integer" << 1;
    QTest::newRow("label value as a number") << deployment.arg("1", "1", "nginx") << 13 << 14
                                             << "spec.template.metadata.labels.app"
                                             << "Invalid value: 1: must be a string, not a number (write \"1\" in quotes)" << 1;
    QTest::newRow("image required") << deployment.arg("1", "web", "\"\"") << 17 << 9
                                    << "spec.template.spec.containers[0].image" << "Required value" << 1;
    QTest::newRow("selector required")
        << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n"
           "      containers:\n      - name: web\n        image: nginx\n"
        << 5 << 1 << "spec.selector" << "Required value" << 1;
    QTest::newRow("containers required")
        << "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: Always\n" << 5 << 1
        << "spec.containers" << "Required value" << 1;
    QTest::newRow("strategy type")
        << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n    type: BlueGreen\n"
           "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
           "    spec:\n      containers: [{name: web, image: nginx}]\n"
        << 7 << 5 << "spec.strategy.type" << "Unsupported value: \"BlueGreen\": supported values: \"Recreate\", \"RollingUpdate\"" << 1;
    QTest::newRow("maxUnavailable over 100%")
        << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n    rollingUpdate:\n"
           "      maxUnavailable: 150%\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n"
           "      labels: {app: web}\n    spec:\n      containers: [{name: web, image: nginx}]\n"
        << 8 << 7 << "spec.strategy.rollingUpdate.maxUnavailable" << "Invalid value: \"150%\": must not be greater than 100%" << 1;
    QTest::newRow("bad object name")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Web_Config\n" << 4 << 3 << "metadata.name"
        << "Invalid value: \"Web_Config\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
           "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
           "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')" << 1;
    QTest::newRow("Service name is a DNS-1035 label")
        << "apiVersion: v1\nkind: Service\nmetadata:\n  name: 9web\nspec:\n  ports:\n  - port: 80\n" << 4 << 3
        << "metadata.name"
        << "Invalid value: \"9web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start "
           "with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', "
           "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')" << 1;
    QTest::newRow("Namespace name is a DNS-1123 label")
        << "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n" << 4 << 3 << "metadata.name"
        << "Invalid value: \"team.a\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters "
           "or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used "
           "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')" << 1;
    QTest::newRow("name required") << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n" << 3 << 1
                                   << "metadata.name" << "Required value: name or generateName is required" << 1;
    QTest::newRow("label key too long")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    " + QString(64, 'k') + ": v\n" << 6 << 5
        << "metadata.labels" << "Invalid value: \"" + QString(64, 'k') + "\": name part must be no more than 63 characters" << 1;
    QTest::newRow("label value syntax")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    tier: -front\n" << 6 << 5
        << "metadata.labels"
        << "Invalid value: \"-front\": a valid label must be an empty string or consist of alphanumeric characters, "
           "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  "
           "or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')" << 1;
    QTest::newRow("label key prefix")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    /app: v\n" << 6 << 5
        << "metadata.labels" << "Invalid value: \"/app\": prefix part must be non-empty" << 1;
    QTest::newRow("annotation key")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    a/b/c: v\n" << 6 << 5
        << "metadata.annotations"
        << "Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and "
           "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
           "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix "
           "and '/' (e.g. 'example.com/MyName')" << 1;

    const QString service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: %1\n  ports:\n"
                            "  - port: %2\n    protocol: %3\n    nodePort: %4\n";
    QTest::newRow("Service type") << service.arg("Internal", "80", "TCP", "0") << 6 << 3 << "spec.type"
                                  << "Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", "
                                     "\"LoadBalancer\", \"NodePort\"" << 1;
    QTest::newRow("Service protocol") << service.arg("ClusterIP", "80", "HTTP", "0") << 9 << 5 << "spec.ports[0].protocol"
                                      << "Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"" << 1;
    QTest::newRow("Service port range") << service.arg("ClusterIP", "70000", "TCP", "0") << 8 << 5
                                        << "spec.ports[0].port" << "Invalid value: 70000: must be between 1 and 65535, inclusive" << 2;
    QTest::newRow("nodePort range") << service.arg("NodePort", "80", "TCP", "8080") << 10 << 5 << "spec.ports[0].nodePort"
                                    << "Invalid value: 8080: provided port is not in the valid range. The range of valid "
                                       "ports is 30000-32767" << 1;
    QTest::newRow("nodePort on ClusterIP") << service.arg("ClusterIP", "80", "TCP", "30080") << 10 << 5
                                           << "spec.ports[0].nodePort"
                                           << "Forbidden: may not be used when `type` is 'ClusterIP'" << 1;
    QTest::newRow("Service port name required when several")
        << "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    name: http\n"
           "  - port: 443\n"
        << 9 << 5 << "spec.ports[1].name" << "Required value" << 1;
    QTest::newRow("sessionAffinity")
        << "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  sessionAffinity: Sticky\n  ports:\n"
           "  - port: 80\n"
        << 6 << 3 << "spec.sessionAffinity" << "Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\"" << 1;
    QTest::newRow("externalTrafficPolicy")
        << "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n"
           "  externalTrafficPolicy: Nearest\n  ports:\n  - port: 80\n"
        << 7 << 3 << "spec.externalTrafficPolicy"
        << "Unsupported value: \"Nearest\": supported values: \"Cluster\", \"Local\"" << 1;
    QTest::newRow("named targetPort syntax")
        << "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetPort: Http\n"
        << 8 << 5 << "spec.ports[0].targetPort"
        << "Invalid value: \"Http\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)" << 1;

    const QString ingress = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n"
                            "  - host: %1\n    http:\n      paths:\n      - path: %2\n%3        backend:\n"
                            "          service:\n            name: web\n            port:\n              number: %4\n";
    QTest::newRow("pathType enum") << ingress.arg("a.example.com", "/", "        pathType: Regex\n", "80") << 11 << 9
                                   << "spec.rules[0].http.paths[0].pathType"
                                   << "Unsupported value: \"Regex\": supported values: \"Exact\", "
                                      "\"ImplementationSpecific\", \"Prefix\"" << 1;
    QTest::newRow("pathType required") << ingress.arg("a.example.com", "/", "", "80") << 10 << 9
                                       << "spec.rules[0].http.paths[0].pathType"
                                       << "Required value: pathType must be specified" << 1;
    QTest::newRow("absolute path") << ingress.arg("a.example.com", "api", "        pathType: Prefix\n", "80") << 10 << 9
                                   << "spec.rules[0].http.paths[0].path" << "Invalid value: \"api\": must be an absolute path" << 1;
    QTest::newRow("backend port missing") << ingress.arg("a.example.com", "/", "        pathType: Prefix\n", "0") << 15 << 13
                                        << "spec.rules[0].http.paths[0].backend.service.port"
                                        << "Required value: port name or number is required" << 1;
    QTest::newRow("host is not an IP") << ingress.arg("10.0.0.1", "/", "        pathType: Prefix\n", "80") << 7 << 5
                                       << "spec.rules[0].host"
                                       << "Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address" << 1;
    QTest::newRow("Ingress needs rules or defaultBackend")
        << "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: nginx\n"
        << 5 << 1 << "spec" << "Invalid value: \"\": either `defaultBackend` or `rules` must be specified" << 1;

    const QString route = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n"
                          "  parentRefs:\n  - name: gw\n  rules:\n  - matches:\n    - path:\n        type: %1\n"
                          "        value: /\n%2    backendRefs:\n    - name: %3\n      port: 80\n      weight: %4\n";
    QTest::newRow("HTTPRoute path match type") << route.arg("Prefix", "", "web", "1") << 11 << 9
                                               << "spec.rules[0].matches[0].path.type"
                                               << "Unsupported value: \"Prefix\": supported values: \"Exact\", "
                                                  "\"PathPrefix\", \"RegularExpression\"" << 1;
    QTest::newRow("weight upper bound") << route.arg("PathPrefix", "", "web", "1000001") << 16 << 7
                                        << "spec.rules[0].backendRefs[0].weight"
                                        << "Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should "
                                           "be less than or equal to 1000000" << 1;
    QTest::newRow("weight lower bound") << route.arg("PathPrefix", "", "web", "-1") << 16 << 7
                                        << "spec.rules[0].backendRefs[0].weight"
                                        << "Invalid value: -1: spec.rules[0].backendRefs[0].weight in body should be "
                                           "greater than or equal to 0" << 1;
    QTest::newRow("backendRef name required") << route.arg("PathPrefix", "", "\"\"", "1") << 14 << 7
                                              << "spec.rules[0].backendRefs[0].name" << "Required value" << 1;
    QTest::newRow("filter type") << route.arg("PathPrefix", "    filters:\n    - type: Rewrite\n", "web", "1") << 14 << 7
                                 << "spec.rules[0].filters[0].type"
                                 << "Unsupported value: \"Rewrite\": supported values: \"RequestHeaderModifier\", "
                                    "\"ResponseHeaderModifier\", \"RequestMirror\", \"RequestRedirect\", \"URLRewrite\", "
                                    "\"ExtensionRef\", \"CORS\"" << 1;
    QTest::newRow("redirect status code")
        << route.arg("PathPrefix", "    filters:\n    - type: RequestRedirect\n      requestRedirect:\n"
                                   "        statusCode: 305\n", "web", "1")
        << 16 << 9 << "spec.rules[0].filters[0].requestRedirect.statusCode"
        << "Unsupported value: 305: supported values: \"301\", \"302\", \"303\", \"307\", \"308\"" << 1;
    QTest::newRow("filter config must match type")
        << route.arg("PathPrefix", "    filters:\n    - type: URLRewrite\n", "web", "1") << 14 << 7
        << "spec.rules[0].filters[0]"
        << "Invalid value: \"object\": filter.urlRewrite must be specified for URLRewrite filter.type" << 1;
    QTest::newRow("header match type")
        << route.arg("PathPrefix", "      headers:\n      - name: x-env\n        value: canary\n        type: Prefix\n",
                     "web", "1")
        << 16 << 9 << "spec.rules[0].matches[0].headers[0].type"
        << "Unsupported value: \"Prefix\": supported values: \"Exact\", \"RegularExpression\"" << 1;
    QTest::newRow("path must be absolute")
        << "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules:\n"
           "  - matches:\n    - path:\n        value: api\n"
        << 8 << 7 << "spec.rules[0].matches[0].path"
        << "Invalid value: \"object\": value must be an absolute path and start with '/' when type one of ['Exact', "
           "'PathPrefix']" << 1;
    QTest::newRow("parentRef name required")
        << "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  parentRefs:\n"
           "  - sectionName: http\n"
        << 7 << 5 << "spec.parentRefs[0].name" << "Required value" << 1;
    QTest::newRow("Service backend needs a port")
        << "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules:\n"
           "  - backendRefs:\n    - name: web\n"
        << 8 << 7 << "spec.rules[0].backendRefs[0]" << "Invalid value: \"object\": Must have port for Service reference" << 1;
    QTest::newRow("route hostname")
        << "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  hostnames:\n"
           "  - Shop.Example.com\n"
        << 7 << 5 << "spec.hostnames[0]"
        << "Invalid value: \"Shop.Example.com\": spec.hostnames[0] in body should match "
           "'^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'" << 1;

    const QString gateway = "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n"
                            "  gatewayClassName: kubesim\n  listeners:\n  - name: web\n    port: %1\n    protocol: %2\n"
                            "    allowedRoutes:\n      namespaces:\n        from: %3\n";
    QTest::newRow("listener protocol") << gateway.arg("80", "HTTP2", "Same") << 10 << 5 << "spec.listeners[0].protocol"
                                       << "Unsupported value: \"HTTP2\": supported values: \"HTTP\", \"HTTPS\", \"TLS\", "
                                          "\"TCP\", \"UDP\"" << 1;
    QTest::newRow("listener port") << gateway.arg("0", "HTTP", "Same") << 9 << 5 << "spec.listeners[0].port"
                                   << "Invalid value: 0: spec.listeners[0].port in body should be greater than or equal to 1" << 1;
    QTest::newRow("allowedRoutes from") << gateway.arg("80", "HTTP", "Everywhere") << 13 << 9
                                        << "spec.listeners[0].allowedRoutes.namespaces.from"
                                        << "Unsupported value: \"Everywhere\": supported values: \"All\", \"Selector\", \"Same\"" << 1;
    QTest::newRow("gatewayClassName required")
        << "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n  listeners:\n"
           "  - name: web\n    port: 80\n    protocol: HTTP\n"
        << 5 << 1 << "spec.gatewayClassName" << "Required value" << 1;
    QTest::newRow("listener names unique")
        << "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n"
           "  gatewayClassName: kubesim\n  listeners:\n  - {name: web, port: 80, protocol: HTTP}\n"
           "  - {name: web, port: 8080, protocol: HTTP}\n"
        << 7 << 3 << "spec.listeners" << "Invalid value: \"array\": Listener name must be unique within the Gateway" << 1;
    QTest::newRow("GatewayClass controllerName")
        << "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: gc\nspec:\n"
           "  description: none\n"
        << 5 << 1 << "spec.controllerName" << "Required value" << 1;
    QTest::newRow("ReferenceGrant from namespace")
        << "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: g\nspec:\n"
           "  from:\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n  to:\n  - group: \"\"\n    kind: Service\n"
        << 7 << 5 << "spec.from[0].namespace" << "Required value" << 1;
    QTest::newRow("TLS Secret needs tls.key")
        << "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: kubernetes.io/tls\ndata:\n  tls.crt: Y2VydA==\n"
        << 6 << 1 << "data[tls.key]" << "Required value" << 1;
    QTest::newRow("Secret data must be base64")
        << "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: hunter2\n" << 6 << 3
        << "data[password]" << "Invalid value: illegal base64 data at input byte 4" << 1;
    QTest::newRow("taint effect")
        << "apiVersion: v1\nkind: Node\nmetadata:\n  name: gpu-node\nspec:\n  taints:\n  - key: gpu\n    effect: NoRun\n" << 8 << 5
        << "spec.taints[0].effect"
        << "Unsupported value: \"NoRun\": supported values: \"NoExecute\", \"NoSchedule\", \"PreferNoSchedule\"" << 1;
    QTest::newRow("old apiVersion")
        << "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n" << 1 << 1 << "apiVersion"
        << "no matches for kind \"Ingress\" in version \"extensions/v1beta1\" (kubesim serves networking.k8s.io/v1)" << 1;
    QTest::newRow("kind missing") << "apiVersion: v1\nmetadata:\n  name: x\n" << 1 << 1 << "kind"
                                  << "error validating data: [kind not set]" << 1;
    QTest::newRow("spec must be an object") << "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: [1]\n" << 5 << 7
                                            << "spec" << "Invalid value: a list: must be an object" << 1;
    QTest::newRow("duplicate key") << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n" << 5 << 3
                                   << "metadata.name" << "Duplicate value: \"name\": the key is already set in this object" << 1;
}

void TestManifest::validationErrors()
{
    QFETCH(QString, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QFETCH(int, count);
    LoadResult r = loadText(yaml.toStdString(), "in.yaml");
    std::vector<Diagnostic> errors = ofSeverity(r, Diagnostic::Severity::Error);
    QVERIFY2(int(errors.size()) == count, qPrintable(describe(errors)));
    const Diagnostic &e = errors.front();
    QCOMPARE(QString::fromStdString(e.field), field);
    QCOMPARE(QString::fromStdString(e.message), message);
    QCOMPARE(e.location.line, line);
    QCOMPARE(e.location.column, column);
    QCOMPARE(QString::fromStdString(e.location.file), QStringLiteral("in.yaml"));
    QVERIFY(!r.ok());
}

void TestManifest::warnings_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QStringList>("expected");  // "line:column: message"
    QTest::addColumn<int>("objects");
    QTest::newRow("unknown field")
        << "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    tragetPort: 8080\n"
        << QStringList{"8:5: unknown field \"spec.ports[0].tragetPort\""} << 1;
    QTest::newRow("unknown top-level field") << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nspec: {}\n"
                                             << QStringList{"5:1: unknown field \"spec\""} << 1;
    QTest::newRow("unknown kind")
        << "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata:\n  name: grpc\n---\n"
           "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"
        << QStringList{"1:1: kind \"GRPCRoute\" (gateway.networking.k8s.io/v1) is not simulated by kubesim: \"grpc\" in "
                       "in.yaml is skipped"}
        << 1;
    QTest::newRow("unmodelled pod fields are fine")
        << "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes: [{name: v, emptyDir: {}}]\n"
           "  affinity: {}\n  securityContext: {runAsUser: 1000}\n  imagePullSecrets: [{name: r}]\n"
           "  topologySpreadConstraints: []\n  containers:\n  - name: c\n    image: nginx\n"
           "    volumeMounts: [{name: v, mountPath: /v}]\n    envFrom: [{configMapRef: {name: x}}]\n"
           "    env: [{name: IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]\n"
           "    lifecycle: {preStop: {exec: {command: [sleep, '5']}}}\n    securityContext: {}\n"
        << QStringList{} << 1;
    QTest::newRow("cluster-written fields are ignored") << "" << QStringList{} << 2;
}

void TestManifest::warnings()
{
    QFETCH(QString, yaml);
    QFETCH(QStringList, expected);
    QFETCH(int, objects);
    LoadResult r = yaml.isEmpty() ? loadPaths({dataPath("formats/dump.yaml")}) : loadText(yaml.toStdString(), "in.yaml");
    QVERIFY2(r.ok(), qPrintable(describe(r.diagnostics)));
    QStringList got;
    for (const Diagnostic &d : r.diagnostics)
        got << QStringLiteral("%1:%2: %3").arg(d.location.line).arg(d.location.column).arg(QString::fromStdString(d.message));
    QCOMPARE(got, expected);
    QCOMPARE(int(r.documents.size()), objects);
}

void TestManifest::syntaxErrors_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("objects");
    QTest::newRow("bad indentation in the second document")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\n"
           "metadata:\n  name: b\n   labels: {}\n"
        << 10 << 10 << "yaml: illegal map value" << 1;
    QTest::newRow("unclosed flow sequence") << "apiVersion: v1\nkind: ConfigMap\ndata: [a, b\n" << 4 << 1
                                            << "yaml: end of sequence flow not found" << 0;
    QTest::newRow("tab indentation") << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n" << 4 << 6
                                     << "yaml: illegal map value" << 0;
    QTest::newRow("a one-letter name reads as a boolean (YAML 1.1, as kubectl)")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: n\n" << 4 << 9
        << "Invalid value: n: must be a string, not a boolean (write \"n\" in quotes)" << 1;
    QTest::newRow("not an object") << "- a\n- b\n" << 1 << 1 << "a manifest must be an object with apiVersion and kind"
                                   << 0;
    QTest::newRow("JSON missing comma") << "{\"apiVersion\": \"v1\" \"kind\": \"ConfigMap\"}\n" << 1 << 0 << "" << 0;
}

void TestManifest::syntaxErrors()
{
    QFETCH(QString, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(int, objects);
    LoadResult r = loadText(yaml.toStdString(), "bad.yaml");
    std::vector<Diagnostic> errors = ofSeverity(r, Diagnostic::Severity::Error);
    QVERIFY2(errors.size() == 1, qPrintable(describe(r.diagnostics)));
    QCOMPARE(errors[0].location.line, line);
    if (column > 0)
        QCOMPARE(errors[0].location.column, column);
    if (!message.isEmpty())
        QCOMPARE(QString::fromStdString(errors[0].message), message);
    QCOMPARE(int(r.documents.size()), objects);
}

void TestManifest::formats_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("kind: List") << "formats/list.yaml" << QStringList{"first", "second"};
    QTest::newRow("JSON List") << "formats/objects.json" << QStringList{"web", "web"};
    QTest::newRow("multi-document with empty documents") << "formats/multi.yaml" << QStringList{"one", "two"};
    QTest::newRow("kubectl get -o yaml dump") << "formats/dump.yaml" << QStringList{"web", "web"};
    // Lexical order as kubectl walks it; notes.txt and C.YAML (extensions match case-sensitively) are skipped.
    QTest::newRow("directory, recursive") << "tree" << QStringList{"a", "b-json", "b-nested", "b"};
}

void TestManifest::formats()
{
    QFETCH(QString, path);
    QFETCH(QStringList, names);
    LoadResult r = loadPaths({dataPath(path)});
    QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r.diagnostics)));
    QCOMPARE(namesOf(r), names);

    // The same text given as standard input ("-") loads the same objects, located in "-".
    QFile file(kData + path);
    if (file.open(QIODevice::ReadOnly)) {
        LoadResult stdinLike = loadText(file.readAll().toStdString(), "-");
        QCOMPARE(namesOf(stdinLike), names);
        QCOMPARE(QString::fromStdString(stdinLike.documents[0].location.file), QStringLiteral("-"));
    }
}

void TestManifest::missingPath()
{
    LoadResult r = loadPaths({dataPath("formats/list.yaml"), "/nonexistent/x.yaml"});
    QCOMPARE(r.documents.size(), std::size_t(2));
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(r.diagnostics[0].message),
             QStringLiteral("the path \"/nonexistent/x.yaml\" does not exist"));
    QVERIFY(!r.ok());
}

void TestManifest::fieldLocations_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("metadata.name") << "metadata.name" << 4 << 3;
    QTest::newRow("pathType") << "spec.rules[0].http.paths[1].pathType" << 30 << 9;
    QTest::newRow("list item") << "spec.rules[0].http.paths[1]" << 29 << 9;
    QTest::newRow("scalar list item") << "spec.tls[0].hosts[0]" << 11 << 13;
    QTest::newRow("annotation key") << "metadata.annotations.nginx.ingress.kubernetes.io/canary" << 6 << 5;
    QTest::newRow("unrecorded child falls back to parent") << "spec.rules[0].http.paths[1].backend.service.port.name"
                                                           << 34 << 13;
}

void TestManifest::fieldLocations()
{
    QFETCH(QString, field);
    QFETCH(int, line);
    QFETCH(int, column);
    LoadResult r = loadPaths({dataPath("kinds/ingress.yaml")});
    QVERIFY(r.ok());
    SourceLocation at = r.documents[0].locate(field.toStdString());
    QCOMPARE(at.line, line);
    QCOMPARE(at.column, column);
}

void TestManifest::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("withStatus");
    const QStringList files{"namespace", "node", "configmap", "secret", "pod", "replicaset", "deployment", "service",
                            "endpointslice", "ingressclass", "ingress", "gatewayclass", "gateway", "httproute",
                            "referencegrant"};
    for (const QString &f : files) {
        QTest::newRow(qPrintable(f + " (saved)")) << "kinds/" + f + ".yaml" << false;
        QTest::newRow(qPrintable(f + " (-o yaml)")) << "kinds/" + f + ".yaml" << true;
    }
    QTest::newRow("dump (saved)") << "formats/dump.yaml" << false;
}

void TestManifest::roundTrip()
{
    QFETCH(QString, file);
    QFETCH(bool, withStatus);
    LoadResult first = loadPaths({dataPath(file)});
    QVERIFY2(first.ok(), qPrintable(describe(first.diagnostics)));
    EncodeOptions options;
    options.includeStatus = withStatus;
    for (const std::string &text : {toYaml(objectsOf(first), options), toJson(objectsOf(first), options)}) {
        LoadResult second = loadText(text, "encoded");
        QVERIFY2(second.diagnostics.empty(), qPrintable(describe(second.diagnostics) + "\n" + QString::fromStdString(text)));
        QCOMPARE(second.documents.size(), first.documents.size());
        for (std::size_t i = 0; i < first.documents.size(); ++i) {
            api::Object expected = first.documents[i].object;
            const api::Object &got = second.documents[i].object;
            QVERIFY2(got.body == expected.body, qPrintable(QString::fromStdString(text)));
            QVERIFY(got.metadata.name == expected.metadata.name && got.metadata.labels == expected.metadata.labels &&
                    got.metadata.annotations == expected.metadata.annotations &&
                    got.metadata.namespace_ == expected.metadata.namespace_);
        }
        // Encoding is a fixed point: what loads back encodes to the same text.
        QCOMPARE(QString::fromStdString(text.front() == '{' ? toJson(objectsOf(second), options)
                                                            : toYaml(objectsOf(second), options)),
                 QString::fromStdString(text));
    }
}

void TestManifest::yamlOutput()
{
    LoadResult r = loadText("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web, version: \"2\"}\n"
                            "spec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - {name: http, port: 80, "
                            "targetPort: 8080, nodePort: 30080}\n",
                            "svc.yaml");
    QVERIFY(r.ok());
    api::Object svc = r.documents[0].object;
    svc.metadata.uid = "0a1b";
    svc.metadata.resourceVersion = 7;
    svc.metadata.creationTimestamp = engine::seconds(90);
    const char *expected = R"(apiVersion: v1
kind: Service
metadata:
  creationTimestamp: "2024-01-01T00:01:30Z"
  labels:
    app: web
    version: "2"
  name: web
  namespace: default
  resourceVersion: "7"
  uid: 0a1b
spec:
  externalTrafficPolicy: Cluster
  internalTrafficPolicy: Cluster
  ports:
  - name: http
    nodePort: 30080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  sessionAffinity: None
  type: NodePort
status:
  loadBalancer: {}
)";
    QCOMPARE(QString::fromStdString(toYaml(svc)), QString::fromLatin1(expected));
    EncodeOptions saved;
    saved.includeStatus = false;
    std::string savedText = toYaml(svc, saved);
    QVERIFY(savedText.find("uid") == std::string::npos && savedText.find("status") == std::string::npos &&
            savedText.find("creationTimestamp") == std::string::npos);
}

void TestManifest::jsonOutput()
{
    LoadResult r = loadText("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  page: \"<b>&</b>\"\n"
                            "  count: \"3\"\n",
                            "cm.yaml");
    QVERIFY(r.ok());
    const char *expected = R"({
    "apiVersion": "v1",
    "data": {
        "count": "3",
        "page": "\u003cb\u003e\u0026\u003c/b\u003e"
    },
    "kind": "ConfigMap",
    "metadata": {
        "name": "cfg",
        "namespace": "default"
    }
}
)";
    EncodeOptions saved;
    saved.includeStatus = false;
    QCOMPARE(QString::fromStdString(toJson(r.documents[0].object, saved)), QString::fromLatin1(expected));
}

void TestManifest::listOutput()
{
    LoadResult r = loadPaths({dataPath("formats/list.yaml")});
    EncodeOptions saved;
    saved.includeStatus = false;
    YAML::Node list = encodeObjects(objectsOf(r), saved);
    QCOMPARE(lookup(list, "kind"), QStringLiteral("List"));
    QCOMPARE(lookup(list, "apiVersion"), QStringLiteral("v1"));
    QCOMPARE(lookup(list, "items|1|metadata|name"), QStringLiteral("second"));
    QCOMPARE(QString::fromStdString(toYaml(std::vector<api::ObjectPtr>{}, saved)),
             QStringLiteral("apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n"));
    saved.asList = true;
    QCOMPARE(lookup(encodeObjects({objectsOf(r)[0]}, saved), "items|0|metadata|name"), QStringLiteral("first"));
}

void TestManifest::stringQuoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("yaml");
    QTest::newRow("plain") << "nginx" << "nginx";
    QTest::newRow("number-like") << "80" << "\"80\"";
    QTest::newRow("bool-like") << "true" << "\"true\"";
    QTest::newRow("yes") << "yes" << "\"yes\"";
    QTest::newRow("float-like") << "1.20" << "\"1.20\"";
    QTest::newRow("empty") << "" << "\"\"";
    QTest::newRow("wildcard") << "*.example.com" << "'*.example.com'";
    QTest::newRow("colon space") << "a: b" << "'a: b'";
    QTest::newRow("timestamp-like") << "2024-01-01" << "\"2024-01-01\"";
    QTest::newRow("single quote inside") << "'quoted'" << "'''quoted'''";
    QTest::newRow("multi-line") << "a\nb\n" << "|\n    a\n    b";
}

void TestManifest::stringQuoting()
{
    QFETCH(QString, value);
    QFETCH(QString, yaml);
    api::Object cm = api::makeObject(api::Kind::ConfigMap);
    cm.metadata.name = "c";
    cm.as<api::ConfigMap>().data["k"] = value.toStdString();
    EncodeOptions saved;
    saved.includeStatus = false;
    std::string text = toYaml(cm, saved);
    QString expectedLine = "  k: " + yaml + "\n";
    QVERIFY2(QString::fromStdString(text).contains(expectedLine), qPrintable(QString::fromStdString(text)));
    LoadResult back = loadText(text, "q.yaml");
    QVERIFY2(back.ok(), qPrintable(describe(back.diagnostics)));
    QCOMPARE(QString::fromStdString(back.documents[0].object.as<api::ConfigMap>().data.at("k")), value);
}

void TestManifest::timestamps_data()
{
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<QString>("text");
    QTest::newRow("epoch") << qint64(0) << "2024-01-01T00:00:00Z";
    QTest::newRow("sub-second truncates") << qint64(999999) << "2024-01-01T00:00:00Z";
    QTest::newRow("minutes") << qint64(engine::seconds(125)) << "2024-01-01T00:02:05Z";
    QTest::newRow("leap day") << qint64(engine::seconds(59LL * 86400 + 3600)) << "2024-02-29T01:00:00Z";
    QTest::newRow("next year") << qint64(engine::seconds(366LL * 86400)) << "2025-01-01T00:00:00Z";
}

void TestManifest::timestamps()
{
    QFETCH(qint64, micros);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatTimestamp(micros)), text);
}

void TestManifest::nameRules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("subdomain ok") << "subdomain" << "web.shop-1" << true;
    QTest::newRow("subdomain upper") << "subdomain" << "Web" << false;
    QTest::newRow("subdomain 254") << "subdomain" << QString(254, 'a') << false;
    QTest::newRow("label dot") << "label" << "a.b" << false;
    QTest::newRow("label 63") << "label" << QString(63, 'a') << true;
    QTest::newRow("label 64") << "label" << QString(64, 'a') << false;
    QTest::newRow("1035 digit start") << "dns1035" << "1web" << false;
    QTest::newRow("1035 ok") << "dns1035" << "web-1" << true;
    QTest::newRow("qualified prefix") << "qualified" << "app.kubernetes.io/name" << true;
    QTest::newRow("qualified upper prefix") << "qualified" << "Example.com/name" << false;
    QTest::newRow("label value empty") << "value" << "" << true;
    QTest::newRow("label value underscore") << "value" << "my_value" << true;
    QTest::newRow("label value trailing dash") << "value" << "v1-" << false;
    QTest::newRow("port name") << "port" << "http-alt" << true;
    QTest::newRow("port name digits only") << "port" << "8080" << false;
    QTest::newRow("port name double hyphen") << "port" << "a--b" << false;
    QTest::newRow("port name 16") << "port" << "abcdefghijklmnop" << false;
    QTest::newRow("wildcard host") << "wildcard" << "*.example.com" << true;
    QTest::newRow("wildcard in middle") << "wildcard" << "a.*.com" << false;
    QTest::newRow("config key") << "configkey" << "nginx.conf" << true;
    QTest::newRow("config key slash") << "configkey" << "a/b" << false;
    QTest::newRow("ipv4") << "ip" << "10.0.0.1" << true;
    QTest::newRow("ipv4 bad octet") << "ip" << "10.0.0.256" << false;
    QTest::newRow("ipv6") << "ip" << "2001:db8::ffff" << true;
    QTest::newRow("ipv6 full") << "ip" << "1200:0000:AB00:1234:0000:2552:7777:1313" << true;
    QTest::newRow("ipv6 two gaps") << "ip" << "1::2::3" << false;
    QTest::newRow("hostname") << "ip" << "example.com" << false;
}

void TestManifest::nameRules()
{
    QFETCH(QString, rule);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    std::string v = value.toStdString();
    bool ok = false;
    if (rule == "subdomain")
        ok = checkDns1123Subdomain(v).empty();
    else if (rule == "label")
        ok = checkDns1123Label(v).empty();
    else if (rule == "dns1035")
        ok = checkDns1035Label(v).empty();
    else if (rule == "qualified")
        ok = checkQualifiedName(v).empty();
    else if (rule == "value")
        ok = checkLabelValue(v).empty();
    else if (rule == "port")
        ok = checkPortName(v).empty();
    else if (rule == "wildcard")
        ok = checkWildcardDns1123Subdomain(v).empty();
    else if (rule == "configkey")
        ok = checkConfigKey(v).empty();
    else if (rule == "ip")
        ok = isIpAddress(v);
    QCOMPARE(ok, valid);
}

void TestManifest::batch_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("namespace created in the same batch")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: shop\n---\n"
           "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
        << QStringList{};
    QTest::newRow("namespace missing")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: shop\n"
        << QStringList{"b.yaml:5:3: error: metadata.namespace: namespaces \"shop\" not found"};
    QTest::newRow("duplicate object")
        << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
           "  name: a\n"
        << QStringList{"b.yaml:9:3: error: metadata.name: Duplicate value: \"default/a\": configmap \"a\" is also "
                       "defined at b.yaml:1:1"};
    QTest::newRow("same name, other kind") << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n"
                                              "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n"
                                           << QStringList{};
}

void TestManifest::batch()
{
    QFETCH(QString, yaml);
    QFETCH(QStringList, errors);
    LoadResult r = loadText(yaml.toStdString(), "b.yaml");
    QVERIFY2(r.ok(), qPrintable(describe(r.diagnostics)));
    engine::Engine engine(1);
    store::Store store(engine);
    QStringList got;
    for (const Diagnostic &d : validateBatch(r.documents, store))
        got << QString::fromStdString(d.toString());
    QCOMPARE(got, errors);
}

QTEST_APPLESS_MAIN(TestManifest)
#include "test_manifest.moc"
