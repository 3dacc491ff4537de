#include "krakend/go/GoJose.h"

#include "common/JsonText.h"
#include "crypto/Key.h"
#include "jose/Base64Url.h"
#include "krakend/go/GoJson.h"
#include "krakend/go/GoStruct.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QStringList>

namespace jwb::krakend::GoJose {

using common::Result;

std::optional<QByteArray> base64(QByteArrayView text, QString *error)
{
    qsizetype n = text.size();
    while (n > 0 && text[n - 1] == '=')
        --n;
    return GoStruct::base64(text.first(n), true, false, error);
}

namespace {

Result<Key> keyError(const QString &message)
{
    return Result<Key>::failure(QStringLiteral("invalid_jwk"), message);
}

} // namespace

Result<Key> parseJwk(const QJsonValue &value)
{
    if (!value.isObject())
        return keyError(value.isNull() ? QStringLiteral("go-jose/go-jose: unknown json web key type ''")
                                       : QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                                        "jose.rawJSONWebKey")
                                             .arg(GoJson::kindOf(value)));
    const QJsonObject in = value.toObject();
    QJsonObject o;
    for (auto it = in.begin(); it != in.end(); ++it)
        if (!it.value().isNull())
            o.insert(it.key(), it.value());

    for (const char *name : {"kty", "kid", "use", "alg", "crv", "x5u", "x5t", "x5t#S256"}) {
        const QJsonValue v = o.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isString())
            return keyError(QStringLiteral("json: cannot unmarshal %1 into Go struct field rawJSONWebKey.%2 of type "
                                           "string")
                                .arg(GoJson::kindOf(v), QLatin1String(name)));
    }
    for (const char *name : {"n", "e", "d", "p", "q", "dp", "dq", "qi", "x", "y", "k", "x5t", "x5t#S256"}) {
        const QString key = QLatin1String(name);
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            continue;
        if (!v.isString())
            return keyError(QStringLiteral("json: cannot unmarshal %1 into Go struct field rawJSONWebKey.%2 of type "
                                           "string")
                                .arg(GoJson::kindOf(v), key));
        QString error;
        const auto bytes = base64(v.toString().toUtf8(), &error);
        if (!bytes)
            return keyError(QStringLiteral("%1 (JWK member \"%2\")").arg(error, key));
        if (v.toString().isEmpty()) {
            o.remove(key); // go-jose leaves an empty buffer as if absent
            continue;
        }
        o.insert(key, QString::fromLatin1(jose::Base64Url::encode(*bytes)));
    }
    if (o.contains(QLatin1String("x5c"))) {
        const QJsonValue v = o.value(QLatin1String("x5c"));
        if (!v.isArray())
            return keyError(QStringLiteral("json: cannot unmarshal %1 into Go struct field rawJSONWebKey.x5c of type "
                                           "[]string")
                                .arg(GoJson::kindOf(v)));
        const QJsonArray chain = v.toArray();
        for (const auto &c : chain) {
            QString error;
            if (!c.isString())
                return keyError(QStringLiteral("json: cannot unmarshal %1 into Go struct field rawJSONWebKey.x5c of "
                                               "type string")
                                    .arg(GoJson::kindOf(c)));
            if (!GoStruct::base64(c.toString().toUtf8(), false, true, &error))
                return keyError(QStringLiteral("failed to unmarshal x5c field: %1").arg(error));
        }
    }

    const QString kty = o.value(QLatin1String("kty")).toString();
    const bool hasCerts = !o.value(QLatin1String("x5c")).toArray().isEmpty();
    if (kty == u"RSA" && o.contains(QLatin1String("d"))) {
        QStringList missing;
        for (const char *m : {"n", "e", "d", "p", "q"})
            if (!o.contains(QLatin1String(m)))
                missing << QString::fromLatin1(m).toUpper();
        if (!missing.isEmpty())
            return keyError(QStringLiteral("go-jose/go-jose: invalid RSA private key, missing %1 value(s)")
                                .arg(missing.join(QStringLiteral(", "))));
    } else if (kty == u"oct") {
        if (hasCerts)
            return keyError(
                QStringLiteral("go-jose/go-jose: invalid JWK, found 'oct' (symmetric) key with cert chain"));
        if (!o.contains(QLatin1String("k")))
            return keyError(QStringLiteral("go-jose/go-jose: invalid OCT (symmetric) key, missing k value"));
    } else if (kty == u"OKP") {
        const QString crv = o.value(QLatin1String("crv")).toString();
        if (crv != u"Ed25519" || !o.contains(QLatin1String("x")))
            return keyError(QStringLiteral("go-jose/go-jose: unknown curve %1'").arg(crv));
    } else if (kty == u"EC") {
        // go-jose knows the NIST curves only (jwk.go ecPublicKey/ecPrivateKey): secp256k1 (ES256K) fails the set.
        const QString crv = o.value(QLatin1String("crv")).toString();
        if (crv != u"P-256" && crv != u"P-384" && crv != u"P-521")
            return keyError(QStringLiteral("go-jose/go-jose: unsupported elliptic curve '%1'").arg(crv));
    } else if (kty != u"RSA") {
        return keyError(QStringLiteral("go-jose/go-jose: unknown json web key type '%1'").arg(kty));
    }

    // The project's JWK parser checks the same key material; go-jose ignores these members.
    for (const char *ignored : {"alg", "use", "key_ops", "oth"})
        o.remove(QLatin1String(ignored));
    auto jwk = keys::Jwk::fromJson(o);
    if (!jwk)
        return keyError(jwk.error().message);
    for (const auto &f : jwk->findings)
        if (f.code == u"x5t_mismatch")
            return keyError(QStringLiteral("go-jose/go-jose: invalid JWK, x5c thumbprint does not match x5t value"));
    Key key;
    key.jwk = jwk.value();
    key.jwk.json = in; // show what was given
    key.privateMembers = key.jwk.key.type() != crypto::KeyType::Oct && key.jwk.key.isPrivate();
    return key;
}

namespace {

Result<QList<Key>> parseJwksUncached(const QByteArray &body)
{
    auto fail = [](const QString &m) { return Result<QList<Key>>::failure(QStringLiteral("invalid_jwks"), m); };
    const GoJson::Scan scan = GoJson::scan(body);
    if (!scan.ok)
        return fail(scan.error);
    const QJsonDocument doc = scan.document();
    if (scan.topLevelNull)
        return QList<Key>();
    if (!doc.isObject())
        return fail(QStringLiteral("json: cannot unmarshal %1 into Go value of type jose.JSONWebKeySet")
                        .arg(doc.isArray() ? QStringLiteral("array") : QStringLiteral("value")));
    const QJsonObject root = doc.object();
    // encoding/json matches "keys" case-insensitively, preferring the exact name.
    QJsonValue keysValue = root.value(QLatin1String("keys"));
    if (keysValue.isUndefined())
        for (auto it = root.begin(); it != root.end(); ++it)
            if (it.key().compare(QLatin1String("keys"), Qt::CaseInsensitive) == 0)
                keysValue = it.value();
    if (keysValue.isUndefined() || keysValue.isNull())
        return QList<Key>();
    if (!keysValue.isArray())
        return fail(QStringLiteral("json: cannot unmarshal %1 into Go struct field JSONWebKeySet.keys of type "
                                   "[]jose.JSONWebKey")
                        .arg(GoJson::kindOf(keysValue)));
    QList<Key> out;
    const QJsonArray array = keysValue.toArray();
    for (int i = 0; i < array.size(); ++i) {
        auto key = parseJwk(array.at(i));
        if (!key)
            return fail(QStringLiteral("%1 (keys[%2])").arg(key.error().message).arg(i));
        out.append(key.value());
    }
    return out;
}

} // namespace

Result<QList<Key>> parseJwks(const QByteArray &body)
{
    static QMutex mutex;
    static QHash<QByteArray, Result<QList<Key>>> cache;
    // The same bytes again (one shared QByteArray: the simulator's startup file cache, a replacement set) are
    // found without hashing them: while `last` holds the array, its data cannot be freed and reused.
    static QByteArray last;
    static QByteArray lastDigest;
    {
        QMutexLocker lock(&mutex);
        if (!last.isNull() && body.constData() == last.constData() && body.size() == last.size())
            if (const auto it = cache.constFind(lastDigest); it != cache.constEnd())
                return it.value();
    }
    const QByteArray digest = QCryptographicHash::hash(body, QCryptographicHash::Sha256);
    {
        QMutexLocker lock(&mutex);
        if (const auto it = cache.constFind(digest); it != cache.constEnd()) {
            last = body;
            lastDigest = digest;
            return it.value();
        }
    }
    Result<QList<Key>> parsed = parseJwksUncached(body);
    QMutexLocker lock(&mutex);
    if (cache.size() >= 32)
        cache.clear();
    cache.insert(digest, parsed);
    last = body;
    lastDigest = digest;
    return parsed;
}

namespace {

Result<Jws> jwsError(const QString &message)
{
    return Result<Jws>::failure(QStringLiteral("parse"), message);
}

/// rawHeader: a JSON object (or null) with no duplicate member and no number Go cannot hold.
Result<QJsonObject> decodeRawHeader(const QByteArray &bytes)
{
    auto fail = [](const QString &m) { return Result<QJsonObject>::failure(QStringLiteral("parse"), m); };
    const GoJson::Scan scan = GoJson::scan(bytes);
    if (!scan.ok)
        return fail(scan.error);
    if (scan.topLevelNull)
        return QJsonObject();
    if (scan.topLevelKind != '{')
        return fail(QStringLiteral("json: cannot unmarshal %1 into Go value of type jose.rawHeader")
                        .arg(scan.topLevelKindName()));
    if (const QStringList dups = common::JsonText::duplicateKeys(scan.sanitized); !dups.isEmpty())
        return fail(QStringLiteral("duplicate key \"%1\" in the JOSE header (go-jose's JSON decoder rejects "
                                   "duplicate keys)")
                        .arg(dups.first()));
    if (scan.overflow)
        return fail(QStringLiteral("failed to unmarshal value: json: cannot unmarshal number %1 into Go value of type "
                                   "float64")
                        .arg(scan.overflowLiteral));
    return scan.document().object();
}

/// rawHeader.sanitized(): kid, alg and nonce must be strings, x5c a chain of certificates, jwk a valid public key.
Result<void> sanitizeHeader(const QJsonObject &header)
{
    auto fail = [](const QString &m) { return Result<void>::failure(QStringLiteral("parse"), m); };
    for (auto it = header.begin(); it != header.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isNull())
            continue;
        const QString &k = it.key();
        if (k == u"kid" || k == u"alg" || k == u"nonce") {
            if (!v.isString())
                return fail(QStringLiteral("failed to unmarshal %1: json: cannot unmarshal %2 into Go value of type "
                                           "string")
                                .arg(k == u"kid"      ? QStringLiteral("key ID")
                                        : k == u"alg" ? QStringLiteral("algorithm")
                                                      : QStringLiteral("nonce"),
                                    GoJson::kindOf(v)));
        } else if (k == u"x5c") {
            if (!v.isArray())
                return fail(QStringLiteral("failed to unmarshal x5c header: json: cannot unmarshal %1 into Go value "
                                           "of type []string")
                                .arg(GoJson::kindOf(v)));
            const QJsonArray chain = v.toArray();
            for (const auto &c : chain) {
                if (!c.isString())
                    return fail(QStringLiteral("failed to unmarshal x5c header: json: cannot unmarshal %1 into Go "
                                               "value of type string")
                                    .arg(GoJson::kindOf(c)));
                QString error;
                const auto der = GoStruct::base64(c.toString().toUtf8(), false, true, &error);
                if (!der)
                    return fail(QStringLiteral("failed to unmarshal x5c header: %1").arg(error));
                auto cert = crypto::Key::fromDer(*der);
                if (!cert || !cert->hasCertificate())
                    return fail(QStringLiteral("failed to unmarshal x5c header: x509: malformed certificate"));
            }
        } else if (k == u"jwk") {
            auto key = parseJwk(v);
            if (!key)
                return fail(QStringLiteral("failed to unmarshal JWK: %1").arg(key.error().message));
            if (key->jwk.key.type() == crypto::KeyType::Oct || key->jwk.key.isPrivate())
                return fail(QStringLiteral("go-jose/go-jose: invalid embedded jwk, must be public key"));
        }
    }
    return {};
}

/// rawHeader.merge: members of `src` fill those `dst` does not set (an empty string counts as unset).
void mergeHeader(QJsonObject &dst, const QJsonObject &src)
{
    for (auto it = src.begin(); it != src.end(); ++it) {
        const QJsonValue d = dst.value(it.key());
        const bool isSet = !d.isUndefined() && !d.isNull() && !(d.isString() && d.toString().isEmpty());
        if (!isSet)
            dst.insert(it.key(), it.value());
    }
}

/// One signature of the JSON serialization: {"protected": ..., "header": {...}, "signature": ...}.
struct JsonSignature
{
    bool hasProtected = false;
    QByteArray protectedBytes;
    QJsonObject protectedHeader;
    QJsonObject header;
    bool hasHeader = false;
    QByteArray signature;
};

Result<QByteArray> byteBuffer(const QJsonObject &o, const char *name, bool *present)
{
    const QJsonValue v = o.value(QLatin1String(name));
    *present = !v.isUndefined() && !v.isNull();
    if (!*present)
        return QByteArray();
    if (!v.isString())
        return Result<QByteArray>::failure(QStringLiteral("parse"),
            QStringLiteral("json: cannot unmarshal %1 into Go value of type string").arg(GoJson::kindOf(v)));
    QString error;
    const auto bytes = base64(v.toString().toUtf8(), &error);
    if (!bytes)
        return Result<QByteArray>::failure(QStringLiteral("parse"), error);
    return *bytes;
}

Result<JsonSignature> jsonSignature(const QJsonObject &o)
{
    JsonSignature s;
    auto protectedBytes = byteBuffer(o, "protected", &s.hasProtected);
    if (!protectedBytes)
        return protectedBytes.error();
    s.protectedBytes = protectedBytes.value();
    if (s.hasProtected && !s.protectedBytes.isEmpty()) {
        auto h = decodeRawHeader(s.protectedBytes);
        if (!h)
            return h.error();
        s.protectedHeader = h.value();
    }
    const QJsonValue header = o.value(QLatin1String("header"));
    if (!header.isUndefined() && !header.isNull()) {
        if (!header.isObject())
            return Result<JsonSignature>::failure(QStringLiteral("parse"),
                QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                               "jose.rawHeader")
                    .arg(GoJson::kindOf(header)));
        s.header = header.toObject();
        s.hasHeader = true;
        const QJsonValue nonce = s.header.value(QLatin1String("nonce"));
        if (nonce.isString() && !nonce.toString().isEmpty())
            return Result<JsonSignature>::failure(QStringLiteral("parse"),
                QStringLiteral("go-jose/go-jose: Nonce parameter included in "
                               "unprotected header"));
    }
    bool present = false;
    auto sig = byteBuffer(o, "signature", &present);
    if (!sig)
        return sig.error();
    s.signature = sig.value();
    return s;
}

/// The JSON serialization: flattened, or general with "signatures" (the first one is the header's).
Result<Jws> parseJsonSerialization(const QByteArray &text)
{
    Jws jws;
    jws.json = true;
    const GoJson::Scan scan = GoJson::scan(text);
    if (!scan.ok)
        return jwsError(scan.error);
    if (const QStringList dups = common::JsonText::duplicateKeys(scan.sanitized); !dups.isEmpty())
        return jwsError(QStringLiteral("duplicate key \"%1\" in the JWS JSON serialization").arg(dups.first()));
    const QJsonObject root = scan.document().object();
    bool hasPayload = false;
    auto payload = byteBuffer(root, "payload", &hasPayload);
    if (!payload)
        return jwsError(payload.error().message);
    const QJsonValue signatures = root.value(QLatin1String("signatures"));
    if (!signatures.isUndefined() && !signatures.isNull() && !signatures.isArray())
        return jwsError(QStringLiteral("json: cannot unmarshal %1 into Go struct field "
                                       "rawJSONWebSignature.signatures of type []jose.rawSignatureInfo")
                            .arg(GoJson::kindOf(signatures)));
    QList<JsonSignature> sigs;
    const QJsonArray sigArray = signatures.toArray();
    for (const auto &s : sigArray) {
        if (!s.isObject() && !s.isNull())
            return jwsError(QStringLiteral("json: cannot unmarshal %1 into Go value of type jose.rawSignatureInfo")
                                .arg(GoJson::kindOf(s)));
        auto js = jsonSignature(s.toObject());
        if (!js)
            return jwsError(js.error().message);
        sigs.append(js.value());
    }
    if (!hasPayload)
        return jwsError(QStringLiteral("go-jose/go-jose: missing payload in JWS message"));
    jws.payload = payload.value();
    if (sigs.isEmpty()) {
        auto js = jsonSignature(root);
        if (!js)
            return jwsError(js.error().message);
        sigs.append(js.value());
    }
    const JsonSignature &first = sigs.first();
    jws.signatureCount = int(sigs.size());
    jws.hasProtected = first.hasProtected;
    jws.protectedBytes = first.protectedBytes;
    jws.protectedHeader = first.protectedHeader;
    jws.signature = first.signature;
    for (const JsonSignature &s : std::as_const(sigs)) {
        QJsonObject merged = s.protectedHeader;
        mergeHeader(merged, s.header);
        if (auto ok = sanitizeHeader(merged); !ok)
            return jwsError(ok.error().message);
        if (&s == &sigs.first())
            jws.header = merged;
    }
    return jws;
}

} // namespace

Result<Jws> parseJws(const QString &input)
{
    QString stripped;
    stripped.reserve(input.size());
    for (const QChar c : input)
        if (!c.isSpace())
            stripped += c;
    const QByteArray text = stripped.toUtf8();
    if (text.startsWith('{'))
        return parseJsonSerialization(text);
    Jws jws;
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() != 3)
        return jwsError(QStringLiteral("go-jose/go-jose: compact JWS format must have three parts"));
    QString error;
    const auto protectedBytes = base64(parts[0], &error);
    if (!protectedBytes)
        return jwsError(error + QStringLiteral(" (header segment)"));
    const auto payload = base64(parts[1], &error);
    if (!payload)
        return jwsError(error + QStringLiteral(" (payload segment)"));
    const auto signature = base64(parts[2], &error);
    if (!signature)
        return jwsError(error + QStringLiteral(" (signature segment)"));
    jws.hasProtected = true;
    jws.protectedBytes = *protectedBytes;
    jws.payload = *payload;
    jws.signature = *signature;
    if (!jws.protectedBytes.isEmpty()) {
        auto h = decodeRawHeader(jws.protectedBytes);
        if (!h)
            return jwsError(h.error().message);
        jws.protectedHeader = h.value();
    }
    jws.header = jws.protectedHeader;
    if (auto ok = sanitizeHeader(jws.header); !ok)
        return jwsError(ok.error().message);
    return jws;
}

Result<QByteArray> signingInput(const Jws &jws)
{
    QByteArray input;
    bool b64 = true;
    if (jws.hasProtected) {
        auto h = decodeRawHeader(jws.protectedBytes);
        if (!h || jws.protectedBytes.isEmpty())
            return Result<QByteArray>::failure(
                QStringLiteral("crypto"), QStringLiteral("go-jose/go-jose: error in cryptographic primitive"));
        input = jose::Base64Url::encode(jws.protectedBytes);
        const QJsonValue b = h->value(QLatin1String("b64"));
        if (b.isBool())
            b64 = b.toBool();
    }
    input += '.';
    input += b64 ? jose::Base64Url::encode(jws.payload) : jws.payload;
    return input;
}

QString critProblem(const QJsonObject &header)
{
    const QJsonValue crit = header.value(QLatin1String("crit"));
    QString problem;
    if (crit.isUndefined() || crit.isNull())
        return problem;
    if (!crit.isArray())
        return QStringLiteral("crit is a %1, not an array of strings").arg(GoJson::kindOf(crit));
    const QJsonArray entries = crit.toArray();
    for (const auto &c : entries)
        if (!c.isString())
            problem = QStringLiteral("crit holds a %1").arg(GoJson::kindOf(c));
        else if (c.toString() != u"b64")
            problem = QStringLiteral("crit lists \"%1\", which go-jose does not support (only b64)").arg(c.toString());
    return problem;
}

} // namespace jwb::krakend::GoJose
