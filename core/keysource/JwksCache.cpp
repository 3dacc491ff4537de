#include "keysource/JwksCache.h"

#include <QSet>

namespace jwb::keysource {

Rotation diffKids(const keys::JwkSet &before, const keys::JwkSet &after)
{
    const QStringList b = before.kids();
    const QStringList a = after.kids();
    const QSet<QString> bs(b.begin(), b.end()), as(a.begin(), a.end());
    Rotation r;
    for (const auto &k : a)
        if (!bs.contains(k) && !r.added.contains(k))
            r.added.append(k);
    for (const auto &k : b)
        if (!as.contains(k) && !r.removed.contains(k))
            r.removed.append(k);
    return r;
}

JwksCache::JwksCache(std::shared_ptr<const common::Clock> clock) : m_clock(std::move(clock)) { }

Rotation JwksCache::store(const QUrl &url, const keys::JwkSet &set, qint64 maxAge)
{
    const QString key = url.toString();
    Rotation r;
    if (const auto it = m_entries.constFind(key); it != m_entries.constEnd())
        r = diffKids(it->keys, set);
    m_entries.insert(key, Entry {set, m_clock->nowSecs(), maxAge});
    return r;
}

std::optional<JwksCache::Entry> JwksCache::get(const QUrl &url) const
{
    const auto left = secondsLeft(url);
    if (!left || *left <= 0)
        return std::nullopt;
    return m_entries.value(url.toString());
}

std::optional<qint64> JwksCache::secondsLeft(const QUrl &url) const
{
    const auto it = m_entries.constFind(url.toString());
    if (it == m_entries.constEnd())
        return std::nullopt;
    return it->storedAt + m_ttl - m_clock->nowSecs();
}

void JwksCache::invalidate(const QUrl &url)
{
    m_entries.remove(url.toString());
}

bool JwksCache::allowRefetchForMiss(const QUrl &url, const QString &kid)
{
    const QString key = url.toString() + u'\n' + kid;
    const qint64 now = m_clock->nowSecs();
    if (m_cooldown > 0) {
        const auto it = m_lastMiss.constFind(key);
        if (it != m_lastMiss.constEnd() && now - *it < m_cooldown)
            return false;
    }
    m_lastMiss.insert(key, now);
    return true;
}

} // namespace jwb::keysource
