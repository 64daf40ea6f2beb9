#include "ui/lessonpanel.h"

#include "sim/scenario/lessonsession.h"
#include "sim/scenario/scenarioparser.h"
#include "ui/checkmarklist.h"
#include "ui/qs.h"
#include "ui/simulationhost.h"
#include "ui/theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBlockFormat>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {
namespace {

// Live marks are re-evaluated this often (wall time): often enough to feel immediate, rarely enough to cost nothing.
constexpr qint64 kRefreshMs = 250;

bool allPassed(const CheckMarkList *list)
{
    const auto &marks = list->marks();
    return std::all_of(marks.begin(), marks.end(), [](CheckMarkList::Mark m) { return m == CheckMarkList::Mark::Passed; });
}

QLabel *label(const QString &objectName, bool wrap = true)
{
    auto *l = new QLabel;
    l->setObjectName(objectName);
    l->setWordWrap(wrap);
    return l;
}

QPushButton *button(const QString &text, const QString &objectName, const QString &toolTip)
{
    auto *b = new QPushButton(text);
    b->setObjectName(objectName);
    b->setToolTip(toolTip);
    b->setCursor(Qt::PointingHandCursor);
    return b;
}

// Markdown with room to breathe: text read from across a classroom needs more leading than a dialog's.
void showMarkdown(QTextBrowser *browser, const QString &markdown)
{
    browser->setMarkdown(markdown);
    browser->document()->setDocumentMargin(0);
    QTextCursor cursor(browser->document());
    cursor.select(QTextCursor::Document);
    QTextBlockFormat format;
    format.setLineHeight(125, QTextBlockFormat::ProportionalHeight);
    cursor.mergeBlockFormat(format);
}

QString styleSheetFor(const Theme &t)
{
    QColor tint = t.accent;
    tint.setAlpha(t.isDark ? 40 : 22);
    const int base = qRound(10.5 * t.fontScale);
    QString css = QStringLiteral(
        "QLabel#lessonKicker { color: @accent; font-size: @smallpt; font-weight: 700; letter-spacing: 1px; }"
        "QLabel#lessonTitle { color: @text; font-size: @titlept; font-weight: 600; }"
        "QLabel#lessonLevel { color: @muted; border: 1px solid @border; border-radius: 9px; padding: 1px 9px;"
        " font-size: @smallpt; }"
        "QLabel#progressText { color: @muted; font-size: @smallpt; font-weight: 600; }"
        "QProgressBar { border: none; background: @border; border-radius: 3px; }"
        "QProgressBar::chunk { background: @accent; border-radius: 3px; }"
        "QLabel#stepTitle { color: @text; font-size: @headingpt; font-weight: 700; }"
        "QTextBrowser#stepText { background: transparent; color: @text; font-size: @basept; border: none; }"
        "QLabel#sectionTitle { color: @muted; font-size: @smallpt; font-weight: 700; letter-spacing: 1px; }"
        "QLabel#checkName { color: @text; font-size: @basept; }"
        "QLabel#checkObserved { color: @muted; font-size: @smallpt; }"
        "QFrame#taskBox { background: @tint; border: 1px solid @accent; border-radius: 10px; }"
        "QFrame#taskBox QLabel { background: transparent; }"
        "QLabel#taskGoal { color: @text; font-size: @basept; font-weight: 600; }"
        "QFrame#taskBox QLabel#taskHint { color: @text; background: @card; border: 1px dashed @border;"
        " border-radius: 6px; padding: 6px 8px; }"
        "QLabel#lessonDone { color: white; background: @ready; border-radius: 8px; padding: 8px 10px; font-weight: 600; }"
        "QPushButton { color: @text; background: @card; border: 1px solid @border; border-radius: 8px;"
        " padding: 6px 14px; font-size: @basept; }"
        "QPushButton:hover { border-color: @accent; }"
        "QPushButton:disabled { color: @muted; background: transparent; }"
        "QPushButton#nextButton { color: white; background: @accent; border: none; font-weight: 600; padding: 7px 22px; }"
        "QPushButton#nextButton:disabled { background: @border; color: @muted; }");
    const std::pair<const char *, QString> values[] = {
        {"@border", t.cardBorder.name()},
        {"@card", t.card.name()},
        {"@text", t.text.name()},
        {"@muted", t.mutedText.name()},
        {"@accent", t.accent.name()},
        {"@ready", t.ready.name()},
        {"@tint", QStringLiteral("rgba(%1,%2,%3,%4)").arg(tint.red()).arg(tint.green()).arg(tint.blue()).arg(tint.alpha())},
        {"@small", QString::number(base - 2)},
        {"@base", QString::number(base)},
        {"@title", QString::number(base + 1)},
        {"@heading", QString::number(base + 5)},
    };
    for (const auto &[key, value] : values)
        css.replace(QLatin1String(key), value);
    return css;
}

} // namespace

LessonPanel::LessonPanel(SimulationHost *host, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_host(host), m_theme(theme)
{
    build();
    restyle();
    connect(m_host, &SimulationHost::frameAdvanced, this, &LessonPanel::onFrame);
    connect(m_host, &SimulationHost::simulationReplaced, this, &LessonPanel::onSimulationReplaced);
    // Paused, a learner's edit (console, YAML) can still turn a check green.
    connect(m_host, &SimulationHost::objectsChanged, this, [this] {
        if (!m_host->isPlaying())
            refreshChecks();
    });
}

LessonPanel::~LessonPanel() = default;

void LessonPanel::build()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 14, 16, 14);
    m_placeholder = label(QStringLiteral("lessonPlaceholder"));
    m_placeholder->setText(tr("No lesson open. Pick one from the Lessons menu, or open a scenario folder."));
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(m_placeholder);

    m_content = new QWidget;
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(buildHeader());
    m_stepTitle = label(QStringLiteral("stepTitle"));
    layout->addWidget(m_stepTitle);
    m_text = new QTextBrowser;
    m_text->setObjectName(QStringLiteral("stepText"));
    m_text->setOpenExternalLinks(true);
    m_text->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_text, 1);
    m_checksTitle = label(QStringLiteral("sectionTitle"));
    m_checksTitle->setText(tr("CHECKS"));
    layout->addWidget(m_checksTitle);
    m_stepChecks = new CheckMarkList(m_theme);
    layout->addWidget(m_stepChecks);
    layout->addWidget(buildTask());
    m_done = label(QStringLiteral("lessonDone"));
    m_done->setText(tr("Lesson complete: every check passed."));
    layout->addWidget(m_done);
    layout->addWidget(buildNavigation());
    outer->addWidget(m_content, 1);
    m_content->hide();
}

QWidget *LessonPanel::buildHeader()
{
    auto *header = new QWidget;
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(4);
    auto *top = new QHBoxLayout;
    auto *kicker = label(QStringLiteral("lessonKicker"), false);
    kicker->setText(tr("LESSON"));
    top->addWidget(kicker);
    top->addStretch(1);
    m_level = label(QStringLiteral("lessonLevel"), false);
    top->addWidget(m_level);
    layout->addLayout(top);
    m_lessonTitle = label(QStringLiteral("lessonTitle"));
    layout->addWidget(m_lessonTitle);
    auto *progress = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(6);
    progress->addWidget(m_progress, 1);
    m_progressText = label(QStringLiteral("progressText"), false);
    progress->addWidget(m_progressText);
    layout->addLayout(progress);
    return header;
}

QWidget *LessonPanel::buildTask()
{
    m_task = new QFrame;
    m_task->setObjectName(QStringLiteral("taskBox"));
    auto *layout = new QVBoxLayout(m_task);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(8);
    auto *title = label(QStringLiteral("sectionTitle"));
    title->setText(tr("YOUR TASK"));
    layout->addWidget(title);
    m_goal = label(QStringLiteral("taskGoal"));
    layout->addWidget(m_goal);
    m_taskChecks = new CheckMarkList(m_theme);
    layout->addWidget(m_taskChecks);
    m_hint = label(QStringLiteral("taskHint"));
    layout->addWidget(m_hint);
    auto *buttons = new QHBoxLayout;
    m_hintButton = button(tr("Hint"), QStringLiteral("hintButton"), tr("Show or hide a nudge towards the goal"));
    m_solutionButton = button(tr("Show solution"), QStringLiteral("solutionButton"),
                              tr("Do the task for me: apply the solution's actions to the cluster"));
    connect(m_hintButton, &QPushButton::clicked, this, &LessonPanel::toggleHint);
    connect(m_solutionButton, &QPushButton::clicked, this, &LessonPanel::showSolution);
    buttons->addWidget(m_hintButton);
    buttons->addWidget(m_solutionButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    return m_task;
}

QWidget *LessonPanel::buildNavigation()
{
    auto *bar = new QWidget;
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 6, 0, 0);
    m_backButton = button(tr("‹ Back"), QStringLiteral("backButton"),
                          tr("Go to the previous step: the cluster, traffic and clock as they were at its start"));
    m_restartButton = button(tr("Restart step"), QStringLiteral("restartButton"),
                             tr("Put the cluster, traffic and clock back to the start of this step"));
    m_nextButton = button(tr("Next ›"), QStringLiteral("nextButton"), tr("Go on to the next step"));
    connect(m_backButton, &QPushButton::clicked, this, &LessonPanel::back);
    connect(m_restartButton, &QPushButton::clicked, this, &LessonPanel::restartStep);
    connect(m_nextButton, &QPushButton::clicked, this, &LessonPanel::next);
    layout->addWidget(m_backButton);
    layout->addWidget(m_restartButton);
    layout->addStretch(1);
    layout->addWidget(m_nextButton);
    return bar;
}

bool LessonPanel::openLesson(const std::filesystem::path &folder, QString *error)
{
    sim::scenario::ScenarioLoadResult loaded = sim::scenario::ScenarioParser::loadFolder(folder);
    if (!loaded.ok()) {
        if (error) {
            error->clear();
            for (const auto &d : loaded.diagnostics)
                *error += qs(d.toString()) + QLatin1Char('\n');
        }
        return false;
    }
    auto session = std::make_unique<sim::scenario::LessonSession>(std::move(*loaded.scenario));
    // The old session (if any) goes only after the host has let go of its cluster.
    m_session.swap(session);
    adoptSimulation();
    m_lessonTitle->setText(qs(m_session->scenario().title));
    m_level->setText(qs(m_session->scenario().level));
    m_placeholder->hide();
    m_content->show();
    showStep();
    emit lessonChanged(m_lessonTitle->text());
    return true;
}

void LessonPanel::adoptSimulation()
{
    m_handingOver = true;
    m_host->replaceSimulation(m_session->sharedSimulation());
    m_handingOver = false;
}

void LessonPanel::onSimulationReplaced()
{
    if (!m_handingOver && m_session)
        endLesson();
}

void LessonPanel::endLesson()
{
    m_session.reset();
    m_content->hide();
    m_placeholder->show();
    emit lessonChanged(QString());
}

void LessonPanel::showStep()
{
    const sim::scenario::Step &step = m_session->currentStep();
    const int index = static_cast<int>(m_session->stepIndex());
    const int count = static_cast<int>(m_session->stepCount());
    m_progress->setRange(0, count);
    m_progress->setValue(index + 1);
    m_progressText->setText(tr("Step %1 of %2").arg(index + 1).arg(count));
    m_stepTitle->setText(qs(step.title));
    showMarkdown(m_text, qs(step.text));
    m_checksTitle->setVisible(!step.checks.empty());
    m_stepChecks->setVisible(!step.checks.empty());
    m_task->setVisible(step.task.has_value());
    if (step.task) {
        m_goal->setText(qs(step.task->goal));
        m_hint->setText(tr("Hint: %1").arg(qs(step.task->hint)));
    }
    m_hint->hide();
    m_hintButton->setText(tr("Hint"));
    m_solutionButton->setEnabled(!m_session->isSolutionApplied());
    m_backButton->setEnabled(index > 0);
    m_nextButton->setEnabled(index + 1 < count);
    refreshChecks();
}

void LessonPanel::refreshChecks()
{
    m_sinceRefresh.start();
    if (!m_session)
        return;
    const bool settled = m_session->isSettled();
    m_stepChecks->setResults(m_session->peekChecks(false), settled);
    // A task check is only a failure once the solution ran; before that it is the learner's to do.
    m_taskChecks->setResults(m_session->peekChecks(true), settled && m_session->isSolutionApplied());
    const bool last = m_session->stepIndex() + 1 == m_session->stepCount();
    m_done->setVisible(last && settled && allPassed(m_stepChecks) && allPassed(m_taskChecks));
}

void LessonPanel::onFrame()
{
    if (m_session && (!m_sinceRefresh.isValid() || m_sinceRefresh.elapsed() >= kRefreshMs))
        refreshChecks();
}

void LessonPanel::next()
{
    if (m_session && m_session->next())
        showStep();
}

void LessonPanel::back()
{
    if (!m_session || !m_session->back())
        return;
    adoptSimulation();
    showStep();
}

void LessonPanel::restartStep()
{
    if (!m_session)
        return;
    m_session->restartStep();
    adoptSimulation();
    showStep();
}

void LessonPanel::toggleHint()
{
    m_hint->setHidden(!m_hint->isHidden());
    m_hintButton->setText(m_hint->isHidden() ? tr("Hint") : tr("Hide hint"));
}

void LessonPanel::showSolution()
{
    if (!m_session || !m_session->applySolution())
        return;
    m_solutionButton->setEnabled(false);
    refreshChecks();
}

void LessonPanel::restyle()
{
    setStyleSheet(styleSheetFor(*m_theme));
    m_stepChecks->restyle();
    m_taskChecks->restyle();
}

} // namespace ui
