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
    lines << QStringLiteral("%1 - %2").arg(krakend::statusText(r.status), r.reason);
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
                for (const QString &v : h.values)
                    lines << QStringLiteral("  %1: %2").arg(h.name, v);
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

} // namespace

int runSimulate(const QStringList &args)
{
    QCommandLineParser parser;
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
    auto usage = [&io](const QString &message) { return io.fail(Usage, QStringLiteral("usage"), message); };

    const bool hasConfig = parser.isSet(QStringLiteral("config"));
    const bool hasValidator = parser.isSet(QStringLiteral("validator"));
    const bool all = parser.isSet(QStringLiteral("all-endpoints"));
    if (hasConfig == hasValidator)
        return usage(QStringLiteral("give either --config krakend.json (with --endpoint or --all-endpoints) or "
                                    "--validator FILE"));
    if (hasValidator && (all || parser.isSet(QStringLiteral("endpoint"))))
        return usage(QStringLiteral("--endpoint and --all-endpoints need --config, not --validator"));
    if (hasConfig && all == parser.isSet(QStringLiteral("endpoint")))
        return usage(QStringLiteral("with --config give either --endpoint PATH or --all-endpoints"));
    if (!parser.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument \"%1\" (use --token)").arg(parser.positionalArguments().first()));

    // The request: docs/cli.md sends --token as "Authorization: Bearer T" (surrounding whitespace, a "Bearer "
    // prefix and a whole header line accepted), then the --header lines, then the --cookie pairs.
    krakend::RequestBuilder builder;
    builder.setMethod(parser.value(QStringLiteral("method")));
    if (parser.isSet(QStringLiteral("token")))
        builder.setToken(parser.value(QStringLiteral("token"))).setPlacement(krakend::TokenPlacement::authorization());
    for (const QString &h : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = h.indexOf(u':');
        const QString name = colon < 0 ? QString() : h.left(colon).trimmed();
        if (!krakend::HeaderFormatter::isValidHeaderName(name))
            return usage(QStringLiteral("--header \"%1\" is not \"Name: value\" with a valid header name").arg(h));
        builder.addHeader(name, h.mid(colon + 1).trimmed());
    }
    for (const QString &c : parser.values(QStringLiteral("cookie"))) {
        const qsizetype eq = c.indexOf(u'=');
        if (eq <= 0)
            return usage(QStringLiteral("--cookie \"%1\" is not \"name=value\"").arg(c));
        builder.addCookie(c.left(eq).trimmed(), c.mid(eq + 1));
    }
    const krakend::SimulationRequest request = builder.request();

    std::shared_ptr<const common::Clock> clock = common::Clock::system();
    if (parser.isSet(QStringLiteral("at"))) {
        auto at = common::Duration::parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return io.fail(Usage, at.error());
        clock = common::Clock::fixed(at.value());
    }
    auto timeout = common::Duration::parseNanos(parser.value(QStringLiteral("timeout")));
    if (!timeout || timeout.value() <= 0)
        return usage(timeout ? QStringLiteral("--timeout must be positive") : timeout.error().message);
    const int timeoutMs = static_cast<int>(std::min<qint64>(timeout.value() / 1000000, 3600 * 1000));

    std::optional<QByteArray> jwks;
    QString jwksLabel;
    if (parser.isSet(QStringLiteral("jwks"))) {
        jwksLabel = parser.value(QStringLiteral("jwks"));
        auto data = CliIo::readInput(jwksLabel, 4 * 1024 * 1024);
        if (!data)
            return io.fail(Usage, data.error());
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(data.value(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return io.fail(Usage, QStringLiteral("invalid_jwks"),
                QStringLiteral("--jwks %1 is not a JSON object (a JWK Set {\"keys\": [...]} is expected)")
                    .arg(jwksLabel));
        jwks = data.value();
        jwksLabel = QStringLiteral("--jwks %1").arg(jwksLabel);
    }

    auto simulate = [&](SimulationSetup setup) -> SimulationResult {
        const QString headerName = setup.validator.effectiveAuthHeaderName();
        const bool tokenIgnored
            = setup.hasValidator && parser.isSet(QStringLiteral("token")) && headerName != u"Authorization";
        Simulator simulator(std::move(setup));
        simulator.setClock(clock);
        simulator.setTimeoutMs(timeoutMs);
        simulator.setRevoked(parser.values(QStringLiteral("revoked")));
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
    };

    const QString file = parser.value(hasConfig ? QStringLiteral("config") : QStringLiteral("validator"));
    QByteArray text;
    auto document
        = readJsonObject(file, hasConfig ? QStringLiteral("config") : QStringLiteral("validator file"), &text);
    if (!document)
        return io.fail(Usage, document.error());
    const QString baseDir = file == u"-" ? QString() : QFileInfo(file).absolutePath();

    if (all) {
        QJsonArray results;
        QStringList table;
        int code = Ok;
        const QJsonArray endpoints = document->value(QLatin1String("endpoints")).toArray();
        for (const auto &e : endpoints) {
            const QJsonObject endpoint = e.toObject();
            if (!SimulationSetup::validatorBlock(endpoint))
                continue;
            SimulationSetup setup = SimulationSetup::fromEndpoint(document.value(), endpoint, baseDir);
            setup.checkConfigText(text);
            const SimulationResult r = simulate(setup);
            QJsonObject o = r.toJson();
            o.insert(QStringLiteral("endpoint"), setup.endpoint);
            o.insert(QStringLiteral("method"), setup.method);
            results.append(o);
            table << QStringLiteral("%1 %2 %3  %4")
                         .arg(setup.method, -7)
                         .arg(setup.endpoint, -30)
                         .arg(r.status)
                         .arg(r.reason);
            const int rc = exitCodeOf(r);
            if (rc == Network || (rc == Usage && code != Network) || (rc == Negative && code == Ok))
                code = rc;
        }
        if (json) {
            io.out(QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Indented)).trimmed());
        } else if (table.isEmpty()) {
            io.out(QStringLiteral("no endpoint of %1 has auth/validator").arg(file));
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

    SimulationSetup setup;
    if (hasConfig) {
        const QString path = parser.value(QStringLiteral("endpoint"));
        const auto endpoint = SimulationSetup::findEndpoint(document.value(), path, request.method);
        if (!endpoint) {
            QStringList known;
            const QJsonArray endpoints = document->value(QLatin1String("endpoints")).toArray();
            for (const auto &e : endpoints) {
                const QJsonObject o = e.toObject();
                const QString m = o.value(QLatin1String("method")).toString();
                known << QStringLiteral("%1 %2").arg(
                    m.isEmpty() ? QStringLiteral("GET") : m, o.value(QLatin1String("endpoint")).toString());
            }
            return io.fail(Usage, QStringLiteral("endpoint_not_found"),
                QStringLiteral("%1 %2 is not an endpoint of %3; it has: %4")
                    .arg(request.method, path, file,
                        known.isEmpty() ? QStringLiteral("no endpoints") : known.join(QStringLiteral(", "))));
        }
        setup = SimulationSetup::fromEndpoint(document.value(), *endpoint, baseDir);
        setup.checkConfigText(text);
    } else {
        setup = SimulationSetup::fromValidatorDocument(document.value(), baseDir);
    }
    const SimulationResult result = simulate(setup);
    if (!result.complete) {
        QJsonObject partial = result.toJson();
        return io.fail(Usage, common::Error {QStringLiteral("not_simulated"), result.incompleteReason, {}}, partial);
    }
    if (json) {
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

} // namespace jwb::cli
