// The command language: tokenising, flag parsing, selectors, resource arguments, and each verb's
// output and exit code against a cluster built by hand.

#include "sim/console/console.h"
#include "sim/console/flagset.h"
#include "sim/console/resourceargs.h"
#include "sim/console/selectorparser.h"
#include "sim/console/tokenizer.h"
#include "sim/simulation.h"

#include <QtTest>

using namespace sim;
using api::Kind;

namespace {

QStringList toQt(const std::vector<std::string> &words)
{
    QStringList out;
    for (const std::string &w : words)
        out << QString::fromStdString(w);
    return out;
}

api::Object named(Kind kind, const std::string &name, const std::string &ns = "default")
{
    api::Object o = api::makeObject(kind);
    o.metadata.name = name;
    o.metadata.namespace_ = o.info().namespaced ? ns : "";
    return o;
}

api::Object readyPod(const std::string &name, const api::Labels &labels, const std::string &ns = "default")
{
    api::Object o = named(Kind::Pod, name, ns);
    o.metadata.labels = labels;
    api::Pod &pod = o.as<api::Pod>();
    pod.spec.edit().containers.resize(1);
    pod.spec.edit().containers[0].name = "app";
    pod.spec.edit().containers[0].image = "nginx:1.25";
    pod.status.phase = "Running";
    api::ContainerStatus cs;
    cs.name = "app";
    cs.state = "running";
    cs.ready = true;
    pod.status.containerStatuses = {cs};
    pod.status.conditions = {api::Condition{"Ready", "True", "", "", 0, 0}};
    return o;
}

// A cluster with two pods in default, one in shop, a Deployment and a Service, created at time 0 and
// read at time 0 (the engine does not run, so no controller reacts to these hand-made objects).
void populate(Simulation &sim)
{
    store::Store &store = sim.store();
    store.create(named(Kind::Namespace, "shop"));
    store.create(readyPod("web-1", {{"app", "web"}, {"version", "v1"}}));
    store.create(readyPod("web-2", {{"app", "web"}, {"version", "v2"}}));
    store.create(readyPod("cart-1", {{"app", "cart"}}, "shop"));
    api::Object d = named(Kind::Deployment, "web");
    d.as<api::Deployment>().spec.replicas = 2;
    d.as<api::Deployment>().spec.selector.matchLabels = {{"app", "web"}};
    d.as<api::Deployment>().status.readyReplicas = 2;
    d.as<api::Deployment>().status.updatedReplicas = 2;
    d.as<api::Deployment>().status.availableReplicas = 2;
    store.create(d);
    api::Object s = named(Kind::Service, "web");
    s.as<api::Service>().spec.clusterIP = "10.96.0.20";
    s.as<api::Service>().spec.ports = {api::ServicePort{"http", "TCP", "", 80, api::IntOrString::fromInt(8080), 0}};
    store.create(s);
}

} // namespace

class TestConsole : public QObject {
    Q_OBJECT

private slots:
    void tokenize_data();
    void tokenize();
    void flags_data();
    void flags();
    void selector_data();
    void selector();
    void resourceArgs_data();
    void resourceArgs();
    void commands_data();
    void commands();
    void helpListsEveryVerb();
};

void TestConsole::tokenize_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("error");
    QTest::newRow("plain") << "get pods -o wide" << QStringList{"get", "pods", "-o", "wide"} << "";
    QTest::newRow("extra blanks") << "  get \t pods  " << QStringList{"get", "pods"} << "";
    QTest::newRow("single quotes are literal") << "get pods -l 'app in (a, b)'"
                                               << QStringList{"get", "pods", "-l", "app in (a, b)"} << "";
    QTest::newRow("double quotes with escapes") << R"(curl -H "X-Say: \"hi\" \\o/" /)"
                                                << QStringList{"curl", "-H", R"(X-Say: "hi" \o/)", "/"} << "";
    QTest::newRow("backslash escapes a blank") << R"(a\ b c)" << QStringList{"a b", "c"} << "";
    QTest::newRow("quotes join a word") << R"(--x="a b"'c')" << QStringList{"--x=a bc"} << "";
    QTest::newRow("empty quoted word") << "set image ''" << QStringList{"set", "image", ""} << "";
    QTest::newRow("comment") << "get pods # all of them" << QStringList{"get", "pods"} << "";
    QTest::newRow("hash inside a word") << "a#b" << QStringList{"a#b"} << "";
    QTest::newRow("unterminated single") << "get 'pods" << QStringList{} << "unterminated single quote";
    QTest::newRow("unterminated double") << "get \"pods" << QStringList{} << "unterminated double quote";
}

void TestConsole::tokenize()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    QFETCH(QString, error);
    console::Tokens tokens = console::tokenize(line.toStdString());
    QCOMPARE(QString::fromStdString(tokens.error), error);
    if (error.isEmpty())
        QCOMPARE(toQt(tokens.words), words);
}

void TestConsole::flags_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");  // "positional|ns|output|all|files|replicas" or the error
    QTest::newRow("long with equals") << QStringList{"pods", "--namespace=shop"} << "pods|shop||false||0";
    QTest::newRow("long with space") << QStringList{"--output", "yaml", "pods"} << "pods||yaml|false||0";
    QTest::newRow("shorthand with space") << QStringList{"-n", "shop", "pods"} << "pods|shop||false||0";
    QTest::newRow("shorthand glued") << QStringList{"-nshop", "-owide"} << "|shop|wide|false||0";
    QTest::newRow("shorthand equals") << QStringList{"-n=shop"} << "|shop||false||0";
    QTest::newRow("grouped bools and value") << QStringList{"-Ao", "name"} << "||name|true||0";
    QTest::newRow("bool explicit false") << QStringList{"--all-namespaces=false"} << "|||false||0";
    QTest::newRow("repeated and comma lists") << QStringList{"-f", "a.yaml,b.yaml", "-f", "c"}
                                              << "|||false|a.yaml,b.yaml,c|0";
    QTest::newRow("int") << QStringList{"--replicas=5"} << "|||false||5";
    QTest::newRow("double dash ends flags") << QStringList{"--", "-n", "x"} << "-n,x|||false||0";
    QTest::newRow("stdin dash is positional") << QStringList{"-"} << "-|||false||0";
    QTest::newRow("unknown long") << QStringList{"--colour"} << "unknown flag: --colour";
    QTest::newRow("unknown shorthand") << QStringList{"-z"} << "unknown shorthand flag: 'z' in -z";
    QTest::newRow("missing value") << QStringList{"pods", "-n"} << "flag needs an argument: 'n' in -n";
    QTest::newRow("missing long value") << QStringList{"--output"} << "flag needs an argument: --output";
    QTest::newRow("bad int") << QStringList{"--replicas=three"}
                             << "invalid argument \"three\" for \"--replicas\" flag: strconv.ParseInt: parsing "
                                "\"three\": invalid syntax";
    QTest::newRow("bad bool") << QStringList{"--all-namespaces=maybe"}
                              << "invalid argument \"maybe\" for \"--all-namespaces\" flag: strconv.ParseBool: "
                                 "parsing \"maybe\": invalid syntax";
}

void TestConsole::flags()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    console::FlagSet set;
    set.addString("namespace", 'n', "NS", "");
    set.addString("output", 'o', "FORMAT", "");
    set.addBool("all-namespaces", 'A', "");
    set.addList("filename", 'f', "PATH", "");
    set.addInt("replicas", "N", "", "0");
    std::vector<std::string> words;
    for (const QString &a : args)
        words.push_back(a.toStdString());
    console::ParseOutcome parsed = set.parse(words);
    if (!parsed.ok()) {
        QCOMPARE(QString::fromStdString(parsed.error), expected);
        return;
    }
    const console::ParsedArgs &a = parsed.args;
    QString files = toQt(a.values("filename")).join(",");
    QString got = toQt(a.positional).join(",") + "|" + QString::fromStdString(a.value("namespace")) + "|" +
                  QString::fromStdString(a.value("output")) + "|" + (a.isSet("all-namespaces") ? "true" : "false") +
                  "|" + files + "|" + QString::number(a.intValue("replicas"));
    QCOMPARE(got, expected);
}

void TestConsole::selector_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("labels");   // "k=v,k=v" of the object to match
    QTest::addColumn<QString>("expected"); // "match", "no" or the error
    QTest::newRow("equals") << "app=web" << "app=web" << "match";
    QTest::newRow("double equals") << "app==web" << "app=web" << "match";
    QTest::newRow("equals other value") << "app=web" << "app=db" << "no";
    QTest::newRow("not equals matches absence") << "version!=v2" << "app=web" << "match";
    QTest::newRow("not equals") << "version!=v2" << "version=v2" << "no";
    QTest::newRow("in") << "version in (v1, v2)" << "version=v2" << "match";
    QTest::newRow("notin") << "version notin (v1,v2)" << "version=v3" << "match";
    QTest::newRow("exists") << "version" << "version=v1" << "match";
    QTest::newRow("does not exist") << "!version" << "version=v1" << "no";
    QTest::newRow("several") << "app=web,version in (v1),!canary" << "app=web,version=v1" << "match";
    QTest::newRow("empty requirement") << "app=web," << "" << "unable to parse requirement: empty requirement in \"app=web,\"";
    QTest::newRow("bad value") << "app=we b" << "" << "invalid label value: \"we b\"";
    QTest::newRow("bad operator") << "app within (a)" << "" << "unable to parse requirement: found 'within', expected: in, notin";
    QTest::newRow("unbalanced") << "app in (a" << "" << "unable to parse requirement: unbalanced parentheses in \"app in (a\"";
}

void TestConsole::selector()
{
    QFETCH(QString, text);
    QFETCH(QString, labels);
    QFETCH(QString, expected);
    console::SelectorParse parsed = console::parseSelector(text.toStdString());
    if (!parsed.ok()) {
        QCOMPARE(QString::fromStdString(parsed.error), expected);
        return;
    }
    api::Labels object;
    for (const QString &pair : labels.split(',', Qt::SkipEmptyParts))
        object[pair.section('=', 0, 0).toStdString()] = pair.section('=', 1).toStdString();
    QCOMPARE(QString(parsed.selector.matches(object) ? "match" : "no"), expected);
}

void TestConsole::resourceArgs_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");  // "Kind:name,name;Kind:..." [+multi] [+events], or the error
    QTest::newRow("plural") << QStringList{"pods"} << "Pod:";
    QTest::newRow("short names") << QStringList{"deploy", "web", "api"} << "Deployment:web,api";
    QTest::newRow("kind with group") << QStringList{"httproutes.gateway.networking.k8s.io"} << "HTTPRoute:";
    QTest::newRow("comma types share names") << QStringList{"svc,ing", "web"} << "Service:web;Ingress:web+multi";
    QTest::newRow("slash form") << QStringList{"deploy/web", "svc/web", "deploy/api"}
                                << "Deployment:web,api;Service:web+multi";
    QTest::newRow("all") << QStringList{"all"} << "Pod:;Service:;Deployment:;ReplicaSet:+multi";
    QTest::newRow("events") << QStringList{"ev"} << "+events";
    QTest::newRow("gateway short names") << QStringList{"gtw,gc"} << "Gateway:;GatewayClass:+multi";
    QTest::newRow("unknown type") << QStringList{"widgets"} << "error: the server doesn't have a resource type \"widgets\"";
    QTest::newRow("type then slash") << QStringList{"pods", "pod/web"}
                                     << "error: there is no need to specify a resource type as a separate argument "
                                        "when passing arguments in resource/name form (e.g. 'kubectl get "
                                        "resource/<resource_name>' instead of 'kubectl get resource "
                                        "resource/<resource_name>'";
    QTest::newRow("slash without name") << QStringList{"pod/"}
                                        << "error: arguments in resource/name form must have a single resource and name";
}

void TestConsole::resourceArgs()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    std::vector<std::string> words;
    for (const QString &a : args)
        words.push_back(a.toStdString());
    console::ResourceArgs parsed = console::parseResourceArgs(words);
    if (!parsed.ok()) {
        QCOMPARE(QString::fromStdString(parsed.error), expected);
        return;
    }
    QStringList parts;
    for (const console::ResourceRequest &r : parsed.requests)
        parts << QString::fromStdString(std::string(api::kindInfo(r.kind).name)) + ":" + toQt(r.names).join(",");
    QString got = parts.join(";") + (parsed.isMultiKind ? "+multi" : "") + (parsed.wantsEvents ? "+events" : "");
    QCOMPARE(got, expected);
}

void TestConsole::commands_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    QTest::newRow("get pods") << "kubectl get pods" << 0
                              << "NAME    READY   STATUS    RESTARTS   AGE\n"
                                 "web-1   1/1     Running   0          0s\n"
                                 "web-2   1/1     Running   0          0s\n"
                              << "";
    QTest::newRow("get by selector") << "get po -l version=v2 -o name" << 0 << "pod/web-2\n" << "";
    QTest::newRow("get in namespace") << "get pods -n shop --no-headers" << 0
                                      << "cart-1   1/1   Running   0     0s\n" << "";
    QTest::newRow("get all namespaces")
        << "get pods -A" << 0
        << "NAMESPACE   NAME     READY   STATUS    RESTARTS   AGE\n"
           "default     web-1    1/1     Running   0          0s\n"
           "default     web-2    1/1     Running   0          0s\n"
           "shop        cart-1   1/1     Running   0          0s\n"
        << "";
    QTest::newRow("get two kinds by slash")
        << "get deploy/web svc/web" << 0
        << "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n"
           "deployment.apps/web   2/2     2            2           0s\n"
           "\n"
           "NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n"
           "service/web   ClusterIP   10.96.0.20   <none>        80/TCP    0s\n"
        << "";
    QTest::newRow("get cluster-scoped ignores namespace") << "get ns -n shop -o name" << 0
        << "namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\nnamespace/shop\n" << "";
    QTest::newRow("nothing found") << "get ingresses" << 0 << "" << "No resources found in default namespace.\n";
    QTest::newRow("nothing found anywhere") << "get ing -A" << 0 << "" << "No resources found\n";
    QTest::newRow("not found") << "get deployment api" << 1 << ""
                               << "Error from server (NotFound): deployments.apps \"api\" not found\n";
    QTest::newRow("found and not found") << "get pods web-1 web-9 -o name" << 1 << "pod/web-1\n"
                                         << "Error from server (NotFound): pods \"web-9\" not found\n";
    QTest::newRow("unknown type") << "get widgets" << 1 << ""
                                  << "error: the server doesn't have a resource type \"widgets\"\n";
    QTest::newRow("no type") << "get" << 2 << ""
                             << "error: you must specify the type of resource to get. Use \"kubectl api-resources\" "
                                "for a complete list of supported resources.\n";
    QTest::newRow("unknown flag") << "get pods --colour" << 2 << ""
                                  << "error: unknown flag: --colour\nSee 'kubectl get --help' for usage.\n";
    QTest::newRow("unknown output") << "get pods -o table" << 2 << ""
                                    << "error: unable to match a printer suitable for the output format \"table\", "
                                       "allowed formats are: json,name,wide,yaml\nSee 'kubectl get --help' for usage.\n";
    QTest::newRow("name across namespaces") << "get pod web-1 -A" << 2 << ""
                                            << "error: a resource cannot be retrieved by name across all namespaces\n"
                                               "See 'kubectl get --help' for usage.\n";
    QTest::newRow("bad selector") << "get pods -l 'a in (b'" << 2 << ""
                                  << "error: unable to parse requirement: unbalanced parentheses in \"a in (b\"\n"
                                     "See 'kubectl get --help' for usage.\n";
    QTest::newRow("unknown verb") << "kubectl frobnicate" << 2 << ""
                                  << "error: unknown command \"frobnicate\" for \"kubectl\"\n"
                                     "Run 'kubectl --help' for usage.\n";
    QTest::newRow("bad quoting") << "get 'pods" << 2 << "" << "error: unterminated single quote\n";
    QTest::newRow("empty line") << "   " << 0 << "" << "";
    QTest::newRow("scale needs replicas") << "scale deploy/web" << 2 << ""
                                          << "error: required flag(s) \"replicas\" not set\n"
                                             "See 'kubectl scale --help' for usage.\n";
    QTest::newRow("scale negative") << "scale deploy/web --replicas=-1" << 2 << ""
                                    << "error: The --replicas=COUNT flag is required, and COUNT must be greater than "
                                       "or equal to 0\nSee 'kubectl scale --help' for usage.\n";
    QTest::newRow("apply needs a file") << "apply" << 2 << ""
                                        << "error: must specify one of -f and -k\nSee 'kubectl apply --help' for usage.\n";
    QTest::newRow("rollout needs a subcommand") << "rollout deploy/web" << 2 << ""
                                                << "error: unknown command \"deploy/web\" for \"kubectl rollout\"\n"
                                                   "See 'kubectl rollout --help' for usage.\n";
    QTest::newRow("delete needs a name") << "delete pods" << 2 << ""
                                         << "error: resource(s) were provided, but no name was specified\n"
                                            "See 'kubectl delete --help' for usage.\n";
    QTest::newRow("delete a system namespace") << "delete ns kube-public" << 1 << ""
                                               << "Error from server (Forbidden): namespaces \"kube-public\" is forbidden: this namespace "
                                                  "may not be deleted\n";
    QTest::newRow("events for a missing type") << "events --for widget/x" << 1 << ""
                                               << "error: the server doesn't have a resource type \"widget\"\n";
    QTest::newRow("no events") << "events" << 0 << "" << "No events found in default namespace.\n";
}

void TestConsole::commands()
{
    QFETCH(QString, line);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);
    Simulation sim;
    populate(sim);
    console::Console console(sim);
    console::CommandResult result = console.execute(line.toStdString());
    QCOMPARE(QString::fromStdString(result.err), err);
    QCOMPARE(QString::fromStdString(result.out), out);
    QCOMPARE(result.exitCode, exitCode);
}

void TestConsole::helpListsEveryVerb()
{
    Simulation sim;
    console::Console console(sim);
    console::CommandResult help = console.execute("--help");
    QCOMPARE(help.exitCode, 0);
    for (const console::Command *command : console.commands().commands()) {
        QVERIFY2(help.out.find("  " + command->name() + " ") != std::string::npos, command->name().c_str());
        console::CommandResult verbHelp = console.execute(command->name() + " --help");
        QCOMPARE(verbHelp.exitCode, 0);
        QVERIFY(verbHelp.out.find("Usage:\n  kubectl " + command->usage()) != std::string::npos);
        QVERIFY(verbHelp.out.find("-n, --namespace=NS") != std::string::npos);
    }
    QCOMPARE(console.execute("version").out, console::versionText());
}

QTEST_APPLESS_MAIN(TestConsole)
#include "test_console.moc"
