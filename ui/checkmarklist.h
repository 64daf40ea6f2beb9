#pragma once

#include "sim/scenario/runreport.h"

#include <QWidget>

#include <vector>

class QGridLayout;
class QLabel;

namespace ui {

struct Theme;

/**
 * A lesson's checks as marks: a green tick when a check passes, a red cross when it failed and the step
 * is done, an open circle while it is still to come; under each name what the cluster shows now.
 */
class CheckMarkList : public QWidget {
    Q_OBJECT

public:
    enum class Mark { Pending, Passed, Failed };

    CheckMarkList(const Theme *theme, QWidget *parent = nullptr);

    /** Shows these results; failures are drawn as Failed when `final`, else as Pending (not reached yet). */
    void setResults(const std::vector<sim::scenario::CheckResult> &results, bool final);
    /** The mark shown for each check, in order (tests read it as a learner reads the colours). */
    const std::vector<Mark> &marks() const { return m_marks; }
    /** Redraws the marks in the current theme. */
    void restyle();

private:
    struct Row {
        QLabel *icon;
        QLabel *name;
        QLabel *observed;
    };
    void resize(std::size_t count);
    void showRow(Row &row, const sim::scenario::CheckResult &result, Mark mark);

    const Theme *m_theme;
    QGridLayout *m_grid;
    std::vector<Row> m_rows;
    std::vector<Mark> m_marks;
    std::vector<sim::scenario::CheckResult> m_results;
    bool m_final = false;
};

/** The picture of a mark at a size in device-independent pixels (drawn, so it needs no font glyph). */
QPixmap checkMarkPixmap(CheckMarkList::Mark mark, const Theme &theme, int size, qreal devicePixelRatio);

} // namespace ui
