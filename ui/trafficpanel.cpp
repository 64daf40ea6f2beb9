#include "ui/trafficpanel.h"

#include "sim/traffic/clientrequest.h"
#include "ui/clusterlauncher.h"
#include "ui/simulationhost.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>

#include <algorithm>

namespace ui {
namespace {

enum Column { Name, Status, Rate, Target, Sent, Answered, Errors, InFlight };

// Answers with a 4xx or 5xx status, plus requests that got none.
std::uint64_t errorCount(const sim::traffic::LoadCounters &c)
{
    std::uint64_t out = c.dropped;
    for (std::size_t status = 400; status < c.byStatus.size(); ++status)
        out += c.byStatus[status];
    return out;
}

} // namespace

TrafficPanel::TrafficPanel(SimulationHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_url(new QLineEdit(QStringLiteral("/"))), m_method(new QComboBox),
      m_headers(new QPlainTextEdit), m_rate(new QDoubleSpinBox), m_clients(new QSpinBox), m_poisson(new QCheckBox(tr("Poisson arrivals"))),
      m_start(new QPushButton(tr("Start"))), m_stop(new QPushButton(tr("Stop selected"))), m_error(new QLabel), m_list(new QTreeWidget)
{
    m_url->setToolTip(tr("A path (/v2?x=1) goes to the cluster's entry point; a full URL (http://host/path) goes where its host resolves"));
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("DELETE"),
                        QStringLiteral("HEAD"), QStringLiteral("PATCH")});
    m_headers->setPlaceholderText(tr("X-Canary: always\nCookie: session=42"));
    m_headers->setMaximumHeight(m_headers->fontMetrics().height() * 3 + 12);
    m_headers->setTabChangesFocus(true);
    m_rate->setRange(0.1, 100000);
    m_rate->setDecimals(1);
    m_rate->setValue(10);
    m_rate->setSuffix(tr(" req/s"));
    m_clients->setRange(1, 10000);
    m_clients->setToolTip(tr("Distinct client addresses, used in turn (session affinity tells them apart)"));
    m_poisson->setChecked(true);
    m_poisson->setToolTip(tr("Random gaps between requests, as real users send them; off: a steady rate"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d92d36"));
    m_error->hide();

    auto *form = new QFormLayout;
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_method);
    urlRow->addWidget(m_url, 1);
    form->addRow(tr("Request"), urlRow);
    form->addRow(tr("Headers"), m_headers);
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rate);
    rateRow->addWidget(new QLabel(tr("clients")));
    rateRow->addWidget(m_clients);
    rateRow->addWidget(m_poisson);
    rateRow->addStretch(1);
    rateRow->addWidget(m_start);
    form->addRow(tr("Rate"), rateRow);
    connect(m_start, &QPushButton::clicked, this, &TrafficPanel::startFromForm);
    connect(m_url, &QLineEdit::returnPressed, this, &TrafficPanel::startFromForm);

    m_list->setHeaderLabels({tr("Generator"), tr("Status"), tr("Rate"), tr("Request"), tr("Sent"), tr("Answered"), tr("Errors"),
                             tr("In flight")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(Target, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    connect(m_stop, &QPushButton::clicked, this, &TrafficPanel::stopSelected);
    auto *listBar = new QHBoxLayout;
    listBar->addStretch(1);
    listBar->addWidget(m_stop);

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_error);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_list, 1);
    right->addLayout(listBar);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(16);
    layout->addLayout(left, 2);
    layout->addLayout(right, 3);
    onSimulationReplaced();
}

void TrafficPanel::onSimulationReplaced()
{
    m_generators.clear();
    if (const std::optional<std::uint32_t> clients = m_host->simulation().traffic().findLoad(ClusterLauncher::kClientsName))
        m_generators.push_back(*clients);
    m_error->hide();
    refresh();
}

TrafficForm TrafficPanel::form() const
{
    return TrafficForm{m_url->text(), m_method->currentText(), m_headers->toPlainText(), m_rate->value(), m_clients->value(),
                       m_poisson->isChecked()};
}

void TrafficPanel::setForm(const TrafficForm &form)
{
    m_url->setText(form.url);
    m_method->setCurrentText(form.method);
    m_headers->setPlainText(form.headers);
    m_rate->setValue(form.rate);
    m_clients->setValue(form.clients);
    m_poisson->setChecked(form.isPoisson);
}

QString TrafficPanel::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

std::optional<std::uint32_t> TrafficPanel::start(const TrafficForm &form)
{
    sim::Simulation &simulation = m_host->simulation();
    sim::traffic::ClientRequest wanted;
    wanted.url = form.url.trimmed().toStdString();
    wanted.method = form.method.toStdString();
    for (const QString &line : form.headers.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            wanted.headers.push_back(line.trimmed().toStdString());
    std::string error;
    // Resolved as `kubesim request` and the console's curl resolve a URL, so all three agree on where it goes.
    const std::optional<sim::traffic::ResolvedRequest> client = sim::traffic::resolveClientRequest(simulation.traffic(), wanted, &error);
    m_error->setVisible(!client);
    m_error->setText(QString::fromStdString(error));
    if (!client)
        return std::nullopt;
    sim::traffic::LoadSpec spec;
    spec.name = "load-" + std::to_string(m_generators.size() + 1);
    spec.entry = client->entry;
    spec.templates = {sim::traffic::RequestTemplate{client->request, 1}};
    spec.rate = form.rate;
    spec.clients = static_cast<std::uint32_t>(form.clients);
    spec.isPoisson = form.isPoisson;
    std::uint32_t index = 0;
    m_host->runUserCommand([&] { index = simulation.traffic().startLoad(std::move(spec)); });
    m_generators.push_back(index);
    refresh();
    return index;
}

void TrafficPanel::stop(std::uint32_t generator)
{
    // An index from before Open or a lesson's Back names no generator of this cluster (found by test_monkey).
    if (std::find(m_generators.begin(), m_generators.end(), generator) == m_generators.end())
        return;
    m_host->runUserCommand([&] { m_host->simulation().traffic().stopLoad(generator); });
    refresh();
}

void TrafficPanel::startFromForm()
{
    start(form());
}

void TrafficPanel::stopSelected()
{
    for (QTreeWidgetItem *item : m_list->selectedItems())
        stop(item->data(Name, Qt::UserRole).toUInt());
}

void TrafficPanel::refresh()
{
    const sim::traffic::TrafficSystem &traffic = m_host->simulation().traffic();
    const int count = static_cast<int>(m_generators.size());
    while (m_list->topLevelItemCount() > count)
        delete m_list->takeTopLevelItem(m_list->topLevelItemCount() - 1);
    for (int i = 0; i < count; ++i) {
        const std::uint32_t index = m_generators[static_cast<std::size_t>(i)];
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (!item)
            item = new QTreeWidgetItem(m_list);
        item->setData(Name, Qt::UserRole, index);
        const sim::traffic::LoadSpec &spec = traffic.loadSpec(index);
        const sim::traffic::LoadCounters &c = traffic.counters(index);
        const sim::traffic::HttpRequest &request = spec.templates.front().request;
        item->setText(Name, QString::fromStdString(spec.name));
        item->setText(Status, traffic.isRunning(index) ? tr("running") : tr("stopped"));
        item->setText(Rate, tr("%1/s").arg(spec.rate, 0, 'g', 4));
        item->setText(Target, QString::fromStdString(request.method + " " + request.url() + "  ×" + std::to_string(spec.clients)));
        item->setText(Sent, QString::number(c.generated));
        item->setText(Answered, QString::number(c.answered));
        item->setText(Errors, QString::number(errorCount(c)));
        item->setText(InFlight, QString::number(c.inFlight()));
    }
    m_stop->setEnabled(count > 0);
}

} // namespace ui
