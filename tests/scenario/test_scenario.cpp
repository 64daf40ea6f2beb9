#include "sim/scenario/describe.h"
#include "sim/scenario/duration.h"
#include "sim/scenario/scenarioparser.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace sim::scenario;
namespace fs = std::filesystem;

namespace {

// Six lines: a scenario with one step, so rows add a step's fields from line 7 on, indented by two.
const std::string kHead = "title: T\nsummary: S\nlevel: beginner\nsteps:\n- title: A\n  text: B\n";

ScenarioLoadResult parse(const std::string &text, const fs::path &folder = fs::temp_directory_path())
{
    return ScenarioParser::parseText(text, folder, "scenario.yaml");
}

std::string allDiagnostics(const ScenarioLoadResult &result)
{
    std::string out;
    for (const auto &d : result.diagnostics)
        out += d.toString() + "\n";
    return out;
}

void writeFile(const fs::path &path, const std::string &text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

} // namespace

class TestScenario : public QObject {
    Q_OBJECT

private slots:
    void duration_data();
    void duration();
    void topLevel();
    void actions_data();
    void actions();
    void checks_data();
    void checks();
    void task();
    void errors_data();
    void errors();
    void paths_data();
    void paths();
    void builtInLessonsLoad();
};

void TestScenario::duration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("micros");  // -1: refused
    QTest::newRow("seconds") << "30s" << qint64(30'000'000);
    QTest::newRow("milliseconds") << "500ms" << qint64(500'000);
    QTest::newRow("microseconds") << "250us" << qint64(250);
    QTest::newRow("minutes and seconds") << "1m30s" << qint64(90'000'000);
    QTest::newRow("hours") << "2h" << qint64(7'200'000'000);
    QTest::newRow("zero") << "0s" << qint64(0);
    QTest::newRow("no unit") << "30" << qint64(-1);
    QTest::newRow("unknown unit") << "3d" << qint64(-1);
    QTest::newRow("negative") << "-1s" << qint64(-1);
    QTest::newRow("fraction") << "1.5s" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("overflow") << "99999999999999999999h" << qint64(-1);
    QTest::newRow("huge hours") << "9999999999999h" << qint64(-1);
    QTest::newRow("every unit") << "1h2m3s4ms5us" << qint64(3'723'004'005);
}

void TestScenario::duration()
{
    QFETCH(QString, text);
    QFETCH(qint64, micros);
    auto parsed = parseDuration(text.toStdString());
    QCOMPARE(parsed.has_value(), micros >= 0);
    if (parsed) {
        QCOMPARE(qint64(*parsed), micros);
        QCOMPARE(parseDuration(formatDuration(*parsed)), parsed);
    }
}

void TestScenario::topLevel()
{
    auto result = parse("title: Canary\nsummary: Weights\nlevel: intermediate\nseed: 42\nsteps:\n"
                        "- title: First\n  text: |\n    Look at **this**.\n- title: Second\n  text: Done\n");
    QVERIFY2(result.ok(), allDiagnostics(result).c_str());
    const Scenario &s = *result.scenario;
    QCOMPARE(s.title, std::string("Canary"));
    QCOMPARE(s.summary, std::string("Weights"));
    QCOMPARE(s.level, std::string("intermediate"));
    QCOMPARE(s.seed, std::uint64_t(42));
    QCOMPARE(s.steps.size(), std::size_t(2));
    QCOMPARE(s.steps[0].title, std::string("First"));
    QCOMPARE(s.steps[0].text, std::string("Look at **this**.\n"));
    QVERIFY(!s.steps[0].task);
    QCOMPARE(s.file, std::string("scenario.yaml"));

    auto defaults = parse(kHead);
    QVERIFY2(defaults.ok(), allDiagnostics(defaults).c_str());
    QCOMPARE(defaults.scenario->seed, std::uint64_t(1));
}

void TestScenario::actions_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("described");
    QTest::newRow("delete") << "delete: {kind: httproute, name: team-b/store}" << "delete httproute team-b/store";
    QTest::newRow("delete cluster-scoped") << "delete: {kind: GatewayClass, name: nginx}" << "delete gatewayclass nginx";
    QTest::newRow("scale") << "scale: {deployment: web, replicas: 3}" << "scale deployment default/web to 3 replicas";
    QTest::newRow("setWeights") << "setWeights: {route: shop/app, rule: 1, weights: {app-v1: 50, app-v2: 50}}"
                                << "set weights of httproute shop/app rule 1: app-v1=50 app-v2=50";
    QTest::newRow("setCanaryWeight") << "setCanaryWeight: {ingress: web-canary, weight: 30}"
                                     << "set canary-weight of ingress default/web-canary to 30";
    QTest::newRow("setImage") << "setImage: {deployment: web, container: app, image: 'nginx:1.27'}"
                              << "set image of deployment default/web container app to nginx:1.27";
    QTest::newRow("startTraffic")
        << "startTraffic: {name: load, url: 'http://app.example.com/', rate: 50, clients: 4, gateway: infra/gw, "
           "listener: http, headers: {version: beta}, method: POST}"
        << "start traffic load: POST http://app.example.com/ -H 'version: beta' via gateway infra/gw listener http at 50 "
           "req/s from 4 clients";
    QTest::newRow("startTraffic defaults") << "startTraffic: {name: load, url: /, ingressClass: nginx}"
                                           << "start traffic load: GET / via ingress class nginx at 10 req/s from 1 client";
    QTest::newRow("startTraffic service") << "startTraffic: {name: load, url: 'http://web/', service: web, rate: 0.5}"
                                          << "start traffic load: GET http://web/ via service default/web at 0.5 req/s from 1 client";
    QTest::newRow("stopTraffic") << "stopTraffic: load" << "stop traffic load";
    QTest::newRow("killPod by name") << "killPod: {pod: shop/web-1}" << "kill pod shop/web-1";
    QTest::newRow("killPod by selector") << "killPod: {selector: {app: web}, namespace: shop, count: 1}"
                                         << "kill first pod in shop with app=web";
    QTest::newRow("killPod two") << "killPod: {selector: {app: web}, count: 2}" << "kill first 2 pods in default with app=web";
    QTest::newRow("failReadiness") << "failReadiness: {selector: {app: web, version: v2}}"
                                   << "fail readiness of all pods in default with app=web,version=v2";
    QTest::newRow("failReadiness off") << "failReadiness: {pod: web-1, failing: false}"
                                       << "restore readiness of pod default/web-1";
    QTest::newRow("crashLoop") << "crashLoop: {pod: web-1}" << "crash-loop pod default/web-1";
    QTest::newRow("crashLoop off") << "crashLoop: {pod: web-1, crashing: false}" << "stop crash-looping pod default/web-1";
    QTest::newRow("drainNode") << "drainNode: worker-2" << "drain node worker-2";
    QTest::newRow("failNode") << "failNode: worker-3" << "fail node worker-3";
    QTest::newRow("wait") << "wait: 1m30s" << "wait 1m30s";
    QTest::newRow("wait until")
        << "wait: {until: {name: up, readyPods: {selector: {app: web}, count: 3}}, timeout: 2m}"
        << "wait until up (exactly 3 ready pods in default with app=web), at most 2m";
    QTest::newRow("apply inline") << "apply: {inline: 'kind: Namespace'}" << "apply (inline manifest)";
}

void TestScenario::actions()
{
    QFETCH(QString, yaml);
    QFETCH(QString, described);
    auto result = parse(kHead + "  actions:\n  - " + yaml.toStdString() + "\n");
    QVERIFY2(result.ok(), allDiagnostics(result).c_str());
    const auto &actions = result.scenario->steps[0].actions;
    QCOMPARE(actions.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(describeAction(actions[0].body)), described);
    QCOMPARE(actions[0].location.line, 8);
    QCOMPARE(actions[0].location.column, 5);
    QCOMPARE(actions[0].field, std::string("steps[0].actions[0]"));
}

void TestScenario::checks_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("share") << "share: {backend: app-v2, min: 0.05, max: 0.15, minRequests: 200, window: 30s, generator: load}"
                           << "share"
                           << "share of default/app-v2 in [5.0%, 15.0%] (generator load, last 30s, at least 200 requests)";
    QTest::newRow("share min only") << "{name: canary gets some, share: {backend: app-v2, min: 0.01}}" << "canary gets some"
                                    << "share of default/app-v2 in [1.0%, 100.0%] (all traffic, since the step began, at least 1 request)";
    QTest::newRow("status") << "status: {url: 'http://example.com/api', code: 200, backend: backend, ingressClass: nginx}"
                            << "status" << "GET http://example.com/api via ingress class nginx answers 200 from default/backend";
    QTest::newRow("status redirect") << "status: {url: 'http://example.com/', code: 308, location: 'https://example.com/'}"
                                     << "status" << "GET http://example.com/ answers 308 with location https://example.com/";
    QTest::newRow("status upstream")
        << "status: {url: 'http://example.com/api/users', code: 200, upstreamPath: /, upstreamHeaders: {x-team: blue}}"
        << "status" << "GET http://example.com/api/users answers 200, pod sees path /, pod sees header 'x-team: blue'";
    QTest::newRow("readyPods count") << "readyPods: {selector: {app: web}, count: 3}" << "readyPods"
                                     << "exactly 3 ready pods in default with app=web";
    QTest::newRow("readyPods min") << "readyPods: {namespace: shop, selector: {app: web}, min: 2}" << "readyPods"
                                   << "at least 2 ready pods in shop with app=web";
    QTest::newRow("readyPods range") << "readyPods: {selector: {app: web}, min: 2, max: 4}" << "readyPods"
                                     << "2 to 4 ready pods in default with app=web";
    QTest::newRow("endpoints") << "endpoints: {service: web, max: 0}" << "endpoints"
                               << "exactly 0 ready endpoints for service default/web";
    QTest::newRow("rolloutComplete") << "rolloutComplete: {deployment: shop/web}" << "rolloutComplete"
                                     << "deployment shop/web rolled out";
    QTest::newRow("routeCondition")
        << "routeCondition: {route: team-c/api, parent: shared, type: Accepted, status: 'False', reason: NotAllowedByListeners}"
        << "routeCondition" << "httproute team-c/api parent shared Accepted=False reason NotAllowedByListeners";
    QTest::newRow("errorRate") << "errorRate: {max: 0.01, minRequests: 50}" << "errorRate"
                               << "error rate at most 1.0% (all traffic, since the step began, at least 50 requests)";
    QTest::newRow("noRequestLost bare") << "noRequestLost:" << "noRequestLost"
                                        << "no request lost or failed (all traffic, since the step began, at least 1 request)";
    QTest::newRow("noRequestLost generator") << "noRequestLost: {generator: load, minRequests: 100}" << "noRequestLost"
                                             << "no request lost or failed (generator load, since the step began, at least 100 requests)";
    QTest::newRow("loadBalancers") << "loadBalancers: {count: 4}" << "loadBalancers" << "4 cloud load balancers";
}

void TestScenario::checks()
{
    QFETCH(QString, yaml);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    auto result = parse(kHead + "  checks:\n  - " + yaml.toStdString() + "\n");
    QVERIFY2(result.ok(), allDiagnostics(result).c_str());
    const auto &checks = result.scenario->steps[0].checks;
    QCOMPARE(checks.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(checks[0].name), name);
    QCOMPARE(QString::fromStdString(describeExpected(checks[0].body)), expected);
    QCOMPARE(checks[0].location.line, 8);
}

void TestScenario::task()
{
    auto result = parse(kHead +
                        "  task:\n"
                        "    goal: Send half to v2\n"
                        "    hint: Move the slider\n"
                        "    checks:\n"
                        "    - share: {backend: app-v2, min: 0.4, max: 0.6}\n"
                        "    solution:\n"
                        "    - setWeights: {route: app, weights: {app-v1: 1, app-v2: 1}}\n"
                        "    - wait: 30s\n");
    QVERIFY2(result.ok(), allDiagnostics(result).c_str());
    const auto &task = result.scenario->steps[0].task;
    QVERIFY(task);
    QCOMPARE(task->goal, std::string("Send half to v2"));
    QCOMPARE(task->hint, std::string("Move the slider"));
    QCOMPARE(task->checks.size(), std::size_t(1));
    QCOMPARE(task->solution.size(), std::size_t(2));
    QCOMPARE(task->solution[1].field, std::string("steps[0].task.solution[1]"));
}

void TestScenario::errors_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("where");   // line:column
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // a part of the message
    const QString head = QString::fromStdString(kHead);
    QTest::newRow("bad yaml") << "title: [unclosed\n" << "2:1" << "" << "invalid YAML";
    QTest::newRow("not a mapping") << "- a\n" << "1:1" << "" << "expected a mapping";
    QTest::newRow("missing title") << "summary: S\nlevel: beginner\nsteps:\n- {title: A, text: B}\n" << "1:1" << "title"
                                   << "required";
    QTest::newRow("empty summary") << "title: T\nsummary: ''\nlevel: beginner\nsteps:\n- {title: A, text: B}\n" << "2:10"
                                   << "summary" << "must not be empty";
    QTest::newRow("bad level") << "title: T\nsummary: S\nlevel: expert\nsteps:\n- {title: A, text: B}\n" << "3:8"
                               << "level" << "supported values: \"beginner\", \"intermediate\", \"advanced\"";
    QTest::newRow("negative seed") << "title: T\nsummary: S\nlevel: beginner\nseed: -3\nsteps:\n- {title: A, text: B}\n"
                                   << "4:7" << "seed" << "must be between 0 and";
    QTest::newRow("seed not a number") << "title: T\nsummary: S\nlevel: beginner\nseed: abc\nsteps:\n- {title: A, text: B}\n"
                                       << "4:7" << "seed" << "expected an integer";
    QTest::newRow("unknown top field") << "title: T\nsummary: S\nlevel: beginner\nauthor: me\nsteps:\n- {title: A, text: B}\n"
                                       << "4:1" << "author" << "unknown field \"author\"";
    QTest::newRow("duplicate key") << "title: T\ntitle: U\nsummary: S\nlevel: beginner\nsteps:\n- {title: A, text: B}\n"
                                   << "2:1" << "title" << "duplicate key";
    QTest::newRow("no steps") << "title: T\nsummary: S\nlevel: beginner\nsteps: []\n" << "4:8" << "steps"
                              << "at least one step";
    QTest::newRow("steps not a list") << "title: T\nsummary: S\nlevel: beginner\nsteps: {a: 1}\n" << "4:8" << "steps"
                                      << "expected a list";
    QTest::newRow("step without text") << "title: T\nsummary: S\nlevel: beginner\nsteps:\n- title: A\n" << "5:3"
                                       << "steps[0].text" << "required";
    QTest::newRow("unknown step field") << head + "  narrative: x\n" << "7:3" << "steps[0].narrative" << "unknown field";
    QTest::newRow("unknown action") << head + "  actions:\n  - restart: web\n" << "8:14" << "steps[0].actions[0].restart"
                                    << "unknown action \"restart\"";
    QTest::newRow("two action keys") << head + "  actions:\n  - {scale: {deployment: a, replicas: 1}, wait: 1s}\n" << "8:5"
                                     << "steps[0].actions[0]" << "exactly one type key";
    QTest::newRow("negative replicas") << head + "  actions:\n  - scale: {deployment: web, replicas: -1}\n" << "8:40"
                                       << "steps[0].actions[0].scale.replicas" << "must be between 0 and 1000";
    QTest::newRow("scale without deployment") << head + "  actions:\n  - scale: {replicas: 2}\n" << "8:12"
                                              << "steps[0].actions[0].scale.deployment" << "required";
    QTest::newRow("unknown scale field") << head + "  actions:\n  - scale: {deployment: a, replicas: 1, replica: 2}\n"
                                         << "8:41" << "steps[0].actions[0].scale.replica" << "unknown field";
    QTest::newRow("bad object ref") << head + "  actions:\n  - scale: {deployment: a/b/c, replicas: 1}\n" << "8:25"
                                    << "steps[0].actions[0].scale.deployment" << "\"namespace/name\"";
    QTest::newRow("delete unknown kind") << head + "  actions:\n  - delete: {kind: Widget, name: x}\n" << "8:20"
                                         << "steps[0].actions[0].delete.kind" << "unknown kind \"Widget\"";
    QTest::newRow("weight too big") << head + "  actions:\n  - setWeights: {route: r, weights: {a: 1000001}}\n" << "8:41"
                                    << "steps[0].actions[0].setWeights.weights.a" << "must be between 0 and 1000000";
    QTest::newRow("no weights") << head + "  actions:\n  - setWeights: {route: r, weights: {}}\n" << "8:37"
                                << "steps[0].actions[0].setWeights.weights" << "at least one backend";
    QTest::newRow("canary weight") << head + "  actions:\n  - setCanaryWeight: {ingress: c, weight: x}\n" << "8:43"
                                   << "steps[0].actions[0].setCanaryWeight.weight" << "expected an integer";
    QTest::newRow("setImage without image") << head + "  actions:\n  - setImage: {deployment: a, container: c}\n"
                                            << "8:15" << "steps[0].actions[0].setImage.image" << "required";
    QTest::newRow("traffic without url") << head + "  actions:\n  - startTraffic: {name: load}\n" << "8:19"
                                         << "steps[0].actions[0].startTraffic.url" << "required";
    QTest::newRow("traffic bad url") << head + "  actions:\n  - startTraffic: {name: load, url: 'ftp://x/'}\n" << "8:37"
                                     << "steps[0].actions[0].startTraffic.url" << "http:// or https://";
    QTest::newRow("traffic two entries") << head + "  actions:\n  - startTraffic: {name: l, url: /, gateway: g, service: s}\n"
                                         << "8:19" << "steps[0].actions[0].startTraffic" << "at most one entry point";
    QTest::newRow("listener without gateway") << head + "  actions:\n  - startTraffic: {name: l, url: /, listener: http}\n"
                                              << "8:47" << "steps[0].actions[0].startTraffic.listener" << "needs a gateway";
    QTest::newRow("zero rate") << head + "  actions:\n  - startTraffic: {name: l, url: /, rate: 0}\n" << "8:43"
                               << "steps[0].actions[0].startTraffic.rate" << "must be between";
    QTest::newRow("bad header name") << head + "  actions:\n  - startTraffic: {name: l, url: /, headers: {'a b': c}}\n"
                                     << "8:54" << "steps[0].actions[0].startTraffic.headers.a b" << "not a valid HTTP header";
    QTest::newRow("bad method") << head + "  actions:\n  - startTraffic: {name: l, url: /, method: FETCH}\n" << "8:45"
                                << "steps[0].actions[0].startTraffic.method" << "Unsupported value: \"FETCH\"";
    QTest::newRow("zero clients") << head + "  actions:\n  - startTraffic: {name: l, url: /, clients: 0}\n" << "8:46"
                                  << "steps[0].actions[0].startTraffic.clients" << "must be between 1";
    QTest::newRow("pod and selector") << head + "  actions:\n  - killPod: {pod: a, selector: {app: a}}\n" << "8:14"
                                      << "steps[0].actions[0].killPod" << "either pod";
    QTest::newRow("empty selector") << head + "  actions:\n  - killPod: {selector: {}}\n" << "8:25"
                                    << "steps[0].actions[0].killPod.selector" << "at least one label";
    QTest::newRow("count with pod") << head + "  actions:\n  - killPod: {pod: a, count: 1}\n" << "8:30"
                                    << "steps[0].actions[0].killPod.count" << "goes with selector";
    QTest::newRow("zero count") << head + "  actions:\n  - crashLoop: {selector: {a: b}, count: 0}\n" << "8:42"
                                << "steps[0].actions[0].crashLoop.count" << "must be between 1";
    QTest::newRow("fault flag") << head + "  actions:\n  - failReadiness: {pod: a, failing: maybe}\n" << "8:38"
                                << "steps[0].actions[0].failReadiness.failing" << "expected true or false";
    QTest::newRow("bad duration") << head + "  actions:\n  - wait: soon\n" << "8:11" << "steps[0].actions[0].wait"
                                  << "expected a duration";
    QTest::newRow("wait without timeout") << head + "  actions:\n  - wait: {until: {loadBalancers: {count: 1}}}\n"
                                          << "8:11" << "steps[0].actions[0].wait.timeout" << "required";
    QTest::newRow("wait zero timeout") << head + "  actions:\n  - wait: {until: {loadBalancers: {count: 1}}, timeout: 0s}\n"
                                       << "8:57" << "steps[0].actions[0].wait.timeout" << "longer than 0s";
    QTest::newRow("wait for a status") << head + "  actions:\n  - wait: {until: {status: {url: /, code: 200}}, timeout: 1m}\n"
                                       << "8:19" << "steps[0].actions[0].wait.until" << "cannot poll a status check";
    QTest::newRow("node not a name") << head + "  actions:\n  - drainNode: [a]\n" << "8:16" << "steps[0].actions[0].drainNode"
                                     << "expected a string";
    QTest::newRow("unknown check") << head + "  checks:\n  - latency: {p99: 10ms}\n" << "8:14" << "steps[0].checks[0].latency"
                                   << "unknown check \"latency\"";
    QTest::newRow("check without type") << head + "  checks:\n  - name: x\n" << "8:5" << "steps[0].checks[0]"
                                        << "needs a type";
    QTest::newRow("two check types") << head + "  checks:\n  - {loadBalancers: {count: 1}, errorRate: {max: 0}}\n" << "8:44"
                                     << "steps[0].checks[0].errorRate" << "already given";
    QTest::newRow("share above one") << head + "  checks:\n  - share: {backend: a, min: 0.5, max: 50}\n" << "8:40"
                                     << "steps[0].checks[0].share.max" << "must be between 0 and 1";
    QTest::newRow("share min above max") << head + "  checks:\n  - share: {backend: a, min: 0.6, max: 0.5}\n" << "8:12"
                                         << "steps[0].checks[0].share" << "min is greater than max";
    QTest::newRow("share without bounds") << head + "  checks:\n  - share: {backend: a}\n" << "8:12"
                                          << "steps[0].checks[0].share" << "required: min and/or max";
    QTest::newRow("share zero window") << head + "  checks:\n  - share: {backend: a, min: 0.1, window: 0s}\n" << "8:43"
                                       << "steps[0].checks[0].share.window" << "longer than 0s";
    QTest::newRow("status code") << head + "  checks:\n  - status: {url: /, code: 700}\n" << "8:28"
                                 << "steps[0].checks[0].status.code" << "must be between 100 and 599";
    QTest::newRow("count and min") << head + "  checks:\n  - readyPods: {selector: {a: b}, count: 1, min: 1}\n" << "8:16"
                                   << "steps[0].checks[0].readyPods" << "not both";
    QTest::newRow("no count") << head + "  checks:\n  - endpoints: {service: web}\n" << "8:16" << "steps[0].checks[0].endpoints"
                              << "required: count";
    QTest::newRow("min above max") << head + "  checks:\n  - endpoints: {service: web, min: 3, max: 1}\n" << "8:16"
                                   << "steps[0].checks[0].endpoints" << "greater than max";
    QTest::newRow("condition type") << head + "  checks:\n  - routeCondition: {route: r, type: Ready, status: 'True'}\n"
                                    << "8:38" << "steps[0].checks[0].routeCondition.type" << "Unsupported value: \"Ready\"";
    QTest::newRow("condition status") << head + "  checks:\n  - routeCondition: {route: r, type: Accepted, status: yes}\n"
                                      << "8:56" << "steps[0].checks[0].routeCondition.status" << "Unsupported value";
    QTest::newRow("error rate") << head + "  checks:\n  - errorRate: {max: -0.1}\n" << "8:22" << "steps[0].checks[0].errorRate.max"
                                << "must be between 0 and 1";
    QTest::newRow("min requests") << head + "  checks:\n  - noRequestLost: {minRequests: 0}\n" << "8:34"
                                  << "steps[0].checks[0].noRequestLost.minRequests" << "must be between 1";
    QTest::newRow("task without solution") << head + "  task:\n    goal: g\n    hint: h\n    checks:\n    - loadBalancers: {count: 1}\n"
                                           << "8:5" << "steps[0].task.solution" << "required";
    QTest::newRow("task with empty checks")
        << head + "  task:\n    goal: g\n    hint: h\n    checks: []\n    solution:\n    - wait: 1s\n" << "10:13"
        << "steps[0].task.checks" << "at least one check";
    QTest::newRow("task without hint") << head + "  task:\n    goal: g\n    checks:\n    - loadBalancers: {count: 1}\n    solution:\n    - wait: 1s\n"
                                       << "8:5" << "steps[0].task.hint" << "required";
}

void TestScenario::errors()
{
    QFETCH(QString, yaml);
    QFETCH(QString, where);
    QFETCH(QString, field);
    QFETCH(QString, message);
    auto result = parse(yaml.toStdString());
    QVERIFY(!result.ok());
    QVERIFY(!result.diagnostics.empty());
    const auto &d = result.diagnostics.front();
    const QString all = QString::fromStdString(allDiagnostics(result));
    QVERIFY2(d.isError(), qPrintable(all));
    QCOMPARE(QString::fromStdString(d.location.file), QString("scenario.yaml"));
    QCOMPARE(QString("%1:%2").arg(d.location.line).arg(d.location.column), where);
    QCOMPARE(QString::fromStdString(d.field), field);
    QVERIFY2(QString::fromStdString(d.message).contains(message), qPrintable(all));
}

void TestScenario::paths_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("error");  // empty: accepted
    QTest::newRow("file in folder") << "app.yaml" << "";
    QTest::newRow("nested file") << "manifests/gateway.yaml" << "";
    QTest::newRow("dot segment") << "./app.yaml" << "";
    QTest::newRow("symlink inside") << "alias.yaml" << "";
    QTest::newRow("absolute") << "/etc/passwd" << "absolute path \"/etc/passwd\" is not allowed";
    QTest::newRow("absolute to own file") << "@ROOT@/app.yaml" << "absolute path";
    QTest::newRow("parent") << "../outside.yaml" << "\"..\" in \"../outside.yaml\" is not allowed";
    QTest::newRow("parent in the middle") << "manifests/../app.yaml" << "\"..\" in";
    QTest::newRow("symlink outside") << "escape.yaml" << "outside the scenario folder";
    QTest::newRow("symlinked folder outside") << "linkdir/outside.yaml" << "outside the scenario folder";
    QTest::newRow("missing") << "nothere.yaml" << "not found in the scenario folder";
    QTest::newRow("directory") << "manifests" << "not a regular file";
    QTest::newRow("empty") << "''" << "must not be empty";
}

void TestScenario::paths()
{
    QFETCH(QString, file);
    QFETCH(QString, error);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const fs::path base = fs::canonical(tmp.path().toStdString());
    const fs::path root = base / "lesson";
    writeFile(root / "app.yaml", "kind: Namespace\n");
    writeFile(root / "manifests" / "gateway.yaml", "kind: Namespace\n");
    writeFile(base / "outside.yaml", "kind: Namespace\n");
    fs::create_symlink(root / "app.yaml", root / "alias.yaml");
    fs::create_symlink(base / "outside.yaml", root / "escape.yaml");
    fs::create_directory_symlink(base, root / "linkdir");
    const std::string name = file.replace("@ROOT@", QString::fromStdString(root.string())).toStdString();
    auto result = parse(kHead + "  actions:\n  - apply: " + name + "\n", root);
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), allDiagnostics(result).c_str());
        const auto &apply = std::get<ApplyAction>(result.scenario->steps[0].actions[0].body);
        QCOMPARE(apply.paths.size(), std::size_t(1));
        QVERIFY(apply.paths[0].string().rfind(root.string() + "/", 0) == 0);
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    const auto &d = result.diagnostics.front();
    QCOMPARE(d.field, std::string("steps[0].actions[0].apply"));
    QCOMPARE(d.location.line, 8);
    QCOMPARE(d.location.column, 12);
    QVERIFY2(QString::fromStdString(d.message).contains(error), d.message.c_str());
}

void TestScenario::builtInLessonsLoad()
{
    const fs::path scenarios = fs::path(KUBESIM_SOURCE_DIR) / "scenarios";
    int loaded = 0;
    for (const auto &entry : fs::directory_iterator(scenarios)) {
        if (!fs::exists(entry.path() / "scenario.yaml"))
            continue;
        auto result = ScenarioParser::loadFolder(entry.path());
        QVERIFY2(result.ok(), allDiagnostics(result).c_str());
        ++loaded;
    }
    QCOMPARE(loaded, 13);
}

QTEST_APPLESS_MAIN(TestScenario)
#include "test_scenario.moc"
