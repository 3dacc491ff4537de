#pragma once

#include "workspace/KeySource.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QPointer>

namespace jwb::workspace {
class KeyRing;
struct KeySource;
} // namespace jwb::workspace

namespace jwb::ui {

/// The key ring's sources as a list: each row shows the source's name and, on a second line, its state
/// ("3 keys", "fetching: Downloading…", or the error), with the kind as icon. The page's source list uses it;
/// the roles below let other views (and tests) read each part separately.
class KeySourcesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        KindRole, ///< KeySource::kindName(), e.g. "jwk_url"
        KindTextRole, ///< "JWK Set URL", "Pasted key", …
        StatusRole, ///< "3 keys", "fetching: …", "invalid_json: …"
        AgeRole, ///< seconds since loaded or fetched, -1 when never (qint64)
        AgeTextRole, ///< "fetched 2 min ago"
        ErrorRole, ///< "code: message" or empty
        FetchingRole, ///< bool
        IdRole,
    };

    explicit KeySourcesModel(workspace::KeyRing *ring, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Re-reads every row's age text (called periodically by the page so that "2 min ago" stays true).
    void refreshAges();

    /// "Pasted key", "Shared secret", "Key file", "JWK Set URL", "Issuer (OpenID discovery)", "Generated key".
    [[nodiscard]] static QString kindText(const workspace::KeySource &source);
    /// "3 keys", "1 key, 2 skipped", "fetching: stage", the error, or "not loaded"; keys from an earlier fetch
    /// are followed by " (last fetch failed: error)" when the latest one failed, unless `withLastFailure` is false.
    [[nodiscard]] static QString statusText(const workspace::KeySource &source, bool withLastFailure = true);
    /// "Error code: tls_error", for a tooltip's details line; empty without an error.
    [[nodiscard]] static QString errorCodeLine(const workspace::KeySource &source);
    /// The source's error as a sentence (no machine code in front: that is errorCodeLine's), in the UI's words for
    /// the key ring's own errors (no_key, a location that is no URL, cancelled, secret_not_stored); empty without one.
    [[nodiscard]] static QString errorMessage(const workspace::KeySource &source);
    /// What a running fetch is doing: "Connecting…", the fetcher's step, "Downloading 10 of 20 bytes".
    [[nodiscard]] static QString progressText(const workspace::FetchProgress &progress);
    /// "fetched 2 min ago" (remote) or "loaded just now" (local); empty when never loaded.
    [[nodiscard]] static QString ageText(const workspace::KeySource &source, qint64 ageSeconds);
    /// "just now", "45 s ago", "2 min ago", "3 h ago", "2 days ago".
    [[nodiscard]] static QString durationAgo(qint64 seconds);

private:
    QIcon kindIcon(const workspace::KeySource &source) const;

    QPointer<workspace::KeyRing> m_ring;
};

} // namespace jwb::ui
