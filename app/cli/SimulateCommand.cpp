// `simulate`: what KrakenD CE's auth/validator answers for one request (docs/cli.md, docs/krakend-jwt.md).
#include "CliIo.h"
#include "Commands.h"

#include "common/Duration.h"
#include "krakend/HeaderFormatter.h"
#include "krakend/RequestBuilder.h"
#include "krakend/Simulator.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace jwb::cli {

namespace {

using krakend::CheckResult;
using krakend::SimulationResult;
using krakend::SimulationSetup;
using krakend::Simulator;

QString renderText(const SimulationResult &r)
{
    QStringList lines;
    // KrakenD that does not start answers nothing: the words and the line it logs, not an HTTP status.
    lines << QStringLiteral("%1 - %2").arg(krakend::statusText(r.status), r.startupFatal() ? r.startupLog : r.reason);
    lines << QStringLiteral("Checks (KrakenD's order):");
    for (qsizetype i = 0; i < r.checks.size(); ++i) {
        const auto &c = r.checks[i];
        const QString result = c.outcome == CheckResult::Pass ? QStringLiteral("ok  ")
            : c.outcome == CheckResult::Fail                  ? QStringLiteral("FAIL")
                                                              : QStringLiteral("skip");
        lines << QStringLiteral("  %1  %2 %3  %4%5")
                     .arg(c.step, 2)
                     .arg(c.nameText(), -16)
                     .arg(result, c.detail, i == r.stoppedAt ? QStringLiteral("   <- KrakenD stops here") : QString());
    }
    if (!r.alsoFails.isEmpty()) {
        lines << QStringLiteral("Would also fail after the stop:");
        for (const auto &c : r.alsoFails)
            lines << QStringLiteral("  %1 %2 (%3): %4").arg(c.step, 2).arg(c.nameText()).arg(c.status).arg(c.detail);
    }
    if (r.status == 200) {
        if (r.propagatedHeaders.isEmpty()) {
            lines << QStringLiteral("Propagated headers: none");
        } else {
            lines << QStringLiteral("Propagated headers (replace any client value):");
            for (const auto &h : r.propagatedHeaders) {
                if (r.preserveArrays && h.values.isEmpty())
                    lines << QStringLiteral("  %1: (header with no value)").arg(h.name);
                const QString dropped
                    = h.reachesBackend ? QString() : QStringLiteral("   (not forwarded: input_headers lacks it)");
                for (const QString &v : h.values)
                    lines << QStringLiteral("  %1: %2%3").arg(h.name, v, dropped);
            }
        }
        QStringList params;
        for (const auto &p : r.urlParams)
            params << (p.resolved ? QStringLiteral("  {%1} = %2").arg(p.name, p.value)
                                  : QStringLiteral("  {%1} left unreplaced (claim missing)").arg(p.name));
        if (!params.isEmpty())
            lines << QStringLiteral("URL parameters:") << params;
    }
    if (!r.configFindings.isEmpty()) {
        lines << QStringLiteral("Config findings:");
        for (const auto &f : r.configFindings)
            lines << QStringLiteral("  %1  %2%3: %4")
                         .arg(common::severityName(f.severity), -7)
                         .arg(f.code, f.subject.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(f.subject),
                             f.message);
    }
    if (!r.keySource.isEmpty())
        lines << QStringLiteral("Keys: %1").arg(r.keySource);
    if (!r.complete)
        lines << QStringLiteral("INCOMPLETE: %1").arg(r.incompleteReason);
    return lines.join(u'\n');
}

/// The JSON object of a file; `text` receives the bytes (what KrakenD itself would make of them is asked later).
common::Result<QJsonObject> readJsonObject(const QString &path, const QString &what, QByteArray *text)
{
    auto data = CliIo::readInput(path);
    if (!data)
        return data.error();
    *text = data.value();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(data.value(), &error);
    if (error.error != QJsonParseError::NoError) {
        QString message = QStringLiteral("%1 %2 is not valid JSON: %3 at byte %4")
                              .arg(what, path, error.errorString())
                              .arg(error.offset);
        if (data->contains("{{"))
            message += QStringLiteral(" (it looks like a flexible-configuration template: render it with KrakenD "
                                      "first)");
        return common::Result<QJsonObject>::failure(
            QStringLiteral("invalid_json"), message, {{QStringLiteral("offset"), error.offset}});
    }
    if (!doc.isObject())
        return common::Result<QJsonObject>::failure(
            QStringLiteral("invalid_json"), QStringLiteral("%1 %2 is not a JSON object").arg(what, path));
    return doc.object();
}

int exitCodeOf(const SimulationResult &r)
{
    if (r.networkError)
        return Network;
    if (!r.complete)
        return Usage;
    return r.status == 200 ? Ok : Negative;
}

common::Error usageError(const QString &message)
{
    return common::Error {QStringLiteral("usage"), message, {}};
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("config"), QStringLiteral("A krakend.json (version 3)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("endpoint"),
        QStringLiteral("The endpoint path to simulate (as in the config, or a "
                       "concrete path matching its {params})."),
        QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("method"), QStringLiteral("The endpoint's method (default GET)."),
        QStringLiteral("M"), QStringLiteral("GET")});
    parser.addOption({QStringLiteral("validator"),
        QStringLiteral("A file with an auth/validator block (bare, as "
                       "{\"auth/validator\": {...}}, or an endpoint object)."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("all-endpoints"),
        QStringLiteral("Simulate every endpoint of --config that has "
                       "auth/validator.")});
    parser.addOption(
        {QStringLiteral("token"), QStringLiteral("Send T as \"Authorization: Bearer T\"."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("header"), QStringLiteral("A request header \"Name: value\" (repeatable)."),
        QStringLiteral("H")});
    parser.addOption({QStringLiteral("cookie"), QStringLiteral("A request cookie \"name=value\" (repeatable)."),
        QStringLiteral("C")});
    parser.addOption({QStringLiteral("jwks"),
        QStringLiteral("Use this JWK Set instead of the config's jwk_url or "
                       "jwk_local_path (every other rule still applies)."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("revoked"),
        QStringLiteral("A revoked entry \"claim-value\" as the auth/revoker bloom "
                       "filter holds it, e.g. jti-abc (repeatable)."),
        QStringLiteral("ENTRY")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("Evaluate as of TIME (RFC 3339 or Unix seconds)."),
        QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("timeout"), QStringLiteral("Network timeout for jwk_url (default 10s)."),
        QStringLiteral("DURATION"), QStringLiteral("10s")});
}

/// --config or --validator, with --endpoint or --all-endpoints as they go together.
common::Result<void> checkSelection(const QCommandLineParser &parser)
{
    const bool hasConfig = parser.isSet(QStringLiteral("config"));
    const bool hasValidator = parser.isSet(QStringLiteral("validator"));
    const bool all = parser.isSet(QStringLiteral("all-endpoints"));
    if (hasConfig == hasValidator)
        return usageError(QStringLiteral("give either --config krakend.json (with --endpoint or --all-endpoints) or "
                                         "--validator FILE"));
    if (hasValidator && (all || parser.isSet(QStringLiteral("endpoint"))))
        return usageError(QStringLiteral("--endpoint and --all-endpoints need --config, not --validator"));
    if (hasConfig && all == parser.isSet(QStringLiteral("endpoint")))
        return usageError(QStringLiteral("with --config give either --endpoint PATH or --all-endpoints"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument \"%1\" (use --token)").arg(parser.positionalArguments().first()));
    return {};
}

/// The request: docs/cli.md sends --token as "Authorization: Bearer T" (surrounding whitespace, a "Bearer "
/// prefix and a whole header line accepted), then the --header lines, then the --cookie pairs.
common::Result<krakend::SimulationRequest> requestOf(const QCommandLineParser &parser)
{
    krakend::RequestBuilder builder;
    builder.setMethod(parser.value(QStringLiteral("method")));
    if (parser.isSet(QStringLiteral("token")))
        builder.setToken(parser.value(QStringLiteral("token"))).setPlacement(krakend::TokenPlacement::authorization());
    // --header is the line as it goes on the wire: only the optional white space (space, tab) around the value
    // goes, as Go's server drops it; other bytes, control characters included, are sent as given.
    auto trimOws = [](const QString &s) {
        qsizetype b = 0, e = s.size();
        while (b < e && (s[b] == u' ' || s[b] == u'\t'))
            ++b;
        while (e > b && (s[e - 1] == u' ' || s[e - 1] == u'\t'))
            --e;
        return s.mid(b, e - b);
    };
    for (const QString &h : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = h.indexOf(u':');
        const QString name = colon < 0 ? QString() : h.left(colon);
        if (name != trimOws(name) && krakend::HeaderFormatter::isValidHeaderName(trimOws(name)))
            return usageError(
                QStringLiteral("--header \"%1\": white space around the name \"%2\" is not allowed: Go's HTTP "
                               "server does not read it as the header %2 (recent Go answers 400 Bad Request, "
                               "\"malformed MIME header line\"; older Go keeps the name unnormalised), so it would "
                               "not be the header you mean. Write \"%2: value\"")
                    .arg(h, trimOws(name)));
        if (!krakend::HeaderFormatter::isValidHeaderName(name))
            return usageError(QStringLiteral("--header \"%1\" is not \"Name: value\" with a valid header name").arg(h));
        builder.addHeader(name, trimOws(h.mid(colon + 1)));
    }
    for (const QString &c : parser.values(QStringLiteral("cookie"))) {
        const qsizetype eq = c.indexOf(u'=');
        if (eq <= 0)
            return usageError(QStringLiteral("--cookie \"%1\" is not \"name=value\"").arg(c));
        builder.addCookie(c.left(eq).trimmed(), c.mid(eq + 1));
    }
    return builder.request();
}

/// What every simulation of one invocation shares: the request, the clock, the network timeout, the revoked
/// entries and the --jwks replacement.
struct Simulation
{
    krakend::SimulationRequest request;
    std::shared_ptr<const common::Clock> clock = common::Clock::system();
    int timeoutMs = 10000;
    bool tokenGiven = false;
    QStringList revoked;
    std::optional<QByteArray> jwks;
    QString jwksLabel;

    /// From the options after the request: --at, --timeout, --revoked, --jwks (errors are usage errors).
    static common::Result<Simulation> fromOptions(const QCommandLineParser &parser, krakend::SimulationRequest request);

    [[nodiscard]] SimulationResult run(SimulationSetup setup) const
    {
        const QString headerName = setup.validator.effectiveAuthHeaderName();
        const bool tokenIgnored = setup.hasValidator && tokenGiven && headerName != u"Authorization";
        Simulator simulator(std::move(setup));
        simulator.setClock(clock);
        simulator.setTimeoutMs(timeoutMs);
        simulator.setRevoked(revoked);
        if (jwks)
            simulator.setReplacementJwks(*jwks, jwksLabel);
        SimulationResult result = simulator.run(request);
        if (tokenIgnored)
            result.configFindings.append(common::Finding {common::Severity::Info,
                QStringLiteral("token_in_authorization"), QStringLiteral("auth_header_name"),
                QStringLiteral("--token is sent as \"Authorization: Bearer ...\", but this endpoint reads %1: use "
                               "--header \"%1: Bearer ...\"")
                    .arg(headerName)});
        return result;
    }
};

common::Result<Simulation> Simulation::fromOptions(const QCommandLineParser &parser, krakend::SimulationRequest request)
{
    Simulation s;
    s.request = std::move(request);
    s.tokenGiven = parser.isSet(QStringLiteral("token"));
    s.revoked = parser.values(QStringLiteral("revoked"));
    if (parser.isSet(QStringLiteral("at"))) {
        auto at = common::Duration::parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return at.error();
        s.clock = common::Clock::fixed(at.value());
    }
    auto timeout = common::Duration::parseNanos(parser.value(QStringLiteral("timeout")));
    if (!timeout || timeout.value() <= 0)
        return usageError(timeout ? QStringLiteral("--timeout must be positive") : timeout.error().message);
    s.timeoutMs = static_cast<int>(std::min<qint64>(timeout.value() / 1000000, 3600 * 1000));
    if (!parser.isSet(QStringLiteral("jwks")))
        return s;
    const QString path = parser.value(QStringLiteral("jwks"));
    auto data = CliIo::readInput(path, 4 * 1024 * 1024);
    if (!data)
        return data.error();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(data.value(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return common::Error {QStringLiteral("invalid_jwks"),
            QStringLiteral("--jwks %1 is not a JSON object (a JWK Set {\"keys\": [...]} is expected)").arg(path), {}};
    s.jwks = data.value();
    s.jwksLabel = QStringLiteral("--jwks %1").arg(path);
    return s;
}

/// The config (or validator file) being simulated.
struct Input
{
    QString file;
    QJsonObject document;
    QByteArray text;
    QString baseDir;
};

/// --all-endpoints: every endpoint with auth/validator, as a table or a JSON array; the worst exit code wins.
int simulateAll(const CliIo &io, const Simulation &simulation, const Input &input)
{
    QJsonArray results;
    QStringList table;
    int code = Ok;
    const QJsonArray endpoints = input.document.value(QLatin1String("endpoints")).toArray();
    for (const auto &e : endpoints) {
        const QJsonObject endpoint = e.toObject();
        if (!SimulationSetup::validatorBlock(endpoint))
            continue;
        SimulationSetup setup = SimulationSetup::fromEndpoint(input.document, endpoint, input.baseDir);
        setup.checkConfigText(input.text);
        const SimulationResult r = simulation.run(setup);
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("endpoint"), setup.endpoint);
        o.insert(QStringLiteral("method"), setup.method);
        results.append(o);
        table << QStringLiteral("%1 %2 %3  %4")
                     .arg(setup.method, -7)
                     .arg(setup.endpoint, -30)
                     .arg(r.startupFatal() ? QStringLiteral("fatal") : QString::number(r.status))
                     .arg(r.reason);
        const int rc = exitCodeOf(r);
        if (rc == Network || (rc == Usage && code != Network) || (rc == Negative && code == Ok))
            code = rc;
    }
    if (io.json()) {
        io.out(QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Indented)).trimmed());
    } else if (table.isEmpty()) {
        io.out(QStringLiteral("no endpoint of %1 has auth/validator").arg(input.file));
    } else {
        io.out(QStringLiteral("%1 %2 %3  %4")
                   .arg(QStringLiteral("METHOD"), -7)
                   .arg(QStringLiteral("ENDPOINT"), -30)
                   .arg(QStringLiteral("STATUS"))
                   .arg(QStringLiteral("REASON")));
        io.out(table.join(u'\n'));
    }
    return code;
}

/// The endpoint --endpoint names (with the request's method), or the error listing the config's endpoints.
common::Result<SimulationSetup> endpointSetup(
    const QCommandLineParser &parser, const Input &input, const QString &method)
{
    const QString path = parser.value(QStringLiteral("endpoint"));
    const auto endpoint = SimulationSetup::findEndpoint(input.document, path, method);
    if (!endpoint) {
        QStringList known;
        const QJsonArray endpoints = input.document.value(QLatin1String("endpoints")).toArray();
        for (const auto &e : endpoints) {
            const QJsonObject o = e.toObject();
            const QString m = o.value(QLatin1String("method")).toString();
            known << QStringLiteral("%1 %2").arg(
                m.isEmpty() ? QStringLiteral("GET") : m, o.value(QLatin1String("endpoint")).toString());
        }
        return common::Error {QStringLiteral("endpoint_not_found"),
            QStringLiteral("%1 %2 is not an endpoint of %3; it has: %4")
                .arg(method, path, input.file,
                    known.isEmpty() ? QStringLiteral("no endpoints") : known.join(QStringLiteral(", "))),
            {}};
    }
    SimulationSetup setup = SimulationSetup::fromEndpoint(input.document, *endpoint, input.baseDir);
    setup.checkConfigText(input.text);
    return setup;
}

/// One endpoint (--endpoint) or one validator file: the full answer.
int simulateOne(const CliIo &io, const QCommandLineParser &parser, const Simulation &simulation, const Input &input)
{
    const bool hasConfig = parser.isSet(QStringLiteral("config"));
    SimulationSetup setup;
    if (hasConfig) {
        auto found = endpointSetup(parser, input, simulation.request.method);
        if (!found)
            return io.fail(Usage, found.error());
        setup = found.value();
    } else {
        setup = SimulationSetup::fromValidatorDocument(input.document, input.baseDir);
    }
    const SimulationResult result = simulation.run(setup);
    if (!result.complete) {
        QJsonObject partial = result.toJson();
        return io.fail(Usage, common::Error {QStringLiteral("not_simulated"), result.incompleteReason, {}}, partial);
    }
    if (io.json()) {
        QJsonObject o = result.toJson();
        if (hasConfig) {
            o.insert(QStringLiteral("endpoint"), setup.endpoint);
            o.insert(QStringLiteral("method"), setup.method);
        }
        io.printJson(o);
    } else {
        io.out(renderText(result));
    }
    if (result.networkError)
        io.err(QStringLiteral("error: fetching the JWK Set failed at the network level (KrakenD answers 401 then)"));
    return exitCodeOf(result);
}

} // namespace

int runSimulate(const QStringList &args)
{
    QCommandLineParser parser;
    addOptions(parser);
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli simulate (--config krakend.json --endpoint PATH "
                           "[--method M] | --validator FILE | --config krakend.json "
                           "--all-endpoints) [--token T] [--header \"Name: value\"]... "
                           "[--cookie \"name=value\"]... [--jwks FILE] [--at TIME] [--json]"),
            QStringLiteral("Decide what KrakenD CE's auth/validator answers for a request."), json);
        rc >= 0)
        return rc;
    CliIo io(json);
    if (auto selection = checkSelection(parser); !selection)
        return io.fail(Usage, selection.error());
    auto request = requestOf(parser);
    if (!request)
        return io.fail(Usage, request.error());
    auto simulation = Simulation::fromOptions(parser, request.value());
    if (!simulation)
        return io.fail(Usage, simulation.error());

    const bool hasConfig = parser.isSet(QStringLiteral("config"));
    Input input;
    input.file = parser.value(hasConfig ? QStringLiteral("config") : QStringLiteral("validator"));
    auto document = readJsonObject(
        input.file, hasConfig ? QStringLiteral("config") : QStringLiteral("validator file"), &input.text);
    if (!document)
        return io.fail(Usage, document.error());
    input.document = document.value();
    input.baseDir = input.file == u"-" ? QString() : QFileInfo(input.file).absolutePath();
    if (parser.isSet(QStringLiteral("all-endpoints")))
        return simulateAll(io, simulation.value(), input);
    return simulateOne(io, parser, simulation.value(), input);
}

} // namespace jwb::cli
