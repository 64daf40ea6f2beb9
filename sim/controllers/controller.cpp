#include "sim/controllers/controller.h"

#include <algorithm>

namespace sim::controllers {

Controller::Controller(ControllerContext context, std::string name, engine::SimTime reconcileDelay)
    : m_context(context), m_name(std::move(name)), m_reconcileDelay(reconcileDelay)
{
    // The virtual call is deferred to delivery time, when the derived object is fully built.
    m_watchHandle = m_context.store.watch([this](const store::WatchEvent &event) { onWatchEvent(event); });
}

Controller::~Controller()
{
    m_context.store.unwatch(m_watchHandle);
    for (const auto &[key, pending] : m_dirty)
        m_context.engine.cancel(pending.event);
}

void Controller::enqueueAfter(const std::string &key, engine::SimTime delay, engine::Engine::Work work)
{
    engine::SimTime at = m_context.engine.now() + delay;
    auto it = m_dirty.find(key);
    if (it != m_dirty.end()) {
        // Already queued soon enough, with work at least as strong as this one: nothing to do.
        const bool strongEnough = it->second.work == engine::Engine::Work::Foreground || work == engine::Engine::Work::Background;
        if (it->second.at <= at && strongEnough)
            return;
        m_context.engine.cancel(it->second.event);
        at = std::min(at, it->second.at);
        if (it->second.work == engine::Engine::Work::Foreground)
            work = engine::Engine::Work::Foreground;
    } else {
        it = m_dirty.try_emplace(key).first;
    }
    // The queued call names its key by the dirty set's own copy, which stays put (elements keep their address
    // when the table rehashes) until the call runs or is cancelled: no copy of the key per call.
    const std::string *queued = &it->first;
    it->second = Pending{m_context.engine.scheduleAt(at, [this, queued] { process(*queued); }, work), at, work};
}

void Controller::process(const std::string &key)
{
    // Leaving the dirty set before reconciling: a change made during the pass queues the key again. The entry
    // is taken out whole, so the key it holds outlives the pass.
    const auto entry = m_dirty.extract(key);
    Result result = reconcile(entry.key());
    if (result.requeueAfter > 0)
        enqueueAfter(entry.key(), result.requeueAfter,
                     result.background ? engine::Engine::Work::Background : engine::Engine::Work::Foreground);
}

std::string Controller::keyOf(const std::string &ns, const std::string &name)
{
    std::string key;
    assignKey(key, ns, name);
    return key;
}

void Controller::assignKey(std::string &out, std::string_view ns, std::string_view name)
{
    out.assign(ns);
    if (!ns.empty())
        out.push_back('/');
    out.append(name);
}

std::pair<std::string_view, std::string_view> Controller::splitKey(std::string_view key)
{
    const std::size_t slash = key.find('/');
    if (slash == std::string_view::npos)
        return {std::string_view(), key};
    return {key.substr(0, slash), key.substr(slash + 1)};
}

} // namespace sim::controllers
