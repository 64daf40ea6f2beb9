// Random operation sequences from fixed seeds, driven through the Simulation's command API, with the
// cluster's invariants checked after every step (docs/reliability.md). A failing sequence is shrunk to a
// short reproduction and printed. KUBESIM_PROPERTY_SEQUENCES and KUBESIM_PROPERTY_OPERATIONS set the size
// of a run (default 2,000 sequences of 50, about 20 s); KUBESIM_PROPERTY_SEED_BASE moves the seeds for long runs.
#include "sim/controllers/deploymentcontroller.h"
#include "sim/engine/randomstream.h"
#include "sim/manifest/loader.h"
#include "sim/metrics/shareinterval.h"
#include "sim/simulation.h"
#include "sim/traffic/routingtable.h"

#include <QtTest>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

using namespace sim;

namespace {

constexpr const char *kNamespace = "default";
const std::vector<std::string> kDeployments = {"app-v1", "app-v2"};

std::string deploymentYaml(const std::string &name, int replicas, int image, const std::string &surge,
                           const std::string &unavailable)
{
    const std::string version = name.substr(name.size() - 2);
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + "}\nspec:\n  replicas: " +
           std::to_string(replicas) + "\n  strategy: {rollingUpdate: {maxSurge: " + surge + ", maxUnavailable: " +
           unavailable + "}}\n  selector: {matchLabels: {app: app, version: " + version +
           "}}\n  template:\n    metadata: {labels: {app: app, version: " + version +
           "}}\n    spec:\n      containers:\n      - name: app\n        image: app:" + std::to_string(image) +
           "\n        ports: [{name: http, containerPort: 8080}]\n        readinessProbe: {httpGet: {path: /, port: http}, periodSeconds: 2}\n";
}

const std::string kBase = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: nginx}
spec: {controllerName: gateway.nginx.org/nginx-gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web}
spec:
  gatewayClassName: nginx
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app}
spec:
  parentRefs: [{name: web}]
  hostnames: [app.example.com]
  rules:
  - backendRefs: [{name: app-v1, port: 80, weight: 90}, {name: app-v2, port: 80, weight: 10}]
---
apiVersion: v1
kind: Service
metadata: {name: app-v1}
spec:
  selector: {app: app, version: v1}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: app-v2}
spec:
  selector: {app: app, version: v2}
  ports: [{name: http, port: 80, targetPort: http}]
)";

// --- Operations ---

enum class OpType { Apply, ApplyInvalid, SetImage, Scale, DeletePod, Weights, KillPod, FailReadiness, CrashLoop, Burst, Step, Settle };

/** One operation; `a`, `b`, `c` are its draws (which object, how many...), interpreted by run(). */
struct Operation {
    OpType type = OpType::Step;
    int a = 0;
    int b = 0;
    int c = 0;
    std::string describe() const;
};

std::string Operation::describe() const
{
    const std::string deploy = kDeployments[static_cast<std::size_t>(a) % kDeployments.size()];
    switch (type) {
    case OpType::Apply: return "apply " + deploy + " replicas=" + std::to_string(b) + " image=app:" + std::to_string(c % 4);
    case OpType::ApplyInvalid: return "apply an invalid " + deploy + " (case " + std::to_string(b % 3) + ")";
    case OpType::SetImage: return "set image " + deploy + " app=app:" + std::to_string(b);
    case OpType::Scale: return "scale " + deploy + " --replicas=" + std::to_string(b);
    case OpType::DeletePod: return "delete pod #" + std::to_string(a);
    case OpType::Weights: return "weights " + std::to_string(b * 20) + "/" + std::to_string(c) + (a % 5 == 0 ? " (one only: refused)" : "");
    case OpType::KillPod: return "kill pod #" + std::to_string(a);
    case OpType::FailReadiness: return std::string(b % 2 ? "fail" : "restore") + " readiness of pod #" + std::to_string(a);
    case OpType::CrashLoop: return std::string(b % 2 ? "crash-loop" : "stop crash-loop of") + " pod #" + std::to_string(a);
    case OpType::Burst: return "burst of " + std::to_string(b) + " requests at " + std::to_string(c) + " rps";
    case OpType::Step: return "step " + std::to_string(a) + " ms";
    case OpType::Settle: return "settle";
    }
    return {};
}

bool isFault(OpType type)
{
    return type == OpType::DeletePod || type == OpType::KillPod || type == OpType::FailReadiness || type == OpType::CrashLoop;
}

// Even seeds draw faults too; odd seeds are fault-free, so that availability during rollouts can be checked.
bool isFaultFree(std::uint64_t seed) { return seed % 2 == 1; }

std::vector<Operation> generate(std::uint64_t seed, int count)
{
    engine::RandomStream random(seed, 77);
    std::vector<std::pair<OpType, int>> weights = {
        {OpType::Apply, 6}, {OpType::ApplyInvalid, 2}, {OpType::SetImage, 5}, {OpType::Scale, 5}, {OpType::DeletePod, 2},
        {OpType::Weights, 4}, {OpType::KillPod, 2}, {OpType::FailReadiness, 2}, {OpType::CrashLoop, 1},
        {OpType::Burst, 4}, {OpType::Step, 14}, {OpType::Settle, 3}};
    if (isFaultFree(seed))
        std::erase_if(weights, [](const auto &w) { return isFault(w.first); });
    int total = 0;
    for (const auto &[type, weight] : weights)
        total += weight;
    std::vector<Operation> ops;
    for (int i = 0; i < count; ++i) {
        int pick = static_cast<int>(random.uniform(static_cast<std::uint64_t>(total)));
        Operation op;
        for (const auto &[type, weight] : weights) {
            if (pick < weight) {
                op.type = type;
                break;
            }
            pick -= weight;
        }
        op.a = static_cast<int>(random.uniform(100));
        op.b = static_cast<int>(random.uniform(6));
        op.c = static_cast<int>(random.uniform(101));
        if (op.type == OpType::Burst) {
            op.b = 1 + static_cast<int>(random.uniform(200));
            op.c = 20 + static_cast<int>(random.uniform(400));
        } else if (op.type == OpType::Step) {
            op.a = 100 + static_cast<int>(random.uniform(20'000));
        }
        ops.push_back(op);
    }
    return ops;
}

// --- Running a sequence with its invariants ---

struct Failure {
    std::size_t step = 0;  // index of the operation after which an invariant broke (ops.size(): the final checks)
    std::string message;
};

std::vector<std::string> surgeAndUnavailable(int b)
{
    static const std::vector<std::vector<std::string>> choices = {{"25%", "25%"}, {"1", "0"}, {"0", "1"},
                                                                  {"2", "1"},     {"100%", "0"}, {"0", "100%"}};
    return choices[static_cast<std::size_t>(b) % choices.size()];
}

/** One run of a sequence on a fresh cluster: every operation, the invariants after each, a digest of the run. */
class Run {
public:
    explicit Run(std::uint64_t seed) : m_simulation(seed), m_checksAvailability(isFaultFree(seed))
    {
        m_watch = m_simulation.store().watch([this](const store::WatchEvent &e) { onEvent(e); });
        m_simulation.traffic().addObserver([this](const traffic::Completion &c) {
            if (c.generator != traffic::Completion{}.generator)
                ++m_completions[c.generator];
        });
    }
    ~Run() { m_simulation.store().unwatch(m_watch); }

    std::optional<Failure> execute(const std::vector<Operation> &ops);
    const std::string &digest() const { return m_digest; }

private:
    void onEvent(const store::WatchEvent &event);
    void apply(const std::string &text, bool mustSucceed);
    void perform(const Operation &op);
    std::vector<api::ObjectPtr> pods() const { return m_simulation.store().list(api::Kind::Pod, std::string(kNamespace)); }
    std::string podName(int pick) const;
    void checkAlways();
    void checkSurge(const api::Object &deployment);
    void checkAvailability();
    void checkSettled();
    void checkConverged();
    void checkWeightShares();
    void fail(const std::string &message)
    {
        if (m_failure.empty())
            m_failure = message;
    }
    void expectUnchanged(const CommandResult &result, std::uint64_t before);
    void addDigest(const std::string &step);

    Simulation m_simulation;
    int m_watch = 0;
    std::map<std::uint32_t, std::uint64_t> m_completions;  // generator -> requests finished
    std::map<std::string, std::uint64_t> m_lastVersion;    // uid -> resourceVersion last seen
    std::uint64_t m_lastGlobal = 0;
    struct Floor {
        std::int64_t replicas = -1;
        std::int64_t minAvailable = -1;
        bool armed = false;  // the controller saw minAvailable reached since replicas or fences last changed
    };
    bool m_checksAvailability = false;
    std::map<std::string, Floor> m_floors;  // Deployment name -> its availability floor
    struct Ceiling {
        std::int64_t generation = 0;
        std::int64_t replicas = -1;
        std::int64_t inherited = 0;  // replicas the ReplicaSets held when a spec with the same replicas came in
    };
    std::map<std::string, Ceiling> m_ceilings;  // Deployment uid -> the surplus over replicas + maxSurge it may keep
    int m_bursts = 0;
    std::string m_failure;
    std::string m_digest;
};

void Run::onEvent(const store::WatchEvent &event)
{
    const api::Object &o = *event.object;
    // resourceVersions only grow: per object and across the store.
    const std::uint64_t rv = o.metadata.resourceVersion;
    if (event.type != store::WatchEventType::Deleted) {
        if (rv <= m_lastGlobal)
            fail(o.displayName() + " written with resourceVersion " + std::to_string(rv) + " after " + std::to_string(m_lastGlobal));
        m_lastGlobal = std::max(m_lastGlobal, rv);
    }
    std::uint64_t &seen = m_lastVersion[o.metadata.uid];
    if (rv < seen)
        fail(o.displayName() + " resourceVersion went back from " + std::to_string(seen) + " to " + std::to_string(rv));
    seen = rv;
    if (o.kind() == api::Kind::Pod || o.kind() == api::Kind::Deployment)
        checkAvailability();
    if (o.kind() == api::Kind::Deployment && event.type != store::WatchEventType::Deleted)
        checkSurge(o);
}

// A rollout never exceeds maxSurge: checked whenever the Deployment controller reports having seen the spec. A
// new spec with the same replicas (a lower maxSurge, another template) is no scaling event: as in Kubernetes, the
// rollout then only stops growing and scales old ReplicaSets down as availability allows, so the replicas the
// ReplicaSets held when that spec came in stay allowed, shrinking as they go (docs/reliability.md, seed 984).
void Run::checkSurge(const api::Object &o)
{
    const api::Deployment &d = o.as<api::Deployment>();
    std::int64_t sum = 0;
    for (const api::ObjectPtr &rs : m_simulation.store().listOwnedBy(api::Kind::ReplicaSet, o.metadata.namespace_, o.metadata.uid))
        sum += rs->as<api::ReplicaSet>().spec.replicas;
    Ceiling &ceiling = m_ceilings[o.metadata.uid];
    if (ceiling.generation != o.metadata.generation)
        ceiling = Ceiling{o.metadata.generation, d.spec.replicas, ceiling.replicas == d.spec.replicas ? sum : 0};
    if (d.status.observedGeneration != o.metadata.generation || d.spec.strategy.type != "RollingUpdate")
        return;
    const auto fence = controllers::DeploymentController::resolveFenceposts(d);
    const std::int64_t limit = d.spec.replicas + fence.maxSurge;
    if (sum > std::max(limit, ceiling.inherited))
        fail(o.displayName() + ": ReplicaSets hold " + std::to_string(sum) + " replicas, more than " +
             std::to_string(d.spec.replicas) + " + maxSurge " + std::to_string(fence.maxSurge) +
             (ceiling.inherited > limit ? " and the " + std::to_string(ceiling.inherited) + " held when the spec changed" : ""));
    ceiling.inherited = std::min(ceiling.inherited, sum);
}

// Without faults, a rollout never takes available pods below replicas - maxUnavailable once it was there. "There"
// as the Deployment controller can know it (docs/reliability.md, seeds 1181 and 519): it acted on the current spec
// (a replicas change is a scaling event, whose proportional scaling heeds no availability), and the ReplicaSets'
// statuses, which are all it reads, show minAvailable pods available that the ReplicaSets keep.
void Run::checkAvailability()
{
    if (!m_checksAvailability)
        return;
    const store::Store &store = m_simulation.store();
    for (const api::ObjectPtr &o : store.list(api::Kind::Deployment, std::string(kNamespace))) {
        const api::Deployment &d = o->as<api::Deployment>();
        const std::int64_t minAvailable = d.spec.replicas - controllers::DeploymentController::resolveFenceposts(d).maxUnavailable;
        std::int64_t available = 0;
        std::int64_t seen = 0;  // available as the controller sees it
        for (const api::ObjectPtr &rs : store.listOwnedBy(api::Kind::ReplicaSet, kNamespace, o->metadata.uid)) {
            std::int64_t ready = 0;
            for (const api::ObjectPtr &p : store.listOwnedBy(api::Kind::Pod, kNamespace, rs->metadata.uid))
                ready += p->as<api::Pod>().isReady() && !p->metadata.deletionTimestamp ? 1 : 0;
            const api::ReplicaSet &r = rs->as<api::ReplicaSet>();
            available += ready;
            seen += std::min<std::int64_t>({ready, r.status.availableReplicas, r.spec.replicas});
        }
        Floor &floor = m_floors[o->metadata.name];
        if (floor.replicas != d.spec.replicas || floor.minAvailable != minAvailable)
            floor = Floor{d.spec.replicas, minAvailable, false};
        if (!floor.armed)
            floor.armed = d.status.observedGeneration == o->metadata.generation && seen >= minAvailable;
        else if (available < minAvailable)
            fail(o->displayName() + ": " + std::to_string(available) + " pods available, fewer than replicas " +
                 std::to_string(d.spec.replicas) + " - maxUnavailable " + std::to_string(d.spec.replicas - minAvailable));
    }
}

void Run::apply(const std::string &text, bool mustSucceed)
{
    const std::uint64_t before = m_simulation.store().resourceVersion();
    manifest::LoadResult loaded = manifest::loadText(text, "property.yaml");
    ApplyResult result = loaded.ok() ? m_simulation.apply(loaded.documents) : ApplyResult{false, {}, loaded.diagnostics};
    if (mustSucceed && !result.ok)
        fail("apply failed: " + result.errorText());
    if (!mustSucceed && result.ok)
        fail("an invalid manifest was applied");
    if (!result.ok && m_simulation.store().resourceVersion() != before)
        fail("a failed apply changed the store");
}

void Run::expectUnchanged(const CommandResult &result, std::uint64_t before)
{
    if (!result.ok && m_simulation.store().resourceVersion() != before)
        fail("a failed command changed the store: " + result.error);
}

std::string Run::podName(int pick) const
{
    std::vector<api::ObjectPtr> all = pods();
    return all.empty() ? std::string("none") : all[static_cast<std::size_t>(pick) % all.size()]->metadata.name;
}

void Run::perform(const Operation &op)
{
    const std::string deploy = kDeployments[static_cast<std::size_t>(op.a) % kDeployments.size()];
    const std::uint64_t before = m_simulation.store().resourceVersion();
    switch (op.type) {
    case OpType::Apply: {
        const auto fence = surgeAndUnavailable(op.c);
        apply(deploymentYaml(deploy, op.b, op.c % 4, fence[0], fence[1]), true);
        break;
    }
    case OpType::ApplyInvalid: {
        // A valid Deployment followed by a broken object: the whole batch must be refused.
        const std::string broken[] = {deploymentYaml(deploy, -1, 1, "1", "1"), deploymentYaml(deploy, 2, 1, "0", "0"),
                                      "apiVersion: v1\nkind: Service\nmetadata: {name: x, namespace: nowhere}\nspec: {ports: [{port: 80}]}\n"};
        apply(deploymentYaml("app-v1", 3, 3, "1", "0") + "---\n" + broken[op.b % 3], false);
        break;
    }
    case OpType::SetImage:
        expectUnchanged(m_simulation.setImage(kNamespace, deploy, "app", "app:" + std::to_string(op.b)), before);
        break;
    case OpType::Scale:
        expectUnchanged(m_simulation.scale(api::Kind::Deployment, kNamespace, deploy, op.b), before);
        break;
    case OpType::DeletePod:
        expectUnchanged(m_simulation.deleteObject(api::Kind::Pod, kNamespace, podName(op.a)), before);
        break;
    case OpType::Weights: {
        std::vector<int> weights = {op.b * 20, op.c};
        if (op.a % 5 == 0)
            weights.pop_back();
        CommandResult result = m_simulation.setBackendWeights(kNamespace, "app", 0, weights);
        if (op.a % 5 == 0 && result.ok)
            fail("weights for one backend of two were accepted");
        expectUnchanged(result, before);
        break;
    }
    case OpType::KillPod:
        expectUnchanged(m_simulation.killPod(kNamespace, podName(op.a)), before);
        break;
    case OpType::FailReadiness:
        expectUnchanged(m_simulation.setReadinessFailing(kNamespace, podName(op.a), op.b % 2 == 1), before);
        break;
    case OpType::CrashLoop:
        if (op.b % 2)
            expectUnchanged(m_simulation.crashLoop(kNamespace, podName(op.a), "", "5"), before);
        else
            expectUnchanged(m_simulation.stopCrashLoop(kNamespace, podName(op.a)), before);
        break;
    case OpType::Burst: {
        traffic::LoadSpec spec;
        spec.name = "burst-" + std::to_string(m_bursts++);
        spec.entry = traffic::EntryPoint::gateway(kNamespace, "web");
        traffic::HttpRequest request;
        request.host = "app.example.com";
        spec.templates.push_back({request, 1});
        spec.rate = op.c;
        spec.count = static_cast<std::uint64_t>(op.b);
        m_simulation.traffic().startLoad(std::move(spec));
        break;
    }
    case OpType::Step:
        m_simulation.runUntil(m_simulation.engine().now() + op.a * engine::kMillisecond);
        break;
    case OpType::Settle:
        if (m_simulation.settle(5 * engine::kMinute))
            checkSettled();
        break;
    }
}

// Every request is accounted for: each generator's finished requests were seen finishing, drops have reasons,
// and what is neither answered nor dropped is in flight in the traffic system.
void Run::checkAlways()
{
    traffic::TrafficSystem &traffic = m_simulation.traffic();
    std::uint64_t inFlight = 0;
    for (std::uint32_t g = 0; g < static_cast<std::uint32_t>(m_bursts); ++g) {
        const traffic::LoadCounters &c = traffic.counters(g);
        if (c.answered + c.dropped > c.generated)
            fail("generator " + std::to_string(g) + " finished more requests than it generated");
        if (c.answered + c.dropped != m_completions[g])
            fail("generator " + std::to_string(g) + " counts " + std::to_string(c.answered + c.dropped) +
                 " finished requests, observers saw " + std::to_string(m_completions[g]));
        std::uint64_t reasons = 0;
        for (const auto &[reason, n] : c.droppedBy)
            reasons += n;
        if (reasons != c.dropped)
            fail("generator " + std::to_string(g) + " dropped " + std::to_string(c.dropped) + " requests, " +
                 std::to_string(reasons) + " with a reason");
        inFlight += c.inFlight();
    }
    if (inFlight != traffic.requestsInFlight())
        fail("generators have " + std::to_string(inFlight) + " requests in flight, the traffic system " +
             std::to_string(traffic.requestsInFlight()));
}

// EndpointSlices hold exactly the ready pods that match each Service's selector (checked once controllers are idle).
void Run::checkSettled()
{
    const store::Store &store = m_simulation.store();
    for (const api::ObjectPtr &svc : store.list(api::Kind::Service, std::string(kNamespace))) {
        const api::Labels &selector = svc->as<api::Service>().spec.selector;
        std::set<std::string> expected;
        for (const api::ObjectPtr &p : pods()) {
            const api::Pod &pod = p->as<api::Pod>();
            const bool matches = std::all_of(selector.begin(), selector.end(), [&](const auto &kv) {
                auto it = p->metadata.labels->find(kv.first);
                return it != p->metadata.labels->end() && it->second == kv.second;
            });
            if (matches && pod.isReady() && !p->metadata.deletionTimestamp && !pod.status.podIP.empty())
                expected.insert(p->metadata.name);
        }
        std::set<std::string> listed;
        for (const api::ObjectPtr &s : store.list(api::Kind::EndpointSlice, std::string(kNamespace))) {
            if (s->metadata.labels->count(api::kServiceNameLabel) == 0 || s->metadata.labels->at(api::kServiceNameLabel) != svc->metadata.name)
                continue;
            for (const api::Endpoint &e : s->as<api::EndpointSlice>().endpoints) {
                if (e.conditions.ready.value_or(false) && e.targetRef)
                    listed.insert(e.targetRef->name);
            }
        }
        if (listed != expected)
            fail("EndpointSlices of " + svc->metadata.name + " list " + std::to_string(listed.size()) +
                 " ready pods, " + std::to_string(expected.size()) + " ready pods match");
    }
}

// Once faults stop, every Deployment converges to its spec and every request has ended.
void Run::checkConverged()
{
    for (const api::ObjectPtr &p : pods()) {
        m_simulation.setReadinessFailing(kNamespace, p->metadata.name, false);
        m_simulation.stopCrashLoop(kNamespace, p->metadata.name);
    }
    for (std::uint32_t g = 0; g < static_cast<std::uint32_t>(m_bursts); ++g)
        m_simulation.traffic().stopLoad(g);
    if (!m_simulation.settle(30 * engine::kMinute))
        fail("the cluster did not settle within 30 minutes once faults stopped");
    m_simulation.runUntil(m_simulation.engine().now() + engine::kMinute);  // requests still on the wire land
    checkSettled();
    checkAlways();
    if (m_simulation.traffic().requestsInFlight() != 0)
        fail(std::to_string(m_simulation.traffic().requestsInFlight()) + " requests still in flight a minute after the end");
    for (const api::ObjectPtr &o : m_simulation.store().list(api::Kind::Deployment)) {
        const api::Deployment &d = o->as<api::Deployment>();
        if (d.status.observedGeneration != o->metadata.generation || d.status.updatedReplicas != d.spec.replicas ||
            d.status.availableReplicas != d.spec.replicas || d.status.replicas != d.spec.replicas)
            fail(o->displayName() + " did not converge: spec " + std::to_string(d.spec.replicas) + ", updated " +
                 std::to_string(d.status.updatedReplicas) + ", available " + std::to_string(d.status.availableReplicas) +
                 ", total " + std::to_string(d.status.replicas));
    }
    if (m_failure.empty())
        checkWeightShares();
}

// Over a long run (2,000 requests once the cluster is still), each backend's observed share of the weighted
// rule stays inside its Wilson interval around what its weight says. z = 4.5 (two-sided 7e-6): a real skew
// in the weighted pick shows, chance does not (the runs are deterministic, so a pass stays a pass).
void Run::checkWeightShares()
{
    constexpr std::uint64_t kRequests = 2000;
    constexpr double kZ = 4.5;
    const std::uint32_t generator = static_cast<std::uint32_t>(m_bursts++);
    traffic::LoadSpec spec;
    spec.name = "long-run";
    spec.entry = traffic::EntryPoint::gateway(kNamespace, "web");
    traffic::HttpRequest request;
    request.host = "app.example.com";
    spec.templates.push_back({request, 1});
    spec.rate = 400;
    spec.count = kRequests;
    m_simulation.traffic().startLoad(std::move(spec));
    m_simulation.runUntil(m_simulation.engine().now() + engine::kMinute);
    checkAlways();
    const traffic::LoadCounters &counters = m_simulation.traffic().counters(generator);
    for (const traffic::CompiledGateway &gateway : m_simulation.traffic().table()->gateways)
        for (const traffic::CompiledListener &listener : gateway.listeners)
            for (const traffic::CompiledRule &rule : listener.rules) {
                if (rule.totalWeight == 0)
                    continue;  // every weight 0: the rule answers 500 and picks no backend
                std::uint64_t total = 0;
                for (const traffic::CompiledBackendRef &b : rule.backends)
                    total += b.metricId < counters.byBackendSeries.size() ? counters.byBackendSeries[b.metricId] : 0;
                for (const traffic::CompiledBackendRef &b : rule.backends) {
                    const std::uint64_t hits = b.metricId < counters.byBackendSeries.size() ? counters.byBackendSeries[b.metricId] : 0;
                    const double configured = static_cast<double>(b.weight) / static_cast<double>(rule.totalWeight);
                    const metrics::ShareInterval interval = metrics::ShareInterval::wilson(hits, total, kZ);
                    if (total < kRequests / 2 || !interval.contains(configured))
                        fail("weights: backend " + b.key() + " set to " + std::to_string(configured) + " got " +
                             std::to_string(hits) + " of " + std::to_string(total) + " requests (interval " +
                             std::to_string(interval.low) + " - " + std::to_string(interval.high) + ")");
                }
            }
}

void Run::addDigest(const std::string &step)
{
    std::ostringstream out;
    out << step << " @" << m_simulation.engine().now() << " rv" << m_simulation.store().resourceVersion();
    for (const api::ObjectPtr &p : pods())
        out << ' ' << p->metadata.name << (p->as<api::Pod>().isReady() ? "+" : "-");
    for (std::uint32_t g = 0; g < static_cast<std::uint32_t>(m_bursts); ++g) {
        const traffic::LoadCounters &c = m_simulation.traffic().counters(g);
        out << " g" << c.generated << '/' << c.answered << '/' << c.dropped;
    }
    m_digest += out.str() + "\n";
}

std::optional<Failure> Run::execute(const std::vector<Operation> &ops)
{
    apply(kBase + "---\n" + deploymentYaml("app-v1", 3, 1, "25%", "25%") + "---\n" + deploymentYaml("app-v2", 1, 1, "25%", "25%"), true);
    for (std::size_t i = 0; i < ops.size() && m_failure.empty(); ++i) {
        perform(ops[i]);
        checkAlways();
        addDigest(ops[i].describe());
        if (!m_failure.empty())
            return Failure{i, m_failure};
    }
    if (m_failure.empty())
        checkConverged();
    addDigest("end");
    return m_failure.empty() ? std::nullopt : std::optional<Failure>(Failure{ops.size(), m_failure});
}

std::optional<Failure> runSequence(std::uint64_t seed, const std::vector<Operation> &ops)
{
    Run run(seed);
    return run.execute(ops);
}

using FailsPredicate = std::function<bool(const std::vector<Operation> &)>;

// Removes ever smaller chunks of operations while the sequence still fails (delta debugging).
std::vector<Operation> shrink(std::vector<Operation> ops, const FailsPredicate &fails)
{
    for (std::size_t chunk = ops.size() / 2; chunk >= 1; chunk /= 2) {
        for (std::size_t start = 0; start + chunk <= ops.size();) {
            std::vector<Operation> candidate = ops;
            candidate.erase(candidate.begin() + static_cast<std::ptrdiff_t>(start),
                            candidate.begin() + static_cast<std::ptrdiff_t>(start + chunk));
            if (fails(candidate))
                ops = std::move(candidate);
            else
                start += chunk;
        }
    }
    return ops;
}

int envInt(const char *name, int fallback)
{
    const char *value = std::getenv(name);
    return value && *value ? std::atoi(value) : fallback;
}

} // namespace

class TestProperties : public QObject {
    Q_OBJECT

private slots:
    void invariantsHold_data();
    void invariantsHold();
    void sameSeedSameRun();
    void shrinkingKeepsTheFailure();
};

void TestProperties::invariantsHold_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("operations");
    const int sequences = envInt("KUBESIM_PROPERTY_SEQUENCES", 2000);
    const int operations = envInt("KUBESIM_PROPERTY_OPERATIONS", 50);
    const int base = envInt("KUBESIM_PROPERTY_SEED_BASE", 1);
    for (int i = 0; i < sequences; ++i)
        QTest::newRow(("seed " + std::to_string(base + i)).c_str()) << quint64(base + i) << operations;
}

void TestProperties::invariantsHold()
{
    QFETCH(quint64, seed);
    QFETCH(int, operations);
    const std::vector<Operation> ops = generate(seed, operations);
    std::optional<Failure> failure = runSequence(seed, ops);
    std::string text;
    if (failure) {
        std::vector<Operation> shrunk = shrink(ops, [seed](const std::vector<Operation> &candidate) {
            return runSequence(seed, candidate).has_value();
        });
        text = "seed " + std::to_string(seed) + ": " + failure->message + "\nshrunk to " + std::to_string(shrunk.size()) +
               " operations:\n";
        for (const Operation &op : shrunk)
            text += "  " + op.describe() + "\n";
        if (std::optional<Failure> again = runSequence(seed, shrunk))
            text += "which fails with: " + again->message + "\n";
    }
    QVERIFY2(!failure, text.c_str());
}

void TestProperties::sameSeedSameRun()
{
    const std::vector<Operation> ops = generate(7, 40);
    Run first(7);
    Run second(7);
    QVERIFY(!first.execute(ops));
    QVERIFY(!second.execute(ops));
    QCOMPARE(QString::fromStdString(second.digest()), QString::fromStdString(first.digest()));
    Run other(8);
    QVERIFY(!other.execute(generate(8, 40)));
    QVERIFY(other.digest() != first.digest());
}

// The shrinker itself: a failure that needs two particular operations among many shrinks to those two.
void TestProperties::shrinkingKeepsTheFailure()
{
    std::vector<Operation> ops = generate(3, 60);
    ops.insert(ops.begin() + 17, Operation{OpType::KillPod, 42, 0, 0});
    ops.insert(ops.begin() + 41, Operation{OpType::Scale, 1, 5, 0});
    auto has = [](const std::vector<Operation> &seq, OpType type, int a) {
        return std::any_of(seq.begin(), seq.end(), [&](const Operation &op) { return op.type == type && op.a == a; });
    };
    auto fails = [&](const std::vector<Operation> &seq) { return has(seq, OpType::KillPod, 42) && has(seq, OpType::Scale, 1); };
    std::vector<Operation> shrunk = shrink(ops, fails);
    QVERIFY(fails(shrunk));
    QCOMPARE(shrunk.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(shrunk[0].describe() + "; " + shrunk[1].describe()),
             QString("kill pod #42; scale app-v2 --replicas=5"));
}

QTEST_GUILESS_MAIN(TestProperties)
#include "test_properties.moc"
