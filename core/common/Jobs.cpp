#include "common/Jobs.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>

namespace jwb::common::Jobs {

namespace {

/// The tokens of the jobs that are queued or running, for drain().
struct Registry
{
    QMutex mutex;
    QHash<quint64, CancelToken> tokens;
    quint64 next = 0;
};

Registry &registry()
{
    static Registry *const r = new Registry; // never deleted, like the pool: a job may end after static destruction
    return *r;
}

} // namespace

QThreadPool *pool()
{
    static QThreadPool *const threads = [] {
        auto *p = new QThreadPool; // never deleted: it must outlive every job, including those of static objects
        p->setObjectName(QStringLiteral("jwb::common::Jobs"));
        p->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        return p;
    }();
    return threads;
}

std::shared_ptr<void> detail::track(const CancelToken &token)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    const quint64 id = r.next++;
    r.tokens.insert(id, token);
    return std::shared_ptr<void>(nullptr, [id](void *) {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        r.tokens.remove(id);
    });
}

bool drain(int timeoutMs)
{
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        for (const CancelToken &token : std::as_const(r.tokens))
            token.cancel();
    }
    return pool()->waitForDone(timeoutMs);
}

int liveCount()
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return int(r.tokens.size());
}

} // namespace jwb::common::Jobs
