#include "sim/console/tokenizer.h"

namespace sim::console {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Characters a backslash escapes inside double quotes; before any other character it stays literal.
bool isDoubleQuoteEscape(char c) { return c == '"' || c == '\\' || c == '$' || c == '`'; }

} // namespace

Tokens tokenize(std::string_view line)
{
    Tokens tokens;
    std::string word;
    bool inWord = false;
    std::size_t i = 0;
    auto flush = [&] {
        if (inWord)
            tokens.words.push_back(word);
        word.clear();
        inWord = false;
    };
    while (i < line.size()) {
        char c = line[i];
        if (isBlank(c)) {
            flush();
            ++i;
        } else if (c == '#' && !inWord) {
            break;
        } else if (c == '\\') {
            inWord = true;
            if (i + 1 < line.size())
                word += line[i + 1];
            i += 2;
        } else if (c == '\'') {
            std::size_t close = line.find('\'', i + 1);
            if (close == std::string_view::npos) {
                tokens.error = "unterminated single quote";
                return tokens;
            }
            word += line.substr(i + 1, close - i - 1);
            inWord = true;
            i = close + 1;
        } else if (c == '"') {
            inWord = true;
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (line[i] == '\\' && i + 1 < line.size() && isDoubleQuoteEscape(line[i + 1]))
                    ++i;
                word += line[i++];
            }
            if (!closed) {
                tokens.error = "unterminated double quote";
                return tokens;
            }
        } else {
            inWord = true;
            word += c;
            ++i;
        }
    }
    flush();
    return tokens;
}

} // namespace sim::console
