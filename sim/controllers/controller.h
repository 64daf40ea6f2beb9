#pragma once

#include "sim/controllers/eventrecorder.h"
#include "sim/engine/engine.h"
#include "sim/store/store.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace sim::controllers {

/** What every controller works with: the clock, the API (store) and the event log. */
struct ControllerContext {
    engine::Engine &engine;
    store::Store &store;
    EventRecorder &events;
};

/**
 * A level-based reconciler with its own work queue, as in controller-runtime: watch events are mapped to
 * keys ("namespace/name"); a key waits in the dirty set until its reconcile runs after the controller's
 * simulated delay, so a burst of changes to one key collapses into one pass. reconcile() reads the world
 * as it is now and writes the difference; it may ask to be called again later.
 */
class Controller {
public:
    struct Result {
        engine::SimTime requeueAfter = 0;  // 0: no requeue
        /** A requeue that only checks a deadline (e.g. progressDeadlineSeconds): settle() does not wait for it. */
        bool background = false;
    };

    Controller(ControllerContext context, std::string name, engine::SimTime reconcileDelay);
    virtual ~Controller();
    Controller(const Controller &) = delete;
    Controller &operator=(const Controller &) = delete;

    const std::string &name() const { return m_name; }
    /** Queues a key for reconciliation after the controller's delay (a no-op while it is already queued sooner). */
    void enqueue(const std::string &key) { enqueueAfter(key, m_reconcileDelay); }
    void enqueueAfter(const std::string &key, engine::SimTime delay,
                      engine::Engine::Work work = engine::Engine::Work::Foreground);

    /** "namespace/name" (or "name" for cluster-scoped objects). */
    static std::string keyOf(const std::string &ns, const std::string &name);
    /** keyOf written into `out` (whose capacity it reuses, so a loop over many keys allocates once). */
    static void assignKey(std::string &out, std::string_view ns, std::string_view name);
    /** Splits a key made by keyOf into namespace and name: views into `key`, so a look-up by key copies nothing. */
    static std::pair<std::string_view, std::string_view> splitKey(std::string_view key);

protected:
    virtual void onWatchEvent(const store::WatchEvent &event) = 0;
    virtual Result reconcile(const std::string &key) = 0;

    engine::Engine &engine() { return m_context.engine; }
    store::Store &store() { return m_context.store; }
    EventRecorder &events() { return m_context.events; }
    engine::SimTime now() const { return m_context.engine.now(); }
    /** The delay enqueue() waits before a key's pass. */
    engine::SimTime reconcileDelay() const { return m_reconcileDelay; }

private:
    struct Pending {
        engine::EventId event;
        engine::SimTime at;
        engine::Engine::Work work;
    };
    void process(const std::string &key);

    ControllerContext m_context;
    std::string m_name;
    engine::SimTime m_reconcileDelay;
    int m_watchHandle = 0;
    std::unordered_map<std::string, Pending> m_dirty;
};

} // namespace sim::controllers
