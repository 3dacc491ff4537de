#include "verification/Decrypt.h"

#include "common/Verdict.h"
#include "crypto/Algorithm.h"
#include "jose/Base64Url.h"
#include "verification/Verify.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jwb::verification {

namespace {

/// The JWE text of an inspected input: the compact token, or the input itself when it is JSON.
QByteArray jweText(const jose::Inspection &token)
{
    if (token.token.kind == jose::TokenKind::Jwe)
        return token.token.compact;
    const QByteArray trimmed = token.token.input.trimmed().toUtf8();
    return trimmed.startsWith('{') ? trimmed : QByteArray();
}

/// A key that may hold the secret half a recipient needs: a private asymmetric key or a shared secret.
bool canDecryptWith(const crypto::Key &key)
{
    return key.type() == crypto::KeyType::Oct || key.isPrivate();
}

common::Error error(const QString &code, const QString &message)
{
    return common::Error {code, message, {}};
}

void judgeInner(Decryption &d, const Context &context, const DecryptOptions &options)
{
    const QString text = QString::fromUtf8(d.result->plaintext).trimmed();
    d.inner = jose::Inspection::inspect(text, context.clock->nowSecs());
    d.innerReport = verify(*d.inner, options.innerContext ? options.innerContext(*d.inner) : context);
}

} // namespace

bool looksLikeJwe(const jose::Inspection &token)
{
    if (token.token.kind == jose::TokenKind::Jwe)
        return true;
    const QByteArray text = jweText(token);
    if (text.isEmpty())
        return false;
    const QJsonObject object = QJsonDocument::fromJson(text).object();
    return object.contains(QLatin1String("ciphertext")) && object.contains(QLatin1String("iv"));
}

Decryption decrypt(const jose::Inspection &token, const Context &context, const DecryptOptions &options)
{
    Decryption d;
    const QByteArray text = jweText(token);
    if (text.isEmpty()) {
        d.error = error(QStringLiteral("not_jwe"),
            QStringLiteral("the input is not a JWE: a compact JWE has five segments, a JSON one a \"ciphertext\""));
        return d;
    }
    auto message = jose::parseJwe(text);
    if (!message) {
        d.error = message.error();
        return d;
    }
    d.parsed = true;
    d.serialization = message->serialization;
    d.protectedHeader = message->protectedHeader;
    // What the header alone says (RSA1_5, zip, p2c), also when nothing decrypts; replaced by the engine's below.
    d.findings
        = jose::jweHeaderFindings(message->joseHeader(0), message->protectedHeader, options.jwe.maxPbes2Iterations);
    if (context.keysPending) {
        d.error = error(QStringLiteral("keys_pending"), QStringLiteral("the keys are still being fetched"));
        return d;
    }
    if (context.keyError) {
        d.error = context.keyError;
        return d;
    }

    QList<crypto::Key> keys;
    QStringList kids;
    QList<int> origin; // index in the context's key set; -1 for the password
    if (context.keys) {
        for (int i = 0; i < context.keys->keys.size(); ++i) {
            const keys::Jwk &jwk = context.keys->keys.at(i);
            if (!canDecryptWith(jwk.key))
                continue;
            keys << jwk.key;
            kids << jwk.kid;
            origin << i;
        }
    }
    if (!options.password.isEmpty()) {
        auto password = crypto::Key::fromSecret(options.password);
        if (password) {
            keys << password.value();
            kids << QString();
            origin << -1;
        }
    }
    if (keys.isEmpty()) {
        d.error = error(QStringLiteral("no_keys"),
            context.keys ? QStringLiteral("no key to decrypt with: %1 holds no private key or secret")
                               .arg(context.keyLabel.isEmpty() ? QStringLiteral("the key set") : context.keyLabel)
                         : QStringLiteral("no key to decrypt with: give a private key, a secret or a password"));
        return d;
    }

    auto decrypted = jose::decryptJwe(message.value(), keys, kids, options.jwe);
    if (!decrypted) {
        d.error = decrypted.error();
        return d;
    }
    d.result = decrypted.value();
    d.header = d.result->header;
    d.findings = d.result->findings;
    const int index = origin.value(d.result->keyIndex, -1);
    d.key.index = index;
    if (index >= 0) {
        const keys::Jwk &jwk = context.keys->keys.at(index);
        d.key.label = context.keyLabel;
        d.key.kid = jwk.kid;
        d.key.type = crypto::keyTypeName(jwk.key.type());
        d.key.thumbprint = jwk.thumbprint();
    } else {
        d.key.label = QStringLiteral("the password");
        d.key.type = QStringLiteral("oct");
    }
    if (d.result->nestedJwt)
        judgeInner(d, context, options);
    return d;
}

bool Decryption::contentIsJson() const
{
    if (!result)
        return false;
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(result->plaintext, &err);
    return err.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray());
}

QString Decryption::contentText() const
{
    if (!result)
        return {};
    if (contentIsJson())
        return QString::fromUtf8(QJsonDocument::fromJson(result->plaintext).toJson(QJsonDocument::Indented)).trimmed();
    return QString::fromUtf8(result->plaintext);
}

QJsonObject Decryption::toJson() const
{
    QJsonObject out {{QStringLiteral("decrypted"), decrypted()}, {QStringLiteral("protected_header"), protectedHeader},
        {QStringLiteral("findings"), jose::findingsToJson(findings)}};
    if (error)
        out.insert(QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), error->code}, {QStringLiteral("message"), error->message}});
    if (!result)
        return out;
    out.insert(QStringLiteral("header"), header);
    out.insert(QStringLiteral("alg"), crypto::JweAlgorithms::name(result->alg));
    out.insert(QStringLiteral("enc"), crypto::JweAlgorithms::name(result->enc));
    out.insert(QStringLiteral("recipient"), result->recipient);
    out.insert(QStringLiteral("compressed"), result->compressed);
    QJsonObject keyJson {{QStringLiteral("kty"), key.type}, {QStringLiteral("source"), key.label}};
    if (!key.kid.isEmpty())
        keyJson.insert(QStringLiteral("kid"), key.kid);
    if (!key.thumbprint.isEmpty())
        keyJson.insert(QStringLiteral("thumbprint"), key.thumbprint);
    out.insert(QStringLiteral("key"), keyJson);
    if (contentIsJson()) {
        const QJsonDocument doc = QJsonDocument::fromJson(result->plaintext);
        out.insert(QStringLiteral("content"), doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
    } else {
        out.insert(QStringLiteral("content"), QString::fromUtf8(result->plaintext));
    }
    out.insert(QStringLiteral("content_base64url"), QString::fromLatin1(jose::Base64Url::encode(result->plaintext)));
    if (inner && innerReport) {
        QJsonObject nested = inner->toJson();
        nested.insert(QStringLiteral("token"), QString::fromUtf8(inner->token.compact));
        nested.insert(QStringLiteral("verdict"), common::verdictText(innerReport->verdict));
        nested.insert(QStringLiteral("valid"), innerReport->verdict == common::Verdict::Valid);
        nested.insert(QStringLiteral("summary"), innerReport->summary);
        if (innerReport->generic)
            nested.insert(QStringLiteral("verification"), innerReport->generic->toJson());
        out.insert(QStringLiteral("nested"), nested);
    }
    return out;
}

} // namespace jwb::verification
