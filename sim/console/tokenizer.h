#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sim::console {

/** A command line split into words, or why it could not be. */
struct Tokens {
    std::vector<std::string> words;
    std::string error;  // empty when the line was well formed
    bool ok() const { return error.empty(); }
};

/**
 * Splits a line as a POSIX shell does for simple commands: whitespace separates words; 'single quotes'
 * are literal; "double quotes" allow \" \\ \$ \` escapes; a backslash outside quotes escapes the next
 * character; a word starting with # begins a comment. No variables, globs or pipes.
 */
Tokens tokenize(std::string_view line);

} // namespace sim::console
