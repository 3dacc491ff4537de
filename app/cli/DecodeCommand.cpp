#include "CliIo.h"
#include "Commands.h"

#include "common/Clock.h"
#include "common/Duration.h"
#include "common/JsonText.h"
#include "crypto/CertificateChain.h"
#include "jose/Inspection.h"
#include "jose/TokenParser.h"
#include "validation/TokenProfiles.h"

#include <QFileInfo>

#include <QJsonDocument>

namespace jwb::cli {

namespace {

QStringList renderSdJwt(const jose::SdJwt &sd)
{
    QStringList lines;
    lines << QString()
          << QStringLiteral("Disclosures (%1):").arg(sd.hashAlg.isEmpty() ? QStringLiteral("no digests") : sd.hashAlg);
    for (const auto &d : sd.disclosures) {
        if (!d.decoded) {
            lines << QStringLiteral("  %1. (malformed) %2").arg(d.index).arg(QString::fromLatin1(d.raw.left(60)));
            continue;
        }
        lines << QStringLiteral("  %1. %2 = %3")
                     .arg(d.index)
                     .arg(d.arrayElement ? QStringLiteral("(array element)") : d.name,
                         common::JsonText::compact(d.value));
        lines << QStringLiteral("     salt %1, digest %2, %3")
                     .arg(d.salt, d.digest.isEmpty() ? QStringLiteral("(not computed)") : d.digest,
                         d.path.isEmpty() ? QStringLiteral("not referenced")
                                          : QStringLiteral("disclosed at ") + d.path);
    }
    if (sd.hashAlgSupported) {
        lines << QString() << QStringLiteral("Disclosed payload:");
        lines << QString::fromUtf8(
            common::JsonText::prettyPrint(QJsonDocument(sd.disclosedPayload).toJson(QJsonDocument::Compact)));
    }
    if (sd.hasKeyBinding) {
        lines << QString() << QStringLiteral("Key Binding JWT:");
        lines << (sd.keyBinding.headerOk ? QString::fromUtf8(
                      common::JsonText::prettyPrint(QJsonDocument(sd.keyBinding.header).toJson(QJsonDocument::Compact)))
                                         : QStringLiteral("  (header not decoded)"));
        lines << (sd.keyBinding.payloadIsJson ? QString::fromUtf8(common::JsonText::prettyPrint(
                      QJsonDocument(sd.keyBinding.payload).toJson(QJsonDocument::Compact)))
                                              : QStringLiteral("  (payload not decoded)"));
    }
    if (!sd.problems.isEmpty()) {
        lines << QString() << QStringLiteral("SD-JWT problems:");
        for (const auto &f : sd.problems)
            lines << QStringLiteral("  %1  %2: %3").arg(common::severityName(f.severity), -7).arg(f.code, f.message);
    }
    return lines;
}

QString renderText(const jose::Inspection &in, const validation::ProfileReport &profile)
{
    const jose::Token &t = in.token;
    QStringList lines;
    const QString kind = t.kind == jose::TokenKind::Jwe ? QStringLiteral("JWE (encrypted)")
        : t.kind == jose::TokenKind::Jws                ? QStringLiteral("JWS")
                                                        : QStringLiteral("malformed token");
    lines << QStringLiteral("%1, from %2").arg(kind, t.source);
    if (t.isSdJwt())
        lines << QStringLiteral("SD-JWT (RFC 9901): %1 Disclosure%2%3")
                     .arg(t.disclosures.size())
                     .arg(t.disclosures.size() == 1 ? QString() : QStringLiteral("s"))
                     .arg(t.keyBinding.raw.isEmpty() ? QStringLiteral(", no Key Binding JWT")
                                                     : QStringLiteral(", with a Key Binding JWT"));

    const jose::Segment *header = t.segment(jose::SegmentRole::Header);
    lines << QString() << QStringLiteral("Header:");
    if (t.headerOk)
        lines << QString::fromUtf8(common::JsonText::prettyPrint(header->decoded));
    else
        lines << QStringLiteral("  (not decoded)");

    if (t.kind == jose::TokenKind::Jwe) {
        lines << QString()
              << QStringLiteral("Payload: encrypted (%1 bytes of ciphertext)").arg(t.segments.value(3).decoded.size());
    } else {
        lines << QString() << QStringLiteral("Payload:");
        const jose::Segment *payload = t.segment(jose::SegmentRole::Payload);
        if (t.payloadIsJson)
            lines << QString::fromUtf8(common::JsonText::prettyPrint(payload->decoded));
        else if (payload && payload->decodedOk)
            lines << QStringLiteral("  (not JSON, %1 bytes) %2")
                         .arg(t.payloadBytes.size())
                         .arg(QString::fromUtf8(t.payloadBytes.left(200)));
        else
            lines << QStringLiteral("  (not decoded)");
        const jose::Segment *sig = t.segment(jose::SegmentRole::Signature);
        if (sig)
            lines << QString()
                  << QStringLiteral("Signature: %1 (%2 bytes)")
                         .arg(sig->raw.isEmpty() ? QStringLiteral("(empty)") : QString::fromLatin1(sig->raw))
                         .arg(t.signature.size());
    }
    if (!in.times.isEmpty()) {
        lines << QString() << QStringLiteral("Times:");
        for (const auto &tc : in.times)
            lines << QStringLiteral("  %1  %2  %3  %4").arg(tc.name, -3).arg(tc.unix).arg(tc.iso, tc.summary);
    }
    if (!in.findings.isEmpty()) {
        lines << QString() << QStringLiteral("Findings:");
        for (const auto &f : in.findings)
            lines << QStringLiteral("  %1  %2: %3").arg(common::severityName(f.severity), -7).arg(f.code, f.message);
    }
    if (profile.profile != validation::TokenProfile::None) {
        lines << QString() << QStringLiteral("Profile: %1").arg(validation::profileTitle(profile.profile));
        for (const auto &f : profile.findings)
            lines << QStringLiteral("  %1  %2: %3").arg(common::severityName(f.severity), -7).arg(f.code, f.message);
    }
    if (t.isSdJwt())
        lines << renderSdJwt(in.sdJwt);
    return lines.join(u'\n');
}

} // namespace

int runDecode(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("token"), QStringLiteral("The token, or - for stdin (default)."));
    parser.addOption(
        {QStringLiteral("token-file"), QStringLiteral("Read the token from FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("Evaluate times as of TIME (RFC 3339 or Unix seconds)."),
        QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("access-token"),
        QStringLiteral("The access token a DPoP proof is sent with (the token, or a FILE holding it): checks the "
                       "proof's ath and the token's cnf.jkt against the proof's key."),
        QStringLiteral("TOKEN|FILE")});
    parser.addOption({QStringLiteral("cert"),
        QStringLiteral("The client certificate (PEM or DER FILE) a token's cnf.x5t#S256 is compared with."),
        QStringLiteral("FILE")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli decode [TOKEN|-] [--access-token TOKEN|FILE] [--cert FILE] [--json]"),
            QStringLiteral("Decode a JWT, an SD-JWT (its Disclosures and disclosed payload) or a JWE header without "
                           "verifying it."),
            json);
        rc >= 0)
        return rc;
    CliIo io(json);

    qint64 now = common::Clock::system()->nowSecs();
    if (parser.isSet(QStringLiteral("at"))) {
        auto at = common::Duration::parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return io.fail(Usage, at.error());
        now = at->toSecsSinceEpoch();
    }
    auto input = io.readToken(parser, parser.positionalArguments());
    if (!input)
        return io.fail(Usage, input.error());

    validation::ProfileInputs profileInputs;
    profileInputs.now = now;
    if (parser.isSet(QStringLiteral("access-token"))) {
        const QString value = parser.value(QStringLiteral("access-token"));
        if (QFileInfo(value).isFile()) {
            auto data = CliIo::readInput(value, 1024 * 1024);
            if (!data)
                return io.fail(Usage, data.error());
            profileInputs.accessToken = data.value().trimmed();
        } else {
            profileInputs.accessToken = value.trimmed().toUtf8();
        }
        if (profileInputs.accessToken.isEmpty())
            return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("the access token is empty"));
    }
    if (parser.isSet(QStringLiteral("cert"))) {
        auto data = CliIo::readInput(parser.value(QStringLiteral("cert")), 1024 * 1024);
        if (!data)
            return io.fail(Usage, data.error());
        auto certs = crypto::CertificateChain::loadCertificates(data.value());
        if (!certs)
            return io.fail(Usage, certs.error());
        if (certs->isEmpty())
            return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("no certificate in the certificate file"));
        profileInputs.certificateDer = certs->first();
    }

    const jose::Inspection in = jose::Inspection::inspect(input.value(), now);
    const validation::ProfileReport profile = validation::TokenProfiles::check(in.token, profileInputs);
    if (json) {
        QJsonObject doc = in.toJson();
        if (profile.profile != validation::TokenProfile::None)
            doc.insert(QStringLiteral("profile"), profile.toJson());
        io.printJson(doc);
    } else {
        io.out(renderText(in, profile));
    }
    if (!in.token.isComplete()) {
        const common::Error e = jose::TokenParser::issueToError(in.token);
        io.err(QStringLiteral("error: %1").arg(e.message));
        return Usage;
    }
    return Ok;
}

} // namespace jwb::cli
