#include "ui/inspectorpanel.h"

#include "sim/console/eventprinter.h"
#include "sim/topology/topologybuilder.h"
#include "sim/traffic/exchangeformat.h"
#include "sim/traffic/trafficsystem.h"
#include "ui/objectyamleditor.h"
#include "ui/qs.h"
#include "ui/simulationhost.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {
namespace {

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

// "+12.345 ms" from the request's start.
QString offset(sim::engine::SimTime t)
{
    return QStringLiteral("+%1 ms").arg(static_cast<double>(t) / sim::engine::kMillisecond, 0, 'f', 3);
}

constexpr int kEventsShown = 12;
enum Tab { DetailsTab, YamlTab, TraceTab };

} // namespace

InspectorPanel::InspectorPanel(SimulationHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_title(new QLabel), m_subtitle(new QLabel), m_details(new QTreeWidget),
      m_tabs(new QTabWidget), m_yaml(new ObjectYamlEditor(host)), m_trace(new QPlainTextEdit)
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
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_details, tr("Details"));
    m_tabs->addTab(m_yaml, tr("YAML"));
    m_trace->setReadOnly(true);
    m_trace->setLineWrapMode(QPlainTextEdit::WidgetWidth);  // the reasons are long; the dock is narrow
    m_trace->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_trace, tr("Trace"));
    m_tabs->setTabEnabled(TraceTab, false);
    layout->addWidget(m_tabs, 1);
    layout->addStretch(0);
    m_tabs->hide();  // an empty table under "Nothing selected" would only look broken
    m_title->setText(tr("Nothing selected"));
    m_subtitle->setText(tr("Click an object on the canvas or in Resources."));
}

QString InspectorPanel::title() const
{
    return m_title->text();
}

void InspectorPanel::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_yaml->setTheme(theme);
}

QStringList InspectorPanel::detailRows() const
{
    QStringList out;
    for (int i = 0; i < m_details->topLevelItemCount(); ++i)
        out << m_details->topLevelItem(i)->text(0);
    return out;
}

QString InspectorPanel::traceText() const
{
    return m_trace->toPlainText();
}

void InspectorPanel::showRequest(const RequestFlight &flight, const std::vector<QString> &hopNames,
                                 const sim::traffic::Exchange *story)
{
    m_showsRequest = true;
    m_tabs->show();
    m_object.reset();
    m_yaml->setObject(nullptr);
    m_tabs->setTabEnabled(YamlTab, false);
    m_tabs->setTabEnabled(TraceTab, true);
    // The same text as the console's curl, so the learner reads one format everywhere.
    m_trace->setPlainText(story ? qs(sim::traffic::ExchangeFormat::toText(*story))
                                : tr("No trace kept: it was sent while more than %1 requests were in flight "
                                     "(one dot then stands for several requests).")
                                      .arg(sim::traffic::TrafficSystem::kStoriesInFlight));
    m_tabs->setCurrentIndex(TraceTab);
    m_details->clear();
    m_title->setText(tr("Request #%1").arg(flight.id));
    const QString outcome = !flight.isFinished ? tr("in flight")
                            : flight.status > 0 ? tr("answered %1").arg(flight.status)
                                                : tr("failed without an answer");
    const sim::engine::SimTime start = flight.hops.empty() ? 0 : flight.hops.front().at;
    const sim::engine::SimTime took = flight.hops.empty() ? 0 : flight.hops.back().at - start;
    m_subtitle->setText(tr("%1 · reaches %2 · %3 ms so far · time paused")
                            .arg(outcome, QString::fromStdString(flight.version))
                            .arg(static_cast<double>(took) / sim::engine::kMillisecond, 0, 'f', 3));
    for (std::size_t i = 0; i < flight.hops.size(); ++i) {
        const QString name = i < hopNames.size() ? hopNames[i] : QString::fromStdString(flight.hops[i].nodeId);
        auto *item = new QTreeWidgetItem(m_details, {offset(flight.hops[i].at - start), name});
        const bool failedHere = flight.isFailure() && flight.isFinished && i + 1 == flight.hops.size();
        if (failedHere) {
            item->setText(1, name + tr("  ✗ %1").arg(flight.status > 0 ? QString::number(flight.status) : tr("no answer")));
            item->setForeground(1, m_theme.failing);
        }
    }
}

void InspectorPanel::showObject(const ObjectKey &key)
{
    m_showsRequest = false;
    m_tabs->show();
    m_tabs->setTabEnabled(YamlTab, true);
    m_tabs->setTabEnabled(TraceTab, false);
    m_trace->clear();
    if (m_tabs->currentIndex() == TraceTab)
        m_tabs->setCurrentIndex(DetailsTab);
    m_kind = key.kind;
    m_namespace = key.ns.toStdString();
    m_name = key.name.toStdString();
    m_rule = key.rule;
    refresh();
    // A rule or path picked on the canvas, or a canary Ingress: show the YAML lines that make its edges.
    m_yaml->pointAtRule(m_rule);
    if (!m_yaml->pointedLines().isEmpty())
        m_tabs->setCurrentWidget(m_yaml);
}

void InspectorPanel::onObjectsChanged(const ChangeEvents &changes)
{
    if (m_showsRequest)
        return;
    for (const ChangeEvent &change : changes)
        if (change.kind == m_kind && change.object->metadata.name == m_name
            && change.object->metadata.namespace_ == m_namespace) {
            const bool pointed = !m_yaml->pointedLines().isEmpty();
            refresh();
            if (pointed && m_yaml->pointedLines().isEmpty())
                m_yaml->pointAtRule(m_rule);  // the text was written anew (a slider moved): point again
            return;
        }
}

void InspectorPanel::refresh()
{
    m_object = m_host->simulation().store().get(m_kind, m_namespace, m_name);
    m_yaml->setObject(m_object);
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
    if (!o.metadata.labels->empty()) {
        auto *labels = new QTreeWidgetItem(meta, {tr("labels")});
        for (const auto &[k, v] : *o.metadata.labels)
            new QTreeWidgetItem(labels, {qs(k), qs(v)});
    }
    if (const sim::api::OwnerReference *owner = o.metadata.controllerRef())
        new QTreeWidgetItem(meta, {tr("controlled by"), qs(owner->kind + "/" + owner->name)});
    addStatus(o);
    addConditions(o);
    addEvents();
    m_details->expandAll();
    meta->setExpanded(false);
}

void InspectorPanel::addStatus(const sim::api::Object &o)
{
    if (o.is<sim::api::Pod>()) {
        const auto &pod = o.as<sim::api::Pod>();
        auto *status = new QTreeWidgetItem(m_details, {tr("status"), qs(sim::topology::podDisplayStatus(o))});
        new QTreeWidgetItem(status, {tr("phase"), qs(pod.status.phase)});
        new QTreeWidgetItem(status, {tr("podIP"), qs(pod.status.podIP)});
        new QTreeWidgetItem(status, {tr("node"), qs(pod.spec->nodeName)});
        for (const auto &c : pod.status.containerStatuses)
            new QTreeWidgetItem(status, {qs("container " + c.name), QStringLiteral("%1 %2, %3 restarts")
                                                                      .arg(qs(c.state), qs(c.reason)).arg(c.restartCount)});
    } else if (o.is<sim::api::Deployment>()) {
        const auto &d = o.as<sim::api::Deployment>();
        auto *status = new QTreeWidgetItem(m_details, {tr("status"), tr("%1 of %2 ready").arg(d.status.readyReplicas).arg(d.spec.replicas)});
        new QTreeWidgetItem(status, {tr("updated"), QString::number(d.status.updatedReplicas)});
        new QTreeWidgetItem(status, {tr("available"), QString::number(d.status.availableReplicas)});
    }
}

void InspectorPanel::addConditions(const sim::api::Object &o)
{
    const Conditions conditions = conditionsOf(o);
    if (conditions.empty())
        return;
    auto *list = new QTreeWidgetItem(m_details, {tr("conditions")});
    for (const auto &[scope, c] : conditions) {
        auto *item = new QTreeWidgetItem(list, {qs((scope.empty() ? "" : scope + ": ") + c.type),
                                                qs(c.status + (c.reason.empty() ? "" : " (" + c.reason + ")"))});
        item->setToolTip(1, qs(c.message));
        if (c.status == "False")
            item->setForeground(1, m_theme.failing);
    }
}

void InspectorPanel::addEvents()
{
    const sim::Simulation &simulation = m_host->simulation();
    std::vector<const sim::controllers::Event *> mine;
    for (const sim::controllers::Event &e : simulation.events().events())
        if (e.involvedObject.kind == m_kind && e.involvedObject.name == m_name && e.involvedObject.namespace_ == m_namespace)
            mine.push_back(&e);
    if (mine.empty())
        return;
    auto *list = new QTreeWidgetItem(m_details, {tr("events"), tr("%1, newest first").arg(mine.size())});
    const sim::engine::SimTime now = simulation.engine().now();
    const std::size_t shown = std::min<std::size_t>(mine.size(), kEventsShown);
    for (std::size_t i = 0; i < shown; ++i) {
        const sim::controllers::Event &e = *mine[mine.size() - 1 - i];
        auto *item = new QTreeWidgetItem(list, {qs(e.reason), qs(sim::console::eventMessage(e))});
        item->setToolTip(1, qs(sim::console::eventInterval(e, now) + " ago · " + std::string(e.source) + " · " +
                               sim::console::eventMessage(e)));
        if (e.type == "Warning")
            item->setForeground(0, m_theme.failing);
    }
}

} // namespace ui
