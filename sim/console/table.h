#pragma once

#include <string>
#include <vector>

namespace sim::console {

/**
 * A table as kubectl prints it (through a TabWriter with kubectl's settings): columns left-aligned, each
 * as wide as its longest cell plus three spaces of padding and at least six characters, the last column
 * unpadded. Widths count characters (UTF-8 code points), not bytes.
 */
class Table {
public:
    explicit Table(std::vector<std::string> headers = {});

    void addRow(std::vector<std::string> cells);
    /** Puts a column in front of every row (NAMESPACE for -A). */
    void prependColumn(const std::string &header, const std::vector<std::string> &cells);
    /** Appends a column to every row (LABELS for --show-labels). */
    void appendColumn(const std::string &header, const std::vector<std::string> &cells);
    /** Prefixes every NAME cell of the first column ("pod/" in `get all`). */
    void prefixFirstColumn(const std::string &prefix);

    const std::vector<std::string> &headers() const { return m_headers; }
    const std::vector<std::vector<std::string>> &rows() const { return m_rows; }
    bool isEmpty() const { return m_rows.empty(); }

    /** The text, header line included unless noHeaders; every line ends in '\n'. */
    std::string render(bool noHeaders = false) const;

    static constexpr std::size_t kPadding = 3;
    static constexpr std::size_t kMinWidth = 6;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
};

/** Number of characters in UTF-8 text. */
std::size_t displayWidth(const std::string &text);

} // namespace sim::console
