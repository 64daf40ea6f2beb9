#pragma once

#include "sim/api/objectmeta.h"
#include "sim/console/tabwriter.h"
#include "sim/engine/simtime.h"

#include <map>
#include <string>
#include <vector>

namespace sim::controllers {
struct Event;
}

namespace sim::console {

/**
 * kubectl describe's PrefixWriter: each write is indented two spaces per level and goes through a
 * TabWriter with describe's settings (no minimum width, two spaces of padding), so "Label:\tvalue"
 * lines align within each block as kubectl aligns them.
 */
class DescribeWriter {
public:
    DescribeWriter();

    void write(int level, const std::string &text);
    /** "Title:\tk=v" then one "\tk=v" line per further label, or "<none>". */
    void labels(const std::string &indent, const std::string &title, const std::map<std::string, std::string> &labels);
    /** Like labels() with "key: value"; kubectl.kubernetes.io/last-applied-configuration is left out. */
    void annotations(const std::string &indent, const std::string &title,
                     const std::map<std::string, std::string> &annotations);
    /** The Events section: "Events:\t<none>", or a table with Type, Reason, Age, From, Message. */
    void events(const std::vector<const controllers::Event *> &events, engine::SimTime now);
    std::string text();

private:
    void multiline(const std::string &indent, const std::string &title, const std::vector<std::string> &lines);

    TabWriter m_writer;
    std::string m_out;
};

/** RFC 1123 with numeric zone, as describe prints times: "Mon, 01 Jan 2024 00:02:05 +0000" (sim time 0 = 2024-01-01). */
std::string formatRfc1123(engine::SimTime time);
/** "True" / "False". */
inline std::string boolText(bool value) { return value ? "True" : "False"; }

} // namespace sim::console
