#include "jose/Base64Url.h"

#include <array>

namespace jwb::jose::Base64Url {

namespace {
constexpr std::array<qint8, 256> makeTable()
{
    std::array<qint8, 256> t {};
    for (auto &v : t)
        v = -1;
    for (int i = 0; i < 26; ++i) {
        t[static_cast<size_t>('A' + i)] = static_cast<qint8>(i);
        t[static_cast<size_t>('a' + i)] = static_cast<qint8>(26 + i);
    }
    for (int i = 0; i < 10; ++i)
        t[static_cast<size_t>('0' + i)] = static_cast<qint8>(52 + i);
    t[static_cast<size_t>('-')] = 62;
    t[static_cast<size_t>('_')] = 63;
    return t;
}
constexpr auto kTable = makeTable();

QString describeChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u == ' ')
        return QStringLiteral("a space");
    if (u == '\t')
        return QStringLiteral("a tab");
    if (u == '\n' || u == '\r')
        return QStringLiteral("a line break");
    if (u >= 0x21 && u < 0x7f)
        return QStringLiteral("'%1'").arg(QChar::fromLatin1(c));
    return QStringLiteral("byte 0x%1").arg(u, 2, 16, QLatin1Char('0'));
}
} // namespace

QByteArray encode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

common::Result<QByteArray> decode(QByteArrayView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (kTable[static_cast<unsigned char>(text[i])] < 0) {
            QString why = QStringLiteral("%1 at character %2 is not base64url").arg(describeChar(text[i])).arg(i + 1);
            if (text[i] == '=')
                why += QStringLiteral(" (JWS forbids padding)");
            else if (text[i] == '+' || text[i] == '/')
                why += QStringLiteral(" (standard base64 alphabet; JWS needs '-' and '_')");
            return common::Result<QByteArray>::failure(
                QStringLiteral("invalid_base64url"), why, {{QStringLiteral("offset"), static_cast<qlonglong>(i)}});
        }
    }
    if (n % 4 == 1)
        return common::Result<QByteArray>::failure(QStringLiteral("invalid_base64url"),
            QStringLiteral("length %1 is impossible for base64url (one character too many or too few)").arg(n),
            {{QStringLiteral("offset"), static_cast<qlonglong>(n - 1)}});

    QByteArray out(n * 3 / 4, Qt::Uninitialized);
    char *o = out.data();
    quint32 acc = 0;
    int bits = 0;
    for (qsizetype i = 0; i < n; ++i) {
        acc = (acc << 6) | static_cast<quint32>(kTable[static_cast<unsigned char>(text[i])]);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *o++ = static_cast<char>((acc >> bits) & 0xff);
        }
    }
    if (bits > 0 && (acc & ((1u << bits) - 1u)) != 0)
        return common::Result<QByteArray>::failure(QStringLiteral("invalid_base64url"),
            QStringLiteral("non-canonical encoding: the last character (character %1) carries stray bits").arg(n),
            {{QStringLiteral("offset"), static_cast<qlonglong>(n - 1)}});
    return out;
}

qsizetype decodeInto(const char *in, qsizetype n, unsigned char *out)
{
    if (n % 4 == 1)
        return -1;
    unsigned char *o = out;
    qsizetype i = 0;
    auto at = [&](qsizetype k) { return static_cast<int>(kTable[static_cast<unsigned char>(in[k])]); };
    for (; i + 4 <= n; i += 4) {
        const int a = at(i), b = at(i + 1), c = at(i + 2), e = at(i + 3);
        if ((a | b | c | e) < 0)
            return -1;
        const quint32 v = (static_cast<quint32>(a) << 18) | (static_cast<quint32>(b) << 12)
            | (static_cast<quint32>(c) << 6) | static_cast<quint32>(e);
        *o++ = static_cast<unsigned char>(v >> 16);
        *o++ = static_cast<unsigned char>(v >> 8);
        *o++ = static_cast<unsigned char>(v);
    }
    const qsizetype rest = n - i;
    if (rest == 2) {
        const int a = at(i), b = at(i + 1);
        if ((a | b) < 0 || (b & 0x0f) != 0)
            return -1;
        *o++ = static_cast<unsigned char>((a << 2) | (b >> 4));
    } else if (rest == 3) {
        const int a = at(i), b = at(i + 1), c = at(i + 2);
        if ((a | b | c) < 0 || (c & 0x03) != 0)
            return -1;
        *o++ = static_cast<unsigned char>((a << 2) | (b >> 4));
        *o++ = static_cast<unsigned char>(((b & 0x0f) << 4) | (c >> 2));
    }
    return o - out;
}

common::Result<QByteArray> decodeLenient(QByteArrayView text)
{
    QByteArray cleaned;
    cleaned.reserve(text.size());
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '=')
            continue;
        cleaned.append(c == '+' ? '-' : c == '/' ? '_' : c);
    }
    const qsizetype rem = cleaned.size() % 4;
    if (rem == 1)
        return common::Result<QByteArray>::failure(
            QStringLiteral("invalid_base64"), QStringLiteral("truncated base64 data (length %1)").arg(cleaned.size()));
    for (qsizetype i = 0; i < cleaned.size(); ++i)
        if (kTable[static_cast<unsigned char>(cleaned[i])] < 0)
            return common::Result<QByteArray>::failure(
                QStringLiteral("invalid_base64"), QStringLiteral("%1 is not base64").arg(describeChar(cleaned[i])));
    return QByteArray::fromBase64(cleaned, QByteArray::Base64UrlEncoding);
}

} // namespace jwb::jose::Base64Url
