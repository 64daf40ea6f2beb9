#pragma once

#include <string>

namespace sim::console {

/** Exit codes, as the command line documents them. */
enum ExitCode : int {
    kExitSuccess = 0,
    kExitInvalidInput = 1,  // the input was understood but is wrong: not found, invalid manifest
    kExitUsage = 2,         // the command itself is malformed: unknown flag, missing argument
};

/** What running one command gave: its standard output, its standard error and its exit code. */
struct CommandResult {
    std::string out;
    std::string err;
    int exitCode = kExitSuccess;

    bool isSuccess() const { return exitCode == kExitSuccess; }
    /** Appends a line to stderr and records the exit code (the worst one wins). */
    void fail(int code, const std::string &line);
    /** Appends the other result's text and keeps the worse exit code. */
    void append(const CommandResult &other);
};

} // namespace sim::console
