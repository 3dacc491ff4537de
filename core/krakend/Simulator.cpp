#include "krakend/Simulator.h"

#include "common/BoundedFile.h"
#include "common/JsonText.h"
#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "keys/Jwk.h"
#include "krakend/ConfigDocument.h"
#include "krakend/HeaderFormatter.h"
#include "validation/Verifier.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSslCertificate>

#include <charconv>
#include <cmath>

namespace jwb::krakend {

QString statusText(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("200 OK");
    case 401:
        return QStringLiteral("401 Unauthorized");
    case 403:
        return QStringLiteral("403 Forbidden");
    case 500:
        return QStringLiteral("500 Internal Server Error");
    default:
        return QString::number(status);
    }
}

using common::CheckName;
using common::Finding;
using common::Result;
using common::Severity;

namespace {

// ------------------------------------------------------------------------------------------ Go-compatible JSON

/// What Go's encoding/json (and go-jose's fork) would make of a JSON text that QJsonDocument also has to read:
/// RFC 8259 grammar checked strictly (Qt accepts "1."), numbers that overflow float64 recorded (Go fails to
/// decode them into float64, Qt refuses the whole document) and, like those that underflow (Go reads 0), replaced
/// by 0 in `sanitized` so that Qt can parse the rest.
struct JsonScan
{
    bool ok = false;
    QString error;
    QByteArray sanitized;
    bool overflow = false;
    QString overflowLiteral;
    QStringList overflowMembers; ///< top-level members whose value holds an overflowing number
    bool topLevelNull = false;
    char topLevelKind = 0; ///< '{', '[', '"', 'n', 't', 'f' or '0' (number)
};

class JsonScanner
{
public:
    explicit JsonScanner(const QByteArray &in) : m_in(in) { }

    JsonScan scan()
    {
        skipWs();
        m_scan.topLevelKind = peekKind();
        if (!value(0))
            return fail();
        skipWs();
        if (m_pos != m_in.size()) {
            m_error = QStringLiteral("invalid character %1 after top-level value").arg(charName());
            return fail();
        }
        m_scan.ok = true;
        m_scan.sanitized = m_out;
        m_scan.topLevelNull = m_scan.topLevelKind == 'n';
        return m_scan;
    }

private:
    JsonScan fail()
    {
        m_scan.ok = false;
        m_scan.error = m_error.isEmpty() ? QStringLiteral("unexpected end of JSON input") : m_error;
        return m_scan;
    }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_in.size(); }
    [[nodiscard]] char cur() const { return m_in[m_pos]; }
    [[nodiscard]] QString charName() const
    {
        if (atEnd())
            return QStringLiteral("(end)");
        const unsigned char c = static_cast<unsigned char>(cur());
        if (c >= 0x20 && c < 0x7f)
            return QStringLiteral("'%1'").arg(QLatin1Char(char(c)));
        return QStringLiteral("'\\x%1'").arg(c, 2, 16, QLatin1Char('0'));
    }
    [[nodiscard]] char peekKind() const
    {
        if (atEnd())
            return 0;
        const char c = cur();
        return (c == '-' || (c >= '0' && c <= '9')) ? '0' : c;
    }
    void skipWs()
    {
        while (!atEnd() && (cur() == ' ' || cur() == '\t' || cur() == '\n' || cur() == '\r'))
            m_out.append(m_in[m_pos++]);
    }
    bool expect(char c, const char *context)
    {
        if (atEnd() || cur() != c) {
            if (atEnd())
                m_error = QStringLiteral("unexpected end of JSON input");
            else
                m_error = QStringLiteral("invalid character %1 %2").arg(charName(), QLatin1String(context));
            return false;
        }
        m_out.append(m_in[m_pos++]);
        return true;
    }
    bool literal(const char *word)
    {
        const qsizetype n = qstrlen(word);
        if (m_in.mid(m_pos, n) != QByteArrayView(word)) {
            m_error = QStringLiteral("invalid character %1 in literal %2").arg(charName(), QLatin1String(word));
            return false;
        }
        m_out.append(m_in.mid(m_pos, n));
        m_pos += n;
        return true;
    }
    bool string(QByteArray *raw)
    {
        const qsizetype start = m_pos;
        if (!expect('"', "looking for beginning of value"))
            return false;
        while (true) {
            if (atEnd()) {
                m_error = QStringLiteral("unexpected end of JSON input");
                return false;
            }
            const unsigned char c = static_cast<unsigned char>(cur());
            if (c == '"') {
                m_out.append(m_in[m_pos++]);
                break;
            }
            if (c < 0x20) {
                m_error = QStringLiteral("invalid character %1 in string literal").arg(charName());
                return false;
            }
            if (c == '\\') {
                m_out.append(m_in[m_pos++]);
                if (atEnd()) {
                    m_error = QStringLiteral("unexpected end of JSON input");
                    return false;
                }
                const char e = cur();
                if (e == 'u') {
                    m_out.append(m_in[m_pos++]);
                    for (int i = 0; i < 4; ++i) {
                        if (atEnd() || !std::isxdigit(static_cast<unsigned char>(cur()))) {
                            m_error = QStringLiteral("invalid character %1 in \\u hexadecimal character escape")
                                          .arg(charName());
                            return false;
                        }
                        m_out.append(m_in[m_pos++]);
                    }
                    continue;
                }
                if (!QByteArrayView("\"\\/bfnrt").contains(e)) {
                    m_error = QStringLiteral("invalid character %1 in string escape code").arg(charName());
                    return false;
                }
            }
            m_out.append(m_in[m_pos++]);
        }
        if (raw)
            *raw = m_in.mid(start, m_pos - start);
        return true;
    }
    bool number(const QString &member)
    {
        const qsizetype start = m_pos;
        auto digit = [this] { return !atEnd() && cur() >= '0' && cur() <= '9'; };
        if (cur() == '-')
            ++m_pos;
        if (!digit()) {
            m_error = QStringLiteral("invalid character %1 in numeric literal").arg(charName());
            return false;
        }
        int intDigits = 0;
        bool leadingZero = cur() == '0';
        if (leadingZero) {
            ++m_pos;
        } else {
            while (digit())
                ++m_pos, ++intDigits;
        }
        int fractionZeros = 0;
        bool inZeros = true;
        if (!atEnd() && cur() == '.') {
            ++m_pos;
            if (!digit()) {
                m_error = QStringLiteral("invalid character %1 after decimal point in numeric literal").arg(charName());
                return false;
            }
            while (digit()) {
                if (inZeros && cur() == '0')
                    ++fractionZeros;
                else
                    inZeros = false;
                ++m_pos;
            }
        }
        long long exponent = 0;
        if (!atEnd() && (cur() == 'e' || cur() == 'E')) {
            ++m_pos;
            bool negative = false;
            if (!atEnd() && (cur() == '+' || cur() == '-'))
                negative = m_in[m_pos++] == '-';
            if (!digit()) {
                m_error = QStringLiteral("invalid character %1 in exponent of numeric literal").arg(charName());
                return false;
            }
            while (digit()) {
                exponent = std::min<long long>(exponent * 10 + (cur() - '0'), 100000000);
                ++m_pos;
            }
            if (negative)
                exponent = -exponent;
        }
        const QByteArray token = m_in.mid(start, m_pos - start);
        double v = 0;
        const auto result = std::from_chars(token.constData(), token.constData() + token.size(), v);
        if (result.ec == std::errc::result_out_of_range) {
            // Decide by the decimal magnitude: overflow fails in Go, underflow reads as 0.
            const long long magnitude = exponent + (intDigits > 0 ? intDigits : -fractionZeros);
            if (magnitude > 0) {
                m_scan.overflow = true;
                if (m_scan.overflowLiteral.isEmpty())
                    m_scan.overflowLiteral = QString::fromLatin1(token);
                if (!member.isNull() && !m_scan.overflowMembers.contains(member))
                    m_scan.overflowMembers.append(member);
            }
            m_out.append('0');
            return true;
        }
        m_out.append(token);
        return true;
    }
    bool value(int depth)
    {
        if (atEnd()) {
            m_error = QStringLiteral("unexpected end of JSON input");
            return false;
        }
        if (depth > 10000) {
            m_error = QStringLiteral("exceeded max depth");
            return false;
        }
        const char c = cur();
        switch (c) {
        case '{': {
            m_out.append(m_in[m_pos++]);
            skipWs();
            if (!atEnd() && cur() == '}') {
                m_out.append(m_in[m_pos++]);
                return true;
            }
            while (true) {
                skipWs();
                QByteArray raw;
                if (atEnd() || cur() != '"') {
                    if (atEnd())
                        m_error = QStringLiteral("unexpected end of JSON input");
                    else
                        m_error = QStringLiteral("invalid character %1 looking for beginning of object key string")
                                      .arg(charName());
                    return false;
                }
                if (!string(&raw))
                    return false;
                if (depth == 0)
                    m_member = QJsonDocument::fromJson("[" + raw + "]").array().first().toString();
                skipWs();
                if (!expect(':', "after object key"))
                    return false;
                skipWs();
                if (!value(depth + 1))
                    return false;
                skipWs();
                if (!atEnd() && cur() == ',') {
                    m_out.append(m_in[m_pos++]);
                    continue;
                }
                return expect('}', "after object key:value pair");
            }
        }
        case '[': {
            m_out.append(m_in[m_pos++]);
            skipWs();
            if (!atEnd() && cur() == ']') {
                m_out.append(m_in[m_pos++]);
                return true;
            }
            while (true) {
                skipWs();
                if (!value(depth + 1))
                    return false;
                skipWs();
                if (!atEnd() && cur() == ',') {
                    m_out.append(m_in[m_pos++]);
                    continue;
                }
                return expect(']', "after array element");
            }
        }
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number(depth > 0 ? m_member : QString());
            m_error = QStringLiteral("invalid character %1 looking for beginning of value").arg(charName());
            return false;
        }
    }

    const QByteArray &m_in;
    qsizetype m_pos = 0;
    QByteArray m_out;
    QString m_error;
    QString m_member;
    JsonScan m_scan;
};

/// A document QJsonDocument can hold after a successful scan.
QJsonDocument parseSanitized(const JsonScan &scan)
{
    return QJsonDocument::fromJson(scan.sanitized);
}

QString kindOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("null");
    }
}

QString compact(const QJsonValue &v)
{
    return common::JsonText::compact(v);
}

// ---------------------------------------------------------------------------------------------- Go base64 / time

/// go-jose base64URLDecode: trailing '=' trimmed, then RawURLEncoding (non-strict).
std::optional<QByteArray> joseBase64(QByteArrayView text, QString *error)
{
    qsizetype n = text.size();
    while (n > 0 && text[n - 1] == '=')
        --n;
    return GoDecode::base64(text.first(n), true, false, error);
}

QString rawUrl(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// Go's float64 → int64 conversion on amd64 (NumericDate(f)): truncation, 0x8000000000000000 out of range.
qint64 goInt64(double f)
{
    if (!(f < 9223372036854775808.0) || !(f >= -9223372036854775808.0))
        return std::numeric_limits<qint64>::min();
    return static_cast<qint64>(f);
}

/// time.Time in Go's internal representation: seconds since year 1 (wrapping like Go's unixToInternal addition
/// for absurd dates) and nanoseconds.
struct GoTime
{
    qint64 sec = 0;
    qint64 nsec = 0;
};

constexpr qint64 kUnixToInternal = 62135596800LL;
constexpr qint64 kNanos = 1000000000LL;

GoTime goUnix(qint64 unixSec, qint64 nsec = 0)
{
    return {static_cast<qint64>(static_cast<quint64>(unixSec) + static_cast<quint64>(kUnixToInternal)), nsec};
}

GoTime goAdd(GoTime t, qint64 d)
{
    qint64 dsec = d / kNanos;
    qint64 nsec = t.nsec + d % kNanos;
    if (nsec >= kNanos) {
        ++dsec;
        nsec -= kNanos;
    } else if (nsec < 0) {
        --dsec;
        nsec += kNanos;
    }
    t.nsec = nsec;
    // Time.addSec saturates instead of overflowing.
    qint64 sum = 0;
    if (__builtin_add_overflow(t.sec, dsec, &sum))
        sum = dsec > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    t.sec = sum;
    return t;
}

bool goBefore(GoTime a, GoTime b)
{
    return a.sec < b.sec || (a.sec == b.sec && a.nsec < b.nsec);
}

QString durationText(qint64 nanos)
{
    if (nanos % kNanos == 0)
        return QStringLiteral("%1s").arg(nanos / kNanos);
    return QStringLiteral("%1s").arg(static_cast<double>(nanos) / kNanos, 0, 'g', 12);
}

QString unixText(qint64 unix)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(unix, Qt::UTC);
    return t.isValid() && std::llabs(unix) < 253402300800LL
        ? QStringLiteral("%1 (%2)").arg(unix).arg(t.toString(Qt::ISODate))
        : QString::number(unix);
}

// ------------------------------------------------------------------------------------------------ go-jose JWKs

/// A JWK as go-jose decodes it, with whether it carries private members (a verifier refuses those).
struct GoKey
{
    keys::Jwk jwk;
    bool privateMembers = false;
};

Result<GoKey> goKeyError(const QString &message)
{
    return Result<GoKey>::failure(QStringLiteral("invalid_jwk"), message);
}

/// go-jose v3 JSONWebKey.UnmarshalJSON: member types, base64url members (trailing '=' allowed), kty and curve,
/// RSA private keys need p and q, no certificates on oct keys, x5c/x5t consistency. alg, use and key_ops are
/// not looked at.
Result<GoKey> parseGoJwk(const QJsonValue &value)
{
    if (!value.isObject())
        return goKeyError(value.isNull() ? QStringLiteral("go-jose/go-jose: unknown json web key type ''")
                                         : QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                                          "jose.rawJSONWebKey")
                                               .arg(kindOf(value)));
    const QJsonObject in = value.toObject();
    QJsonObject o;
    for (auto it = in.begin(); it != in.end(); ++it)
        if (!it.value().isNull())
            o.insert(it.key(), it.value());

    for (const char *name : {"kty", "kid", "use", "alg", "crv", "x5u", "x5t", "x5t#S256"}) {
        const QJsonValue v = o.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isString())
            return goKeyError(QStringLiteral("json: cannot unmarshal %1 into Go struct field rawJSONWebKey.%2 of type "
                                             "string")
                                  .arg(kindOf(v), QLatin1String(name)));
    }
    for (const char *name : {"n", "e", "d", "p", "q", "dp", "dq", "qi", "x", "y", "k", "x5t", "x5t#S256"}) {
        const QString key = QLatin1String(name);
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            continue;
        if (!v.isString())
            return goKeyError(QStringLiteral("json: cannot unmarshal %1 into Go struct field rawJSONWebKey.%2 of type "
                                             "string")
                                  .arg(kindOf(v), key));
        QString error;
        const auto bytes = joseBase64(v.toString().toUtf8(), &error);
        if (!bytes)
            return goKeyError(QStringLiteral("%1 (JWK member \"%2\")").arg(error, key));
        if (v.toString().isEmpty()) {
            o.remove(key); // go-jose leaves an empty buffer as if absent
            continue;
        }
        o.insert(key, rawUrl(*bytes));
    }
    if (o.contains(QLatin1String("x5c"))) {
        const QJsonValue v = o.value(QLatin1String("x5c"));
        if (!v.isArray())
            return goKeyError(QStringLiteral("json: cannot unmarshal %1 into Go struct field rawJSONWebKey.x5c of type "
                                             "[]string")
                                  .arg(kindOf(v)));
        const QJsonArray chain = v.toArray();
        for (const auto &c : chain) {
            QString error;
            if (!c.isString())
                return goKeyError(QStringLiteral("json: cannot unmarshal %1 into Go struct field rawJSONWebKey.x5c of "
                                                 "type string")
                                      .arg(kindOf(c)));
            if (!GoDecode::base64(c.toString().toUtf8(), false, true, &error))
                return goKeyError(QStringLiteral("failed to unmarshal x5c field: %1").arg(error));
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
            return goKeyError(QStringLiteral("go-jose/go-jose: invalid RSA private key, missing %1 value(s)")
                                  .arg(missing.join(QStringLiteral(", "))));
    } else if (kty == u"oct") {
        if (hasCerts)
            return goKeyError(
                QStringLiteral("go-jose/go-jose: invalid JWK, found 'oct' (symmetric) key with cert chain"));
        if (!o.contains(QLatin1String("k")))
            return goKeyError(QStringLiteral("go-jose/go-jose: invalid OCT (symmetric) key, missing k value"));
    } else if (kty == u"OKP") {
        const QString crv = o.value(QLatin1String("crv")).toString();
        if (crv != u"Ed25519" || !o.contains(QLatin1String("x")))
            return goKeyError(QStringLiteral("go-jose/go-jose: unknown curve %1'").arg(crv));
    } else if (kty != u"EC" && kty != u"RSA") {
        return goKeyError(QStringLiteral("go-jose/go-jose: unknown json web key type '%1'").arg(kty));
    }

    // The project's JWK parser checks the same key material; go-jose ignores these members.
    for (const char *ignored : {"alg", "use", "key_ops", "oth"})
        o.remove(QLatin1String(ignored));
    auto jwk = keys::Jwk::fromJson(o);
    if (!jwk)
        return goKeyError(jwk.error().message);
    for (const auto &f : jwk->findings)
        if (f.code == u"x5t_mismatch")
            return goKeyError(QStringLiteral("go-jose/go-jose: invalid JWK, x5c thumbprint does not match x5t value"));
    GoKey key;
    key.jwk = jwk.value();
    key.jwk.json = in; // show what was given
    key.privateMembers = key.jwk.key.type() != crypto::KeyType::Oct && key.jwk.key.isPrivate();
    return key;
}

Result<QList<GoKey>> parseGoJwksUncached(const QByteArray &body);

/// A JWK Set decoded as KrakenD does: the whole set fails when one key fails. Results are cached by content:
/// validating RSA private keys (as go-jose does for sets that carry them) is slow, and the inspector re-runs the
/// simulation on every edit.
Result<QList<GoKey>> parseGoJwks(const QByteArray &body)
{
    static QMutex mutex;
    static QHash<QByteArray, Result<QList<GoKey>>> cache;
    const QByteArray digest = QCryptographicHash::hash(body, QCryptographicHash::Sha256);
    {
        QMutexLocker lock(&mutex);
        if (const auto it = cache.constFind(digest); it != cache.constEnd())
            return it.value();
    }
    Result<QList<GoKey>> parsed = parseGoJwksUncached(body);
    QMutexLocker lock(&mutex);
    if (cache.size() >= 32)
        cache.clear();
    cache.insert(digest, parsed);
    return parsed;
}

Result<QList<GoKey>> parseGoJwksUncached(const QByteArray &body)
{
    auto fail = [](const QString &m) { return Result<QList<GoKey>>::failure(QStringLiteral("invalid_jwks"), m); };
    const JsonScan scan = JsonScanner(body).scan();
    if (!scan.ok)
        return fail(scan.error);
    const QJsonDocument doc = parseSanitized(scan);
    if (scan.topLevelNull)
        return QList<GoKey>();
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
        return QList<GoKey>();
    if (!keysValue.isArray())
        return fail(QStringLiteral("json: cannot unmarshal %1 into Go struct field JSONWebKeySet.keys of type "
                                   "[]jose.JSONWebKey")
                        .arg(kindOf(keysValue)));
    QList<GoKey> out;
    const QJsonArray array = keysValue.toArray();
    for (int i = 0; i < array.size(); ++i) {
        auto key = parseGoJwk(array.at(i));
        if (!key)
            return fail(QStringLiteral("%1 (keys[%2])").arg(key.error().message).arg(i));
        out.append(key.value());
    }
    return out;
}

// ----------------------------------------------------------------------------------------------- go-jose JWS

/// A JWS as go-jose's ParseSigned leaves it.
struct Jws
{
    bool json = false;
    QJsonObject header; ///< merged header of the first signature (protected members win)
    bool hasProtected = false; ///< a protected header buffer exists (always for compact)
    QByteArray protectedBytes;
    QJsonObject protectedHeader;
    QByteArray payload;
    QByteArray signature;
    int signatureCount = 1;
};

Result<Jws> jwsError(const QString &message)
{
    return Result<Jws>::failure(QStringLiteral("parse"), message);
}

/// rawHeader: a JSON object (or null) with no duplicate member and no number Go cannot hold.
Result<QJsonObject> decodeRawHeader(const QByteArray &bytes)
{
    auto fail = [](const QString &m) { return Result<QJsonObject>::failure(QStringLiteral("parse"), m); };
    const JsonScan scan = JsonScanner(bytes).scan();
    if (!scan.ok)
        return fail(scan.error);
    if (scan.topLevelNull)
        return QJsonObject();
    if (scan.topLevelKind != '{')
        return fail(QStringLiteral("json: cannot unmarshal %1 into Go value of type jose.rawHeader")
                        .arg(scan.topLevelKind == '['      ? QStringLiteral("array")
                                : scan.topLevelKind == '"' ? QStringLiteral("string")
                                : scan.topLevelKind == '0' ? QStringLiteral("number")
                                                           : QStringLiteral("bool")));
    if (const QStringList dups = common::JsonText::duplicateKeys(scan.sanitized); !dups.isEmpty())
        return fail(QStringLiteral("duplicate key \"%1\" in the JOSE header (go-jose's JSON decoder rejects "
                                   "duplicate keys)")
                        .arg(dups.first()));
    if (scan.overflow)
        return fail(QStringLiteral("failed to unmarshal value: json: cannot unmarshal number %1 into Go value of type "
                                   "float64")
                        .arg(scan.overflowLiteral));
    return parseSanitized(scan).object();
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
                                    kindOf(v)));
        } else if (k == u"x5c") {
            if (!v.isArray())
                return fail(QStringLiteral("failed to unmarshal x5c header: json: cannot unmarshal %1 into Go value "
                                           "of type []string")
                                .arg(kindOf(v)));
            const QJsonArray chain = v.toArray();
            for (const auto &c : chain) {
                if (!c.isString())
                    return fail(QStringLiteral("failed to unmarshal x5c header: json: cannot unmarshal %1 into Go "
                                               "value of type string")
                                    .arg(kindOf(c)));
                QString error;
                const auto der = GoDecode::base64(c.toString().toUtf8(), false, true, &error);
                if (!der)
                    return fail(QStringLiteral("failed to unmarshal x5c header: %1").arg(error));
                auto cert = crypto::Key::fromDer(*der);
                if (!cert || !cert->hasCertificate())
                    return fail(QStringLiteral("failed to unmarshal x5c header: x509: malformed certificate"));
            }
        } else if (k == u"jwk") {
            auto key = parseGoJwk(v);
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
            QStringLiteral("json: cannot unmarshal %1 into Go value of type string").arg(kindOf(v)));
    QString error;
    const auto bytes = joseBase64(v.toString().toUtf8(), &error);
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
                    .arg(kindOf(header)));
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

/// go-jose ParseSigned: every whitespace character removed; '{' starts the JSON serialization, anything else
/// must be compact with exactly three parts.
Result<Jws> parseJws(const QString &input)
{
    QString stripped;
    stripped.reserve(input.size());
    for (const QChar c : input)
        if (!c.isSpace())
            stripped += c;
    const QByteArray text = stripped.toUtf8();
    Jws jws;
    if (text.startsWith('{')) {
        jws.json = true;
        const JsonScan scan = JsonScanner(text).scan();
        if (!scan.ok)
            return jwsError(scan.error);
        if (const QStringList dups = common::JsonText::duplicateKeys(scan.sanitized); !dups.isEmpty())
            return jwsError(QStringLiteral("duplicate key \"%1\" in the JWS JSON serialization").arg(dups.first()));
        const QJsonObject root = parseSanitized(scan).object();
        bool hasPayload = false;
        auto payload = byteBuffer(root, "payload", &hasPayload);
        if (!payload)
            return jwsError(payload.error().message);
        const QJsonValue signatures = root.value(QLatin1String("signatures"));
        if (!signatures.isUndefined() && !signatures.isNull() && !signatures.isArray())
            return jwsError(QStringLiteral("json: cannot unmarshal %1 into Go struct field "
                                           "rawJSONWebSignature.signatures of type []jose.rawSignatureInfo")
                                .arg(kindOf(signatures)));
        QList<JsonSignature> sigs;
        const QJsonArray sigArray = signatures.toArray();
        for (const auto &s : sigArray) {
            if (!s.isObject() && !s.isNull())
                return jwsError(QStringLiteral("json: cannot unmarshal %1 into Go value of type jose.rawSignatureInfo")
                                    .arg(kindOf(s)));
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
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() != 3)
        return jwsError(QStringLiteral("go-jose/go-jose: compact JWS format must have three parts"));
    QString error;
    const auto protectedBytes = joseBase64(parts[0], &error);
    if (!protectedBytes)
        return jwsError(error + QStringLiteral(" (header segment)"));
    const auto payload = joseBase64(parts[1], &error);
    if (!payload)
        return jwsError(error + QStringLiteral(" (payload segment)"));
    const auto signature = joseBase64(parts[2], &error);
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

/// computeAuthData: base64url(protected bytes) '.' payload (base64url unless the protected header says
/// "b64": false). go-jose re-encodes what it decoded, so padding in the token does not reach the signature.
Result<QByteArray> signingInput(const Jws &jws)
{
    QByteArray input;
    bool b64 = true;
    if (jws.hasProtected) {
        auto h = decodeRawHeader(jws.protectedBytes);
        if (!h || jws.protectedBytes.isEmpty())
            return Result<QByteArray>::failure(
                QStringLiteral("crypto"), QStringLiteral("go-jose/go-jose: error in cryptographic primitive"));
        input = jws.protectedBytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QJsonValue b = h->value(QLatin1String("b64"));
        if (b.isBool())
            b64 = b.toBool();
    }
    input += '.';
    input += b64 ? jws.payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) : jws.payload;
    return input;
}

// ------------------------------------------------------------------------------------------------ claim rules

enum class MatchKind { Pass, Fail, Panic };

struct Match
{
    Match(MatchKind k, QString d, QString p = QString()) : kind(k), detail(std::move(d)), panic(std::move(p)) { }
    MatchKind kind = MatchKind::Fail;
    QString detail;
    QString panic; ///< Go's runtime error for MatchKind::Panic
};

/// The Go dynamic type of a JSON-decoded value, as a failed `v.(string)` names it.
QString goDynamicType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Double:
        return QStringLiteral("float64");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Array:
        return QStringLiteral("[]interface {}");
    case QJsonValue::Object:
        return QStringLiteral("map[string]interface {}");
    case QJsonValue::String:
        return QStringLiteral("string");
    default:
        return QStringLiteral("nil");
    }
}

QString conversionPanic(const QJsonValue &v)
{
    return QStringLiteral("interface conversion: interface {} is %1, not string").arg(goDynamicType(v));
}

/// getNestedClaim: walks every segment but the last through JSON objects; nullopt when the path breaks.
std::optional<QJsonObject> nestedParent(const QJsonObject &claims, const QStringList &segments, QString *broken)
{
    QJsonObject tmp = claims;
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        const QJsonValue v = tmp.value(segments[i]);
        if (v.isUndefined()) {
            *broken = QStringLiteral("\"%1\" is missing").arg(segments.mid(0, i + 1).join(u'.'));
            return std::nullopt;
        }
        if (!v.isObject()) {
            *broken = QStringLiteral("\"%1\" is a %2, not an object").arg(segments.mid(0, i + 1).join(u'.'), kindOf(v));
            return std::nullopt;
        }
        tmp = v.toObject();
    }
    return tmp;
}

/// krakend-jose CanAccess: for each required role, for each token role (type-asserted to string as it goes).
Match canAccess(const QString &key, const QJsonObject &claims, const QStringList &required)
{
    const QJsonValue v = claims.value(key);
    if (v.isUndefined())
        return {MatchKind::Fail, QStringLiteral("claim \"%1\" is missing").arg(key)};
    if (v.isArray()) {
        const QJsonArray roles = v.toArray();
        for (const QString &role : required)
            for (qsizetype i = 0; i < roles.size(); ++i) {
                if (!roles[i].isString())
                    return {MatchKind::Panic,
                        QStringLiteral("element %1 of \"%2\" is a %3 (%4), reached before any match: Go's "
                                       "r.(string) panics (interface conversion)")
                            .arg(i)
                            .arg(key, kindOf(roles[i]), compact(roles[i])),
                        conversionPanic(roles[i])};
                if (roles[i].toString() == role)
                    return {MatchKind::Pass, QStringLiteral("\"%1\" holds role \"%2\"").arg(key, role)};
            }
        return {MatchKind::Fail,
            QStringLiteral("\"%1\" is %2: none of the required roles %3")
                .arg(key, compact(v), compact(QJsonArray::fromStringList(required)))};
    }
    if (v.isString()) {
        const QStringList roles = v.toString().split(u' ');
        for (const QString &role : required)
            if (roles.contains(role))
                return {MatchKind::Pass, QStringLiteral("\"%1\" (split on spaces) holds role \"%2\"").arg(key, role)};
        return {MatchKind::Fail,
            QStringLiteral("\"%1\" is \"%2\" (split on single spaces): none of the required "
                           "roles %3")
                .arg(key, v.toString(), compact(QJsonArray::fromStringList(required)))};
    }
    return {MatchKind::Fail,
        QStringLiteral("\"%1\" is a %2 (%3): only arrays and space-separated strings hold roles")
            .arg(key, kindOf(v), compact(v))};
}

Match rolesMatch(const ValidatorConfig &config, const QJsonObject &claims)
{
    const QStringList required = config.roles();
    const QString key = config.effectiveRolesKey();
    if (!config.rolesLookupIsNested())
        return canAccess(key, claims, required);
    const QStringList segments = key.split(u'.');
    QString broken;
    const auto parent = nestedParent(claims, segments, &broken);
    if (!parent)
        return {MatchKind::Fail, QStringLiteral("nested path %1: %2").arg(key, broken)};
    Match m = canAccess(segments.last(), *parent, required);
    m.detail = QStringLiteral("nested path %1: %2").arg(key, m.detail);
    return m;
}

Match scopesMatch(const ValidatorConfig &config, const QJsonObject &claims)
{
    const QString key = config.scopesKey();
    const QStringList required = config.scopes();
    const bool all = config.scopesMatchAll();
    QJsonValue v;
    QString where = QStringLiteral("\"%1\"").arg(key);
    if (key.contains(u'.')) {
        const QStringList segments = key.split(u'.');
        QString broken;
        const auto parent = nestedParent(claims, segments, &broken);
        if (!parent)
            return {MatchKind::Fail, QStringLiteral("nested path %1: %2").arg(key, broken)};
        v = parent->value(segments.last());
        where = QStringLiteral("nested path %1").arg(key);
    } else {
        v = claims.value(key);
    }
    if (v.isUndefined())
        return {MatchKind::Fail, QStringLiteral("%1 is missing").arg(where)};
    QStringList present;
    if (v.isArray() && !v.toArray().isEmpty()) {
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array[i].isString())
                return {MatchKind::Panic,
                    QStringLiteral("element %1 of %2 is a %3 (%4): converting the scopes to "
                                   "strings panics")
                        .arg(i)
                        .arg(where, kindOf(array[i]), compact(array[i])),
                    conversionPanic(array[i])};
            present.append(array[i].toString());
        }
    } else if (v.isString()) {
        present = v.toString().split(u' ');
    } else {
        return {MatchKind::Fail,
            QStringLiteral("%1 is %2 (%3): scopes must be a space-separated string or a "
                           "non-empty array of strings")
                .arg(where, v.isArray() ? QStringLiteral("an empty array") : QStringLiteral("a ") + kindOf(v),
                    compact(v))};
    }
    QStringList missing, found;
    for (const QString &s : required)
        (present.contains(s) ? found : missing).append(s);
    const bool ok = all ? missing.isEmpty() : !found.isEmpty();
    if (ok)
        return {MatchKind::Pass,
            QStringLiteral("%1 = %2; %3 match: %4")
                .arg(where, compact(v), all ? QStringLiteral("all") : QStringLiteral("any"),
                    found.join(QStringLiteral(", ")))};
    return {MatchKind::Fail,
        QStringLiteral("%1 = %2; %3 of %4 required, missing %5")
            .arg(where, compact(v), all ? QStringLiteral("all") : QStringLiteral("any"),
                compact(QJsonArray::fromStringList(required)), missing.join(QStringLiteral(", ")))};
}

/// Claims.Get after CalculateHeadersToPropagate's nesting rule: Undefined when missing.
QJsonValue propagationValue(const QJsonObject &claims, const QString &claim)
{
    const QByteArray bytes = claim.toUtf8();
    if (claim.contains(u'.') && (bytes.size() < 4 || !bytes.startsWith("http"))) {
        const QStringList segments = claim.split(u'.');
        QString broken;
        const auto parent = nestedParent(claims, segments, &broken);
        if (!parent)
            return QJsonValue(QJsonValue::Undefined);
        return parent->value(segments.last());
    }
    return claims.value(claim);
}

// -------------------------------------------------------------------------------------------- request parsing

QString trimOws(const QString &s)
{
    qsizetype b = 0, e = s.size();
    while (b < e && (s[b] == u' ' || s[b] == u'\t'))
        ++b;
    while (e > b && (s[e - 1] == u' ' || s[e - 1] == u'\t'))
        --e;
    return s.mid(b, e - b);
}

/// Go Header.Get: the first value of the canonical name, surrounding spaces trimmed by the HTTP server.
std::optional<QString> headerValue(const QList<QPair<QString, QString>> &headers, const QString &canonicalName)
{
    for (const auto &[name, value] : headers)
        if (HeaderFormatter::canonicalHeaderName(trimOws(name)) == canonicalName)
            return trimOws(value);
    return std::nullopt;
}

bool validCookieValueByte(char16_t b)
{
    return b >= 0x20 && b < 0x7f && b != u'"' && b != u';' && b != u'\\';
}

/// net/http readCookies filtered by name: the first valid cookie of that name in the Cookie lines.
std::optional<QString> cookieValue(const QStringList &cookieLines, const QString &name)
{
    for (const QString &line : cookieLines) {
        const QStringList parts = trimOws(line).split(u';');
        for (const QString &rawPart : parts) {
            const QString part = trimOws(rawPart);
            if (part.isEmpty())
                continue;
            const qsizetype eq = part.indexOf(u'=');
            const QString cookieName = trimOws(eq < 0 ? part : part.left(eq));
            QString value = eq < 0 ? QString() : part.mid(eq + 1);
            if (!HeaderFormatter::isValidHeaderName(cookieName) || cookieName != name)
                continue;
            if (value.size() > 1 && value.startsWith(u'"') && value.endsWith(u'"'))
                value = value.mid(1, value.size() - 2);
            if (!std::all_of(value.begin(), value.end(), [](QChar c) { return validCookieValueByte(c.unicode()); }))
                continue;
            return value;
        }
    }
    return std::nullopt;
}

QString resolvePath(const QString &baseDir, const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || baseDir.isEmpty())
        return path;
    return QDir(baseDir).filePath(path);
}

/// A file KrakenD reads at startup (jwk_local_path, jwk_local_ca), read with the limits of every key file
/// (common::BoundedFile): a regular file of at most 4 MiB. An open error is worded as Go's os.Open words it
/// ("open PATH: permission denied"); a FIFO, a device or a huge file is refused without being read.
Result<QByteArray> readStartupFile(const QString &path)
{
    auto data = common::BoundedFile::read(path, common::BoundedFile::kKeyFileMax);
    if (data || !data.error().is(common::ErrorCode::UnreadableFile))
        return data;
    return Result<QByteArray>::failure(data.error().code,
        QStringLiteral("open %1: %2").arg(path, data.error().details.value(QStringLiteral("reason")).toString()),
        data.error().details);
}

/// Whether a file's text could be a JSON document at all (the first byte past white space opens an object or an
/// array, or the text is `null`).
bool startsLikeJson(const QByteArray &body)
{
    qsizetype i = 0;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r'))
        ++i;
    if (i == body.size())
        return true; // empty: Go's "unexpected end of JSON input" names no byte
    if (body[i] == '{' || body[i] == '[')
        return true;
    return body.mid(i).trimmed() == "null";
}

/// A JWK Set read from a local file (jwk_local_path, or a replacement set). Go's decoder names the byte it chokes
/// on ("invalid character 'S' looking for beginning of value"); when the file is not JSON at all that byte belongs
/// to some other file (/etc/shadow, /proc/self/environ), so the message says what the file is not instead.
Result<QList<GoKey>> parseLocalJwks(const QByteArray &body)
{
    if (!startsLikeJson(body))
        return Result<QList<GoKey>>::failure(QStringLiteral("invalid_jwks"),
            QStringLiteral("not a JSON file, so not a JWK Set (Go's decoder fails on its first character; the "
                           "content is not shown)"));
    return parseGoJwks(body);
}

QJsonObject findingJson(const Finding &f)
{
    return QJsonObject {{QStringLiteral("severity"), common::severityName(f.severity)},
        {QStringLiteral("code"), f.code}, {QStringLiteral("subject"), f.subject},
        {QStringLiteral("message"), f.message}};
}

} // namespace

// ----------------------------------------------------------------------------------------------- SimulationSetup

std::optional<QJsonObject> SimulationSetup::validatorBlock(const QJsonObject &endpoint)
{
    const QJsonObject extra = endpoint.value(QLatin1String("extra_config")).toObject();
    for (const QString &ns : {ValidatorConfig::ns(), ValidatorConfig::legacyNs()})
        if (extra.contains(ns))
            return extra.value(ns).toObject();
    return std::nullopt;
}

SimulationSetup SimulationSetup::fromEndpoint(
    const QJsonObject &root, const QJsonObject &endpoint, const QString &baseDir)
{
    SimulationSetup s;
    s.baseDir = baseDir;
    s.endpoint = endpoint.value(QLatin1String("endpoint")).toString();
    const QString method = endpoint.value(QLatin1String("method")).toString();
    s.method = method.isEmpty() ? QStringLiteral("GET") : method.toUpper();
    if (root.contains(QLatin1String("version")) && root.value(QLatin1String("version")).toInt() != 3)
        s.findings.append(Finding {Severity::Warning, QStringLiteral("config_version"), QStringLiteral("version"),
            QStringLiteral("krakend.json has version %1; this simulation follows KrakenD v2 "
                           "(configuration version 3)")
                .arg(root.value(QLatin1String("version")).toVariant().toString())});

    const QJsonObject extra = endpoint.value(QLatin1String("extra_config")).toObject();
    const bool hasNew = extra.contains(ValidatorConfig::ns());
    const bool hasLegacy = extra.contains(ValidatorConfig::legacyNs());
    if (hasNew || hasLegacy) {
        s.hasValidator = true;
        // lura's Normalize copies the alias over the legacy key: "auth/validator" wins.
        const QJsonValue block = extra.value(hasNew ? ValidatorConfig::ns() : ValidatorConfig::legacyNs());
        if (!block.isObject() && !block.isNull())
            s.blockError = QStringLiteral("json: cannot unmarshal %1 into Go value of type jose.SignatureConfig")
                               .arg(kindOf(block));
        s.validator = ValidatorConfig::fromJson(block.toObject());
        if (hasLegacy && !hasNew)
            s.findings.append(Finding {Severity::Info, QStringLiteral("legacy_namespace"), ValidatorConfig::legacyNs(),
                QStringLiteral("the legacy namespace works at run time but fails the v2.13 "
                               "schema lint: use \"auth/validator\"")});
        if (hasLegacy && hasNew)
            s.findings.append(
                Finding {Severity::Warning, QStringLiteral("both_namespaces"), ValidatorConfig::legacyNs(),
                    QStringLiteral("both \"auth/validator\" and the legacy key are present: KrakenD "
                                   "uses \"auth/validator\" and drops the other")});
    }

    const QJsonArray backends = endpoint.value(QLatin1String("backend")).toArray();
    for (const auto &b : backends)
        if (const QString pattern = b.toObject().value(QLatin1String("url_pattern")).toString(); !pattern.isEmpty())
            s.urlPatterns.append(pattern);

    for (const char *celNs : {"validation/cel", "github.com/devopsfaith/krakend-cel"}) {
        const QJsonArray rules = extra.value(QLatin1String(celNs)).toArray();
        for (const auto &rule : rules)
            if (rule.toObject().value(QLatin1String("check_expr")).toString().contains(QLatin1String("JWT")))
                s.hasCelJwtRules = true;
    }

    const QJsonObject serviceExtra = root.value(QLatin1String("extra_config")).toObject();
    const QJsonValue serviceValidator = serviceExtra.contains(ValidatorConfig::ns())
        ? serviceExtra.value(ValidatorConfig::ns())
        : serviceExtra.value(ValidatorConfig::legacyNs());
    if (serviceValidator.isObject())
        s.validator.setServiceBlock(serviceValidator.toObject());
    for (const char *revokerNs : {"auth/revoker", "github_com/devopsfaith/bloomfilter"}) {
        const QJsonValue revoker = serviceExtra.value(QLatin1String(revokerNs));
        if (!revoker.isObject())
            continue;
        s.revokerConfigured = true;
        const QJsonArray keys = revoker.toObject().value(QLatin1String("token_keys")).toArray();
        for (const auto &k : keys)
            if (k.isString())
                s.revokerTokenKeys.append(k.toString());
        if (s.revokerTokenKeys.isEmpty())
            s.findings.append(Finding {Severity::Warning, QStringLiteral("revoker_without_token_keys"),
                QLatin1String(revokerNs), QStringLiteral("the revoker has no token_keys: no token can be rejected")});
        break;
    }
    return s;
}

void SimulationSetup::checkConfigText(const QByteArray &text)
{
    configError = ConfigDocument::startupProblem(text);
    if (!configError.isEmpty())
        findings.append(Finding {Severity::Error, QStringLiteral("byte_order_mark"), QString(),
            configError + QStringLiteral(": KrakenD would not start; remove the byte order mark")});
}

SimulationSetup SimulationSetup::fromValidatorDocument(const QJsonObject &document, const QString &baseDir)
{
    if (document.contains(QLatin1String("extra_config")) || document.contains(QLatin1String("endpoint")))
        return fromEndpoint(QJsonObject(), document, baseDir);
    if (document.contains(ValidatorConfig::ns()) || document.contains(ValidatorConfig::legacyNs()))
        return fromEndpoint(QJsonObject(), QJsonObject {{QStringLiteral("extra_config"), document}}, baseDir);
    SimulationSetup s;
    s.baseDir = baseDir;
    s.hasValidator = true;
    s.validator = ValidatorConfig::fromJson(document);
    return s;
}

std::optional<QJsonObject> SimulationSetup::findEndpoint(
    const QJsonObject &root, const QString &path, const QString &method)
{
    const QJsonArray endpoints = root.value(QLatin1String("endpoints")).toArray();
    auto methodOf = [](const QJsonObject &e) {
        const QString m = e.value(QLatin1String("method")).toString();
        return m.isEmpty() ? QStringLiteral("GET") : m;
    };
    for (const auto &e : endpoints) {
        const QJsonObject o = e.toObject();
        if (o.value(QLatin1String("endpoint")).toString() == path
            && methodOf(o).compare(method, Qt::CaseInsensitive) == 0)
            return o;
    }
    const QStringList wanted = path.split(u'/');
    for (const auto &e : endpoints) {
        const QJsonObject o = e.toObject();
        if (methodOf(o).compare(method, Qt::CaseInsensitive) != 0)
            continue;
        const QStringList pattern = o.value(QLatin1String("endpoint")).toString().split(u'/');
        if (pattern.size() != wanted.size())
            continue;
        bool match = true;
        for (qsizetype i = 0; i < pattern.size() && match; ++i)
            match = pattern[i] == wanted[i]
                || (pattern[i].startsWith(u'{') && pattern[i].endsWith(u'}') && !wanted[i].isEmpty());
        if (match)
            return o;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------- SimulationResult

const SimulationCheck *SimulationResult::check(CheckName name) const
{
    for (const auto &c : checks)
        if (c.name == name)
            return &c;
    return nullptr;
}

const SimulationCheck *SimulationResult::check(const QString &name) const
{
    const auto known = common::checkNameFromText(name);
    return known ? check(*known) : nullptr;
}

QJsonObject SimulationResult::toJson() const
{
    auto checkJson = [](const SimulationCheck &c) {
        QJsonObject o {{QStringLiteral("step"), c.step}, {QStringLiteral("name"), c.nameText()},
            {QStringLiteral("result"), common::outcomeText(c.outcome)}, {QStringLiteral("detail"), c.detail}};
        if (c.failed())
            o.insert(QStringLiteral("status"), c.status);
        return o;
    };
    QJsonArray checkArray;
    for (const auto &c : checks)
        checkArray.append(checkJson(c));
    QJsonArray also;
    for (const auto &c : alsoFails) {
        QJsonObject o = checkJson(c);
        o.insert(QStringLiteral("result"), QStringLiteral("fail"));
        o.insert(QStringLiteral("status"), c.status);
        also.append(o);
    }
    QJsonObject headers;
    for (const auto &h : propagatedHeaders) {
        if (preserveArrays)
            headers.insert(h.name, QJsonArray::fromStringList(h.values));
        else
            headers.insert(h.name, h.values.value(0));
    }
    QJsonObject params;
    QJsonArray unresolved;
    for (const auto &p : urlParams) {
        if (p.resolved)
            params.insert(p.name, p.value);
        else if (!unresolved.contains(p.name))
            unresolved.append(p.name);
    }
    QJsonArray findings;
    for (const auto &f : configFindings)
        findings.append(findingJson(f));
    QJsonObject out {{QStringLiteral("status"), status}, {QStringLiteral("reason"), reason},
        {QStringLiteral("checks"), checkArray}, {QStringLiteral("also_fails"), also},
        {QStringLiteral("propagated_headers"), headers}, {QStringLiteral("url_params"), params},
        {QStringLiteral("unresolved_url_params"), unresolved}, {QStringLiteral("config_findings"), findings},
        {QStringLiteral("key_source"), keySource}, {QStringLiteral("network_error"), networkError},
        {QStringLiteral("complete"), complete},
        {QStringLiteral("evaluated_at"), evaluatedAt.toString(Qt::ISODateWithMs)}};
    if (const auto *stop = stoppingCheck())
        out.insert(QStringLiteral("stopped_at"),
            QJsonObject {{QStringLiteral("step"), stop->step}, {QStringLiteral("name"), stop->nameText()}});
    else
        out.insert(QStringLiteral("stopped_at"), QJsonValue::Null);
    if (!complete)
        out.insert(QStringLiteral("incomplete_reason"), incompleteReason);
    return out;
}

// ----------------------------------------------------------------------------------------------------- Simulator

Simulator::Simulator(SimulationSetup setup) : m_setup(std::move(setup)) { }

void Simulator::setReplacementJwks(const QByteArray &json, const QString &label)
{
    m_replacement = json;
    m_replacementLabel = label;
}

void Simulator::setReplacementKeys(const keys::JwkSet &set, const QString &label)
{
    setReplacementJwks(QJsonDocument(set.toJson(true)).toJson(QJsonDocument::Compact), label);
}

JwksDownloader Simulator::networkDownloader(int timeoutMs)
{
    return [timeoutMs](const QUrl &url, const keysource::NetworkOptions &options) -> Result<keysource::HttpResponse> {
        keysource::NetworkOptions o = options;
        o.timeoutMs = timeoutMs;
        QNetworkAccessManager manager;
        keysource::HttpFetch fetch(&manager, url, o);
        QEventLoop loop;
        bool done = false;
        QObject::connect(&fetch, &keysource::HttpFetch::finished, &loop, [&] {
            done = true;
            loop.quit();
        });
        fetch.start();
        if (!done)
            loop.exec();
        // KrakenD does not look at the HTTP status: an error page with a JSON content type is still decoded.
        if (fetch.succeeded() || fetch.error().is(common::ErrorCode::HttpStatus))
            return fetch.response();
        return fetch.error();
    };
}

namespace {

enum class Outcome { Pass, Fail, NotEvaluated };

struct Eval
{
    int step = 0;
    CheckName name = CheckName::Config;
    Outcome outcome = Outcome::NotEvaluated;
    QString detail;
    int status = 0;
    QString reason;
};

} // namespace

SimulationResult Simulator::run(const SimulationRequest &request) const
{
    crypto::Backend::initialize();
    const ValidatorConfig &cfg = m_setup.validator;
    SimulationResult r;
    r.evaluatedAt = m_clock->now().toUTC();
    r.configFindings = m_setup.findings + cfg.findings();
    r.preserveArrays = cfg.propagateClaimsPreserveArray();

    QList<Eval> evals;
    auto pass = [&evals](int step, CheckName name, const QString &detail) {
        evals.append(Eval {step, name, Outcome::Pass, detail, 0, QString()});
    };
    auto fail = [&evals](int step, CheckName name, int status, const QString &reason, const QString &detail) {
        evals.append(Eval {step, name, Outcome::Fail, detail, status, reason});
    };
    auto notEvaluated = [&evals](int step, CheckName name, const QString &detail) {
        evals.append(Eval {step, name, Outcome::NotEvaluated, detail, 0, QString()});
    };
    auto finding = [&r](Severity s, const char *code, const QString &subject, const QString &message) {
        r.configFindings.append(Finding {s, QString::fromLatin1(code), subject, message});
    };
    const QString unable = QStringLiteral("Unable to validate the token: ");

    const QString wouldNotStart = QStringLiteral("KrakenD would not start: ");
    if (!m_setup.hasValidator && !m_setup.configError.isEmpty()) {
        // The file itself stops KrakenD: no endpoint answers, with or without a validator.
        r.status = 500;
        r.reason = wouldNotStart + m_setup.configError;
        r.checks = {SimulationCheck {0, CheckName::Config, CheckResult::Fail, r.reason, 500}};
        r.stoppedAt = 0;
        return r;
    }
    if (!m_setup.hasValidator) {
        r.status = 200;
        r.reason = QStringLiteral("no auth/validator on this endpoint: KrakenD does not check tokens here (\"Validator "
                                  "disabled for this endpoint\")");
        r.checks = {SimulationCheck {0, CheckName::Config, CheckResult::Pass,
                        QStringLiteral("no auth/validator block: validation is disabled"), 0},
            SimulationCheck {13, CheckName::Backend, CheckResult::Pass,
                QStringLiteral("the request goes on to the backend unchecked"), 0}};
        return r;
    }

    // ---------------------------------------------------------------- step 0: startup (docs/krakend-jwt.md §3a)
    const bool localSource = cfg.usesLocalPath();
    int startupStatus = 0;
    QString startupReason;
    if (!m_setup.configError.isEmpty()) {
        startupStatus = 500;
        startupReason = wouldNotStart + m_setup.configError;
    } else if (!m_setup.blockError.isEmpty()) {
        startupStatus = 401;
        startupReason = QStringLiteral("Unable to parse the configuration: ") + m_setup.blockError;
        finding(Severity::Error, "type_error", ValidatorConfig::ns(),
            m_setup.blockError + QStringLiteral(": KrakenD answers 401 to every request"));
    } else if (cfg.runtimeState() == RuntimeState::RejectsAll) {
        startupStatus = 401;
        startupReason = cfg.runtimeProblem();
    }

    // Validator creation, in krakend-jose's order; computed even after a 401-for-all so that the inspector
    // sees every problem.
    QStringList fatal;
    if (const QString p = cfg.algProblem(); !p.isEmpty())
        fatal << QStringLiteral("Unable to create the validator: ") + p;
    if (const QString p = cfg.fingerprintProblem(); !p.isEmpty())
        fatal << QStringLiteral("Unable to create the validator: ") + p;
    keysource::NetworkOptions netOptions;
    netOptions.insecure = cfg.disableJwkSecurity();
    netOptions.pins = cfg.decodedFingerprints();
    if (!cfg.jwkLocalCa().isEmpty()) {
        const QString path = resolvePath(m_setup.baseDir, cfg.jwkLocalCa());
        const auto ca = readStartupFile(path);
        if (!ca) {
            fatal << QStringLiteral("Unable to create the validator: failed to append \"%1\" to RootCAs: %2")
                         .arg(cfg.jwkLocalCa(), ca.error().message);
        } else {
            netOptions.extraCa = QSslCertificate::fromData(ca.value(), QSsl::Pem);
            if (netOptions.extraCa.isEmpty())
                finding(Severity::Warning, "local_ca_empty", QStringLiteral("jwk_local_ca"),
                    QStringLiteral("%1 holds no PEM certificate: Go's AppendCertsFromPEM silently adds nothing")
                        .arg(path));
        }
    }
    if (const QString p = cfg.cacheLocalPathProblem(); !p.isEmpty())
        fatal << QStringLiteral("Unable to create the validator: ") + p;

    std::optional<Result<QList<GoKey>>> localKeys;
    if (localSource) {
        if (m_replacement) {
            localKeys = parseLocalJwks(*m_replacement);
            r.keySource = QStringLiteral("%1 (replaces jwk_local_path %2)").arg(m_replacementLabel, cfg.jwkLocalPath());
            if (!*localKeys)
                fatal << QStringLiteral("Unable to create the validator: %1: %2")
                             .arg(m_replacementLabel, localKeys->error().message);
        } else {
            const QString path = resolvePath(m_setup.baseDir, cfg.jwkLocalPath());
            r.keySource = QStringLiteral("jwk_local_path %1").arg(path);
            const auto file = readStartupFile(path);
            if (!file) {
                fatal << QStringLiteral("Unable to create the validator: ") + file.error().message;
            } else if (!cfg.secretUrl().isEmpty()) {
                r.complete = false;
                r.incompleteReason = QStringLiteral("jwk_local_path is encrypted (secret_url %1): KrakenD decrypts it "
                                                    "at startup, this simulator does not; pass the decrypted key set "
                                                    "with --jwks")
                                         .arg(cfg.secretUrl());
            } else {
                localKeys = parseLocalJwks(file.value());
                if (!*localKeys)
                    fatal << QStringLiteral("Unable to create the validator: %1: %2")
                                 .arg(path, localKeys->error().message);
            }
        }
    } else {
        r.keySource = m_replacement ? QStringLiteral("%1 (replaces jwk_url %2)").arg(m_replacementLabel, cfg.jwkUrl())
                                    : QStringLiteral("jwk_url %1").arg(cfg.jwkUrl());
    }
    if (const QString p = cfg.rolesKeyPanicProblem(); !p.isEmpty())
        fatal << QStringLiteral("panic while building the endpoint handler: ") + p;
    if (startupStatus == 0 && !fatal.isEmpty()) {
        startupStatus = 500;
        startupReason = wouldNotStart + fatal.first();
    }
    const bool configOk = startupStatus == 0;
    if (configOk)
        pass(0, CheckName::Config,
            QStringLiteral("KrakenD starts and validates tokens on this endpoint; keys from %1").arg(r.keySource));
    else
        fail(0, CheckName::Config, startupStatus, startupReason,
            startupStatus == 401 ? startupReason
                    + QStringLiteral(": KrakenD starts, but this endpoint answers 401 "
                                     "to every request")
                                 : startupReason);

    // ---------------------------------------------------------------- step 1: token extraction and parsing
    QList<QPair<QString, QString>> headers = request.headers;
    for (const auto &[name, value] : request.cookies)
        headers.append({QStringLiteral("Cookie"), name + u'=' + value});
    const QString headerName = cfg.effectiveAuthHeaderName();
    const QString cookieName = cfg.effectiveCookieKey();
    std::optional<QString> token;
    const auto header = headerValue(headers, headerName);
    if (header && !header->isEmpty()) {
        const QByteArray bytes = header->toUtf8();
        if (bytes.size() > 7 && bytes.left(7).toLower() == "bearer ") {
            token = QString::fromUtf8(bytes.mid(7));
            pass(1, CheckName::Token,
                QStringLiteral("from header %1, \"%2\" prefix stripped")
                    .arg(headerName, QString::fromUtf8(bytes.left(7))));
        } else {
            token = *header;
            pass(1, CheckName::Token,
                QStringLiteral("from header %1; no \"Bearer \" prefix (with more after it), so the whole "
                               "value is the token")
                    .arg(headerName));
        }
    } else {
        QStringList cookieLines;
        for (const auto &[name, value] : std::as_const(headers))
            if (HeaderFormatter::canonicalHeaderName(trimOws(name)) == u"Cookie")
                cookieLines.append(value);
        if (const auto cookie = cookieValue(cookieLines, cookieName)) {
            token = *cookie;
            pass(1, CheckName::Token,
                QStringLiteral("from cookie %1 (header %2 is %3)%4")
                    .arg(cookieName, headerName, header ? QStringLiteral("empty") : QStringLiteral("absent"),
                        cfg.cookieKey().isEmpty() ? QStringLiteral("; access_token is the default "
                                                                   "cookie even without cookie_key")
                                                  : QString()));
        } else {
            fail(1, CheckName::Token, 401, unable + QStringLiteral("Token not found"),
                QStringLiteral("no %1 header%2 and no %3 cookie")
                    .arg(headerName, header ? QStringLiteral(" (it is empty)") : QString(), cookieName));
        }
    }

    std::optional<Jws> jws;
    if (!token) {
        notEvaluated(1, CheckName::Parse, QStringLiteral("no token"));
    } else {
        auto parsed = parseJws(*token);
        if (!parsed) {
            fail(1, CheckName::Parse, 401, unable + parsed.error().message,
                parsed.error().message + QStringLiteral(" (go-jose ParseSigned)"));
        } else {
            jws = parsed.value();
            pass(1, CheckName::Parse,
                QStringLiteral("%1 JWS; header %2")
                    .arg(jws->json ? QStringLiteral("JSON serialization") : QStringLiteral("compact"),
                        compact(jws->header)));
        }
    }

    // ---------------------------------------------------------------- step 2: alg
    const QString tokenAlg = jws ? jws->header.value(QLatin1String("alg")).toString() : QString();
    if (!jws)
        notEvaluated(2, CheckName::Alg, QStringLiteral("no parsed token"));
    else if (tokenAlg == cfg.alg())
        pass(2, CheckName::Alg, QStringLiteral("token alg \"%1\" equals the configured alg").arg(tokenAlg));
    else
        fail(2, CheckName::Alg, 401, unable + QStringLiteral("algorithm is invalid"),
            QStringLiteral("token alg \"%1\" is not the configured alg \"%2\" (exact, case-sensitive comparison)")
                .arg(tokenAlg, cfg.alg()));

    // ---------------------------------------------------------------- step 3: key lookup
    const validation::KeyIdStrategy strategy = cfg.effectiveKeyIdStrategy();
    std::optional<Result<QList<GoKey>>> remoteKeys;
    QString remoteError;
    auto download = [&]() -> const Result<QList<GoKey>> & {
        if (remoteKeys)
            return *remoteKeys;
        auto err = [](const QString &m) { return Result<QList<GoKey>>::failure(QStringLiteral("download"), m); };
        if (m_replacement) {
            remoteKeys = parseLocalJwks(*m_replacement);
        } else {
            const QString url = cfg.jwkUrl();
            const QUrl u(url, QUrl::StrictMode);
            const QString scheme = u.scheme().toLower();
            if (url.isEmpty() || !u.isValid() || (scheme != u"http" && scheme != u"https")) {
                remoteKeys = err(QStringLiteral("Get \"%1\": unsupported protocol scheme \"%2\"").arg(url, u.scheme()));
            } else {
                const JwksDownloader downloader = m_downloader ? m_downloader : networkDownloader(m_timeoutMs);
                auto response = downloader(u, netOptions);
                if (!response) {
                    r.networkError = r.networkError || common::isNetworkError(response.error());
                    remoteKeys = err(QStringLiteral("Get \"%1\": %2").arg(url, response.error().message));
                } else if (!response->contentType.startsWith("application/json")
                    && !response->contentType.startsWith("application/jwk-set+json")) {
                    remoteKeys = err(QStringLiteral("should have a JSON content type for JWKS endpoint (got \"%1\")")
                                         .arg(QString::fromLatin1(response->contentType)));
                } else {
                    remoteKeys = parseGoJwks(response->body);
                }
            }
        }
        if (*remoteKeys && remoteKeys->value().isEmpty())
            remoteKeys = err(QStringLiteral("no Keys have been found"));
        return *remoteKeys;
    };
    auto findKey = [strategy](const QList<GoKey> &keys, const QString &id) -> std::optional<GoKey> {
        std::optional<GoKey> found;
        for (const auto &k : keys)
            if (validation::Verifier::jwkKeyId(k.jwk, strategy) == id)
                found = k; // the last one wins, as in KrakenD's key cachers
        return found;
    };
    auto idsOf = [strategy](const QList<GoKey> &keys) {
        QStringList ids;
        for (const auto &k : keys)
            ids << QStringLiteral("\"%1\"").arg(validation::Verifier::jwkKeyId(k.jwk, strategy));
        return ids.join(QStringLiteral(", "));
    };
    std::optional<GoKey> key;
    QString keyId;
    const QString strategyName = validation::keyIdStrategyName(strategy);
    if (!jws) {
        notEvaluated(3, CheckName::Key, QStringLiteral("no parsed token"));
    } else {
        keyId = validation::Verifier::tokenKeyId(jws->header, strategy);
        const QString idText = QStringLiteral("%1 \"%2\"").arg(strategyName, keyId);
        if (localSource) {
            if (!localKeys) {
                notEvaluated(3, CheckName::Key,
                    r.complete ? QStringLiteral("the jwk_local_path file could not be read") : r.incompleteReason);
            } else if (!*localKeys) {
                notEvaluated(3, CheckName::Key,
                    QStringLiteral("the key file does not decode: %1").arg(localKeys->error().message));
            } else if (auto k = findKey(localKeys->value(), keyId)) {
                key = k;
                pass(3, CheckName::Key, QStringLiteral("%1 found in %2").arg(idText, r.keySource));
            } else if (cfg.jwkUrl().isEmpty()) {
                fail(3, CheckName::Key, 401, unable + QStringLiteral("Get \"\": unsupported protocol scheme \"\""),
                    QStringLiteral("%1 is not in %2 (it has %3); on a miss KrakenD downloads jwk_url, which is empty")
                        .arg(idText, r.keySource, idsOf(localKeys->value())));
            } else if (!configOk && !m_replacement) {
                notEvaluated(3, CheckName::Key,
                    QStringLiteral("%1 is not in the key file; KrakenD would then download jwk_url").arg(idText));
            } else {
                const auto &d = download();
                if (!d)
                    fail(3, CheckName::Key, 401, unable + d.error().message,
                        QStringLiteral("%1 is not in %2; downloading jwk_url failed: %3")
                            .arg(idText, r.keySource, d.error().message));
                else
                    fail(3, CheckName::Key, 500,
                        QStringLiteral("KrakenD panics (gin Recovery answers 500): runtime error: invalid memory "
                                       "address or nil pointer dereference"),
                        QStringLiteral("%1 is not in the jwk_local_path keys; with jwk_url also set KrakenD downloads "
                                       "it, then dereferences the nil key the file cacher returns")
                            .arg(idText));
            }
        } else if (!configOk && !m_replacement) {
            notEvaluated(
                3, CheckName::Key, QStringLiteral("the keys are not downloaded: the configuration fails first"));
        } else {
            const auto &d = download();
            if (!d)
                fail(3, CheckName::Key, 401, unable + d.error().message,
                    QStringLiteral("the key set from %1 is unusable: %2").arg(r.keySource, d.error().message));
            else if (auto k = findKey(d.value(), keyId)) {
                key = k;
                pass(3, CheckName::Key,
                    QStringLiteral("%1 found in %2%3")
                        .arg(idText, r.keySource,
                            cfg.cache()
                                ? QStringLiteral(" (cached %1 s per key)").arg(cfg.effectiveCacheDurationSeconds())
                                : QStringLiteral(" (without cache KrakenD downloads the set on both of its "
                                                 "key lookups of every request)")));
            } else
                fail(3, CheckName::Key, 401, unable + QStringLiteral("no Keys have been found"),
                    QStringLiteral("%1 matches no key of %2 (it has %3)").arg(idText, r.keySource, idsOf(d.value())));
        }
    }

    // ---------------------------------------------------------------- step 4: signature
    const QString cryptoFailure = QStringLiteral("go-jose/go-jose: error in cryptographic primitive");
    if (!jws || !key) {
        notEvaluated(4, CheckName::Signature, jws ? QStringLiteral("no key") : QStringLiteral("no parsed token"));
    } else if (key->privateMembers) {
        fail(4, CheckName::Signature, 401, unable + QStringLiteral("go-jose/go-jose: unsupported key type/format"),
            QStringLiteral("the JWK %1 carries private members (d): go-jose refuses a private key as a verifier; "
                           "publish only the public part")
                .arg(key->jwk.kid.isEmpty() ? QStringLiteral("without kid")
                                            : QStringLiteral("\"%1\"").arg(key->jwk.kid)));
    } else if (jws->signatureCount > 1) {
        fail(4, CheckName::Signature, 401,
            unable + QStringLiteral("go-jose/go-jose: too many signatures in payload; expecting only one"),
            QStringLiteral("the JSON serialization carries %1 signatures").arg(jws->signatureCount));
    } else {
        const QJsonValue crit = jws->header.value(QLatin1String("crit"));
        QString critProblem;
        if (!crit.isUndefined() && !crit.isNull()) {
            if (!crit.isArray())
                critProblem = QStringLiteral("crit is a %1, not an array of strings").arg(kindOf(crit));
            else
                for (const auto &c : crit.toArray())
                    if (!c.isString())
                        critProblem = QStringLiteral("crit holds a %1").arg(kindOf(c));
                    else if (c.toString() != u"b64")
                        critProblem = QStringLiteral("crit lists \"%1\", which go-jose does not support (only b64)")
                                          .arg(c.toString());
        }
        const auto alg = crypto::Algorithms::fromName(tokenAlg);
        auto input = signingInput(*jws);
        if (!critProblem.isEmpty()) {
            fail(4, CheckName::Signature, 401, unable + cryptoFailure, critProblem);
        } else if (!alg) {
            notEvaluated(4, CheckName::Signature, QStringLiteral("alg \"%1\" is not a JWS algorithm").arg(tokenAlg));
        } else if (!input) {
            fail(4, CheckName::Signature, 401, unable + cryptoFailure,
                QStringLiteral("the protected header is empty or not JSON: go-jose cannot rebuild the signing input"));
        } else if (auto ok = crypto::Signature::verify(*alg, key->jwk.key, input.value(), jws->signature,
                       // go-jose's acceptance (Go's crypto/ed25519), not this tool's stricter one: KrakenD accepts
                       // small-order and non-canonical Ed25519 keys, so the simulation must too.
                       crypto::VerifyFlavour::GoJose);
                   !ok) {
            fail(4, CheckName::Signature, 401, unable + cryptoFailure,
                QStringLiteral("%1 with %2: %3").arg(tokenAlg, key->jwk.key.description(), ok.error().message));
        } else {
            // KrakenD (go-jose) verifies with keys this tool's own verifier refuses by default: keep its answer, but
            // say so.
            QString weak;
            if (key->jwk.key.type() == crypto::KeyType::Rsa && key->jwk.key.bits() < 2048)
                weak
                    = QStringLiteral("; KrakenD accepts this %1-bit RSA key, although RFC 7518 §3.3 requires 2048 bits "
                                     "(verify refuses it without --allow-weak-keys)")
                          .arg(key->jwk.key.bits());
            else if (key->jwk.key.isSmallOrder())
                weak = QStringLiteral("; KrakenD accepts this Ed25519 key although it is a point of small order: "
                                      "signatures forged without any private key verify under it");
            pass(4, CheckName::Signature,
                QStringLiteral("%1 signature verified with %2%3%4")
                    .arg(tokenAlg, key->jwk.key.description(),
                        key->jwk.kid.isEmpty() ? QString() : QStringLiteral(" (kid \"%1\")").arg(key->jwk.kid), weak));
        }
    }

    // ---------------------------------------------------------------- step 5: registered claim types
    JsonScan payloadScan;
    QJsonObject claims;
    bool claimsDecoded = false;
    QString issuer;
    QStringList aud;
    std::optional<qint64> exp, nbf, iat;
    if (!jws) {
        notEvaluated(5, CheckName::ClaimTypes, QStringLiteral("no parsed token"));
    } else {
        payloadScan = JsonScanner(jws->payload).scan();
        QStringList problems;
        if (!payloadScan.ok) {
            problems << payloadScan.error;
        } else if (const QStringList dups = common::JsonText::duplicateKeys(payloadScan.sanitized); !dups.isEmpty()) {
            problems << QStringLiteral("duplicate key \"%1\" in the payload (go-jose's JSON decoder rejects "
                                       "duplicate keys)")
                            .arg(dups.first());
            claims = parseSanitized(payloadScan).object();
        } else if (!payloadScan.topLevelNull && payloadScan.topLevelKind != '{') {
            problems << QStringLiteral("json: cannot unmarshal %1 into Go value of type jwt.Claims")
                            .arg(payloadScan.topLevelKind == '['      ? QStringLiteral("array")
                                    : payloadScan.topLevelKind == '"' ? QStringLiteral("string")
                                    : payloadScan.topLevelKind == '0' ? QStringLiteral("number")
                                                                      : QStringLiteral("bool"));
        } else {
            claims = parseSanitized(payloadScan).object();
        }
        if (payloadScan.ok) {
            claimsDecoded = true;
            for (const char *name : {"iss", "sub", "jti"}) {
                const QJsonValue v = claims.value(QLatin1String(name));
                if (!v.isUndefined() && !v.isNull() && !v.isString())
                    problems << QStringLiteral(
                        "json: cannot unmarshal %1 into Go struct field Claims.%2 of type string")
                                    .arg(kindOf(v), QLatin1String(name));
            }
            issuer = claims.value(QLatin1String("iss")).toString();
            const QJsonValue a = claims.value(QLatin1String("aud"));
            if (a.isString()) {
                aud = QStringList {a.toString()};
            } else if (a.isArray()) {
                const QJsonArray array = a.toArray();
                bool allStrings = true;
                for (const auto &e : array) {
                    allStrings = allStrings && e.isString();
                    aud << e.toString();
                }
                if (!allStrings)
                    problems << QStringLiteral("go-jose/go-jose/jwt: expected string or array value to unmarshal to "
                                               "Audience (aud holds a non-string element)");
            } else if (!a.isUndefined()) {
                problems << QStringLiteral("go-jose/go-jose/jwt: expected string or array value to unmarshal to "
                                           "Audience (aud is %1)")
                                .arg(a.isNull() ? QStringLiteral("null") : QStringLiteral("a ") + kindOf(a));
            }
            for (const char *name : {"exp", "nbf", "iat"}) {
                const QString n = QLatin1String(name);
                const QJsonValue v = claims.value(n);
                std::optional<qint64> &target = n == u"exp" ? exp : n == u"nbf" ? nbf : iat;
                if (v.isUndefined() || v.isNull())
                    continue;
                if (!v.isDouble() || payloadScan.overflowMembers.contains(n))
                    problems << QStringLiteral("go-jose/go-jose/jwt: expected number value to unmarshal NumericDate "
                                               "(%1 is %2)")
                                    .arg(n,
                                        v.isDouble() ? QStringLiteral("a number beyond float64")
                                                     : QStringLiteral("a ") + kindOf(v));
                else
                    target = goInt64(v.toDouble());
            }
        }
        if (problems.isEmpty())
            pass(5, CheckName::ClaimTypes,
                QStringLiteral("iss, sub, jti, aud, exp, nbf and iat have the types go-jose expects"));
        else
            fail(5, CheckName::ClaimTypes, 401, unable + problems.first(), problems.join(QStringLiteral("; ")));
    }

    // ---------------------------------------------------------------- step 6: iss → aud → nbf → exp → iat
    const qint64 leeway = cfg.effectiveLeewayNanos();
    const qint64 nowMs = m_clock->now().toMSecsSinceEpoch();
    const qint64 nowSec = nowMs >= 0 ? nowMs / 1000 : -((-nowMs + 999) / 1000);
    const GoTime now = goUnix(nowSec, (nowMs - nowSec * 1000) * 1000000);
    const QString validation = unable + QStringLiteral("go-jose/go-jose/jwt: validation failed, ");
    const QString leewayText = durationText(leeway);
    if (!claimsDecoded) {
        for (CheckName name : {CheckName::Iss, CheckName::Aud, CheckName::Nbf, CheckName::Exp, CheckName::Iat})
            notEvaluated(6, name, QStringLiteral("the payload does not decode"));
    } else {
        if (cfg.issuer().isEmpty())
            pass(6, CheckName::Iss, QStringLiteral("no issuer configured: not checked"));
        else if (issuer == cfg.issuer())
            pass(6, CheckName::Iss, QStringLiteral("iss \"%1\" matches").arg(issuer));
        else
            fail(6, CheckName::Iss, 401, validation + QStringLiteral("invalid issuer claim (iss)"),
                claims.contains(QLatin1String("iss"))
                    ? QStringLiteral("token iss \"%1\" is not \"%2\" (exact match)").arg(issuer, cfg.issuer())
                    : QStringLiteral("the token has no iss; \"%1\" is required").arg(cfg.issuer()));

        const QStringList wantedAud = cfg.audience();
        QStringList missingAud;
        for (const QString &a : wantedAud)
            if (!aud.contains(a))
                missingAud << a;
        if (wantedAud.isEmpty())
            pass(6, CheckName::Aud, QStringLiteral("no audience configured: not checked"));
        else if (missingAud.isEmpty())
            pass(6, CheckName::Aud,
                QStringLiteral("aud %1 holds every configured audience").arg(compact(QJsonArray::fromStringList(aud))));
        else
            fail(6, CheckName::Aud, 401, validation + QStringLiteral("invalid audience claim (aud)"),
                QStringLiteral("aud %1 lacks %2: KrakenD requires ALL configured audiences")
                    .arg(compact(QJsonArray::fromStringList(aud)), compact(QJsonArray::fromStringList(missingAud))));

        if (!nbf)
            pass(6, CheckName::Nbf, QStringLiteral("no nbf"));
        else if (goBefore(goAdd(now, leeway), goUnix(*nbf)))
            fail(6, CheckName::Nbf, 401, validation + QStringLiteral("token not valid yet (nbf)"),
                QStringLiteral("nbf %1 is after now + leeway %2").arg(unixText(*nbf), leewayText));
        else
            pass(6, CheckName::Nbf, QStringLiteral("nbf %1 reached (leeway %2)").arg(unixText(*nbf), leewayText));

        if (!exp)
            pass(6, CheckName::Exp, QStringLiteral("no exp: the token never expires"));
        else if (goBefore(goUnix(*exp), goAdd(now, -leeway)))
            fail(6, CheckName::Exp, 401, validation + QStringLiteral("token is expired (exp)"),
                QStringLiteral("exp %1 is before now - leeway %2").arg(unixText(*exp), leewayText));
        else
            pass(6, CheckName::Exp, QStringLiteral("exp %1 not passed (leeway %2)").arg(unixText(*exp), leewayText));

        if (!iat)
            pass(6, CheckName::Iat, QStringLiteral("no iat"));
        else if (goBefore(goAdd(now, leeway), goUnix(*iat)))
            fail(6, CheckName::Iat, 401,
                validation + QStringLiteral("validation field, token issued in the future (iat)"),
                QStringLiteral("iat %1 is after now + leeway %2").arg(unixText(*iat), leewayText));
        else
            pass(6, CheckName::Iat,
                QStringLiteral("iat %1 is not in the future (leeway %2)").arg(unixText(*iat), leewayText));
    }

    // ---------------------------------------------------------------- step 7: claims as a generic map
    if (!jws) {
        notEvaluated(7, CheckName::ClaimsMap, QStringLiteral("no parsed token"));
    } else if (!payloadScan.ok || (!payloadScan.topLevelNull && payloadScan.topLevelKind != '{')
        || !common::JsonText::duplicateKeys(payloadScan.sanitized).isEmpty()) {
        fail(7, CheckName::ClaimsMap, 401,
            QStringLiteral("Token sent by client is invalid: the payload is not a JSON object"),
            QStringLiteral("the payload does not decode into map[string]interface{}"));
    } else if (payloadScan.overflow) {
        fail(7, CheckName::ClaimsMap, 401,
            QStringLiteral("Token sent by client is invalid: json: cannot unmarshal number %1 into Go value of type "
                           "float64")
                .arg(payloadScan.overflowLiteral),
            QStringLiteral("%1 holds a number float64 cannot represent")
                .arg(payloadScan.overflowMembers.join(QStringLiteral(", "))));
    } else {
        pass(7, CheckName::ClaimsMap,
            QStringLiteral("%1 claim(s) decoded (second key lookup and verification give the same "
                           "result)")
                .arg(claims.size()));
    }

    // ---------------------------------------------------------------- step 8: rejecters (revoker, CEL)
    if (!claimsDecoded) {
        notEvaluated(8, CheckName::Revocation, QStringLiteral("no claims"));
    } else {
        QStringList notes;
        QString revokedEntry;
        if (m_setup.revokerConfigured) {
            for (const QString &k : m_setup.revokerTokenKeys) {
                const QJsonValue v = claims.value(k);
                if (v.isUndefined())
                    notes << QStringLiteral("%1 absent").arg(k);
                else if (!v.isString())
                    notes << QStringLiteral("%1 is a %2: never tested (only string claims are)").arg(k, kindOf(v));
                else if (const QString entry = k + u'-' + v.toString(); m_revoked.contains(entry)) {
                    if (revokedEntry.isEmpty())
                        revokedEntry = entry;
                } else
                    notes << QStringLiteral("\"%1\" not revoked").arg(entry);
            }
        } else {
            notes << QStringLiteral("no auth/revoker at the service level");
            if (!m_revoked.isEmpty())
                finding(Severity::Warning, "revoked_without_revoker", QStringLiteral("auth/revoker"),
                    QStringLiteral("revoked entries were given but the service has no auth/revoker: KrakenD "
                                   "rejects nothing"));
        }
        if (m_setup.hasCelJwtRules) {
            notes << QStringLiteral("validation/cel JWT expressions are not evaluated by this simulator");
            finding(Severity::Info, "cel_not_simulated", QStringLiteral("validation/cel"),
                QStringLiteral("the endpoint has CEL expressions on JWT: they run here and may reject the token "
                               "(401), but this simulator does not evaluate them"));
        }
        if (!revokedEntry.isEmpty())
            fail(8, CheckName::Revocation, 401, QStringLiteral("Token sent by client rejected"),
                QStringLiteral("\"%1\" is in the revocation list (bloom filter)").arg(revokedEntry));
        else
            pass(8, CheckName::Revocation, notes.join(QStringLiteral("; ")));
    }

    // ---------------------------------------------------------------- steps 9, 10: roles and scopes
    auto matchEval = [&](int step, CheckName name, const Match &m, const QString &forbidden, const QString &what) {
        if (m.kind == MatchKind::Pass)
            pass(step, name, m.detail);
        else if (m.kind == MatchKind::Fail)
            fail(step, name, 403, forbidden, m.detail);
        else
            fail(step, name, 500,
                QStringLiteral("KrakenD panics while matching %1 (gin Recovery answers 500): %2").arg(what, m.panic),
                m.detail);
    };
    if (!claimsDecoded) {
        notEvaluated(9, CheckName::Roles, QStringLiteral("no claims"));
        notEvaluated(10, CheckName::Scopes, QStringLiteral("no claims"));
    } else {
        if (cfg.roles().isEmpty())
            pass(9, CheckName::Roles, QStringLiteral("no roles required"));
        else
            matchEval(9, CheckName::Roles, rolesMatch(cfg, claims),
                QStringLiteral("Token sent by client does not have sufficient roles"), QStringLiteral("roles"));
        if (!cfg.scopesCheckEnabled())
            pass(10, CheckName::Scopes,
                cfg.scopes().isEmpty() ? QStringLiteral("no scopes required")
                                       : QStringLiteral("scopes are listed but scopes_key is empty: "
                                                        "KrakenD skips the check"));
        else
            matchEval(10, CheckName::Scopes, scopesMatch(cfg, claims),
                QStringLiteral("Token sent by client does not have the required scopes"), QStringLiteral("scopes"));
    }

    // ---------------------------------------------------------------- step 11: propagate_claims
    QList<PropagatedHeader> propagated;
    {
        QStringList notes;
        const QList<QStringList> pairs = cfg.propagateClaims();
        // CalculateHeadersToPropagate fills a map by the raw header name (a later pair replaces an earlier one);
        // Header.Set then canonicalises in map order, which Go randomises: same-canonical names are ambiguous.
        QList<QPair<QString, PropagatedHeader>> byRaw;
        for (int i = 0; i < pairs.size(); ++i) {
            const QStringList &pair = pairs[i];
            if (pair.size() != 2) {
                notes << QStringLiteral("pair %1 skipped (%2 elements)").arg(i).arg(pair.size());
                continue;
            }
            const QJsonValue v = propagationValue(claims, pair[0]);
            PropagatedHeader h {HeaderFormatter::canonicalHeaderName(pair[1]),
                r.preserveArrays ? HeaderFormatter::formatPreservingArray(v) : QStringList {HeaderFormatter::format(v)},
                pair[0]};
            bool replaced = false;
            for (auto &[raw, existing] : byRaw)
                if (raw == pair[1]) {
                    existing = h;
                    replaced = true;
                }
            if (!replaced)
                byRaw.append({pair[1], h});
        }
        for (const auto &[raw, h] : std::as_const(byRaw)) {
            bool merged = false;
            for (auto &existing : propagated)
                if (existing.name == h.name) {
                    finding(Severity::Warning, "propagate_claims_same_header", h.name,
                        QStringLiteral("two propagate_claims pairs write %1 under different spellings: Go applies "
                                       "them in random map order, so either value may win (shown: the later one)")
                            .arg(h.name));
                    existing = h;
                    merged = true;
                }
            if (!merged)
                propagated.append(h);
        }
        QStringList shown;
        for (const auto &h : std::as_const(propagated))
            shown << QStringLiteral("%1 = %2").arg(h.name,
                r.preserveArrays ? compact(QJsonArray::fromStringList(h.values))
                                 : QStringLiteral("\"%1\"").arg(h.values.value(0)));
        if (pairs.isEmpty())
            pass(11, CheckName::PropagateClaims, QStringLiteral("nothing to propagate"));
        else
            pass(11, CheckName::PropagateClaims,
                (shown.isEmpty() ? QStringLiteral("no header") : shown.join(QStringLiteral(", ")))
                    + (notes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(notes.join(QStringLiteral("; ")))));
    }

    // ---------------------------------------------------------------- step 12: {JWT.x} URL parameters
    QList<UrlParam> params;
    {
        static const QRegularExpression placeholder(QStringLiteral("\\{JWT\\.([A-Za-z0-9_\\-.:/]+)\\}"));
        for (const QString &pattern : m_setup.urlPatterns) {
            auto it = placeholder.globalMatch(pattern);
            while (it.hasNext()) {
                const QString claim = it.next().captured(1);
                UrlParam p {QStringLiteral("JWT.") + claim, claim, QString(), false};
                const QJsonValue v = claims.value(claim); // literal top-level lookup, no nesting
                if (!v.isUndefined()) {
                    p.value = HeaderFormatter::format(v);
                    p.resolved = true;
                }
                params.append(p);
            }
        }
        QStringList shown;
        for (const auto &p : std::as_const(params))
            shown << (p.resolved
                    ? QStringLiteral("{%1} = \"%2\"").arg(p.name, p.value)
                    : QStringLiteral("{%1} stays unreplaced (no top-level claim \"%2\")").arg(p.name, p.claim));
        pass(12, CheckName::UrlParams,
            shown.isEmpty() ? QStringLiteral("no {JWT.x} placeholder in the backends")
                            : shown.join(QStringLiteral(", ")));
    }

    // ---------------------------------------------------------------- step 13: next handler
    pass(13, CheckName::Backend,
        QStringLiteral("the request goes on to the next handler (Lua, rate limit, backend proxy or "
                       "signer); the backend's answer decides the final status"));

    // ---------------------------------------------------------------- assemble: KrakenD stops at the first failure
    int stop = -1;
    for (int i = 0; i < evals.size(); ++i)
        if (evals[i].outcome == Outcome::Fail) {
            stop = i;
            break;
        }
    for (int i = 0; i < evals.size(); ++i) {
        const Eval &e = evals[i];
        SimulationCheck c {e.step, e.name, CheckResult::Skip, e.detail, e.status};
        if (stop < 0 || i < stop) {
            c.outcome = e.outcome == Outcome::Pass ? CheckResult::Pass : CheckResult::Skip;
            if (e.outcome == Outcome::NotEvaluated)
                c.detail = QStringLiteral("not evaluated: ") + e.detail;
        } else if (i == stop) {
            c.outcome = CheckResult::Fail;
        } else {
            switch (e.outcome) {
            case Outcome::Pass:
                c.detail = QStringLiteral("not reached; would pass: ") + e.detail;
                break;
            case Outcome::Fail:
                c.detail = QStringLiteral("not reached; would fail (%1): %2").arg(e.status).arg(e.detail);
                c.wouldAlsoFail = true;
                r.alsoFails.append(SimulationCheck {e.step, e.name, CheckResult::Fail, e.detail, e.status, true});
                break;
            case Outcome::NotEvaluated:
                c.detail = QStringLiteral("not reached; not evaluated: ") + e.detail;
                break;
            }
        }
        r.checks.append(c);
    }
    r.stoppedAt = stop;
    if (stop >= 0) {
        r.status = evals[stop].status;
        r.reason = evals[stop].reason;
    } else {
        r.status = 200;
        r.reason = QStringLiteral("Token accepted: KrakenD passes the request on to the backend");
        r.propagatedHeaders = propagated;
        r.urlParams = params;
    }
    return r;
}

} // namespace jwb::krakend
