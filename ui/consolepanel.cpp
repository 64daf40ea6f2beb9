#include "ui/consolepanel.h"

#include "sim/console/console.h"
#include "ui/consolecompleter.h"
#include "ui/simulationhost.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QVBoxLayout>

namespace ui {
namespace {

constexpr int kHistorySize = 200;
const QString kHistoryKey = QStringLiteral("console/history");

} // namespace

ConsolePanel::ConsolePanel(SimulationHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_output(new QPlainTextEdit), m_input(new QLineEdit)
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setReadOnly(true);
    m_output->setFont(mono);
    m_output->setMaximumBlockCount(5000);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setObjectName(QStringLiteral("consoleOutput"));
    m_input->setFont(mono);
    m_input->setObjectName(QStringLiteral("consoleInput"));
    m_input->setPlaceholderText(tr("kubectl get pods   ·   Tab completes, ↑ ↓ history, help lists every command"));
    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString line = m_input->text();
        m_input->clear();
        run(line);
    });
    auto *prompt = new QLabel(QStringLiteral("$"));
    prompt->setFont(mono);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(prompt);
    row->addWidget(m_input, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_output, 1);
    layout->addLayout(row);
    m_history = QSettings().value(kHistoryKey).toStringList();
    m_historyIndex = static_cast<int>(m_history.size());
    onSimulationReplaced();
}

ConsolePanel::~ConsolePanel() = default;

void ConsolePanel::onSimulationReplaced()
{
    m_console = std::make_unique<sim::console::Console>(m_host->simulation());
    // The window's frame driver owns the clock: a waiting verb must not run the cluster ahead of the canvas.
    m_console->setCanAdvanceTime(false);
    // curl's answer arrives frames later, when the request (a particle on the canvas) gets back.
    m_console->setDeliverLater([this](const sim::console::CommandResult &result) {
        print(QString::fromStdString(result.out), QColor());
        print(QString::fromStdString(result.err), m_theme.failing);
    });
}

void ConsolePanel::setTheme(const Theme &theme)
{
    m_theme = theme;
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(9.0 * theme.fontScale);
    m_output->setFont(mono);
    m_input->setFont(mono);
}

QString ConsolePanel::output() const
{
    return m_output->toPlainText();
}

void ConsolePanel::print(const QString &text, const QColor &color)
{
    if (text.isEmpty())
        return;
    QTextCharFormat format;
    format.setForeground(color.isValid() ? QBrush(color) : palette().text());
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    QString body = text.endsWith(QLatin1Char('\n')) ? text.chopped(1) : text;
    if (!m_output->document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(body, format);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

void ConsolePanel::run(const QString &line)
{
    const QString trimmed = line.trimmed();
    print(QStringLiteral("$ ") + trimmed, m_theme.accent);
    if (trimmed.isEmpty())
        return;
    rememberHistory(trimmed);
    if (trimmed == QLatin1String("clear")) {
        m_output->clear();
        return;
    }
    sim::console::CommandResult result;
    m_host->runUserCommand([&] { result = m_console->execute(trimmed.toStdString()); });
    print(QString::fromStdString(result.out), QColor());
    print(QString::fromStdString(result.err), m_theme.failing);
}

void ConsolePanel::rememberHistory(const QString &line)
{
    if (m_history.isEmpty() || m_history.back() != line)
        m_history << line;
    while (m_history.size() > kHistorySize)
        m_history.removeFirst();
    m_historyIndex = static_cast<int>(m_history.size());
    m_typed.clear();
    QSettings().setValue(kHistoryKey, m_history);
}

void ConsolePanel::walkHistory(int step)
{
    const int size = static_cast<int>(m_history.size());
    if (m_historyIndex == size)
        m_typed = m_input->text();
    m_historyIndex = std::clamp(m_historyIndex + step, 0, size);
    m_input->setText(m_historyIndex == size ? m_typed : m_history[m_historyIndex]);
}

void ConsolePanel::completeInput()
{
    const QString before = m_input->text().left(m_input->cursorPosition());
    const ConsoleCompletion completion = ConsoleCompleter(*m_console, m_host->simulation().store()).complete(before);
    if (!completion.candidates.isEmpty())
        print(completion.candidates.join(QStringLiteral("   ")), m_theme.mutedText);
    m_input->setText(completion.line + m_input->text().mid(m_input->cursorPosition()));
    m_input->setCursorPosition(static_cast<int>(completion.line.size()));
}

bool ConsolePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Tab: completeInput(); return true;
        case Qt::Key_Up: walkHistory(-1); return true;
        case Qt::Key_Down: walkHistory(1); return true;
        default: break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ui
