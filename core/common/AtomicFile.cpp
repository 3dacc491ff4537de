#include "common/AtomicFile.h"

#include <QDir>
#include <QSaveFile>

namespace jwb::common::AtomicFile {

Result<void> write(const QString &path, const QByteArray &bytes)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    // Unbuffered: QSaveFile's buffered writes can lose a short write at flush time and still commit a truncated
    // file (seen with a file-size limit); written directly, every failure surfaces here, before the rename.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return Result<void>::failure(
            QStringLiteral("unwritable_file"), QStringLiteral("cannot write %1: %2").arg(shown, file.errorString()));
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

} // namespace jwb::common::AtomicFile
