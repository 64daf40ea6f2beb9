#include "ui/setbackendweightscommand.h"

#include "ui/simulationhost.h"

#include <QCoreApplication>

namespace ui {

SetBackendWeightsCommand::SetBackendWeightsCommand(SimulationHost *host, WeightedRule rule, std::vector<int> before,
                                                   std::vector<int> after)
    : m_host(host), m_rule(std::move(rule)), m_before(std::move(before)), m_after(std::move(after))
{
    describe();
}

void SetBackendWeightsCommand::describe()
{
    const QString name = QString::fromStdString(m_rule.route);
    if (m_rule.kind == WeightedRule::Kind::IngressCanary) {
        setText(QCoreApplication::translate("ui", "Set canary-weight of %1 to %2").arg(name).arg(m_after.back()));
        return;
    }
    QString weights;
    for (int w : m_after)
        weights += (weights.isEmpty() ? QString() : QStringLiteral("/")) + QString::number(w);
    setText(QCoreApplication::translate("ui", "Set weights of %1 to %2").arg(name, weights));
}

void SetBackendWeightsCommand::apply(const std::vector<int> &weights)
{
    sim::Simulation &simulation = m_host->simulation();
    const bool ok = m_rule.kind == WeightedRule::Kind::IngressCanary
                        ? simulation.setCanaryWeight(m_rule.ns, m_rule.route, weights.back()).ok
                        : simulation.setBackendWeights(m_rule.ns, m_rule.route, m_rule.rule, weights).ok;
    if (!ok)
        setObsolete(true);  // the object went away or changed shape: nothing to redo or undo
    m_host->flushChanges();
}

void SetBackendWeightsCommand::undo()
{
    apply(m_before);
}

void SetBackendWeightsCommand::redo()
{
    apply(m_after);
}

bool SetBackendWeightsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetBackendWeightsCommand *>(other);
    if (next->m_rule.kind != m_rule.kind || next->m_rule.ns != m_rule.ns || next->m_rule.route != m_rule.route
        || next->m_rule.rule != m_rule.rule)
        return false;
    m_after = next->m_after;
    describe();
    return true;
}

} // namespace ui
