#include "CliIo.h"
#include "Commands.h"
#include "KeyOptions.h"
#include "NetworkKeys.h"

#include "common/JsonSource.h"
#include "common/JsonText.h"
#include "crypto/Backend.h"
#include "jose/Inspection.h"
#include "keys/KeyLoader.h"
#include "krakend/ConfigDocument.h"
#include "krakend/ConfigExport.h"
#include "krakend/Linter.h"
#include "krakend/SignerConfig.h"
#include "krakend/Suggest.h"
#include "krakend/ValidatorConfig.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jwb::cli {

using krakend::GoType;
using krakend::OptionInfo;

namespace {

QString flagName(const QString &option)
{
    return QString(option).replace(u'_', u'-');
}

/// One flag per option, typed after the option's Go type (lists repeat, booleans are switches).
void addOptionFlags(QCommandLineParser &parser, const QList<OptionInfo> &options)
{
    for (const OptionInfo &o : options) {
        if (!o.inSchema)
            continue;
        const QString flag = flagName(o.name);
        // One sentence: it ends at ". " (not at the dots of "TLS 1.2", "h.p.s" or "since 2.7"). A flag sets a
        // boolean to true, so for "false: ...; true: ..." meanings the true part is the one that says what it does.
        QString text = o.meaning;
        if (const qsizetype t = text.indexOf(QLatin1String("true: ")); o.goType == GoType::Bool && t >= 0) {
            text = text.mid(t + 6);
            if (!text.isEmpty())
                text[0] = text[0].toUpper();
        }
        const qsizetype end = text.indexOf(QLatin1String(". "));
        QString help = end < 0 ? text : text.left(end + 1);
        if (!help.endsWith(u'.'))
            help += u'.';
        switch (o.goType) {
        case GoType::Bool:
            parser.addOption({flag, help});
            break;
        case GoType::StringList:
        case GoType::Uint16List:
            parser.addOption({flag, help + QStringLiteral(" Repeatable."), QStringLiteral("VALUE")});
            break;
        case GoType::StringPairs:
            parser.addOption({flag, help + QStringLiteral(" Repeatable."), QStringLiteral("CLAIM=HEADER")});
            break;
        default:
            parser.addOption({flag, help, QStringLiteral("VALUE")});
        }
    }
}

common::Result<QJsonObject> collectOptions(const QCommandLineParser &parser, const QList<OptionInfo> &options)
{
    QJsonObject block;
    for (const OptionInfo &o : options) {
        if (!o.inSchema)
            continue;
        const QString flag = flagName(o.name);
        if (!parser.isSet(flag))
            continue;
        switch (o.goType) {
        case GoType::Bool:
            block.insert(o.name, true);
            break;
        case GoType::Uint32: {
            bool ok = false;
            const uint v = parser.value(flag).toUInt(&ok);
            if (!ok)
                return common::Result<QJsonObject>::failure(
                    QStringLiteral("usage"), QStringLiteral("--%1 takes a non-negative integer").arg(flag));
            block.insert(o.name, static_cast<qint64>(v));
            break;
        }
        case GoType::StringList:
            block.insert(o.name, QJsonArray::fromStringList(parser.values(flag)));
            break;
        case GoType::Uint16List: {
            QJsonArray arr;
            for (const QString &v : parser.values(flag)) {
                bool ok = false;
                const uint n = v.toUInt(&ok);
                if (!ok || n > 65535)
                    return common::Result<QJsonObject>::failure(
                        QStringLiteral("usage"), QStringLiteral("--%1 takes cipher suite ids (0..65535)").arg(flag));
                arr.append(static_cast<qint64>(n));
            }
            block.insert(o.name, arr);
            break;
        }
        case GoType::StringPairs: {
            QJsonArray arr;
            for (const QString &v : parser.values(flag)) {
                const qsizetype eq = v.indexOf(u'=');
                if (eq <= 0 || eq == v.size() - 1)
                    return common::Result<QJsonObject>::failure(
                        QStringLiteral("usage"), QStringLiteral("--%1 takes CLAIM=HEADER, got \"%2\"").arg(flag, v));
                arr.append(QJsonArray {v.left(eq), v.mid(eq + 1)});
            }
            block.insert(o.name, arr);
            break;
        }
        default:
            block.insert(o.name, parser.value(flag));
        }
    }
    return block;
}

/// Defaults a token reveals (alg, iss, aud), for members the user did not give; `sources` says where each comes
/// from (printed only for those that end up written). Notes name roles_key / scopes_key candidates.
void defaultsFromToken(const QJsonObject &given, const QString &tokenText, QJsonObject &defaults,
    QHash<QString, QString> &sources, QStringList &notes)
{
    const jose::Token t = jose::Inspection::inspect(tokenText, 0).token;
    if (!t.headerOk)
        return;
    const krakend::Suggestion suggestion = krakend::Suggestion::fromToken(t);
    auto describe = [](const QList<krakend::ClaimCandidate> &list, bool roles) {
        QStringList parts;
        for (const auto &c : list.mid(0, 4))
            parts.append(QStringLiteral("%1 (%2%3)")
                             .arg(c.path, c.shape,
                                 roles && c.nested ? QStringLiteral(", needs --roles-key-is-nested") : QString()));
        return parts.join(QStringLiteral("; "));
    };
    if (!suggestion.rolesKey.isEmpty() && !given.contains(QLatin1String("roles_key")))
        notes.append(QStringLiteral("roles_key candidates in the token: %1").arg(describe(suggestion.rolesKey, true)));
    if (!suggestion.scopesKey.isEmpty() && !given.contains(QLatin1String("scopes_key")))
        notes.append(
            QStringLiteral("scopes_key candidates in the token: %1").arg(describe(suggestion.scopesKey, false)));
    auto offer = [&](const QString &member, const QJsonValue &value, const QString &source) {
        if (given.contains(member) || defaults.contains(member))
            return;
        defaults.insert(member, value);
        sources.insert(member, source);
    };
    if (crypto::Algorithms::fromKrakendName(t.alg()))
        offer(QStringLiteral("alg"), t.alg(), QStringLiteral("the token"));
    if (!t.payloadIsJson)
        return;
    if (t.payload.value(QLatin1String("iss")).isString())
        offer(QStringLiteral("issuer"), t.payload.value(QLatin1String("iss")), QStringLiteral("the token"));
    const QJsonValue aud = t.payload.value(QLatin1String("aud"));
    if (aud.isString() || aud.isArray())
        offer(
            QStringLiteral("audience"), aud.isString() ? QJsonArray {aud} : aud.toArray(), QStringLiteral("the token"));
}

/// "alg RS256 taken from the token" for each default that was written.
QStringList defaultNotes(const QStringList &applied, const QJsonObject &block, const QHash<QString, QString> &sources)
{
    QStringList notes;
    for (const QString &member : applied)
        notes.append(QStringLiteral("%1 %2 taken from %3")
                         .arg(member, common::JsonText::compact(block.value(member)), sources.value(member)));
    return notes;
}

QJsonArray jsonList(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

int emitBlock(const CliIo &io, const QCommandLineParser &parser, krakend::BlockKind kind, const QJsonObject &given,
    const QJsonObject &defaults, const QHash<QString, QString> &sources, const QStringList &notes)
{
    const bool wholeEndpoint = parser.isSet(QStringLiteral("endpoint"));
    const QString method = parser.value(QStringLiteral("method"));
    const QString shownMethod = method.isEmpty() ? QStringLiteral("GET") : method.toUpper();
    const QString path = parser.value(QStringLiteral("endpoint"));
    const bool into = parser.isSet(QStringLiteral("into"));
    for (const char *flag : {"replace", "rename-legacy"})
        if (parser.isSet(QLatin1String(flag)) && !into)
            return io.fail(Usage, QStringLiteral("usage"),
                QStringLiteral("--%1 goes with --into krakend.json").arg(QLatin1String(flag)));
    if (!into) {
        auto composed = krakend::ConfigExport::composeBlock(kind, {}, given, defaults, true);
        if (!composed)
            return io.fail(Usage, composed.error());
        for (const auto &n :
            notes + defaultNotes(composed->defaultsApplied, composed->block, sources) + composed->notes)
            io.err(QStringLiteral("note: %1").arg(n));
        const QString ns
            = kind == krakend::BlockKind::Validator ? krakend::ValidatorConfig::ns() : krakend::SignerConfig::ns();
        QJsonObject out {{ns, composed->block}};
        if (wholeEndpoint) {
            auto endpoint = krakend::ConfigExport::endpoint(path, method, parser.value(QStringLiteral("backend")), out);
            if (!endpoint)
                return io.fail(Usage, endpoint.error());
            out = endpoint.value();
        }
        const QByteArray text
            = common::serializeJson(out, QByteArray(), "  ", krakend::ConfigDocument::preferredOrder()) + '\n';
        std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
        std::fflush(stdout);
        return Ok;
    }

    if (!wholeEndpoint)
        return io.fail(Usage, QStringLiteral("usage"),
            QStringLiteral("--into needs --endpoint PATH (and --method) to know where the block goes"));
    auto doc = krakend::ConfigDocument::open(parser.value(QStringLiteral("into")));
    if (!doc)
        return io.fail(Usage, doc.error());
    krakend::BlockPlacement placement;
    placement.replace = parser.isSet(QStringLiteral("replace"));
    placement.renameLegacy = parser.isSet(QStringLiteral("rename-legacy"));
    auto written = krakend::ConfigExport::writeEndpointBlock(
        doc.value(), kind, path, method, parser.value(QStringLiteral("backend")), given, defaults, placement);
    if (!written)
        return io.fail(Usage, written.error());
    if (auto saved = doc->save(); !saved)
        return io.fail(Usage, saved.error());
    const krakend::BlockWrite &w = written.value();

    for (const auto &n : notes + defaultNotes(w.defaultsApplied, w.block, sources) + w.notes)
        io.err(QStringLiteral("note: %1").arg(n));
    for (auto it = w.removed.constBegin(); it != w.removed.constEnd(); ++it)
        if (w.removedSecurityRelevant.contains(it.key()))
            io.err(QStringLiteral("warning: removed the security-relevant option %1 (was %2)")
                       .arg(it.key(), common::JsonText::compact(it.value())));
    for (const auto &warning : w.warnings)
        io.err(QStringLiteral("warning: %1").arg(warning));

    const QString mode = w.addedEndpoint || !w.hadBlock ? QStringLiteral("new")
        : w.replaced                                    ? QStringLiteral("replace")
                                                        : QStringLiteral("merge");
    if (io.json()) {
        QJsonObject report {{QStringLiteral("file"), doc->path()}, {QStringLiteral("endpoint"), path},
            {QStringLiteral("method"), shownMethod},
            {QStringLiteral("result"), w.addedEndpoint ? QStringLiteral("added") : QStringLiteral("updated")},
            {QStringLiteral("mode"), mode}, {QStringLiteral("namespace"), w.key},
            {QStringLiteral("legacy_namespace"),
                w.key != krakend::ValidatorConfig::ns() && w.key != krakend::SignerConfig::ns()},
            {w.key, w.block}, {QStringLiteral("given"), jsonList(w.given)}, {QStringLiteral("kept"), jsonList(w.kept)},
            {QStringLiteral("removed"), w.removed},
            {QStringLiteral("removed_security_relevant"), jsonList(w.removedSecurityRelevant)},
            {QStringLiteral("notes"), jsonList(notes + defaultNotes(w.defaultsApplied, w.block, sources) + w.notes)},
            {QStringLiteral("warnings"), jsonList(w.warnings)}};
        if (w.renamed)
            report.insert(QStringLiteral("renamed_from"), w.previousKey);
        io.printJson(report);
        return Ok;
    }
    QString line;
    if (w.addedEndpoint)
        line = QStringLiteral("added %1 %2 to %3, with %4").arg(shownMethod, path, doc->path(), w.key);
    else if (!w.hadBlock)
        line = QStringLiteral("added %1 to %2 %3 in %4").arg(w.key, shownMethod, path, doc->path());
    else if (w.replaced)
        line = QStringLiteral("replaced %1 of %2 %3 in %4").arg(w.key, shownMethod, path, doc->path());
    else
        line = QStringLiteral("merged into %1 of %2 %3 in %4: set %5; kept %6")
                   .arg(w.key, shownMethod, path, doc->path(),
                       w.given.isEmpty() ? QStringLiteral("nothing") : w.given.join(QStringLiteral(", ")),
                       w.kept.isEmpty() ? QStringLiteral("nothing") : w.kept.join(QStringLiteral(", ")));
    if (w.renamed)
        line += QStringLiteral(" (renamed from %1)").arg(w.previousKey);
    io.out(line);
    return Ok;
}

void addPlacementOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("endpoint"),
        QStringLiteral("Print a whole endpoint object for PATH (needs --backend)."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("method"), QStringLiteral("Endpoint method (default GET)."), QStringLiteral("M")});
    parser.addOption({QStringLiteral("backend"), QStringLiteral("Backend URL of the endpoint (http://host:port/path)."),
        QStringLiteral("URL")});
    parser.addOption({QStringLiteral("into"),
        QStringLiteral("Write the block into this krakend.json (atomic, rest kept byte for byte): an existing block "
                       "is merged (given options win, every other one stays)."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("replace"),
        QStringLiteral("With --into: replace the whole existing block (each security-relevant option it removes is "
                       "printed).")});
    parser.addOption({QStringLiteral("rename-legacy"),
        QStringLiteral("With --into: rewrite a legacy github.com/devopsfaith/krakend-jose key as the short one.")});
}

int runConfigValidator(const QStringList &args)
{
    QCommandLineParser parser;
    addOptionFlags(parser, krakend::ValidatorConfig::options());
    addPlacementOptions(parser);
    parser.addOption({QStringLiteral("from-token"), QStringLiteral("Pre-fill alg, issuer and audience from TOKEN."),
        QStringLiteral("TOKEN")});
    parser.addOption({QStringLiteral("from-issuer"),
        QStringLiteral("Pre-fill issuer and jwk_url from the issuer's discovery document."), QStringLiteral("URL")});
    addNetworkOptions(parser, false);
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli config validator [options] [--endpoint PATH [--method M] --backend URL] "
                           "[--into krakend.json [--replace] [--rename-legacy]]"),
            QStringLiteral("Print an auth/validator block (or endpoint) that KrakenD's schema and runtime accept."),
            json);
        rc >= 0)
        return rc;
    CliIo io(json);
    auto block = collectOptions(parser, krakend::ValidatorConfig::options());
    if (!block)
        return io.fail(Usage, block.error());
    const QJsonObject &given = block.value();
    QJsonObject defaults;
    QHash<QString, QString> sources;
    QStringList notes;
    if (parser.isSet(QStringLiteral("from-token")))
        defaultsFromToken(given, parser.value(QStringLiteral("from-token")), defaults, sources, notes);
    if (parser.isSet(QStringLiteral("from-issuer"))) {
        auto options = networkOptions(parser);
        if (!options)
            return io.fail(Usage, options.error());
        auto fetched = keysource::JwksFetcher::fetchBlocking(
            QUrl(parser.value(QStringLiteral("from-issuer"))), true, options.value());
        if (!fetched)
            return io.fail(common::isUsageError(fetched.error()) ? Usage : Network, fetched.error());
        // Defaults only: what the user gave, and in a merge what the block already has, wins.
        const QString discovery = fetched->discoveryUrl.toDisplayString();
        auto offer = [&](const QString &member, const QJsonValue &value, const QString &source) {
            if (given.contains(member) || defaults.contains(member)) // --from-token's come first
                return;
            defaults.insert(member, value);
            sources.insert(member, source);
        };
        if (!given.contains(QLatin1String("jwk_url")) && !given.contains(QLatin1String("jwk_local_path")))
            offer(QStringLiteral("jwk_url"), fetched->jwksUrl.toString(), discovery);
        offer(QStringLiteral("issuer"),
            fetched->discovery.value(QLatin1String("issuer")).toString(fetched->issuer.toString()), discovery);
        if (!given.contains(QLatin1String("alg")) && !defaults.contains(QLatin1String("alg"))) {
            // The first algorithm the issuer advertises that one of its keys can serve.
            const QJsonArray advertised
                = fetched->discovery.value(QLatin1String("id_token_signing_alg_values_supported")).toArray();
            for (const auto &a : advertised) {
                const auto alg = crypto::Algorithms::fromKrakendName(a.toString());
                bool served = false;
                for (const auto &k : fetched->keys.keys)
                    served = served || (alg && crypto::Algorithms::forKey(k.key.type(), k.key.curve()).contains(*alg));
                if (served) {
                    defaults.insert(QStringLiteral("alg"), a.toString());
                    sources.insert(QStringLiteral("alg"), discovery);
                    break;
                }
            }
        }
        if (!options->extraCa.isEmpty() && !given.contains(QLatin1String("jwk_local_ca")))
            notes.append(
                QStringLiteral("the issuer needed --ca: set --jwk-local-ca to the CA file path KrakenD can read"));
    }
    return emitBlock(io, parser, krakend::BlockKind::Validator, given, defaults, sources, notes);
}

int runConfigSigner(const QStringList &args)
{
    QCommandLineParser parser;
    addOptionFlags(parser, krakend::SignerConfig::options());
    addPlacementOptions(parser);
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli config signer [options] [--endpoint PATH [--method M] --backend URL] "
                           "[--into krakend.json [--replace] [--rename-legacy]]"),
            QStringLiteral("Print an auth/signer block (or endpoint) that KrakenD's schema and runtime accept."), json);
        rc >= 0)
        return rc;
    CliIo io(json);
    auto block = collectOptions(parser, krakend::SignerConfig::options());
    if (!block)
        return io.fail(Usage, block.error());
    return emitBlock(io, parser, krakend::BlockKind::Signer, block.value(), {}, {}, {});
}

int runConfigLint(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("config"), QStringLiteral("krakend.json to lint."));
    parser.addOption({QStringLiteral("token"), QStringLiteral("Cross-check the JWT blocks against this sample token."),
        QStringLiteral("TOKEN")});
    parser.addOption({QStringLiteral("jwks"), QStringLiteral("Cross-check against this key set (JWK Set, JWK, PEM)."),
        QStringLiteral("FILE")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli config lint krakend.json [--token T] [--jwks FILE] [--json]"),
            QStringLiteral("Schema-level and runtime findings for every JWT block of a krakend.json."), json);
        rc >= 0)
        return rc;
    CliIo io(json);
    if (parser.positionalArguments().size() != 1)
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("expected one krakend.json"));
    auto doc = krakend::ConfigDocument::open(parser.positionalArguments().first());
    if (!doc)
        return io.fail(Usage, doc.error());
    krakend::LintContext ctx;
    ctx.sampleToken = parser.value(QStringLiteral("token"));
    if (parser.isSet(QStringLiteral("jwks"))) {
        auto set = keys::KeyLoader::loadFile(parser.value(QStringLiteral("jwks")));
        if (!set)
            return io.fail(Usage, set.error());
        ctx.keySet = set.value();
    }
    const auto items = krakend::Linter::lint(doc.value(), ctx);
    int errors = 0, warnings = 0;
    QJsonArray arr;
    QStringList lines;
    QString lastLocation;
    for (const auto &i : items) {
        errors += i.finding.severity == common::Severity::Error;
        warnings += i.finding.severity == common::Severity::Warning;
        arr.append(QJsonObject {{QStringLiteral("severity"), common::severityName(i.finding.severity)},
            {QStringLiteral("code"), i.finding.code}, {QStringLiteral("subject"), i.finding.subject},
            {QStringLiteral("message"), i.finding.message}, {QStringLiteral("location"), i.location},
            {QStringLiteral("endpoint"), i.endpoint}});
        if (i.location != lastLocation)
            lines << i.location;
        lastLocation = i.location;
        lines << QStringLiteral("  %1  %2: %3")
                     .arg(common::severityName(i.finding.severity), -7)
                     .arg(i.finding.code, i.finding.message);
    }
    const auto eps = doc->endpoints();
    const auto jwtEndpoints
        = std::count_if(eps.begin(), eps.end(), [](const auto &e) { return e.hasValidator || e.hasSigner; });
    // What was checked, so that a file the official schema rejects for other reasons does not read as clean.
    const QString checked = QStringLiteral("the JWT blocks (auth/validator, auth/signer, auth/revoker), the headers "
                                           "they propagate, and the file's version and byte order mark; the rest of "
                                           "the file was not checked");
    const QString summary = QStringLiteral("%1: %2 endpoint(s), %3 with JWT blocks: %4 error(s), %5 warning(s) in %6")
                                .arg(doc->path())
                                .arg(eps.size())
                                .arg(jwtEndpoints)
                                .arg(errors)
                                .arg(warnings)
                                .arg(checked);
    if (json)
        io.printJson(QJsonObject {{QStringLiteral("file"), doc->path()}, {QStringLiteral("findings"), arr},
            {QStringLiteral("errors"), errors}, {QStringLiteral("warnings"), warnings},
            {QStringLiteral("endpoints"), static_cast<int>(eps.size())}, {QStringLiteral("checked"), checked}});
    else
        io.out((lines + QStringList {summary}).join(u'\n'));
    return errors ? Negative : Ok;
}

} // namespace

int runConfig(const QStringList &args)
{
    CliIo io(args.contains(QStringLiteral("--json")));
    if (args.size() < 2 || args[1] == u"--help" || args[1] == u"-h") {
        io.out(QStringLiteral(
            "Usage: jwt-workbench-cli config <validator|signer|lint> ...\n"
            "  config validator [options]   print an auth/validator block, endpoint, or write it --into a file\n"
            "  config signer [options]      the same for auth/signer\n"
            "  config lint krakend.json     schema and runtime findings for every JWT block"));
        return args.size() < 2 ? Usage : Ok;
    }
    QStringList rest = args.mid(2);
    rest.prepend(args[0] + u' ' + args[1]);
    if (args[1] == u"validator")
        return runConfigValidator(rest);
    if (args[1] == u"signer")
        return runConfigSigner(rest);
    if (args[1] == u"lint")
        return runConfigLint(rest);
    return io.fail(Usage, QStringLiteral("unknown_command"),
        QStringLiteral("unknown config command \"%1\" (validator, signer, lint)").arg(args[1]));
}

} // namespace jwb::cli
