#include "sim/store/store.h"

#include <stdexcept>
#include <type_traits>

namespace sim::store {
namespace {

template <class T, class = void> struct HasStatus : std::false_type {};
template <class T> struct HasStatus<T, std::void_t<decltype(std::declval<T>().status)>> : std::true_type {};
template <class T, class = void> struct HasSpec : std::false_type {};
template <class T> struct HasSpec<T, std::void_t<decltype(std::declval<T>().spec)>> : std::true_type {};

// A kind with a status holds a spec and the status, nothing else (Namespace: the status only), so "all but the
// status" is the spec. The size check fails the build when a member is added beside them.
template <class T> constexpr bool specAndStatusOnly()
{
    if constexpr (!HasStatus<T>::value)
        return true;
    else if constexpr (HasSpec<T>::value)
        return sizeof(T) == sizeof(T::spec) + sizeof(T::status);
    else
        return sizeof(T) == sizeof(T::status);
}

template <class T> bool sameButStatus(const T &a, const T &b)
{
    static_assert(specAndStatusOnly<T>(), "a kind with a status holds only spec and status");
    if constexpr (!HasStatus<T>::value)
        return a == b;
    else if constexpr (HasSpec<T>::value)
        return a.spec == b.spec;
    else
        return true;
}

} // namespace

bool specDiffers(const api::Object &a, const api::Object &b)
{
    if (a.kind() != b.kind())
        return true;
    return std::visit(
        [&](const auto &x) {
            using T = std::decay_t<decltype(x)>;
            return !sameButStatus(x, std::get<T>(b.body));
        },
        a.body);
}

Store::Store(const engine::Engine &engine) : m_engine(engine) {}

api::ObjectPtr Store::get(api::Kind kind, std::string_view ns, std::string_view name) const
{
    const HashIndex &byKey = m_byKey[index(kind)];
    auto it = byKey.find(KeyView{ns, name});
    return it == byKey.end() ? nullptr : it->second->second.object;
}

std::optional<Slot> Store::slotOf(api::Kind kind, std::string_view ns, std::string_view name) const
{
    const HashIndex &byKey = m_byKey[index(kind)];
    auto it = byKey.find(KeyView{ns, name});
    return it == byKey.end() ? std::nullopt : std::optional<Slot>(it->second->second.slot);
}

std::vector<api::ObjectPtr> Store::list(api::Kind kind, const std::optional<std::string> &ns) const
{
    const Table &table = m_objects[index(kind)];
    std::vector<api::ObjectPtr> out;
    if (!ns) {
        out.reserve(table.size());
        for (const auto &[key, entry] : table)
            out.push_back(entry.object);
        return out;
    }
    for (auto it = table.lower_bound(KeyView{*ns, std::string_view()}); it != table.end() && it->first.first == *ns; ++it)
        out.push_back(it->second.object);
    return out;
}

std::vector<api::ObjectPtr> Store::listOwnedBy(api::Kind kind, const std::string &ns, const std::string &ownerUid) const
{
    std::vector<api::ObjectPtr> out;
    auto it = m_dependents.find(ownerUid);
    if (it == m_dependents.end())
        return out;
    for (const auto &[key, dependent] : it->second) {
        if (dependent.controlled && std::get<0>(key) == kind && std::get<1>(key) == ns)
            out.push_back(*dependent.current);
    }
    return out;
}

std::vector<api::ObjectPtr> Store::dependentsOf(const std::string &ownerUid) const
{
    std::vector<api::ObjectPtr> out;
    auto it = m_dependents.find(ownerUid);
    if (it == m_dependents.end())
        return out;
    for (const auto &[key, dependent] : it->second)
        out.push_back(*dependent.current);
    return out;
}

std::string Store::nextUid()
{
    // Deterministic, UUID-shaped: the same run always hands out the same uids. The counter is written as 12 lowercase
    // hex digits by hand: snprintf took ~1,200 instructions per object.
    std::string uid = "00000000-0000-4000-8000-000000000000";
    std::uint64_t n = ++m_uidCounter;
    for (std::size_t i = uid.size(); i-- > uid.size() - 12 && n != 0; n >>= 4)
        uid[i] = "0123456789abcdef"[n & 0xf];
    return uid;
}

Slot Store::takeSlot(api::Kind kind)
{
    std::vector<Slot> &free = m_freeSlots[index(kind)];
    if (free.empty())
        return m_slotsTaken[index(kind)]++;
    const Slot slot = free.back();
    free.pop_back();
    return slot;
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
    if (object.kind() != old->kind())
        throw std::logic_error("store: " + object.displayName() + " changes kind in a status update");
    // The status subresource ignores metadata and spec changes: put the old ones back where they differ (callers
    // normally pass a copy of the stored object, so this compares and copies nothing).
    if (!(object.metadata == old->metadata))
        object.metadata = old->metadata;
    std::visit(
        [&](auto &x) {
            using T = std::decay_t<decltype(x)>;
            const T &before = std::get<T>(old->body);
            if constexpr (HasSpec<T>::value) {
                if (!(x.spec == before.spec))
                    x.spec = before.spec;
            } else if constexpr (!HasStatus<T>::value) {
                x = before;
            }
        },
        object.body);
    return store(std::move(object), WatchEventType::Modified, old);
}

bool Store::remove(api::Kind kind, const std::string &ns, const std::string &name)
{
    HashIndex &byKey = m_byKey[index(kind)];
    auto found = byKey.find(KeyView{ns, name});
    if (found == byKey.end())
        return false;
    const Table::iterator it = found->second;
    const api::ObjectPtr old = it->second.object;
    const Slot slot = it->second.slot;
    byKey.erase(found);
    m_objects[index(kind)].erase(it);
    unindexOwners(*old);
    ++m_resourceVersion;
    // Watchers still see the removed object's dependents (the garbage collector needs them).
    notify(WatchEvent{WatchEventType::Deleted, old, old, slot});
    m_dependents.erase(old->metadata.uid);
    // Freed only now: an object created while the deletion was being delivered must not take the slot of one that some
    // watchers have not yet seen go.
    m_freeSlots[index(kind)].push_back(slot);
    return true;
}

api::ObjectPtr Store::store(api::Object object, WatchEventType type, api::ObjectPtr old)
{
    object.metadata.resourceVersion = ++m_resourceVersion;
    auto ptr = std::make_shared<const api::Object>(std::move(object));
    const std::size_t kind = index(ptr->kind());
    HashIndex &byKey = m_byKey[kind];
    Table::iterator entry;
    if (auto found = byKey.find(KeyView{ptr->metadata.namespace_, ptr->metadata.name}); found != byKey.end()) {
        entry = found->second;
        entry->second.object = ptr;
    } else {
        entry = m_objects[kind].emplace(Key{ptr->metadata.namespace_, ptr->metadata.name}, Entry{ptr, takeSlot(ptr->kind())})
                    .first;
        byKey.emplace(KeyView{entry->first.first, entry->first.second}, entry);
    }
    reindexOwners(entry->second.object, old.get());
    notify(WatchEvent{type, ptr, old, entry->second.slot});
    return ptr;
}

void Store::reindexOwners(const api::ObjectPtr &current, const api::Object *old)
{
    const api::Object &object = *current;
    if (old) {
        // Same owners: their entries already point at this table entry, which now holds the new version.
        if (old->metadata.ownerReferences == object.metadata.ownerReferences)
            return;
        unindexOwners(*old);
    }
    const auto key = std::tuple(object.kind(), std::string_view(object.metadata.namespace_),
                                std::string_view(object.metadata.name));
    const api::OwnerReference *controller = object.metadata.controllerRef();
    for (const api::OwnerReference &ref : *object.metadata.ownerReferences) {
        const Dependent dependent{&current, controller && controller->uid == ref.uid};
        Dependents &dependents = m_dependents[ref.uid];
        if (auto it = dependents.find(key); it != dependents.end())
            it->second = dependent;
        else
            dependents.emplace(DependentKey{std::get<0>(key), std::get<1>(key), std::get<2>(key)}, dependent);
    }
}

void Store::unindexOwners(const api::Object &object)
{
    const auto key = std::tuple(object.kind(), std::string_view(object.metadata.namespace_),
                                std::string_view(object.metadata.name));
    for (const api::OwnerReference &ref : *object.metadata.ownerReferences) {
        if (auto it = m_dependents.find(ref.uid); it != m_dependents.end()) {
            if (auto dependent = it->second.find(key); dependent != it->second.end())
                it->second.erase(dependent);
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
