// decrypt and encrypt: JWE (RFC 7516) on the command line. decrypt asks verification::decrypt, the Inspector's
// entry point; encrypt asks jose::encryptJwe, after keys::TokenSigner for sign-then-encrypt.
#include "CliIo.h"
#include "Commands.h"
#include "KeyOptions.h"

#include "common/Duration.h"
#include "common/JsonText.h"
#include "common/Verdict.h"
#include "crypto/Encryption.h"
#include "jose/Inspection.h"
#include "jose/Jwe.h"
#include "keys/KeyLoader.h"
#include "keys/TokenSigner.h"
#include "verification/Decrypt.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jwb::cli {

namespace {

using common::Result;

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString pretty(const QJsonObject &object)
{
    return QString::fromUtf8(common::JsonText::prettyPrint(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

QStringList findingLines(const common::Findings &findings)
{
    QStringList lines;
    for (const auto &f : findings)
        lines << QStringLiteral("  %1  %2: %3").arg(common::severityName(f.severity), -7).arg(f.code, f.message);
    return lines;
}

/// A password from --password or --password-file (a trailing newline dropped, as for --secret-file).
Result<QByteArray> readPassword(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("password")) && parser.isSet(QStringLiteral("password-file")))
        return Result<QByteArray>::failure(
            QStringLiteral("usage"), QStringLiteral("give only one of --password and --password-file"));
    if (parser.isSet(QStringLiteral("password")))
        return parser.value(QStringLiteral("password")).toUtf8();
    if (!parser.isSet(QStringLiteral("password-file")))
        return QByteArray();
    auto data = CliIo::readInput(parser.value(QStringLiteral("password-file")), 64 * 1024);
    if (!data)
        return data.error();
    QByteArray password = data.value();
    while (password.endsWith('\n') || password.endsWith('\r'))
        password.chop(1);
    return password;
}

/// --key, --secret, --secret-file, --secret-encoding (the names KeyOptions reads) in JWE words.
void addJweKeyOptions(QCommandLineParser &parser, const QString &keyWords)
{
    parser.addOption({QStringLiteral("key"), keyWords, QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("secret"),
        QStringLiteral("Shared key for A*KW, A*GCMKW or dir (see --secret-encoding)."), QStringLiteral("TEXT")});
    parser.addOption(
        {QStringLiteral("secret-file"), QStringLiteral("Read the shared key from FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("secret-encoding"), QStringLiteral("utf8 (default), base64, base64url or hex."),
        QStringLiteral("ENC"), QStringLiteral("utf8")});
}

void addPasswordOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("password"), QStringLiteral("PBES2 password (alg PBES2-HS*+A*KW)."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("password-file"), QStringLiteral("Read the PBES2 password from FILE."),
        QStringLiteral("FILE")});
}

/// --verify-key FILE or --verify-secret TEXT: the keys a nested JWT is judged with.
Result<std::optional<keys::JwkSet>> verifyKeys(const QCommandLineParser &parser)
{
    const bool key = parser.isSet(QStringLiteral("verify-key"));
    const bool secret = parser.isSet(QStringLiteral("verify-secret"));
    if (key && secret)
        return Result<std::optional<keys::JwkSet>>::failure(
            QStringLiteral("usage"), QStringLiteral("give only one of --verify-key and --verify-secret"));
    if (secret) {
        auto set = keys::KeyLoader::fromSecret(
            parser.value(QStringLiteral("verify-secret")).toUtf8(), keys::SecretEncoding::Utf8);
        if (!set)
            return set.error();
        return std::optional<keys::JwkSet>(set.value());
    }
    if (!key)
        return std::optional<keys::JwkSet>();
    auto set = loadKeyFile(parser.value(QStringLiteral("verify-key")));
    if (!set)
        return set.error();
    return std::optional<keys::JwkSet>(set.value());
}

QString renderNested(const verification::Decryption &d)
{
    QStringList lines;
    const jose::Inspection &inner = *d.inner;
    const verification::Report &report = *d.innerReport;
    const QString verdict = report.verdict == common::Verdict::Valid ? QStringLiteral("VALID")
        : report.verdict == common::Verdict::NotVerified
        ? QStringLiteral("NOT VERIFIED (give --verify-key or --verify-secret for its signature)")
        : QStringLiteral("INVALID");
    lines << QStringLiteral("Nested JWT: %1").arg(verdict);
    if (!report.summary.isEmpty() && report.verdict != common::Verdict::Valid)
        lines << QStringLiteral("  ") + report.summary;
    lines << QStringLiteral("Header:") << pretty(inner.token.header);
    if (inner.token.payloadIsJson)
        lines << QStringLiteral("Payload:") << pretty(inner.token.payload);
    else
        lines << QStringLiteral("Payload (not JSON):") << QString::fromUtf8(inner.token.payloadBytes);
    lines << checkLines(report.checks);
    if (!report.findings.isEmpty())
        lines << QStringLiteral("Nested JWT findings:") << findingLines(report.findings);
    return lines.join(u'\n');
}

QString renderDecryption(const verification::Decryption &d)
{
    QStringList lines;
    lines << QStringLiteral("Protected header: %1").arg(compactJson(d.protectedHeader));
    const auto &r = *d.result;
    QString key = d.key.index < 0 ? QStringLiteral("the password") : d.key.type;
    if (!d.key.kid.isEmpty())
        key += QStringLiteral(" kid \"%1\"").arg(d.key.kid);
    if (!d.key.thumbprint.isEmpty())
        key += QStringLiteral(", RFC 7638 thumbprint %1").arg(d.key.thumbprint);
    lines << QStringLiteral("Decrypted: alg %1, enc %2%3, with %4")
                 .arg(crypto::JweAlgorithms::name(r.alg), crypto::JweAlgorithms::name(r.enc),
                     r.compressed ? QStringLiteral(", zip DEF") : QString(), key);
    if (!d.findings.isEmpty())
        lines << QStringLiteral("Findings:") << findingLines(d.findings);
    if (d.inner && d.innerReport)
        lines << renderNested(d);
    else
        lines << QStringLiteral("Content:") << d.contentText();
    return lines.join(u'\n');
}

/// Exit code of a decryption that failed: the input's fault (2) or a negative answer (1).
int failureExit(const common::Error &error)
{
    static const QStringList input {QStringLiteral("not_jwe"), QStringLiteral("invalid_jwe"), QStringLiteral("no_keys"),
        QStringLiteral("invalid_key"), QStringLiteral("unsupported_algorithm")};
    return input.contains(error.code) ? Usage : Negative;
}

} // namespace

int runDecrypt(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("token"), QStringLiteral("The JWE (compact or JSON), or - for stdin."));
    parser.addOption({QStringLiteral("token-file"), QStringLiteral("Read the JWE from FILE."), QStringLiteral("FILE")});
    addJweKeyOptions(
        parser, QStringLiteral("Decryption key file: a private key or a JWK Set (PEM, DER, JWK; - for stdin)."));
    parser.addOption({QStringLiteral("jwks"), QStringLiteral("Decryption keys from a JWK Set file (like --key)."),
        QStringLiteral("FILE")});
    addPasswordOptions(parser);
    parser.addOption(
        {QStringLiteral("alg"), QStringLiteral("The only accepted key management algorithm."), QStringLiteral("ALG")});
    parser.addOption(
        {QStringLiteral("enc"), QStringLiteral("The only accepted content encryption."), QStringLiteral("ENC")});
    parser.addOption(
        {QStringLiteral("max-p2c"), QStringLiteral("Refuse PBES2 with more iterations than N (default 1000000)."),
            QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("verify-key"),
        QStringLiteral("Nested JWT: verify its signature with this key file (PEM, DER, JWK or JWK Set)."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("verify-secret"),
        QStringLiteral("Nested JWT: verify its HS* signature with this secret (UTF-8)."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("Judge a nested JWT as of TIME (RFC 3339 or Unix seconds)."),
        QStringLiteral("TIME")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli decrypt [TOKEN|-] (--key FILE|--jwks FILE|--secret TEXT|--secret-file "
                           "FILE|--password TEXT|--password-file FILE) [--alg ALG] [--enc ENC] [--max-p2c N] "
                           "[--verify-key FILE|--verify-secret TEXT] [--json]"),
            QStringLiteral("Decrypt a JWE: print its protected header and content, or for a nested JWT (cty JWT) the "
                           "inner token and its verdict. RSA1_5 decrypts with a warning."),
            json);
        rc >= 0)
        return rc;
    CliIo io(json);

    verification::DecryptOptions options;
    if (parser.isSet(QStringLiteral("alg"))) {
        options.jwe.expectedAlg = crypto::JweAlgorithms::keyManagementFromName(parser.value(QStringLiteral("alg")));
        if (!options.jwe.expectedAlg)
            return io.fail(Usage, QStringLiteral("usage"),
                QStringLiteral("unknown --alg \"%1\" (a JWE key management algorithm such as RSA-OAEP-256, "
                               "ECDH-ES+A256KW, A256KW, dir or PBES2-HS512+A256KW)")
                    .arg(parser.value(QStringLiteral("alg"))));
    }
    if (parser.isSet(QStringLiteral("enc"))) {
        options.jwe.expectedEnc = crypto::JweAlgorithms::contentEncryptionFromName(parser.value(QStringLiteral("enc")));
        if (!options.jwe.expectedEnc)
            return io.fail(Usage, QStringLiteral("usage"),
                QStringLiteral("unknown --enc \"%1\" (A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384, "
                               "A256CBC-HS512)")
                    .arg(parser.value(QStringLiteral("enc"))));
    }
    bool p2cOk = false;
    options.jwe.maxPbes2Iterations = parser.value(QStringLiteral("max-p2c")).toInt(&p2cOk);
    if (!p2cOk || options.jwe.maxPbes2Iterations < 1)
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--max-p2c takes a positive number"));
    auto password = readPassword(parser);
    if (!password)
        return io.fail(Usage, password.error());
    options.password = password.value();

    verification::Context context;
    if (parser.isSet(QStringLiteral("at"))) {
        auto at = common::Duration::parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return io.fail(Usage, at.error());
        context.clock = common::Clock::fixed(at.value());
    }
    if (parser.isSet(QStringLiteral("jwks")) && hasKeySource(parser))
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("give only one of --key, --jwks, --secret"));
    if (parser.isSet(QStringLiteral("jwks")) || hasKeySource(parser)) {
        auto set = parser.isSet(QStringLiteral("jwks")) ? loadKeyFile(parser.value(QStringLiteral("jwks")))
                                                        : loadKeySource(parser);
        if (!set)
            return io.fail(Usage, set.error());
        context.keys = set.value();
        context.keyLabel = QStringLiteral("the given key");
    } else if (options.password.isEmpty()) {
        return io.fail(Usage, QStringLiteral("usage"),
            QStringLiteral("no key: give --key FILE, --jwks FILE, --secret TEXT, --secret-file FILE or --password"));
    }
    auto innerKeys = verifyKeys(parser);
    if (!innerKeys)
        return io.fail(Usage, innerKeys.error());
    // A nested JWT is judged only with the keys given for it; without them it is shown, not verified.
    options.innerContext = [&context, keys = innerKeys.value()](const jose::Inspection &) {
        verification::Context inner;
        inner.clock = context.clock;
        inner.keys = keys;
        inner.keyLabel = QStringLiteral("the --verify key");
        return inner;
    };

    auto input = io.readToken(parser, parser.positionalArguments());
    if (!input)
        return io.fail(Usage, input.error());
    const jose::Inspection token = jose::Inspection::inspect(input.value(), context.clock->nowSecs());
    const verification::Decryption d = verification::decrypt(token, context, options);
    if (d.error) {
        for (const auto &f : d.findings)
            io.err(QStringLiteral("%1: %2").arg(common::severityName(f.severity), f.message));
        QJsonObject partial = d.toJson();
        partial.remove(QStringLiteral("error"));
        return io.fail(failureExit(*d.error), *d.error, partial);
    }
    if (json)
        io.printJson(d.toJson());
    else
        io.out(renderDecryption(d));
    if (d.innerReport)
        return d.innerReport->verdict == common::Verdict::Valid
                || d.innerReport->verdict == common::Verdict::NotVerified
            ? Ok
            : Negative;
    return Ok;
}

namespace {

/// The recipient key of `set` for `alg`: the one named by `kid` when given, else the first that can serve `alg`.
Result<keys::Jwk> recipientKey(const keys::JwkSet &set, crypto::KeyManagement alg, const QString &kid)
{
    QStringList offered;
    for (const auto &jwk : set.keys) {
        if (!kid.isEmpty() && set.keys.size() > 1 && jwk.kid != kid)
            continue;
        const QList<crypto::KeyManagement> algs = jose::keyManagementFor(jwk.key);
        if (algs.contains(alg))
            return jwk;
        for (const auto a : algs)
            offered << crypto::JweAlgorithms::name(a);
    }
    if (!kid.isEmpty() && set.indexesOfKid(kid).isEmpty() && set.keys.size() > 1)
        return Result<keys::Jwk>::failure(
            QStringLiteral("unknown_kid"), QStringLiteral("no key with kid \"%1\" in the key set").arg(kid));
    offered.removeDuplicates();
    return Result<keys::Jwk>::failure(QStringLiteral("key_algorithm_mismatch"),
        QStringLiteral("the key cannot serve %1%2")
            .arg(crypto::JweAlgorithms::name(alg),
                offered.isEmpty() ? QString()
                                  : QStringLiteral(" (it can: %1)").arg(offered.join(QStringLiteral(", ")))));
}

Result<QByteArray> readPlaintext(const QStringList &positional)
{
    if (positional.size() > 1)
        return Result<QByteArray>::failure(QStringLiteral("usage"), QStringLiteral("expected one plaintext argument"));
    if (positional.isEmpty() || positional.first() == u"-")
        return CliIo::readInput(QStringLiteral("-"), 4 * 1024 * 1024);
    return positional.first().toUtf8();
}

/// Sign-then-encrypt: the claims signed with --sign-key / --sign-secret under --sign-alg.
Result<QByteArray> signInner(const QCommandLineParser &parser, const QByteArray &claimsText, QStringList &warnings)
{
    const QString algName = parser.value(QStringLiteral("sign-alg"));
    const auto alg = crypto::Algorithms::fromName(algName);
    if (!alg)
        return Result<QByteArray>::failure(QStringLiteral("usage"),
            algName.isEmpty() ? QStringLiteral("--sign-alg is required with --sign-key or --sign-secret")
                              : QStringLiteral("unknown --sign-alg \"%1\"").arg(algName));
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(claimsText, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Result<QByteArray>::failure(QStringLiteral("invalid_json"),
            QStringLiteral("to sign, the plaintext must be the claims as a JSON object"));
    auto set = parser.isSet(QStringLiteral("sign-key"))
        ? loadKeyFile(parser.value(QStringLiteral("sign-key")))
        : keys::KeyLoader::fromSecret(parser.value(QStringLiteral("sign-secret")).toUtf8(), keys::SecretEncoding::Utf8);
    if (!set)
        return set.error();
    std::optional<QString> kid;
    if (parser.isSet(QStringLiteral("sign-kid")))
        kid = parser.value(QStringLiteral("sign-kid"));
    auto signedToken = keys::TokenSigner::sign(*alg, set.value(), doc.object(), {}, kid);
    if (!signedToken)
        return signedToken.error();
    warnings += signedToken->warnings;
    return signedToken->token.toUtf8();
}

void addEncryptOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("plaintext"), QStringLiteral("The content (claims JSON to sign first), or - for stdin."));
    addJweKeyOptions(
        parser, QStringLiteral("Recipient key file: RSA, EC or X25519/X448 public key (PEM, DER, JWK or JWK Set)."));
    addPasswordOptions(parser);
    parser.addOption({QStringLiteral("alg"),
        QStringLiteral("Key management (required): RSA-OAEP-256, ECDH-ES+A256KW, A256KW, dir, PBES2-HS512+A256KW, "
                       "...; never RSA1_5."),
        QStringLiteral("ALG")});
    parser.addOption({QStringLiteral("enc"), QStringLiteral("Content encryption (default A256GCM)."),
        QStringLiteral("ENC"), QStringLiteral("A256GCM")});
    parser.addOption({QStringLiteral("kid"),
        QStringLiteral("Key id for the header (also picks the key from a JWK Set)."), QStringLiteral("KID")});
    parser.addOption({QStringLiteral("cty"), QStringLiteral("Content type for the header (JWT when signing first)."),
        QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("zip"), QStringLiteral("Compress the content first (zip DEF).")});
    parser.addOption({QStringLiteral("p2c"), QStringLiteral("PBES2 iterations (default 600000, at least 1000)."),
        QStringLiteral("N"), QStringLiteral("600000")});
    parser.addOption(
        {QStringLiteral("json-serialization"), QStringLiteral("compact (default), flattened or general JSON."),
            QStringLiteral("FORM"), QStringLiteral("compact")});
    parser.addOption({QStringLiteral("sign-key"),
        QStringLiteral("Sign the claims with this key first (sign-then-encrypt, cty JWT)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("sign-secret"), QStringLiteral("Sign the claims with this HS* secret first."),
        QStringLiteral("TEXT")});
    parser.addOption(
        {QStringLiteral("sign-alg"), QStringLiteral("Signature algorithm of the inner JWT."), QStringLiteral("ALG")});
    parser.addOption({QStringLiteral("sign-kid"), QStringLiteral("Key id of the inner JWT."), QStringLiteral("KID")});
}

Result<jose::JweEncryptOptions> encryptOptions(const QCommandLineParser &parser)
{
    jose::JweEncryptOptions options;
    const QString algName = parser.value(QStringLiteral("alg"));
    if (algName.isEmpty())
        return Result<jose::JweEncryptOptions>::failure(QStringLiteral("usage"), QStringLiteral("--alg is required"));
    const auto alg = crypto::JweAlgorithms::keyManagementFromName(algName);
    if (!alg)
        return Result<jose::JweEncryptOptions>::failure(
            QStringLiteral("usage"), QStringLiteral("unknown --alg \"%1\"").arg(algName));
    if (!crypto::JweAlgorithms::canEncrypt(*alg))
        return Result<jose::JweEncryptOptions>::failure(QStringLiteral("usage"),
            QStringLiteral("%1 is never used to encrypt: it is open to Bleichenbacher's padding oracle attack (RFC "
                           "8725 section 3.2); use RSA-OAEP-256")
                .arg(algName));
    options.alg = *alg;
    const auto enc = crypto::JweAlgorithms::contentEncryptionFromName(parser.value(QStringLiteral("enc")));
    if (!enc)
        return Result<jose::JweEncryptOptions>::failure(
            QStringLiteral("usage"), QStringLiteral("unknown --enc \"%1\"").arg(parser.value(QStringLiteral("enc"))));
    options.enc = *enc;
    options.compress = parser.isSet(QStringLiteral("zip"));
    bool ok = false;
    options.pbes2Iterations = parser.value(QStringLiteral("p2c")).toInt(&ok);
    if (!ok || options.pbes2Iterations < 1000)
        return Result<jose::JweEncryptOptions>::failure(QStringLiteral("usage"),
            QStringLiteral("--p2c takes a number of at least 1000 (RFC 7518 section 4.8.1.2)"));
    const QString form = parser.value(QStringLiteral("json-serialization"));
    if (form == u"compact")
        options.serialization = jose::JweSerialization::Compact;
    else if (form == u"flattened")
        options.serialization = jose::JweSerialization::Flattened;
    else if (form == u"general")
        options.serialization = jose::JweSerialization::General;
    else
        return Result<jose::JweEncryptOptions>::failure(QStringLiteral("usage"),
            QStringLiteral("--json-serialization takes compact, flattened or general, not \"%1\"").arg(form));
    return options;
}

} // namespace

int runEncrypt(const QStringList &args)
{
    QCommandLineParser parser;
    addEncryptOptions(parser);
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli encrypt (--key FILE|--secret TEXT|--secret-file FILE|--password TEXT) "
                           "--alg ALG [--enc ENC] [--kid KID] [--cty TYPE] [--zip] [--json-serialization "
                           "compact|flattened|general] [--sign-key FILE|--sign-secret TEXT --sign-alg ALG] "
                           "[PLAINTEXT|-]"),
            QStringLiteral("Encrypt content into a JWE, or sign claims and encrypt the JWT (sign-then-encrypt, cty "
                           "JWT). RSA1_5 is never offered."),
            json);
        rc >= 0)
        return rc;
    CliIo io(json);

    auto options = encryptOptions(parser);
    if (!options)
        return io.fail(Usage, options.error());
    auto password = readPassword(parser);
    if (!password)
        return io.fail(Usage, password.error());
    const int sources = int(hasKeySource(parser)) + int(!password->isEmpty());
    if (sources != 1)
        return io.fail(Usage, QStringLiteral("usage"),
            sources == 0 ? QStringLiteral("no key: give --key FILE, --secret TEXT, --secret-file FILE or --password")
                         : QStringLiteral("give only one recipient key: --key, --secret, --secret-file or --password"));
    auto set = password->isEmpty() ? loadKeySource(parser) : keys::KeyLoader::fromSecret(*password, {});
    if (!set)
        return io.fail(Usage, set.error());
    auto recipient = recipientKey(set.value(), options->alg, parser.value(QStringLiteral("kid")));
    if (!recipient)
        return io.fail(Usage, recipient.error());

    auto plaintext = readPlaintext(parser.positionalArguments());
    if (!plaintext)
        return io.fail(Usage, plaintext.error());
    const bool nested = parser.isSet(QStringLiteral("sign-key")) || parser.isSet(QStringLiteral("sign-secret"));
    QByteArray content = plaintext.value();
    if (nested) {
        QStringList warnings;
        auto inner = signInner(parser, content, warnings);
        if (!inner)
            return io.fail(Usage, inner.error());
        for (const auto &w : warnings)
            io.err(QStringLiteral("warning: ") + w);
        content = inner.value();
    }
    QJsonObject header;
    const QString kid = parser.isSet(QStringLiteral("kid")) ? parser.value(QStringLiteral("kid")) : recipient->kid;
    if (!kid.isEmpty())
        header.insert(QStringLiteral("kid"), kid);
    if (parser.isSet(QStringLiteral("cty")))
        header.insert(QStringLiteral("cty"), parser.value(QStringLiteral("cty")));
    else if (nested)
        header.insert(QStringLiteral("cty"), QStringLiteral("JWT"));
    options->protectedHeader = header;
    const crypto::Key key = recipient->key.type() == crypto::KeyType::Oct ? recipient->key : recipient->key.publicKey();
    auto jwe = jose::encryptJwe(content, key, options.value());
    if (!jwe)
        return io.fail(Usage, jwe.error());
    if (json) {
        const auto parsed = jose::parseJwe(jwe.value());
        const bool compact = options->serialization == jose::JweSerialization::Compact;
        io.printJson(QJsonObject {{QStringLiteral("token"),
                                      compact ? QJsonValue(QString::fromUtf8(jwe.value()))
                                              : QJsonValue(QJsonDocument::fromJson(jwe.value()).object())},
            {QStringLiteral("protected_header"), parsed ? parsed->protectedHeader : QJsonObject()},
            {QStringLiteral("alg"), crypto::JweAlgorithms::name(options->alg)},
            {QStringLiteral("enc"), crypto::JweAlgorithms::name(options->enc)}, {QStringLiteral("nested"), nested}});
    } else {
        io.out(QString::fromUtf8(jwe.value()));
    }
    return Ok;
}

} // namespace jwb::cli
