#include "sim/scenario/tracelog.h"

#include "sim/scenario/duration.h"

#include <algorithm>

namespace sim::scenario {

void TraceLog::add(engine::SimTime time, std::string text)
{
    m_lines.push_back({time, m_nextOrder++, std::move(text)});
}

std::string TraceLog::text() const
{
    std::vector<const Line *> ordered;
    ordered.reserve(m_lines.size());
    for (const Line &line : m_lines)
        ordered.push_back(&line);
    // Cluster events are collected after the actions that caused them; sorting puts them where they happened.
    std::stable_sort(ordered.begin(), ordered.end(), [](const Line *a, const Line *b) {
        return a->time != b->time ? a->time < b->time : a->order < b->order;
    });
    std::string out;
    for (const Line *line : ordered) {
        std::string stamp = formatSimTime(line->time);
        if (stamp.size() < 14)
            stamp.insert(0, 14 - stamp.size(), ' ');
        out += "[" + stamp + "] " + line->text + "\n";
    }
    return out;
}

} // namespace sim::scenario
