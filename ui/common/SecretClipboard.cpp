#include "common/SecretClipboard.h"
#include "common/Settings.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

namespace jwb::ui::SecretClipboard {

int copy(const QString &text, const std::shared_ptr<common::Scheduler> &scheduler)
{
    auto *mime = new QMimeData;
    mime->setText(text);
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->setMimeData(mime);
    const int seconds = Settings::clearClipboardSeconds();
    if (seconds <= 0)
        return 0;
    // Only a digest of the secret is kept, to recognise it later.
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    (scheduler ? *scheduler : *common::Scheduler::qt()).singleShot(seconds * 1000, clipboard, [clipboard, digest] {
        if (QCryptographicHash::hash(clipboard->text().toUtf8(), QCryptographicHash::Sha256) == digest)
            clipboard->clear();
    });
    return seconds;
}

} // namespace jwb::ui::SecretClipboard
