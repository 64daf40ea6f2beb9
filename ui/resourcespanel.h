#pragma once

#include "sim/api/kind.h"
#include "ui/changeevent.h"

#include <QTimer>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace ui {

class SimulationHost;
struct Theme;

/** The Resources panel: every object in a tree by namespace and kind, with counts and a status dot. */
class ResourcesPanel : public QWidget {
    Q_OBJECT

public:
    ResourcesPanel(SimulationHost *host, const Theme *theme, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }

public slots:
    void onObjectsChanged(const ui::ChangeEvents &changes);
    /** Rebuilds the tree from the store, keeping what was expanded. */
    void reload();
    void select(const ui::ObjectKey &key);

signals:
    void objectSelected(const ui::ObjectKey &key);

private:
    QIcon statusIcon(const sim::api::Object &object) const;
    QTreeWidgetItem *addObject(QTreeWidgetItem *parent, const sim::api::Object &object);

    SimulationHost *m_host;
    const Theme *m_theme;
    QTreeWidget *m_tree;
    QTimer m_reload;  // collapses a burst of changes (a rollout) into one rebuild
};

} // namespace ui
