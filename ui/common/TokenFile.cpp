#include "common/TokenFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStringDecoder>

namespace jwb::ui::TokenFile {

common::Result<QString> read(const QString &path, qint64 maxBytes)
{
    using R = common::Result<QString>;
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!info.exists())
        return R::failure(QStringLiteral("file_not_found"),
            QCoreApplication::translate("jwb::ui::TokenFile", "%1 does not exist.").arg(shown));
    if (info.isDir())
        return R::failure(QStringLiteral("is_directory"),
            QCoreApplication::translate("jwb::ui::TokenFile", "%1 is a folder; choose a file that contains a token.")
                .arg(shown));
    const QString limit = QLocale::c().formattedDataSize(maxBytes, 0);
    if (info.size() > maxBytes)
        return R::failure(QStringLiteral("file_too_large"),
            QCoreApplication::translate("jwb::ui::TokenFile",
                "%1 is %2 bytes, more than the %3 a token file may have. Tokens are a few "
                "kilobytes; is this the right file?")
                .arg(shown)
                .arg(info.size())
                .arg(limit));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("file_unreadable"),
            QCoreApplication::translate("jwb::ui::TokenFile", "%1 could not be opened: %2")
                .arg(shown, file.errorString()));
    // Read one byte past the limit: a file can grow, and special files report size 0.
    const QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return R::failure(QStringLiteral("file_too_large"),
            QCoreApplication::translate("jwb::ui::TokenFile", "%1 is larger than the %2 a token file may have.")
                .arg(shown, limit));
    if (bytes.contains('\0'))
        return R::failure(QStringLiteral("file_not_text"),
            QCoreApplication::translate("jwb::ui::TokenFile",
                "%1 is not a text file (it contains NUL bytes). A token file holds the "
                "token as text.")
                .arg(shown));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return R::failure(QStringLiteral("file_not_text"),
            QCoreApplication::translate(
                "jwb::ui::TokenFile", "%1 is not UTF-8 text. A token file holds the token as text.")
                .arg(shown));
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    if (text.trimmed().isEmpty())
        return R::failure(
            QStringLiteral("file_empty"), QCoreApplication::translate("jwb::ui::TokenFile", "%1 is empty.").arg(shown));
    return text;
}

} // namespace jwb::ui::TokenFile
