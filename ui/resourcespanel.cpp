#include "ui/resourcespanel.h"

#include "sim/topology/topologybuilder.h"
#include "ui/qs.h"
#include "ui/simulationhost.h"
#include "ui/theme.h"

#include <QHeaderView>
#include <QPainter>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace ui {
namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kNamespaceRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;

QIcon dot(const QColor &color)
{
    QPixmap pixmap(24, 24);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(6, 6, 12, 12));
    return QIcon(pixmap);
}

// A short status a learner can read in one glance, as kubectl's columns would say it.
QString statusText(const sim::api::Object &o)
{
    using namespace sim::api;
    switch (o.kind()) {
    case Kind::Pod: return qs(sim::topology::podDisplayStatus(o)) + (o.as<Pod>().isReady() ? QStringLiteral(" · Ready") : QString());
    case Kind::Deployment: {
        const auto &d = o.as<Deployment>();
        return QStringLiteral("%1/%2 ready").arg(d.status.readyReplicas).arg(d.spec.replicas);
    }
    case Kind::ReplicaSet: {
        const auto &r = o.as<ReplicaSet>();
        return QStringLiteral("%1/%2 ready").arg(r.status.readyReplicas).arg(r.spec.replicas);
    }
    case Kind::Service: return qs(o.as<Service>().spec.type);
    default: return {};
    }
}

} // namespace

ResourcesPanel::ResourcesPanel(SimulationHost *host, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_host(host), m_theme(theme), m_tree(new QTreeWidget)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree->setHeaderLabels({tr("Object"), tr("Status")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    layout->addWidget(m_tree);
    m_reload.setSingleShot(true);
    m_reload.setInterval(300);
    connect(&m_reload, &QTimer::timeout, this, &ResourcesPanel::reload);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, kKindRole).isValid())
            emit objectSelected(ObjectKey{static_cast<sim::api::Kind>(item->data(0, kKindRole).toInt()),
                                          item->data(0, kNamespaceRole).toString(), item->data(0, kNameRole).toString()});
    });
    reload();
}

void ResourcesPanel::onObjectsChanged(const ChangeEvents &changes)
{
    if (!changes.isEmpty() && !m_reload.isActive())
        m_reload.start();
}

QIcon ResourcesPanel::statusIcon(const sim::api::Object &o) const
{
    using namespace sim::api;
    switch (o.kind()) {
    case Kind::Pod: return dot(m_theme->podStatusColor(qs(sim::topology::podDisplayStatus(o)), o.as<Pod>().isReady()));
    case Kind::Deployment: {
        const auto &d = o.as<Deployment>();
        return dot(d.status.readyReplicas >= d.spec.replicas ? m_theme->ready : m_theme->starting);
    }
    case Kind::HTTPRoute:
        for (const auto &parent : o.as<HTTPRoute>().status.parents)
            for (const auto &c : parent.conditions)
                if (c.status == "False")
                    return dot(m_theme->failing);
        return dot(m_theme->ready);
    default: return dot(m_theme->accent);
    }
}

QTreeWidgetItem *ResourcesPanel::addObject(QTreeWidgetItem *parent, const sim::api::Object &o)
{
    auto *item = new QTreeWidgetItem(parent, {qs(o.metadata.name), statusText(o)});
    item->setIcon(0, statusIcon(o));
    item->setData(0, kKindRole, static_cast<int>(o.kind()));
    item->setData(0, kNamespaceRole, qs(o.metadata.namespace_));
    item->setData(0, kNameRole, qs(o.metadata.name));
    return item;
}

void ResourcesPanel::reload()
{
    QSet<QString> expanded;
    bool first = m_tree->topLevelItemCount() == 0;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->isExpanded())
            expanded.insert((*it)->data(0, Qt::UserRole + 3).toString());
    QString current;
    if (QTreeWidgetItem *item = m_tree->currentItem())
        current = item->data(0, kNamespaceRole).toString() + QLatin1Char('/') + item->text(0);
    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    const sim::store::Store &store = m_host->simulation().store();
    std::map<QString, QTreeWidgetItem *> namespaces;
    auto namespaceItem = [&](const QString &ns) {
        QTreeWidgetItem *&item = namespaces[ns];
        if (!item) {
            item = new QTreeWidgetItem(m_tree, {ns.isEmpty() ? tr("cluster") : ns});
            item->setData(0, Qt::UserRole + 3, QStringLiteral("ns:") + ns);
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
        }
        return item;
    };
    for (const sim::api::KindInfo &info : sim::api::allKinds()) {
        if (info.kind == sim::api::Kind::EndpointSlice || info.kind == sim::api::Kind::Namespace)
            continue;  // slices belong to their Service; namespaces are the tree's top level
        std::map<QString, QTreeWidgetItem *> kindItems;
        for (const sim::api::ObjectPtr &obj : store.list(info.kind)) {
            const QString ns = qs(obj->metadata.namespace_);
            QTreeWidgetItem *&kindItem = kindItems[ns];
            if (!kindItem) {
                kindItem = new QTreeWidgetItem(namespaceItem(ns));
                kindItem->setData(0, Qt::UserRole + 3, QStringLiteral("kind:%1/%2").arg(ns, QString::fromLatin1(info.name.data(), static_cast<int>(info.name.size()))));
            }
            addObject(kindItem, *obj);
        }
        for (auto &[ns, kindItem] : kindItems)
            kindItem->setText(0, QStringLiteral("%1 (%2)").arg(QString::fromLatin1(info.name.data(), static_cast<int>(info.name.size()))).arg(kindItem->childCount()));
    }
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        const QString key = (*it)->data(0, Qt::UserRole + 3).toString();
        if (first ? key.startsWith(QLatin1String("ns:")) : expanded.contains(key))
            (*it)->setExpanded(true);
        if (!current.isEmpty() && (*it)->data(0, kNamespaceRole).toString() + QLatin1Char('/') + (*it)->text(0) == current) {
            QSignalBlocker block(m_tree);
            m_tree->setCurrentItem(*it);
        }
    }
    m_tree->setUpdatesEnabled(true);
}

void ResourcesPanel::select(const ObjectKey &key)
{
    const sim::api::Kind kind = key.kind;
    const QString &ns = key.ns, &name = key.name;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, kKindRole).isValid() && (*it)->data(0, kKindRole).toInt() == static_cast<int>(kind)
            && (*it)->data(0, kNamespaceRole).toString() == ns && (*it)->data(0, kNameRole).toString() == name) {
            QSignalBlocker block(m_tree);
            m_tree->setCurrentItem(*it);
            m_tree->scrollToItem(*it);
            return;
        }
}

} // namespace ui
