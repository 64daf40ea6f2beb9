#pragma once

#include "sim/api/object.h"
#include "sim/engine/engine.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace sim::store {

enum class WatchEventType { Added, Modified, Deleted };

/**
 * A stored object's small number within its kind, from 0 up: it stays the object's until the object is removed, then
 * goes to the kind's next created object (the most recently freed first, so the same writes give the same slots).
 * Watchers keep per-object state in vectors indexed by it instead of hash tables keyed by "namespace/name".
 */
using Slot = std::uint32_t;

/** A change to one object, delivered synchronously to every watcher in registration order. */
struct WatchEvent {
    WatchEventType type;
    api::ObjectPtr object;  // the new state (the last state for Deleted)
    api::ObjectPtr old;     // the previous state for Modified and Deleted
    Slot slot = 0;          // the object's slot; after a Deleted event it is free for the next object of the kind
};

/**
 * The object store, as the API server's storage: objects keyed by kind / namespace / name, iterated in
 * that order; every write gets the next resourceVersion; uid, creationTimestamp and generation are set here.
 * Objects are immutable once stored: a write replaces the pointer, so readers may keep old snapshots.
 */
class Store {
public:
    using Watcher = std::function<void(const WatchEvent &)>;

    explicit Store(const engine::Engine &engine);

    api::ObjectPtr get(api::Kind kind, std::string_view ns, std::string_view name) const;
    /** Objects of a kind in (namespace, name) order; all namespaces when ns is nullopt. */
    std::vector<api::ObjectPtr> list(api::Kind kind, const std::optional<std::string> &ns = std::nullopt) const;
    /** Objects of a kind in a namespace whose controller owner reference has this uid, in name order. */
    std::vector<api::ObjectPtr> listOwnedBy(api::Kind kind, const std::string &ns, const std::string &ownerUid) const;
    /** Objects of any kind that name `ownerUid` in an owner reference (for cascading deletion). */
    std::vector<api::ObjectPtr> dependentsOf(const std::string &ownerUid) const;
    std::size_t count(api::Kind kind) const { return m_objects[index(kind)].size(); }
    /** The slot of a stored object; nullopt when there is no such object. */
    std::optional<Slot> slotOf(api::Kind kind, std::string_view ns, std::string_view name) const;

    /** Creates an object; fills uid, creationTimestamp, generation 1. The name must be free. */
    api::ObjectPtr create(api::Object object);
    /** Replaces an existing object's metadata and spec, keeping its status; generation bumps when the spec changes. */
    api::ObjectPtr update(api::Object object);
    /** Replaces an existing object's status only (the status subresource). */
    api::ObjectPtr updateStatus(api::Object object);
    /** Removes an object now (after any grace period, which the caller handles). Returns false if absent. */
    bool remove(api::Kind kind, const std::string &ns, const std::string &name);

    std::uint64_t resourceVersion() const { return m_resourceVersion; }

    int watch(Watcher watcher);
    void unwatch(int handle);

private:
    using Key = std::pair<std::string, std::string>;  // namespace, name
    using KeyView = std::pair<std::string_view, std::string_view>;
    // Orders by namespace then name, and finds by views too: a look-up copies no string.
    struct KeyLess {
        using is_transparent = void;
        template <class A, class B> bool operator()(const A &a, const B &b) const
        {
            const int byNamespace = std::string_view(a.first).compare(b.first);
            return byNamespace < 0 || (byNamespace == 0 && std::string_view(a.second) < std::string_view(b.second));
        }
    };
    struct Entry {
        api::ObjectPtr object;
        Slot slot = 0;
    };
    using Table = std::map<Key, Entry, KeyLess>;
    struct KeyViewHash {
        std::size_t operator()(const KeyView &key) const
        {
            const std::size_t h = std::hash<std::string_view>{}(key.first);
            return h ^ (std::hash<std::string_view>{}(key.second) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
        }
    };
    // Beside each sorted table, a hash of the same entries for look-ups by name: its views point into the table's
    // keys, which stay put until their entry is erased.
    using HashIndex = std::unordered_map<KeyView, Table::iterator, KeyViewHash>;

    static std::size_t index(api::Kind kind) { return static_cast<std::size_t>(kind); }
    api::ObjectPtr store(api::Object object, WatchEventType type, api::ObjectPtr old);
    /**
     * Files a stored object under each of its owners (after the old version's owners, when they differ). The index
     * points at the object's entry in its table, so a write that keeps the owners changes nothing here.
     */
    void reindexOwners(const api::ObjectPtr &current, const api::Object *old);
    void unindexOwners(const api::Object &object);
    void notify(const WatchEvent &event);
    std::string nextUid();
    Slot takeSlot(api::Kind kind);

    const engine::Engine &m_engine;
    std::array<Table, api::kKindCount> m_objects;
    std::array<HashIndex, api::kKindCount> m_byKey;
    std::array<Slot, api::kKindCount> m_slotsTaken{};               // per kind: slots handed out so far
    std::array<std::vector<Slot>, api::kKindCount> m_freeSlots;  // per kind: freed slots, reused last freed first
    // owner uid -> its dependents by (kind, namespace, name), pointing at their entries in the tables so listing the
    // pods of a ReplicaSet costs no look-up per pod (a table's entries stay put until erased)
    using DependentKey = std::tuple<api::Kind, std::string, std::string>;
    struct DependentLess {
        using is_transparent = void;
        template <class A, class B> bool operator()(const A &a, const B &b) const
        {
            if (std::get<0>(a) != std::get<0>(b))
                return std::get<0>(a) < std::get<0>(b);
            return KeyLess{}(KeyView{std::get<1>(a), std::get<2>(a)}, KeyView{std::get<1>(b), std::get<2>(b)});
        }
    };
    struct Dependent {
        const api::ObjectPtr *current = nullptr;  // the dependent's object in its m_objects entry: always its current version
        bool controlled = false;  // the owner is the object's controller: listOwnedBy reads this, not the object
    };
    using Dependents = std::map<DependentKey, Dependent, DependentLess>;
    std::unordered_map<std::string, Dependents> m_dependents;
    std::uint64_t m_resourceVersion = 0;
    std::uint64_t m_uidCounter = 0;
    int m_nextWatch = 1;
    std::vector<std::pair<int, Watcher>> m_watchers;
};

/** True when the two bodies differ in anything but status (what bumps metadata.generation); compares, copies nothing. */
bool specDiffers(const api::Object &a, const api::Object &b);

} // namespace sim::store
