#include "ui/eventspanel.h"

#include "ui/eventsmodel.h"
#include "ui/simulationhost.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {
namespace {

/** Keeps rows whose reason, object or message contains the text, and only warnings when asked. */
class EventsFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFilter(const QString &text, bool warningsOnly)
    {
        m_text = text;
        m_warningsOnly = warningsOnly;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QAbstractItemModel *model = sourceModel();
        if (m_warningsOnly && !model->index(row, 0, parent).data(EventsModel::kIsWarningRole).toBool())
            return false;
        if (m_text.isEmpty())
            return true;
        for (int column : {EventsModel::Reason, EventsModel::Object, EventsModel::Message, EventsModel::Type})
            if (model->index(row, column, parent).data().toString().contains(m_text, Qt::CaseInsensitive))
                return true;
        return false;
    }

private:
    QString m_text;
    bool m_warningsOnly = false;
};

} // namespace

EventsPanel::EventsPanel(SimulationHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_model(new EventsModel(this)), m_proxy(new EventsFilter(this)),
      m_table(new QTableView), m_filter(new QLineEdit), m_warningsOnly(new QCheckBox(tr("Warnings only"))), m_count(new QLabel)
{
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("eventsTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(EventsModel::Message, QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto &e = m_model->event(m_proxy->mapToSource(index).row());
        emit objectSelected(ObjectKey{e.involvedObject.kind, QString::fromStdString(e.involvedObject.namespace_),
                                      QString::fromStdString(e.involvedObject.name)});
    });
    m_filter->setPlaceholderText(tr("Filter by reason, object or message"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &EventsPanel::applyFilter);
    connect(m_warningsOnly, &QCheckBox::toggled, this, &EventsPanel::applyFilter);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_warningsOnly);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    refresh();
}

void EventsPanel::applyFilter()
{
    static_cast<EventsFilter *>(m_proxy)->setFilter(m_filter->text().trimmed(), m_warningsOnly->isChecked());
    updateCount();
}

void EventsPanel::refresh()
{
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool atBottom = scroll->value() == scroll->maximum();
    m_model->refresh(m_host->simulation().events().events(), m_host->simulation().engine().now());
    // Like `-w`: new events scroll into view unless the user scrolled up to read.
    if (atBottom)
        m_table->scrollToBottom();
    updateCount();
}

void EventsPanel::updateCount()
{
    m_count->setText(tr("%1 of %2 events").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void EventsPanel::onSimulationReplaced()
{
    m_model->clear();
    refresh();
}

void EventsPanel::setTheme(const Theme &theme)
{
    m_model->setTheme(theme);
    m_table->verticalHeader()->setDefaultSectionSize(QFontMetrics(theme.font(9.5)).height() + 6);
}

int EventsPanel::visibleRowCount() const
{
    return m_proxy->rowCount();
}

QStringList EventsPanel::visibleRow(int row) const
{
    QStringList out;
    for (int c = 0; c < m_proxy->columnCount(); ++c)
        out << m_proxy->index(row, c).data().toString();
    return out;
}

} // namespace ui
