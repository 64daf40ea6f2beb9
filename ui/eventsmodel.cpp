#include "ui/eventsmodel.h"

#include "sim/console/duration.h"
#include "sim/console/eventprinter.h"
#include "ui/qs.h"

#include <QColor>

namespace ui {

EventsModel::EventsModel(QObject *parent) : QAbstractTableModel(parent) {}

void EventsModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

void EventsModel::dropExpired(const std::deque<sim::controllers::Event> &events)
{
    const std::uint64_t firstKept = events.empty() ? UINT64_MAX : events.front().sequence;
    std::size_t expired = 0;
    while (expired < m_events.size() && m_events[expired].sequence < firstKept)
        ++expired;
    if (expired == 0)
        return;
    beginRemoveRows({}, 0, static_cast<int>(expired) - 1);
    m_events.erase(m_events.begin(), m_events.begin() + static_cast<std::ptrdiff_t>(expired));
    endRemoveRows();
}

void EventsModel::refresh(const std::deque<sim::controllers::Event> &events, sim::engine::SimTime now)
{
    m_now = now;
    dropExpired(events);
    // The recorder keeps order of first occurrence, so kept rows line up with the front of its log.
    const std::size_t kept = std::min(m_events.size(), events.size());
    for (std::size_t i = 0; i < kept; ++i)
        if (m_events[i].count != events[i].count || m_events[i].lastTimestamp != events[i].lastTimestamp) {
            m_events[i] = events[i];
            emit dataChanged(index(static_cast<int>(i), 0), index(static_cast<int>(i), ColumnCount - 1));
        }
    if (events.size() > m_events.size()) {
        beginInsertRows({}, static_cast<int>(m_events.size()), static_cast<int>(events.size()) - 1);
        m_events.insert(m_events.end(), events.begin() + static_cast<std::ptrdiff_t>(m_events.size()), events.end());
        endInsertRows();
    }
    if (!m_events.empty())
        emit dataChanged(index(0, LastSeen), index(rowCount() - 1, LastSeen));
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    const sim::controllers::Event &e = m_events[static_cast<std::size_t>(index.row())];
    const bool warning = e.type == "Warning";
    if (role == kIsWarningRole)
        return warning;
    if (role == Qt::ForegroundRole && warning && (index.column() == Type || index.column() == Reason))
        return m_theme.failing;
    if (role == Qt::ToolTipRole && index.column() == Message)
        return QString::fromStdString(sim::console::eventMessage(e));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case LastSeen: return QString::fromStdString(sim::console::humanDuration(m_now - e.lastTimestamp));
    case Type: return qs(e.type);
    case Reason: return qs(e.reason);
    case Object:
        return QString::fromStdString(std::string(sim::api::kindInfo(e.involvedObject.kind).singular) + "/" + e.involvedObject.name);
    case Message: return QString::fromStdString(sim::console::eventMessage(e));
    case Count: return e.count;
    default: return {};
    }
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE", "COUNT"};
    return QString::fromLatin1(titles[section]);
}

} // namespace ui
