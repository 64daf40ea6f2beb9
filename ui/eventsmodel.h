#pragma once

#include "sim/controllers/event.h"
#include "ui/theme.h"

#include <QAbstractTableModel>

#include <deque>
#include <vector>

namespace ui {

/**
 * The cluster's events as rows, oldest first, like `kubectl get events -w`: LAST SEEN, TYPE, REASON,
 * OBJECT, MESSAGE, COUNT. It holds a copy, refreshed from the recorder: new events are appended, folded
 * repeats update their row, expired ones leave from the top.
 */
class EventsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { LastSeen, Type, Reason, Object, Message, Count, ColumnCount };
    /** Role of a row's data: true for a Warning. */
    static constexpr int kIsWarningRole = Qt::UserRole + 1;

    explicit EventsModel(QObject *parent = nullptr);

    /** Brings the rows up to date with the recorder's events at sim time `now`. */
    void refresh(const std::deque<sim::controllers::Event> &events, sim::engine::SimTime now);
    void clear();
    void setTheme(const Theme &theme) { m_theme = theme; }
    const sim::controllers::Event &event(int row) const { return m_events[static_cast<std::size_t>(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void dropExpired(const std::deque<sim::controllers::Event> &events);

    std::vector<sim::controllers::Event> m_events;
    sim::engine::SimTime m_now = 0;
    Theme m_theme;
};

} // namespace ui
