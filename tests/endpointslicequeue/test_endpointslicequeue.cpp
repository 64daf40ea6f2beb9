// Which pod changes make the EndpointSlice controller queue a Service's pass: as kube-controller-manager's
// podEndpointsChanged, an update queues the pod's Services only when it changes what their slices read (labels,
// readiness, IP, deletionTimestamp, node, a finished phase, container ports); an added or deleted pod always does.
// The controller runs alone here, so every queued pass is its own.

#include "sim/controllers/endpointslicecontroller.h"
#include "sim/controllers/eventrecorder.h"
#include "sim/engine/engine.h"
#include "sim/store/store.h"

#include <QtTest>

using namespace sim;
using api::Kind;

namespace {

api::Object service(const std::string &name, api::Labels selector)
{
    api::Object svc = api::makeObject(Kind::Service);
    svc.metadata.name = name;
    svc.metadata.namespace_ = "default";
    api::ServiceSpec &spec = svc.as<api::Service>().spec;
    spec.selector = std::move(selector);
    api::ServicePort port;
    port.name = "http";
    port.port = 80;
    port.targetPort = api::IntOrString::fromString("http");
    spec.ports.push_back(port);
    spec.clusterIP = "10.96.0.10";
    return svc;
}

api::Object pod(const std::string &name, const std::string &ip)
{
    api::Object p = api::makeObject(Kind::Pod);
    p.metadata.name = name;
    p.metadata.namespace_ = "default";
    p.metadata.labels = {{"app", "web"}, {"tier", "front"}};
    api::PodSpec spec;
    api::Container c;
    c.name = "web";
    c.image = "nginx:1.25";
    c.ports.push_back(api::ContainerPort{"http", 8080, "TCP"});
    spec.containers.push_back(c);
    spec.nodeName = "node-1";
    p.as<api::Pod>().spec = std::move(spec);
    api::PodStatus &st = p.as<api::Pod>().status;
    st.phase = "Running";
    st.podIP = ip;
    st.hostIP = "192.168.0.1";
    st.conditions.push_back(api::Condition{"Ready", "True", "", "", 0, 0});
    return p;
}

// Applies one change to pod "web-1" ("delete" removes it, "add" creates another pod).
void change(store::Store &store, const std::string &what, engine::SimTime now)
{
    if (what == "add") {
        store.create(pod("web-2", "10.0.0.2"));
        return;
    }
    if (what == "delete") {
        store.remove(Kind::Pod, "default", "web-1");
        return;
    }
    api::Object p = *store.get(Kind::Pod, "default", "web-1");
    api::Pod &body = p.as<api::Pod>();
    api::PodStatus &st = body.status;
    if (what == "message") {
        st.message = "still here";
    } else if (what == "hostIP") {
        st.hostIP = "192.168.0.2";
    } else if (what == "startTime") {
        st.startTime = now;
    } else if (what == "other condition") {
        st.conditions.push_back(api::Condition{"PodScheduled", "True", "", "", now, 0});
    } else if (what == "restart count") {
        st.containerStatuses.push_back(api::ContainerStatus{});
        st.containerStatuses.back().name = "web";
        st.containerStatuses.back().restartCount = 3;
    } else if (what == "not ready") {
        st.conditions.front().status = "False";
    } else if (what == "pod IP") {
        st.podIP = "10.0.0.9";
    } else if (what == "finished") {
        st.phase = "Succeeded";
    } else if (what == "annotation") {
        p.metadata.annotations.edit()["note"] = "x";
        store.update(std::move(p));
        return;
    } else if (what == "image") {
        body.spec.edit().containers.front().image = "nginx:1.26";
        store.update(std::move(p));
        return;
    } else if (what == "node") {
        body.spec.edit().nodeName = "node-2";
        store.update(std::move(p));
        return;
    } else if (what == "container port") {
        body.spec.edit().containers.front().ports.front().containerPort = 9090;
        store.update(std::move(p));
        return;
    } else if (what == "deletionTimestamp") {
        p.metadata.deletionTimestamp = now;
        store.update(std::move(p));
        return;
    } else if (what == "relabel") {
        p.metadata.labels.edit()["app"] = "api";
        store.update(std::move(p));
        return;
    } else {
        QFAIL(("unknown change " + what).c_str());
    }
    store.updateStatus(std::move(p));
}

} // namespace

class TestEndpointSliceQueue : public QObject {
    Q_OBJECT

private slots:
    void podChangesQueueWhatSlicesRead_data();
    void podChangesQueueWhatSlicesRead();
};

void TestEndpointSliceQueue::podChangesQueueWhatSlicesRead_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("queued");  // passes queued: the Services whose selector shares a label with the pod
    QTest::newRow("status message") << "message" << 0;
    QTest::newRow("host IP") << "hostIP" << 0;
    QTest::newRow("start time") << "startTime" << 0;
    QTest::newRow("a condition other than Ready") << "other condition" << 0;
    QTest::newRow("container restart count") << "restart count" << 0;
    QTest::newRow("annotation") << "annotation" << 0;
    QTest::newRow("container image") << "image" << 0;
    QTest::newRow("readiness") << "not ready" << 2;
    QTest::newRow("pod IP") << "pod IP" << 2;
    QTest::newRow("finished phase") << "finished" << 2;
    QTest::newRow("node name") << "node" << 2;
    QTest::newRow("container port") << "container port" << 2;
    QTest::newRow("deletionTimestamp") << "deletionTimestamp" << 2;
    // "api" selects app=api: relabeled, the pod leaves "front" and "web" and joins "api".
    QTest::newRow("labels") << "relabel" << 3;
    QTest::newRow("pod added") << "add" << 2;
    QTest::newRow("pod deleted") << "delete" << 2;
}

void TestEndpointSliceQueue::podChangesQueueWhatSlicesRead()
{
    QFETCH(QString, change);
    QFETCH(int, queued);
    engine::Engine engine(3);
    store::Store store(engine);
    controllers::EventRecorder events(engine);
    controllers::EndpointSliceController controller(controllers::ControllerContext{engine, store, events});
    store.create(service("front", {{"tier", "front"}}));
    store.create(service("web", {{"app", "web"}}));
    store.create(service("api", {{"app", "api"}}));
    store.create(service("other", {{"app", "other"}}));
    store.create(pod("web-1", "10.0.0.1"));
    QVERIFY(engine.settle());
    QCOMPARE(engine.pendingForeground(), std::size_t(0));
    QCOMPARE(store.count(Kind::EndpointSlice), std::size_t(4));
    ::change(store, change.toStdString(), engine.now());
    QCOMPARE(static_cast<int>(engine.pendingForeground()), queued);
    QVERIFY(engine.settle());
}

QTEST_APPLESS_MAIN(TestEndpointSliceQueue)

#include "test_endpointslicequeue.moc"
