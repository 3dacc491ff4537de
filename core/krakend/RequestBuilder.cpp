#include "krakend/RequestBuilder.h"

#include "krakend/HeaderFormatter.h"

#include <QRegularExpression>

#include <algorithm>

namespace jwb::krakend {

using RequestReader::trimOws;

namespace {

const QString kBearer = QStringLiteral("Bearer ");

bool validCookieValueByte(char16_t b)
{
    return b >= 0x20 && b < 0x7f && b != u'"' && b != u';' && b != u'\\';
}

/// One Cookie line read as net/http readCookies does, keeping the first valid cookie called `name`.
std::optional<QString> cookieInLine(const QString &line, const QString &name)
{
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
    return std::nullopt;
}

} // namespace

// ------------------------------------------------------------------------------------------------ TokenPlacement

TokenPlacement TokenPlacement::forEndpoint(const ValidatorConfig &validator)
{
    // A config that names a cookie reads tokens from it (when the header is absent): send it there.
    if (!validator.cookieKey().isEmpty())
        return cookie(validator.cookieKey());
    return endpointHeader(validator);
}

TokenPlacement TokenPlacement::endpointHeader(const ValidatorConfig &validator)
{
    return header(validator.effectiveAuthHeaderName());
}

TokenPlacement TokenPlacement::endpointCookie(const ValidatorConfig &validator)
{
    return cookie(validator.effectiveCookieKey());
}

// ------------------------------------------------------------------------------------------------ RequestBuilder

RequestBuilder::RequestBuilder(const QString &token, TokenPlacement placement)
    : m_token(bareToken(token)), m_placement(std::move(placement))
{ }

RequestBuilder RequestBuilder::forEndpoint(const SimulationSetup &setup, const QString &token, const QString &baseUrl)
{
    RequestBuilder b(token, TokenPlacement::forEndpoint(setup.validator));
    b.setMethod(setup.method.isEmpty() ? QStringLiteral("GET") : setup.method); // KrakenD's default method
    // {param} segments need a concrete value in a URL; "1" fits most ids.
    static const QRegularExpression param(QStringLiteral("\\{[^/}]*\\}"));
    QString path = setup.endpoint;
    path.replace(param, QStringLiteral("1"));
    b.setPath(path.isEmpty() ? QStringLiteral("/") : path);
    b.setBaseUrl(baseUrl);
    return b;
}

QString RequestBuilder::bareToken(const QString &text)
{
    QString token = text.trimmed();
    if (token.startsWith(QLatin1String("authorization:"), Qt::CaseInsensitive))
        token = token.mid(14).trimmed();
    if (token.startsWith(QLatin1String("bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    return token;
}

QString RequestBuilder::shellWord(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+$"));
    return plain.match(text).hasMatch() ? text : shellQuote(text);
}

QString RequestBuilder::shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

RequestBuilder &RequestBuilder::setToken(const QString &token)
{
    m_token = bareToken(token);
    return *this;
}

RequestBuilder &RequestBuilder::setPlacement(const TokenPlacement &placement)
{
    m_placement = placement;
    return *this;
}

RequestBuilder &RequestBuilder::setMethod(const QString &method)
{
    m_method = method.toUpper();
    return *this;
}

RequestBuilder &RequestBuilder::setBaseUrl(const QString &baseUrl)
{
    m_baseUrl = baseUrl.trimmed();
    return *this;
}

RequestBuilder &RequestBuilder::setPath(const QString &path)
{
    m_path = path;
    return *this;
}

RequestBuilder &RequestBuilder::addHeader(const QString &name, const QString &value)
{
    m_headers.append({name, value});
    return *this;
}

RequestBuilder &RequestBuilder::addCookie(const QString &name, const QString &value)
{
    m_cookies.append({name, value});
    return *this;
}

RequestBuilder &RequestBuilder::setShowResponseHeaders(bool show)
{
    m_showResponseHeaders = show;
    return *this;
}

QString RequestBuilder::url() const
{
    QString base = m_baseUrl.isEmpty() ? kDefaultBaseUrl : m_baseUrl;
    if (m_path.isEmpty())
        return m_baseUrl.isEmpty() ? base + u'/' : base;
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + (m_path.startsWith(u'/') ? m_path : u'/' + m_path);
}

SimulationRequest RequestBuilder::request() const
{
    SimulationRequest r;
    r.method = m_method;
    if (m_token && m_placement.kind == TokenPlacement::Kind::Header)
        r.headers.append({m_placement.name, kBearer + *m_token});
    r.headers.append(m_headers);
    if (m_token && m_placement.kind == TokenPlacement::Kind::Cookie)
        r.cookies.append({m_placement.name, *m_token});
    r.cookies.append(m_cookies);
    return r;
}

QString RequestBuilder::curl() const
{
    const SimulationRequest r = request();
    QStringList parts {QStringLiteral("curl")};
    if (m_showResponseHeaders)
        parts << QStringLiteral("-i");
    if (r.method != u"GET")
        parts << QStringLiteral("-X ") + shellWord(r.method);
    for (const auto &[name, value] : r.headers)
        parts << QStringLiteral("-H ") + shellQuote(name + QStringLiteral(": ") + value);
    QStringList cookies;
    for (const auto &[name, value] : r.cookies)
        cookies << name + u'=' + value;
    if (!cookies.isEmpty())
        parts << QStringLiteral("--cookie ") + shellQuote(cookies.join(QStringLiteral("; ")));
    parts << shellQuote(url());
    return parts.join(u' ');
}

// ------------------------------------------------------------------------------------------------- RequestReader

namespace RequestReader {

QString trimOws(const QString &s)
{
    qsizetype b = 0, e = s.size();
    while (b < e && (s[b] == u' ' || s[b] == u'\t'))
        ++b;
    while (e > b && (s[e - 1] == u' ' || s[e - 1] == u'\t'))
        --e;
    return s.mid(b, e - b);
}

QList<QPair<QString, QString>> lines(const SimulationRequest &request)
{
    QList<QPair<QString, QString>> out = request.headers;
    for (const auto &[name, value] : request.cookies)
        out.append({QStringLiteral("Cookie"), name + u'=' + value});
    return out;
}

std::optional<QString> header(const QList<QPair<QString, QString>> &lines, const QString &canonicalName)
{
    for (const auto &[name, value] : lines)
        if (HeaderFormatter::canonicalHeaderName(trimOws(name)) == canonicalName)
            return trimOws(value);
    return std::nullopt;
}

std::optional<QString> cookie(const QList<QPair<QString, QString>> &lines, const QString &name)
{
    for (const auto &[lineName, value] : lines)
        if (HeaderFormatter::canonicalHeaderName(trimOws(lineName)) == u"Cookie")
            if (auto found = cookieInLine(value, name))
                return found;
    return std::nullopt;
}

} // namespace RequestReader

} // namespace jwb::krakend
