#include "sim/console/table.h"

#include "sim/console/tabwriter.h"

#include <algorithm>

namespace sim::console {

std::size_t displayWidth(const std::string &text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Table::Table(std::vector<std::string> headers) : m_headers(std::move(headers)) {}

void Table::addRow(std::vector<std::string> cells)
{
    cells.resize(m_headers.size());
    m_rows.push_back(std::move(cells));
}

void Table::prependColumn(const std::string &header, const std::vector<std::string> &cells)
{
    m_headers.insert(m_headers.begin(), header);
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_rows[i].insert(m_rows[i].begin(), i < cells.size() ? cells[i] : std::string());
}

void Table::appendColumn(const std::string &header, const std::vector<std::string> &cells)
{
    m_headers.push_back(header);
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_rows[i].push_back(i < cells.size() ? cells[i] : std::string());
}

void Table::prefixFirstColumn(const std::string &prefix)
{
    for (auto &row : m_rows) {
        if (!row.empty())
            row.front() = prefix + row.front();
    }
}

std::string Table::render(bool noHeaders) const
{
    TabWriter writer(kMinWidth, kPadding);
    auto writeLine = [&](const std::vector<std::string> &cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c)
            line += (c ? "\t" : "") + cells[c];
        writer.write(line + "\n");
    };
    if (!noHeaders)
        writeLine(m_headers);
    for (const auto &row : m_rows)
        writeLine(row);
    return writer.flush();
}

} // namespace sim::console
