// `kubesim run SCENARIO`: runs the built executable on built-in lessons and on the scenarios of
// tests/data/run, and checks exit codes, the report table, its JSON form and the trace file.

#include "../common/kubesimprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using kubesimtest::kubesim;
using kubesimtest::Run;

QStringList expand(const QStringList &args)
{
    QStringList out;
    for (QString a : args)
        out << a.replace("DATA/", KUBESIM_TEST_DATA "/run/").replace("LESSONS/", KUBESIM_SOURCE_DIR "/scenarios/");
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRun : public QObject {
    Q_OBJECT

private slots:
    void exitCodesAndReport_data();
    void exitCodesAndReport();
    void jsonShape_data();
    void jsonShape();
    void traceEqualsTheGoldenTrace_data();
    void traceEqualsTheGoldenTrace();
    void unwritableTraceIsAnError();
};

void TestRun::exitCodesAndReport_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");  // a regular expression the whole of stdout must match
    QTest::addColumn<QString>("err");  // a regular expression the whole of stderr must match

    const QString header = R"(STEP +CHECK +EXPECTED +OBSERVED +RESULT\n)";
    QTest::newRow("built-in lesson by name passes")
        << QStringList{"run", "09-canary-weights"} << 0
        << R"((?s)Scenario: Canary with weights: 90/10, 50/50, 0/100 \(.*09-canary-weights/scenario\.yaml, seed 909\)\n\n)"
           R"(STEP +TITLE\n1 +90/10 in plain fields\n2 +The split appears with numbers\n3 +Half and half\n4 +All on v2\n\n)" +
               header +
               R"(1 +ten requests are too few to see 10 % +.*PASS\n.*3 +task: about half on v2 over the last 30 seconds +.*PASS\n.*\n)"
               R"(\n7 checks, 0 failed: PASS\n)"
        << "";
    QTest::newRow("lesson folder passes")
        << QStringList{"run", "LESSONS/02-service-endpoints"} << 0 << R"((?s)Scenario: .*\n\d+ checks, 0 failed: PASS\n)" << "";
    QTest::newRow("scenario.yaml itself")
        << QStringList{"run", "LESSONS/10-blue-green/scenario.yaml"} << 0 << R"((?s)Scenario: .*: PASS\n)" << "";
    QTest::newRow("a failing check fails the run")
        << QStringList{"run", "DATA/failing-check"} << 1
        << R"((?s)Scenario: A check that fails \(.*failing-check/scenario\.yaml, seed 3\)\n\nSTEP +TITLE\n1 +Three replicas\n\n)" + header +
               R"(1 +three pods ready +exactly 3 ready pods in default with app=web +3 ready of 3 matching pods +PASS\n)"
               R"(1 +five pods ready +exactly 5 ready pods in default with app=web +3 ready of 3 matching pods +FAIL\n)"
               R"(\n2 checks, 1 failed: FAIL\n)"
        << "";
    QTest::newRow("--seed overrides the scenario's seed")
        << QStringList{"run", "DATA/failing-check", "--seed", "42"} << 1 << R"((?s)Scenario: A check that fails \(.*, seed 42\)\n.*)" << "";
    QTest::newRow("help") << QStringList{"run", "--help"} << 0 << R"((?s)Play a lesson headless.*Usage:\n  kubesim run SCENARIO .*)" << "";

    QTest::newRow("missing scenario") << QStringList{"run", "DATA/absent"} << 1 << ""
                                      << R"(error: no scenario folder ".*absent" and no built-in lesson of that name \(built-in: 01-loadbalancer-per-service, .*13-ingress-to-gateway\)\n)";
    QTest::newRow("unknown lesson name") << QStringList{"run", "99-nothing"} << 1 << ""
                                         << R"(error: no scenario folder "99-nothing" and no built-in lesson of that name .*\n)";
    // scenarios/default/../09-canary-weights exists, but a lesson's name is one folder name, not a path.
    QTest::newRow("a lesson name cannot climb out") << QStringList{"run", "default/../09-canary-weights"} << 1 << ""
                                                    << R"(error: no scenario folder "default/\.\./09-canary-weights" .*\n)";
    QTest::newRow("a lesson name is not a path") << QStringList{"run", "./09-canary-weights"} << 1 << ""
                                                 << R"(error: no scenario folder "\./09-canary-weights" .*\n)";
    QTest::newRow("a folder without scenario.yaml") << QStringList{"run", "LESSONS/"} << 1 << ""
                                                    << R"(error: ".*/scenarios/" is not a scenario: a scenario is a folder holding scenario\.yaml\n)";
    QTest::newRow("a file outside the folder is refused")
        << QStringList{"run", "DATA/escape"} << 1 << ""
        << R"(.*escape/scenario\.yaml:8:17: error: steps\[0\]\.actions\[0\]\.apply\[0\]: "\.\." in "\.\./failing-check/web\.yaml" is not allowed: a scenario may only use files inside its own folder\n)";
    QTest::newRow("an absolute path is refused")
        << QStringList{"run", "DATA/absolute"} << 1 << ""
        << R"(.*absolute/scenario\.yaml:8:17: error: steps\[0\]\.actions\[0\]\.apply\[0\]: absolute path "/etc/hostname" is not allowed: .*\n)";
    QTest::newRow("a bad field points at file:line:column")
        << QStringList{"run", "DATA/unknown-field"} << 1 << ""
        << R"((?s).*unknown-field/scenario\.yaml:7:5: error: steps\[0\]\.chekcs: .*)";

    QTest::newRow("no scenario") << QStringList{"run"} << 2 << ""
                                 << "error: run needs a SCENARIO \\(a folder or a built-in lesson's name\\)\nSee 'kubesim run --help' for usage.\n";
    QTest::newRow("two scenarios") << QStringList{"run", "09-canary-weights", "10-blue-green"} << 2 << ""
                                   << "error: run takes one SCENARIO, got 2\nSee 'kubesim run --help' for usage.\n";
    QTest::newRow("unknown output format") << QStringList{"run", "09-canary-weights", "-o", "yaml"} << 2 << ""
                                           << "error: invalid output format \"yaml\": expected text or json\nSee 'kubesim run --help' for usage.\n";
    QTest::newRow("unknown flag") << QStringList{"run", "09-canary-weights", "--fast"} << 2 << ""
                                  << "error: unknown flag: --fast\nSee 'kubesim run --help' for usage.\n";
    QTest::newRow("-f is not run's") << QStringList{"run", "-f", "x.yaml"} << 2 << ""
                                     << "error: unknown shorthand flag: 'f' in -f\nSee 'kubesim run --help' for usage.\n";
    QTest::newRow("--at does not apply") << QStringList{"run", "09-canary-weights", "--at", "5s"} << 2 << ""
                                         << "error: --at does not apply to run: .*\nSee 'kubesim run --help' for usage.\n";
    QTest::newRow("bad seed") << QStringList{"run", "09-canary-weights", "--seed", "-3"} << 2 << ""
                              << "error: invalid argument \"-3\" for \"--seed\" flag: expected a non-negative integer\n"
                                 "See 'kubesim --help' for usage.\n";
    QTest::newRow("trace without a file") << QStringList{"run", "09-canary-weights", "--trace"} << 2 << ""
                                          << "error: flag needs an argument: --trace\nSee 'kubesim run --help' for usage.\n";
}

void TestRun::exitCodesAndReport()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);
    const Run run = kubesim(expand(args));
    QVERIFY2(QRegularExpression(QRegularExpression::anchoredPattern(err)).match(run.err).hasMatch(),
             qPrintable("stderr was:\n" + run.err));
    QVERIFY2(QRegularExpression(QRegularExpression::anchoredPattern(out)).match(run.out).hasMatch(),
             qPrintable("stdout was:\n" + run.out));
    QCOMPARE(run.exitCode, exitCode);
}

void TestRun::jsonShape_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("failed");  // checks with passed: false
    QTest::addColumn<int>("tasks");   // checks of kind "task"
    QTest::newRow("passing lesson") << "09-canary-weights" << 0 << 4 << 0 << 4;
    QTest::newRow("failing check") << "DATA/failing-check" << 1 << 1 << 1 << 0;
}

void TestRun::jsonShape()
{
    QFETCH(QString, scenario);
    QFETCH(int, exitCode);
    QFETCH(int, steps);
    QFETCH(int, failed);
    QFETCH(int, tasks);
    const Run run = kubesim(expand({"run", scenario, "-o", "json"}));
    QCOMPARE(run.exitCode, exitCode);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + "\n" + run.out));
    const QJsonObject root = doc.object();
    for (const char *key : {"scenario", "file", "seed", "passed", "steps"})
        QVERIFY2(root.contains(key), key);
    QCOMPARE(root["passed"].toBool(), exitCode == 0);
    QVERIFY(root["seed"].isDouble());
    const QJsonArray stepList = root["steps"].toArray();
    QCOMPARE(stepList.size(), steps);
    int failedChecks = 0, taskChecks = 0;
    for (const QJsonValue &step : stepList) {
        QVERIFY(step["title"].isString());
        QVERIFY(step["passed"].isBool());
        QVERIFY(step["actionErrors"].isArray());
        for (const QJsonValue &check : step["checks"].toArray()) {
            for (const char *key : {"name", "kind", "expected", "observed"})
                QVERIFY2(check[key].isString() && !check[key].toString().isEmpty(), key);
            QVERIFY(check["kind"] == "step" || check["kind"] == "task");
            failedChecks += check["passed"].toBool() ? 0 : 1;
            taskChecks += check["kind"] == "task" ? 1 : 0;
        }
    }
    QCOMPARE(failedChecks, failed);
    QVERIFY(taskChecks >= tasks);
}

void TestRun::traceEqualsTheGoldenTrace_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::newRow("09-canary-weights") << "09-canary-weights";
    QTest::newRow("12-failure-recovery") << "12-failure-recovery";
}

void TestRun::traceEqualsTheGoldenTrace()
{
    QFETCH(QString, lesson);
    QTemporaryDir dir;
    const QString trace = dir.filePath("run.trace");
    const Run run = kubesim({"run", lesson, "--trace", trace});
    QCOMPARE(run.exitCode, 0);
    const QByteArray golden = readFile(KUBESIM_TEST_DATA "/lessons/" + lesson + ".trace");
    QVERIFY(!golden.isEmpty());
    QVERIFY(readFile(trace) == golden);
    // Each line is stamped with sim time.
    const QRegularExpression stamp(R"(^\[ *\d+\.\d{6}s\] )");
    for (const QByteArray &line : golden.split('\n'))
        QVERIFY2(line.isEmpty() || stamp.match(QString::fromUtf8(line)).hasMatch(), line.constData());
}

void TestRun::unwritableTraceIsAnError()
{
    // The lesson itself passes: the exit code is the trace's.
    const Run run = kubesim({"run", "10-blue-green", "--trace", "/nonexistent-dir/run.trace"});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QString("error: cannot write the trace to \"/nonexistent-dir/run.trace\"\n"));
    QVERIFY(run.out.endsWith(": PASS\n"));
}

QTEST_APPLESS_MAIN(TestRun)
#include "test_run.moc"
