#include "ui/inspectorpanel.h"

#include "sim/topology/topologybuilder.h"
#include "ui/simulationhost.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {
namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

using Conditions = std::vector<std::pair<std::string, sim::api::Condition>>;

// Every status condition of an object, with the part of the status it belongs to.
Conditions conditionsOf(const sim::api::Object &o)
{
    using namespace sim::api;
    Conditions out;
    auto add = [&](const std::string &scope, const std::vector<Condition> &conditions) {
        for (const Condition &c : conditions)
            out.emplace_back(scope, c);
    };
    switch (o.kind()) {
    case Kind::Pod: add("", o.as<Pod>().status.conditions); break;
    case Kind::Deployment: add("", o.as<Deployment>().status.conditions); break;
    case Kind::Node: add("", o.as<Node>().status.conditions); break;
    case Kind::GatewayClass: add("", o.as<GatewayClass>().status.conditions); break;
    case Kind::Gateway:
        add("", o.as<Gateway>().status.conditions);
        for (const ListenerStatus &l : o.as<Gateway>().status.listeners)
            add("listener " + l.name, l.conditions);
        break;
    case Kind::HTTPRoute:
        for (const RouteParentStatus &p : o.as<HTTPRoute>().status.parents)
            add("parent " + p.parentRef.name, p.conditions);
        break;
    default: break;
    }
    return out;
}

} // namespace

InspectorPanel::InspectorPanel(SimulationHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_title(new QLabel), m_subtitle(new QLabel), m_details(new QTreeWidget)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    m_details->setHeaderLabels({tr("Field"), tr("Value")});
    m_details->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_details->setRootIsDecorated(true);
    m_details->setWordWrap(true);
    layout->addWidget(m_details, 1);
    m_title->setText(tr("Nothing selected"));
    m_subtitle->setText(tr("Click an object on the canvas or in Resources."));
}

QString InspectorPanel::title() const
{
    return m_title->text();
}

void InspectorPanel::showObject(const ObjectKey &key)
{
    m_kind = key.kind;
    m_namespace = key.ns.toStdString();
    m_name = key.name.toStdString();
    refresh();
}

void InspectorPanel::onObjectsChanged(const ChangeEvents &changes)
{
    for (const ChangeEvent &change : changes)
        if (change.kind == m_kind && change.object->metadata.name == m_name
            && change.object->metadata.namespace_ == m_namespace) {
            refresh();
            return;
        }
}

void InspectorPanel::refresh()
{
    m_object = m_host->simulation().store().get(m_kind, m_namespace, m_name);
    m_details->clear();
    const std::string kindName(sim::api::kindInfo(m_kind).name);
    m_title->setText(qs(kindName + " " + m_name));
    if (!m_object) {
        m_subtitle->setText(tr("Deleted: no longer in the cluster."));
        return;
    }
    const sim::api::Object &o = *m_object;
    m_subtitle->setText(m_namespace.empty() ? tr("cluster-scoped") : tr("namespace %1").arg(qs(m_namespace)));
    auto *meta = new QTreeWidgetItem(m_details, {tr("metadata")});
    new QTreeWidgetItem(meta, {tr("uid"), qs(o.metadata.uid)});
    new QTreeWidgetItem(meta, {tr("resourceVersion"), QString::number(o.metadata.resourceVersion)});
    new QTreeWidgetItem(meta, {tr("generation"), QString::number(o.metadata.generation)});
    if (!o.metadata.labels.empty()) {
        auto *labels = new QTreeWidgetItem(meta, {tr("labels")});
        for (const auto &[k, v] : o.metadata.labels)
            new QTreeWidgetItem(labels, {qs(k), qs(v)});
    }
    if (const sim::api::OwnerReference *owner = o.metadata.controllerRef())
        new QTreeWidgetItem(meta, {tr("controlled by"), qs(owner->kind + "/" + owner->name)});
    if (o.is<sim::api::Pod>()) {
        const auto &pod = o.as<sim::api::Pod>();
        auto *status = new QTreeWidgetItem(m_details, {tr("status"), qs(sim::topology::podDisplayStatus(o))});
        new QTreeWidgetItem(status, {tr("phase"), qs(pod.status.phase)});
        new QTreeWidgetItem(status, {tr("podIP"), qs(pod.status.podIP)});
        new QTreeWidgetItem(status, {tr("node"), qs(pod.spec.nodeName)});
        for (const auto &c : pod.status.containerStatuses)
            new QTreeWidgetItem(status, {qs("container " + c.name), QStringLiteral("%1 %2, %3 restarts")
                                                                      .arg(qs(c.state), qs(c.reason)).arg(c.restartCount)});
    }
    const Conditions conditions = conditionsOf(o);
    if (!conditions.empty()) {
        auto *list = new QTreeWidgetItem(m_details, {tr("conditions")});
        for (const auto &[scope, c] : conditions) {
            auto *item = new QTreeWidgetItem(list, {qs((scope.empty() ? "" : scope + ": ") + c.type),
                                                    qs(c.status + (c.reason.empty() ? "" : " (" + c.reason + ")"))});
            item->setToolTip(1, qs(c.message));
            if (c.status == "False")
                item->setForeground(1, QColor::fromRgb(0xd92d36));
        }
    }
    m_details->expandAll();
}

} // namespace ui
