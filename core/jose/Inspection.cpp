#include "jose/Inspection.h"

#include "jose/KnownSecrets.h"
#include "jose/TokenParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace jwb::jose {

Inspection Inspection::inspect(const QString &input, qint64 nowUnix)
{
    Inspection in;
    in.token = TokenParser::parse(input);
    in.now = nowUnix;
    if (in.token.payloadIsJson)
        in.times = Claims::times(in.token.payload, nowUnix);
    in.findings = Claims::lint(in.token, nowUnix);
    in.sdJwt = SdJwt::analyse(in.token);
    if (const auto secret = KnownSecrets::find(in.token)) {
        in.findings.prepend(common::Finding {common::Severity::Error, QStringLiteral("known_secret"),
            QStringLiteral("signature"),
            secret->isEmpty()
                ? QStringLiteral("the signature verifies with an EMPTY HMAC secret: anybody can forge tokens that its "
                                 "verifier accepts")
                : QStringLiteral("the signature verifies with the well-known HMAC secret \"%1\": anybody can forge "
                                 "tokens that its verifier accepts; use a random secret of at least %2 bytes")
                      .arg(*secret)
                      .arg(in.token.signature.size())});
    }
    return in;
}

QJsonArray findingsToJson(const common::Findings &findings)
{
    QJsonArray arr;
    for (const auto &f : findings) {
        QJsonObject o {{QStringLiteral("severity"), common::severityName(f.severity)}, {QStringLiteral("code"), f.code},
            {QStringLiteral("message"), f.message}};
        if (!f.subject.isEmpty())
            o.insert(QStringLiteral("subject"), f.subject);
        arr.append(o);
    }
    return arr;
}

QJsonObject Inspection::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"),
        token.kind == TokenKind::Jwe       ? QStringLiteral("JWE")
            : token.kind == TokenKind::Jws ? QStringLiteral("JWS")
                                           : QStringLiteral("unknown"));
    o.insert(QStringLiteral("source"), token.source);
    o.insert(QStringLiteral("header"), token.headerOk ? QJsonValue(token.header) : QJsonValue());
    if (token.kind == TokenKind::Jwe) {
        o.insert(QStringLiteral("payload"), QJsonValue());
        o.insert(QStringLiteral("encrypted"), true);
    } else {
        o.insert(QStringLiteral("payload"), token.payloadIsJson ? QJsonValue(token.payload) : QJsonValue());
        const Segment *payloadSeg = token.segment(SegmentRole::Payload);
        if (!token.payloadIsJson && payloadSeg && payloadSeg->decodedOk) {
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString text = utf8.decode(token.payloadBytes);
            if (!utf8.hasError())
                o.insert(QStringLiteral("payload_text"), text);
            else
                o.insert(QStringLiteral("payload_base64url"), QString::fromLatin1(payloadSeg->raw));
        }
        const Segment *sig = token.segment(SegmentRole::Signature);
        o.insert(QStringLiteral("signature"), sig ? QJsonValue(QString::fromLatin1(sig->raw)) : QJsonValue());
    }
    QJsonArray segs;
    for (const auto &s : token.segments)
        segs.append(QString::fromLatin1(s.raw));
    o.insert(QStringLiteral("segments"), segs);

    QJsonObject t;
    for (const auto &tc : times)
        t.insert(tc.name,
            QJsonObject {{QStringLiteral("unix"), tc.unix}, {QStringLiteral("iso"), tc.iso},
                {QStringLiteral("relative"), tc.relative}, {QStringLiteral("summary"), tc.summary}});
    o.insert(QStringLiteral("times"), t);
    o.insert(QStringLiteral("findings"), findingsToJson(findings));
    if (token.isSdJwt())
        o.insert(QStringLiteral("sd_jwt"), sdJwt.toJson());
    if (!token.isComplete()) {
        const common::Error e = TokenParser::issueToError(token);
        QJsonObject err {{QStringLiteral("code"), e.code}, {QStringLiteral("message"), e.message}};
        for (auto it = e.details.begin(); it != e.details.end(); ++it)
            err.insert(it.key(), QJsonValue::fromVariant(it.value()));
        o.insert(QStringLiteral("error"), err);
        QJsonArray issues;
        for (const auto &issue : token.issues) {
            QJsonObject i {{QStringLiteral("code"), issue.code}, {QStringLiteral("message"), issue.message}};
            if (issue.segment >= 0)
                i.insert(QStringLiteral("segment"), issue.segment + 1);
            if (issue.offset >= 0)
                i.insert(QStringLiteral("offset"), static_cast<qint64>(issue.offset));
            if (issue.jsonOffset >= 0)
                i.insert(QStringLiteral("json_offset"), static_cast<qint64>(issue.jsonOffset));
            issues.append(i);
        }
        o.insert(QStringLiteral("issues"), issues);
    }
    return o;
}

} // namespace jwb::jose
