#include "ui/objectyamleditor.h"

#include "sim/manifest/encoder.h"
#include "sim/manifest/loader.h"
#include "ui/simulationhost.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {
namespace {

std::string userYaml(const sim::api::Object &object)
{
    sim::manifest::EncodeOptions options;
    options.includeStatus = false;
    return sim::manifest::toYaml(object, options);
}

// `path` is `field` or inside it ("spec.rules[1]" holds "spec.rules[1].host", not "spec.rules[10]").
bool isUnder(const std::string &path, const std::string &field)
{
    return path.rfind(field, 0) == 0 && (path.size() == field.size() || path[field.size()] == '.' || path[field.size()] == '[');
}

// Whether a field (a decoder path) makes edges of `rule`'s on the canvas: the YAML lines to point at.
bool makesEdges(const sim::api::Object &object, int rule, const std::string &path)
{
    if (object.is<sim::api::HTTPRoute>()) {
        const auto &rules = object.as<sim::api::HTTPRoute>().spec.rules;
        if (rule < 0 || static_cast<std::size_t>(rule) >= rules.size())
            return false;
        const std::string at = "spec.rules[" + std::to_string(rule) + "]";
        if (isUnder(path, at + ".matches"))
            return true;
        for (std::size_t b = 0; b < rules[static_cast<std::size_t>(rule)].backendRefs.size(); ++b)
            if (path == at + ".backendRefs[" + std::to_string(b) + "].weight")
                return true;
        return false;
    }
    if (!object.is<sim::api::Ingress>())
        return false;
    // A canary pairs with the main Ingress's path of the same host and path, and takes its annotations' share.
    if (object.metadata.annotation("nginx.ingress.kubernetes.io/canary") == "true")
        return path.rfind("metadata.annotations.nginx.ingress.kubernetes.io/canary", 0) == 0 || isUnder(path, "spec.rules");
    int flat = 0;
    const auto &rules = object.as<sim::api::Ingress>().spec.rules;
    for (std::size_t r = 0; r < rules.size(); ++r) {
        const std::string at = "spec.rules[" + std::to_string(r) + "]";
        for (std::size_t p = 0; p < rules[r].paths.size(); ++p, ++flat)
            if (flat == rule)
                return isUnder(path, at + ".host") || isUnder(path, at + ".http.paths[" + std::to_string(p) + "]");
    }
    return false;
}

} // namespace

ObjectYamlEditor::ObjectYamlEditor(SimulationHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_editor(new QPlainTextEdit), m_errors(new QListWidget), m_status(new QLabel),
      m_apply(new QPushButton(tr("Apply"))), m_revert(new QPushButton(tr("Revert")))
{
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(false);
    m_editor->setObjectName(QStringLiteral("yamlEditor"));
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        m_apply->setEnabled(modified);
        m_revert->setEnabled(modified);
    });
    m_errors->setVisible(false);
    m_errors->setWordWrap(true);
    connect(m_errors, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(item->data(Qt::UserRole).toInt() - 1);
        if (block.isValid()) {
            m_editor->setTextCursor(QTextCursor(block));
            m_editor->setFocus();
        }
    });
    m_apply->setToolTip(tr("Validate the YAML and apply it to the cluster (Ctrl+Return)"));
    m_apply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_apply->setEnabled(false);
    m_revert->setEnabled(false);
    connect(m_apply, &QPushButton::clicked, this, &ObjectYamlEditor::apply);
    connect(m_revert, &QPushButton::clicked, this, &ObjectYamlEditor::revert);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_errors);
    layout->addLayout(buttons);
}

void ObjectYamlEditor::setTheme(const Theme &theme)
{
    m_theme = theme;
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(9.0 * theme.fontScale);
    m_editor->setFont(mono);
    markLines();
}

bool ObjectYamlEditor::hasEdits() const
{
    return m_editor->document()->isModified();
}

void ObjectYamlEditor::setObject(const sim::api::ObjectPtr &object)
{
    const bool sameObject = object && m_object && object->kind() == m_object->kind()
                            && object->metadata.name == m_object->metadata.name
                            && object->metadata.namespace_ == m_object->metadata.namespace_;
    if (sameObject && hasEdits()) {
        m_object = object;  // Apply compares against the latest state; the user's text stays
        return;
    }
    m_object = object;
    const QString text = object ? QString::fromStdString(userYaml(*object)) : QString();
    if (text != m_editor->toPlainText() || !sameObject) {
        m_editor->setPlainText(text);
        m_pointedLines.clear();
        showProblems({});
        m_status->clear();
    }
    m_editor->document()->setModified(false);
    m_editor->setReadOnly(!object);
}

void ObjectYamlEditor::restoreEdits(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->document()->setModified(true);
}

void ObjectYamlEditor::revert()
{
    m_editor->document()->setModified(false);
    setObject(m_object);
    m_status->setText(tr("Reverted to the object as it is in the cluster."));
}

bool ObjectYamlEditor::isSameObject(const sim::api::Object &edited) const
{
    return edited.kind() == m_object->kind() && edited.metadata.name == m_object->metadata.name
           && edited.metadata.namespace_ == m_object->metadata.namespace_;
}

bool ObjectYamlEditor::apply()
{
    if (!m_object)
        return false;
    const std::string file = std::string(sim::api::kindInfo(m_object->kind()).singular) + "-" + m_object->metadata.name + ".yaml";
    sim::manifest::DecodeOptions options;
    options.defaultNamespace = m_object->metadata.namespace_.empty() ? "default" : m_object->metadata.namespace_;
    const sim::manifest::LoadResult loaded = sim::manifest::loadText(m_editor->toPlainText().toStdString(), file, options);
    std::vector<Problem> problems;
    auto collect = [&problems](const std::vector<sim::manifest::Diagnostic> &diagnostics) {
        for (const sim::manifest::Diagnostic &d : diagnostics)
            if (d.isError())
                problems.push_back({d.location.line, QString::fromStdString(d.toString())});
    };
    collect(loaded.diagnostics);
    if (problems.empty() && (loaded.documents.size() != 1 || !isSameObject(loaded.documents.front().object)))
        problems.push_back({1, tr("%1:1: error: an edit must keep exactly this object (kind, name and namespace); "
                                  "use the console's apply -f to create others")
                                   .arg(QString::fromStdString(file))});
    if (problems.empty()) {
        sim::ApplyResult applied;
        m_host->runUserCommand([&] { applied = m_host->simulation().apply(loaded.documents); });
        collect(applied.diagnostics);
        if (applied.ok && problems.empty()) {
            showProblems({});
            m_editor->document()->setModified(false);
            m_status->setText(QString::fromStdString(applied.objects.empty() ? "applied" : applied.objects.front().toString()));
            return true;
        }
    }
    showProblems(problems);
    m_status->setText(tr("Not applied: the cluster is unchanged."));
    return false;
}

void ObjectYamlEditor::showProblems(const std::vector<Problem> &problems)
{
    m_errors->clear();
    m_errorLines.clear();
    for (const Problem &p : problems) {
        auto *item = new QListWidgetItem(p.text, m_errors);
        item->setData(Qt::UserRole, p.line);
        item->setForeground(m_theme.failing);
        if (p.line > 0 && !m_errorLines.contains(p.line))
            m_errorLines.append(p.line);
    }
    m_errors->setVisible(!problems.empty());
    // As tall as its lines (up to a few), so the YAML keeps the room.
    const QFontMetrics metrics(m_errors->font());
    const int width = std::max(120, m_errors->viewport()->width() - 12);
    int height = 8;
    for (int i = 0; i < m_errors->count() && i < 4; ++i)
        height += metrics.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, m_errors->item(i)->text()).height() + 4;
    m_errors->setFixedHeight(height);
    markLines();
    if (!m_errorLines.isEmpty()) {
        m_editor->setTextCursor(QTextCursor(m_editor->document()->findBlockByNumber(m_errorLines.front() - 1)));
        m_editor->centerCursor();
    }
}

QStringList ObjectYamlEditor::errors() const
{
    QStringList out;
    for (int i = 0; i < m_errors->count(); ++i)
        out << m_errors->item(i)->text();
    return out;
}

void ObjectYamlEditor::pointAtRule(int rule)
{
    m_pointedLines.clear();
    if (m_object) {
        // The decoder records where every field stands: read the shown text back to find the rule's lines.
        const sim::manifest::LoadResult loaded = sim::manifest::loadText(m_editor->toPlainText().toStdString(), "shown.yaml");
        if (loaded.documents.size() == 1)
            for (const auto &[path, location] : loaded.documents.front().fields) {
                if (makesEdges(*m_object, rule, path) && location.line > 0 && !m_pointedLines.contains(location.line))
                    m_pointedLines.append(location.line);
            }
        std::sort(m_pointedLines.begin(), m_pointedLines.end());
    }
    markLines();
    if (!m_pointedLines.isEmpty()) {
        m_editor->setTextCursor(QTextCursor(m_editor->document()->findBlockByNumber(m_pointedLines.front() - 1)));
        m_editor->centerCursor();
    }
}

void ObjectYamlEditor::markLines()
{
    QList<QTextEdit::ExtraSelection> marks;
    auto mark = [&](const QList<int> &lines, QColor background) {
        background.setAlpha(m_theme.isDark ? 90 : 45);
        for (int line : lines) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(m_editor->document()->findBlockByNumber(line - 1));
            selection.format.setBackground(background);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            marks.append(selection);
        }
    };
    mark(m_pointedLines, m_theme.accent);
    mark(m_errorLines, m_theme.failing);
    m_editor->setExtraSelections(marks);
}

} // namespace ui
