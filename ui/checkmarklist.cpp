#include "ui/checkmarklist.h"

#include "ui/theme.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

namespace ui {

QPixmap checkMarkPixmap(CheckMarkList::Mark mark, const Theme &theme, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF box(1.5, 1.5, size - 3.0, size - 3.0);
    const qreal stroke = size / 9.0;
    if (mark == CheckMarkList::Mark::Pending) {
        p.setPen(QPen(theme.mutedText, stroke));
        p.drawEllipse(box);
        return pixmap;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(mark == CheckMarkList::Mark::Passed ? theme.ready : theme.failing);
    p.drawEllipse(box);
    p.setPen(QPen(Qt::white, stroke * 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    const qreal s = size;
    QPainterPath path;
    if (mark == CheckMarkList::Mark::Passed) {
        path.moveTo(s * 0.28, s * 0.52);
        path.lineTo(s * 0.44, s * 0.68);
        path.lineTo(s * 0.73, s * 0.35);
    } else {
        path.moveTo(s * 0.34, s * 0.34);
        path.lineTo(s * 0.66, s * 0.66);
        path.moveTo(s * 0.66, s * 0.34);
        path.lineTo(s * 0.34, s * 0.66);
    }
    p.drawPath(path);
    return pixmap;
}

CheckMarkList::CheckMarkList(const Theme *theme, QWidget *parent) : QWidget(parent), m_theme(theme)
{
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(10);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(1, 1);
}

void CheckMarkList::resize(std::size_t count)
{
    while (m_rows.size() > count) {
        const Row row = m_rows.back();
        m_rows.pop_back();
        delete row.icon;
        delete row.name;
        delete row.observed;
    }
    while (m_rows.size() < count) {
        const int line = static_cast<int>(m_rows.size()) * 2;
        Row row{new QLabel, new QLabel, new QLabel};
        row.icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
        row.name->setWordWrap(true);
        row.observed->setWordWrap(true);
        row.name->setObjectName(QStringLiteral("checkName"));
        row.observed->setObjectName(QStringLiteral("checkObserved"));
        row.observed->setForegroundRole(QPalette::PlaceholderText);
        m_grid->addWidget(row.icon, line, 0, 2, 1);
        m_grid->addWidget(row.name, line, 1);
        m_grid->addWidget(row.observed, line + 1, 1);
        m_rows.push_back(row);
    }
}

void CheckMarkList::setResults(const std::vector<sim::scenario::CheckResult> &results, bool final)
{
    resize(results.size());
    m_results = results;
    m_final = final;
    m_marks.clear();
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Mark mark = results[i].passed ? Mark::Passed : final ? Mark::Failed : Mark::Pending;
        m_marks.push_back(mark);
        showRow(m_rows[i], results[i], mark);
    }
}

void CheckMarkList::showRow(Row &row, const sim::scenario::CheckResult &result, Mark mark)
{
    const int size = QFontMetrics(font()).height() + 4;
    row.icon->setPixmap(checkMarkPixmap(mark, *m_theme, size, devicePixelRatioF()));
    row.name->setText(QString::fromStdString(result.name));
    row.observed->setText(tr("now: %1").arg(QString::fromStdString(result.observed)));
    const QString expected = tr("Expected: %1").arg(QString::fromStdString(result.expected));
    row.name->setToolTip(expected);
    row.observed->setToolTip(expected);
}

void CheckMarkList::restyle()
{
    setResults(m_results, m_final);
}

} // namespace ui
