#pragma once

#include "sim/api/object.h"
#include "ui/changeevent.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace ui {

class SimulationHost;

/** The Inspector: the selected object's identity, labels, and status conditions, kept live. */
class InspectorPanel : public QWidget {
    Q_OBJECT

public:
    InspectorPanel(SimulationHost *host, QWidget *parent = nullptr);

    /** The object shown, or nullptr. */
    sim::api::ObjectPtr object() const { return m_object; }
    QString title() const;

public slots:
    void showObject(const ui::ObjectKey &key);
    void onObjectsChanged(const ui::ChangeEvents &changes);

private:
    void refresh();

    SimulationHost *m_host;
    sim::api::Kind m_kind = sim::api::Kind::Pod;
    std::string m_namespace, m_name;
    sim::api::ObjectPtr m_object;
    QLabel *m_title;
    QLabel *m_subtitle;
    QTreeWidget *m_details;
};

} // namespace ui
