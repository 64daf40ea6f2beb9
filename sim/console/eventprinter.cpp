#include "sim/console/eventprinter.h"

#include "sim/console/duration.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace sim::console {
namespace {

std::string lowered(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string kindName(const controllers::Event &e) { return std::string(api::kindInfo(e.involvedObject.kind).name); }

} // namespace

std::string eventNamespace(const controllers::Event &event)
{
    return event.involvedObject.namespace_.empty() ? "default" : event.involvedObject.namespace_;
}

std::vector<const controllers::Event *> eventsIn(const std::deque<controllers::Event> &events,
                                                 const std::optional<std::string> &ns)
{
    std::vector<const controllers::Event *> out;
    for (const controllers::Event &e : events) {
        if (!ns || eventNamespace(e) == *ns)
            out.push_back(&e);
    }
    return out;
}

std::string eventInterval(const controllers::Event &event, engine::SimTime now)
{
    std::string first = humanDuration(now - event.firstTimestamp);
    if (event.count <= 1)
        return first;
    return humanDuration(now - event.lastTimestamp) + " (x" + std::to_string(event.count) + " over " + first + ")";
}

std::string eventMessage(const controllers::Event &event)
{
    const std::string &s = event.message;
    std::size_t b = s.find_first_not_of(" \t\n");
    std::size_t e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string eventName(const controllers::Event &event)
{
    // Kubernetes names events <object>.<hex nanoseconds>; the sim time in nanoseconds plus the sequence
    // keeps names unique and ordered like a real cluster's.
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(event.firstTimestamp * 1000 + static_cast<std::int64_t>(event.sequence % 1000)));
    return event.involvedObject.name + "." + hex;
}

Table getEventsTable(std::vector<const controllers::Event *> events, engine::SimTime now, bool wide,
                     bool allNamespaces)
{
    std::stable_sort(events.begin(), events.end(), [](const controllers::Event *a, const controllers::Event *b) {
        return std::pair(eventNamespace(*a), eventName(*a)) < std::pair(eventNamespace(*b), eventName(*b));
    });
    Table table({"LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"});
    if (wide)
        table = Table({"LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN",
                       "COUNT", "NAME"});
    std::vector<std::string> namespaces;
    for (const controllers::Event *e : events) {
        std::string object = lowered(kindName(*e)) + "/" + e->involvedObject.name;
        std::string last = humanDuration(now - e->lastTimestamp);
        if (wide)
            table.addRow({last, std::string(e->type), std::string(e->reason), object, "", std::string(e->source), eventMessage(*e),
                          humanDuration(now - e->firstTimestamp), std::to_string(e->count), eventName(*e)});
        else
            table.addRow({last, std::string(e->type), std::string(e->reason), object, eventMessage(*e)});
        namespaces.push_back(eventNamespace(*e));
    }
    if (allNamespaces)
        table.prependColumn("NAMESPACE", namespaces);
    return table;
}

Table eventsTable(std::vector<const controllers::Event *> events, engine::SimTime now, bool allNamespaces)
{
    std::stable_sort(events.begin(), events.end(), [](const controllers::Event *a, const controllers::Event *b) {
        return a->lastTimestamp < b->lastTimestamp;
    });
    Table table({"LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"});
    std::vector<std::string> namespaces;
    for (const controllers::Event *e : events) {
        table.addRow({eventInterval(*e, now), std::string(e->type), std::string(e->reason), kindName(*e) + "/" + e->involvedObject.name, eventMessage(*e)});
        namespaces.push_back(eventNamespace(*e));
    }
    if (allNamespaces)
        table.prependColumn("NAMESPACE", namespaces);
    return table;
}

} // namespace sim::console
