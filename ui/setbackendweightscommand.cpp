#include "ui/setbackendweightscommand.h"

#include "ui/simulationhost.h"

#include <QCoreApplication>

namespace ui {

SetBackendWeightsCommand::SetBackendWeightsCommand(SimulationHost *host, std::string ns, std::string route, int rule,
                                                   std::vector<int> before, std::vector<int> after)
    : m_host(host), m_namespace(std::move(ns)), m_route(std::move(route)), m_rule(rule), m_before(std::move(before)),
      m_after(std::move(after))
{
    QString weights;
    for (int w : m_after)
        weights += (weights.isEmpty() ? QString() : QStringLiteral("/")) + QString::number(w);
    setText(QCoreApplication::translate("ui", "Set weights of %1 to %2").arg(QString::fromStdString(m_route), weights));
}

void SetBackendWeightsCommand::apply(const std::vector<int> &weights)
{
    if (!m_host->simulation().setBackendWeights(m_namespace, m_route, m_rule, weights).ok)
        setObsolete(true);  // the route went away or changed shape: nothing to redo or undo
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
    if (next->m_namespace != m_namespace || next->m_route != m_route || next->m_rule != m_rule)
        return false;
    m_after = next->m_after;
    setText(next->text());
    return true;
}

} // namespace ui
