#include "sim/engine/engine.h"
#include "sim/manifest/encoder.h"
#include "sim/manifest/loader.h"
#include "sim/manifest/namerules.h"
#include "sim/manifest/validator.h"
#include "sim/store/store.h"

#include "diagnostictext.h"

#include <QtTest>

#include <yaml-cpp/yaml.h>

using namespace sim;
using namespace sim::manifest;

namespace {

const QString kData = QStringLiteral(KUBESIM_TEST_DATA "/manifest/");

std::string dataPath(const QString &relative) { return (kData + relative).toStdString(); }

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
