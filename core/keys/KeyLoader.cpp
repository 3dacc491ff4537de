#include "keys/KeyLoader.h"

#include "common/BoundedFile.h"
#include "jose/Base64Url.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <optional>

namespace jwb::keys::KeyLoader {

using common::Result;

namespace {
constexpr qint64 kMaxKeyFile = common::BoundedFile::kKeyFileMax;

/// The ROCA check Jwk::fromJson applies, for keys that arrive as PEM or DER: the same key is refused in every form.
std::optional<common::Error> rocaError(const crypto::Key &key)
{
    if (key.type() != crypto::KeyType::Rsa || !isRocaVulnerable(key.rsa().n))
        return std::nullopt;
    return common::Error {QStringLiteral("weak_key"),
        QStringLiteral("the RSA modulus has the ROCA fingerprint (CVE-2017-15361): the private key can be "
                       "recovered; refusing it"),
        {}};
}

Result<JwkSet> fromPem(const QByteArray &data)
{
    static const QRegularExpression block(QStringLiteral("-----BEGIN ([A-Z0-9 ]+)-----[\\s\\S]*?-----END \\1-----"));
    const QString text = QString::fromLatin1(data);
    JwkSet set;
    set.format = QStringLiteral("PEM");
    QList<QByteArray> chain;
    int index = 0;
    auto it = block.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QByteArray pem = m.captured(0).toLatin1();
        const QString label = m.captured(1);
        if (label == u"EC PARAMETERS")
            continue;
        auto key = crypto::Key::fromPem(pem);
        if (!key) {
            set.skipped.append({index++, QString(), key.error()});
            continue;
        }
        if (const auto weak = rocaError(key.value())) {
            set.skipped.append({index++, QString(), *weak});
            continue;
        }
        if (key->hasCertificate() && !set.keys.isEmpty() && set.keys.first().key.hasCertificate()) {
            // Further certificates form the chain of the first one.
            chain.append(key->certificate().der);
            ++index;
            continue;
        }
        set.keys.append(Jwk::fromKey(key.value()));
        ++index;
    }
    if (!chain.isEmpty()) {
        Jwk &leaf = set.keys.first();
        leaf.x5c.append(chain);
        QJsonArray x5c;
        for (const auto &der : leaf.x5c)
            x5c.append(QString::fromLatin1(der.toBase64()));
        leaf.json.insert(QStringLiteral("x5c"), x5c);
    }
    if (set.keys.isEmpty()) {
        if (!set.skipped.isEmpty())
            return set.skipped.first().error;
        return Result<JwkSet>::failure(
            QStringLiteral("invalid_pem"), QStringLiteral("no PEM key or certificate block found"));
    }
    set.analyse();
    return set;
}
} // namespace

Result<JwkSet> load(const QByteArray &raw)
{
    const QByteArray data = raw.trimmed();
    if (data.isEmpty())
        return Result<JwkSet>::failure(QStringLiteral("empty_key"), QStringLiteral("the key input is empty"));
    if (data.startsWith('{'))
        return JwkSet::fromJson(data);
    if (data.contains("-----BEGIN "))
        return fromPem(data);
    if (static_cast<unsigned char>(data[0]) == 0x30) {
        auto key = crypto::Key::fromDer(raw);
        if (!key)
            return key.error();
        if (const auto weak = rocaError(key.value()))
            return *weak;
        JwkSet set = JwkSet::fromKey(Jwk::fromKey(key.value()), QStringLiteral("DER"));
        return set;
    }
    return Result<JwkSet>::failure(QStringLiteral("unknown_key_format"),
        QStringLiteral("not a JWK, JWK Set, PEM or DER key (a shared secret is given as a secret, not as a key)"));
}

Result<JwkSet> loadFile(const QString &path)
{
    auto data = common::BoundedFile::read(path, kMaxKeyFile);
    if (!data) {
        if (data.error().is(common::ErrorCode::InputTooLarge))
            return Result<JwkSet>::failure(data.error().code,
                QStringLiteral("%1: not a key file").arg(data.error().message), data.error().details);
        return data.error();
    }
    auto set = load(data.value());
    if (!set)
        return Result<JwkSet>::failure(
            set.error().code, QStringLiteral("%1: %2").arg(path, set.error().message), set.error().details);
    return set;
}

Result<SecretEncoding> encodingFromName(const QString &name)
{
    if (name == u"utf8" || name == u"utf-8" || name.isEmpty())
        return SecretEncoding::Utf8;
    if (name == u"base64")
        return SecretEncoding::Base64;
    if (name == u"base64url")
        return SecretEncoding::Base64Url;
    if (name == u"hex")
        return SecretEncoding::Hex;
    return Result<SecretEncoding>::failure(QStringLiteral("usage"),
        QStringLiteral("unknown secret encoding \"%1\": use utf8, base64, base64url or hex").arg(name));
}

QString encodingName(SecretEncoding encoding)
{
    switch (encoding) {
    case SecretEncoding::Utf8:
        return QStringLiteral("utf8");
    case SecretEncoding::Base64:
        return QStringLiteral("base64");
    case SecretEncoding::Base64Url:
        return QStringLiteral("base64url");
    case SecretEncoding::Hex:
        return QStringLiteral("hex");
    }
    return QStringLiteral("utf8");
}

Pasted classifyPasted(const QString &text)
{
    Pasted pasted;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return pasted;
    auto loaded = load(text.toUtf8());
    if (loaded.ok()) {
        pasted.kind = Pasted::Kind::Key;
        pasted.keys = std::move(loaded.value());
        return pasted;
    }
    pasted.error = loaded.error();
    const bool secretLike = !trimmed.contains(u'\n') && !trimmed.contains(QLatin1String("-----BEGIN"))
        && !trimmed.startsWith(u'{') && !trimmed.startsWith(u'[');
    pasted.kind = secretLike ? Pasted::Kind::Secret : Pasted::Kind::NotAKey;
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]+$"));
    if (secretLike && trimmed.size() >= 32 && trimmed.size() % 2 == 0 && hex.match(trimmed).hasMatch())
        pasted.encoding = SecretEncoding::Hex;
    return pasted;
}

Result<JwkSet> fromSecret(const QByteArray &text, SecretEncoding encoding)
{
    QByteArray secret;
    switch (encoding) {
    case SecretEncoding::Utf8:
        secret = text;
        break;
    case SecretEncoding::Base64: {
        auto r = QByteArray::fromBase64Encoding(text.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (!r)
            return Result<JwkSet>::failure(
                QStringLiteral("invalid_secret"), QStringLiteral("the secret is not valid base64"));
        secret = r.decoded;
        break;
    }
    case SecretEncoding::Base64Url: {
        auto r = jose::Base64Url::decodeLenient(text.trimmed());
        if (!r)
            return Result<JwkSet>::failure(QStringLiteral("invalid_secret"),
                QStringLiteral("the secret is not valid base64url: %1").arg(r.error().message));
        secret = r.value();
        break;
    }
    case SecretEncoding::Hex: {
        static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{2})*$"));
        const QByteArray t = text.trimmed();
        if (!hex.match(QString::fromLatin1(t)).hasMatch())
            return Result<JwkSet>::failure(
                QStringLiteral("invalid_secret"), QStringLiteral("the secret is not an even number of hex digits"));
        secret = QByteArray::fromHex(t);
        break;
    }
    }
    auto key = crypto::Key::fromSecret(secret);
    if (!key)
        return key.error();
    return JwkSet::fromKey(Jwk::fromKey(key.value()), QStringLiteral("secret"));
}

} // namespace jwb::keys::KeyLoader
