#pragma once

#include "sim/store/store.h"
#include "ui/changeevent.h"

#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace ui {

/** What one autosave holds: the sandbox's objects, the lesson being played, the inspector's unapplied YAML. */
struct AutosaveState {
    std::string objects;       // every user object as multi-document YAML (what File > Save sandbox writes)
    QString lessonFolder;      // the lesson being played, empty when none
    int lessonStep = 0;        // its current step, from 0
    ObjectKey editorObject;    // the object whose YAML the inspector shows
    QString editorText;        // the inspector's YAML when it has unapplied edits, else empty
    bool edited = false;       // the learner changed something since the start: only then is it offered back
    bool cleanQuit = false;    // written by a clean quit: nothing to offer at the next start
};

/**
 * Keeps the window's work safe from a crash or a kill: every few seconds (and only when something
 * changed) it writes the state a collector gathers into a folder, objects in `sandbox.yaml` and the rest
 * in `session.json`, each through QSaveFile (a temporary file renamed over the old one), so a kill in the
 * middle of a save leaves the previous save whole. A clean quit marks the save; one left unmarked is what
 * the next start offers to restore. A lock file keeps a second running kubesim out of the same folder.
 */
class Autosave : public QObject {
    Q_OBJECT

public:
    using Collector = std::function<AutosaveState()>;

    /** Saves every this often by default (KUBESIM_AUTOSAVE_INTERVAL_MS overrides it, for tests). */
    static constexpr int kDefaultIntervalMs = 3000;

    Autosave(QString folder, Collector collect, QObject *parent = nullptr);
    ~Autosave() override;

    /** The user's data folder for autosaves: QStandardPaths::AppDataLocation + "/autosave". */
    static QString defaultFolder();
    /** The interval start() uses when given none: KUBESIM_AUTOSAVE_INTERVAL_MS, else kDefaultIntervalMs. */
    static int defaultIntervalMs();
    /** Every user object (not ReplicaSets, Pods, EndpointSlices that controllers make) as multi-document YAML without status. */
    static std::string sandboxYaml(const sim::store::Store &store);
    /** Reads the save in `folder`; nullopt, with the reason in `error`, when there is none or it does not parse. */
    static std::optional<AutosaveState> read(const QString &folder, QString *error = nullptr);

    QString folder() const { return m_folder; }
    QString objectsFile() const;
    QString sessionFile() const;
    /** Saves this often from now on; false (and no saving) when another running kubesim uses the folder. */
    bool start(int intervalMs = defaultIntervalMs());
    bool isRunning() const { return m_timer.isActive(); }
    /**
     * The save a crash or a kill left (not marked by a clean quit) holding the learner's changes; nullopt when
     * none, when it holds only what the window opened with, or when another kubesim runs.
     */
    std::optional<AutosaveState> leftover();
    /** Writes the state now if it differs from the last save; false when writing failed. */
    bool saveNow();
    /** A clean quit: saves once more, marked clean, stops and lets go of the folder. */
    void finish();
    /** Saves written since start (unchanged states are not written). */
    int saves() const { return m_saves; }
    /** Why the last save failed, empty when it did not. */
    QString lastError() const { return m_error; }

private:
    bool claim();
    bool write(const AutosaveState &state);

    QString m_folder;
    Collector m_collect;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    QByteArray m_lastObjects;
    QByteArray m_lastSession;
    int m_saves = 0;
    QString m_error;
};

} // namespace ui
