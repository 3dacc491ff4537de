#include "common/AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <optional>

namespace jwb::common::AtomicFile {

namespace {

Result<void> writeResolved(
    const QString &requested, const QByteArray &bytes, std::optional<QFileDevice::Permissions> permissions)
{
    const QString shown = QDir::toNativeSeparators(requested);
    const QString path = resolvedPath(requested);
    // QSaveFile creates its temporary file 0600 when it replaces a file, 0666 less the umask otherwise, and gives
    // it the replaced file's permissions; explicit permissions are set before the first byte is written.
    QSaveFile file(path);
    // Unbuffered: QSaveFile's buffered writes can lose a short write at flush time and still commit a truncated
    // file (seen with a file-size limit); written directly, every failure surfaces here, before the rename.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return Result<void>::failure(
            QStringLiteral("unwritable_file"), QStringLiteral("cannot write %1: %2").arg(shown, file.errorString()));
    }
    if (permissions && !file.setPermissions(*permissions)) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Result<void>::failure(QStringLiteral("unwritable_file"),
            QStringLiteral("cannot write %1: cannot set its permissions: %2; the file was left as it was")
                .arg(shown, reason));
    }
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0) {
            const QString reason = file.errorString();
            file.cancelWriting();
            return Result<void>::failure(QStringLiteral("unwritable_file"),
                QStringLiteral("cannot write %1 (after %2 of %3 bytes): %4; the file was left as it was")
                    .arg(shown)
                    .arg(done)
                    .arg(bytes.size())
                    .arg(reason));
        }
        done += n;
    }
    if (!file.commit()) {
        return Result<void>::failure(QStringLiteral("unwritable_file"),
            QStringLiteral("cannot write %1: %2; the file was left as it was").arg(shown, file.errorString()));
    }
    return {};
}

} // namespace

QString resolvedPath(const QString &path)
{
    QString current = path;
    // A bound, as the system's own (40 links): a loop of links is left to the write to report.
    for (int depth = 0; depth < 40; ++depth) {
        const QFileInfo info(current);
        if (!info.isSymLink())
            return current;
        const QString target = info.symLinkTarget();
        if (target.isEmpty())
            return current;
        current = target;
    }
    return current;
}

Result<void> write(const QString &path, const QByteArray &bytes, Access access)
{
    return writeResolved(path, bytes,
        access == Access::Secret ? std::optional<QFileDevice::Permissions>(kSecretPermissions) : std::nullopt);
}

Result<void> write(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    return writeResolved(path, bytes, permissions);
}

QFileDevice::Permissions permissionsOf(const QString &path)
{
    QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    // The "User" flags say what the current process may do, not the file's mode bits.
    permissions.setFlag(QFileDevice::ReadUser, false);
    permissions.setFlag(QFileDevice::WriteUser, false);
    permissions.setFlag(QFileDevice::ExeUser, false);
    return permissions;
}

Result<void> makePrivateDirectory(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return Result<void>::failure(QStringLiteral("unwritable_file"),
            QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(dir)));
    if (!QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return Result<void>::failure(QStringLiteral("unwritable_file"),
            QStringLiteral("cannot make the folder %1 private (0700)").arg(QDir::toNativeSeparators(dir)));
    return {};
}

} // namespace jwb::common::AtomicFile
