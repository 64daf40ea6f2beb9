#include "sim/controllers/garbagecollector.h"

#include "sim/controllers/deletion.h"

namespace sim::controllers {
namespace {

// Keys carry the kind: "<kind index>:<namespace>/<name>".
std::string dependentKey(const api::Object &o)
{
    return std::to_string(static_cast<std::size_t>(o.kind())) + ":" + Controller::keyOf(o.metadata.namespace_, o.metadata.name);
}

} // namespace

GarbageCollector::GarbageCollector(ControllerContext context) : Controller(context, "garbagecollector", engine::milliseconds(5)) {}

void GarbageCollector::onWatchEvent(const store::WatchEvent &event)
{
    if (event.type != store::WatchEventType::Deleted)
        return;
    for (const api::ObjectPtr &dependent : store().dependentsOf(event.object->metadata.uid))
        enqueue(dependentKey(*dependent));
}

bool GarbageCollector::isOwnerAlive(const api::Object &dependent, const api::OwnerReference &ref) const
{
    std::optional<api::Kind> kind = api::kindFromName(ref.kind);
    if (!kind)
        return true;  // an owner of a kind kubesim does not simulate: leave the dependent alone
    const std::string ns = api::kindInfo(*kind).namespaced ? dependent.metadata.namespace_ : std::string();
    api::ObjectPtr owner = const_cast<GarbageCollector *>(this)->store().get(*kind, ns, ref.name);
    return owner && owner->metadata.uid == ref.uid;
}

Controller::Result GarbageCollector::reconcile(const std::string &key)
{
    const std::size_t colon = key.find(':');
    const auto kind = static_cast<api::Kind>(std::stoul(key.substr(0, colon)));
    auto [ns, name] = splitKey(std::string_view(key).substr(colon + 1));
    api::ObjectPtr o = store().get(kind, ns, name);
    if (!o || isTerminating(*o) || o->metadata.ownerReferences->empty())
        return {};
    std::vector<api::OwnerReference> alive;
    for (const api::OwnerReference &ref : *o->metadata.ownerReferences) {
        if (isOwnerAlive(*o, ref))
            alive.push_back(ref);
    }
    if (alive.empty()) {
        deleteGracefully(store(), o, now());
    } else if (alive.size() != o->metadata.ownerReferences->size()) {
        api::Object updated = *o;
        updated.metadata.ownerReferences = std::move(alive);
        store().update(std::move(updated));
    }
    return {};
}

} // namespace sim::controllers
