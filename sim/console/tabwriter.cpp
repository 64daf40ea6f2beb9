#include "sim/console/tabwriter.h"

#include "sim/console/table.h"

#include <algorithm>

namespace sim::console {
namespace {

std::vector<std::string> splitCells(const std::string &line)
{
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
        cells.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
    cells.push_back(line.substr(start));
    return cells;
}

} // namespace

TabWriter::TabWriter(std::size_t minWidth, std::size_t padding) : m_minWidth(minWidth), m_padding(padding) {}

void TabWriter::write(const std::string &text)
{
    m_partial += text;
    std::size_t start = 0;
    for (std::size_t nl = m_partial.find('\n'); nl != std::string::npos; nl = m_partial.find('\n', start)) {
        m_lines.push_back(splitCells(m_partial.substr(start, nl - start)));
        start = nl + 1;
    }
    m_partial.erase(0, start);
}

std::string TabWriter::flush()
{
    if (!m_partial.empty()) {
        m_lines.push_back(splitCells(m_partial));
        m_partial.clear();
    }
    std::string out;
    m_widths.clear();
    format(out, 0, m_lines.size());
    m_lines.clear();
    return out;
}

// The recursion of Go's Writer.format: find a block of lines that have a cell in the next column,
// size that column over the block, then format the columns right of it within the block.
void TabWriter::format(std::string &out, std::size_t line0, std::size_t line1)
{
    const std::size_t column = m_widths.size();
    for (std::size_t current = line0; current < line1; ++current) {
        if (column + 1 >= m_lines[current].size())
            continue;
        writeLines(out, line0, current);
        line0 = current;
        std::size_t width = m_minWidth;
        for (; current < line1 && column + 1 < m_lines[current].size(); ++current)
            width = std::max(width, displayWidth(m_lines[current][column]) + m_padding);
        m_widths.push_back(width);
        format(out, line0, current);
        m_widths.pop_back();
        line0 = current;
        if (current == line1)
            break;
    }
    writeLines(out, line0, line1);
}

void TabWriter::writeLines(std::string &out, std::size_t line0, std::size_t line1) const
{
    for (std::size_t i = line0; i < line1; ++i) {
        const Line &line = m_lines[i];
        for (std::size_t j = 0; j < line.size(); ++j) {
            out += line[j];
            if (j + 1 < line.size() && j < m_widths.size())
                out.append(m_widths[j] - std::min(m_widths[j], displayWidth(line[j])), ' ');
        }
        out += '\n';
    }
}

} // namespace sim::console
