// `matrix`: test tokens for one endpoint's auth/validator, each with the status KrakenD would answer (an extension
// of docs/cli.md in the style of `simulate`: same endpoint selection, --at, --json, exit codes).
#include "CliIo.h"
#include "Commands.h"
#include "KeyOptions.h"
#include "NetworkKeys.h"

#include "common/AtomicFile.h"
#include "common/Duration.h"
#include "krakend/LiveRun.h"
#include "krakend/Simulator.h"
#include "krakend/TestTokens.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <utility>

namespace jwb::cli {

namespace {

common::Result<QJsonObject> readObject(const QString &path, const QString &what, QByteArray *text)
{
    auto data = CliIo::readInput(path);
    if (!data)
        return data.error();
    *text = data.value();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(data.value(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return common::Result<QJsonObject>::failure(QStringLiteral("invalid_json"),
            QStringLiteral("%1 %2 is not a JSON object%3")
                .arg(what, path,
                    error.error != QJsonParseError::NoError
                        ? QStringLiteral(": %1 at byte %2").arg(error.errorString()).arg(error.offset)
                        : QString()));
    return doc.object();
}

/// The --run options, checked before anything is minted or sent.
struct RunSettings
{
    krakend::LiveRunOptions options;
};

common::Result<RunSettings> runSettings(const QCommandLineParser &parser)
{
    RunSettings settings;
    auto network = networkOptions(parser);
    if (!network)
        return network.error();
    settings.options.network = network.value();
    auto url = krakend::checkBaseUrl(parser.value(QStringLiteral("run")), settings.options.network.insecure);
    if (!url)
        return url.error();
    settings.options.baseUrl = url.value();
    bool ok = false;
    settings.options.delayMs = parser.value(QStringLiteral("delay")).toInt(&ok);
    if (!ok || settings.options.delayMs < 0 || settings.options.delayMs > 60000)
        return common::Result<RunSettings>::failure(
            QStringLiteral("usage"), QStringLiteral("--delay takes milliseconds from 0 to 60000"));
    settings.options.maxRequests = parser.value(QStringLiteral("max-requests")).toInt(&ok);
    if (!ok || settings.options.maxRequests < 1 || settings.options.maxRequests > 1000)
        return common::Result<RunSettings>::failure(
            QStringLiteral("usage"), QStringLiteral("--max-requests takes a number from 1 to 1000"));
    return settings;
}

QString caseLine(const krakend::TestTokenCase &c)
{
    return QStringLiteral("%1 %2 %3 %4")
        .arg(c.id, -20)
        .arg(c.expectedStatus, -7)
        .arg(c.stoppingCheck.isEmpty() ? QStringLiteral("-") : c.stoppingCheck, -12)
        .arg(c.description);
}

/// Sends every case to the gateway (one at a time) and prints expected against actual; exit 0 only when all match.
int runLive(CliIo &io, bool json, const krakend::SimulationSetup &setup, const krakend::TestTokenSet &set,
    const krakend::LiveRunOptions &options)
{
    QNetworkAccessManager manager;
    krakend::LiveRun run(&manager, set.target, set.cases, options, [&setup, &set](const krakend::TestTokenCase &c) {
        return krakend::TestTokens::mintCase(setup, set, c.id, common::Clock::system());
    });
    QEventLoop loop;
    QObject::connect(&run, &krakend::LiveRun::finished, &loop, &QEventLoop::quit);
    run.start();
    if (!run.isFinished())
        loop.exec();
    if (json) {
        QJsonObject out = run.toJson();
        out.insert(QStringLiteral("endpoint"), set.target.path);
        out.insert(QStringLiteral("method"), set.target.method);
        out.insert(QStringLiteral("alg"), set.alg);
        out.insert(QStringLiteral("key_id"), set.keyId);
        io.printJson(out);
    } else {
        QStringList lines;
        lines << QStringLiteral("%1 %2 at %3: %4 cases, one request at a time")
                     .arg(set.target.method, set.target.path, options.baseUrl.toString())
                     .arg(set.cases.size());
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(QStringLiteral("CASE"), -20)
                     .arg(QStringLiteral("EXPECT"), -7)
                     .arg(QStringLiteral("ACTUAL"), -7)
                     .arg(QStringLiteral("RESULT"));
        for (const krakend::LiveCaseResult &r : run.results()) {
            const QString actual = r.actualStatus ? QString::number(r.actualStatus)
                                                  : (r.sent ? QStringLiteral("-") : QStringLiteral("unsent"));
            QString verdict = r.matched ? QStringLiteral("ok") : QStringLiteral("DIFFERS: ") + r.explanation;
            if (!r.errorMessage.isEmpty())
                verdict += QStringLiteral(" (%1)").arg(r.errorMessage);
            lines
                << QStringLiteral("%1 %2 %3 %4").arg(r.id, -20).arg(r.expectedStatus, -7).arg(actual, -7).arg(verdict);
            if (!r.matched && !r.bodyExcerpt.isEmpty())
                lines << QStringLiteral("    body: %1").arg(r.bodyExcerpt.left(120).replace(u'\n', u' '));
        }
        lines << run.summary();
        io.out(lines.join(u'\n'));
    }
    return run.allMatched() ? Ok : Negative;
}

} // namespace

int runMatrix(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("config"), QStringLiteral("A krakend.json (version 3)."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("endpoint"), QStringLiteral("The endpoint path (as in the config)."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("method"), QStringLiteral("The endpoint's method (default GET)."),
        QStringLiteral("M"), QStringLiteral("GET")});
    parser.addOption({QStringLiteral("validator"),
        QStringLiteral("A file with an auth/validator block (bare, as {\"auth/validator\": {...}}, or an endpoint "
                       "object)."),
        QStringLiteral("FILE")});
    addKeyOptions(parser);
    parser.addOption({QStringLiteral("at"), QStringLiteral("Mint and evaluate as of TIME (RFC 3339 or Unix seconds)."),
        QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("base-url"),
        QStringLiteral("Gateway URL for the curl lines (default http://localhost:PORT, PORT from the config or "
                       "8080)."),
        QStringLiteral("URL")});
    parser.addOption({QStringLiteral("jwks-out"),
        QStringLiteral("Write the JWK Set KrakenD needs to verify the tokens (for jwk_local_path) to FILE."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("script"), QStringLiteral("Print only a shell script with every curl line.")});
    parser.addOption({QStringLiteral("sweep"),
        QStringLiteral("Add the security sweep: alg none in four spellings, HS256 with the public key, an embedded "
                       "jwk, kid injection, a stripped signature, psychic ECDSA (ES*), a wrong typ, expired one "
                       "second beyond the leeway.")});
    parser.addOption({QStringLiteral("run"),
        QStringLiteral("Send every case to the gateway at BASE_URL (one request at a time) and compare its status "
                       "with the simulation's; exit 0 only when all match. Nothing is sent without this option."),
        QStringLiteral("BASE_URL")});
    parser.addOption({QStringLiteral("delay"), QStringLiteral("With --run: milliseconds between requests (default 0)."),
        QStringLiteral("MS"), QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("max-requests"), QStringLiteral("With --run: send at most N requests (default 50)."),
            QStringLiteral("N"), QStringLiteral("50")});
    addNetworkOptions(parser, false);
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral(
                "jwt-workbench-cli matrix (--config krakend.json --endpoint PATH [--method M] | "
                "--validator FILE) [--key FILE | --secret ...] [--at TIME] [--base-url URL] "
                "[--jwks-out FILE] [--script] [--sweep] [--run BASE_URL [--ca FILE] [--pin PIN] [--insecure] "
                "[--delay MS] [--max-requests N] [--timeout DURATION]] [--json]"),
            QStringLiteral("Mint test tokens (valid, expired, leeway edges, wrong aud/iss, missing role/scope, "
                           "unknown kid, alg none, HS256 with the public key, nbf in the future) for an "
                           "endpoint, each with the status KrakenD would answer. Without a key one is generated."),
            json);
        rc >= 0)
        return rc;
    CliIo io(json);
    auto usage = [&io](const QString &message) { return io.fail(Usage, QStringLiteral("usage"), message); };

    const bool hasConfig = parser.isSet(QStringLiteral("config"));
    const bool hasValidator = parser.isSet(QStringLiteral("validator"));
    if (hasConfig == hasValidator)
        return usage(QStringLiteral("give either --config krakend.json --endpoint PATH or --validator FILE"));
    if (hasConfig != parser.isSet(QStringLiteral("endpoint")))
        return usage(QStringLiteral("--endpoint goes with --config (and --config needs it)"));
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    const bool live = parser.isSet(QStringLiteral("run"));
    if (live && parser.isSet(QStringLiteral("script")))
        return usage(QStringLiteral("--run sends the requests itself; --script only prints them"));
    if (live && parser.isSet(QStringLiteral("at")))
        return usage(QStringLiteral("--run sends the tokens now: --at cannot go with it"));
    for (const char *option : {"delay", "max-requests", "ca", "pin", "insecure", "timeout"})
        if (!live && parser.isSet(QString::fromLatin1(option)))
            return usage(QStringLiteral("--%1 goes with --run").arg(QString::fromLatin1(option)));
    std::optional<RunSettings> settings;
    if (live) {
        auto checked = runSettings(parser);
        if (!checked)
            return io.fail(Usage, checked.error());
        settings = checked.value();
    }

    std::shared_ptr<const common::Clock> clock = common::Clock::system();
    if (parser.isSet(QStringLiteral("at"))) {
        auto at = common::Duration::parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return io.fail(Usage, at.error());
        clock = common::Clock::fixed(at.value());
    }

    const QString file = parser.value(hasConfig ? QStringLiteral("config") : QStringLiteral("validator"));
    QByteArray text;
    auto document = readObject(file, hasConfig ? QStringLiteral("config") : QStringLiteral("validator file"), &text);
    if (!document)
        return io.fail(Usage, document.error());
    const QString baseDir = file == u"-" ? QString() : QFileInfo(file).absolutePath();
    krakend::SimulationSetup setup;
    QString baseUrl = parser.value(QStringLiteral("base-url"));
    if (hasConfig) {
        const QString method = parser.value(QStringLiteral("method")).toUpper();
        const auto endpoint = krakend::SimulationSetup::findEndpoint(
            document.value(), parser.value(QStringLiteral("endpoint")), method);
        if (!endpoint)
            return io.fail(Usage, QStringLiteral("endpoint_not_found"),
                QStringLiteral("%1 %2 is not an endpoint of %3")
                    .arg(method, parser.value(QStringLiteral("endpoint")), file));
        setup = krakend::SimulationSetup::fromEndpoint(document.value(), *endpoint, baseDir);
        setup.checkConfigText(text);
        if (baseUrl.isEmpty() && document->value(QLatin1String("port")).isDouble())
            baseUrl = QStringLiteral("http://localhost:%1").arg(document->value(QLatin1String("port")).toInt());
    } else {
        setup = krakend::SimulationSetup::fromValidatorDocument(document.value(), baseDir);
        if (setup.endpoint.isEmpty())
            setup.endpoint = QStringLiteral("/");
    }

    std::optional<keys::Jwk> key;
    if (hasKeySource(parser)) {
        auto set = loadKeySource(parser);
        if (!set)
            return io.fail(Usage, set.error());
        auto chosen = krakend::TestTokens::chooseKey(setup.validator, set.value());
        if (!chosen)
            return io.fail(Usage, chosen.error());
        key = chosen.value();
    }

    auto minted = krakend::TestTokens::mint(setup, key, clock, baseUrl);
    if (!minted)
        return io.fail(Usage, minted.error());
    krakend::TestTokenSet &set = minted.value();
    if (parser.isSet(QStringLiteral("sweep")))
        if (auto swept = krakend::TestTokens::addSweep(setup, set, clock); !swept)
            return io.fail(Usage, swept.error());

    if (parser.isSet(QStringLiteral("jwks-out"))) {
        const QString out = parser.value(QStringLiteral("jwks-out"));
        const QByteArray bytes = QJsonDocument(set.jwksForLocalPath()).toJson(QJsonDocument::Indented);
        if (auto written = common::AtomicFile::write(out, bytes,
                set.jwksHoldsSecret() ? common::AtomicFile::Access::Secret : common::AtomicFile::Access::Default);
            !written)
            return io.fail(Usage, written.error());
    }

    if (settings)
        return runLive(io, json, setup, set, settings->options);

    if (json) {
        io.printJson(set.toJson());
    } else if (parser.isSet(QStringLiteral("script"))) {
        io.out(set.curlScript());
    } else {
        QStringList lines;
        lines << QStringLiteral("%1 %2: %3 test tokens, alg %4, %5 key \"%6\"")
                     .arg(set.target.method, set.target.path)
                     .arg(set.cases.size())
                     .arg(set.alg, set.generatedKey ? QStringLiteral("generated") : QStringLiteral("given"), set.keyId);
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(QStringLiteral("CASE"), -20)
                     .arg(QStringLiteral("EXPECT"), -7)
                     .arg(QStringLiteral("STOPS AT"), -12)
                     .arg(QStringLiteral("WHAT IT TESTS"));
        bool sweepShown = false;
        for (const auto &c : set.cases) {
            if (krakend::TestTokens::isSweep(c.kind) && !std::exchange(sweepShown, true))
                lines << QStringLiteral("security sweep:");
            lines << caseLine(c);
        }
        for (const QString &note : set.notes)
            lines << QStringLiteral("note: ") + note;
        lines << QString() << QStringLiteral("curl commands:");
        for (const auto &c : set.cases)
            lines << QStringLiteral("# %1 (expect %2)").arg(c.id).arg(c.expectedStatus) << c.curl;
        if (set.generatedKey && !parser.isSet(QStringLiteral("jwks-out")))
            lines << QString() << QStringLiteral("JWK Set for jwk_local_path (or use --jwks-out FILE):")
                  << QString::fromUtf8(QJsonDocument(set.jwksForLocalPath()).toJson(QJsonDocument::Compact));
        io.out(lines.join(u'\n'));
    }
    return Ok;
}

} // namespace jwb::cli
