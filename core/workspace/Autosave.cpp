#include "workspace/Autosave.h"

#include "common/AtomicFile.h"

#include <QFile>

namespace jwb::workspace {

using common::Result;

Autosave::Autosave(
    QString dataDir, Snapshot snapshot, std::shared_ptr<common::Scheduler> scheduler, int intervalMs, QObject *parent)
    : QObject(parent),
      m_dataDir(std::move(dataDir)),
      m_snapshot(std::move(snapshot)),
      m_scheduler(scheduler ? std::move(scheduler) : common::Scheduler::qt()),
      m_intervalMs(intervalMs)
{ }

Autosave::~Autosave()
{
    stop();
}

QString Autosave::lastSessionPathIn(const QString &dataDir)
{
    return dataDir + QStringLiteral("/last-session.jwb.json");
}

QString Autosave::autosavePathIn(const QString &dataDir)
{
    return dataDir + QStringLiteral("/autosave.jwb.json");
}

void Autosave::start()
{
    stop();
    schedule();
}

void Autosave::stop()
{
    if (m_timer != 0)
        m_scheduler->cancel(m_timer);
    m_timer = 0;
}

void Autosave::schedule()
{
    m_timer = m_scheduler->singleShot(m_intervalMs, this, [this] {
        m_timer = 0;
        if (auto saved = saveNow(); !saved)
            Q_EMIT saveFailed(saved.error());
        if (m_timer == 0)
            schedule();
    });
}

Result<void> Autosave::writeTo(const QString &path, WorkspaceDocument document) const
{
    // The folder holds bearer tokens: 0700, however an older installation left it.
    if (auto dir = common::AtomicFile::makePrivateDirectory(m_dataDir); !dir)
        return dir;
    return WorkspaceFormat::write(path, document);
}

Result<void> Autosave::saveNow()
{
    return writeTo(autosavePath(), m_snapshot());
}

Result<void> Autosave::saveLastSession()
{
    WorkspaceDocument document = m_snapshot();
    document.unsavedConfig.reset();
    return writeTo(lastSessionPath(), std::move(document));
}

Result<void> Autosave::closeCleanly()
{
    stop();
    const auto saved = saveLastSession();
    QFile::remove(autosavePath());
    return saved;
}

std::optional<WorkspaceDocument> Autosave::pendingRecovery() const
{
    if (!QFile::exists(autosavePath()))
        return std::nullopt;
    auto document = WorkspaceFormat::read(autosavePath());
    if (!document) {
        discardRecovery();
        return std::nullopt;
    }
    return std::move(document.value());
}

void Autosave::discardRecovery() const
{
    QFile::remove(autosavePath());
}

Result<std::optional<WorkspaceDocument>> Autosave::lastSession() const
{
    if (!QFile::exists(lastSessionPath()))
        return std::optional<WorkspaceDocument>();
    auto document = WorkspaceFormat::read(lastSessionPath());
    if (!document)
        return document.error();
    return std::optional<WorkspaceDocument>(std::move(document.value()));
}

} // namespace jwb::workspace
