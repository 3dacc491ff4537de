#include "common/CryptoStartup.h"

#include "crypto/Backend.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace jwb::ui {

CryptoStartup *CryptoStartup::instance()
{
    static CryptoStartup *startup = new CryptoStartup(QCoreApplication::instance());
    return startup;
}

void CryptoStartup::runAfterFirstPaint(QWidget *window, const std::shared_ptr<common::Scheduler> &scheduler)
{
    if (crypto::Backend::isInitialized() || m_scheduled)
        return;
    m_scheduled = true;
    window->installEventFilter(this);
    // A window that is never painted (started minimized, say) must not leave verifications waiting.
    (scheduler ? *scheduler : *common::Scheduler::qt()).singleShot(kLatestMs, this, [this] {
        if (m_scheduled)
            runNow();
    });
}

bool CryptoStartup::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_scheduled) {
        watched->removeEventFilter(this);
        // The paint of the whole window (children included) is flushed before the next event is handled.
        QTimer::singleShot(0, this, &CryptoStartup::runNow);
    }
    return QObject::eventFilter(watched, event);
}

void CryptoStartup::runNow()
{
    const bool first = !crypto::Backend::isInitialized();
    crypto::Backend::initialize();
    m_scheduled = false;
    if (first)
        Q_EMIT ready();
}

void CryptoStartup::requestSoon()
{
    QTimer::singleShot(0, this, [this] {
        if (!m_scheduled)
            runNow();
    });
}

} // namespace jwb::ui
