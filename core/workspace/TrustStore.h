#pragma once

#include "common/Result.h"
#include "keysource/NetworkOptions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

namespace jwb::workspace {

/// How the session trusts one origin (scheme, host and port) when it fetches keys there: KrakenD's jwk_local_ca,
/// jwk_fingerprints and disable_jwk_security, set once per origin instead of once per key source.
struct TrustSettings
{
    QList<QSslCertificate> extraCa; ///< trusted in addition to the system store
    QStringList pins; ///< KrakenD jwk_fingerprints: URL-safe base64 (padded) SHA-256 of SPKI
    bool insecure = false; ///< http allowed, certificates not checked

    [[nodiscard]] bool isEmpty() const { return extraCa.isEmpty() && pins.isEmpty() && !insecure; }
    /// Whether these settings weaken or replace certificate checking (pins only narrow it).
    [[nodiscard]] bool changesTrust() const { return insecure || !extraCa.isEmpty(); }

    /// The members of a workspace's trust entry, and of the per-source "network" object of format 1 files:
    /// "insecure" (only when true), "pins", "ca_pem" (only when non-empty).
    [[nodiscard]] QJsonObject toJson() const;
    /// Reads those members; `where` names the object in errors ("keys[0]: network" gives
    /// "keys[0]: network.ca_pem holds no PEM certificate"). Errors: invalid_workspace.
    [[nodiscard]] static common::Result<TrustSettings> fromJson(const QJsonObject &object, const QString &where);

    friend bool operator==(const TrustSettings &, const TrustSettings &) = default;
};

/// The session's one trust setting per origin. Every fetch of keys for a URL (a key ring source, the verifier's
/// issuer, and through optionsForGateway the simulator's jwk_url) takes its TLS options from here, so that a CA
/// configured for a host on the Keys page is the CA used for that host everywhere.
///
/// Settings that came from a workspace file are unconfirmed until the user allows a fetch from their origin
/// (FetchPermission); settings made with set() are the user's own and confirmed.
class TrustStore : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxCaBytes = 4 * 1024 * 1024;

    explicit TrustStore(QObject *parent = nullptr);

    /// "https://idp.example.com:443": scheme and host in lower case, the port always written (443 for https, 80
    /// for http when the URL has none), IPv6 hosts in brackets. Empty when the URL has no host.
    [[nodiscard]] static QString originOf(const QUrl &url);

    /// The settings of `origin` (empty settings when it has none).
    [[nodiscard]] TrustSettings settings(const QString &origin) const;
    [[nodiscard]] TrustSettings settingsFor(const QUrl &url) const { return settings(originOf(url)); }
    /// Sets the settings of `origin` as the user's own (confirmed); empty settings remove the origin. Emits
    /// changed() when something changed.
    void set(const QString &origin, const TrustSettings &settings);
    void remove(const QString &origin) { set(origin, {}); }
    void clear();
    /// Origins with settings, sorted.
    [[nodiscard]] QStringList origins() const { return m_entries.keys(); }

    /// Whether the settings of `origin` are the user's own, or came from a workspace file the user has not
    /// allowed yet. An origin without settings is confirmed: there is nothing to confirm.
    [[nodiscard]] bool isConfirmed(const QString &origin) const { return !m_unconfirmed.contains(origin); }
    void confirm(const QString &origin) { m_unconfirmed.remove(origin); }

    /// What a fetch of `url` uses: its origin's settings plus the source's timeout.
    [[nodiscard]] keysource::NetworkOptions optionsFor(const QUrl &url, int timeoutMs = 10000) const;
    /// What a simulated KrakenD uses for a config's jwk_url: the config's own TLS (`configTls`: jwk_local_ca,
    /// jwk_fingerprints, disable_jwk_security) stays in force, and the store's extra CA for that origin is added,
    /// standing in for the roots of the gateway's host. Pins and insecure come from the config only.
    [[nodiscard]] keysource::NetworkOptions optionsForGateway(
        const QUrl &url, const keysource::NetworkOptions &configTls) const;

    /// The one reader of CA certificates (the CLI's --ca, the Keys page's URL dialog): PEM (one or more
    /// certificates), else DER (one). Errors: invalid_certificate.
    [[nodiscard]] static common::Result<QList<QSslCertificate>> readCa(const QByteArray &pemOrDer);
    /// readCa() of a file of at most kMaxCaBytes. Errors: unreadable_file (details "path"), input_too_large,
    /// invalid_certificate (details "path").
    [[nodiscard]] static common::Result<QList<QSslCertificate>> readCaFile(const QString &path);

    /// The workspace's "trust" member: [{"origin": ..., "insecure", "pins", "ca_pem"}], sorted by origin.
    [[nodiscard]] QJsonArray toJson() const;
    /// Reads a "trust" member without changing the store. Errors (invalid_workspace) name the entry: "trust[1]: ...".
    [[nodiscard]] static common::Result<QMap<QString, TrustSettings>> parse(const QJsonArray &array);
    /// Replaces every setting; `confirmed` false marks them all as coming from a file (see isConfirmed()).
    void replace(const QMap<QString, TrustSettings> &entries, bool confirmed);
    /// parse() then replace(); the store is unchanged on error.
    common::Result<void> fromJson(const QJsonArray &array, bool confirmed = true);
    /// Marks `origin` as unconfirmed (settings from a file that a waiting source still depends on).
    void markUnconfirmed(const QString &origin);

Q_SIGNALS:
    /// The settings of `origin` changed; an empty origin means all of them (clear, replace).
    void changed(const QString &origin);

private:
    QMap<QString, TrustSettings> m_entries;
    QSet<QString> m_unconfirmed;
};

} // namespace jwb::workspace
