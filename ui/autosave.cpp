#include "ui/autosave.h"

#include "sim/manifest/encoder.h"
#include "sim/simulation.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace ui {
namespace {

constexpr int kFormatVersion = 1;

QJsonObject sessionJson(const AutosaveState &state)
{
    QJsonObject json{{QStringLiteral("version"), kFormatVersion},
                     {QStringLiteral("edited"), state.edited},
                     {QStringLiteral("cleanQuit"), state.cleanQuit}};
    if (!state.lessonFolder.isEmpty())
        json[QStringLiteral("lesson")] =
            QJsonObject{{QStringLiteral("folder"), state.lessonFolder}, {QStringLiteral("step"), state.lessonStep}};
    if (!state.editorText.isEmpty())
        json[QStringLiteral("editor")] = QJsonObject{
            {QStringLiteral("kind"), QString::fromStdString(std::string(sim::api::kindInfo(state.editorObject.kind).name))},
            {QStringLiteral("namespace"), state.editorObject.ns},
            {QStringLiteral("name"), state.editorObject.name},
            {QStringLiteral("text"), state.editorText}};
    return json;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile out(path);
    if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit())
        return true;
    *error = QStringLiteral("%1: %2").arg(path, out.errorString());
    return false;
}

} // namespace

Autosave::Autosave(QString folder, Collector collect, QObject *parent)
    : QObject(parent), m_folder(std::move(folder)), m_collect(std::move(collect))
{
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
}

Autosave::~Autosave() = default;

QString Autosave::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

int Autosave::defaultIntervalMs()
{
    const int fromEnvironment = qEnvironmentVariableIntValue("KUBESIM_AUTOSAVE_INTERVAL_MS");
    return fromEnvironment > 0 ? fromEnvironment : kDefaultIntervalMs;
}

std::string Autosave::sandboxYaml(const sim::store::Store &store)
{
    std::string yaml;
    sim::manifest::EncodeOptions options;
    options.includeStatus = false;
    for (const sim::api::KindInfo &info : sim::api::allKinds())
        for (const sim::api::ObjectPtr &obj : store.list(info.kind)) {
            // What controllers made (ReplicaSets, Pods, EndpointSlices) comes back from its owner; the system
            // namespaces come with every cluster.
            if (!obj->metadata.ownerReferences->empty() || obj->metadata.labels->count(sim::api::kManagedByLabel)
                || sim::isUntouchedSystemNamespace(*obj))
                continue;
            yaml += (yaml.empty() ? "" : "---\n") + sim::manifest::toYaml(*obj, options);
        }
    return yaml;
}

QString Autosave::objectsFile() const
{
    return m_folder + QStringLiteral("/sandbox.yaml");
}

QString Autosave::sessionFile() const
{
    return m_folder + QStringLiteral("/session.json");
}

std::optional<AutosaveState> Autosave::read(const QString &folder, QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    QFile session(folder + QStringLiteral("/session.json"));
    QFile objects(folder + QStringLiteral("/sandbox.yaml"));
    if (!session.open(QIODevice::ReadOnly) || !objects.open(QIODevice::ReadOnly)) {
        why = QStringLiteral("no autosave in %1").arg(folder);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(session.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || json.value(QStringLiteral("version")).toInt() != kFormatVersion) {
        why = QStringLiteral("%1: not a kubesim autosave (%2)").arg(session.fileName(), parseError.errorString());
        return std::nullopt;
    }
    AutosaveState state;
    state.objects = objects.readAll().toStdString();
    state.edited = json.value(QStringLiteral("edited")).toBool();
    state.cleanQuit = json.value(QStringLiteral("cleanQuit")).toBool();
    const QJsonObject lesson = json.value(QStringLiteral("lesson")).toObject();
    state.lessonFolder = lesson.value(QStringLiteral("folder")).toString();
    state.lessonStep = lesson.value(QStringLiteral("step")).toInt();
    const QJsonObject editor = json.value(QStringLiteral("editor")).toObject();
    const auto kind = sim::api::kindFromName(editor.value(QStringLiteral("kind")).toString().toStdString());
    if (kind) {
        state.editorObject = {*kind, editor.value(QStringLiteral("namespace")).toString(),
                              editor.value(QStringLiteral("name")).toString()};
        state.editorText = editor.value(QStringLiteral("text")).toString();
    }
    return state;
}

bool Autosave::claim()
{
    if (m_lock && m_lock->isLocked())
        return true;
    if (!QDir().mkpath(m_folder))
        return false;
    m_lock = std::make_unique<QLockFile>(m_folder + QStringLiteral("/kubesim.lock"));
    // A lock left by a process that died is stale: QLockFile takes it over.
    return m_lock->tryLock(0);
}

bool Autosave::start(int intervalMs)
{
    if (!claim())
        return false;
    m_timer.start(intervalMs);
    return true;
}

std::optional<AutosaveState> Autosave::leftover()
{
    if (!claim())
        return std::nullopt;
    std::optional<AutosaveState> state = read(m_folder);
    // A start that was killed before the learner did anything (a screenshot, a demo closed with kill) leaves
    // nothing worth a question that hides the lesson the window opens on.
    if (!state || state->cleanQuit || !state->edited)
        return std::nullopt;
    return state;
}

bool Autosave::saveNow()
{
    return write(m_collect());
}

void Autosave::finish()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    AutosaveState state = m_collect();
    state.cleanQuit = true;
    write(state);
    m_lock->unlock();
}

bool Autosave::write(const AutosaveState &state)
{
    const QByteArray objects = QByteArray::fromStdString(state.objects);
    const QByteArray session = QJsonDocument(sessionJson(state)).toJson();
    const bool first = m_saves == 0;
    if (!first && objects == m_lastObjects && session == m_lastSession)
        return true;
    // Objects first: a kill between the two renames leaves new objects with the previous session, both whole.
    if (((first || objects != m_lastObjects) && !writeFile(objectsFile(), objects, &m_error))
        || ((first || session != m_lastSession) && !writeFile(sessionFile(), session, &m_error)))
        return false;
    m_error.clear();
    m_lastObjects = objects;
    m_lastSession = session;
    ++m_saves;
    return true;
}

} // namespace ui
