// Runs the built kubesim executable on tests/data/cli and checks its output and exit codes.

#include "../common/kubesimprocess.h"

#include <QRegularExpression>
#include <QtTest>

namespace {

const QString kData = QStringLiteral(KUBESIM_TEST_DATA "/cli/");

using kubesimtest::kubesim;
using kubesimtest::Run;

QStringList expand(const QStringList &args)
{
    QStringList out;
    for (QString a : args)
        out << a.replace("DATA/", kData);
    return out;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void commands_data();
    void commands();
    void stdinIsReadOnce();
    void sameSeedSameOutput();
    void withoutDisplayRunsHeadless_data();
    void withoutDisplayRunsHeadless();
};

void TestCli::commands_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");  // a regular expression the whole of stdout must match
    QTest::addColumn<QString>("err");  // a regular expression the whole of stderr must match

    QTest::newRow("version") << QStringList{"--version"} << 0 << R"(kubesim \d+\.\d+\.\d+ .*\n)" << "";
    QTest::newRow("help") << QStringList{"--help"} << 0 << R"((?s)kubesim: .*Exit codes: 0 success, 1 invalid input.*)" << "";
    QTest::newRow("apply prints what it created")
        << QStringList{"apply", "-f", "DATA/web.yaml"} << 0
        << "deployment.apps/web created\nservice/web created\n" << "";
    QTest::newRow("get deployment after settling")
        << QStringList{"get", "-f", "DATA/web.yaml", "deploy"} << 0
        << R"(NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           \d+s\n)" << "";
    QTest::newRow("get pods after settling")
        << QStringList{"get", "-f", "DATA/web.yaml", "pods"} << 0
        << R"(NAME +READY +STATUS +RESTARTS +AGE\n(web-[a-z0-9]{8,10}-[a-z0-9]{5} +1/1 +Running +0 +\d+s\n){3})" << "";
    QTest::newRow("get pods at one second")
        << QStringList{"get", "-f", "DATA/web.yaml", "pods", "--at", "1s"} << 0
        << R"(NAME +READY +STATUS +RESTARTS +AGE\n(web-\S+ +0/1 +(Pending|ContainerCreating) +0 +[01]s\n){3})" << "";
    QTest::newRow("get without type shows the files' objects")
        << QStringList{"get", "-f", "DATA/web.yaml", "-o", "name"} << 0 << "deployment.apps/web\nservice/web\n" << "";
    QTest::newRow("get service wide")
        << QStringList{"get", "-f", "DATA/web.yaml", "svc/web", "-o", "wide"} << 0
        << R"(NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE +SELECTOR\nweb +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +80/TCP +\d+s +app=web\n)"
        << "";
    QTest::newRow("get yaml of one object")
        << QStringList{"get", "-f", "DATA/web.yaml", "deploy", "web", "-o", "yaml"} << 0
        << R"((?s)apiVersion: apps/v1\nkind: Deployment\n.*\nstatus:\n.*readyReplicas: 3\n.*)" << "";
    QTest::newRow("get json list")
        << QStringList{"get", "-f", "DATA/web.yaml", "svc", "-o", "json"} << 0
        << R"((?s)\{\n    "apiVersion": "v1",\n    "items": \[\n.*"kind": "List".*)" << "";
    QTest::newRow("get all")
        << QStringList{"get", "-f", "DATA/web.yaml", "all"} << 0
        << R"((?s)NAME +READY +STATUS +RESTARTS +AGE\npod/web-.*\n\nNAME +TYPE .*\nservice/web .*\n\nNAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndeployment\.apps/web +3/3 .*\n\nNAME +DESIRED +CURRENT +READY +AGE\nreplicaset\.apps/web-\S+ +3 +3 +3 .*\n)"
        << "";
    QTest::newRow("not found")
        << QStringList{"get", "-f", "DATA/web.yaml", "deploy", "api"} << 1 << ""
        << "Error from server \\(NotFound\\): deployments.apps \"api\" not found\n";
    QTest::newRow("nothing found")
        << QStringList{"get", "-f", "DATA/web.yaml", "ingress"} << 0 << "" << "No resources found in default namespace.\n";
    QTest::newRow("unknown type")
        << QStringList{"get", "-f", "DATA/web.yaml", "widgets"} << 1 << ""
        << "error: the server doesn't have a resource type \"widgets\"\n";
    QTest::newRow("describe deployment")
        << QStringList{"describe", "-f", "DATA/web.yaml", "deploy", "web"} << 0
        << R"((?s)Name: +web\nNamespace: +default\n.*Replicas: +3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable\nStrategyType: +RollingUpdate\n.*Events:\n  Type +Reason +Age +From +Message\n.*ScalingReplicaSet.*)"
        << "";
    QTest::newRow("events")
        << QStringList{"events", "-f", "DATA/web.yaml"} << 0
        << R"((?s)LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n.*Normal +ScalingReplicaSet +Deployment/web .*Normal +Started +Pod/web-.*)"
        << "";
    QTest::newRow("scale after settling")
        << QStringList{"scale", "-f", "DATA/web.yaml", "deploy/web", "--replicas=5"} << 0 << "deployment.apps/web scaled\n" << "";
    QTest::newRow("rollout status runs the rollout")
        << QStringList{"rollout", "-f", "DATA/web.yaml", "status", "deploy/web"} << 0
        << "deployment \"web\" successfully rolled out\n" << "";
    QTest::newRow("lint valid") << QStringList{"lint", "-f", "DATA/web.yaml"} << 0 << "2 objects are valid\n" << "";
    QTest::newRow("lint lists every error")
        << QStringList{"lint", "-f", "DATA/broken.yaml"} << 1 << ""
        << R"((?s).*broken\.yaml:\d+:\d+: error: spec\.template\.metadata\.labels: .*\n.*broken\.yaml:\d+:\d+: error: spec\.rules\[0\]\.http\.paths\[0\]\.pathType: .*\n2 errors found\n)";
    QTest::newRow("apply of an invalid batch changes nothing")
        << QStringList{"apply", "-f", "DATA/web.yaml", "-f", "DATA/broken.yaml"} << 1 << "" << R"((?s).*broken\.yaml:\d+:\d+: error: .*)";
    QTest::newRow("unknown field is a warning")
        << QStringList{"apply", "-f", "DATA/unknown-field.yaml"} << 0 << "configmap/settings created\n"
        << R"(.*unknown-field\.yaml:\d+:\d+: warning: .*colour.*\n)";
    QTest::newRow("missing file") << QStringList{"apply", "-f", "DATA/absent.yaml"} << 1 << "" << R"((?s).*absent\.yaml.*\n)";
    QTest::newRow("unknown verb") << QStringList{"frobnicate"} << 2 << ""
                                  << "error: unknown command \"frobnicate\" for \"kubectl\"\nRun 'kubectl --help' for usage.\n";
    QTest::newRow("unknown flag") << QStringList{"get", "pods", "--colour"} << 2 << ""
                                  << "error: unknown flag: --colour\nSee 'kubectl get --help' for usage.\n";
    QTest::newRow("bad seed") << QStringList{"get", "pods", "--seed", "x"} << 2 << ""
                              << "error: invalid argument \"x\" for \"--seed\" flag: expected a non-negative integer\n"
                                 "See 'kubesim --help' for usage.\n";
    QTest::newRow("bad at") << QStringList{"get", "pods", "--at=soon"} << 2 << ""
                            << "error: invalid argument \"soon\" for \"--at\" flag: expected a duration such as 5s, 2m, "
                               "1h30m\nSee 'kubesim --help' for usage.\n";
    QTest::newRow("flag without value") << QStringList{"get", "pods", "-f"} << 2 << ""
                                        << "error: flag needs an argument: -f\nSee 'kubesim --help' for usage.\n";
    QTest::newRow("default scenario headless")
        << QStringList{"--seed", "1"} << 0
        << R"((?s).*gatewayclass\.gateway\.networking\.k8s\.io/kubesim created\n.*deployment\.apps/app-v1 +3/3 .*deployment\.apps/app-v2 +1/1 .*\$ kubectl get gateways\nNAME +CLASS +ADDRESS +PROGRAMMED +AGE\nweb +kubesim .*\$ kubectl get httproutes\nNAME +HOSTNAMES +AGE\napp +\d+s\n\n)"
        << "";
}

void TestCli::commands()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);
    Run run = kubesim(expand(args));
    const QRegularExpression outPattern(QRegularExpression::anchoredPattern(out));
    const QRegularExpression errPattern(QRegularExpression::anchoredPattern(err));
    QVERIFY2(errPattern.match(run.err).hasMatch(), qPrintable("stderr was:\n" + run.err));
    QVERIFY2(outPattern.match(run.out).hasMatch(), qPrintable("stdout was:\n" + run.out));
    QCOMPARE(run.exitCode, exitCode);
}

void TestCli::stdinIsReadOnce()
{
    QFile file(kData + "web.yaml");
    QVERIFY(file.open(QIODevice::ReadOnly));
    Run run = kubesim({"get", "-f", "-", "-o", "name"}, file.readAll());
    QCOMPARE(run.err, QString());
    QCOMPARE(run.out, QString("deployment.apps/web\nservice/web\n"));
    QCOMPARE(run.exitCode, 0);
}

void TestCli::sameSeedSameOutput()
{
    const QStringList args = expand({"get", "-f", "DATA/web.yaml", "pods", "-o", "yaml", "--seed", "7"});
    Run first = kubesim(args);
    Run second = kubesim(args);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.out, second.out);
    Run other = kubesim(expand({"get", "-f", "DATA/web.yaml", "pods", "-o", "name", "--seed", "8"}));
    Run seven = kubesim(expand({"get", "-f", "DATA/web.yaml", "pods", "-o", "name", "--seed", "7"}));
    QVERIFY(other.out != seven.out);
}

void TestCli::withoutDisplayRunsHeadless_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("firstLine");
    QTest::addColumn<QString>("rest");  // a regular expression the rest of stdout must match
    QTest::addColumn<int>("minimumMs"); // wall time it must take at least

    const QString figures = R"(t=\d\d:\d\d +\d+ req/s  default/app-v1 \d+\.\d %  default/app-v2 \d+\.\d %  p50 \d+\.\d ms  p99 \d+\.\d ms  0 errors\n)";
    QTest::newRow("default lesson, live figures for 5 s")
        << QStringList{}
        << "kubesim: no display (DISPLAY and WAYLAND_DISPLAY are unset), so no window; running headless for 5 s:"
        << QString("(%1){5}").arg(figures) << 4500;
    QTest::newRow("a lesson folder plays headless")
        << QStringList{KUBESIM_SOURCE_DIR "/scenarios/10-blue-green"}
        << "kubesim: no display (DISPLAY and WAYLAND_DISPLAY are unset), so no window; playing the lesson headless:"
        << R"((?s)Scenario: Blue-green: .*STEP +CHECK +EXPECTED +OBSERVED +RESULT\n.*\d+ checks, 0 failed: PASS\n)" << 0;
}

void TestCli::withoutDisplayRunsHeadless()
{
    QFETCH(QStringList, args);
    QFETCH(QString, firstLine);
    QFETCH(QString, rest);
    QFETCH(int, minimumMs);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(name);
    QElapsedTimer wall;
    wall.start();
    const Run run = kubesim(args, {}, environment);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    const qsizetype newline = run.out.indexOf('\n');
    QCOMPARE(run.out.left(newline), firstLine);
    QVERIFY2(QRegularExpression(QRegularExpression::anchoredPattern(rest)).match(run.out.mid(newline + 1)).hasMatch(),
             qPrintable(run.out));
    QVERIFY(wall.elapsed() >= minimumMs);
}

QTEST_APPLESS_MAIN(TestCli)
#include "test_cli.moc"
