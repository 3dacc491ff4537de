#include "CliIo.h"
#include "Commands.h"
#include "KeyOptions.h"

#include "common/Clock.h"
#include "common/Duration.h"
#include "crypto/Backend.h"
#include "keys/TokenSigner.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <optional>

namespace jwb::cli {

namespace {
common::Result<QJsonObject> parseObject(const QByteArray &text, const QString &what)
{
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError)
        return common::Result<QJsonObject>::failure(QStringLiteral("invalid_json"),
            QStringLiteral("%1 is not valid JSON: %2 at byte %3").arg(what, err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return common::Result<QJsonObject>::failure(
            QStringLiteral("invalid_json"), QStringLiteral("%1 must be a JSON object").arg(what));
    return doc.object();
}
} // namespace

int runSign(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("claims"), QStringLiteral("Claims as a JSON object, or - for stdin (default: {})."));
    addKeyOptions(parser);
    parser.addOption({QStringLiteral("alg"), QStringLiteral("Signature algorithm (required)."), QStringLiteral("ALG")});
    parser.addOption({QStringLiteral("kid"),
        QStringLiteral("Key id for the header (also picks the key from a JWK Set)."), QStringLiteral("KID")});
    parser.addOption(
        {QStringLiteral("header"), QStringLiteral("Extra header members as a JSON object."), QStringLiteral("JSON")});
    parser.addOption({QStringLiteral("exp"), QStringLiteral("Set exp = now + DURATION."), QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("nbf"), QStringLiteral("Set nbf = now + DURATION (may be negative)."),
        QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("iat"), QStringLiteral("Set iat = now.")});
    parser.addOption(
        {QStringLiteral("at"), QStringLiteral("Use TIME as now (RFC 3339 or Unix seconds)."), QStringLiteral("TIME")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli sign --key FILE|--secret ... --alg ALG [--kid KID] [--header JSON] "
                           "[--exp DURATION] [--nbf DURATION] [--iat] [CLAIMS_JSON|-]"),
            QStringLiteral("Sign claims into a compact JWS."), json);
        rc >= 0)
        return rc;
    CliIo io(json);

    if (!parser.isSet(QStringLiteral("alg")))
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--alg is required"));
    const QString algName = parser.value(QStringLiteral("alg"));
    const auto alg = crypto::Algorithms::fromName(algName);
    if (!alg)
        return io.fail(Usage, QStringLiteral("usage"),
            algName.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0
                ? QStringLiteral("refusing to make an unsecured token (alg none)")
                : QStringLiteral("unknown --alg \"%1\"").arg(algName));
    qint64 now = common::Clock::system()->nowSecs();
    if (parser.isSet(QStringLiteral("at"))) {
        auto at = common::Duration::parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return io.fail(Usage, at.error());
        now = at->toSecsSinceEpoch();
    }

    QByteArray claimsText = "{}";
    const QStringList pos = parser.positionalArguments();
    if (pos.size() > 1)
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("expected one claims argument"));
    if (!pos.isEmpty()) {
        if (pos.first() == u"-") {
            auto data = CliIo::readInput(QStringLiteral("-"), 1024 * 1024);
            if (!data)
                return io.fail(Usage, data.error());
            claimsText = data.value();
        } else {
            claimsText = pos.first().toUtf8();
        }
    }
    auto claims = parseObject(claimsText, QStringLiteral("the claims"));
    if (!claims)
        return io.fail(Usage, claims.error());
    QJsonObject payload = claims.value();
    for (const char *name : {"exp", "nbf"}) {
        if (!parser.isSet(QLatin1String(name)))
            continue;
        auto d = common::Duration::parseSeconds(parser.value(QLatin1String(name)));
        if (!d)
            return io.fail(Usage, d.error());
        payload.insert(QLatin1String(name), now + d.value());
    }
    if (parser.isSet(QStringLiteral("iat")))
        payload.insert(QStringLiteral("iat"), now);

    auto keySet = loadKeySource(parser);
    if (!keySet)
        return io.fail(Usage, keySet.error());
    if (!crypto::Backend::instance().isAvailable(*alg))
        return io.fail(Usage, QStringLiteral("algorithm_unavailable"),
            QStringLiteral("%1 is unavailable: %2").arg(algName, crypto::Backend::instance().capability(*alg).detail));

    QJsonObject extraHeader;
    if (parser.isSet(QStringLiteral("header"))) {
        auto extra = parseObject(parser.value(QStringLiteral("header")).toUtf8(), QStringLiteral("--header"));
        if (!extra)
            return io.fail(Usage, extra.error());
        if (extra->contains(QStringLiteral("alg")) && extra->value(QStringLiteral("alg")).toString() != algName)
            return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--header cannot change alg; use --alg"));
        extraHeader = extra.value();
    }
    std::optional<QString> kid;
    if (parser.isSet(QStringLiteral("kid")))
        kid = parser.value(QStringLiteral("kid"));
    auto signedToken = keys::TokenSigner::sign(*alg, keySet.value(), payload, extraHeader, kid);
    if (!signedToken)
        return io.fail(Usage, signedToken.error());
    for (const auto &warning : signedToken->warnings)
        io.err(QStringLiteral("warning: ") + warning);
    const QString token = signedToken->token;
    const QJsonObject header = signedToken->header;
    if (json)
        io.printJson(QJsonObject {{QStringLiteral("token"), token}, {QStringLiteral("header"), header},
            {QStringLiteral("payload"), payload}});
    else
        io.out(token);
    return Ok;
}

} // namespace jwb::cli
