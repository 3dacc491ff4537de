#include "keys/Jwk.h"

#include "jose/Base64Url.h"
#include "keys/Thumbprint.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>

namespace jwb::keys {

using common::Finding;
using common::Result;
using common::Severity;
using crypto::Algorithm;
using crypto::Curve;
using crypto::KeyType;

namespace {

Result<Jwk> fail(const char *code, const QString &message)
{
    return Result<Jwk>::failure(QString::fromLatin1(code), message);
}

/// Reads a base64url member. Strict base64url is expected; padding or the standard alphabet is tolerated
/// (many JWKs in the wild have it) but reported.
Result<QByteArray> member(const QJsonObject &o, const char *name, bool required, Jwk &jwk)
{
    const QString key = QString::fromLatin1(name);
    const QJsonValue v = o.value(key);
    if (v.isUndefined()) {
        if (required)
            return Result<QByteArray>::failure(
                QStringLiteral("invalid_jwk"), QStringLiteral("JWK member \"%1\" is missing").arg(key));
        return QByteArray();
    }
    if (!v.isString())
        return Result<QByteArray>::failure(
            QStringLiteral("invalid_jwk"), QStringLiteral("JWK member \"%1\" must be a base64url string").arg(key));
    const QByteArray text = v.toString().toLatin1();
    auto strict = jose::Base64Url::decode(text);
    if (strict)
        return strict;
    auto lenient = jose::Base64Url::decodeLenient(text);
    if (!lenient)
        return Result<QByteArray>::failure(
            QStringLiteral("invalid_jwk"), QStringLiteral("JWK member \"%1\": %2").arg(key, strict.error().message));
    jwk.findings.append(Finding {Severity::Warning, QStringLiteral("jwk_lenient_base64"), key,
        QStringLiteral("\"%1\" is not strict base64url (%2); accepted, but some verifiers "
                       "will refuse it")
            .arg(key, strict.error().message)});
    return lenient;
}

QByteArray stripLeadingZeros(QByteArray v)
{
    qsizetype i = 0;
    while (i + 1 < v.size() && v[i] == '\0')
        ++i;
    return v.mid(i);
}

} // namespace

bool isRocaVulnerable(const QByteArray &modulus)
{
    // Primes and generator from the ROCA paper's fingerprinting method (Nemec et al., CCS 2017).
    static const int primes[] = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83,
        89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167};
    if (modulus.size() < 64)
        return false;
    for (int p : primes) {
        quint32 r = 0;
        for (char byte : modulus)
            r = (r * 256 + static_cast<unsigned char>(byte)) % static_cast<quint32>(p);
        QSet<quint32> subgroup;
        quint32 g = 1;
        do {
            subgroup.insert(g);
            g = (g * (65537 % static_cast<quint32>(p))) % static_cast<quint32>(p);
        } while (g != 1);
        if (!subgroup.contains(r))
            return false;
    }
    return true;
}

Result<Jwk> Jwk::fromJson(const QJsonObject &o)
{
    Jwk jwk;
    jwk.json = o;
    const QJsonValue ktyValue = o.value(QLatin1String("kty"));
    if (!ktyValue.isString())
        return fail("invalid_jwk",
            ktyValue.isUndefined() ? QStringLiteral("JWK has no \"kty\"")
                                   : QStringLiteral("JWK \"kty\" must be a string"));
    const QString kty = ktyValue.toString();
    for (const char *name : {"kid", "use", "alg"}) {
        const QJsonValue v = o.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isString())
            return fail("invalid_jwk", QStringLiteral("JWK member \"%1\" must be a string").arg(QLatin1String(name)));
    }
    jwk.kid = o.value(QLatin1String("kid")).toString();
    jwk.use = o.value(QLatin1String("use")).toString();
    jwk.alg = o.value(QLatin1String("alg")).toString();
    if (o.contains(QLatin1String("key_ops"))) {
        jwk.hasKeyOps = true;
        const QJsonValue ops = o.value(QLatin1String("key_ops"));
        if (!ops.isArray())
            return fail("invalid_jwk", QStringLiteral("JWK \"key_ops\" must be an array of strings"));
        const QJsonArray opsArray = ops.toArray();
        for (const auto &op : opsArray)
            jwk.keyOps.append(op.toString());
    }

    Result<crypto::Key> key = Result<crypto::Key>::failure(QStringLiteral("invalid_jwk"), QString());
    if (kty == u"RSA") {
        crypto::RsaComponents c;
        struct M
        {
            const char *name;
            QByteArray *dst;
            bool required;
        };
        for (const M &m : {M {"n", &c.n, true}, M {"e", &c.e, true}, M {"d", &c.d, false}, M {"p", &c.p, false},
                 M {"q", &c.q, false}, M {"dp", &c.dp, false}, M {"dq", &c.dq, false}, M {"qi", &c.qi, false}}) {
            auto v = member(o, m.name, m.required, jwk);
            if (!v)
                return v.error();
            *m.dst = v.value();
        }
        if (o.contains(QLatin1String("oth")))
            return fail("unsupported_jwk", QStringLiteral("multi-prime RSA keys (\"oth\") are not supported"));
        key = crypto::Key::fromRsa(c);
        if (key && isRocaVulnerable(stripLeadingZeros(c.n)))
            return fail("weak_key",
                QStringLiteral("the RSA modulus has the ROCA fingerprint (CVE-2017-15361): the "
                               "private key can be recovered; refusing it"));
    } else if (kty == u"EC" || kty == u"OKP") {
        const QJsonValue crvValue = o.value(QLatin1String("crv"));
        if (!crvValue.isString())
            return fail("invalid_jwk", QStringLiteral("%1 JWK needs a \"crv\" string").arg(kty));
        const QString crv = crvValue.toString();
        const auto curve = crypto::curveFromName(crv);
        const bool okpCurve = curve == Curve::Ed25519;
        if (!curve || (kty == u"EC") == okpCurve) {
            if (crv == u"secp256k1")
                return fail("unsupported_curve",
                    QStringLiteral("curve secp256k1 (ES256K) is not supported: KrakenD "
                                   "accepts P-256, P-384, P-521 and Ed25519"));
            if (crv == u"Ed448" || crv == u"X25519" || crv == u"X448")
                return fail("unsupported_curve",
                    QStringLiteral("OKP curve %1 is not supported: only Ed25519 signs JWS "
                                   "here")
                        .arg(crv));
            return fail("unsupported_curve", QStringLiteral("curve \"%1\" is not valid for kty %2").arg(crv, kty));
        }
        auto x = member(o, "x", true, jwk);
        if (!x)
            return x.error();
        auto d = member(o, "d", false, jwk);
        if (!d)
            return d.error();
        if (kty == u"EC") {
            auto y = member(o, "y", true, jwk);
            if (!y)
                return y.error();
            key = crypto::Key::fromEc({*curve, x.value(), y.value(), d.value()});
        } else {
            key = crypto::Key::fromOkp({*curve, x.value(), d.value()});
        }
    } else if (kty == u"oct") {
        auto k = member(o, "k", true, jwk);
        if (!k)
            return k.error();
        if (k->isEmpty())
            return fail("invalid_jwk", QStringLiteral("oct JWK has an empty \"k\""));
        key = crypto::Key::fromSecret(k.value());
    } else {
        return fail(
            "unsupported_jwk", QStringLiteral("unknown JWK key type \"%1\" (expected RSA, EC, OKP or oct)").arg(kty));
    }
    if (!key)
        return key.error();
    jwk.key = key.value();

    // alg must name an algorithm this key can serve.
    if (!jwk.alg.isEmpty()) {
        const auto a = crypto::Algorithms::fromName(jwk.alg);
        if (a && !crypto::Algorithms::forKey(jwk.key.type(), jwk.key.curve()).contains(*a))
            return fail("alg_key_mismatch",
                QStringLiteral("JWK alg %1 does not fit its %2 key").arg(jwk.alg, jwk.key.description()));
        if (!a)
            jwk.findings.append(Finding {Severity::Warning, QStringLiteral("jwk_alg_not_jws"), QStringLiteral("alg"),
                QStringLiteral("alg \"%1\" is not a JWS signature algorithm: this key cannot "
                               "verify tokens")
                    .arg(jwk.alg)});
    }

    // x5c: standard base64 DER; the first certificate's key must be this key.
    if (o.contains(QLatin1String("x5c"))) {
        const QJsonArray chain = o.value(QLatin1String("x5c")).toArray();
        for (int i = 0; i < chain.size(); ++i) {
            const QByteArray der = QByteArray::fromBase64(chain[i].toString().toLatin1());
            if (der.isEmpty())
                return fail("invalid_jwk", QStringLiteral("x5c[%1] is not base64 DER").arg(i));
            jwk.x5c.append(der);
        }
        if (!jwk.x5c.isEmpty()) {
            auto certKey = crypto::Key::fromDer(jwk.x5c.first());
            if (!certKey || !certKey->hasCertificate())
                return fail("invalid_jwk",
                    QStringLiteral("x5c[0] is not an X.509 certificate: %1")
                        .arg(certKey ? QString() : certKey.error().message));
            if (!certKey->samePublicKey(jwk.key.publicKey()))
                return fail(
                    "x5c_key_mismatch", QStringLiteral("the certificate in x5c[0] holds a different key than the JWK"));
        }
    }
    for (const char *name : {"x5t", "x5t#S256"}) {
        if (!o.contains(QLatin1String(name)))
            continue;
        auto v = member(o, name, false, jwk);
        if (!v)
            return v.error();
        QByteArray raw = v.value();
        const int want = qstrcmp(name, "x5t") == 0 ? 20 : 32;
        // Some issuers put the hex string in base64url; go-jose accepts that, so do we.
        if (raw.size() == want * 2 && QByteArray::fromHex(raw).size() == want)
            raw = QByteArray::fromHex(raw);
        if (raw.size() != want)
            return fail("invalid_jwk",
                QStringLiteral("%1 must be %2 bytes, has %3").arg(QLatin1String(name)).arg(want).arg(raw.size()));
        (qstrcmp(name, "x5t") == 0 ? jwk.x5t : jwk.x5tS256) = raw;
        if (!jwk.x5c.isEmpty()) {
            const auto algo = want == 20 ? QCryptographicHash::Sha1 : QCryptographicHash::Sha256;
            if (QCryptographicHash::hash(jwk.x5c.first(), algo) != raw)
                jwk.findings.append(Finding {Severity::Warning, QStringLiteral("x5t_mismatch"), QLatin1String(name),
                    QStringLiteral("%1 does not match the certificate in x5c[0]").arg(QLatin1String(name))});
        }
    }

    if (jwk.key.type() == KeyType::Rsa && jwk.key.bits() < 2048)
        jwk.findings.append(Finding {Severity::Warning, QStringLiteral("weak_rsa_key"), QStringLiteral("n"),
            QStringLiteral("RSA key of %1 bits: 2048 or more is required by RFC 7518 §3.3").arg(jwk.key.bits())});
    return jwk;
}

QJsonObject Jwk::toJson(const crypto::Key &key, bool includePrivate)
{
    auto b = [](const QByteArray &v) { return QString::fromLatin1(jose::Base64Url::encode(v)); };
    QJsonObject o;
    o.insert(QStringLiteral("kty"), crypto::keyTypeName(key.type()));
    switch (key.type()) {
    case KeyType::Rsa: {
        const auto c = key.rsa();
        o.insert(QStringLiteral("n"), b(c.n));
        o.insert(QStringLiteral("e"), b(c.e));
        if (includePrivate && key.isPrivate()) {
            o.insert(QStringLiteral("d"), b(c.d));
            if (!c.p.isEmpty()) {
                o.insert(QStringLiteral("p"), b(c.p));
                o.insert(QStringLiteral("q"), b(c.q));
                o.insert(QStringLiteral("dp"), b(c.dp));
                o.insert(QStringLiteral("dq"), b(c.dq));
                o.insert(QStringLiteral("qi"), b(c.qi));
            }
        }
        break;
    }
    case KeyType::Ec: {
        const auto c = key.ec();
        o.insert(QStringLiteral("crv"), crypto::curveName(c.curve));
        o.insert(QStringLiteral("x"), b(c.x));
        o.insert(QStringLiteral("y"), b(c.y));
        if (includePrivate && key.isPrivate())
            o.insert(QStringLiteral("d"), b(c.d));
        break;
    }
    case KeyType::Okp: {
        const auto c = key.okp();
        o.insert(QStringLiteral("crv"), crypto::curveName(c.curve));
        o.insert(QStringLiteral("x"), b(c.x));
        if (includePrivate && key.isPrivate())
            o.insert(QStringLiteral("d"), b(c.d));
        break;
    }
    case KeyType::Oct:
        o.insert(QStringLiteral("k"), b(key.secret()));
        break;
    }
    return o;
}

Jwk Jwk::fromKey(const crypto::Key &key, const QString &kid, const QString &alg, const QString &use)
{
    Jwk jwk;
    jwk.key = key;
    jwk.kid = kid;
    jwk.alg = alg;
    jwk.use = use;
    jwk.json = toJson(key, true);
    if (!kid.isEmpty())
        jwk.json.insert(QStringLiteral("kid"), kid);
    if (!alg.isEmpty())
        jwk.json.insert(QStringLiteral("alg"), alg);
    if (!use.isEmpty())
        jwk.json.insert(QStringLiteral("use"), use);
    if (key.hasCertificate()) {
        const QByteArray der = key.certificate().der;
        jwk.x5c = {der};
        jwk.x5t = QCryptographicHash::hash(der, QCryptographicHash::Sha1);
        jwk.x5tS256 = QCryptographicHash::hash(der, QCryptographicHash::Sha256);
        jwk.json.insert(QStringLiteral("x5c"), QJsonArray {QString::fromLatin1(der.toBase64())});
        jwk.json.insert(QStringLiteral("x5t"), QString::fromLatin1(jose::Base64Url::encode(jwk.x5t)));
        jwk.json.insert(QStringLiteral("x5t#S256"), QString::fromLatin1(jose::Base64Url::encode(jwk.x5tS256)));
    }
    return jwk;
}

QJsonObject Jwk::publicJson() const
{
    QJsonObject o = json;
    if (key.type() == KeyType::Oct)
        return o;
    for (const char *priv : {"d", "p", "q", "dp", "dq", "qi", "oth"})
        o.remove(QLatin1String(priv));
    if (hasKeyOps) {
        QJsonArray ops;
        for (const auto &op : keyOps)
            if (op == u"verify" || op == u"encrypt" || op == u"wrapKey")
                ops.append(op);
        o.insert(QStringLiteral("key_ops"), ops);
    }
    return o;
}

std::optional<Algorithm> Jwk::algorithm() const
{
    return crypto::Algorithms::fromName(alg);
}

QList<Algorithm> Jwk::allowedAlgorithms() const
{
    if (!alg.isEmpty()) {
        const auto a = algorithm();
        return a ? QList<Algorithm> {*a} : QList<Algorithm> {};
    }
    return crypto::Algorithms::forKey(key.type(), key.curve());
}

bool Jwk::allowsVerify() const
{
    if (!use.isEmpty() && use != u"sig")
        return false;
    return !hasKeyOps || keyOps.contains(QStringLiteral("verify"));
}

bool Jwk::allowsSign() const
{
    if (!use.isEmpty() && use != u"sig")
        return false;
    return !hasKeyOps || keyOps.contains(QStringLiteral("sign"));
}

QString Jwk::thumbprint() const
{
    return Thumbprint::base64Url(key);
}

} // namespace jwb::keys
