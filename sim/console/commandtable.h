#pragma once

#include "sim/console/command.h"

#include <memory>
#include <string_view>
#include <vector>

namespace sim::console {

/** The verbs a Console knows, in the order `--help` lists them. */
class CommandTable {
public:
    /** Registers a verb; a later verb with the same name replaces the earlier one. */
    void add(std::unique_ptr<Command> command);
    template <class T> void add() { add(std::make_unique<T>()); }

    const Command *find(std::string_view name) const;
    std::vector<const Command *> commands() const;

private:
    std::vector<std::shared_ptr<const Command>> m_commands;
};

/** Every built-in verb: one registration line per verb in builtincommands.cpp. */
CommandTable builtinCommands();

} // namespace sim::console
