#pragma once

#include "ui/weightedrule.h"

#include <QUndoCommand>

#include <vector>

namespace ui {

class SimulationHost;

/**
 * Changes one weighted split through the Simulation command API: an HTTPRoute rule's backendRef weights
 * or a canary Ingress's canary-weight (its second weight). Undo restores the old weights.
 */
class SetBackendWeightsCommand : public QUndoCommand {
public:
    SetBackendWeightsCommand(SimulationHost *host, WeightedRule rule, std::vector<int> before, std::vector<int> after);

    void undo() override;
    void redo() override;
    /** Consecutive moves of the same slider merge into one undo step. */
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const std::vector<int> &weights);
    void describe();

    SimulationHost *m_host;
    WeightedRule m_rule;
    std::vector<int> m_before;
    std::vector<int> m_after;
};

} // namespace ui
