#include "ui/chartspanel.h"

#include "ui/topologyscene.h"
#include "ui/traffictimeline.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QResizeEvent>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ui {
namespace {

// A round upper bound for an axis: 1, 2, 5 times a power of ten, at least `floor`.
double niceCeiling(double value, double floor)
{
    value = std::max(value, floor);
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (value <= step * magnitude)
            return step * magnitude;
    return 10 * magnitude;
}

double seconds(sim::engine::SimTime t) { return static_cast<double>(t) / sim::engine::kSecond; }

double maxY(const QList<QPointF> &points)
{
    double out = 0;
    for (const QPointF &p : points)
        out = std::max(out, p.y());
    return out;
}

} // namespace

ChartsPanel::ChartsPanel(TopologyScene *scene, QWidget *parent)
    : QWidget(parent), m_scene(scene), m_theme(scene->theme()), m_scroll(new QScrollBar(Qt::Horizontal)),
      m_rule(new QComboBox), m_export(new QPushButton(tr("Export CSV…")))
{
    m_rps = makeChart(tr("Requests"), tr("per second"));
    m_latency = makeChart(tr("Latency"), tr("ms"));
    m_errors = makeChart(tr("Errors"), tr("% (4xx dashed)"));
    m_split = makeChart(tr("Split"), tr("% seen · set dashed"));
    m_p50 = addLine(m_latency, QStringLiteral("p50"), m_theme.accent);
    m_p99 = addLine(m_latency, QStringLiteral("p99"), m_theme.starting);
    m_serverErrors = addLine(m_errors, QStringLiteral("5xx + dropped"), m_theme.failing);
    m_clientErrors = addLine(m_errors, QStringLiteral("4xx"), m_theme.starting, Qt::DashLine);
    m_split.y->setRange(0, 100);
    m_split.view->setToolTip(tr("Each backend's share of the rule's requests over the last 10 s (line) with its 95 % "
                                "interval (band), and the share its weight sets (dashed)"));

    m_grid = new QGridLayout;
    m_grid->setSpacing(6);
    arrangeCharts(4);

    m_scroll->setRange(0, 0);
    m_scroll->setToolTip(tr("Scroll back over simulated time; at the right end the charts follow the clock"));
    connect(m_scroll, &QScrollBar::valueChanged, this, &ChartsPanel::redraw);
    m_rule->setToolTip(tr("The weighted route rule the split chart shows"));
    m_rule->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_rule, &QComboBox::currentIndexChanged, this, [this] {
        m_splitRule = m_rule->currentData().isValid() ? m_rule->currentData().toInt() : -1;
        rebuildSplitSeries();
        redraw();
    });
    m_export->setToolTip(tr("Save every second of the timeline as a CSV file"));
    connect(m_export, &QPushButton::clicked, this, &ChartsPanel::exportDialog);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_scroll, 1);
    controls->addWidget(m_rule);
    controls->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(m_grid, 1);
    layout->addLayout(controls);
    m_rule->setVisible(false);
    for (Chart *c : {&m_rps, &m_latency, &m_errors, &m_split})
        updateTitle(*c);
}

void ChartsPanel::arrangeCharts(int columns)
{
    m_columns = columns;
    int i = 0;
    for (const Chart *c : {&m_rps, &m_latency, &m_errors, &m_split}) {
        m_grid->removeWidget(c->view);
        m_grid->addWidget(c->view, i / columns, i % columns);
        ++i;
    }
    for (int column = 0; column < 4; ++column)
        m_grid->setColumnStretch(column, column < columns ? 1 : 0);
}

void ChartsPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Four charts side by side while each gets a readable width, else two rows of two.
    const int columns = width() >= 4 * kMinChartWidth * m_theme.fontScale ? 4 : 2;
    if (columns != m_columns)
        arrangeCharts(columns);
}

ChartsPanel::Chart ChartsPanel::makeChart(const QString &title, const QString &unit)
{
    Chart c;
    c.chart = new QChart;
    c.chart->setTitle(title);
    c.chart->setMargins(QMargins(2, 2, 2, 2));
    c.chart->layout()->setContentsMargins(0, 0, 0, 0);
    c.chart->setBackgroundRoundness(6);
    // The title carries the legend (coloured names on one line): a separate legend row would take the plot's height.
    c.chart->legend()->hide();
    c.title = title;
    c.x = new QValueAxis;
    c.x->setLabelFormat(QStringLiteral("%.0f s"));
    c.x->setTickCount(4);
    c.y = new QValueAxis;
    c.unit = unit;
    c.y->setLabelFormat(QStringLiteral("%g"));
    c.y->setTickCount(3);
    c.y->setRange(0, 1);
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.chart->addAxis(c.y, Qt::AlignLeft);
    c.view = new QChartView(c.chart);
    c.view->setRenderHint(QPainter::Antialiasing);
    c.view->setMinimumSize(160, 120);
    styleChart(c);
    return c;
}

QLineSeries *ChartsPanel::addLine(Chart &chart, const QString &name, const QColor &color, Qt::PenStyle style)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color, 2.0 * m_theme.fontScale, style);
    series->setPen(pen);
    chart.chart->addSeries(series);
    series->attachAxis(chart.x);
    series->attachAxis(chart.y);
    return series;
}

void ChartsPanel::styleChart(Chart &c) const
{
    c.chart->setBackgroundBrush(m_theme.card);
    c.chart->setBackgroundPen(QPen(m_theme.cardBorder));
    c.chart->setTitleBrush(m_theme.text);
    c.chart->setTitleFont(m_theme.font(9));
    for (QValueAxis *axis : {c.x, c.y}) {
        axis->setLabelsBrush(m_theme.mutedText);
        axis->setLabelsFont(m_theme.font(8));
        axis->setTitleBrush(m_theme.mutedText);
        axis->setTitleFont(m_theme.font(8));
        axis->setGridLineColor(m_theme.grid);
        axis->setLinePenColor(m_theme.cardBorder);
    }
}

void ChartsPanel::setTheme(const Theme &theme)
{
    m_theme = theme;
    for (Chart *c : {&m_rps, &m_latency, &m_errors, &m_split})
        styleChart(*c);
    const std::pair<QLineSeries *, QColor> fixed[] = {
        {m_p50, theme.accent}, {m_p99, theme.starting}, {m_serverErrors, theme.failing}, {m_clientErrors, theme.starting}};
    for (const auto &[series, color] : fixed)
        series->setPen(QPen(color, 2.0 * theme.fontScale, series == m_clientErrors ? Qt::DashLine : Qt::SolidLine));
    for (auto &[service, series] : m_rpsSeries)
        series->setPen(QPen(serviceColor(service), 2.0 * theme.fontScale));
    rebuildSplitSeries();
    redraw();
}

QString ChartsPanel::legendName(const std::string &service)
{
    // "default/app-v1" reads as "app-v1": most lessons live in the default namespace.
    const QString name = QString::fromStdString(service);
    return name.startsWith(QLatin1String("default/")) ? name.mid(8) : name;
}

QColor ChartsPanel::serviceColor(const std::string &service) const
{
    const std::size_t slash = service.find('/');
    const std::string ns = service.substr(0, slash), name = slash == std::string::npos ? service : service.substr(slash + 1);
    return m_theme.versionColor(QString::fromStdString(m_scene->versionOf(ns, name)));
}

void ChartsPanel::clear()
{
    for (auto &[service, series] : m_rpsSeries) {
        m_rps.chart->removeSeries(series);
        delete series;
    }
    m_rpsSeries.clear();
    for (QLineSeries *series : {m_p50, m_p99, m_serverErrors, m_clientErrors})
        series->clear();
    m_timeline = nullptr;
    m_drawnClosed = 0;
    m_splitRule = -1;
    m_rule->clear();
    rebuildSplitSeries();
    QSignalBlocker block(m_scroll);
    m_scroll->setRange(0, 0);
}

bool ChartsPanel::isFollowing() const
{
    return m_scroll->value() == m_scroll->maximum();
}

void ChartsPanel::onFrame(const FrameSnapshot &frame)
{
    if (frame.timeline != m_timeline) {
        clear();
        m_timeline = frame.timeline;
    }
    if (!m_timeline || m_timeline->closedCount() == m_drawnClosed)
        return;
    m_drawnClosed = m_timeline->closedCount();
    const bool following = isFollowing();
    const int maximum = std::max(0, static_cast<int>(m_timeline->samples().size()) - kVisibleSeconds);
    QSignalBlocker block(m_scroll);
    m_scroll->setRange(0, maximum);
    m_scroll->setPageStep(kVisibleSeconds);
    if (following)
        m_scroll->setValue(maximum);
    syncRuleChoices();
    redraw();
}

void ChartsPanel::syncRuleChoices()
{
    const auto &rules = m_timeline->rules();
    if (m_rule->count() == static_cast<int>(rules.size()))
        return;
    for (int i = m_rule->count(); i < static_cast<int>(rules.size()); ++i)
        m_rule->addItem(QString::fromStdString(rules[static_cast<std::size_t>(i)].label()), i);
    m_rule->setVisible(m_rule->count() > 1);
}

void ChartsPanel::redraw()
{
    if (!m_timeline || m_timeline->samples().empty())
        return;
    const std::size_t first = static_cast<std::size_t>(m_scroll->value());
    const std::size_t last = std::min(first + kVisibleSeconds, m_timeline->samples().size());
    const double end = seconds(m_timeline->samples()[last - 1].at);
    for (Chart *c : {&m_rps, &m_latency, &m_errors, &m_split})
        c->x->setRange(std::max(0.0, end - kVisibleSeconds), std::max(end, static_cast<double>(kVisibleSeconds)));
    drawRps(first, last);
    drawLatencyAndErrors(first, last);
    drawSplit(first, last);
    for (Chart *c : {&m_rps, &m_latency, &m_errors, &m_split})
        updateTitle(*c);
}

void ChartsPanel::updateTitle(Chart &c) const
{
    // Solid lines are named in their colour; dashed lines and bands are explained by the title itself.
    QString html = QStringLiteral("<b>%1</b> <span style='color:%2'>%3</span>")
                       .arg(c.title.toHtmlEscaped(), m_theme.mutedText.name(), c.unit.toHtmlEscaped());
    for (QAbstractSeries *series : c.chart->series()) {
        auto *line = qobject_cast<QLineSeries *>(series);
        if (!line || !line->isVisible() || line->pen().style() != Qt::SolidLine)
            continue;
        html += QStringLiteral(" &nbsp;<span style='color:%1'>&#9632;</span>&nbsp;%2")
                    .arg(line->pen().color().name(), line->name().toHtmlEscaped());
    }
    if (c.chart->title() != html)
        c.chart->setTitle(html);
}

void ChartsPanel::drawRps(std::size_t first, std::size_t last)
{
    const auto &samples = m_timeline->samples();
    const auto &services = m_timeline->services();
    // The busiest Services get a line each; a legend of hundreds would hide the chart.
    std::vector<std::pair<double, std::size_t>> busiest;
    for (std::size_t s = 0; s < services.size(); ++s) {
        double total = 0;
        for (std::size_t i = first; i < last; ++i)
            total += s < samples[i].rps.size() ? samples[i].rps[s] : 0.0;
        busiest.emplace_back(-total, s);
    }
    std::sort(busiest.begin(), busiest.end());
    double top = 0;
    for (std::size_t rank = 0; rank < busiest.size(); ++rank) {
        const std::size_t s = busiest[rank].second;
        QLineSeries *&series = m_rpsSeries[services[s]];
        if (rank >= kMaxServiceLines) {
            if (series)
                series->setVisible(false);
            continue;
        }
        if (!series)
            series = addLine(m_rps, legendName(services[s]), serviceColor(services[s]));
        QList<QPointF> points;
        for (std::size_t i = first; i < last; ++i)
            points.append({seconds(samples[i].at), s < samples[i].rps.size() ? samples[i].rps[s] : 0.0});
        top = std::max(top, maxY(points));
        series->replace(points);
        series->setVisible(true);
    }
    m_rps.y->setRange(0, niceCeiling(top * 1.15, 5));
}

void ChartsPanel::drawLatencyAndErrors(std::size_t first, std::size_t last)
{
    const auto &samples = m_timeline->samples();
    QList<QPointF> p50, p99, server, client;
    for (std::size_t i = first; i < last; ++i) {
        const TimelineSample &s = samples[i];
        const double t = seconds(s.at);
        if (!std::isnan(s.p50Ms)) {
            p50.append({t, s.p50Ms});
            p99.append({t, s.p99Ms});
        }
        if (s.finished > 0) {
            server.append({t, 100 * s.serverErrors});
            client.append({t, 100 * s.clientErrors});
        }
    }
    m_p50->replace(p50);
    m_p99->replace(p99);
    m_serverErrors->replace(server);
    m_clientErrors->replace(client);
    m_latency.y->setRange(0, niceCeiling(maxY(p99) * 1.15, 1));
    m_errors.y->setRange(0, niceCeiling(std::max(maxY(server), maxY(client)) * 1.15, 5));
}

void ChartsPanel::rebuildSplitSeries()
{
    for (SplitSeries &s : m_splitSeries) {
        for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{s.observed, s.configured, s.band}) {
            m_split.chart->removeSeries(series);
            delete series;
        }
        delete s.low;  // the area series does not own its bounds
        delete s.high;
    }
    m_splitSeries.clear();
    if (!m_timeline || m_timeline->rules().empty())
        return;
    if (m_splitRule < 0 || m_splitRule >= static_cast<int>(m_timeline->rules().size()))
        m_splitRule = 0;
    const WeightedRule &rule = m_timeline->rules()[static_cast<std::size_t>(m_splitRule)];
    for (const std::string &backend : rule.backends) {
        const QColor color = serviceColor(rule.ns + "/" + backend);
        SplitSeries s;
        s.low = new QLineSeries(this);
        s.high = new QLineSeries(this);
        s.band = new QAreaSeries(s.high, s.low);
        QColor fill = color;
        fill.setAlpha(m_theme.isDark ? 70 : 50);
        s.band->setBrush(fill);
        s.band->setPen(Qt::NoPen);
        s.band->setName(tr("95 % %1").arg(QString::fromStdString(backend)));
        m_split.chart->addSeries(s.band);
        s.band->attachAxis(m_split.x);
        s.band->attachAxis(m_split.y);
        s.configured = addLine(m_split, tr("set %1").arg(QString::fromStdString(backend)), color, Qt::DashLine);
        s.observed = addLine(m_split, QString::fromStdString(backend), color);
        m_splitSeries.push_back(s);
    }

}

void ChartsPanel::drawSplit(std::size_t first, std::size_t last)
{
    if (m_splitSeries.empty())
        rebuildSplitSeries();
    const auto &samples = m_timeline->samples();
    const std::size_t rule = static_cast<std::size_t>(std::max(m_splitRule, 0));
    for (std::size_t b = 0; b < m_splitSeries.size(); ++b) {
        QList<QPointF> observed, configured, low, high;
        for (std::size_t i = first; i < last; ++i) {
            const TimelineSample &s = samples[i];
            if (rule >= s.splits.size() || b >= s.splits[rule].size())
                continue;
            const SplitShare &share = s.splits[rule][b];
            const double t = seconds(s.at);
            configured.append({t, 100 * share.configured});
            if (std::isnan(share.observed))
                continue;
            observed.append({t, 100 * share.observed});
            low.append({t, 100 * share.interval.low});
            high.append({t, 100 * share.interval.high});
        }
        m_splitSeries[b].observed->replace(observed);
        m_splitSeries[b].configured->replace(configured);
        m_splitSeries[b].low->replace(low);
        m_splitSeries[b].high->replace(high);
    }
}

QStringList ChartsPanel::seriesNames() const
{
    QStringList out;
    for (const Chart *c : {&m_rps, &m_latency, &m_errors, &m_split})
        for (QAbstractSeries *series : c->chart->series())
            out << series->name();
    return out;
}

int ChartsPanel::pointCount(const QString &name) const
{
    for (const Chart *c : {&m_rps, &m_latency, &m_errors, &m_split})
        for (QAbstractSeries *series : c->chart->series())
            if (series->name() == name) {
                if (auto *line = qobject_cast<QLineSeries *>(series))
                    return static_cast<int>(line->count());
                if (auto *area = qobject_cast<QAreaSeries *>(series))
                    return static_cast<int>(area->upperSeries()->count());
            }
    return -1;
}

std::vector<QChartView *> ChartsPanel::chartViews() const
{
    return {m_rps.view, m_latency.view, m_errors.view, m_split.view};
}

bool ChartsPanel::exportCsv(const QString &file)
{
    const std::string csv = m_timeline ? m_timeline->toCsv() : std::string();
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(csv.data(), static_cast<qint64>(csv.size())) < 0 || !out.commit()) {
        QMessageBox::warning(this, tr("Cannot export"), tr("Could not write %1: %2").arg(file, out.errorString()));
        return false;
    }
    return true;
}

void ChartsPanel::exportDialog()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export charts as CSV"), QStringLiteral("kubesim-traffic.csv"),
                                                      tr("CSV (*.csv)"));
    if (!file.isEmpty())
        exportCsv(file);
}

} // namespace ui
