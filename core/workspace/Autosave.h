#pragma once

#include "common/Result.h"
#include "common/Scheduler.h"
#include "workspace/WorkspaceFormat.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace jwb::workspace {

/// The session files of the app's data directory (0700): the last session, written on a clean close and restored
/// at the next start, and the crash-recovery copy, written every interval while the app runs and removed on a
/// clean close, so that a copy found at start means the app did not close normally. Both hold bearer tokens but
/// never secrets (WorkspaceFormat), and are written 0600.
///
/// Time comes from a common::Scheduler: tests drive the interval with ManualScheduler::advance().
class Autosave : public QObject
{
    Q_OBJECT
public:
    /// What the session holds now; the crash copy keeps `unsavedConfig`, the last session does not.
    using Snapshot = std::function<WorkspaceDocument()>;

    Autosave(QString dataDir, Snapshot snapshot, std::shared_ptr<common::Scheduler> scheduler = common::Scheduler::qt(),
        int intervalMs = 60 * 1000, QObject *parent = nullptr);
    ~Autosave() override;

    /// "DIR/last-session.jwb.json" and "DIR/autosave.jwb.json".
    [[nodiscard]] static QString lastSessionPathIn(const QString &dataDir);
    [[nodiscard]] static QString autosavePathIn(const QString &dataDir);
    [[nodiscard]] QString lastSessionPath() const { return lastSessionPathIn(m_dataDir); }
    [[nodiscard]] QString autosavePath() const { return autosavePathIn(m_dataDir); }

    /// Writes the crash copy every interval from now on (the first one interval from now).
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer != 0; }

    /// Writes the crash copy now.
    common::Result<void> saveNow();
    /// Writes the last session (without unsaved config edits: those are the crash copy's).
    common::Result<void> saveLastSession();
    /// A clean close: the last session is written and the crash copy removed (nothing is left to recover).
    common::Result<void> closeCleanly();

    /// The crash copy a session that did not close cleanly left behind; nullopt when there is none. A copy that
    /// cannot be read is removed (it cannot be recovered, and must not be offered again).
    [[nodiscard]] std::optional<WorkspaceDocument> pendingRecovery() const;
    /// The user declined the recovery: the copy is removed.
    void discardRecovery() const;
    /// The last session; nullopt when there is none, an error when it cannot be read.
    [[nodiscard]] common::Result<std::optional<WorkspaceDocument>> lastSession() const;

Q_SIGNALS:
    /// A timed save of the crash copy failed (the next one is still tried).
    void saveFailed(const common::Error &error);

private:
    common::Result<void> writeTo(const QString &path, WorkspaceDocument document) const;
    void schedule();

    QString m_dataDir;
    Snapshot m_snapshot;
    std::shared_ptr<common::Scheduler> m_scheduler;
    int m_intervalMs;
    common::Scheduler::Id m_timer = 0;
};

} // namespace jwb::workspace
