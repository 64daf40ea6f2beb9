#pragma once

#include "sim/api/object.h"

#include <QList>
#include <QString>
#include <QMetaType>

namespace ui {

/** A structural change to the cluster, built from the store's watch events and delivered once per frame. */
struct ChangeEvent {
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    sim::api::Kind kind = sim::api::Kind::Pod;
    sim::api::ObjectPtr object;  // the new state (the last state for Deleted)
    bool isSpecChange = false;   // Added, Deleted, or a change of the spec, labels or annotations (not status alone)
};

using ChangeEvents = QList<ChangeEvent>;

/** Names one object: what selection signals carry between views. */
struct ObjectKey {
    sim::api::Kind kind = sim::api::Kind::Pod;
    QString ns;
    QString name;
    int rule = -1;  // an HTTPRoute rule or Ingress path (flat index) picked on the canvas: its YAML lines are pointed at
    bool operator==(const ObjectKey &) const = default;
};

} // namespace ui

Q_DECLARE_METATYPE(ui::ChangeEvents)
Q_DECLARE_METATYPE(ui::ObjectKey)
