#pragma once

#include "sim/console/table.h"
#include "sim/controllers/event.h"
#include "sim/engine/simtime.h"

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace sim::console {

/** The namespace an Event is stored in: its object's, or "default" for cluster-scoped objects (Nodes). */
std::string eventNamespace(const controllers::Event &event);
/** The events in a namespace (all when nullopt), in recording order. */
std::vector<const controllers::Event *> eventsIn(const std::deque<controllers::Event> &events,
                                                 const std::optional<std::string> &ns);
/** The describe / `kubectl events` age: "40s", or "5s (x3 over 40s)" for a repeated event. */
std::string eventInterval(const controllers::Event &event, engine::SimTime now);
/** The message with surrounding whitespace trimmed, as kubectl prints it. */
std::string eventMessage(const controllers::Event &event);
/** An Event's metadata.name as the recorder would name it: "<object>.<16 hex digits>". */
std::string eventName(const controllers::Event &event);

/**
 * `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT ("pod/web-1"), MESSAGE, in the API server's
 * order (by event name: grouped by object, then by time); -o wide adds SUBOBJECT, SOURCE, FIRST SEEN,
 * COUNT, NAME; allNamespaces puts NAMESPACE first.
 */
Table getEventsTable(std::vector<const controllers::Event *> events, engine::SimTime now, bool wide,
                     bool allNamespaces);
/**
 * `kubectl events`: LAST SEEN ("5s (x3 over 40s)" for repeats), TYPE, REASON, OBJECT ("Pod/web-1"),
 * MESSAGE, oldest first by last occurrence.
 */
Table eventsTable(std::vector<const controllers::Event *> events, engine::SimTime now, bool allNamespaces);

} // namespace sim::console
