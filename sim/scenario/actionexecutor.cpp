#include "sim/scenario/actionexecutor.h"

#include "sim/manifest/loader.h"
#include "sim/scenario/overloaded.h"
#include "sim/scenario/trafficdriver.h"
#include "sim/simulation.h"

namespace sim::scenario {

namespace {

ActionOutcome fromCommand(const CommandResult &result)
{
    return result.ok ? ActionOutcome{true, result.message} : ActionOutcome{false, result.error};
}

ActionOutcome fromError(const std::optional<std::string> &error, std::string success)
{
    return error ? ActionOutcome{false, *error} : ActionOutcome{true, std::move(success)};
}

} // namespace

ActionExecutor::ActionExecutor(Simulation &simulation, TrafficDriver &traffic, const Scenario &scenario)
    : m_simulation(simulation), m_traffic(traffic), m_scenario(scenario)
{
}

ActionOutcome ActionExecutor::apply(const ApplyAction &action)
{
    std::vector<std::string> paths;
    for (const auto &path : action.paths)
        paths.push_back(path.string());
    manifest::LoadResult loaded = manifest::loadPaths(paths);
    if (!action.inlineYaml.empty()) {
        const std::string name = m_scenario.file + " (inline manifest at line " +
                                 std::to_string(action.inlineLocation.line) + ")";
        manifest::LoadResult inlined = manifest::loadText(action.inlineYaml, name);
        for (auto &document : inlined.documents)
            loaded.documents.push_back(std::move(document));
        for (auto &diagnostic : inlined.diagnostics)
            loaded.diagnostics.push_back(std::move(diagnostic));
    }
    if (!loaded.ok()) {
        std::string text;
        for (const auto &diagnostic : loaded.diagnostics)
            text += (text.empty() ? "" : "\n") + diagnostic.toString();
        return {false, text};
    }
    const ApplyResult result = m_simulation.apply(loaded.documents);
    if (!result.ok)
        return {false, result.errorText()};
    std::string text;
    for (const AppliedObject &object : result.objects)
        text += (text.empty() ? "" : "\n") + object.toString();
    return {true, text};
}

ActionOutcome ActionExecutor::setWeights(const SetWeightsAction &action)
{
    const api::ObjectPtr existing = m_simulation.store().get(api::Kind::HTTPRoute, action.route.namespace_, action.route.name);
    if (!existing)
        return {false, notFoundMessage(api::Kind::HTTPRoute, action.route.name)};
    api::Object route = *existing;
    auto &rules = route.as<api::HTTPRoute>().spec.rules;
    if (action.rule >= rules.size())
        return {false, "httproute " + action.route.toString() + " has no rule " + std::to_string(action.rule)};
    for (const auto &[backend, weight] : action.weights) {
        bool found = false;
        for (api::HTTPBackendRef &ref : rules[action.rule].backendRefs) {
            if (ref.ref.name == backend) {
                ref.weight = weight;
                found = true;
            }
        }
        if (!found)
            return {false, "rule " + std::to_string(action.rule) + " of httproute " + action.route.toString() +
                               " has no backendRef " + backend};
    }
    const ApplyResult result = m_simulation.applyObjects({route});
    return result.ok ? ActionOutcome{true, result.objects.front().toString()} : ActionOutcome{false, result.errorText()};
}

ActionOutcome ActionExecutor::setCanaryWeight(const SetCanaryWeightAction &action)
{
    return fromCommand(m_simulation.setCanaryWeight(action.ingress.namespace_, action.ingress.name, action.weight));
}

template <class Command> ActionOutcome ActionExecutor::onPods(const PodTarget &target, Command command)
{
    std::vector<std::string> names;
    if (!target.pod.empty()) {
        names.push_back(target.pod);
    } else {
        const api::LabelSelector selector{target.selector, {}};
        for (const api::ObjectPtr &pod : m_simulation.store().list(api::Kind::Pod, target.namespace_)) {
            if (selector.matches(pod->metadata.labels) && !pod->metadata.deletionTimestamp)
                names.push_back(pod->metadata.name);
            if (target.count > 0 && names.size() == static_cast<std::size_t>(target.count))
                break;
        }
        if (names.empty())
            return {false, "no pod in namespace " + target.namespace_ + " matches the selector"};
    }
    ActionOutcome outcome;
    for (const std::string &name : names) {
        const ActionOutcome one = fromCommand(command(target.namespace_, name));
        outcome.ok = outcome.ok && one.ok;
        outcome.text += (outcome.text.empty() ? "" : "\n") + one.text;
    }
    return outcome;
}

ActionOutcome ActionExecutor::execute(const ActionBody &action)
{
    Simulation &sim = m_simulation;
    return std::visit(
        Overloaded{
            [&](const ApplyAction &a) { return apply(a); },
            [&](const DeleteAction &a) {
                return fromCommand(sim.deleteObject(a.kind, a.object.namespace_, a.object.name));
            },
            [&](const ScaleAction &a) {
                return fromCommand(sim.scale(api::Kind::Deployment, a.deployment.namespace_, a.deployment.name, a.replicas));
            },
            [&](const SetWeightsAction &a) { return setWeights(a); },
            [&](const SetCanaryWeightAction &a) { return setCanaryWeight(a); },
            [&](const SetImageAction &a) {
                return fromCommand(sim.setImage(a.deployment.namespace_, a.deployment.name, a.container, a.image));
            },
            [&](const StartTrafficAction &a) { return fromError(m_traffic.start(a), "generator " + a.name + " started"); },
            [&](const StopTrafficAction &a) {
                std::string summary;
                const auto error = m_traffic.stop(a.name, &summary);
                return fromError(error, "generator " + a.name + " stopped: " + summary);
            },
            [&](const KillPodAction &a) {
                return onPods(a.target, [&](const std::string &ns, const std::string &pod) { return sim.killPod(ns, pod); });
            },
            [&](const FailReadinessAction &a) {
                return onPods(a.target, [&](const std::string &ns, const std::string &pod) {
                    return sim.setReadinessFailing(ns, pod, a.failing);
                });
            },
            [&](const CrashLoopAction &a) {
                return onPods(a.target, [&](const std::string &ns, const std::string &pod) {
                    return a.crashing ? sim.crashLoop(ns, pod, {}) : sim.stopCrashLoop(ns, pod);
                });
            },
            [&](const DrainNodeAction &a) { return fromCommand(sim.drain(a.node)); },
            [&](const FailNodeAction &a) { return fromCommand(sim.failNode(a.node)); },
            [&](const WaitAction &) { return ActionOutcome{false, "wait is run by the action sequence"}; },
        },
        action);
}

} // namespace sim::scenario
