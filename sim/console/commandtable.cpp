#include "sim/console/commandtable.h"

namespace sim::console {

void CommandTable::add(std::unique_ptr<Command> command)
{
    for (auto &existing : m_commands) {
        if (existing->name() == command->name()) {
            existing = std::move(command);
            return;
        }
    }
    m_commands.push_back(std::move(command));
}

const Command *CommandTable::find(std::string_view name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

std::vector<const Command *> CommandTable::commands() const
{
    std::vector<const Command *> out;
    for (const auto &command : m_commands)
        out.push_back(command.get());
    return out;
}

} // namespace sim::console
