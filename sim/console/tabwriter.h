#pragma once

#include <string>
#include <vector>

namespace sim::console {

/**
 * Go's text/tabwriter, which kubectl prints every table and every `describe` through: text is cut into
 * cells at '\t'; a cell ended by a tab belongs to a column, and a column is aligned over each block
 * of consecutive lines that have a cell in it (a line with fewer cells ends the block). A column is
 * as wide as its widest cell plus `padding`, and at least `minWidth`; the last cell of a line is
 * never padded.
 */
class TabWriter {
public:
    TabWriter(std::size_t minWidth, std::size_t padding);

    /** Adds text; lines end with '\n'. */
    void write(const std::string &text);
    /** Aligns everything written since the last flush and returns it. */
    std::string flush();

private:
    using Line = std::vector<std::string>;
    void format(std::string &out, std::size_t line0, std::size_t line1);
    void writeLines(std::string &out, std::size_t line0, std::size_t line1) const;

    std::size_t m_minWidth;
    std::size_t m_padding;
    std::vector<Line> m_lines;
    std::string m_partial;  // text after the last '\n'
    std::vector<std::size_t> m_widths;
};

} // namespace sim::console
