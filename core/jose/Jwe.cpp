#include "jose/Jwe.h"

#include "common/JsonText.h"
#include "jose/Base64Url.h"
#include "keys/Jwk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <cctype>
#include <cmath>

namespace jwb::jose {

using common::Finding;
using common::Findings;
using common::Result;
using common::Severity;
using crypto::ContentEncryption;
using crypto::Key;
using crypto::KeyManagement;
using crypto::KeyManagementFamily;
using crypto::KeyType;
namespace Alg = crypto::JweAlgorithms;

namespace {

const QString kInvalid = QStringLiteral("invalid_jwe");

common::Error invalid(const QString &message, QVariantMap details = {})
{
    return common::Error {kInvalid, message, std::move(details)};
}

common::Error err(const QString &code, const QString &message)
{
    return common::Error {code, message, {}};
}

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

/// Decodes one base64url value; `where` names it for the error, `base` is its byte offset in the input (or -1).
Result<QByteArray> decodeB64(QByteArrayView text, const QString &where, qsizetype base = -1)
{
    auto r = Base64Url::decode(text);
    if (r)
        return r;
    const qsizetype at = r.error().details.value(QStringLiteral("offset"), 0).toLongLong();
    if (base >= 0)
        return invalid(QStringLiteral("%1: not base64url at byte %2").arg(where).arg(base + at),
            {{QStringLiteral("offset"), base + at}});
    return invalid(QStringLiteral("%1: not base64url at character %2").arg(where).arg(at));
}

/// Parses a JSON object; `where` names it ("the protected header").
Result<QJsonObject> parseObject(const QByteArray &json, const QString &where)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("%1 is not JSON at byte %2 (%3)").arg(where).arg(pe.offset).arg(pe.errorString()),
            {{QStringLiteral("json_offset"), pe.offset}});
    if (!doc.isObject())
        return invalid(QStringLiteral("%1 is not a JSON object").arg(where));
    const QStringList dups = common::JsonText::duplicateKeys(json);
    if (!dups.isEmpty())
        return invalid(QStringLiteral("%1: duplicate member '%2'").arg(where, dups.first()));
    return doc.object();
}

/// The protected header from its base64url form.
Result<QJsonObject> decodeProtected(const QByteArray &raw, qsizetype base)
{
    const QString where = base >= 0 ? QStringLiteral("segment 1 (protected header)") : QStringLiteral("protected");
    auto bytes = decodeB64(raw, where, base);
    if (!bytes)
        return bytes.error();
    return parseObject(bytes.value(), QStringLiteral("the protected header"));
}

Result<JweMessage> parseCompact(const QByteArray &text)
{
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() != 5)
        return invalid(QStringLiteral("a compact JWE has 5 segments separated by '.', this has %1").arg(parts.size()));
    static const char *const names[] = {"protected header", "encrypted key", "IV", "ciphertext", "authentication tag"};
    JweMessage m;
    m.serialization = JweSerialization::Compact;
    m.protectedRaw = parts[0];
    if (m.protectedRaw.isEmpty())
        return invalid(QStringLiteral("segment 1 (protected header) is empty"));
    auto header = decodeProtected(parts[0], 0);
    if (!header)
        return header.error();
    m.protectedHeader = header.value();
    QByteArray decoded[5];
    qsizetype base = parts[0].size() + 1;
    for (int i = 1; i < 5; ++i) {
        auto d = decodeB64(parts[i], QStringLiteral("segment %1 (%2)").arg(i + 1).arg(str(names[i])), base);
        if (!d)
            return d.error();
        decoded[i] = d.value();
        base += parts[i].size() + 1;
    }
    m.recipients.append(JweRecipient {{}, decoded[1]});
    m.iv = decoded[2];
    m.ciphertext = decoded[3];
    m.tag = decoded[4];
    return m;
}

/// A base64url string member of the JSON serialization; absent gives an empty array unless `required`.
Result<QByteArray> jsonB64(const QJsonObject &o, const char *name, bool required, const QString &prefix = {})
{
    const QString where = prefix + str(name);
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined()) {
        if (required)
            return invalid(QStringLiteral("the JSON serialization has no \"%1\" member").arg(where));
        return QByteArray();
    }
    if (!v.isString())
        return invalid(QStringLiteral("\"%1\" is not a string").arg(where));
    return decodeB64(v.toString().toLatin1(), QStringLiteral("\"%1\"").arg(where));
}

Result<QJsonObject> jsonObjectMember(const QJsonObject &o, const char *name, const QString &where)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined())
        return QJsonObject();
    if (!v.isObject())
        return invalid(QStringLiteral("\"%1\" is not a JSON object").arg(where));
    return v.toObject();
}

/// RFC 7516 section 7.2.1: the member names of the protected, shared unprotected and per-recipient headers
/// are disjoint.
Result<void> checkDisjoint(const QJsonObject &a, const QJsonObject &b, const QString &where)
{
    for (auto it = b.begin(); it != b.end(); ++it)
        if (a.contains(it.key()))
            return invalid(QStringLiteral("%1: duplicate member '%2' across headers (RFC 7516 section 7.2.1)")
                               .arg(where, it.key()));
    return {};
}

Result<JweRecipient> parseRecipient(const QJsonObject &r, const QString &prefix, const JweMessage &m)
{
    JweRecipient rec;
    auto header = jsonObjectMember(r, "header", prefix + QStringLiteral("header"));
    if (!header)
        return header.error();
    rec.header = header.value();
    auto key = jsonB64(r, "encrypted_key", false, prefix);
    if (!key)
        return key.error();
    rec.encryptedKey = key.value();
    const QString where = prefix + QStringLiteral("header");
    if (auto d = checkDisjoint(m.protectedHeader, rec.header, where); !d)
        return d.error();
    if (auto d = checkDisjoint(m.sharedUnprotected, rec.header, where); !d)
        return d.error();
    if (m.protectedHeader.isEmpty() && m.sharedUnprotected.isEmpty() && rec.header.isEmpty())
        return invalid(QStringLiteral("%1: no header at all (protected, unprotected or header)").arg(where));
    return rec;
}

Result<void> parseRecipients(const QJsonObject &o, JweMessage &m)
{
    const bool general = o.contains(QLatin1String("recipients"));
    if (!general) {
        m.serialization = JweSerialization::Flattened;
        auto rec = parseRecipient(o, QString(), m);
        if (!rec)
            return rec.error();
        m.recipients.append(rec.value());
        return {};
    }
    m.serialization = JweSerialization::General;
    if (o.contains(QLatin1String("header")) || o.contains(QLatin1String("encrypted_key")))
        return invalid(QStringLiteral("the JSON serialization has both \"recipients\" and a flattened "
                                      "\"header\" or \"encrypted_key\""));
    const QJsonValue list = o.value(QLatin1String("recipients"));
    if (!list.isArray() || list.toArray().isEmpty())
        return invalid(QStringLiteral("\"recipients\" is not a non-empty array"));
    const QJsonArray arr = list.toArray();
    for (int i = 0; i < arr.size(); ++i) {
        const QString prefix = QStringLiteral("recipients[%1].").arg(i);
        if (!arr.at(i).isObject())
            return invalid(QStringLiteral("recipients[%1] is not a JSON object").arg(i));
        auto rec = parseRecipient(arr.at(i).toObject(), prefix, m);
        if (!rec)
            return rec.error();
        m.recipients.append(rec.value());
    }
    return {};
}

Result<JweMessage> parseJson(const QByteArray &text)
{
    auto top = parseObject(text, QStringLiteral("the JWE JSON serialization"));
    if (!top)
        return top.error();
    const QJsonObject o = top.value();
    JweMessage m;
    const QJsonValue prot = o.value(QLatin1String("protected"));
    if (!prot.isUndefined()) {
        if (!prot.isString() || prot.toString().isEmpty())
            return invalid(QStringLiteral("\"protected\" is not a non-empty string"));
        m.protectedRaw = prot.toString().toLatin1();
        auto header = decodeProtected(m.protectedRaw, -1);
        if (!header)
            return header.error();
        m.protectedHeader = header.value();
    }
    auto unprot = jsonObjectMember(o, "unprotected", QStringLiteral("unprotected"));
    if (!unprot)
        return unprot.error();
    m.sharedUnprotected = unprot.value();
    if (auto d = checkDisjoint(m.protectedHeader, m.sharedUnprotected, QStringLiteral("unprotected")); !d)
        return d.error();
    if (auto r = parseRecipients(o, m); !r)
        return r.error();
    const std::pair<const char *, QByteArray *> parts[] = {{"iv", &m.iv}, {"tag", &m.tag}};
    for (const auto &[name, target] : parts) {
        auto v = jsonB64(o, name, false);
        if (!v)
            return v.error();
        *target = v.value();
    }
    auto ct = jsonB64(o, "ciphertext", true);
    if (!ct)
        return ct.error();
    m.ciphertext = ct.value();
    const QJsonValue aad = o.value(QLatin1String("aad"));
    if (!aad.isUndefined()) {
        if (!aad.isString())
            return invalid(QStringLiteral("\"aad\" is not a string"));
        m.aadRaw = aad.toString().toLatin1();
        if (auto a = decodeB64(m.aadRaw, QStringLiteral("\"aad\"")); !a)
            return a.error();
    }
    return m;
}

} // namespace

QJsonObject JweMessage::joseHeader(int recipient) const
{
    QJsonObject h = protectedHeader;
    for (auto it = sharedUnprotected.begin(); it != sharedUnprotected.end(); ++it)
        h.insert(it.key(), it.value());
    if (recipient >= 0 && recipient < recipients.size()) {
        const QJsonObject &r = recipients.at(recipient).header;
        for (auto it = r.begin(); it != r.end(); ++it)
            h.insert(it.key(), it.value());
    }
    return h;
}

QByteArray JweMessage::additionalData() const
{
    QByteArray aad = protectedRaw;
    if (!aadRaw.isEmpty())
        aad += '.' + aadRaw;
    return aad;
}

Result<JweMessage> parseJwe(const QByteArray &text)
{
    const QByteArray t = text.trimmed();
    if (t.isEmpty())
        return invalid(QStringLiteral("the input is empty"));
    if (t.startsWith('{'))
        return parseJson(t);
    return parseCompact(t);
}

// ---------------------------------------------------------------------------------------------------------------
// Header checks shared by decryption and decode-time inspection

namespace {

/// What a recipient's header asks for, checked before any key is touched.
struct RecipientPlan
{
    QJsonObject header;
    KeyManagement alg = KeyManagement::Dir;
    ContentEncryption enc = ContentEncryption::A128GCM;
    Key epk; ///< ECDH-ES: the peer's public key
    QByteArray apu, apv;
    QByteArray kwIv, kwTag; ///< AxGCMKW
    QByteArray p2s;
    int p2c = 0;
};

Result<QByteArray> headerB64(const QJsonObject &h, const char *name, bool required, const QString &where)
{
    const QJsonValue v = h.value(QLatin1String(name));
    if (v.isUndefined()) {
        if (required)
            return invalid(QStringLiteral("%1: the header has no \"%2\" member").arg(where, str(name)));
        return QByteArray();
    }
    if (!v.isString())
        return invalid(QStringLiteral("%1: header member \"%2\" is not a string").arg(where, str(name)));
    return decodeB64(v.toString().toLatin1(), QStringLiteral("%1: header member \"%2\"").arg(where, str(name)));
}

/// Header members this engine understands, so `crit` may list none of them as an extension: RFC 7515 section
/// 4.1.11 forbids listing registered names, and this engine implements no extension header parameter.
Result<void> checkCrit(const QJsonObject &protectedHeader, const QJsonObject &h, const QString &where)
{
    if (!h.contains(QLatin1String("crit")))
        return {};
    if (!protectedHeader.contains(QLatin1String("crit")))
        return invalid(
            QStringLiteral("%1: \"crit\" must be in the protected header (RFC 7515 section 4.1.11)").arg(where));
    const QJsonValue crit = h.value(QLatin1String("crit"));
    if (!crit.isArray() || crit.toArray().isEmpty())
        return invalid(QStringLiteral("%1: \"crit\" is not a non-empty array of strings").arg(where));
    const QJsonValue first = crit.toArray().first();
    if (!first.isString())
        return invalid(QStringLiteral("%1: \"crit\" holds something that is not a string").arg(where));
    return err(QStringLiteral("unsupported_critical"),
        QStringLiteral("%1: \"crit\" lists \"%2\", an extension this engine does not understand")
            .arg(where, first.toString()));
}

Result<void> planEcdh(RecipientPlan &p, const QString &where)
{
    const QJsonValue epk = p.header.value(QLatin1String("epk"));
    if (!epk.isObject())
        return invalid(QStringLiteral("%1: ECDH-ES needs an \"epk\" JSON object in the header").arg(where));
    QJsonObject pub = epk.toObject();
    if (pub.contains(QLatin1String("d")))
        return invalid(QStringLiteral("%1: \"epk\" holds a private key (\"d\")").arg(where));
    auto jwk = keys::Jwk::fromJson(pub);
    if (!jwk)
        return invalid(QStringLiteral("%1: \"epk\" is not a usable public key: %2").arg(where, jwk.error().message));
    const KeyType t = jwk->key.type();
    if (t != KeyType::Ec && t != KeyType::Okp)
        return invalid(QStringLiteral("%1: \"epk\" is not an EC or OKP key").arg(where));
    p.epk = jwk->key;
    auto apu = headerB64(p.header, "apu", false, where);
    if (!apu)
        return apu.error();
    auto apv = headerB64(p.header, "apv", false, where);
    if (!apv)
        return apv.error();
    p.apu = apu.value();
    p.apv = apv.value();
    return {};
}

Result<void> planGcmKw(RecipientPlan &p, const QString &where)
{
    auto iv = headerB64(p.header, "iv", true, where);
    if (!iv)
        return iv.error();
    auto tag = headerB64(p.header, "tag", true, where);
    if (!tag)
        return tag.error();
    if (iv->size() != 12 || tag->size() != 16)
        return invalid(QStringLiteral("%1: AES-GCM key wrap needs a 96-bit \"iv\" and a 128-bit \"tag\" (got %2 and "
                                      "%3 bytes)")
                           .arg(where)
                           .arg(iv->size())
                           .arg(tag->size()));
    p.kwIv = iv.value();
    p.kwTag = tag.value();
    return {};
}

Result<void> planPbes2(RecipientPlan &p, const QString &where, int maxIterations)
{
    const QJsonValue p2c = p.header.value(QLatin1String("p2c"));
    const double count = p2c.toDouble(-1);
    if (!p2c.isDouble() || count != std::floor(count) || count < 1)
        return invalid(QStringLiteral("%1: PBES2 needs a positive integer \"p2c\"").arg(where));
    if (count > maxIterations)
        return err(QStringLiteral("p2c_too_large"),
            QStringLiteral("%1: \"p2c\" asks for %2 PBKDF2 iterations, more than the %3 allowed; refused before any "
                           "work")
                .arg(where)
                .arg(static_cast<qint64>(count))
                .arg(maxIterations));
    p.p2c = static_cast<int>(count);
    auto p2s = headerB64(p.header, "p2s", true, where);
    if (!p2s)
        return p2s.error();
    if (p2s->size() < 8)
        return invalid(QStringLiteral("%1: \"p2s\" is %2 bytes; RFC 7518 section 4.8.1.1 asks for at least 8")
                           .arg(where)
                           .arg(p2s->size()));
    p.p2s = p2s.value();
    return {};
}

Result<KeyManagement> headerAlg(const QJsonObject &h, const QString &where)
{
    const QJsonValue v = h.value(QLatin1String("alg"));
    if (!v.isString())
        return invalid(QStringLiteral("%1: the header has no \"alg\" string").arg(where));
    const auto alg = Alg::keyManagementFromName(v.toString());
    if (!alg)
        return err(QStringLiteral("unsupported_algorithm"),
            QStringLiteral("%1: unknown or unsupported JWE alg \"%2\"").arg(where, v.toString()));
    return *alg;
}

Result<ContentEncryption> headerEnc(const QJsonObject &h, const QString &where)
{
    const QJsonValue v = h.value(QLatin1String("enc"));
    if (!v.isString())
        return invalid(QStringLiteral("%1: the header has no \"enc\" string").arg(where));
    const auto enc = Alg::contentEncryptionFromName(v.toString());
    if (!enc)
        return err(QStringLiteral("unsupported_algorithm"),
            QStringLiteral("%1: unknown or unsupported JWE enc \"%2\"").arg(where, v.toString()));
    return *enc;
}

Result<void> checkZip(const QJsonObject &h, const QString &where)
{
    const QJsonValue zip = h.value(QLatin1String("zip"));
    if (zip.isUndefined() || zip.toString() == u"DEF")
        return {};
    return err(QStringLiteral("unsupported_algorithm"),
        QStringLiteral("%1: unsupported \"zip\" %2 (only DEF is defined)").arg(where, common::JsonText::compact(zip)));
}

Result<void> checkExpected(const RecipientPlan &p, const JweDecryptOptions &o, const QString &where)
{
    if (o.expectedAlg && *o.expectedAlg != p.alg)
        return err(QStringLiteral("alg_not_allowed"),
            QStringLiteral("%1: alg %2 where %3 is expected").arg(where, Alg::name(p.alg), Alg::name(*o.expectedAlg)));
    if (o.expectedEnc && *o.expectedEnc != p.enc)
        return err(QStringLiteral("alg_not_allowed"),
            QStringLiteral("%1: enc %2 where %3 is expected").arg(where, Alg::name(p.enc), Alg::name(*o.expectedEnc)));
    return {};
}

Result<RecipientPlan> planRecipient(const JweMessage &jwe, int i, const JweDecryptOptions &o)
{
    const QString where = jwe.serialization == JweSerialization::General ? QStringLiteral("recipients[%1]").arg(i)
                                                                         : QStringLiteral("JWE");
    RecipientPlan p;
    p.header = jwe.joseHeader(i);
    auto alg = headerAlg(p.header, where);
    if (!alg)
        return alg.error();
    auto enc = headerEnc(p.header, where);
    if (!enc)
        return enc.error();
    p.alg = alg.value();
    p.enc = enc.value();
    if (auto r = checkExpected(p, o, where); !r)
        return r.error();
    if (auto r = checkZip(p.header, where); !r)
        return r.error();
    if (jwe.protectedHeader.contains(QLatin1String("zip")) != p.header.contains(QLatin1String("zip")))
        return invalid(
            QStringLiteral("%1: \"zip\" must be in the protected header (RFC 7516 section 4.1.3)").arg(where));
    if (auto r = checkCrit(jwe.protectedHeader, p.header, where); !r)
        return r.error();
    const QByteArray &encryptedKey = jwe.recipients.at(i).encryptedKey;
    const bool direct = p.alg == KeyManagement::Dir || p.alg == KeyManagement::ECDH_ES;
    if (direct && !encryptedKey.isEmpty())
        return invalid(
            QStringLiteral("%1: alg %2 takes no encrypted key, but one is given").arg(where, Alg::name(p.alg)));
    if (!direct && encryptedKey.isEmpty())
        return invalid(QStringLiteral("%1: the encrypted key is empty").arg(where));
    switch (Alg::family(p.alg)) {
    case KeyManagementFamily::Ecdh:
        if (auto r = planEcdh(p, where); !r)
            return r.error();
        break;
    case KeyManagementFamily::AesGcmKeyWrap:
        if (auto r = planGcmKw(p, where); !r)
            return r.error();
        break;
    case KeyManagementFamily::Pbes2:
        if (auto r = planPbes2(p, where, o.maxPbes2Iterations); !r)
            return r.error();
        break;
    default:
        break;
    }
    return p;
}

QString curveText(const Key &k)
{
    return crypto::curveName(k.curve());
}

bool isAgreementCurve(const Key &k)
{
    const QString c = curveText(k);
    if (k.type() == KeyType::Ec)
        return c == u"P-256" || c == u"P-384" || c == u"P-521";
    return k.type() == KeyType::Okp && (c == u"X25519" || c == u"X448");
}

/// Whether `key` can serve `alg` / `enc` at all (type, curve, size), whatever the token says.
bool keyServes(const Key &key, KeyManagement alg, std::optional<ContentEncryption> enc)
{
    if (key.isNull())
        return false;
    switch (Alg::family(alg)) {
    case KeyManagementFamily::Rsa:
        return key.type() == KeyType::Rsa;
    case KeyManagementFamily::Ecdh:
        return isAgreementCurve(key);
    case KeyManagementFamily::AesKeyWrap:
    case KeyManagementFamily::AesGcmKeyWrap:
        return key.type() == KeyType::Oct && key.secret().size() == Alg::kekBytes(alg);
    case KeyManagementFamily::Direct:
        return key.type() == KeyType::Oct && (!enc || key.secret().size() == Alg::cekBytes(*enc));
    case KeyManagementFamily::Pbes2:
        return key.type() == KeyType::Oct && !key.secret().isEmpty();
    }
    return false;
}

/// Whether `key` fits the recipient `p` for decryption.
bool keyFits(const Key &key, const RecipientPlan &p)
{
    if (!keyServes(key, p.alg, p.enc))
        return false;
    if (Alg::family(p.alg) == KeyManagementFamily::Rsa)
        return key.isPrivate();
    if (Alg::family(p.alg) == KeyManagementFamily::Ecdh)
        return key.isPrivate() && key.type() == p.epk.type() && key.curve() == p.epk.curve();
    return true;
}

QByteArray pbes2Salt(KeyManagement alg, const QByteArray &p2s)
{
    return Alg::name(alg).toUtf8() + QByteArray(1, '\0') + p2s;
}

int pbes2HashBits(KeyManagement alg)
{
    return alg == KeyManagement::PBES2_HS256_A128KW ? 256 : alg == KeyManagement::PBES2_HS384_A192KW ? 384 : 512;
}

/// The key-agreement output for ECDH-ES (the CEK) or ECDH-ES+AxKW (the KEK).
Result<QByteArray> agreedKey(const Key &priv, const Key &peer, KeyManagement alg, ContentEncryption enc,
    const QByteArray &apu, const QByteArray &apv)
{
    auto z = crypto::ecdhSharedSecret(priv, peer);
    if (!z)
        return z.error();
    if (alg == KeyManagement::ECDH_ES)
        return crypto::concatKdf(z.value(), Alg::cekBytes(enc) * 8, Alg::name(enc).toUtf8(), apu, apv);
    return crypto::concatKdf(z.value(), Alg::kekBytes(alg) * 8, Alg::name(alg).toUtf8(), apu, apv);
}

/// Recovers the CEK for one recipient with one fitting key. Any error here is reported as decryption_failed.
Result<QByteArray> recoverCek(const RecipientPlan &p, const QByteArray &encryptedKey, const Key &key)
{
    switch (Alg::family(p.alg)) {
    case KeyManagementFamily::Rsa:
        return crypto::rsaDecryptKey(p.alg, key, encryptedKey, Alg::cekBytes(p.enc));
    case KeyManagementFamily::AesKeyWrap:
        return crypto::aesKeyUnwrap(key.secret(), encryptedKey);
    case KeyManagementFamily::Direct:
        return key.secret();
    case KeyManagementFamily::AesGcmKeyWrap:
        return crypto::aesGcmKeyUnwrap(key.secret(), p.kwIv, encryptedKey, p.kwTag);
    case KeyManagementFamily::Pbes2: {
        auto kek
            = crypto::pbkdf2(pbes2HashBits(p.alg), key.secret(), pbes2Salt(p.alg, p.p2s), p.p2c, Alg::kekBytes(p.alg));
        if (!kek)
            return kek.error();
        return crypto::aesKeyUnwrap(kek.value(), encryptedKey);
    }
    case KeyManagementFamily::Ecdh: {
        auto agreed = agreedKey(key, p.epk, p.alg, p.enc, p.apu, p.apv);
        if (!agreed || p.alg == KeyManagement::ECDH_ES)
            return agreed;
        return crypto::aesKeyUnwrap(agreed.value(), encryptedKey);
    }
    }
    return invalid(QStringLiteral("unknown key management"));
}

common::Error decryptionFailed()
{
    return err(
        QStringLiteral("decryption_failed"), QStringLiteral("the JWE could not be decrypted with the given key(s)"));
}

bool looksLikeCompactToken(const QByteArray &pt)
{
    const int dots = static_cast<int>(pt.count('.'));
    if (dots != 2 && dots != 4)
        return false;
    for (char c : pt)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return pt.indexOf("..") < 0 || dots == 4;
}

void addFinding(Findings &f, Severity s, const char *code, const char *subject, const QString &message)
{
    f.append(Finding {s, str(code), str(subject), message});
}

} // namespace

common::Findings jweHeaderFindings(const QJsonObject &header, const QJsonObject &protectedHeader, int maxIterations)
{
    Findings f;
    const QString alg = header.value(QLatin1String("alg")).toString();
    const QString enc = header.value(QLatin1String("enc")).toString();
    const auto km = Alg::keyManagementFromName(alg);
    if (!km)
        addFinding(f, Severity::Warning, "unknown_jwe_alg", "alg",
            QStringLiteral("alg \"%1\" is not a JWE key management algorithm this engine knows").arg(alg));
    if (!Alg::contentEncryptionFromName(enc))
        addFinding(f, Severity::Warning, "unknown_jwe_enc", "enc",
            QStringLiteral("enc \"%1\" is not a JWE content encryption this engine knows").arg(enc));
    if (km == KeyManagement::RSA1_5)
        addFinding(f, Severity::Warning, "rsa1_5", "alg",
            QStringLiteral("RSA1_5 (RSAES-PKCS1-v1_5) key encryption is open to Bleichenbacher's padding-oracle "
                           "attack (RFC 8725 section 3.2); use RSA-OAEP-256"));
    if (header.contains(QLatin1String("zip")))
        addFinding(f, Severity::Warning, "zip_deflate", "zip",
            QStringLiteral("the content is compressed before encryption (zip); compression can leak the plaintext's "
                           "content through its length (RFC 8725 section 3.6)"));
    if (km && Alg::family(*km) == KeyManagementFamily::Pbes2) {
        const double p2c = header.value(QLatin1String("p2c")).toDouble(0);
        if (p2c > maxIterations)
            addFinding(f, Severity::Warning, "p2c_too_large", "p2c",
                QStringLiteral("p2c asks for %1 PBKDF2 iterations, more than the %2 this engine allows: decrypting "
                               "would be refused (a denial-of-service vector)")
                    .arg(static_cast<qint64>(p2c))
                    .arg(maxIterations));
        else if (p2c < 1000)
            addFinding(f, Severity::Warning, "pbes2_low_iterations", "p2c",
                QStringLiteral("p2c is %1: fewer than the 1000 PBKDF2 iterations RFC 7518 section 4.8.1.2 asks for")
                    .arg(static_cast<qint64>(p2c)));
    }
    for (const char *name : {"alg", "enc"})
        if (header.contains(QLatin1String(name)) && !protectedHeader.contains(QLatin1String(name)))
            addFinding(f, Severity::Info, "header_unprotected", name,
                QStringLiteral("\"%1\" is outside the integrity-protected header").arg(str(name)));
    return f;
}

Result<JweDecryption> decryptJwe(
    const JweMessage &jwe, const QList<Key> &keys, const QStringList &keyIds, const JweDecryptOptions &options)
{
    if (jwe.recipients.isEmpty())
        return invalid(QStringLiteral("the JWE has no recipient"));
    QList<RecipientPlan> plans;
    for (int i = 0; i < jwe.recipients.size(); ++i) {
        auto p = planRecipient(jwe, i, options);
        if (!p)
            return p.error();
        plans.append(p.value());
    }
    const ContentEncryption enc = plans.first().enc;
    if (jwe.iv.size() != Alg::ivBytes(enc))
        return invalid(QStringLiteral("the IV is %1 bytes; %2 takes %3")
                           .arg(jwe.iv.size())
                           .arg(Alg::name(enc))
                           .arg(Alg::ivBytes(enc)));
    bool anyFit = false;
    const QByteArray aad = jwe.additionalData();
    for (int r = 0; r < plans.size(); ++r) {
        const RecipientPlan &p = plans.at(r);
        const QString kid = p.header.value(QLatin1String("kid")).toString();
        for (int k = 0; k < keys.size(); ++k) {
            if (!keyFits(keys.at(k), p))
                continue;
            if (!kid.isEmpty() && k < keyIds.size() && !keyIds.at(k).isEmpty() && keyIds.at(k) != kid)
                continue;
            anyFit = true;
            auto cek = recoverCek(p, jwe.recipients.at(r).encryptedKey, keys.at(k));
            if (!cek || cek->size() != Alg::cekBytes(p.enc))
                continue;
            auto pt = crypto::decryptContent(p.enc, cek.value(), jwe.iv, aad, jwe.ciphertext, jwe.tag);
            if (!pt)
                continue;
            JweDecryption d;
            d.header = p.header;
            d.recipient = r;
            d.keyIndex = k;
            d.alg = p.alg;
            d.enc = p.enc;
            d.compressed = p.header.contains(QLatin1String("zip"));
            d.plaintext = pt.value();
            if (d.compressed) {
                auto inflated = crypto::inflateRaw(d.plaintext, options.maxDecompressedBytes);
                if (!inflated)
                    return inflated.error();
                d.plaintext = inflated.value();
            }
            d.nestedJwt = p.header.value(QLatin1String("cty")).toString().compare(u"JWT", Qt::CaseInsensitive) == 0
                || looksLikeCompactToken(d.plaintext);
            d.findings = jweHeaderFindings(p.header, jwe.protectedHeader, options.maxPbes2Iterations);
            return d;
        }
    }
    if (!anyFit)
        return err(QStringLiteral("no_fitting_key"),
            QStringLiteral("none of the %1 key(s) fits the JWE's recipient(s) (%2)")
                .arg(keys.size())
                .arg(Alg::name(plans.first().alg)));
    return decryptionFailed();
}

// ---------------------------------------------------------------------------------------------------------------
// Encryption

namespace {

struct Wrapped
{
    QByteArray cek, encryptedKey;
    QJsonObject headerMembers;
};

Result<QByteArray> fixedOrRandom(const QByteArray &fixed, int bytes, const char *what)
{
    if (fixed.isEmpty()) {
        QByteArray random = crypto::randomBytes(bytes);
        if (random.size() != bytes)
            return err(QStringLiteral("random_failed"),
                QStringLiteral("the system random generator gave no %1").arg(str(what)));
        return random;
    }
    if (fixed.size() != bytes)
        return err(QStringLiteral("invalid_options"),
            QStringLiteral("the fixed %1 is %2 bytes, %3 expected").arg(str(what)).arg(fixed.size()).arg(bytes));
    return fixed;
}

Result<void> wrapEcdh(const Key &recipient, const JweEncryptOptions &o, Wrapped &w)
{
    auto eph = o.fixedEphemeralKey ? Result<Key>(*o.fixedEphemeralKey) : crypto::ephemeralKeyFor(recipient);
    if (!eph)
        return eph.error();
    QByteArray apuv[2];
    const char *names[] = {"apu", "apv"};
    for (int i = 0; i < 2; ++i) {
        auto v = headerB64(o.protectedHeader, names[i], false, QStringLiteral("protectedHeader"));
        if (!v)
            return v.error();
        apuv[i] = v.value();
    }
    auto agreed = agreedKey(eph.value(), recipient.publicKey(), o.alg, o.enc, apuv[0], apuv[1]);
    if (!agreed)
        return agreed.error();
    w.headerMembers.insert(QStringLiteral("epk"), keys::Jwk::toJson(eph->publicKey(), false));
    if (o.alg == KeyManagement::ECDH_ES) {
        w.cek = agreed.value();
        return {};
    }
    auto wrapped = crypto::aesKeyWrap(agreed.value(), w.cek);
    if (!wrapped)
        return wrapped.error();
    w.encryptedKey = wrapped.value();
    return {};
}

Result<void> wrapPbes2(const Key &key, const JweEncryptOptions &o, Wrapped &w)
{
    if (o.pbes2Iterations < 1000)
        return err(QStringLiteral("invalid_options"),
            QStringLiteral("PBES2 needs at least 1000 iterations (RFC 7518 section 4.8.1.2); %1 asked")
                .arg(o.pbes2Iterations));
    auto p2s = fixedOrRandom(o.fixedP2s, o.fixedP2s.isEmpty() ? 16 : static_cast<int>(o.fixedP2s.size()), "p2s");
    if (!p2s)
        return p2s.error();
    auto kek = crypto::pbkdf2(
        pbes2HashBits(o.alg), key.secret(), pbes2Salt(o.alg, p2s.value()), o.pbes2Iterations, Alg::kekBytes(o.alg));
    if (!kek)
        return kek.error();
    auto wrapped = crypto::aesKeyWrap(kek.value(), w.cek);
    if (!wrapped)
        return wrapped.error();
    w.encryptedKey = wrapped.value();
    w.headerMembers.insert(QStringLiteral("p2s"), QString::fromLatin1(Base64Url::encode(p2s.value())));
    w.headerMembers.insert(QStringLiteral("p2c"), o.pbes2Iterations);
    return {};
}

Result<void> wrapGcm(const Key &key, const JweEncryptOptions &o, Wrapped &w)
{
    auto iv = fixedOrRandom(o.fixedKeyWrapIv, 12, "key-wrap IV");
    if (!iv)
        return iv.error();
    auto sealed = crypto::aesGcmKeyWrap(key.secret(), iv.value(), w.cek);
    if (!sealed)
        return sealed.error();
    w.encryptedKey = sealed->ciphertext;
    w.headerMembers.insert(QStringLiteral("iv"), QString::fromLatin1(Base64Url::encode(iv.value())));
    w.headerMembers.insert(QStringLiteral("tag"), QString::fromLatin1(Base64Url::encode(sealed->tag)));
    return {};
}

Result<Wrapped> wrapCek(const Key &key, const JweEncryptOptions &o)
{
    Wrapped w;
    const int cekBytes = Alg::cekBytes(o.enc);
    if (o.alg == KeyManagement::Dir) {
        w.cek = key.secret();
        return w;
    }
    if (o.alg != KeyManagement::ECDH_ES) {
        auto cek = fixedOrRandom(o.fixedCek, cekBytes, "CEK");
        if (!cek)
            return cek.error();
        w.cek = cek.value();
    }
    Result<QByteArray> wrapped = QByteArray();
    Result<void> done;
    switch (Alg::family(o.alg)) {
    case KeyManagementFamily::Rsa:
        wrapped = crypto::rsaEncryptKey(o.alg, key.publicKey(), w.cek);
        break;
    case KeyManagementFamily::AesKeyWrap:
        wrapped = crypto::aesKeyWrap(key.secret(), w.cek);
        break;
    case KeyManagementFamily::Ecdh:
        done = wrapEcdh(key, o, w);
        break;
    case KeyManagementFamily::AesGcmKeyWrap:
        done = wrapGcm(key, o, w);
        break;
    case KeyManagementFamily::Pbes2:
        done = wrapPbes2(key, o, w);
        break;
    case KeyManagementFamily::Direct:
        break;
    }
    if (!wrapped)
        return wrapped.error();
    if (!done)
        return done.error();
    if (!wrapped->isEmpty())
        w.encryptedKey = wrapped.value();
    return w;
}

Result<void> checkEncryptOptions(const Key &key, const JweEncryptOptions &o)
{
    if (!Alg::canEncrypt(o.alg))
        return err(QStringLiteral("unsupported_algorithm"),
            QStringLiteral("%1 is not offered for encryption (Bleichenbacher; RFC 8725 section 3.2)")
                .arg(Alg::name(o.alg)));
    for (const char *name : {"alg", "enc", "zip", "epk", "iv", "tag", "p2s", "p2c"})
        if (o.protectedHeader.contains(QLatin1String(name)))
            return err(QStringLiteral("invalid_options"),
                QStringLiteral("the header member \"%1\" is set by the engine and may not be given").arg(str(name)));
    if (!keyServes(key, o.alg, o.enc))
        return err(QStringLiteral("invalid_key"),
            QStringLiteral("a %1 key cannot serve %2 with %3")
                .arg(key.isNull() ? QStringLiteral("null") : key.description(), Alg::name(o.alg), Alg::name(o.enc)));
    if (!o.aad.isEmpty() && o.serialization == JweSerialization::Compact)
        return err(QStringLiteral("invalid_options"),
            QStringLiteral("additional authenticated data (aad) needs a JSON serialization"));
    return {};
}

QByteArray serialize(const JweMessage &m, const JweSerialization s)
{
    const auto b = [](const QByteArray &v) { return QString::fromLatin1(Base64Url::encode(v)); };
    if (s == JweSerialization::Compact)
        return m.protectedRaw + '.' + Base64Url::encode(m.recipients.first().encryptedKey) + '.'
            + Base64Url::encode(m.iv) + '.' + Base64Url::encode(m.ciphertext) + '.' + Base64Url::encode(m.tag);
    QJsonObject o {{QStringLiteral("protected"), QString::fromLatin1(m.protectedRaw)}, {QStringLiteral("iv"), b(m.iv)},
        {QStringLiteral("ciphertext"), b(m.ciphertext)}, {QStringLiteral("tag"), b(m.tag)}};
    if (!m.aadRaw.isEmpty())
        o.insert(QStringLiteral("aad"), QString::fromLatin1(m.aadRaw));
    QJsonObject recipient;
    if (!m.recipients.first().encryptedKey.isEmpty())
        recipient.insert(QStringLiteral("encrypted_key"), b(m.recipients.first().encryptedKey));
    if (s == JweSerialization::General)
        o.insert(QStringLiteral("recipients"), QJsonArray {recipient});
    else
        for (auto it = recipient.begin(); it != recipient.end(); ++it)
            o.insert(it.key(), it.value());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// The protected header's base64url: fixedProtectedRaw (tests) when it decodes to the same members, else the
/// compact JSON of `header`.
Result<QByteArray> protectedRawFor(const QJsonObject &header, const QByteArray &fixed)
{
    if (fixed.isEmpty())
        return Base64Url::encode(QJsonDocument(header).toJson(QJsonDocument::Compact));
    auto given = decodeProtected(fixed, -1);
    if (!given)
        return given.error();
    if (given.value() != header)
        return err(QStringLiteral("invalid_options"),
            QStringLiteral("the fixed protected header differs from the one the engine builds"));
    return fixed;
}

} // namespace

Result<QByteArray> encryptJwe(const QByteArray &plaintext, const Key &recipientKey, const JweEncryptOptions &options)
{
    if (auto c = checkEncryptOptions(recipientKey, options); !c)
        return c.error();
    auto w = wrapCek(recipientKey, options);
    if (!w)
        return w.error();
    QJsonObject header = options.protectedHeader;
    header.insert(QStringLiteral("alg"), Alg::name(options.alg));
    header.insert(QStringLiteral("enc"), Alg::name(options.enc));
    if (options.compress)
        header.insert(QStringLiteral("zip"), QStringLiteral("DEF"));
    for (auto it = w->headerMembers.begin(); it != w->headerMembers.end(); ++it)
        header.insert(it.key(), it.value());
    JweMessage m;
    auto raw = protectedRawFor(header, options.fixedProtectedRaw);
    if (!raw)
        return raw.error();
    m.protectedRaw = raw.value();
    m.protectedHeader = header;
    m.recipients.append(JweRecipient {{}, w->encryptedKey});
    if (!options.aad.isEmpty())
        m.aadRaw = Base64Url::encode(options.aad);
    auto iv = fixedOrRandom(options.fixedIv, Alg::ivBytes(options.enc), "IV");
    if (!iv)
        return iv.error();
    m.iv = iv.value();
    const QByteArray content = options.compress ? crypto::deflateRaw(plaintext) : plaintext;
    auto sealed = crypto::encryptContent(options.enc, w->cek, m.iv, m.additionalData(), content);
    if (!sealed)
        return sealed.error();
    m.ciphertext = sealed->ciphertext;
    m.tag = sealed->tag;
    return serialize(m, options.serialization);
}

QList<KeyManagement> keyManagementFor(const Key &key)
{
    QList<KeyManagement> out;
    for (const KeyManagement alg : Alg::allKeyManagement()) {
        if (!Alg::canEncrypt(alg))
            continue;
        if (alg == KeyManagement::Dir) {
            bool any = false;
            for (const ContentEncryption enc : Alg::allContentEncryption())
                any = any || keyServes(key, alg, enc);
            if (any)
                out.append(alg);
        } else if (keyServes(key, alg, std::nullopt)) {
            out.append(alg);
        }
    }
    return out;
}

} // namespace jwb::jose
