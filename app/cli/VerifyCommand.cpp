#include "CliIo.h"
#include "Commands.h"
#include "KeyOptions.h"
#include "NetworkKeys.h"

#include "common/BoundedFile.h"
#include "common/Duration.h"
#include "jose/TokenParser.h"
#include "validation/BatchVerifier.h"
#include "verification/SdJwtVerify.h"
#include "verification/Verify.h"

#include <QFile>
#include <QJsonArray>

namespace jwb::cli {

namespace {

QString renderText(const validation::Report &r)
{
    QStringList lines;
    lines << (r.valid ? QStringLiteral("VALID") : QStringLiteral("INVALID"));
    lines << checkLines(r.checks);
    if (r.keyIndex >= 0)
        lines << QStringLiteral("Key: %1%2, RFC 7638 thumbprint %3")
                     .arg(r.keyType, r.keyKid.isEmpty() ? QString() : QStringLiteral(" kid \"%1\"").arg(r.keyKid),
                         r.keyThumbprint);
    if (!r.findings.isEmpty()) {
        lines << QStringLiteral("Findings:");
        for (const auto &f : r.findings)
            lines << QStringLiteral("  %1  %2: %3").arg(common::severityName(f.severity), -7).arg(f.code, f.message);
    }
    return lines.join(u'\n');
}

QString renderSdJwt(const verification::SdJwtVerification &v)
{
    QStringList lines;
    lines << (v.valid ? QStringLiteral("SD-JWT VALID") : QStringLiteral("SD-JWT INVALID"));
    lines << QStringLiteral("  %1 issuer     the issuer-signed JWT (checks above)")
                 .arg(v.issuer.valid ? QStringLiteral("ok  ") : QStringLiteral("FAIL"));
    int disclosed = 0;
    for (const auto &d : v.sd.disclosures)
        disclosed += d.path.isEmpty() ? 0 : 1;
    lines << QStringLiteral("  %1 digests    %2 of %3 Disclosures match a digest (%4), %5 undisclosed digest%6")
                 .arg(v.sd.ok() ? QStringLiteral("ok  ") : QStringLiteral("FAIL"))
                 .arg(disclosed)
                 .arg(v.sd.disclosures.size())
                 .arg(v.sd.hashAlg.isEmpty() ? QStringLiteral("no _sd_alg") : v.sd.hashAlg)
                 .arg(v.sd.undisclosedDigests)
                 .arg(v.sd.undisclosedDigests == 1 ? QString() : QStringLiteral("s"));
    bool kbError = false;
    for (const auto &f : v.keyBindingProblems)
        kbError = kbError || f.severity == common::Severity::Error;
    lines << QStringLiteral("  %1 kb_jwt     %2")
                 .arg(!v.sd.hasKeyBinding && !kbError ? QStringLiteral("skip")
                         : kbError                    ? QStringLiteral("FAIL")
                                                      : QStringLiteral("ok  "),
                     v.sd.hasKeyBinding ? QStringLiteral("Key Binding JWT checked with cnf.jwk")
                                        : QStringLiteral("no Key Binding JWT presented"));
    common::Findings problems = v.sd.problems;
    problems += v.keyBindingProblems;
    if (!problems.isEmpty()) {
        lines << QStringLiteral("SD-JWT problems:");
        for (const auto &f : problems)
            lines << QStringLiteral("  %1  %2: %3").arg(common::severityName(f.severity), -7).arg(f.code, f.message);
    }
    return lines.join(u'\n');
}

} // namespace

int runVerify(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("token"), QStringLiteral("The token, or - for stdin (default)."));
    parser.addOption(
        {QStringLiteral("token-file"), QStringLiteral("Read the token from FILE."), QStringLiteral("FILE")});
    addKeyOptions(parser);
    addNetworkOptions(parser, true);
    parser.addOption({QStringLiteral("alg"),
        QStringLiteral("The only accepted algorithm (default: what the key allows)."), QStringLiteral("ALG")});
    parser.addOption({QStringLiteral("key-id-strategy"), QStringLiteral("kid (default), x5t, x5t#S256 or kid_x5t."),
        QStringLiteral("S"), QStringLiteral("kid")});
    parser.addOption({QStringLiteral("iss"), QStringLiteral("Required issuer (exact match)."), QStringLiteral("ISS")});
    parser.addOption({QStringLiteral("aud"), QStringLiteral("Required audience (repeatable; all must be present)."),
        QStringLiteral("AUD")});
    parser.addOption({QStringLiteral("leeway"), QStringLiteral("Clock skew allowed for exp/nbf/iat (default 0s)."),
        QStringLiteral("DURATION"), QStringLiteral("0s")});
    parser.addOption({QStringLiteral("require-exp"), QStringLiteral("Reject tokens without exp.")});
    parser.addOption({QStringLiteral("typ"),
        QStringLiteral("Required header typ, e.g. at+jwt (RFC 8725 explicit typing; case-insensitive, \"application/\" "
                       "optional)."),
        QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("allow-weak-keys"),
        QStringLiteral("Verify with RSA keys under 2048 bits and small-order Ed25519 keys (refused by default).")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("Evaluate as of TIME (RFC 3339 or Unix seconds)."),
        QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("kb-aud"),
        QStringLiteral("SD-JWT: the Key Binding JWT's required aud (the verifier's identifier)."),
        QStringLiteral("AUD")});
    parser.addOption({QStringLiteral("nonce"), QStringLiteral("SD-JWT: the Key Binding JWT's required nonce."),
        QStringLiteral("NONCE")});
    parser.addOption(
        {QStringLiteral("kb-max-age"), QStringLiteral("SD-JWT: how old the Key Binding JWT's iat may be (default 5m)."),
            QStringLiteral("DURATION"), QStringLiteral("5m")});
    parser.addOption(
        {QStringLiteral("require-kb"), QStringLiteral("SD-JWT: reject a presentation without a Key Binding JWT.")});
    parser.addOption({QStringLiteral("batch"), QStringLiteral("Verify every token in FILE (one per line)."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("each"), QStringLiteral("With --batch: also print each line's result.")});
    parser.addOption(
        {QStringLiteral("jobs"), QStringLiteral("With --batch: verify on N threads (default 1; at most 64)."),
            QStringLiteral("N"), QStringLiteral("1")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli verify [TOKEN|-] <--key FILE|--secret TEXT|--secret-file FILE|--jwks-url "
                           "URL|--issuer URL> [checks] [--json]"),
            QStringLiteral("Verify a token's signature and claims; for an SD-JWT also its Disclosures' digests and its "
                           "Key Binding JWT."),
            json);
        rc >= 0)
        return rc;
    CliIo io(json);

    validation::Policy policy;
    if (parser.isSet(QStringLiteral("alg"))) {
        const QString name = parser.value(QStringLiteral("alg"));
        const auto alg = crypto::Algorithms::fromName(name);
        if (!alg)
            return io.fail(Usage, QStringLiteral("usage"),
                name.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0
                    ? QStringLiteral("--alg none is never accepted")
                    : QStringLiteral("unknown --alg \"%1\" (HS256..512, RS256..512, PS256..512, ES256..512, EdDSA)")
                          .arg(name));
        policy.algorithm = alg;
    }
    auto strategy = validation::keyIdStrategyFromName(parser.value(QStringLiteral("key-id-strategy")));
    if (!strategy)
        return io.fail(Usage, strategy.error());
    policy.keyIdStrategy = strategy.value();
    policy.issuer = parser.value(QStringLiteral("iss"));
    policy.audiences = parser.values(QStringLiteral("aud"));
    policy.requireExp = parser.isSet(QStringLiteral("require-exp"));
    policy.allowWeakKeys = parser.isSet(QStringLiteral("allow-weak-keys"));
    if (parser.isSet(QStringLiteral("typ"))) {
        policy.requiredTyp = parser.value(QStringLiteral("typ")).trimmed();
        if (policy.requiredTyp.isEmpty())
            return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--typ needs a media type, e.g. at+jwt"));
    }
    auto leeway = common::Duration::parseSeconds(parser.value(QStringLiteral("leeway")));
    if (!leeway || leeway.value() < 0)
        return io.fail(Usage, QStringLiteral("usage"),
            leeway ? QStringLiteral("--leeway must not be negative") : leeway.error().message);
    policy.leewaySeconds = leeway.value();
    if (parser.isSet(QStringLiteral("at"))) {
        auto at = common::Duration::parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return io.fail(Usage, at.error());
        policy.clock = common::Clock::fixed(at.value());
    }

    verification::SdJwtOptions sdOptions;
    sdOptions.audience = parser.value(QStringLiteral("kb-aud"));
    sdOptions.nonce = parser.value(QStringLiteral("nonce"));
    sdOptions.requireKeyBinding = parser.isSet(QStringLiteral("require-kb"));
    auto maxAge = common::Duration::parseSeconds(parser.value(QStringLiteral("kb-max-age")));
    if (!maxAge || maxAge.value() < 0)
        return io.fail(Usage, QStringLiteral("usage"),
            maxAge ? QStringLiteral("--kb-max-age must not be negative") : maxAge.error().message);
    sdOptions.maxAgeSeconds = maxAge.value();

    auto loaded = loadAnyKeySource(parser);
    if (!loaded)
        return io.fail(exitCodeFor(loaded.error()), loaded.error());
    keys::JwkSet keySet = loaded->keys;
    keySet.findings += loaded->findings;

    if (parser.isSet(QStringLiteral("batch"))) {
        bool jobsOk = false;
        const int jobs = parser.value(QStringLiteral("jobs")).toInt(&jobsOk);
        if (!jobsOk || jobs < 1 || jobs > 64)
            return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--jobs takes a number from 1 to 64"));
        // Streamed: memory stays bounded whatever the file's size (BatchVerifier::run on a device).
        const QString batchPath = parser.value(QStringLiteral("batch"));
        std::unique_ptr<QFile> file;
        if (batchPath == u"-") {
            file = std::make_unique<QFile>();
            if (!file->open(stdin, QIODevice::ReadOnly))
                return io.fail(Usage, QStringLiteral("unreadable_input"), QStringLiteral("cannot read standard input"));
        } else {
            auto opened = common::BoundedFile::open(batchPath);
            if (!opened)
                return io.fail(Usage, opened.error());
            file = std::move(opened.value());
        }
        const bool each = parser.isSet(QStringLiteral("each"));
        const validation::BatchVerifier verifier(keySet, policy);
        // The text form prints each line as its block is done; the JSON form collects them for its one document.
        const validation::BatchVerifier::ResultSink printLine = [&io](const validation::BatchVerifier::LineResult &r) {
            io.out(QStringLiteral("%1  %2  %3")
                       .arg(r.line, 6)
                       .arg(r.valid ? QStringLiteral("valid  ") : QStringLiteral("INVALID"))
                       .arg(r.reason));
        };
        const auto ran = verifier.run(*file, jobs, each, each && !json ? printLine : nullptr);
        if (!ran)
            return io.fail(Usage, ran.error());
        const auto &summary = ran.value();
        const int total = summary.total, valid = summary.valid;
        const double seconds = summary.seconds;
        QJsonObject out {{QStringLiteral("total"), total}, {QStringLiteral("valid"), valid},
            {QStringLiteral("invalid"), total - valid}, {QStringLiteral("seconds"), seconds},
            {QStringLiteral("wall_seconds"), summary.wallSeconds}, {QStringLiteral("bytes"), summary.bytes},
            {QStringLiteral("jobs"), jobs}, {QStringLiteral("fast_path"), summary.fastDecided}};
        if (each && json) {
            QJsonArray results;
            for (const auto &r : summary.results)
                results.append(QJsonObject {{QStringLiteral("line"), r.line}, {QStringLiteral("valid"), r.valid},
                    {QStringLiteral("reason"), r.valid ? QJsonValue() : QJsonValue(r.reason)}});
            out.insert(QStringLiteral("results"), results);
        }
        if (json) {
            io.printJson(out);
        } else {
            io.out(QStringLiteral("%1 tokens: %2 valid, %3 invalid in %4 s (%5 tokens/s, %6 job%7); %8 s with reading")
                       .arg(total)
                       .arg(valid)
                       .arg(total - valid)
                       .arg(seconds, 0, 'f', 3)
                       .arg(seconds > 0 ? static_cast<qint64>(total / seconds) : 0)
                       .arg(jobs)
                       .arg(jobs == 1 ? QString() : QStringLiteral("s"))
                       .arg(summary.wallSeconds, 0, 'f', 3));
        }
        return valid == total ? Ok : Negative;
    }

    auto input = io.readToken(parser, parser.positionalArguments());
    if (!input)
        return io.fail(Usage, input.error());
    // The one verification entry point, with the generic rules; the output is the generic verifier's report.
    const jose::Inspection inspection = jose::Inspection::inspect(input.value(), policy.clock->nowSecs());
    verification::Context context;
    context.policy.rules = policy;
    context.clock = policy.clock;
    context.keys = keySet;
    const verification::Report result = verification::verify(inspection, context);
    if (!result.generic || result.generic->malformed) { // an empty or undecodable token: an input error
        QJsonObject partial = inspection.toJson();
        partial.remove(QStringLiteral("error"));
        partial.insert(QStringLiteral("valid"), false);
        return io.fail(Usage, jose::TokenParser::issueToError(inspection.token), partial);
    }
    if (inspection.token.isSdJwt()) {
        // RFC 9901 section 7: the issuer signature (the generic verifier, as above), the digests, the KB-JWT.
        const verification::SdJwtVerification sd = verification::verifySdJwt(inspection, keySet, policy, sdOptions);
        if (json)
            io.printJson(sd.toJson());
        else
            io.out(renderText(sd.issuer) + u'\n' + renderSdJwt(sd));
        return sd.valid ? Ok : Negative;
    }
    const validation::Report &report = *result.generic;
    if (json)
        io.printJson(report.toJson());
    else
        io.out(renderText(report));
    return report.valid ? Ok : Negative;
}

} // namespace jwb::cli
