#include "sim/manifest/loader.h"

#include "../manifest/diagnostictext.h"

#include <QtTest>

using namespace sim::manifest;

/** Every validation error of the manifest loader, with its exact line, column, field and message. */
class TestManifestValidation : public QObject {
    Q_OBJECT

private slots:
    void validationErrors_data();
    void validationErrors();
};

void TestManifestValidation::validationErrors_data()
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
    QTest::newRow("CORS origin is scheme://host")
        << route.arg("PathPrefix", "    filters:\n    - type: CORS\n      cors:\n        allowOrigins:\n        - www.foo.com\n", "web", "1")
        << 17 << 11 << "spec.rules[0].filters[0].cors.allowOrigins[0]"
        << "Invalid value: \"www.foo.com\": spec.rules[0].filters[0].cors.allowOrigins[0] in body should match "
           "'^(\\*|https?:\\/\\/(\\*|(\\*\\.)?(([\\w-]+\\.?)+)?[\\w-]+)(:\\d{1,5})?)$'" << 1;
    QTest::newRow("CORS * alone")
        << route.arg("PathPrefix", "    filters:\n    - type: CORS\n      cors:\n        allowOrigins: [\"*\", \"https://a.com\"]\n",
                     "web", "1")
        << 16 << 9 << "spec.rules[0].filters[0].cors.allowOrigins"
        << "Invalid value: \"array\": AllowOrigins cannot contain '*' alongside other origins" << 1;
    QTest::newRow("CORS method")
        << route.arg("PathPrefix", "    filters:\n    - type: CORS\n      cors:\n        allowMethods: [GET, FETCH]\n", "web", "1")
        << 16 << 29 << "spec.rules[0].filters[0].cors.allowMethods[1]"
        << "Unsupported value: \"FETCH\": supported values: \"GET\", \"HEAD\", \"POST\", \"PUT\", \"DELETE\", \"CONNECT\", "
           "\"OPTIONS\", \"TRACE\", \"PATCH\", \"*\"" << 1;
    QTest::newRow("CORS maxAge")
        << route.arg("PathPrefix", "    filters:\n    - type: CORS\n      cors:\n        maxAge: 0\n", "web", "1")
        << 16 << 9 << "spec.rules[0].filters[0].cors.maxAge"
        << "Invalid value: 0: spec.rules[0].filters[0].cors.maxAge in body should be greater than or equal to 1" << 1;
    QTest::newRow("CORS filter needs its config")
        << route.arg("PathPrefix", "    filters:\n    - type: CORS\n", "web", "1") << 14 << 7
        << "spec.rules[0].filters[0]"
        << "Invalid value: \"object\": filter.cors must be specified for CORS filter.type" << 1;
    QTest::newRow("extensionRef name")
        << route.arg("PathPrefix", "    filters:\n    - type: ExtensionRef\n      extensionRef:\n        group: example.net\n"
                                   "        kind: MyFilter\n", "web", "1")
        << 15 << 7 << "spec.rules[0].filters[0].extensionRef.name" << "Required value" << 1;
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
    QTest::newRow("a lesson's scenario.yaml") << "title: Canary\nsummary: x\nsteps:\n  - title: one\n" << 1 << 1 << "apiVersion"
        << "error validating data: [apiVersion not set, kind not set]; this is a kubesim lesson (scenario.yaml): `kubesim run FOLDER` "
           "plays it, or pass only its manifest files"
        << 1;
    QTest::newRow("spec must be an object") << "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: [1]\n" << 5 << 7
                                            << "spec" << "Invalid value: a list: must be an object" << 1;
    QTest::newRow("duplicate key") << "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n" << 5 << 3
                                   << "metadata.name" << "Duplicate value: \"name\": the key is already set in this object" << 1;
}

void TestManifestValidation::validationErrors()
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

QTEST_APPLESS_MAIN(TestManifestValidation)
#include "test_manifestvalidation.moc"
