#include "sim/console/describewriter.h"

#include "sim/console/eventprinter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace sim::console {

std::string formatRfc1123(engine::SimTime time)
{
    using namespace std::chrono;
    // The manifest encoder's epoch (manifest::kTimestampEpoch), so describe and -o yaml agree.
    constexpr sys_days kEpoch = year{2024} / January / 1;
    static const char *const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::int64_t totalSeconds = time / engine::kSecond - (time % engine::kSecond < 0 ? 1 : 0);
    std::int64_t dayCount = totalSeconds / 86400 - (totalSeconds % 86400 < 0 ? 1 : 0);
    std::int64_t secondOfDay = totalSeconds - dayCount * 86400;
    sys_days day = kEpoch + days{dayCount};
    year_month_day date{day};
    weekday wd{day};
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d +0000", kDays[wd.c_encoding()],
                  static_cast<unsigned>(date.day()), kMonths[static_cast<unsigned>(date.month()) - 1],
                  static_cast<int>(date.year()), static_cast<int>(secondOfDay / 3600),
                  static_cast<int>(secondOfDay / 60 % 60), static_cast<int>(secondOfDay % 60));
    return buf;
}

DescribeWriter::DescribeWriter() : m_writer(0, 2) {}

void DescribeWriter::write(int level, const std::string &text)
{
    m_writer.write(std::string(2 * static_cast<std::size_t>(level), ' ') + text);
}

void DescribeWriter::multiline(const std::string &indent, const std::string &title,
                               const std::vector<std::string> &lines)
{
    write(0, indent + title + ":\t");
    if (lines.empty()) {
        write(0, "<none>\n");
        return;
    }
    for (std::size_t i = 0; i < lines.size(); ++i)
        write(0, (i ? indent + "\t" : std::string()) + lines[i] + "\n");
}

void DescribeWriter::labels(const std::string &indent, const std::string &title,
                            const std::map<std::string, std::string> &labels)
{
    std::vector<std::string> lines;
    for (const auto &[key, value] : labels)
        lines.push_back(key + "=" + value);
    multiline(indent, title, lines);
}

void DescribeWriter::annotations(const std::string &indent, const std::string &title,
                                 const std::map<std::string, std::string> &annotations)
{
    std::vector<std::string> lines;
    for (const auto &[key, value] : annotations) {
        if (key != "kubectl.kubernetes.io/last-applied-configuration")
            lines.push_back(key + ": " + value);
    }
    multiline(indent, title, lines);
}

void DescribeWriter::events(const std::vector<const controllers::Event *> &events, engine::SimTime now)
{
    if (events.empty()) {
        write(0, "Events:\t<none>\n");
        return;
    }
    m_out += m_writer.flush();
    std::vector<const controllers::Event *> sorted = events;
    std::stable_sort(sorted.begin(), sorted.end(), [](const controllers::Event *a, const controllers::Event *b) {
        return a->lastTimestamp < b->lastTimestamp;
    });
    write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    write(1, "----\t------\t----\t----\t-------\n");
    for (const controllers::Event *e : sorted) {
        write(1, std::string(e->type) + "\t" + std::string(e->reason) + "\t" + eventInterval(*e, now) + "\t" +
                     std::string(e->source) + "\t" + eventMessage(*e) + "\n");
    }
}

std::string DescribeWriter::text()
{
    m_out += m_writer.flush();
    return std::move(m_out);
}

} // namespace sim::console
