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
#include <unordered_map>
#include <vector>

namespace sim::store {

enum class WatchEventType { Added, Modified, Deleted };

/** A change to one object, delivered synchronously to every watcher in registration order. */
struct WatchEvent {
    WatchEventType type;
    api::ObjectPtr object;  // the new state (the last state for Deleted)
    api::ObjectPtr old;     // the previous state for Modified and Deleted
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

    api::ObjectPtr get(api::Kind kind, const std::string &ns, const std::string &name) const;
    /** Objects of a kind in (namespace, name) order; all namespaces when ns is nullopt. */
    std::vector<api::ObjectPtr> list(api::Kind kind, const std::optional<std::string> &ns = std::nullopt) const;
    /** Objects of a kind in a namespace whose controller owner reference has this uid, in name order. */
    std::vector<api::ObjectPtr> listOwnedBy(api::Kind kind, const std::string &ns, const std::string &ownerUid) const;
    /** Objects of any kind that name `ownerUid` in an owner reference (for cascading deletion). */
    std::vector<api::ObjectPtr> dependentsOf(const std::string &ownerUid) const;
    std::size_t count(api::Kind kind) const { return m_objects[index(kind)].size(); }

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
    using Table = std::map<Key, api::ObjectPtr>;

    static std::size_t index(api::Kind kind) { return static_cast<std::size_t>(kind); }
    api::ObjectPtr store(api::Object object, WatchEventType type, api::ObjectPtr old);
    /** Files a stored object under each of its owners (after the old version's owners, when they differ). */
    void reindexOwners(const api::ObjectPtr &object, const api::Object *old);
    void unindexOwners(const api::Object &object);
    void notify(const WatchEvent &event);
    std::string nextUid();

    const engine::Engine &m_engine;
    std::array<Table, api::kKindCount> m_objects;
    // owner uid -> its dependents by (kind, namespace, name), holding the stored objects so listing the pods of a
    // ReplicaSet costs no look-up per pod
    using DependentKey = std::tuple<api::Kind, std::string, std::string>;
    std::unordered_map<std::string, std::map<DependentKey, api::ObjectPtr>> m_dependents;
    std::uint64_t m_resourceVersion = 0;
    std::uint64_t m_uidCounter = 0;
    int m_nextWatch = 1;
    std::vector<std::pair<int, Watcher>> m_watchers;
};

/** True when the two bodies differ in anything but status (what bumps metadata.generation). */
bool specDiffers(const api::Object &a, const api::Object &b);

} // namespace sim::store
