// kubectl's output: AGE text, table layout and every kind's columns, from hand-built objects.

#include "sim/console/duration.h"
#include "sim/console/resourceprinter.h"
#include "sim/console/table.h"
#include "sim/console/tableprinter.h"

#include <QtTest>

using namespace sim;
using api::Kind;
using engine::kHour;
using engine::kMinute;
using engine::kSecond;

Q_DECLARE_METATYPE(sim::api::Object)

namespace {

constexpr engine::SimTime kDay = 24 * kHour;

api::Object object(Kind kind, const std::string &name, engine::SimTime created = 0)
{
    api::Object o = api::makeObject(kind);
    o.metadata.name = name;
    o.metadata.namespace_ = o.info().namespaced ? "default" : "";
    o.metadata.creationTimestamp = created;
    return o;
}

api::ContainerStatus containerStatus(const std::string &state, const std::string &reason, bool ready)
{
    api::ContainerStatus cs;
    cs.name = "app";
    cs.state = state;
    cs.reason = reason;
    cs.ready = ready;
    return cs;
}

api::Object pod(const std::string &name, std::vector<api::ContainerStatus> statuses, std::string phase = "Running")
{
    api::Object o = object(Kind::Pod, name);
    api::Pod &p = o.as<api::Pod>();
    p.spec.edit().containers.resize(std::max<std::size_t>(1, statuses.size()));
    for (std::size_t i = 0; i < p.spec->containers.size(); ++i)
        p.spec.edit().containers[i].name = "c" + std::to_string(i);
    p.status.phase = std::move(phase);
    p.status.containerStatuses = std::move(statuses);
    return o;
}

api::Object service(const std::string &type, std::vector<api::ServicePort> ports, std::string clusterIP = "10.96.0.10")
{
    api::Object o = object(Kind::Service, "web");
    api::Service &s = o.as<api::Service>();
    s.spec.type = type;
    s.spec.ports = std::move(ports);
    s.spec.clusterIP = std::move(clusterIP);
    return o;
}

api::ServicePort port(int number, int nodePort = 0, std::string protocol = "TCP")
{
    api::ServicePort p;
    p.port = number;
    p.nodePort = nodePort;
    p.protocol = std::move(protocol);
    return p;
}

api::Condition condition(const std::string &type, const std::string &status)
{
    return api::Condition{type, status, "", "", 0, 0};
}

QStringList toQt(const std::vector<std::string> &cells)
{
    QStringList out;
    for (const std::string &c : cells)
        out << QString::fromStdString(c);
    return out;
}

} // namespace

class TestPrinters : public QObject {
    Q_OBJECT

private slots:
    void humanDuration_data();
    void humanDuration();
    void tableLayout_data();
    void tableLayout();
    void headers_data();
    void headers();
    void rows_data();
    void rows();
    void getAllPrefixesAndSeparates();
    void allNamespacesAndLabelsColumns();
};

void TestPrinters::humanDuration_data()
{
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("clock behind by 2s") << qint64(-2 * kSecond) << "<invalid>";
    QTest::newRow("clock behind by 1s") << qint64(-1 * kSecond) << "0s";
    QTest::newRow("zero") << qint64(0) << "0s";
    QTest::newRow("under a second") << qint64(999'999) << "0s";
    QTest::newRow("45s") << qint64(45 * kSecond) << "45s";
    QTest::newRow("119s stays seconds") << qint64(119 * kSecond) << "119s";
    QTest::newRow("120s is 2m") << qint64(120 * kSecond) << "2m";
    QTest::newRow("121s") << qint64(121 * kSecond) << "2m1s";
    QTest::newRow("5m12s") << qint64(5 * kMinute + 12 * kSecond) << "5m12s";
    QTest::newRow("9m59s") << qint64(10 * kMinute - kSecond) << "9m59s";
    QTest::newRow("10m drops seconds") << qint64(10 * kMinute + 30 * kSecond) << "10m";
    QTest::newRow("150m") << qint64(150 * kMinute) << "150m";
    QTest::newRow("179m") << qint64(3 * kHour - kSecond) << "179m";
    QTest::newRow("3h") << qint64(3 * kHour) << "3h";
    QTest::newRow("3h4m") << qint64(3 * kHour + 4 * kMinute) << "3h4m";
    QTest::newRow("7h59m") << qint64(8 * kHour - kSecond) << "7h59m";
    QTest::newRow("8h drops minutes") << qint64(8 * kHour + 30 * kMinute) << "8h";
    QTest::newRow("30h") << qint64(30 * kHour) << "30h";
    QTest::newRow("47h") << qint64(48 * kHour - kSecond) << "47h";
    QTest::newRow("2d") << qint64(2 * kDay) << "2d";
    QTest::newRow("2d3h") << qint64(2 * kDay + 3 * kHour) << "2d3h";
    QTest::newRow("7d23h") << qint64(8 * kDay - kSecond) << "7d23h";
    QTest::newRow("8d drops hours") << qint64(8 * kDay + 5 * kHour) << "8d";
    QTest::newRow("729d") << qint64(730 * kDay - kSecond) << "729d";
    QTest::newRow("2y") << qint64(730 * kDay) << "2y";
    QTest::newRow("2y5d") << qint64(735 * kDay) << "2y5d";
    QTest::newRow("8y") << qint64(8 * 365 * kDay) << "8y";
    QTest::newRow("10y") << qint64(3652 * kDay) << "10y";
}

void TestPrinters::humanDuration()
{
    QFETCH(qint64, elapsed);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(console::humanDuration(elapsed)), expected);
}

void TestPrinters::tableLayout_data()
{
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<bool>("noHeaders");
    QTest::addColumn<QString>("expected");
    QTest::newRow("three spaces after the widest cell")
        << QStringList{"NAME", "READY", "AGE"} << QList<QStringList>{{"web-7d4b9c8f6d-2xkqz", "1/1", "5s"}} << false
        << "NAME                   READY   AGE\n"
           "web-7d4b9c8f6d-2xkqz   1/1     5s\n";
    QTest::newRow("short columns are six wide")
        << QStringList{"A", "B"} << QList<QStringList>{{"x", "y"}} << false
        << "A     B\n"
           "x     y\n";
    QTest::newRow("last column is not padded")
        << QStringList{"NAME", "HOSTNAMES", "AGE"} << QList<QStringList>{{"a", "", "10m"}, {"bb", "[\"x\"]", "1s"}}
        << false
        << "NAME   HOSTNAMES   AGE\n"
           "a                  10m\n"
           "bb     [\"x\"]       1s\n";
    QTest::newRow("no headers")
        << QStringList{"NAME", "AGE"} << QList<QStringList>{{"web", "1s"}} << true << "web   1s\n";
    QTest::newRow("widths count characters not bytes")
        << QStringList{"NAME", "AGE"} << QList<QStringList>{{"caf\xC3\xA9", "1s"}} << false
        << "NAME   AGE\n"
           "caf\xC3\xA9   1s\n";
}

void TestPrinters::tableLayout()
{
    QFETCH(QStringList, headers);
    QFETCH(QList<QStringList>, rows);
    QFETCH(bool, noHeaders);
    QFETCH(QString, expected);
    std::vector<std::string> h;
    for (const QString &s : headers)
        h.push_back(s.toStdString());
    console::Table table(h);
    for (const QStringList &row : rows) {
        std::vector<std::string> cells;
        for (const QString &s : row)
            cells.push_back(s.toStdString());
        table.addRow(cells);
    }
    QCOMPARE(QString::fromStdString(table.render(noHeaders)), expected);
}

void TestPrinters::headers_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("wide");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("pods") << "Pod" << false << QStringList{"NAME", "READY", "STATUS", "RESTARTS", "AGE"};
    QTest::newRow("pods wide") << "Pod" << true
                               << QStringList{"NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE",
                                              "NOMINATED NODE", "READINESS GATES"};
    QTest::newRow("deployments wide") << "Deployment" << true
                                      << QStringList{"NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE",
                                                     "CONTAINERS", "IMAGES", "SELECTOR"};
    QTest::newRow("replicasets") << "ReplicaSet" << false << QStringList{"NAME", "DESIRED", "CURRENT", "READY", "AGE"};
    QTest::newRow("services wide") << "Service" << true
                                   << QStringList{"NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE",
                                                  "SELECTOR"};
    QTest::newRow("endpointslices") << "EndpointSlice" << false
                                    << QStringList{"NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"};
    QTest::newRow("nodes wide") << "Node" << true
                                << QStringList{"NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP",
                                               "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"};
    QTest::newRow("namespaces") << "Namespace" << false << QStringList{"NAME", "STATUS", "AGE"};
    QTest::newRow("ingresses") << "Ingress" << false
                               << QStringList{"NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"};
    QTest::newRow("ingressclasses") << "IngressClass" << false
                                    << QStringList{"NAME", "CONTROLLER", "PARAMETERS", "AGE"};
    QTest::newRow("gatewayclasses wide") << "GatewayClass" << true
                                         << QStringList{"NAME", "CONTROLLER", "ACCEPTED", "AGE", "DESCRIPTION"};
    QTest::newRow("gateways") << "Gateway" << false << QStringList{"NAME", "CLASS", "ADDRESS", "PROGRAMMED", "AGE"};
    QTest::newRow("httproutes") << "HTTPRoute" << false << QStringList{"NAME", "HOSTNAMES", "AGE"};
    QTest::newRow("configmaps") << "ConfigMap" << false << QStringList{"NAME", "DATA", "AGE"};
    QTest::newRow("secrets") << "Secret" << false << QStringList{"NAME", "TYPE", "DATA", "AGE"};
    QTest::newRow("referencegrants") << "ReferenceGrant" << false << QStringList{"NAME", "AGE"};
}

void TestPrinters::headers()
{
    QFETCH(QString, kind);
    QFETCH(bool, wide);
    QFETCH(QStringList, expected);
    QCOMPARE(toQt(console::tableHeaders(*api::kindFromName(kind.toStdString()), wide)), expected);
}

void TestPrinters::rows_data()
{
    QTest::addColumn<api::Object>("object");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<bool>("wide");
    QTest::addColumn<QStringList>("expected");
    const qint64 now = 5 * kMinute + 12 * kSecond;

    QTest::newRow("pod pending, unscheduled") << pod("web-1", {}, "Pending") << now << false
                                              << QStringList{"web-1", "0/1", "Pending", "0", "5m12s"};
    QTest::newRow("pod creating") << pod("web-1", {containerStatus("waiting", "ContainerCreating", false)}, "Pending")
                                  << now << false << QStringList{"web-1", "0/1", "ContainerCreating", "0", "5m12s"};
    QTest::newRow("pod running ready") << pod("web-1", {containerStatus("running", "", true)}) << now << false
                                       << QStringList{"web-1", "1/1", "Running", "0", "5m12s"};
    QTest::newRow("pod running not ready") << pod("web-1", {containerStatus("running", "", false)}) << now << false
                                           << QStringList{"web-1", "0/1", "Running", "0", "5m12s"};
    {
        api::ContainerStatus crash = containerStatus("waiting", "CrashLoopBackOff", false);
        crash.restartCount = 3;
        crash.lastRestartAt = now - 42 * kSecond;
        QTest::newRow("pod crash loop") << pod("web-1", {crash}) << now << false
                                        << QStringList{"web-1", "0/1", "CrashLoopBackOff", "3 (42s ago)", "5m12s"};
    }
    {
        api::Object p = pod("web-1", {containerStatus("running", "", true)});
        p.metadata.deletionTimestamp = now;
        QTest::newRow("pod terminating") << p << now << false
                                         << QStringList{"web-1", "1/1", "Terminating", "0", "5m12s"};
    }
    QTest::newRow("pod completed") << pod("job-1", {containerStatus("terminated", "Completed", false)}, "Succeeded")
                                   << now << false << QStringList{"job-1", "0/1", "Completed", "0", "5m12s"};
    {
        api::ContainerStatus killed = containerStatus("terminated", "", false);
        killed.exitCode = 137;
        QTest::newRow("pod killed without reason") << pod("web-1", {killed}, "Failed") << now << false
                                                   << QStringList{"web-1", "0/1", "ExitCode:137", "0", "5m12s"};
    }
    QTest::newRow("pod image pull back-off")
        << pod("web-1", {containerStatus("running", "", true), containerStatus("waiting", "ImagePullBackOff", false)})
        << now << false << QStringList{"web-1", "1/2", "ImagePullBackOff", "0", "5m12s"};
    {
        api::Object p = pod("web-1", {containerStatus("running", "", true)});
        p.as<api::Pod>().status.podIP = "10.244.1.7";
        p.as<api::Pod>().spec.edit().nodeName = "node-1";
        QTest::newRow("pod wide") << p << now << true
                                  << QStringList{"web-1", "1/1", "Running", "0", "5m12s", "10.244.1.7", "node-1",
                                                 "<none>", "<none>"};
        QTest::newRow("pod wide unscheduled")
            << pod("web-2", {}, "Pending") << now << true
            << QStringList{"web-2", "0/1", "Pending", "0", "5m12s", "<none>", "<none>", "<none>", "<none>"};
    }
    {
        api::Object d = object(Kind::Deployment, "web", 2 * kMinute);
        api::Deployment &dep = d.as<api::Deployment>();
        dep.spec.replicas = 3;
        dep.spec.selector.matchLabels = {{"app", "web"}};
        dep.spec.template_.spec.edit().containers = {api::Container{}, api::Container{}};
        dep.spec.template_.spec.edit().containers[0].name = "web";
        dep.spec.template_.spec.edit().containers[0].image = "nginx:1.25";
        dep.spec.template_.spec.edit().containers[1].name = "sidecar";
        dep.spec.template_.spec.edit().containers[1].image = "envoy:1.29";
        dep.status.readyReplicas = 2;
        dep.status.updatedReplicas = 3;
        dep.status.availableReplicas = 2;
        QTest::newRow("deployment") << d << now << false << QStringList{"web", "2/3", "3", "2", "3m12s"};
        QTest::newRow("deployment wide") << d << now << true
                                         << QStringList{"web", "2/3", "3", "2", "3m12s", "web,sidecar",
                                                        "nginx:1.25,envoy:1.29", "app=web"};
    }
    {
        api::Object r = object(Kind::ReplicaSet, "web-7d4b9c8f6d");
        api::ReplicaSet &rs = r.as<api::ReplicaSet>();
        rs.spec.replicas = 3;
        rs.status.replicas = 3;
        rs.status.readyReplicas = 1;
        rs.spec.selector.matchLabels = {{"app", "web"}, {"pod-template-hash", "7d4b9c8f6d"}};
        QTest::newRow("replicaset") << r << now << false << QStringList{"web-7d4b9c8f6d", "3", "3", "1", "5m12s"};
        QTest::newRow("replicaset wide") << r << now << true
                                         << QStringList{"web-7d4b9c8f6d", "3", "3", "1", "5m12s", "", "",
                                                        "app=web,pod-template-hash=7d4b9c8f6d"};
    }
    QTest::newRow("service cluster ip") << service("ClusterIP", {port(80)}) << now << false
                                        << QStringList{"web", "ClusterIP", "10.96.0.10", "<none>", "80/TCP", "5m12s"};
    QTest::newRow("service headless") << service("ClusterIP", {port(80)}, "None") << now << false
                                      << QStringList{"web", "ClusterIP", "None", "<none>", "80/TCP", "5m12s"};
    QTest::newRow("service node port")
        << service("NodePort", {port(80, 31234), port(443, 31443)}) << now << false
        << QStringList{"web", "NodePort", "10.96.0.10", "<none>", "80:31234/TCP,443:31443/TCP", "5m12s"};
    QTest::newRow("service load balancer pending")
        << service("LoadBalancer", {port(80, 30080)}) << now << false
        << QStringList{"web", "LoadBalancer", "10.96.0.10", "<pending>", "80:30080/TCP", "5m12s"};
    {
        api::Object s = service("LoadBalancer", {port(53, 30053, "UDP")});
        s.as<api::Service>().status.loadBalancer = {{"203.0.113.10", ""}};
        QTest::newRow("service load balancer assigned")
            << s << now << false
            << QStringList{"web", "LoadBalancer", "10.96.0.10", "203.0.113.10", "53:30053/UDP", "5m12s"};
        s.as<api::Service>().status.loadBalancer = {{"", "a1b2c3d4e5f6.elb.example.com"}};
        QTest::newRow("service long lb hostname shortened")
            << s << now << false
            << QStringList{"web", "LoadBalancer", "10.96.0.10", "a1b2c3d4e5f6....", "53:30053/UDP", "5m12s"};
    }
    {
        api::Object s = service("ExternalName", {}, "");
        s.as<api::Service>().spec.externalName = "db.example.com";
        QTest::newRow("service external name")
            << s << now << false << QStringList{"web", "ExternalName", "<none>", "db.example.com", "<none>", "5m12s"};
    }
    {
        api::Object s = service("ClusterIP", {port(80)});
        s.as<api::Service>().spec.selector = {{"app", "web"}, {"tier", "front"}};
        QTest::newRow("service wide selector")
            << s << now << true
            << QStringList{"web", "ClusterIP", "10.96.0.10", "<none>", "80/TCP", "5m12s", "app=web,tier=front"};
    }
    {
        api::Object e = object(Kind::EndpointSlice, "web-abc12");
        api::EndpointSlice &slice = e.as<api::EndpointSlice>();
        QTest::newRow("endpointslice empty") << e << now << false
                                             << QStringList{"web-abc12", "IPv4", "<unset>", "<unset>", "5m12s"};
        slice.ports = {api::EndpointPort{"http", "TCP", 8080, ""}};
        for (int i = 1; i <= 5; ++i)
            slice.endpoints.push_back(api::Endpoint{{"10.244.0." + std::to_string(i)}, {}, "", "", std::nullopt});
        QTest::newRow("endpointslice more than three")
            << e << now << false
            << QStringList{"web-abc12", "IPv4", "8080", "10.244.0.1,10.244.0.2,10.244.0.3 + 2 more...", "5m12s"};
    }
    {
        api::Object n = object(Kind::Node, "node-1");
        api::Node &node = n.as<api::Node>();
        node.status.conditions = {condition("Ready", "True")};
        node.status.addresses = {{"InternalIP", "172.18.0.2"}};
        n.metadata.labels = api::Labels{{"node-role.kubernetes.io/control-plane", ""}};
        QTest::newRow("node ready") << n << now << false
                                    << QStringList{"node-1", "Ready", "control-plane", "5m12s", "v1.30.0"};
        QTest::newRow("node wide") << n << now << true
                                   << QStringList{"node-1", "Ready", "control-plane", "5m12s", "v1.30.0",
                                                  "172.18.0.2", "<none>", "kubesim Linux", "6.1.0-kubesim",
                                                  "containerd://1.7.0"};
        node.spec.unschedulable = true;
        node.status.conditions = {condition("Ready", "False")};
        n.metadata.labels.edit().clear();
        QTest::newRow("node cordoned not ready")
            << n << now << false << QStringList{"node-1", "NotReady,SchedulingDisabled", "<none>", "5m12s", "v1.30.0"};
    }
    QTest::newRow("namespace") << object(Kind::Namespace, "shop") << now << false
                               << QStringList{"shop", "Active", "5m12s"};
    {
        api::Object i = object(Kind::Ingress, "web");
        QTest::newRow("ingress bare") << i << now << false
                                      << QStringList{"web", "<none>", "*", "", "80", "5m12s"};
        api::Ingress &ing = i.as<api::Ingress>();
        ing.spec.ingressClassName = "nginx";
        for (const char *host : {"a.example.com", "", "b.example.com", "c.example.com", "d.example.com"})
            ing.spec.rules.push_back(api::IngressRule{host, {}});
        ing.spec.tls = {api::IngressTLS{{"a.example.com"}, "tls"}};
        ing.status.loadBalancer = {{"192.168.49.2", ""}};
        QTest::newRow("ingress hosts tls address")
            << i << now << false
            << QStringList{"web", "nginx", "a.example.com,b.example.com,c.example.com + 2 more...", "192.168.49.2",
                           "80, 443", "5m12s"};
    }
    {
        api::Object ic = object(Kind::IngressClass, "nginx");
        ic.as<api::IngressClass>().spec.controller = "k8s.io/ingress-nginx";
        QTest::newRow("ingressclass") << ic << now << false
                                      << QStringList{"nginx", "k8s.io/ingress-nginx", "<none>", "5m12s"};
        ic.as<api::IngressClass>().spec.parameters = api::IngressClassParameters{"k8s.example.com", "Params", "p", "", ""};
        QTest::newRow("ingressclass parameters")
            << ic << now << false << QStringList{"nginx", "k8s.io/ingress-nginx", "Params.k8s.example.com/p", "5m12s"};
    }
    {
        api::Object gc = object(Kind::GatewayClass, "kubesim");
        gc.as<api::GatewayClass>().spec.controllerName = "kubesim.io/gateway-controller";
        gc.as<api::GatewayClass>().spec.description = "The simulated gateway";
        QTest::newRow("gatewayclass before status")
            << gc << now << false << QStringList{"kubesim", "kubesim.io/gateway-controller", "", "5m12s"};
        gc.as<api::GatewayClass>().status.conditions = {condition("Accepted", "True")};
        QTest::newRow("gatewayclass wide") << gc << now << true
                                           << QStringList{"kubesim", "kubesim.io/gateway-controller", "True",
                                                          "5m12s", "The simulated gateway"};
    }
    {
        api::Object g = object(Kind::Gateway, "web");
        g.as<api::Gateway>().spec.gatewayClassName = "kubesim";
        QTest::newRow("gateway before status") << g << now << false << QStringList{"web", "kubesim", "", "", "5m12s"};
        g.as<api::Gateway>().status.addresses = {{"IPAddress", "172.18.255.200"}};
        g.as<api::Gateway>().status.conditions = {condition("Accepted", "True"), condition("Programmed", "True")};
        QTest::newRow("gateway programmed")
            << g << now << false << QStringList{"web", "kubesim", "172.18.255.200", "True", "5m12s"};
    }
    {
        api::Object r = object(Kind::HTTPRoute, "app");
        QTest::newRow("httproute without hostnames") << r << now << false << QStringList{"app", "", "5m12s"};
        r.as<api::HTTPRoute>().spec.hostnames = {"app.example.com", "www.example.com"};
        QTest::newRow("httproute hostnames")
            << r << now << false << QStringList{"app", "[\"app.example.com\",\"www.example.com\"]", "5m12s"};
    }
    {
        api::Object cm = object(Kind::ConfigMap, "settings");
        cm.as<api::ConfigMap>().data = {{"a", "1"}, {"b", "2"}};
        cm.as<api::ConfigMap>().binaryData = {{"c", "AA=="}};
        QTest::newRow("configmap") << cm << now << false << QStringList{"settings", "3", "5m12s"};
    }
    {
        api::Object s = object(Kind::Secret, "tls");
        s.as<api::Secret>().type = "kubernetes.io/tls";
        s.as<api::Secret>().data = {{"tls.crt", "x"}, {"tls.key", "y"}};
        QTest::newRow("secret") << s << now << false << QStringList{"tls", "kubernetes.io/tls", "2", "5m12s"};
    }
    QTest::newRow("referencegrant") << object(Kind::ReferenceGrant, "allow") << now << false
                                    << QStringList{"allow", "5m12s"};
}

void TestPrinters::rows()
{
    QFETCH(api::Object, object);
    QFETCH(qint64, now);
    QFETCH(bool, wide);
    QFETCH(QStringList, expected);
    QStringList row = toQt(console::tableRow(object, console::PrintOptions{now, wide}));
    QCOMPARE(row, expected);
    QCOMPARE(row.size(), int(console::tableHeaders(object.kind(), wide).size()));
}

void TestPrinters::getAllPrefixesAndSeparates()
{
    auto p = std::make_shared<const api::Object>(pod("web-1", {containerStatus("running", "", true)}));
    auto s = std::make_shared<const api::Object>(service("ClusterIP", {port(80)}));
    console::TableOptions options;
    options.print.now = 10 * kSecond;
    options.isMultiKind = true;
    std::string text = console::printTables({{Kind::Pod, {p}}, {Kind::Deployment, {}}, {Kind::Service, {s}}}, options);
    QCOMPARE(QString::fromStdString(text),
             QString("NAME        READY   STATUS    RESTARTS   AGE\n"
                     "pod/web-1   1/1     Running   0          10s\n"
                     "\n"
                     "NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n"
                     "service/web   ClusterIP   10.96.0.10   <none>        80/TCP    10s\n"));
    QCOMPARE(QString::fromStdString(console::printNames({{Kind::Pod, {p}}, {Kind::Service, {s}}})),
             QString("pod/web-1\nservice/web\n"));
}

void TestPrinters::allNamespacesAndLabelsColumns()
{
    api::Object web = pod("web-1", {containerStatus("running", "", true)});
    web.metadata.labels = {{"app", "web"}, {"version", "v1"}};
    api::Object node = object(Kind::Node, "node-1");
    node.as<api::Node>().status.conditions = {condition("Ready", "True")};
    console::TableOptions options;
    options.allNamespaces = true;
    options.showLabels = true;
    std::string text = console::printTables(
        {{Kind::Pod, {std::make_shared<const api::Object>(web)}},
         {Kind::Node, {std::make_shared<const api::Object>(node)}}},
        options);
    QCOMPARE(QString::fromStdString(text),
             QString("NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE   LABELS\n"
                     "default     web-1   1/1     Running   0          0s    app=web,version=v1\n"
                     "\n"
                     "NAME     STATUS   ROLES    AGE   VERSION   LABELS\n"
                     "node-1   Ready    <none>   0s    v1.30.0   <none>\n"));
}

QTEST_APPLESS_MAIN(TestPrinters)
#include "test_printers.moc"
