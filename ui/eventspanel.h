#pragma once

#include "ui/changeevent.h"
#include "ui/theme.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ui {

class EventsModel;
class SimulationHost;

/**
 * The Events panel: the cluster's event log as `kubectl get events -w` shows it, newest at the bottom,
 * filtered by text (reason, object, message) and to warnings only. Double-click a row to inspect its object.
 */
class EventsPanel : public QWidget {
    Q_OBJECT

public:
    explicit EventsPanel(SimulationHost *host, QWidget *parent = nullptr);

    /** Rows shown after filtering. */
    int visibleRowCount() const;
    /** A shown row's cells, left to right. */
    QStringList visibleRow(int row) const;
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *warningsOnly() const { return m_warningsOnly; }

public slots:
    /** Reads new and changed events (called a few times per second, not every frame). */
    void refresh();
    void onSimulationReplaced();
    void setTheme(const ui::Theme &theme);

signals:
    void objectSelected(const ui::ObjectKey &key);

private:
    void applyFilter();
    void updateCount();

    SimulationHost *m_host;
    EventsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QCheckBox *m_warningsOnly;
    QLabel *m_count;
};

} // namespace ui
