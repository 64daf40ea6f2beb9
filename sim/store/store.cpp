#include "sim/store/store.h"

#include <cstdio>
#include <stdexcept>
#include <type_traits>

namespace sim::store {
namespace {

template <class T, class = void> struct HasStatus : std::false_type {};
template <class T> struct HasStatus<T, std::void_t<decltype(std::declval<T>().status)>> : std::true_type {};

// Copies b's status into a copy of a, so comparing the copies compares everything else.
template <class T> T withStatusOf(const T &a, const T &b)
{
    T copy = a;
    if constexpr (HasStatus<T>::value)
        copy.status = b.status;
    return copy;
}

} // namespace

bool specDiffers(const api::Object &a, const api::Object &b)
{
    if (a.kind() != b.kind())
        return true;
    return std::visit(
        [&](const auto &x) {
            using T = std::decay_t<decltype(x)>;
            return !(withStatusOf(x, std::get<T>(b.body)) == std::get<T>(b.body));
        },
        a.body);
}

Store::Store(const engine::Engine &engine) : m_engine(engine) {}

api::ObjectPtr Store::get(api::Kind kind, const std::string &ns, const std::string &name) const
{
    const Table &table = m_objects[index(kind)];
    auto it = table.find(Key{ns, name});
    return it == table.end() ? nullptr : it->second;
}

std::vector<api::ObjectPtr> Store::list(api::Kind kind, const std::optional<std::string> &ns) const
{
    const Table &table = m_objects[index(kind)];
    std::vector<api::ObjectPtr> out;
    if (!ns) {
        out.reserve(table.size());
        for (const auto &[key, obj] : table)
            out.push_back(obj);
        return out;
    }
    for (auto it = table.lower_bound(Key{*ns, ""}); it != table.end() && it->first.first == *ns; ++it)
        out.push_back(it->second);
    return out;
}

std::vector<api::ObjectPtr> Store::listOwnedBy(api::Kind kind, const std::string &ns, const std::string &ownerUid) const
{
    std::vector<api::ObjectPtr> out;
    auto it = m_dependents.find(ownerUid);
    if (it == m_dependents.end())
        return out;
    for (const auto &[key, obj] : it->second) {
        if (std::get<0>(key) != kind || std::get<1>(key) != ns)
            continue;
        const api::OwnerReference *ref = obj->metadata.controllerRef();
        if (ref && ref->uid == ownerUid)
            out.push_back(obj);
    }
    return out;
}

std::vector<api::ObjectPtr> Store::dependentsOf(const std::string &ownerUid) const
{
    std::vector<api::ObjectPtr> out;
    auto it = m_dependents.find(ownerUid);
    if (it == m_dependents.end())
        return out;
    for (const auto &[key, obj] : it->second)
        out.push_back(obj);
    return out;
}

std::string Store::nextUid()
{
    // Deterministic, UUID-shaped: the same run always hands out the same uids.
    char buf[40];
    std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012llx",
                  static_cast<unsigned long long>(++m_uidCounter));
    return buf;
}

api::ObjectPtr Store::create(api::Object object)
{
    if (get(object.kind(), object.metadata.namespace_, object.metadata.name))
        throw std::logic_error("store: " + object.displayName() + " already exists");
    object.metadata.uid = nextUid();
    object.metadata.creationTimestamp = m_engine.now();
    object.metadata.generation = 1;
    return store(std::move(object), WatchEventType::Added, nullptr);
}

api::ObjectPtr Store::update(api::Object object)
{
    api::ObjectPtr old = get(object.kind(), object.metadata.namespace_, object.metadata.name);
    if (!old)
        throw std::logic_error("store: " + object.displayName() + " not found for update");
    object.metadata.uid = old->metadata.uid;
    object.metadata.creationTimestamp = old->metadata.creationTimestamp;
    object.metadata.generation = old->metadata.generation + (specDiffers(object, *old) ? 1 : 0);
    return store(std::move(object), WatchEventType::Modified, old);
}

api::ObjectPtr Store::updateStatus(api::Object object)
{
    api::ObjectPtr old = get(object.kind(), object.metadata.namespace_, object.metadata.name);
    if (!old)
        throw std::logic_error("store: " + object.displayName() + " not found for status update");
    api::Object merged = *old;
    merged.body = std::move(object.body);
    // The status subresource ignores spec changes: put the old spec back.
    std::visit(
        [&](auto &x) {
            using T = std::decay_t<decltype(x)>;
            x = withStatusOf(std::get<T>(old->body), x);
        },
        merged.body);
    return store(std::move(merged), WatchEventType::Modified, old);
}

bool Store::remove(api::Kind kind, const std::string &ns, const std::string &name)
{
    Table &table = m_objects[index(kind)];
    auto it = table.find(Key{ns, name});
    if (it == table.end())
        return false;
    api::ObjectPtr old = it->second;
    table.erase(it);
    unindexOwners(*old);
    ++m_resourceVersion;
    // Watchers still see the removed object's dependents (the garbage collector needs them).
    notify(WatchEvent{WatchEventType::Deleted, old, old});
    m_dependents.erase(old->metadata.uid);
    return true;
}

api::ObjectPtr Store::store(api::Object object, WatchEventType type, api::ObjectPtr old)
{
    object.metadata.resourceVersion = ++m_resourceVersion;
    auto ptr = std::make_shared<const api::Object>(std::move(object));
    m_objects[index(ptr->kind())][Key{ptr->metadata.namespace_, ptr->metadata.name}] = ptr;
    reindexOwners(ptr, old.get());
    notify(WatchEvent{type, ptr, old});
    return ptr;
}

void Store::reindexOwners(const api::ObjectPtr &object, const api::Object *old)
{
    // Most updates keep the owners: then only the held object changes.
    if (old && old->metadata.ownerReferences != object->metadata.ownerReferences)
        unindexOwners(*old);
    const DependentKey key{object->kind(), object->metadata.namespace_, object->metadata.name};
    for (const api::OwnerReference &ref : object->metadata.ownerReferences)
        m_dependents[ref.uid][key] = object;
}

void Store::unindexOwners(const api::Object &object)
{
    const DependentKey key{object.kind(), object.metadata.namespace_, object.metadata.name};
    for (const api::OwnerReference &ref : object.metadata.ownerReferences) {
        if (auto it = m_dependents.find(ref.uid); it != m_dependents.end()) {
            it->second.erase(key);
            if (it->second.empty())
                m_dependents.erase(it);
        }
    }
}

void Store::notify(const WatchEvent &event)
{
    // By index: a watcher may register another while being notified (the new one sees later events only).
    const std::size_t n = m_watchers.size();
    for (std::size_t i = 0; i < n && i < m_watchers.size(); ++i)
        m_watchers[i].second(event);
}

int Store::watch(Watcher watcher)
{
    m_watchers.emplace_back(m_nextWatch, std::move(watcher));
    return m_nextWatch++;
}

void Store::unwatch(int handle)
{
    std::erase_if(m_watchers, [handle](const auto &w) { return w.first == handle; });
}

} // namespace sim::store
