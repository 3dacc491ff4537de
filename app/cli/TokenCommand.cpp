// token fetch: a token from an identity provider through one OAuth flow (issue #22, part 1).
#include "CliIo.h"
#include "Commands.h"
#include "KeyOptions.h"
#include "NetworkKeys.h"

#include "common/Clock.h"
#include "common/Duration.h"
#include "common/ErrorCode.h"
#include "jose/Inspection.h"
#include "oauth/OAuthClient.h"

#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>

namespace jwb::cli {

namespace {

const QString kUsage = QStringLiteral(
    "jwt-workbench-cli token fetch --issuer URL --client-id ID [--client-secret-file FILE | --private-key FILE] "
    "[--auth METHOD] [--flow client-credentials|auth-code|device|refresh] [--scope S] [--audience A] "
    "[--resource R] [--refresh-token-file FILE] [--no-browser] [--wait DURATION] [--ca FILE] [--pin PIN] "
    "[--insecure] [--timeout DURATION] [--json]");

/// The answers that are the provider's refusal (exit 1) rather than bad input (2) or the network (3).
bool isRefusal(const common::Error &e)
{
    static const QStringList refusals {QStringLiteral("token_error"), QStringLiteral("access_denied"),
        QStringLiteral("expired_token"), QStringLiteral("authorization_error"), QStringLiteral("state_mismatch"),
        QStringLiteral("interaction_timeout")};
    return refusals.contains(e.code);
}

int exitFor(const common::Error &e)
{
    static const QStringList input {QStringLiteral("no_client_secret"), QStringLiteral("no_client_key"),
        QStringLiteral("no_refresh_token"), QStringLiteral("key_algorithm_mismatch"),
        QStringLiteral("key_not_private")};
    if (common::isUsageError(e) || input.contains(e.code))
        return Usage;
    return isRefusal(e) ? Negative : Network;
}

void addTokenOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("issuer"),
        QStringLiteral("The identity provider: OpenID Connect discovery of URL (else RFC 8414 metadata); the "
                       "document's issuer must be identical to URL."),
        QStringLiteral("URL")});
    parser.addOption({QStringLiteral("client-id"), QStringLiteral("The OAuth client id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("client-secret-file"),
        QStringLiteral("Client secret (first line of FILE, or - for stdin): client_secret_basic unless --auth "
                       "client_secret_post."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("private-key"),
        QStringLiteral("Client private key (PEM, JWK): private_key_jwt, RFC 7523 client assertion."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("auth"),
        QStringLiteral("Client authentication: client_secret_basic, client_secret_post, private_key_jwt or none "
                       "(default: from the secret or key given, else none)."),
        QStringLiteral("METHOD")});
    parser.addOption({QStringLiteral("flow"),
        QStringLiteral("client-credentials (default), auth-code (PKCE, browser, loopback redirect), device "
                       "(RFC 8628) or refresh."),
        QStringLiteral("FLOW"), QStringLiteral("client-credentials")});
    parser.addOption({QStringLiteral("scope"), QStringLiteral("Scope to request (repeatable)."), QStringLiteral("S")});
    parser.addOption(
        {QStringLiteral("audience"), QStringLiteral("audience parameter (repeatable)."), QStringLiteral("A")});
    parser.addOption(
        {QStringLiteral("resource"), QStringLiteral("RFC 8707 resource indicator (repeatable)."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("refresh-token-file"),
        QStringLiteral("The refresh token for --flow refresh (FILE, or - for stdin)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("no-browser"),
        QStringLiteral("auth-code: do not start a browser, only print the URL to open.")});
    parser.addOption(
        {QStringLiteral("wait"), QStringLiteral("How long the browser or device sign-in may take (default 5m)."),
            QStringLiteral("DURATION"), QStringLiteral("5m")});
    addNetworkOptions(parser, false);
}

common::Result<QByteArray> readSecretFile(const QString &path, const QString &what)
{
    auto data = CliIo::readInput(path, 64 * 1024);
    if (!data)
        return data.error();
    const QByteArray line = data->split('\n').value(0).trimmed();
    if (line.isEmpty())
        return common::Result<QByteArray>::failure(
            QStringLiteral("usage"), QStringLiteral("%1 %2 is empty").arg(what, path));
    return line;
}

common::Result<oauth::ClientAuth> authMethod(const QCommandLineParser &parser)
{
    const bool secret = parser.isSet(QStringLiteral("client-secret-file"));
    const bool key = parser.isSet(QStringLiteral("private-key"));
    if (secret && key)
        return common::Result<oauth::ClientAuth>::failure(
            QStringLiteral("usage"), QStringLiteral("give either --client-secret-file or --private-key, not both"));
    if (!parser.isSet(QStringLiteral("auth")))
        return secret ? oauth::ClientAuth::ClientSecretBasic
            : key     ? oauth::ClientAuth::PrivateKeyJwt
                      : oauth::ClientAuth::None;
    const auto auth = oauth::clientAuthFromName(parser.value(QStringLiteral("auth")));
    const bool needsSecret
        = auth && (*auth == oauth::ClientAuth::ClientSecretBasic || *auth == oauth::ClientAuth::ClientSecretPost);
    if (!auth || needsSecret != secret || (*auth == oauth::ClientAuth::PrivateKeyJwt) != key)
        return common::Result<oauth::ClientAuth>::failure(QStringLiteral("usage"),
            QStringLiteral("--auth %1 does not fit: client_secret_basic and client_secret_post need "
                           "--client-secret-file, private_key_jwt needs --private-key, none neither")
                .arg(parser.value(QStringLiteral("auth"))));
    return *auth;
}

common::Result<oauth::ClientSettings> clientSettings(const QCommandLineParser &parser)
{
    using R = common::Result<oauth::ClientSettings>;
    oauth::ClientSettings s;
    if (!parser.isSet(QStringLiteral("issuer")) || !parser.isSet(QStringLiteral("client-id")))
        return R::failure(QStringLiteral("usage"), QStringLiteral("--issuer and --client-id are required"));
    s.issuer = QUrl(parser.value(QStringLiteral("issuer")));
    s.clientId = parser.value(QStringLiteral("client-id"));
    auto auth = authMethod(parser);
    if (!auth)
        return auth.error();
    s.auth = auth.value();
    if (parser.isSet(QStringLiteral("client-secret-file"))) {
        auto secret = readSecretFile(
            parser.value(QStringLiteral("client-secret-file")), QStringLiteral("--client-secret-file"));
        if (!secret)
            return secret.error();
        s.clientSecret = secret.value();
    }
    if (parser.isSet(QStringLiteral("private-key"))) {
        auto key = loadKeyFile(parser.value(QStringLiteral("private-key")));
        if (!key)
            return key.error();
        s.privateKey = key.value();
    }
    for (const QString &scope : parser.values(QStringLiteral("scope")))
        s.scopes += scope.split(u' ', Qt::SkipEmptyParts);
    s.audiences = parser.values(QStringLiteral("audience"));
    s.resources = parser.values(QStringLiteral("resource"));
    auto wait = common::Duration::parseNanos(parser.value(QStringLiteral("wait")));
    if (!wait || wait.value() <= 0)
        return R::failure(
            QStringLiteral("usage"), wait ? QStringLiteral("--wait must be positive") : wait.error().message);
    s.interactionTimeoutMs = int(std::min<qint64>(wait.value() / 1000000, 24 * 3600 * 1000));
    auto network = networkOptions(parser);
    if (!network)
        return network.error();
    s.network = network.value();
    return s;
}

bool openBrowser(const QUrl &url)
{
    const auto env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("WAYLAND_DISPLAY")))
        return false;
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
}

QJsonObject decodedToken(const QString &token)
{
    return jose::Inspection::inspect(token, common::Clock::system()->nowSecs()).toJson();
}

QJsonObject resultJson(const oauth::FlowResult &r)
{
    QJsonObject doc = r.response.fields; // every member of the token response, as received
    QJsonObject decoded;
    decoded.insert(QStringLiteral("access_token"),
        r.accessTokenReport ? QJsonValue(decodedToken(r.response.accessToken)) : QJsonValue(QJsonValue::Null));
    if (!r.response.idToken.isEmpty())
        decoded.insert(QStringLiteral("id_token"), decodedToken(r.response.idToken));
    if (r.response.refreshToken.count(u'.') == 2)
        decoded.insert(QStringLiteral("refresh_token"), decodedToken(r.response.refreshToken));
    QJsonObject verification;
    if (r.accessTokenReport)
        verification.insert(QStringLiteral("access_token"), r.accessTokenReport->toJson());
    if (r.idTokenReport)
        verification.insert(QStringLiteral("id_token"), r.idTokenReport->toJson());
    const QJsonObject meta {{QStringLiteral("flow"), oauth::flowName(r.flow)},
        {QStringLiteral("issuer"), r.metadata.issuer.toString()},
        {QStringLiteral("token_endpoint"), r.metadata.tokenEndpoint.toString()},
        {QStringLiteral("metadata_url"), r.metadata.url.toString()}, {QStringLiteral("decoded"), decoded},
        {QStringLiteral("verification"), verification}};
    doc.insert(QStringLiteral("jwb"), meta);
    return doc;
}

int runTokenFetch(const QStringList &args)
{
    QCommandLineParser parser;
    addTokenOptions(parser);
    bool json = false;
    if (const int rc = parseCommand(parser, args, kUsage,
            QStringLiteral("Get a token from an identity provider and print the access token (with --json: every "
                           "member of the token response, plus under \"jwb\" the decoded tokens and their "
                           "verification with the issuer's keys). Progress, the browser URL and the device user "
                           "code go to stderr. Exit 0 ok, 1 the provider refused (its error and "
                           "error_description are shown) or the ID token failed its checks, 2 usage, 3 network or "
                           "TLS error."),
            json);
        rc >= 0)
        return rc;
    CliIo io(json);
    if (!parser.positionalArguments().isEmpty())
        return io.fail(Usage, QStringLiteral("usage"),
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    const auto flow = oauth::flowFromName(parser.value(QStringLiteral("flow")));
    if (!flow)
        return io.fail(Usage, QStringLiteral("usage"),
            QStringLiteral("--flow %1: use client-credentials, auth-code, device or refresh")
                .arg(parser.value(QStringLiteral("flow"))));
    auto settings = clientSettings(parser);
    if (!settings)
        return io.fail(exitFor(settings.error()), settings.error());
    QByteArray refreshToken;
    if (*flow == oauth::Flow::RefreshToken) {
        if (!parser.isSet(QStringLiteral("refresh-token-file")))
            return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--flow refresh needs --refresh-token-file"));
        auto rt = readSecretFile(
            parser.value(QStringLiteral("refresh-token-file")), QStringLiteral("--refresh-token-file"));
        if (!rt)
            return io.fail(Usage, rt.error());
        refreshToken = rt.value();
    }

    oauth::OAuthClient::Callbacks callbacks;
    const bool noBrowser = parser.isSet(QStringLiteral("no-browser"));
    callbacks.opener = [noBrowser](const QUrl &url) { return !noBrowser && openBrowser(url); };
    callbacks.onAuthorizationUrl = [&io](const QUrl &url, bool opened) {
        io.err(opened ? QStringLiteral("A browser was asked to open the sign-in page; if none appears, open:")
                      : QStringLiteral("Open this URL in a browser to sign in:"));
        io.err(QStringLiteral("  %1").arg(url.toString(QUrl::FullyEncoded)));
    };
    callbacks.onDevice = [&io](const oauth::DeviceAuthorization &d) {
        io.err(QStringLiteral("To sign in, visit %1 and enter the code %2")
                   .arg(d.verificationUri.toString(QUrl::FullyEncoded), d.userCode));
        if (!d.verificationUriComplete.isEmpty())
            io.err(QStringLiteral("  or open %1").arg(d.verificationUriComplete.toString(QUrl::FullyEncoded)));
    };
    auto result = oauth::OAuthClient::runBlocking(*flow, settings.value(), refreshToken, callbacks);
    if (!result)
        return io.fail(exitFor(result.error()), result.error());
    const oauth::FlowResult &r = result.value();
    int rc = Ok;
    if (r.idTokenReport && !r.idTokenReport->valid) {
        const auto *failure = r.idTokenReport->firstFailure();
        QStringList why;
        if (failure)
            why << QStringLiteral("%1: %2").arg(failure->nameText(), failure->detail);
        for (const auto &f : r.idTokenReport->findings)
            if (f.code.startsWith(u"id_token_"))
                why << f.message;
        io.err(QStringLiteral("error: the ID token failed its checks: %1").arg(why.join(QStringLiteral("; "))));
        rc = Negative;
    }
    if (json)
        io.printJson(resultJson(r));
    else
        io.out(r.response.accessToken);
    return rc;
}

} // namespace

int runToken(const QStringList &args)
{
    CliIo io(args.contains(QStringLiteral("--json")));
    if (args.size() < 2 || args[1] == u"--help" || args[1] == u"-h") {
        io.out(QStringLiteral("Usage: ") + kUsage);
        return args.size() < 2 ? Usage : Ok;
    }
    QStringList rest = args.mid(2);
    rest.prepend(args[0] + u' ' + args[1]);
    if (args[1] == u"fetch")
        return runTokenFetch(rest);
    return io.fail(
        Usage, QStringLiteral("unknown_command"), QStringLiteral("unknown token command \"%1\" (fetch)").arg(args[1]));
}

} // namespace jwb::cli
