#pragma once

#include <QUndoCommand>

#include <string>
#include <vector>

namespace ui {

class SimulationHost;

/** Changes the weights of one HTTPRoute rule through the Simulation command API; undo restores the old ones. */
class SetBackendWeightsCommand : public QUndoCommand {
public:
    SetBackendWeightsCommand(SimulationHost *host, std::string ns, std::string route, int rule,
                             std::vector<int> before, std::vector<int> after);

    void undo() override;
    void redo() override;
    /** Consecutive moves of the same slider merge into one undo step. */
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const std::vector<int> &weights);

    SimulationHost *m_host;
    std::string m_namespace;
    std::string m_route;
    int m_rule;
    std::vector<int> m_before;
    std::vector<int> m_after;
};

} // namespace ui
