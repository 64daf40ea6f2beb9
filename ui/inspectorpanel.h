#pragma once

#include "sim/api/object.h"
#include "ui/changeevent.h"
#include "ui/framesnapshot.h"
#include "ui/theme.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace sim::traffic {
struct Exchange;
}

namespace ui {

class ObjectYamlEditor;
class SimulationHost;

/**
 * The Inspector: the selected object's identity, labels, status, conditions and events, kept live, and
 * its YAML to edit and apply; or, for a clicked request, the path it took with the time of each hop and
 * its routing trace as `kubesim request` prints it.
 */
class InspectorPanel : public QWidget {
    Q_OBJECT

public:
    InspectorPanel(SimulationHost *host, QWidget *parent = nullptr);

    /** The object shown, or nullptr. */
    sim::api::ObjectPtr object() const { return m_object; }
    QString title() const;
    ObjectYamlEditor *yamlEditor() const { return m_yaml; }
    QTabWidget *tabs() const { return m_tabs; }
    /** The rows of the Details tab's top level ("metadata", "status", "conditions", "events", hops...). */
    QStringList detailRows() const;
    /**
     * Shows a request: its hops (named as on the canvas) with their simulated times, and in the Trace tab
     * its story (`story`, the whole trace once answered, the routing so far while in flight; nullptr when
     * none was kept) printed as the console's `curl` prints it.
     */
    void showRequest(const ui::RequestFlight &flight, const std::vector<QString> &hopNames, const sim::traffic::Exchange *story);
    /** The Trace tab's text. */
    QString traceText() const;
    void setTheme(const ui::Theme &theme);

public slots:
    void showObject(const ui::ObjectKey &key);
    void onObjectsChanged(const ui::ChangeEvents &changes);

private:
    void refresh();
    void addStatus(const sim::api::Object &object);
    void addConditions(const sim::api::Object &object);
    void addEvents();

    SimulationHost *m_host;
    sim::api::Kind m_kind = sim::api::Kind::Pod;
    std::string m_namespace, m_name;
    int m_rule = -1;
    sim::api::ObjectPtr m_object;
    QLabel *m_title;
    QLabel *m_subtitle;
    QTreeWidget *m_details;
    QTabWidget *m_tabs;
    ObjectYamlEditor *m_yaml;
    QPlainTextEdit *m_trace;
    Theme m_theme;
    bool m_showsRequest = false;
};

} // namespace ui
