#pragma once

#include "common/Error.h"
#include "keys/JwkSet.h"
#include "keysource/JwksCache.h"
#include "keysource/JwksFetcher.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace jwb::workspace {

/// Where a workspace came from. It decides whether the workspace's remote key sources (JWK Set URLs, issuers)
/// may be fetched as soon as it opens: opening a file never makes a network request by itself.
enum class WorkspaceOrigin {
    /// The user's own session, written by this app in its data directory: the last session restored at start
    /// and the crash-recovery copy of it (the autosave).
    OwnSession,
    /// Any workspace file, however it is opened: File > Open Workspace, File > Open, a recent file, the command
    /// line, a drop.
    File,
};

/// What a running fetch is doing, as data: the UI words it.
struct FetchProgress
{
    enum class Stage {
        Idle, ///< no fetch runs
        Connecting, ///< started, nothing heard yet
        Step, ///< the fetcher reported a step (`step`: its own English description, e.g. the URL it reads)
        Downloading, ///< bytes arrive (`received` of `total`; total -1 when unknown)
    };
    Stage stage = Stage::Idle;
    QString step;
    qint64 received = 0;
    qint64 total = -1;

    friend bool operator==(const FetchProgress &, const FetchProgress &) = default;
};

/// One place keys come from: text pasted by the user (PEM, JWK, JWK Set or a shared secret), a key file, a
/// JWK Set URL, an issuer (OpenID Connect discovery) or a key generated in the app. The TLS settings of a remote
/// source are not the source's: they belong to its origin, in the session's TrustStore.
struct KeySource
{
    enum class Kind { Pasted, Secret, File, Url, Issuer, Generated };

    QString id; ///< stable identifier within a workspace
    QString name; ///< what the user sees
    Kind kind = Kind::Pasted;
    QString location; ///< file path or URL (File, Url, Issuer)
    QString text; ///< pasted key or secret text; for Generated, the private JWK (never written unless opted in)
    QByteArray binary; ///< DER bytes of a binary key file
    QString secretEncoding = QStringLiteral("utf8"); ///< utf8, base64, base64url, hex (Secret only)
    int timeoutMs = 10000; ///< how long one request of a fetch may take (Url, Issuer)

    // State, not configuration.
    std::optional<keys::JwkSet> keys; ///< the usable keys, once loaded or fetched
    std::optional<common::Error> error; ///< why loading or the last fetch failed
    std::optional<keysource::JwksResult> fetch; ///< the last successful fetch (TLS chain, discovery, findings)
    /// When the last fetch failed because TLS refused the server: the chain it presented (TrustFix offers the next
    /// step from it).
    std::optional<keysource::TlsFailure> tlsFailure;
    QDateTime loadedAt; ///< when `keys` was loaded or fetched
    keysource::Rotation rotation; ///< kids added and removed by the last refresh
    bool fetching = false;
    FetchProgress progress; ///< what a running fetch is doing
    /// The keys are the last good ones of a remote source whose configuration changed since (KeyRing::update),
    /// or whose latest fetch failed: they stay usable until a fetch succeeds, and views say they are stale.
    bool stale = false;
    /// A remote source from a workspace file that is not fetched until the user allows it (KeyRing::allowFetch);
    /// its origin's TLS settings came from the file and have not been confirmed. See FetchPermission.
    bool awaitingPermission = false;

    [[nodiscard]] bool isRemote() const { return kind == Kind::Url || kind == Kind::Issuer; }
    /// The URL a remote source fetches (the location as a user would type it); invalid for local sources.
    [[nodiscard]] QUrl url() const;
    /// Whether this source holds material that must not be written to a workspace file: a secret, pasted
    /// private key material or a generated key.
    [[nodiscard]] bool holdsSecret() const;
    /// "code: message" of `error`, empty without one (the form tests and logs match with startsWith).
    [[nodiscard]] QString errorText() const { return error ? error->toString() : QString(); }

    /// The name a remote source gets when the user gives none: its kind and where it points, so that two sources
    /// on one host differ ("JWKS example.com/keys", "OIDC example.com/realms/a"; the port when it is not the
    /// scheme's, no trailing slash). The location itself when it is not a URL with a host.
    [[nodiscard]] static QString defaultName(Kind kind, const QString &location);

    [[nodiscard]] static QString kindName(Kind kind);
    [[nodiscard]] static std::optional<Kind> kindFromName(const QString &name);
    /// The error of every source that opened without its secret (secret_not_stored, one message whatever the
    /// reason); the UI words it.
    [[nodiscard]] static common::Error secretNotStoredError();
};

} // namespace jwb::workspace
