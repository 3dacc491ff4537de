#include "jose/SdJwt.h"

#include "common/JsonText.h"
#include "jose/Base64Url.h"
#include "jose/TokenParser.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace jwb::jose {

namespace {

using common::Finding;
using common::Severity;

const QLatin1StringView kSd("_sd");
const QLatin1StringView kSdAlg("_sd_alg");
const QLatin1StringView kEllipsis("...");

/// Nesting deeper than this in the payload or a Disclosure's value is refused rather than walked.
constexpr int kMaxDepth = 64;

QString childPath(const QString &parent, const QString &name)
{
    return parent.isEmpty() ? name : parent + u'.' + name;
}

QString elementPath(const QString &parent, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(parent).arg(index);
}

QString shown(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("the top level") : QStringLiteral("\"%1\"").arg(path);
}

QString label(const SdDisclosure &d)
{
    return d.arrayElement || !d.decoded ? QStringLiteral("Disclosure %1").arg(d.index)
                                        : QStringLiteral("Disclosure %1 (\"%2\")").arg(d.index).arg(d.name);
}

void problem(SdJwt &sd, Severity severity, const QString &code, const QString &subject, const QString &message)
{
    sd.problems.append(Finding {severity, code, subject, message});
}

/// Decodes one Disclosure's JSON array (RFC 9901 section 4.2.1/4.2.2); records why it is malformed.
void decodeDisclosure(SdJwt &sd, SdDisclosure &d)
{
    const QString subject = QStringLiteral("disclosure %1").arg(d.index);
    auto bytes = Base64Url::decode(d.raw);
    if (!bytes) {
        problem(sd, Severity::Error, QStringLiteral("invalid_disclosure"), subject,
            QStringLiteral("Disclosure %1 (character %2 of the token) is not base64url: %3")
                .arg(d.index)
                .arg(d.offset + 1)
                .arg(bytes.error().message));
        return;
    }
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.value(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray()) {
        problem(sd, Severity::Error, QStringLiteral("invalid_disclosure"), subject,
            err.error != QJsonParseError::NoError
                ? QStringLiteral("Disclosure %1 is not valid JSON: %2 at byte %3 of the decoded text")
                      .arg(d.index)
                      .arg(err.errorString())
                      .arg(err.offset)
                : QStringLiteral("Disclosure %1 is JSON but not an array").arg(d.index));
        return;
    }
    const QJsonArray a = doc.array();
    if (a.size() != 2 && a.size() != 3) {
        problem(sd, Severity::Error, QStringLiteral("invalid_disclosure"), subject,
            QStringLiteral("Disclosure %1 has %2 elements; it must be [salt, name, value] or [salt, value]")
                .arg(d.index)
                .arg(a.size()));
        return;
    }
    if (!a.at(0).isString()) {
        problem(sd, Severity::Error, QStringLiteral("invalid_disclosure"), subject,
            QStringLiteral("Disclosure %1: the salt (element 1) is not a string").arg(d.index));
        return;
    }
    if (a.size() == 3) {
        if (!a.at(1).isString()) {
            problem(sd, Severity::Error, QStringLiteral("invalid_disclosure"), subject,
                QStringLiteral("Disclosure %1: the claim name (element 2) is not a string").arg(d.index));
            return;
        }
        const QString name = a.at(1).toString();
        if (name == kSd || name == kEllipsis) {
            problem(sd, Severity::Error, QStringLiteral("invalid_disclosure"), subject,
                QStringLiteral("Disclosure %1 discloses a claim named \"%2\", a name RFC 9901 reserves")
                    .arg(d.index)
                    .arg(name));
            return;
        }
        d.name = name;
    }
    d.salt = a.at(0).toString();
    d.arrayElement = a.size() == 2;
    d.value = a.last();
    d.decoded = true;
}

/// Walks the payload (RFC 9901 section 7.1, step 3): replaces `_sd` digests and `...` entries by what their
/// Disclosures disclose, recursively, and records every problem.
class Processor
{
public:
    explicit Processor(SdJwt &sd) : m_sd(sd)
    {
        for (int i = 0; i < m_sd.disclosures.size(); ++i) {
            const SdDisclosure &d = m_sd.disclosures[i];
            if (d.digest.isEmpty())
                continue;
            if (const auto it = m_byDigest.constFind(d.digest); it != m_byDigest.constEnd()) {
                problem(m_sd, Severity::Error, QStringLiteral("duplicate_disclosure"),
                    QStringLiteral("disclosure %1").arg(d.index),
                    QStringLiteral("Disclosure %1 is given twice (also as Disclosure %2)")
                        .arg(d.index)
                        .arg(m_sd.disclosures[it.value()].index));
                continue;
            }
            m_byDigest.insert(d.digest, i);
        }
    }

    QJsonObject object(const QJsonObject &in, const QString &path, int depth, bool top)
    {
        QJsonObject out;
        if (depth > kMaxDepth) {
            tooDeep(path);
            return out;
        }
        for (auto it = in.begin(); it != in.end(); ++it) {
            if (it.key() == kSd || (top && it.key() == kSdAlg))
                continue;
            out.insert(it.key(), value(it.value(), childPath(path, it.key()), depth + 1));
        }
        if (!in.contains(kSd))
            return out;
        const QJsonValue sdValue = in.value(kSd);
        if (!sdValue.isArray()) {
            problem(m_sd, Severity::Error, QStringLiteral("invalid_sd"), childPath(path, kSd),
                QStringLiteral("_sd at %1 is not an array of digests").arg(shown(path)));
            return out;
        }
        const QJsonArray digests = sdValue.toArray();
        for (const QJsonValue &entry : digests) {
            if (!entry.isString()) {
                problem(m_sd, Severity::Error, QStringLiteral("invalid_sd"), childPath(path, kSd),
                    QStringLiteral("_sd at %1 holds %2, which is not a digest string")
                        .arg(shown(path), common::JsonText::compact(entry)));
                continue;
            }
            SdDisclosure *d = claim(entry.toString(), path);
            if (!d)
                continue;
            if (d->arrayElement) {
                problem(m_sd, Severity::Error, QStringLiteral("disclosure_kind_mismatch"),
                    QStringLiteral("disclosure %1").arg(d->index),
                    QStringLiteral("%1 is an array element, but its digest is in the _sd array at %2")
                        .arg(label(*d), shown(path)));
                continue;
            }
            if (out.contains(d->name)) {
                problem(m_sd, Severity::Error, QStringLiteral("sd_claim_clash"),
                    QStringLiteral("disclosure %1").arg(d->index),
                    QStringLiteral("%1 discloses \"%2\" at %3, which already has a claim of that name")
                        .arg(label(*d), d->name, shown(path)));
                continue;
            }
            d->path = childPath(path, d->name);
            out.insert(d->name, value(d->value, d->path, depth + 1));
        }
        return out;
    }

private:
    QJsonValue value(const QJsonValue &v, const QString &path, int depth)
    {
        if (v.isObject())
            return object(v.toObject(), path, depth, false);
        if (v.isArray())
            return array(v.toArray(), path, depth);
        return v;
    }

    QJsonArray array(const QJsonArray &in, const QString &path, int depth)
    {
        QJsonArray out;
        if (depth > kMaxDepth) {
            tooDeep(path);
            return out;
        }
        for (qsizetype i = 0; i < in.size(); ++i) {
            const QJsonValue element = in.at(i);
            const QJsonObject o = element.toObject();
            if (!element.isObject() || o.size() != 1 || !o.contains(kEllipsis)) {
                out.append(value(element, elementPath(path, out.size()), depth + 1));
                continue;
            }
            const QJsonValue digest = o.value(kEllipsis);
            if (!digest.isString()) {
                problem(m_sd, Severity::Error, QStringLiteral("invalid_sd"), elementPath(path, i),
                    QStringLiteral("the \"...\" entry %1 of %2 is not a digest string").arg(i + 1).arg(shown(path)));
                continue;
            }
            SdDisclosure *d = claim(digest.toString(), elementPath(path, i));
            if (!d)
                continue; // an undisclosed element (or a decoy) is removed
            if (!d->arrayElement) {
                problem(m_sd, Severity::Error, QStringLiteral("disclosure_kind_mismatch"),
                    QStringLiteral("disclosure %1").arg(d->index),
                    QStringLiteral("%1 is an object property, but its digest is a \"...\" entry of the array %2")
                        .arg(label(*d), shown(path)));
                continue;
            }
            d->path = elementPath(path, out.size());
            out.append(value(d->value, d->path, depth + 1));
        }
        return out;
    }

    /// The Disclosure that `digest` refers to, or nullptr (undisclosed, or a digest seen before: an error).
    SdDisclosure *claim(const QString &digest, const QString &where)
    {
        if (m_seen.contains(digest)) {
            problem(m_sd, Severity::Error, QStringLiteral("duplicate_digest"), where,
                QStringLiteral("the digest %1 appears more than once in the payload (again at %2)")
                    .arg(digest, shown(where)));
            return nullptr;
        }
        m_seen.insert(digest);
        const auto it = m_byDigest.constFind(digest);
        if (it == m_byDigest.constEnd()) {
            ++m_sd.undisclosedDigests;
            return nullptr;
        }
        return &m_sd.disclosures[it.value()];
    }

    void tooDeep(const QString &path)
    {
        problem(m_sd, Severity::Error, QStringLiteral("sd_too_deep"), path,
            QStringLiteral("the payload nests deeper than %1 levels at %2; not processed")
                .arg(kMaxDepth)
                .arg(shown(path)));
    }

    SdJwt &m_sd;
    QHash<QString, int> m_byDigest;
    QSet<QString> m_seen;
};

} // namespace

bool SdJwt::ok() const
{
    return std::none_of(
        problems.begin(), problems.end(), [](const Finding &f) { return f.severity == Severity::Error; });
}

const SdDisclosure *SdJwt::disclosureAt(const QString &path) const
{
    for (const auto &d : disclosures)
        if (d.path == path && !path.isEmpty())
            return &d;
    return nullptr;
}

std::optional<QCryptographicHash::Algorithm> SdJwt::hashAlgorithm(const QString &name)
{
    static const QHash<QString, QCryptographicHash::Algorithm> algorithms {
        {QStringLiteral("sha-256"), QCryptographicHash::Sha256},
        {QStringLiteral("sha-384"), QCryptographicHash::Sha384},
        {QStringLiteral("sha-512"), QCryptographicHash::Sha512},
        {QStringLiteral("sha3-256"), QCryptographicHash::Sha3_256},
        {QStringLiteral("sha3-384"), QCryptographicHash::Sha3_384},
        {QStringLiteral("sha3-512"), QCryptographicHash::Sha3_512},
    };
    const auto it = algorithms.constFind(name);
    if (it == algorithms.constEnd())
        return std::nullopt;
    return it.value();
}

QString SdJwt::digest(QCryptographicHash::Algorithm alg, const QByteArray &ascii)
{
    return QString::fromLatin1(Base64Url::encode(QCryptographicHash::hash(ascii, alg)));
}

SdJwt SdJwt::analyse(const Token &token)
{
    SdJwt sd;
    if (!token.isSdJwt())
        return sd;
    for (int i = 0; i < token.disclosures.size(); ++i) {
        SdDisclosure d;
        d.index = i + 1;
        d.raw = token.disclosures[i].raw;
        d.offset = token.disclosures[i].offset;
        sd.disclosures.append(d);
    }
    for (auto &d : sd.disclosures)
        decodeDisclosure(sd, d);

    if (!token.keyBinding.raw.isEmpty()) {
        sd.hasKeyBinding = true;
        sd.keyBinding = TokenParser::parse(QString::fromLatin1(token.keyBinding.raw));
    }

    if (!token.payloadIsJson) {
        problem(sd, Severity::Error, QStringLiteral("sd_jwt_payload"), QStringLiteral("payload"),
            QStringLiteral("the issuer-signed JWT's payload is not a JSON object; no digest can be checked"));
        return sd;
    }
    const QJsonValue algValue = token.payload.value(kSdAlg);
    sd.hashAlg = algValue.isUndefined() ? QStringLiteral("sha-256") : algValue.toString();
    const auto alg = algValue.isUndefined() || algValue.isString() ? hashAlgorithm(sd.hashAlg) : std::nullopt;
    if (!alg) {
        problem(sd, Severity::Error, QStringLiteral("unsupported_sd_alg"), QString(kSdAlg),
            algValue.isString() || algValue.isUndefined()
                ? QStringLiteral("_sd_alg \"%1\" is not a supported hash algorithm (sha-256, sha-384, sha-512, "
                                 "sha3-256, sha3-384, sha3-512); no digest can be checked")
                      .arg(sd.hashAlg)
                : QStringLiteral("_sd_alg is %1, not a hash algorithm name; no digest can be checked")
                      .arg(common::JsonText::compact(algValue)));
        return sd;
    }
    sd.hashAlgSupported = true;
    for (auto &d : sd.disclosures)
        d.digest = digest(*alg, d.raw); // over the base64url text as given, not over re-encoded JSON

    Processor processor(sd);
    sd.disclosedPayload = processor.object(token.payload, QString(), 0, true);

    for (const auto &d : sd.disclosures)
        if (d.decoded && d.path.isEmpty()
            && std::none_of(sd.problems.begin(), sd.problems.end(),
                [&d](const Finding &f) { return f.subject == QStringLiteral("disclosure %1").arg(d.index); }))
            problem(sd, Severity::Error, QStringLiteral("unreferenced_disclosure"),
                QStringLiteral("disclosure %1").arg(d.index),
                QStringLiteral("%1 has digest %2, which no _sd array or \"...\" entry of the payload lists")
                    .arg(label(d), d.digest));
    if (sd.undisclosedDigests > 0)
        problem(sd, Severity::Info, QStringLiteral("undisclosed_digests"), QString(kSd),
            QStringLiteral("%1 digest%2 in the payload %3 no Disclosure: claims not disclosed, or decoys")
                .arg(sd.undisclosedDigests)
                .arg(sd.undisclosedDigests == 1 ? QString() : QStringLiteral("s"))
                .arg(sd.undisclosedDigests == 1 ? QStringLiteral("has") : QStringLiteral("have")));
    return sd;
}

QJsonObject SdJwt::toJson() const
{
    QJsonArray list;
    for (const auto &d : disclosures) {
        QJsonObject o {{QStringLiteral("index"), d.index}, {QStringLiteral("disclosure"), QString::fromLatin1(d.raw)},
            {QStringLiteral("digest"), d.digest.isEmpty() ? QJsonValue() : QJsonValue(d.digest)},
            {QStringLiteral("path"), d.path.isEmpty() ? QJsonValue() : QJsonValue(d.path)}};
        if (d.decoded) {
            o.insert(QStringLiteral("salt"), d.salt);
            o.insert(QStringLiteral("name"), d.arrayElement ? QJsonValue() : QJsonValue(d.name));
            o.insert(QStringLiteral("value"), d.value);
        }
        list.append(o);
    }
    QJsonObject o {{QStringLiteral("hash_alg"), hashAlg.isEmpty() ? QJsonValue() : QJsonValue(hashAlg)},
        {QStringLiteral("disclosures"), list},
        {QStringLiteral("disclosed_payload"), hashAlgSupported ? QJsonValue(disclosedPayload) : QJsonValue()},
        {QStringLiteral("undisclosed_digests"), undisclosedDigests}};
    QJsonArray problemList;
    for (const auto &f : problems) {
        QJsonObject p {{QStringLiteral("severity"), common::severityName(f.severity)}, {QStringLiteral("code"), f.code},
            {QStringLiteral("message"), f.message}};
        if (!f.subject.isEmpty())
            p.insert(QStringLiteral("subject"), f.subject);
        problemList.append(p);
    }
    o.insert(QStringLiteral("problems"), problemList);
    if (hasKeyBinding)
        o.insert(QStringLiteral("key_binding"),
            QJsonObject {{QStringLiteral("header"), keyBinding.headerOk ? QJsonValue(keyBinding.header) : QJsonValue()},
                {QStringLiteral("payload"), keyBinding.payloadIsJson ? QJsonValue(keyBinding.payload) : QJsonValue()}});
    else
        o.insert(QStringLiteral("key_binding"), QJsonValue());
    return o;
}

QByteArray SdJwtIssue::compact(const QByteArray &issuerSignedJwt) const
{
    QByteArray out = issuerSignedJwt + '~';
    for (const QByteArray &d : disclosures)
        out += d + '~';
    return out;
}

common::Result<SdJwtIssue> makeSelectivelyDisclosable(
    const QJsonObject &claims, const QStringList &names, const std::function<QString()> &salt)
{
    if (names.isEmpty())
        return common::Error {
            QStringLiteral("sd_no_claims"), QStringLiteral("no claim was chosen to be selectively disclosable"), {}};
    SdJwtIssue issue;
    issue.payload = claims;
    QStringList digests;
    for (const QString &name : names) {
        if (name == kSd || name == kSdAlg || name == kEllipsis || name == u"cnf")
            return common::Error {QStringLiteral("sd_claim_reserved"),
                QStringLiteral("\"%1\" cannot be selectively disclosable: %2")
                    .arg(name,
                        name == u"cnf" ? QStringLiteral("the holder key must stay visible for Key Binding")
                                       : QStringLiteral("RFC 9901 reserves the name")),
                {}};
        if (!issue.payload.contains(name))
            return common::Error {QStringLiteral("sd_claim_missing"),
                names.count(name) > 1 && claims.contains(name)
                    ? QStringLiteral("\"%1\" is named twice").arg(name)
                    : QStringLiteral("the claims have no \"%1\" to make selectively disclosable").arg(name),
                {}};
        QString s = salt ? salt() : QString();
        if (s.isEmpty()) {
            QByteArray random(16, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 4);
            s = QString::fromLatin1(Base64Url::encode(random));
        }
        const QByteArray d = Base64Url::encode(
            QJsonDocument(QJsonArray {s, name, issue.payload.value(name)}).toJson(QJsonDocument::Compact));
        issue.payload.remove(name);
        issue.disclosures.append(d);
        digests.append(SdJwt::digest(QCryptographicHash::Sha256, d));
    }
    // Sorted, so that the order of the digests does not give away the order of the claims (RFC 9901 4.2.4.1).
    std::sort(digests.begin(), digests.end());
    QJsonArray sd = issue.payload.value(kSd).toArray();
    for (const QString &d : digests)
        sd.append(d);
    issue.payload.insert(kSd, sd);
    issue.payload.insert(kSdAlg, QStringLiteral("sha-256"));
    return issue;
}

common::Findings checkKeyBinding(const Token &token, const SdJwt &sd, const KeyBindingExpectations &expected)
{
    common::Findings out;
    const auto fail = [&out](const QString &code, const QString &subject, const QString &message) {
        out.append(Finding {Severity::Error, code, subject, message});
    };
    if (!sd.hasKeyBinding) {
        fail(QStringLiteral("kb_jwt_missing"), QStringLiteral("kb_jwt"),
            QStringLiteral("the SD-JWT has no Key Binding JWT after its last '~'"));
        return out;
    }
    const Token &kb = sd.keyBinding;
    if (!kb.isComplete()) {
        fail(QStringLiteral("kb_jwt_malformed"), QStringLiteral("kb_jwt"),
            QStringLiteral("the Key Binding JWT cannot be decoded: %1").arg(TokenParser::issueToError(kb).message));
        return out;
    }
    if (kb.header.value(QLatin1String("typ")).toString() != u"kb+jwt")
        fail(QStringLiteral("kb_jwt_typ"), QStringLiteral("typ"),
            QStringLiteral("the Key Binding JWT's typ is %1, not \"kb+jwt\"")
                .arg(common::JsonText::compact(kb.header.value(QLatin1String("typ")))));
    if (!kb.payloadIsJson) {
        fail(QStringLiteral("kb_jwt_malformed"), QStringLiteral("kb_jwt"),
            QStringLiteral("the Key Binding JWT's payload is not a JSON object"));
        return out;
    }
    const QJsonObject &p = kb.payload;
    const auto alg = SdJwt::hashAlgorithm(sd.hashAlg);
    const QJsonValue sdHash = p.value(QLatin1String("sd_hash"));
    if (!sdHash.isString()) {
        fail(QStringLiteral("kb_jwt_sd_hash"), QStringLiteral("sd_hash"),
            QStringLiteral("the Key Binding JWT has no sd_hash string"));
    } else if (!alg) {
        fail(QStringLiteral("kb_jwt_sd_hash"), QStringLiteral("sd_hash"),
            QStringLiteral("sd_hash cannot be checked: _sd_alg \"%1\" is not supported").arg(sd.hashAlg));
    } else if (const QString want = SdJwt::digest(*alg, token.sdHashInput()); sdHash.toString() != want) {
        fail(QStringLiteral("kb_jwt_sd_hash"), QStringLiteral("sd_hash"),
            QStringLiteral("sd_hash %1 is not the %2 digest of the presented SD-JWT (%3): the KB-JWT was made for "
                           "another presentation")
                .arg(sdHash.toString(), sd.hashAlg, want));
    }
    const QJsonValue aud = p.value(QLatin1String("aud"));
    if (!aud.isString())
        fail(QStringLiteral("kb_jwt_aud"), QStringLiteral("aud"),
            QStringLiteral("the Key Binding JWT has no aud string"));
    else if (expected.audience.isEmpty())
        out.append(Finding {Severity::Warning, QStringLiteral("kb_jwt_aud_unchecked"), QStringLiteral("aud"),
            QStringLiteral("the Key Binding JWT's aud \"%1\" was not checked (no expected audience given)")
                .arg(aud.toString())});
    else if (aud.toString() != expected.audience)
        fail(QStringLiteral("kb_jwt_aud"), QStringLiteral("aud"),
            QStringLiteral("the Key Binding JWT's aud is \"%1\", not \"%2\"").arg(aud.toString(), expected.audience));
    const QJsonValue nonce = p.value(QLatin1String("nonce"));
    if (!nonce.isString())
        fail(QStringLiteral("kb_jwt_nonce"), QStringLiteral("nonce"),
            QStringLiteral("the Key Binding JWT has no nonce string"));
    else if (expected.nonce.isEmpty())
        out.append(Finding {Severity::Warning, QStringLiteral("kb_jwt_nonce_unchecked"), QStringLiteral("nonce"),
            QStringLiteral("the Key Binding JWT's nonce \"%1\" was not checked (no expected nonce given)")
                .arg(nonce.toString())});
    else if (nonce.toString() != expected.nonce)
        fail(QStringLiteral("kb_jwt_nonce"), QStringLiteral("nonce"),
            QStringLiteral("the Key Binding JWT's nonce is \"%1\", not \"%2\"").arg(nonce.toString(), expected.nonce));
    const QJsonValue iat = p.value(QLatin1String("iat"));
    if (!iat.isDouble()) {
        fail(QStringLiteral("kb_jwt_iat"), QStringLiteral("iat"),
            QStringLiteral("the Key Binding JWT has no numeric iat"));
    } else {
        const qint64 at = static_cast<qint64>(iat.toDouble());
        if (at > expected.now + expected.leewaySeconds)
            fail(QStringLiteral("kb_jwt_iat"), QStringLiteral("iat"),
                QStringLiteral("the Key Binding JWT was issued %1 s in the future (iat %2)")
                    .arg(at - expected.now)
                    .arg(at));
        else if (expected.now - at > expected.maxAgeSeconds + expected.leewaySeconds)
            fail(QStringLiteral("kb_jwt_iat"), QStringLiteral("iat"),
                QStringLiteral("the Key Binding JWT was issued %1 s ago (iat %2), more than the %3 s allowed")
                    .arg(expected.now - at)
                    .arg(at)
                    .arg(expected.maxAgeSeconds));
    }
    return out;
}

} // namespace jwb::jose
