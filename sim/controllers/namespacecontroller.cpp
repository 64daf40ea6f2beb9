#include "sim/controllers/namespacecontroller.h"

#include "sim/controllers/deletion.h"

namespace sim::controllers {

NamespaceController::NamespaceController(ControllerContext context) : Controller(context, "namespace", engine::milliseconds(5)) {}

void NamespaceController::onWatchEvent(const store::WatchEvent &event)
{
    const api::Object &o = *event.object;
    if (o.kind() == api::Kind::Namespace) {
        if (event.type != store::WatchEventType::Deleted && isTerminating(o))
            enqueue(o.metadata.name);
        return;
    }
    // The last object of a Terminating namespace going lets the namespace go.
    if (event.type == store::WatchEventType::Deleted && !o.metadata.namespace_.empty()) {
        api::ObjectPtr ns = store().get(api::Kind::Namespace, "", o.metadata.namespace_);
        if (ns && isTerminating(*ns))
            enqueue(ns->metadata.name);
    }
}

Controller::Result NamespaceController::reconcile(const std::string &key)
{
    api::ObjectPtr ns = store().get(api::Kind::Namespace, "", key);
    if (!ns || !isTerminating(*ns))
        return {};
    std::size_t remaining = 0;
    for (const api::KindInfo &info : api::allKinds()) {
        if (!info.namespaced)
            continue;
        for (const api::ObjectPtr &o : store().list(info.kind, key)) {
            api::ObjectPtr current = store().get(o->kind(), o->metadata.namespace_, o->metadata.name);
            if (current && !isTerminating(*current))
                current = deleteGracefully(store(), current, now());
            remaining += current ? 1 : 0;
        }
    }
    if (remaining == 0)
        store().remove(api::Kind::Namespace, "", key);
    return {};
}

} // namespace sim::controllers
