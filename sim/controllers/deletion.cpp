#include "sim/controllers/deletion.h"

namespace sim::controllers {
namespace {

api::ObjectPtr markTerminating(store::Store &store, const api::Object &object, std::int64_t gracePeriodSeconds,
                               engine::SimTime now)
{
    api::Object copy = object;
    copy.metadata.deletionTimestamp = now + engine::seconds(gracePeriodSeconds);
    copy.metadata.deletionGracePeriodSeconds = gracePeriodSeconds;
    return store.update(std::move(copy));
}

} // namespace

api::ObjectPtr deleteGracefully(store::Store &store, const api::ObjectPtr &object, engine::SimTime now,
                                std::optional<std::int64_t> gracePeriodSeconds)
{
    const api::Object &o = *object;
    switch (o.kind()) {
    case api::Kind::Pod: {
        const api::Pod &pod = o.as<api::Pod>();
        const std::int64_t grace = gracePeriodSeconds.value_or(pod.spec->terminationGracePeriodSeconds);
        const bool hasRunOnANode = !pod.spec->nodeName.empty() && pod.status.phase != "Succeeded" &&
                                   pod.status.phase != "Failed";
        if (!hasRunOnANode || grace <= 0)
            break;
        if (isTerminating(o))
            return object;
        return markTerminating(store, o, grace, now);
    }
    case api::Kind::Namespace: {
        if (isTerminating(o))
            return object;
        api::Object copy = o;
        copy.metadata.deletionTimestamp = now;
        copy.as<api::Namespace>().status.phase = "Terminating";
        return store.update(std::move(copy));
    }
    default:
        break;
    }
    store.remove(o.kind(), o.metadata.namespace_, o.metadata.name);
    return nullptr;
}

} // namespace sim::controllers
