#include "ui/weightspanel.h"

#include "sim/topology/topologygraph.h"
#include "ui/edgeitem.h"
#include "ui/qs.h"
#include "ui/setbackendweightscommand.h"
#include "ui/simulationhost.h"
#include "ui/topologyscene.h"
#include "ui/weightedrule.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

#include <cmath>
#include <numeric>

namespace ui {
namespace {

bool sameSplit(const WeightedRule &a, const WeightedRule &b)
{
    return a.kind == b.kind && a.ns == b.ns && a.route == b.route && a.rule == b.rule && a.backends == b.backends;
}

} // namespace

WeightsPanel::WeightsPanel(SimulationHost *host, TopologyScene *scene, QWidget *parent)
    : QWidget(parent), m_host(host), m_scene(scene)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setSpacing(14);
    layout->addLayout(m_rowsLayout);
    m_empty = new QLabel(tr("No weighted split in this cluster.\nAn HTTPRoute rule with two or more backendRefs, or an "
                            "ingress-nginx canary Ingress (canary-weight), gets a slider here."));
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_empty);
    layout->addStretch(1);
    reload();
}

void WeightsPanel::onObjectsChanged(const ChangeEvents &changes)
{
    for (const ChangeEvent &change : changes)
        if ((change.kind == sim::api::Kind::HTTPRoute || change.kind == sim::api::Kind::Ingress) && change.isSpecChange) {
            reload();
            return;
        }
}

void WeightsPanel::reload()
{
    const std::vector<WeightedRule> rules = weightedRules(m_host->simulation().store());
    bool sameShape = rules.size() == m_rows.size();
    for (std::size_t i = 0; sameShape && i < rules.size(); ++i)
        sameShape = sameSplit(rules[i], m_rows[i].rule);
    if (sameShape) {
        // Only weights changed (a slider, undo, the console): update in place so a dragged slider survives.
        for (std::size_t i = 0; i < rules.size(); ++i)
            showWeights(m_rows[i], rules[i].weights);
        return;
    }
    clearRows();
    for (const WeightedRule &rule : rules)
        addRow(Row{rule, {}, {}, nullptr}, rule.weights);
    m_empty->setVisible(m_rows.empty());
}

void WeightsPanel::clearRows()
{
    while (QLayoutItem *item = m_rowsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_rows.clear();
}

void WeightsPanel::restyle()
{
    clearRows();
    reload();
}

void WeightsPanel::addRow(const Row &shape, const std::vector<int> &weights)
{
    Row row = shape;
    auto *box = new QFrame;
    box->setFrameShape(QFrame::StyledPanel);
    box->setObjectName(QStringLiteral("weightRow"));
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(10, 8, 10, 8);
    const WeightedRule &rule = row.rule;
    const bool isCanary = rule.kind == WeightedRule::Kind::IngressCanary;
    // A link that reads as a title: the row's object, one click from its marked YAML.
    const QString link = QStringLiteral("<a href=\"#\" style=\"color: %1; text-decoration: none\"><b>%2 %3</b></a>")
                             .arg(m_scene->theme().text.name(), isCanary ? QStringLiteral("Ingress") : QStringLiteral("HTTPRoute"),
                                  qs(rule.route).toHtmlEscaped());
    auto *title = new QLabel(isCanary ? tr("%1 · canary-weight, beside %2").arg(link, qs(rule.primary).toHtmlEscaped())
                                      : tr("%1 · rule %2").arg(link).arg(rule.rule));
    title->setToolTip(tr("Inspect it: the YAML lines that make this split are marked"));
    const ObjectKey key{isCanary ? sim::api::Kind::Ingress : sim::api::Kind::HTTPRoute, qs(rule.ns), qs(rule.route),
                        isCanary ? -1 : rule.rule};
    connect(title, &QLabel::linkActivated, this, [this, key] { emit objectInspected(key); });
    grid->addWidget(title, 0, 0, 1, 3);
    const std::size_t index = m_rows.size();
    const bool twoWay = rule.backends.size() == 2;
    const std::size_t sliderCount = twoWay ? 1 : rule.backends.size();
    for (std::size_t s = 0; s < sliderCount; ++s) {
        auto *slider = new QSlider(Qt::Horizontal);
        slider->setRange(0, 100);
        slider->setPageStep(5);
        slider->setAccessibleName(QStringLiteral("weight %1").arg(qs(rule.label())));
        connect(slider, &QSlider::valueChanged, this, [this, index] { sliderMoved(index); });
        if (twoWay) {
            // The handle splits the bar: the left part is the first backend's share, the right part the second's.
            const QColor left = m_scene->theme().versionColor(qs(m_scene->versionOf(rule.ns, rule.backends[0])));
            const QColor right = m_scene->theme().versionColor(qs(m_scene->versionOf(rule.ns, rule.backends[1])));
            slider->setStyleSheet(QStringLiteral("QSlider::sub-page:horizontal { background: %1; border-radius: 4px; }"
                                                 "QSlider::add-page:horizontal { background: %2; border-radius: 4px; }"
                                                 "QSlider::groove:horizontal { height: 8px; border-radius: 4px; }"
                                                 "QSlider::handle:horizontal { width: 14px; margin: -5px 0; border-radius: 9px;"
                                                 " background: %3; border: 2px solid %4; }")
                                      .arg(left.name(), right.name(), m_scene->theme().card.name(), m_scene->theme().text.name()));
        }
        row.sliders.push_back(slider);
        const int r = static_cast<int>(s) + 1;
        if (twoWay) {
            auto *left = new QLabel, *right = new QLabel;
            right->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row.shares = {left, right};
            grid->addWidget(left, r, 0);
            grid->addWidget(slider, r, 1);
            grid->addWidget(right, r, 2);
            grid->setColumnStretch(1, 1);
        } else {
            auto *name = new QLabel(qs(rule.backends[s]));
            auto *share = new QLabel;
            share->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row.shares.push_back(share);
            grid->addWidget(name, r, 0);
            grid->addWidget(slider, r, 1);
            grid->addWidget(share, r, 2);
            grid->setColumnStretch(1, 1);
        }
    }
    row.observed = new QLabel;
    row.observed->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(row.observed, static_cast<int>(sliderCount) + 1, 0, 1, 3);
    if (twoWay) {
        auto *hint = new QLabel(tr("Drag left to send more to %1 · Ctrl+Z undoes").arg(qs(rule.backends[1])));
        hint->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(hint, static_cast<int>(sliderCount) + 2, 0, 1, 3);
    }
    m_rowsLayout->addWidget(box);
    m_rows.push_back(row);
    showWeights(m_rows.back(), weights);
}

void WeightsPanel::showWeights(Row &row, const std::vector<int> &weights)
{
    row.rule.weights = weights;
    const std::vector<std::string> &backends = row.rule.backends;
    const int total = std::accumulate(weights.begin(), weights.end(), 0);
    auto percent = [&](int w) { return total > 0 ? 100.0 * w / total : 0.0; };
    if (backends.size() == 2) {
        QSignalBlocker block(row.sliders[0]);
        row.sliders[0]->setValue(static_cast<int>(std::lround(percent(weights[0]))));
        row.shares[0]->setText(QStringLiteral("%1 <b>%2 %</b>").arg(qs(backends[0])).arg(percent(weights[0]), 0, 'f', 0));
        row.shares[1]->setText(QStringLiteral("<b>%1 %</b> %2").arg(percent(weights[1]), 0, 'f', 0).arg(qs(backends[1])));
    } else {
        for (std::size_t i = 0; i < row.sliders.size(); ++i) {
            QSignalBlocker block(row.sliders[i]);
            row.sliders[i]->setValue(std::min(weights[i], 100));
            row.shares[i]->setText(QStringLiteral("w %1 · <b>%2 %</b>").arg(weights[i]).arg(percent(weights[i]), 0, 'f', 1));
        }
    }
    refreshObserved();
}

std::vector<int> WeightsPanel::weightsFromSliders(const Row &row) const
{
    if (row.rule.backends.size() == 2) {
        const int primary = row.sliders[0]->value();
        if (row.rule.kind == WeightedRule::Kind::IngressCanary) {
            // The canary's share of canary-weight-total (100 unless the Ingress says otherwise).
            const int total = std::max(1, std::accumulate(row.rule.weights.begin(), row.rule.weights.end(), 0));
            const int canary = static_cast<int>(std::lround((100 - primary) * total / 100.0));
            return {total - canary, canary};
        }
        return {primary, 100 - primary};
    }
    std::vector<int> weights;
    for (QSlider *slider : row.sliders)
        weights.push_back(slider->value());
    return weights;
}

std::vector<int> WeightsPanel::currentWeights(const Row &row) const
{
    for (const WeightedRule &rule : weightedRules(m_host->simulation().store()))
        if (sameSplit(rule, row.rule))
            return rule.weights;
    return {};
}

void WeightsPanel::sliderMoved(std::size_t rowIndex)
{
    const Row &row = m_rows[rowIndex];
    const std::vector<int> before = currentWeights(row), after = weightsFromSliders(row);
    if (before.size() != after.size() || before == after)
        return;
    m_host->undoStack()->push(new SetBackendWeightsCommand(m_host, row.rule, before, after));
}

void WeightsPanel::refreshObserved()
{
    for (Row &row : m_rows) {
        const std::string from = row.rule.sourceNode();
        std::vector<long> counts;
        long total = 0;
        for (const std::string &backend : row.rule.backends) {
            counts.push_back(m_scene->traffic().count({from, sim::topology::ids::service(row.rule.ns, backend)}));
            total += counts.back();
        }
        if (total == 0) {
            row.observed->setText(tr("Observed: no requests in the last 10 s"));
            continue;
        }
        QString text;
        for (std::size_t i = 0; i < counts.size(); ++i)
            text += (i ? QStringLiteral(" / ") : QString()) + QStringLiteral("%1 %").arg(100.0 * counts[i] / total, 0, 'f', 1);
        row.observed->setText(tr("Observed over the last 10 s: %1 of %2 requests").arg(text).arg(total));
    }
}

const WeightsPanel::Row *WeightsPanel::findRow(WeightedRule::Kind kind, const std::string &ns, const std::string &route,
                                               int rule) const
{
    for (const Row &row : m_rows)
        if (row.rule.kind == kind && row.rule.ns == ns && row.rule.route == route
            && (kind == WeightedRule::Kind::IngressCanary || row.rule.rule == rule))
            return &row;
    return nullptr;
}

QSlider *WeightsPanel::slider(const std::string &ns, const std::string &route, int rule, int backend) const
{
    const Row *row = findRow(WeightedRule::Kind::RouteRule, ns, route, rule);
    if (!row)
        return nullptr;
    const std::size_t i = row->rule.backends.size() == 2 ? 0 : static_cast<std::size_t>(backend);
    return i < row->sliders.size() ? row->sliders[i] : nullptr;
}

QSlider *WeightsPanel::canarySlider(const std::string &ns, const std::string &ingress) const
{
    const Row *row = findRow(WeightedRule::Kind::IngressCanary, ns, ingress, -1);
    return row ? row->sliders.front() : nullptr;
}

QString WeightsPanel::canaryObserved(const std::string &ns, const std::string &ingress) const
{
    const Row *row = findRow(WeightedRule::Kind::IngressCanary, ns, ingress, -1);
    return row ? row->observed->text() : QString();
}

} // namespace ui
