#pragma once

#include "ui/framesnapshot.h"
#include "ui/theme.h"

#include <QWidget>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

class QAreaSeries;
class QChart;
class QChartView;
class QComboBox;
class QGridLayout;
class QLineSeries;
class QPushButton;
class QScrollBar;
class QValueAxis;

namespace ui {

class TopologyScene;
class TrafficTimeline;

/**
 * The Charts panel (Qt Charts): requests per second per Service, latency p50 / p99, error rate, and a
 * weighted rule's configured vs observed split with its 95 % interval, over the last minute of simulated
 * time. The scroll bar goes back over the timeline; at its right end the charts follow the clock.
 */
class ChartsPanel : public QWidget {
    Q_OBJECT

public:
    /** Seconds of simulated time one screen of charts shows. */
    static constexpr int kVisibleSeconds = 60;
    /** Services drawn in the requests chart: the busiest over the visible minute. */
    static constexpr std::size_t kMaxServiceLines = 6;
    /** Width under which a chart goes to a second row (times the theme's font scale). */
    static constexpr int kMinChartWidth = 250;

    ChartsPanel(TopologyScene *scene, QWidget *parent = nullptr);

    /** Points drawn now in a chart's series, by legend name ("app-v1", "p99", "set app-v2", "95 % app-v2"...). */
    int pointCount(const QString &series) const;
    /** Names of the series drawn now. */
    QStringList seriesNames() const;
    /** The chart views, left to right (screenshots, tests). */
    std::vector<QChartView *> chartViews() const;
    /** Writes the whole timeline as CSV; false with a message box on failure. */
    bool exportCsv(const QString &file);
    /** True when the charts follow the clock (the scroll bar is at its right end). */
    bool isFollowing() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

public slots:
    /** Draws the seconds closed since the last frame (called once per frame). */
    void onFrame(const ui::FrameSnapshot &frame);
    /** A new cluster: forgets the series. */
    void clear();
    void setTheme(const ui::Theme &theme);

private:
    struct Chart {
        QChart *chart = nullptr;
        QChartView *view = nullptr;
        QValueAxis *x = nullptr;
        QValueAxis *y = nullptr;
        QString title, unit;
    };
    struct SplitSeries {
        QLineSeries *observed = nullptr, *configured = nullptr, *low = nullptr, *high = nullptr;
        QAreaSeries *band = nullptr;
    };
    Chart makeChart(const QString &title, const QString &unit);
    void arrangeCharts(int columns);
    static QString legendName(const std::string &service);
    QLineSeries *addLine(Chart &chart, const QString &name, const QColor &color, Qt::PenStyle style = Qt::SolidLine);
    void styleChart(Chart &chart) const;
    void updateTitle(Chart &chart) const;
    void redraw();
    void drawRps(std::size_t first, std::size_t last);
    void drawLatencyAndErrors(std::size_t first, std::size_t last);
    void drawSplit(std::size_t first, std::size_t last);
    void rebuildSplitSeries();
    void syncRuleChoices();
    void exportDialog();
    QColor serviceColor(const std::string &service) const;

    TopologyScene *m_scene;
    Theme m_theme;
    const TrafficTimeline *m_timeline = nullptr;
    std::uint64_t m_drawnClosed = 0;
    Chart m_rps, m_latency, m_errors, m_split;
    std::map<std::string, QLineSeries *> m_rpsSeries;  // by Service
    QLineSeries *m_p50 = nullptr, *m_p99 = nullptr, *m_serverErrors = nullptr, *m_clientErrors = nullptr;
    std::vector<SplitSeries> m_splitSeries;  // by backend of the chosen rule
    int m_splitRule = -1;
    QGridLayout *m_grid = nullptr;
    int m_columns = 0;
    QScrollBar *m_scroll;
    QComboBox *m_rule;
    QPushButton *m_export;
};

} // namespace ui
