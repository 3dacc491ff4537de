#include "CliIo.h"
#include "Commands.h"
#include "KeyOptions.h"

#include "common/Clock.h"
#include "common/Duration.h"
#include "crypto/CertificateChain.h"
#include "jose/Base64Url.h"
#include "jose/Inspection.h"
#include "keys/KeyLoader.h"

#include <QJsonArray>

namespace jwb::cli {

int runKeyInfo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("file"), QStringLiteral("Key file (PEM, DER, JWK, JWK Set, certificate; - for stdin)."));
    parser.addOption({QStringLiteral("ca"), QStringLiteral("Validate x5c / certificate chains against this CA (PEM)."),
        QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("at"), QStringLiteral("Validate certificates as of TIME."), QStringLiteral("TIME")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli key info FILE [--ca CA.pem] [--at TIME] [--json]"),
            QStringLiteral("Describe the keys in a file: type, size, ids, thumbprints, certificates."), json);
        rc >= 0)
        return rc;
    CliIo io(json);
    if (parser.positionalArguments().size() != 1)
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("expected exactly one key FILE"));
    QDateTime at = common::Clock::system()->now();
    if (parser.isSet(QStringLiteral("at"))) {
        auto t = common::Duration::parseInstant(parser.value(QStringLiteral("at")));
        if (!t)
            return io.fail(Usage, t.error());
        at = t.value();
    }
    QList<QByteArray> anchors;
    if (parser.isSet(QStringLiteral("ca"))) {
        auto data = CliIo::readInput(parser.value(QStringLiteral("ca")), 4 * 1024 * 1024);
        if (!data)
            return io.fail(Usage, data.error());
        auto certs = crypto::CertificateChain::loadCertificates(data.value());
        if (!certs)
            return io.fail(Usage, certs.error());
        anchors = certs.value();
    }
    const QString path = parser.positionalArguments().first();
    common::Result<keys::JwkSet> set = loadKeyFile(path);
    if (!set)
        return io.fail(Usage, set.error());

    QJsonArray keysJson;
    QStringList lines;
    lines << QStringLiteral("%1: %2, %3 key%4")
                 .arg(path, set->format)
                 .arg(set->keys.size())
                 .arg(set->keys.size() == 1 ? QString() : QStringLiteral("s"));
    bool chainFailed = false;
    for (int i = 0; i < set->keys.size(); ++i) {
        const keys::Jwk &k = set->keys[i];
        QJsonObject o {{QStringLiteral("index"), i}, {QStringLiteral("kid"), k.kid},
            {QStringLiteral("kty"), crypto::keyTypeName(k.key.type())}, {QStringLiteral("private"), k.key.isPrivate()},
            {QStringLiteral("bits"), k.key.bits()}, {QStringLiteral("thumbprint"), k.thumbprint()}};
        if (k.key.curve() != crypto::Curve::None)
            o.insert(QStringLiteral("crv"), crypto::curveName(k.key.curve()));
        if (!k.alg.isEmpty())
            o.insert(QStringLiteral("alg"), k.alg);
        if (!k.use.isEmpty())
            o.insert(QStringLiteral("use"), k.use);
        if (!k.x5t.isEmpty())
            o.insert(QStringLiteral("x5t"), QString::fromLatin1(jose::Base64Url::encode(k.x5t)));
        QStringList algs;
        for (auto a : k.allowedAlgorithms())
            algs.append(crypto::Algorithms::name(a));
        o.insert(QStringLiteral("algorithms"), QJsonArray::fromStringList(algs));
        lines << QString()
              << QStringLiteral("[%1] %2%3")
                     .arg(i)
                     .arg(k.key.description(), k.kid.isEmpty() ? QString() : QStringLiteral(", kid \"%1\"").arg(k.kid));
        lines << QStringLiteral("    thumbprint (RFC 7638, SHA-256): %1").arg(k.thumbprint());
        lines << QStringLiteral("    algorithms: %1%2%3")
                     .arg(algs.join(u' '), k.use.isEmpty() ? QString() : QStringLiteral(", use %1").arg(k.use),
                         k.hasKeyOps ? QStringLiteral(", key_ops [%1]").arg(k.keyOps.join(QStringLiteral(", ")))
                                     : QString());
        if (!k.x5c.isEmpty()) {
            QJsonArray certs;
            const auto infos = crypto::CertificateChain::describe(k.x5c);
            for (int c = 0; c < infos.size(); ++c) {
                const auto &ci = infos[c];
                const bool expired = ci.notAfter.isValid() && ci.notAfter < at;
                const bool notYet = ci.notBefore.isValid() && ci.notBefore > at;
                certs.append(
                    QJsonObject {{QStringLiteral("subject"), ci.subject}, {QStringLiteral("issuer"), ci.issuer},
                        {QStringLiteral("not_before"), ci.notBefore.toString(Qt::ISODate)},
                        {QStringLiteral("not_after"), ci.notAfter.toString(Qt::ISODate)},
                        {QStringLiteral("serial"), ci.serialHex}, {QStringLiteral("expired"), expired},
                        {QStringLiteral("self_signed"), ci.selfSigned}});
                lines << QStringLiteral("    certificate %1: %2").arg(c + 1).arg(ci.subject);
                lines << QStringLiteral("        issuer %1%2")
                             .arg(ci.issuer, ci.selfSigned ? QStringLiteral(" (self-signed)") : QString());
                lines << QStringLiteral("        valid %1 .. %2%3")
                             .arg(ci.notBefore.toString(Qt::ISODate), ci.notAfter.toString(Qt::ISODate),
                                 expired      ? QStringLiteral("  EXPIRED")
                                     : notYet ? QStringLiteral("  NOT YET VALID")
                                              : QString());
            }
            o.insert(QStringLiteral("x5c"), certs);
            if (!anchors.isEmpty()) {
                auto chain = crypto::CertificateChain::validate(k.x5c, anchors, at);
                o.insert(QStringLiteral("chain_valid"), chain.ok());
                if (!chain) {
                    o.insert(QStringLiteral("chain_error"), chain.error().message);
                    chainFailed = true;
                }
                lines << QStringLiteral("    chain: %1")
                             .arg(chain ? QStringLiteral("trusted by the given CA")
                                        : QStringLiteral("NOT TRUSTED: ") + chain.error().message);
            }
        }
        keysJson.append(o);
    }
    for (const auto &s : set->skipped)
        lines << QStringLiteral("[skipped %1] %2").arg(s.index).arg(s.error.message);
    if (!set->findings.isEmpty()) {
        lines << QString() << QStringLiteral("Findings:");
        for (const auto &f : set->findings)
            lines << QStringLiteral("  %1  %2: %3").arg(common::severityName(f.severity), -7).arg(f.code, f.message);
    }
    if (json)
        io.printJson(QJsonObject {{QStringLiteral("format"), set->format}, {QStringLiteral("keys"), keysJson},
            {QStringLiteral("findings"), jose::findingsToJson(set->findings)}});
    else
        io.out(lines.join(u'\n'));
    return chainFailed ? Negative : Ok;
}

} // namespace jwb::cli
