// Each of kubesim's limits (sim/limits.h, docs/reliability.md) fed a hostile input: the error names the
// limit and where the input broke it, and the cluster is left exactly as it was.
#include "../manifest/diagnostictext.h"
#include "sim/console/console.h"
#include "sim/limits.h"
#include "sim/manifest/loader.h"
#include "sim/scenario/scenarioparser.h"
#include "sim/simulation.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace sim;
namespace fs = std::filesystem;

namespace {

std::string repeat(const std::string &text, std::size_t times)
{
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i)
        out += text;
    return out;
}

std::string deployment(const std::string &name, std::int64_t replicas)
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\nspec:\n  replicas: " +
           std::to_string(replicas) + "\n  selector:\n    matchLabels: {app: " + name +
           "}\n  template:\n    metadata:\n      labels: {app: " + name +
           "}\n    spec:\n      containers:\n      - {name: app, image: nginx}\n";
}

const std::string kConfigMapHead = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hostile\n";

// A ConfigMap whose data holds `depth` nested flow sequences, starting at line 5 column 7.
std::string nested(int depth)
{
    return kConfigMapHead + "data: " + std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']') + "\n";
}

// Ten-fold aliases six levels deep: 10^6 nodes from a few hundred bytes.
std::string billionLaughs()
{
    std::string out = kConfigMapHead + "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level <= 5; ++level) {
        const std::string prev = "*l" + std::to_string(level - 1);
        out += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [" + repeat(prev + ", ", 9) + prev + "]\n";
    }
    return out;
}

// `count` ConfigMaps, one document of three lines each (a `kind: List` that long would meet the node limit first).
std::string configMaps(std::size_t count)
{
    std::string out;
    for (std::size_t i = 0; i < count; ++i)
        out += "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c" + std::to_string(i) + "}\n---\n";
    return out;
}

std::string labelled(const std::string &key, const std::string &value)
{
    return kConfigMapHead + "  labels:\n    " + key + ": " + value + "\n";
}

// The cluster every row starts from: `full` fills it with pods up to one below the limit (applied, not yet run).
void setUp(Simulation &simulation, bool full)
{
    std::string text = deployment("web", 2);
    if (full) {
        const std::int64_t perDeployment = limits::kMaxReplicas;
        std::int64_t left = limits::kMaxPods - 1 - 2;
        for (int i = 0; left > 0; ++i, left -= perDeployment)
            text += "---\n" + deployment("big" + std::to_string(i), std::min(left, perDeployment));
    }
    manifest::LoadResult loaded = manifest::loadText(text, "setup.yaml");
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.diagnostics)));
    QVERIFY(simulation.apply(loaded.documents).ok);
}

struct Outcome {
    std::vector<manifest::Diagnostic> diagnostics;
    std::string error;  // a command's error
};

Outcome applyText(Simulation &simulation, const std::string &text)
{
    manifest::LoadResult loaded = manifest::loadText(text, "hostile.yaml");
    if (!loaded.ok())
        return {loaded.diagnostics, {}};
    return {simulation.apply(loaded.documents).diagnostics, {}};
}

Outcome applyFile(Simulation &simulation, const std::string &text)
{
    const fs::path file = fs::temp_directory_path() / "kubesim-limits-hostile.yaml";
    std::ofstream(file, std::ios::binary) << text;
    manifest::LoadResult loaded = manifest::loadPaths({file.string()});
    fs::remove(file);
    for (manifest::Diagnostic &d : loaded.diagnostics)
        d.location.file = fs::path(d.location.file).filename().string();
    if (!loaded.ok())
        return {loaded.diagnostics, {}};
    return {simulation.apply(loaded.documents).diagnostics, {}};
}

Outcome parseScenario(const std::string &text)
{
    return {scenario::ScenarioParser::parseText(text, fs::temp_directory_path(), "scenario.yaml").diagnostics, {}};
}

const std::string kScenarioHead = "title: T\nsummary: S\nlevel: beginner\nsteps:\n- title: A\n  text: B\n  actions:\n";

} // namespace

class TestLimits : public QObject {
    Q_OBJECT

private slots:
    void hostileInput_data();
    void hostileInput();
    void withinLimitsIsAccepted_data();
    void withinLimitsIsAccepted();
};

void TestLimits::hostileInput_data()
{
    QTest::addColumn<QString>("how");  // apply (text), file (apply -f), scale (web to `input` replicas), scenario, console
    QTest::addColumn<bool>("full");           // the cluster starts one pod below the pod limit
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("where");       // the error's location ("" for a command's error)
    QTest::addColumn<QString>("error");       // part of the error text

    const QString bytes = QString::number(limits::kMaxInputBytes);
    const std::string huge = kConfigMapHead + "data:\n  big: " + std::string(limits::kMaxInputBytes, 'x') + "\n";
    QTest::newRow("document size") << "apply" << false << QByteArray::fromStdString(huge) << "hostile.yaml"
                                   << "the input is larger than " + bytes + " bytes (32 MiB)";
    QTest::newRow("file size") << "file" << false << QByteArray::fromStdString(huge) << "kubesim-limits-hostile.yaml"
                               << "the input is larger than " + bytes + " bytes (32 MiB)";
    // Depth 1 is the top map, 2 the data value (its first '['): the 65th level is the 64th '['.
    QTest::newRow("nesting depth") << "apply" << false << QByteArray::fromStdString(nested(200))
                                   << "hostile.yaml:5:" + QString::number(7 + limits::kMaxNestingDepth - 1)
                                   << "yaml: the document nests deeper than 64 levels";
    QTest::newRow("nesting depth in JSON") << "apply" << false
                                           << QByteArray("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"data\": ") +
                                                  QByteArray(100, '[') + QByteArray(100, ']') + "}\n"
                                           << "hostile.yaml:2:" + QString::number(10 + limits::kMaxNestingDepth - 1)
                                           << "yaml: the document nests deeper than 64 levels";
    QTest::newRow("alias expansion") << "apply" << false << QByteArray::fromStdString(billionLaughs())
                                     << "hostile.yaml:5:13" << "yaml: the document expands to more than 100000 nodes";
    QTest::newRow("objects per apply")
        << "apply" << false << QByteArray::fromStdString(configMaps(limits::kMaxObjectsPerApply + 1))
        << "hostile.yaml:" + QString::number(4 * limits::kMaxObjectsPerApply + 1) + ":1"
        << "Too many: 20001 objects in one apply: must have at most 20000";
    QTest::newRow("replicas per workload") << "apply" << false
                                           << QByteArray::fromStdString(deployment("api", limits::kMaxReplicas + 1))
                                           << "hostile.yaml:6:3"
                                           << "spec.replicas: Invalid value: 1001: must be less than or equal to 1000";
    QTest::newRow("replicas by scale") << "scale" << false << QByteArray("1001") << ""
                                       << "The Deployment \"web\" is invalid: spec.replicas: Invalid value: 1001: "
                                          "must be less than or equal to 1000 (kubesim's limit)";
    QTest::newRow("total pods by apply") << "apply" << true << QByteArray::fromStdString(deployment("api", 2))
                                         << "hostile.yaml:6:3"
                                         << "spec.replicas: Forbidden: the cluster would run 150001 pods: kubesim runs at most 150000";
    QTest::newRow("total pods by a bare pod")
        << "apply" << true
        << QByteArray("apiVersion: v1\nkind: Pod\nmetadata: {name: one}\nspec:\n  containers: [{name: a, image: b}]\n"
                      "---\napiVersion: v1\nkind: Pod\nmetadata: {name: two}\nspec:\n  containers: [{name: a, image: b}]\n")
        << "hostile.yaml:3:12" << "metadata.name: Forbidden: the cluster would run 150001 pods";
    QTest::newRow("total pods by scale") << "scale" << true << QByteArray("4") << ""
                                         << "The Deployment \"web\" is invalid: spec.replicas: Forbidden: the cluster "
                                            "would run 150001 pods: kubesim runs at most 150000";
    QTest::newRow("label value size") << "apply" << false
                                      << QByteArray::fromStdString(labelled("app", std::string(64, 'v')))
                                      << "hostile.yaml:6:5" << "metadata.labels: Invalid value: \"" + QString(64, 'v') + "\": must be no more than 63 characters";
    QTest::newRow("label key size") << "apply" << false
                                    << QByteArray::fromStdString(labelled(std::string(64, 'k'), "v"))
                                    << "hostile.yaml:6:5" << "name part must be no more than 63 characters";
    QTest::newRow("label key prefix size")
        << "apply" << false << QByteArray::fromStdString(labelled(std::string(254, 'p') + "/k", "v"))
        << "hostile.yaml:6:5" << "prefix part must be no more than 253 characters";
    QTest::newRow("annotation size")
        << "apply" << false
        << QByteArray::fromStdString(kConfigMapHead + "  annotations:\n    a: " + std::string(256 * 1024, 'a') + "\n")
        << "hostile.yaml:5:3" << "metadata.annotations: Too long: must have at most 262144 bytes";
    QTest::newRow("generator rate") << "scenario" << false
                                    << QByteArray::fromStdString(kScenarioHead + "  - startTraffic: {name: l, url: /, rate: 10001}\n")
                                    << "scenario.yaml:8:43" << "steps[0].actions[0].startTraffic.rate: must be between 0.001 and 10000, got 10001";
    QTest::newRow("generator rate by command") << "console" << false << QByteArray("traffic --rate 10001 http://web/") << ""
                                               << "error: invalid argument \"10001\" for \"--rate\" flag: expected a "
                                                  "positive number, at most 10000";
    QTest::newRow("requests of one traffic run") << "console" << false << QByteArray("traffic --requests 1000001 http://web/")
                                                 << "" << "for \"--requests\" flag: expected 1 to 1000000";
    QTest::newRow("duration of one traffic run") << "console" << false << QByteArray("traffic --duration 61m http://web/")
                                                 << "" << "for \"--duration\" flag: expected a duration such as 30s or 5m, at most 1h";
    QTest::newRow("replicas by command") << "console" << false << QByteArray("scale deployment/web --replicas=1001") << ""
                                         << "must be less than or equal to 1000 (kubesim's limit)";
    QTest::newRow("replicas in a lesson") << "scenario" << false
                                          << QByteArray::fromStdString(kScenarioHead + "  - scale: {deployment: web, replicas: 1001}\n")
                                          << "scenario.yaml:8:40" << "steps[0].actions[0].scale.replicas: must be between 0 and 1000, got 1001";
    QTest::newRow("scenario size") << "scenario" << false
                                   << QByteArray::fromStdString(kScenarioHead + "# " + std::string(1 << 20, 'x') + "\n")
                                   << "scenario.yaml" << "at most 1048576";
}

void TestLimits::hostileInput()
{
    QFETCH(QString, how);
    QFETCH(bool, full);
    QFETCH(QByteArray, input);
    QFETCH(QString, where);
    QFETCH(QString, error);

    Simulation simulation;
    setUp(simulation, full);
    const std::uint64_t before = simulation.store().resourceVersion();
    const std::size_t deployments = simulation.store().count(api::Kind::Deployment);

    const std::string text = input.toStdString();
    Outcome outcome;
    if (how == "apply")
        outcome = applyText(simulation, text);
    else if (how == "file")
        outcome = applyFile(simulation, text);
    else if (how == "scenario")
        outcome = parseScenario(text);
    else if (how == "console") {
        console::Console console(simulation);
        console::CommandResult result = console.execute(text);
        QVERIFY(!result.isSuccess());
        outcome.error = result.err;
    }
    else {
        CommandResult scaled = simulation.scale(api::Kind::Deployment, "default", "web", std::stoi(text));
        QVERIFY(!scaled.ok);
        outcome.error = scaled.error;
    }

    const QString all = QString::fromStdString(outcome.error) + describe(outcome.diagnostics);
    bool found = where.isEmpty() && all.contains(error);
    for (const manifest::Diagnostic &d : outcome.diagnostics) {
        const QString location = QString::fromStdString(d.location.toString());
        const bool locationMatches = where.endsWith(':') ? location.startsWith(where) : location == where;
        found = found || (d.isError() && locationMatches && QString::fromStdString(d.toString()).contains(error));
    }
    QVERIFY2(found, qPrintable("expected at " + where + ": " + error + "\ngot:\n" + all.left(2000)));
    QCOMPARE(simulation.store().resourceVersion(), before);
    QCOMPARE(simulation.store().count(api::Kind::Deployment), deployments);
}

// The same shapes one step inside each limit pass it: the limits refuse only what crosses them.
void TestLimits::withinLimitsIsAccepted_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("limitError");  // the text the limit's error would carry
    QTest::addColumn<bool>("applies");        // a valid manifest besides: it must apply

    // Nested sequences are no valid ConfigMap data: the decoder refuses them, the depth limit does not.
    QTest::newRow("nesting depth") << QByteArray::fromStdString(nested(limits::kMaxNestingDepth - 1)) << "nests deeper" << false;
    QTest::newRow("aliases") << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n"
                                           "  selector: {matchLabels: &l {app: api}}\n  template:\n    metadata: {labels: *l}\n"
                                           "    spec: {containers: [{name: a, image: b}]}\n")
                             << "expands to more" << true;
    QTest::newRow("objects per apply") << QByteArray::fromStdString(configMaps(limits::kMaxObjectsPerApply))
                                       << "Too many" << true;
    QTest::newRow("replicas per workload") << QByteArray::fromStdString(deployment("api", limits::kMaxReplicas))
                                           << "less than or equal" << true;
    QTest::newRow("label value size") << QByteArray::fromStdString(labelled("app", std::string(63, 'v')))
                                      << "no more than" << true;
}

void TestLimits::withinLimitsIsAccepted()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, limitError);
    QFETCH(bool, applies);
    Simulation simulation;
    manifest::LoadResult loaded = manifest::loadText(input.toStdString(), "fine.yaml");
    std::vector<manifest::Diagnostic> diagnostics = loaded.diagnostics;
    if (loaded.ok()) {
        ApplyResult applied = simulation.apply(loaded.documents);
        diagnostics.insert(diagnostics.end(), applied.diagnostics.begin(), applied.diagnostics.end());
        QCOMPARE(applied.ok, applies);
    }
    QCOMPARE(loaded.ok(), applies);
    for (const manifest::Diagnostic &d : diagnostics)
        QVERIFY2(!QString::fromStdString(d.toString()).contains(limitError), d.toString().c_str());
}

QTEST_GUILESS_MAIN(TestLimits)
#include "test_limits.moc"
