#include "jose/TokenParser.h"

#include "jose/Base64Url.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace jwb::jose {

namespace {

bool startsWithCi(QStringView text, QLatin1StringView prefix)
{
    return text.startsWith(prefix, Qt::CaseInsensitive);
}

/// Finds the token inside a wrapper and returns [start, length) within `input`.
struct Located
{
    qsizetype start = 0;
    qsizetype length = 0;
    QString source = QStringLiteral("token");
};

qsizetype skipSpaces(const QString &s, qsizetype i, qsizetype end)
{
    while (i < end && s[i].isSpace())
        ++i;
    return i;
}

Located locate(const QString &input);

/// One shell word of a curl command line: its text after quote removal, and where it starts in the input.
struct ShellWord
{
    QString text;
    qsizetype start = 0;
};

/// Splits a command line as a POSIX shell would for our purpose: single quotes keep everything, double quotes
/// keep everything but \" \\ \$ \` (unescaped), a backslash outside quotes escapes the next character, and a
/// backslash-newline joins lines. Variables are not expanded.
QList<ShellWord> shellWords(const QString &line)
{
    QList<ShellWord> words;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && (line[i].isSpace() || (line[i] == u'\\' && i + 1 < n && line[i + 1] == u'\n')))
            i += line[i] == u'\\' ? 2 : 1;
        if (i >= n)
            break;
        ShellWord word;
        word.start = i;
        while (i < n && !line[i].isSpace()) {
            const QChar c = line[i];
            if (c == u'\'') {
                const qsizetype close = line.indexOf(u'\'', i + 1);
                const qsizetype stop = close < 0 ? n : close;
                word.text += QStringView(line).mid(i + 1, stop - i - 1);
                i = stop + 1;
            } else if (c == u'"') {
                ++i;
                while (i < n && line[i] != u'"') {
                    if (line[i] == u'\\' && i + 1 < n && QStringView(u"\"\\$`").contains(line[i + 1]))
                        ++i;
                    word.text += line[i++];
                }
                ++i;
            } else if (c == u'\\' && i + 1 < n) {
                if (line[i + 1] != u'\n')
                    word.text += line[i + 1];
                i += 2;
            } else {
                word.text += c;
                ++i;
            }
        }
        words.append(word);
    }
    return words;
}

/// The token of a pasted curl command (`curl -H 'Authorization: Bearer ...'`, `--header`, `-b`/`--cookie`, as
/// the app's own "Copy as curl" writes them): an Authorization header first, then any other header, then a
/// cookie, whose value holds a compact token. The location points into the original text.
std::optional<Located> locateInCurl(const QString &input)
{
    static const QRegularExpression curl(QStringLiteral("^\\s*curl(\\s|$)"));
    if (!curl.match(input).hasMatch())
        return std::nullopt;
    const QList<ShellWord> words = shellWords(input);
    struct Candidate
    {
        int rank; ///< 0 Authorization header, 1 another header, 2 cookie
        const ShellWord *word;
        QString value; ///< what locate() reads: "Name: value" for a header, "Cookie: ..." for cookies
    };
    QList<Candidate> candidates;
    const auto argument
        = [&words](int &i, QLatin1StringView shortName, QLatin1StringView longName, QString *value) -> bool {
        const QString &w = words[i].text;
        if (w == shortName || w == longName) {
            if (i + 1 >= words.size())
                return false;
            *value = words[++i].text;
            return true;
        }
        if (w.startsWith(longName + u'=')) {
            *value = w.mid(longName.size() + 1);
            return true;
        }
        if (w.startsWith(shortName) && w.size() > shortName.size() && !w.startsWith(u"--")) {
            *value = w.mid(shortName.size());
            return true;
        }
        return false;
    };
    for (int i = 1; i < words.size(); ++i) {
        QString value;
        if (argument(i, QLatin1StringView("-H"), QLatin1StringView("--header"), &value)) {
            const bool authorization = startsWithCi(value, QLatin1StringView("authorization:"));
            candidates.append({authorization ? 0 : 1, &words[i], value});
        } else if (argument(i, QLatin1StringView("-b"), QLatin1StringView("--cookie"), &value)) {
            candidates.append({2, &words[i], QStringLiteral("Cookie: ") + value});
        } else if (words[i].text == u"--oauth2-bearer" && i + 1 < words.size()) {
            ++i;
            candidates.append({0, &words[i], QStringLiteral("Authorization: Bearer ") + words[i].text});
        }
    }
    std::stable_sort(
        candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) { return a.rank < b.rank; });
    for (const Candidate &c : candidates) {
        QString value = c.value;
        QString name;
        if (c.rank == 1) { // "X-Token: eyJ..." is read as that header's value
            const qsizetype colon = value.indexOf(u':');
            name = value.left(colon).trimmed();
            value = value.mid(colon + 1);
        }
        const Located inner = locate(value);
        const QStringView token = QStringView(value).mid(inner.start, inner.length);
        const auto dots = token.count(u'.');
        if (token.isEmpty() || (dots != 2 && dots != 4))
            continue;
        // Tokens hold no quote or escape characters, so they stand verbatim in the command line.
        const qsizetype at = input.indexOf(token, c.word->start);
        if (at < 0)
            continue;
        Located loc;
        loc.start = at;
        loc.length = token.size();
        loc.source = c.rank == 0 ? QStringLiteral("curl: Authorization header")
            : c.rank == 1        ? QStringLiteral("curl: header %1").arg(name)
                                 : QStringLiteral("curl: %1").arg(inner.source);
        return loc;
    }
    return std::nullopt;
}

Located locate(const QString &input)
{
    if (auto fromCurl = locateInCurl(input))
        return *fromCurl;
    Located loc;
    qsizetype begin = skipSpaces(input, 0, input.size());
    qsizetype end = input.size();
    while (end > begin && input[end - 1].isSpace())
        --end;

    auto view = [&] { return QStringView(input).mid(begin, end - begin); };

    if (startsWithCi(view(), QLatin1StringView("authorization:"))) {
        begin = skipSpaces(input, begin + 14, end);
        loc.source = QStringLiteral("Authorization header");
    }
    const bool cookieHeader = startsWithCi(view(), QLatin1StringView("cookie:"));
    const bool setCookie = startsWithCi(view(), QLatin1StringView("set-cookie:"));
    if (cookieHeader || setCookie) {
        begin = skipSpaces(input, begin + (cookieHeader ? 7 : 11), end);
        // name=value pairs separated by ';': take the first value that looks like a compact token.
        qsizetype pos = begin;
        while (pos < end) {
            qsizetype semi = input.indexOf(u';', pos);
            if (semi < 0 || semi > end)
                semi = end;
            const qsizetype eq = input.indexOf(u'=', pos);
            if (eq > 0 && eq < semi) {
                const QStringView value = QStringView(input).mid(eq + 1, semi - eq - 1).trimmed();
                const auto dots = value.count(u'.');
                if (dots == 2 || dots == 4) {
                    const qsizetype vstart = input.indexOf(value, eq + 1);
                    loc.start = vstart;
                    loc.length = value.size();
                    loc.source = QStringLiteral("cookie %1").arg(QStringView(input).mid(pos, eq - pos).trimmed());
                    return loc;
                }
            }
            pos = skipSpaces(input, semi + 1, end);
            if (setCookie)
                break; // attributes after the first pair are not cookies
        }
        loc.source = QStringLiteral("cookie");
    }
    // A bare "Bearer" is a prefix without a token, not a one-segment token.
    if (startsWithCi(view(), QLatin1StringView("bearer")) && (end - begin == 6 || input[begin + 6].isSpace())) {
        begin = skipSpaces(input, begin + 6, end);
        if (loc.source == u"token")
            loc.source = QStringLiteral("Bearer");
    }
    // A single cookie pair such as "access_token=eyJ...".
    static const QRegularExpression cookiePair(QStringLiteral("^([A-Za-z0-9_.!#$%&'*+^`|~-]+)=(?=[^=]*\\.)"));
    if (const auto m = cookiePair.match(view());
        m.hasMatch() && !m.captured(1).startsWith(u"eyJ") && !m.captured(1).contains(u'.')) {
        loc.source = QStringLiteral("cookie %1").arg(m.captured(1));
        begin += m.capturedLength(0);
    }
    // Quotes from a JSON string or a shell.
    if (end - begin >= 2
        && ((input[begin] == u'"' && input[end - 1] == u'"') || (input[begin] == u'\'' && input[end - 1] == u'\''))) {
        ++begin;
        --end;
    }
    loc.start = begin;
    loc.length = end - begin;
    return loc;
}

void addIssue(Token &t, QString code, QString message, int segment, qsizetype offset, qsizetype jsonOffset = -1)
{
    t.issues.append(ParseIssue {std::move(code), std::move(message), segment, offset, jsonOffset});
}

QString segmentLabel(const Token &t, int index)
{
    return QStringLiteral("segment %1 (%2)").arg(index + 1).arg(segmentRoleName(t.segments[index].role));
}

/// Why `raw` (a part of t.compact at `offset`) is not base64url, with the offending character named and counted
/// from 1 within the part and within the token; empty when it decodes.
QString base64UrlProblem(const QByteArray &raw, qsizetype offset, const QHash<qsizetype, char32_t> &nonAscii,
    qsizetype *where, QByteArray *decodedOut)
{
    auto decoded = Base64Url::decode(raw);
    if (decoded) {
        if (decodedOut)
            *decodedOut = decoded.value();
        return {};
    }
    const qsizetype local = decoded.error().details.value(QStringLiteral("offset")).toLongLong();
    QString why = decoded.error().message;
    if (const auto it = nonAscii.constFind(offset + local); it != nonAscii.constEnd())
        why = QStringLiteral("'%1' (U+%2) at character %3 is not base64url")
                  .arg(QString::fromUcs4(&it.value(), 1),
                      QString::number(static_cast<uint>(it.value()), 16).toUpper().rightJustified(4, u'0'))
                  .arg(local + 1);
    *where = offset + local;
    return why;
}

/// Splits what follows the issuer-signed JWT of an SD-JWT (RFC 9901 section 4): `~<Disclosure>~...~` and an
/// optional KB-JWT after the last '~'. Each Disclosure must be non-empty base64url; its content is judged by
/// SdJwt::analyse().
void splitSdJwt(Token &t, const QHash<qsizetype, char32_t> &nonAscii)
{
    qsizetype pos = t.sdJwtTilde + 1;
    int index = 0;
    for (;;) {
        const qsizetype next = t.compact.indexOf('~', pos);
        if (next < 0) {
            const QByteArray last = t.compact.mid(pos);
            if (last.isEmpty())
                break;
            t.keyBinding = SdJwtPart {last, pos};
            if (last.count('.') != 2)
                addIssue(t, QStringLiteral("invalid_kb_jwt"),
                    QStringLiteral("the text after the last '~' (character %1 of the token) is neither empty nor a "
                                   "Key Binding JWT (3 segments): an SD-JWT ends with '~' after its last Disclosure")
                        .arg(pos + 1),
                    -1, pos);
            break;
        }
        ++index;
        const QByteArray raw = t.compact.mid(pos, next - pos);
        if (raw.isEmpty()) {
            addIssue(t, QStringLiteral("empty_disclosure"),
                QStringLiteral("Disclosure %1 is empty ('~~' at character %2 of the token)").arg(index).arg(pos), -1,
                pos - 1);
        } else {
            t.disclosures.append(SdJwtPart {raw, pos});
            qsizetype where = -1;
            const QString why = base64UrlProblem(raw, pos, nonAscii, &where, nullptr);
            if (!why.isEmpty())
                addIssue(t, QStringLiteral("invalid_base64url"),
                    QStringLiteral("Disclosure %1: %2 (character %3 of the token)").arg(index).arg(why).arg(where + 1),
                    -1, where);
        }
        pos = next + 1;
    }
}

/// Parses a decoded segment as a JSON object; records an issue with the offset on failure.
bool parseJsonObject(Token &t, int index, QJsonObject &out)
{
    const Segment &seg = t.segments[index];
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(seg.decoded, &err);
    // QJsonDocument rejects a top-level scalar ("HS256", 42) as invalid; it is JSON, just not an object.
    const bool scalar
        = err.error != QJsonParseError::NoError && QJsonDocument::fromJson("[" + seg.decoded + "]").array().size() == 1;
    if (err.error != QJsonParseError::NoError && !scalar) {
        addIssue(t, QStringLiteral("invalid_json"),
            QStringLiteral("%1 is not valid JSON: %2 at byte %3 of the decoded text")
                .arg(segmentLabel(t, index), err.errorString())
                .arg(err.offset),
            index, seg.offset, err.offset);
        return false;
    }
    if (!doc.isObject()) {
        addIssue(t, QStringLiteral("json_not_object"),
            QStringLiteral("%1 is JSON but not an object").arg(segmentLabel(t, index)), index, seg.offset);
        return false;
    }
    out = doc.object();
    return true;
}

/// The flattened or general JWS JSON serialization, turned into its compact equivalent.
bool fromJsonSerialization(Token &t, const QString &text)
{
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    QJsonObject obj = doc.object();
    // Detached content (RFC 7515 Appendix F) omits "payload"; its compact form has an empty payload segment.
    if (!obj.contains(QLatin1String("payload")))
        obj.insert(QLatin1String("payload"), QString());
    QString source = QStringLiteral("JWS JSON serialization (flattened)");
    if (obj.contains(QLatin1String("signatures"))) {
        const auto sigs = obj.value(QLatin1String("signatures")).toArray();
        if (sigs.isEmpty())
            return false;
        const QJsonObject first = sigs.first().toObject();
        obj.insert(QLatin1String("protected"), first.value(QLatin1String("protected")));
        obj.insert(QLatin1String("signature"), first.value(QLatin1String("signature")));
        source = sigs.size() == 1
            ? QStringLiteral("JWS JSON serialization (general, 1 signature)")
            : QStringLiteral("JWS JSON serialization (general, first of %1 signatures)").arg(sigs.size());
    }
    if (!obj.value(QLatin1String("protected")).isString() || !obj.value(QLatin1String("payload")).isString()
        || !obj.value(QLatin1String("signature")).isString())
        return false;
    t.compact = obj.value(QLatin1String("protected")).toString().toLatin1() + '.'
        + obj.value(QLatin1String("payload")).toString().toLatin1() + '.'
        + obj.value(QLatin1String("signature")).toString().toLatin1();
    t.source = source;
    return true;
}

} // namespace

Token TokenParser::parse(const QString &input)
{
    Token t;
    t.input = input;
    const Located loc = locate(input);
    t.inputOffset = loc.start;
    t.source = loc.source;
    const QString text = input.mid(loc.start, loc.length);
    QHash<qsizetype, char32_t> nonAscii; // offset within t.compact -> the character the user gave

    if (text.isEmpty()) {
        addIssue(t, QStringLiteral("empty_token"), QStringLiteral("no token found in the input"), -1, -1);
        return t;
    }

    if (text.startsWith(u'{')) {
        if (!fromJsonSerialization(t, text)) {
            addIssue(t, QStringLiteral("invalid_json_serialization"),
                QStringLiteral("input starts with '{' but is not a JWS JSON serialization with protected, "
                               "payload and signature"),
                -1, 0);
            return t;
        }
    } else {
        // Whitespace inside a token (wrapped lines from a log) is dropped, as KrakenD's parser does; any
        // other non-ASCII character becomes one placeholder byte, so that base64url decoding fails at its
        // offset, and is remembered so that the message can name it.
        QByteArray compact;
        compact.reserve(text.size());
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c.isSpace()) {
                t.hadInnerWhitespace = true;
                continue;
            }
            if (c.unicode() < 0x80) {
                compact.append(static_cast<char>(c.unicode()));
                continue;
            }
            char32_t codePoint = c.unicode();
            if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
                codePoint = QChar::surrogateToUcs4(c, text[++i]);
            nonAscii.insert(compact.size(), codePoint);
            compact.append('\x80');
        }
        t.compact = compact;
    }

    // An SD-JWT: the issuer-signed JWT ends at the first '~' (a character base64url never uses). A '~' before the
    // JWT's three segments are complete is a bad character of that segment, reported as such.
    QByteArray jwt = t.compact;
    if (const qsizetype tilde = t.compact.indexOf('~'); tilde >= 0 && t.compact.left(tilde).count('.') == 2) {
        t.sdJwtTilde = tilde;
        jwt = t.compact.left(tilde);
    }
    const QList<QByteArray> parts = jwt.split('.');
    static const SegmentRole jwsRoles[] = {SegmentRole::Header, SegmentRole::Payload, SegmentRole::Signature};
    static const SegmentRole jweRoles[] = {SegmentRole::Header, SegmentRole::EncryptedKey,
        SegmentRole::InitializationVector, SegmentRole::Ciphertext, SegmentRole::Tag};
    if (parts.size() == 3)
        t.kind = TokenKind::Jws;
    else if (parts.size() == 5)
        t.kind = TokenKind::Jwe;

    qsizetype offset = 0;
    for (int i = 0; i < parts.size(); ++i) {
        Segment seg;
        seg.raw = parts[i];
        seg.offset = offset;
        if (t.kind == TokenKind::Jwe)
            seg.role = jweRoles[i];
        else if (i < 3)
            seg.role = jwsRoles[i];
        offset += parts[i].size() + 1;
        t.segments.append(seg);
    }

    if (t.kind == TokenKind::Unknown) {
        const auto dots = parts.size() - 1;
        addIssue(t, QStringLiteral("wrong_segment_count"),
            QStringLiteral("a compact JWS has 3 segments (2 dots) and a JWE 5 (4 dots); this has %1 "
                           "segment%2 (%3 dot%4)")
                .arg(parts.size())
                .arg(parts.size() == 1 ? QString() : QStringLiteral("s"))
                .arg(dots)
                .arg(dots == 1 ? QString() : QStringLiteral("s")),
            -1, jwt.size());
    }
    if (t.isSdJwt() && t.kind == TokenKind::Jwe)
        addIssue(t, QStringLiteral("sd_jwt_not_jws"),
            QStringLiteral("the part before the first '~' is a JWE: an SD-JWT starts with a signed JWT (3 segments)"),
            -1, 0);

    for (int i = 0; i < t.segments.size(); ++i) {
        Segment &seg = t.segments[i];
        if (seg.raw.isEmpty()) {
            seg.decodedOk = true; // empty is valid base64url (detached payload, unsecured JWS, JWE dir key)
            if (i == 0)
                addIssue(
                    t, QStringLiteral("empty_header"), QStringLiteral("segment 1 (header) is empty"), 0, seg.offset);
            continue;
        }
        qsizetype where = -1;
        const QString why = base64UrlProblem(seg.raw, seg.offset, nonAscii, &where, &seg.decoded);
        if (!why.isEmpty()) {
            // Characters are counted from 1 in messages; the issue's offset stays 0-based.
            addIssue(t, QStringLiteral("invalid_base64url"),
                QStringLiteral("%1: %2 (character %3 of the token)").arg(segmentLabel(t, i), why).arg(where + 1), i,
                where);
            continue;
        }
        seg.decodedOk = true;
    }

    if (!t.segments.isEmpty() && t.segments[0].decodedOk && !t.segments[0].raw.isEmpty())
        t.headerOk = parseJsonObject(t, 0, t.header);

    if (t.isSdJwt()) // after the JWT's own issues, so that the first issue is the leftmost
        splitSdJwt(t, nonAscii);
    if (t.kind == TokenKind::Jwe)
        return t;

    if (t.segments.size() > 1 && t.segments[1].decodedOk) {
        t.payloadBytes = t.segments[1].decoded;
        QJsonParseError err {};
        const QJsonDocument doc = QJsonDocument::fromJson(t.payloadBytes, &err);
        t.payloadIsJson = err.error == QJsonParseError::NoError && doc.isObject();
        if (t.payloadIsJson)
            t.payload = doc.object();
        else if (!t.payloadBytes.isEmpty() && (t.payloadBytes.startsWith('{') || t.payloadBytes.startsWith(' ')))
            // Looks like it was meant to be JSON claims: point at the error.
            addIssue(t, QStringLiteral("invalid_json"),
                QStringLiteral("segment 2 (payload) is not valid JSON: %1 at byte %2 of the decoded text")
                    .arg(err.error != QJsonParseError::NoError ? err.errorString() : QStringLiteral("not an object"))
                    .arg(err.offset),
                1, t.segments[1].offset, err.offset);
    }
    if (t.segments.size() > 2 && t.segments[2].decodedOk)
        t.signature = t.segments[2].decoded;
    return t;
}

common::Error TokenParser::issueToError(const Token &token)
{
    if (token.issues.isEmpty())
        return common::Error {QStringLiteral("malformed_token"), QStringLiteral("the token could not be decoded"), {}};
    const ParseIssue &first = token.issues.first();
    QVariantMap details;
    if (first.segment >= 0)
        details.insert(QStringLiteral("segment"), first.segment + 1);
    if (first.offset >= 0)
        details.insert(QStringLiteral("offset"), static_cast<qlonglong>(first.offset));
    if (first.jsonOffset >= 0)
        details.insert(QStringLiteral("json_offset"), static_cast<qlonglong>(first.jsonOffset));
    return common::Error {first.code, first.message, details};
}

common::Result<Token> TokenParser::parseStrict(const QString &input)
{
    Token t = parse(input);
    if (!t.isComplete())
        return issueToError(t);
    return t;
}

} // namespace jwb::jose
