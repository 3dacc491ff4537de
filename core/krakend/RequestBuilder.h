#pragma once

#include "krakend/Simulator.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace jwb::krakend {

/// Where a request carries its token.
struct TokenPlacement
{
    enum class Kind {
        Header, ///< `name: Bearer TOKEN`
        Cookie, ///< `Cookie: name=TOKEN`
        Nowhere, ///< not sent (the extra headers and cookies say it all)
    };
    Kind kind = Kind::Header;
    QString name = QStringLiteral("Authorization"); ///< the header or cookie name

    /// `Authorization: Bearer TOKEN`, whatever the endpoint reads: the CLI's --token (docs/cli.md), the
    /// Composer's and the main window's curl lines.
    [[nodiscard]] static TokenPlacement authorization() { return header(QStringLiteral("Authorization")); }
    [[nodiscard]] static TokenPlacement header(const QString &name) { return {Kind::Header, name}; }
    [[nodiscard]] static TokenPlacement cookie(const QString &name) { return {Kind::Cookie, name}; }
    [[nodiscard]] static TokenPlacement nowhere() { return {Kind::Nowhere, QString()}; }
    /// Where an endpoint's config reads the token, as a client that follows the config sends it: the cookie
    /// when the config names a cookie_key (KrakenD reads it when the header is absent), else the effective
    /// auth_header_name. The Test tokens, All endpoints and the gateway verdict use this.
    [[nodiscard]] static TokenPlacement forEndpoint(const ValidatorConfig &validator);
    /// The endpoint's header (effective auth_header_name) and its cookie (effective cookie_key, "access_token"
    /// by default): the two choices the Simulate tab offers.
    [[nodiscard]] static TokenPlacement endpointHeader(const ValidatorConfig &validator);
    [[nodiscard]] static TokenPlacement endpointCookie(const ValidatorConfig &validator);

    friend bool operator==(const TokenPlacement &, const TokenPlacement &) = default;
};

/// The one place that builds a request carrying a token: the bare token out of whatever was pasted, where it
/// goes, the method and URL, extra headers and cookies; as the SimulationRequest KrakenD would get, and as a curl
/// command line with every argument shell-quoted.
///
/// Order in the request: the token's header first, then the extra headers; the token's cookie first, then the
/// extra cookies (the simulator sends cookies as `Cookie:` lines after every header).
class RequestBuilder
{
public:
    /// The URL when nothing else is given.
    static inline const QString kDefaultBaseUrl = QStringLiteral("http://localhost:8080");

    RequestBuilder() = default;
    /// A request with `token` (made bare) placed as `placement` says.
    explicit RequestBuilder(const QString &token, TokenPlacement placement = TokenPlacement::authorization());

    /// The request a client following this endpoint's config sends: its method, its path with every `{param}`
    /// replaced by "1", the token where forEndpoint() puts it, against `baseUrl` (default kDefaultBaseUrl).
    [[nodiscard]] static RequestBuilder forEndpoint(
        const SimulationSetup &setup, const QString &token, const QString &baseUrl = {});

    /// The token in what a user pasted or typed (docs/cli.md token input): surrounding white space, a whole
    /// `Authorization:` header line (any case) and a `Bearer ` prefix (any case) removed. Quotes and cookie
    /// pairs stay: the text is sent as it is otherwise. (jose::TokenParser reads more wrappers for inspection;
    /// a request sends exactly what remains here.)
    [[nodiscard]] static QString bareToken(const QString &text);
    /// POSIX shell single quoting: 'text', with every ' written as '\''.
    [[nodiscard]] static QString shellQuote(const QString &text);
    /// `text` as one shell word: as it is when it holds only characters no shell treats specially
    /// (letters, digits, `_./:@%+=,-`), else shellQuote(text).
    [[nodiscard]] static QString shellWord(const QString &text);

    /// The token to send, stored bare. Once set it is sent even when empty (the CLI's `--token ""` sends
    /// `Authorization: Bearer `); callers that skip an empty field do not call it.
    RequestBuilder &setToken(const QString &token);
    RequestBuilder &setPlacement(const TokenPlacement &placement);
    RequestBuilder &setMethod(const QString &method); ///< upper-cased (default GET)
    /// The gateway's URL as given (trailing '/' removed when a path follows), or a whole URL when no path is set.
    RequestBuilder &setBaseUrl(const QString &baseUrl);
    RequestBuilder &setPath(const QString &path); ///< "/users/1" (url() adds a missing leading '/')
    RequestBuilder &addHeader(const QString &name, const QString &value);
    RequestBuilder &addCookie(const QString &name, const QString &value);
    /// Whether curl() asks for the response headers (-i; default true).
    RequestBuilder &setShowResponseHeaders(bool show);

    [[nodiscard]] bool hasToken() const { return m_token.has_value(); }
    [[nodiscard]] QString token() const { return m_token.value_or(QString()); }
    [[nodiscard]] const TokenPlacement &placement() const { return m_placement; }
    [[nodiscard]] const QString &method() const { return m_method; }
    [[nodiscard]] const QString &path() const { return m_path; }
    /// Base URL and path joined; with no path the base URL as given (trimmed); http://localhost:8080/ when
    /// neither is set.
    [[nodiscard]] QString url() const;

    /// The request KrakenD gets.
    [[nodiscard]] SimulationRequest request() const;
    /// `curl -i [-X METHOD] -H 'Authorization: Bearer TOKEN' [-H 'Name: value']... [--cookie 'a=1; b=2'] 'URL'`:
    /// headers, cookies and the URL quoted with shellQuote(), the method with shellWord().
    [[nodiscard]] QString curl() const;

private:
    std::optional<QString> m_token;
    TokenPlacement m_placement;
    QString m_method = QStringLiteral("GET");
    QString m_baseUrl;
    QString m_path;
    QList<QPair<QString, QString>> m_headers;
    QList<QPair<QString, QString>> m_cookies;
    bool m_showResponseHeaders = true;
};

/// The other side of the request: how KrakenD's Go HTTP server reads what a SimulationRequest carries.
namespace RequestReader {

/// Go's textproto trimming: the optional white space around a header value is spaces and tabs only.
[[nodiscard]] QString trimOws(const QString &text);
/// The header lines as the server gets them: the request's headers, then one `Cookie: name=value` line per
/// cookie.
[[nodiscard]] QList<QPair<QString, QString>> lines(const SimulationRequest &request);
/// Go's Header.Get: the first value of the canonical name, surrounding spaces and tabs trimmed.
[[nodiscard]] std::optional<QString> header(const QList<QPair<QString, QString>> &lines, const QString &canonicalName);
/// net/http readCookies filtered by name: the first valid cookie of that name in the Cookie lines.
[[nodiscard]] std::optional<QString> cookie(const QList<QPair<QString, QString>> &lines, const QString &name);

} // namespace RequestReader

} // namespace jwb::krakend
