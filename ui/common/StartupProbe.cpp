#include "common/StartupProbe.h"

#include "common/ProcessStatus.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>

namespace jwb::ui::StartupProbe {

namespace {

qint64 residentKb()
{
    return common::processStatusKb("VmRSS");
}

class FirstPaint : public QObject
{
public:
    static constexpr int kSettleMs = 1000;
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // After this paint (and the children's, in the same flush) has finished.
            QTimer::singleShot(0, this, [this] {
                timespec now {};
                clock_gettime(CLOCK_MONOTONIC, &now);
                const qint64 start = qgetenv("JWB_PROBE_T0_NS").toLongLong();
                const qint64 nowNs = static_cast<qint64>(now.tv_sec) * 1000000000LL + now.tv_nsec;
                const double firstPaintMs = start > 0 ? static_cast<double>(nowNs - start) / 1e6 : -1.0;
                const qint64 rssKb = residentKb();
                // And once what follows the first paint (the crypto self-test, a deferred verification) is done.
                QTimer::singleShot(kSettleMs, this, [firstPaintMs, rssKb] {
                    std::printf("{\"first_paint_ms\":%.2f,\"rss_kb\":%lld,\"settled_rss_kb\":%lld}\n", firstPaintMs,
                        rssKb, residentKb());
                    std::fflush(stdout);
                    if (qgetenv("JWB_STARTUP_PROBE") == "exit")
                        QCoreApplication::exit(0);
                });
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

void install(QWidget *window)
{
    if (!qEnvironmentVariableIsSet("JWB_STARTUP_PROBE"))
        return;
    window->installEventFilter(new FirstPaint(window));
}

} // namespace jwb::ui::StartupProbe
