#include "NetworkKeys.h"

#include "CliIo.h"
#include "KeyOptions.h"
#include "common/Duration.h"
#include "keysource/HttpFetch.h"
#include "workspace/TrustStore.h"

namespace jwb::cli {

using common::Result;

void addNetworkOptions(QCommandLineParser &parser, bool withSources)
{
    if (withSources) {
        parser.addOption(
            {QStringLiteral("jwks-url"), QStringLiteral("Fetch the JWK Set from URL."), QStringLiteral("URL")});
        parser.addOption({QStringLiteral("issuer"),
            QStringLiteral("OpenID Connect discovery of ISSUER, then its jwks_uri. Binds the token to ISSUER: the "
                           "discovery document's issuer must be identical to ISSUER (else the keys are refused, exit "
                           "3), and the token's iss must equal it (else INVALID)."),
            QStringLiteral("URL")});
    }
    parser.addOption({QStringLiteral("ca"),
        QStringLiteral("Extra trust anchor for TLS (PEM), like KrakenD jwk_local_ca."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("pin"),
        QStringLiteral("Certificate pin (repeatable): URL-safe base64 with padding of SHA-256 over SPKI, as in "
                       "KrakenD jwk_fingerprints."),
        QStringLiteral("PIN")});
    parser.addOption({QStringLiteral("insecure"),
        QStringLiteral("Allow http and skip certificate checks (KrakenD disable_jwk_security).")});
    parser.addOption({QStringLiteral("timeout"), QStringLiteral("Network timeout (default 10s)."),
        QStringLiteral("DURATION"), QStringLiteral("10s")});
}

Result<keysource::NetworkOptions> networkOptions(const QCommandLineParser &parser)
{
    keysource::NetworkOptions o;
    o.insecure = parser.isSet(QStringLiteral("insecure"));
    auto timeout = common::Duration::parseNanos(parser.value(QStringLiteral("timeout")));
    if (!timeout || timeout.value() <= 0)
        return Result<keysource::NetworkOptions>::failure(
            QStringLiteral("usage"), timeout ? QStringLiteral("--timeout must be positive") : timeout.error().message);
    o.timeoutMs = static_cast<int>(std::min<qint64>(timeout.value() / 1000000, 3600 * 1000));
    for (const QString &pin : parser.values(QStringLiteral("pin"))) {
        if (!keysource::isValidPin(pin))
            return Result<keysource::NetworkOptions>::failure(QStringLiteral("invalid_pin"),
                QStringLiteral(
                    "--pin \"%1\" is not a KrakenD fingerprint: 44 characters of URL-safe base64 ending in '=' "
                    "(SHA-256 of the certificate's SubjectPublicKeyInfo)")
                    .arg(pin));
        o.pins.append(pin);
    }
    if (parser.isSet(QStringLiteral("ca"))) {
        auto data = CliIo::readInput(parser.value(QStringLiteral("ca")), 4 * 1024 * 1024);
        if (!data)
            return data.error();
        auto ca = workspace::TrustStore::readCa(data.value());
        if (!ca)
            return Result<keysource::NetworkOptions>::failure(ca.error().code,
                QStringLiteral("--ca %1 holds no certificate").arg(parser.value(QStringLiteral("ca"))));
        o.extraCa = ca.value();
    }
    return o;
}

int exitCodeFor(const common::Error &error)
{
    return error.details.value(QStringLiteral("network")).toBool() ? Network : Usage;
}

Result<LoadedKeys> loadAnyKeySource(const QCommandLineParser &parser)
{
    const bool url = parser.isSet(QStringLiteral("jwks-url"));
    const bool issuer = parser.isSet(QStringLiteral("issuer"));
    const int count = int(url) + int(issuer) + int(hasKeySource(parser));
    if (count > 1 || (url && issuer))
        return Result<LoadedKeys>::failure(QStringLiteral("usage"),
            QStringLiteral("give only one key source: --key, --secret, --secret-file, --jwks-url or --issuer"));
    if (!url && !issuer) {
        auto set = loadKeySource(parser);
        if (!set)
            return set.error();
        LoadedKeys k;
        k.keys = set.value();
        return k;
    }
    auto options = networkOptions(parser);
    if (!options)
        return options.error();
    const QUrl target(parser.value(url ? QStringLiteral("jwks-url") : QStringLiteral("issuer")));
    auto fetched = keysource::JwksFetcher::fetchBlocking(target, issuer, options.value());
    if (!fetched) {
        common::Error e = fetched.error();
        if (!common::isUsageError(e))
            e.details.insert(QStringLiteral("network"), true);
        return e;
    }
    LoadedKeys k;
    k.keys = fetched->keys;
    k.findings = fetched->findings;
    k.remote = fetched.value();
    return k;
}

} // namespace jwb::cli
