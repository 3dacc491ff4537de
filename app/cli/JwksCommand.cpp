#include "CliIo.h"
#include "Commands.h"
#include "NetworkKeys.h"

#include "crypto/Backend.h"
#include "jose/Base64Url.h"
#include "jose/Inspection.h"

#include <QJsonArray>

namespace jwb::cli {

int runJwksFetch(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("JWK Set URL (or use --issuer)."));
    addNetworkOptions(parser, false);
    parser.addOption({QStringLiteral("issuer"),
        QStringLiteral("OpenID Connect discovery of ISSUER, then its jwks_uri."), QStringLiteral("URL")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli jwks fetch (URL | --issuer URL) [--ca FILE] [--pin PIN] "
                           "[--insecure] [--timeout DURATION] [--json]"),
            QStringLiteral("Fetch a JWK Set and list its keys and the TLS pins of the server."), json);
        rc >= 0)
        return rc;
    CliIo io(json);
    const bool issuer = parser.isSet(QStringLiteral("issuer"));
    if (issuer == (parser.positionalArguments().size() == 1) || parser.positionalArguments().size() > 1)
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("give either a URL or --issuer URL"));
    auto options = networkOptions(parser);
    if (!options)
        return io.fail(Usage, options.error());
    const QUrl url(issuer ? parser.value(QStringLiteral("issuer")) : parser.positionalArguments().first());
    auto result = keysource::JwksFetcher::fetchBlocking(url, issuer, options.value());
    if (!result)
        return io.fail(common::isUsageError(result.error()) ? Usage : Network, result.error());

    const auto &r = result.value();
    QJsonArray keysJson;
    QStringList lines;
    if (issuer)
        lines << QStringLiteral("Issuer %1 (discovery: %2)")
                     .arg(r.issuer.toDisplayString(), r.discoveryUrl.toDisplayString());
    lines << QStringLiteral("JWK Set %1: HTTP %2, %3, %4 key(s)%5")
                 .arg(r.jwksUrl.toDisplayString())
                 .arg(r.response.status)
                 .arg(QString::fromLatin1(r.response.contentType))
                 .arg(r.keys.keys.size())
                 .arg(r.response.maxAgeSeconds >= 0
                         ? QStringLiteral(", Cache-Control max-age %1 s").arg(r.response.maxAgeSeconds)
                         : QString());
    for (const auto &k : r.keys.keys) {
        QJsonObject o {{QStringLiteral("kid"), k.kid}, {QStringLiteral("kty"), crypto::keyTypeName(k.key.type())},
            {QStringLiteral("thumbprint"), k.thumbprint()}, {QStringLiteral("private"), k.key.isPrivate()}};
        if (k.key.curve() != crypto::Curve::None)
            o.insert(QStringLiteral("crv"), crypto::curveName(k.key.curve()));
        else
            o.insert(QStringLiteral("bits"), k.key.bits());
        if (!k.alg.isEmpty())
            o.insert(QStringLiteral("alg"), k.alg);
        if (!k.use.isEmpty())
            o.insert(QStringLiteral("use"), k.use);
        if (!k.x5t.isEmpty())
            o.insert(QStringLiteral("x5t"), QString::fromLatin1(jose::Base64Url::encode(k.x5t)));
        keysJson.append(o);
        lines << QStringLiteral("  %1  %2  %3%4%5  thumbprint %6")
                     .arg(k.kid.isEmpty() ? QStringLiteral("(no kid)") : k.kid, -24)
                     .arg(k.key.description(), -16)
                     .arg(k.alg.isEmpty() ? QStringLiteral("-") : k.alg, -6)
                     .arg(k.use.isEmpty() ? QString() : QStringLiteral(" use=%1").arg(k.use))
                     .arg(k.x5t.isEmpty()
                             ? QString()
                             : QStringLiteral(" x5t=%1").arg(QString::fromLatin1(jose::Base64Url::encode(k.x5t))))
                     .arg(k.thumbprint());
    }
    QJsonArray chain;
    if (!r.response.chain.isEmpty())
        lines << QStringLiteral("TLS certificates presented (pins for jwk_fingerprints):");
    for (const auto &c : r.response.chain) {
        chain.append(QJsonObject {{QStringLiteral("subject"), c.subject}, {QStringLiteral("issuer"), c.issuer},
            {QStringLiteral("not_before"), c.notBefore}, {QStringLiteral("not_after"), c.notAfter},
            {QStringLiteral("pin"), c.pin}});
        lines << QStringLiteral("  %1  %2 (issuer %3, until %4)").arg(c.pin, c.subject, c.issuer, c.notAfter);
    }
    if (options->insecure)
        lines << QStringLiteral("WARNING: --insecure: the server's certificate was NOT checked");
    if (!r.findings.isEmpty()) {
        lines << QStringLiteral("Findings:");
        for (const auto &f : r.findings)
            lines << QStringLiteral("  %1  %2: %3").arg(common::severityName(f.severity), -7).arg(f.code, f.message);
    }
    if (json) {
        QJsonObject doc {{QStringLiteral("jwks_uri"), r.jwksUrl.toString()},
            {QStringLiteral("status"), r.response.status},
            {QStringLiteral("content_type"), QString::fromLatin1(r.response.contentType)},
            {QStringLiteral("keys"), keysJson}, {QStringLiteral("tls_chain"), chain},
            {QStringLiteral("pins"),
                [&] {
                    QJsonArray pins;
                    for (const auto &c : r.response.chain)
                        pins.append(c.pin);
                    return pins;
                }()},
            {QStringLiteral("insecure"), options->insecure},
            {QStringLiteral("findings"), jose::findingsToJson(r.findings)}};
        if (r.response.maxAgeSeconds >= 0)
            doc.insert(QStringLiteral("max_age"), r.response.maxAgeSeconds);
        if (issuer) {
            doc.insert(QStringLiteral("issuer"), r.issuer.toString());
            doc.insert(QStringLiteral("discovery_url"), r.discoveryUrl.toString());
        }
        io.printJson(doc);
    } else {
        io.out(lines.join(u'\n'));
    }
    return Ok;
}

int runJwks(const QStringList &args)
{
    CliIo io(args.contains(QStringLiteral("--json")));
    if (args.size() < 2 || args[1] == u"--help" || args[1] == u"-h") {
        io.out(QStringLiteral("Usage: jwt-workbench-cli jwks fetch (URL | --issuer URL) [network options] [--json]"));
        return args.size() < 2 ? Usage : Ok;
    }
    QStringList rest = args.mid(2);
    rest.prepend(args[0] + u' ' + args[1]);
    if (args[1] == u"fetch")
        return runJwksFetch(rest);
    return io.fail(
        Usage, QStringLiteral("unknown_command"), QStringLiteral("unknown jwks command \"%1\" (fetch)").arg(args[1]));
}

} // namespace jwb::cli
