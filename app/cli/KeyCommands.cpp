#include "CliIo.h"
#include "Commands.h"
#include "KeyOptions.h"

#include "common/AtomicFile.h"
#include "crypto/Backend.h"
#include "crypto/Encryption.h"
#include "keys/KeyLoader.h"
#include "keys/Thumbprint.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jwb::cli {

namespace {

/// Writes output to stdout or, with --out, atomically to a file; a file with private material is 0600 whatever
/// the umask.
int emit(const CliIo &io, const QCommandLineParser &parser, const QByteArray &bytes, bool secret)
{
    if (parser.isSet(QStringLiteral("out"))) {
        if (auto written = common::AtomicFile::write(parser.value(QStringLiteral("out")), bytes,
                secret ? common::AtomicFile::Access::Secret : common::AtomicFile::Access::Default);
            !written)
            return io.fail(Usage, written.error());
        return Ok;
    }
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
    return Ok;
}

QByteArray jsonText(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

/// What keygen makes: the key type and curve, the JWK's alg and use, and the bits a secret needs at least.
struct KeygenTarget
{
    crypto::KeyType type = crypto::KeyType::Oct;
    crypto::Curve curve = crypto::Curve::None;
    QString alg;
    QString use;
    int minSecretBits = 0;
};

/// --alg and --crv: a JWS algorithm (its curve; --crv only to pick Ed448 for EdDSA), or an ECDH-ES key-agreement
/// key for JWE (--alg ECDH-ES[+AxKW] and --crv P-256|P-384|P-521|X25519|X448; --crv alone means ECDH-ES).
common::Result<KeygenTarget> keygenTarget(const QString &algName, const QString &crvName)
{
    const auto usage = [](const QString &message) {
        return common::Result<KeygenTarget>::failure(QStringLiteral("usage"), message);
    };
    std::optional<crypto::Curve> crv;
    if (!crvName.isEmpty() && !(crv = crypto::curveFromName(crvName)))
        return usage(QStringLiteral("--crv must be one of P-256, P-384, P-521, X25519, X448 (ECDH-ES), secp256k1, "
                                    "Ed25519, Ed448"));
    const auto ecdh = algName.isEmpty() && crv ? std::optional(crypto::KeyManagement::ECDH_ES)
                                               : crypto::JweAlgorithms::keyManagementFromName(algName);
    if (ecdh && crypto::JweAlgorithms::family(*ecdh) == crypto::KeyManagementFamily::Ecdh) {
        const crypto::Curve c = crv.value_or(crypto::Curve::P256);
        if (c != crypto::Curve::P256 && c != crypto::Curve::P384 && c != crypto::Curve::P521
            && c != crypto::Curve::X25519 && c != crypto::Curve::X448)
            return usage(QStringLiteral("%1 keys are on P-256, P-384, P-521, X25519 or X448, not %2")
                             .arg(crypto::JweAlgorithms::name(*ecdh), crypto::curveName(c)));
        const bool okp = c == crypto::Curve::X25519 || c == crypto::Curve::X448;
        return KeygenTarget {okp ? crypto::KeyType::Okp : crypto::KeyType::Ec, c, crypto::JweAlgorithms::name(*ecdh),
            QStringLiteral("enc"), 0};
    }
    const auto alg = crypto::Algorithms::fromName(algName);
    if (!alg)
        return usage(QStringLiteral("--alg must be one of HS256..512, RS256..512, PS256..512, ES256..512, EdDSA, "
                                    "ES256K, Ed25519, Ed448, or ECDH-ES (with --crv) for an encryption key"));
    if (crv && !crypto::Algorithms::acceptsCurve(*alg, *crv))
        return usage(QStringLiteral("%1 keys are on %2, not %3")
                         .arg(crypto::Algorithms::name(*alg), crypto::Algorithms::curvesText(*alg), crvName));
    const crypto::KeyType type = crypto::Algorithms::keyType(*alg);
    return KeygenTarget {type, crv.value_or(crypto::Algorithms::requiredCurve(*alg)), crypto::Algorithms::name(*alg),
        QStringLiteral("sig"), type == crypto::KeyType::Oct ? crypto::Algorithms::hashBits(*alg) : 0};
}

} // namespace

int runKeygen(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("alg"),
        QStringLiteral("Algorithm the key is for: a JWS algorithm, or ECDH-ES for an encryption key."),
        QStringLiteral("ALG")});
    parser.addOption({QStringLiteral("crv"),
        QStringLiteral("Curve: P-256, P-384, P-521, X25519 or X448 for ECDH-ES (alone it means --alg ECDH-ES); "
                       "Ed448 for EdDSA."),
        QStringLiteral("CRV")});
    parser.addOption({QStringLiteral("kid"), QStringLiteral("Key id."), QStringLiteral("KID")});
    parser.addOption({QStringLiteral("kid-thumbprint"), QStringLiteral("Use the RFC 7638 thumbprint as kid.")});
    parser.addOption({QStringLiteral("bits"), QStringLiteral("RSA modulus (2048, 3072, 4096) or secret size in bits."),
        QStringLiteral("N")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("jwk (default), jwks or pem."), QStringLiteral("FORMAT"),
        QStringLiteral("jwk")});
    parser.addOption({QStringLiteral("public"), QStringLiteral("Print only the public key.")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write to FILE (atomically) instead of stdout."),
        QStringLiteral("FILE")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli keygen --alg ALG [--crv CRV] [--kid KID | --kid-thumbprint] [--bits N] "
                           "[--format jwk|jwks|pem] [--public]"),
            QStringLiteral("Generate a key for a JWS algorithm, or an ECDH-ES key (P-256/384/521, X25519, X448) for "
                           "JWE."),
            json);
        rc >= 0)
        return rc;
    CliIo io(json);
    const auto target = keygenTarget(parser.value(QStringLiteral("alg")), parser.value(QStringLiteral("crv")));
    if (!target)
        return io.fail(Usage, target.error());
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"jwk" && format != u"jwks" && format != u"pem")
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--format must be jwk, jwks or pem"));
    if (parser.isSet(QStringLiteral("kid")) && parser.isSet(QStringLiteral("kid-thumbprint")))
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("give --kid or --kid-thumbprint, not both"));
    int bits = 0;
    if (parser.isSet(QStringLiteral("bits"))) {
        bool ok = false;
        bits = parser.value(QStringLiteral("bits")).toInt(&ok);
        if (!ok)
            return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--bits takes a number"));
    }
    const crypto::KeyType type = target->type;
    if (type == crypto::KeyType::Oct && bits == 0)
        bits = target->minSecretBits;
    if (type == crypto::KeyType::Oct && bits < target->minSecretBits)
        return io.fail(Usage, QStringLiteral("invalid_size"),
            QStringLiteral("%1 needs a secret of at least %2 bits").arg(target->alg).arg(target->minSecretBits));
    if (type == crypto::KeyType::Oct && (format == u"pem" || parser.isSet(QStringLiteral("public"))))
        return io.fail(
            Usage, QStringLiteral("usage"), QStringLiteral("a shared secret has no PEM form and no public part"));
    auto key = crypto::Key::generate(type, bits, target->curve);
    if (!key)
        return io.fail(Usage, key.error());
    const QString kid = parser.isSet(QStringLiteral("kid-thumbprint")) ? keys::Thumbprint::base64Url(key.value())
                                                                       : parser.value(QStringLiteral("kid"));
    const keys::Jwk jwk = keys::Jwk::fromKey(key.value(), kid, target->alg, target->use);
    const bool pub = parser.isSet(QStringLiteral("public"));
    if (format == u"pem") {
        auto pem = key->toPem(!pub);
        if (!pem)
            return io.fail(Usage, pem.error());
        return emit(io, parser, pem.value(), !pub);
    }
    const QJsonObject obj = pub ? jwk.publicJson() : jwk.json;
    return emit(
        io, parser, jsonText(format == u"jwks" ? QJsonObject {{QStringLiteral("keys"), QJsonArray {obj}}} : obj), !pub);
}

int runKeyConvert(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("file"), QStringLiteral("Key file (PEM, DER, JWK, JWK Set, certificate; - for stdin)."));
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("jwk, jwks, pem or der (required)."), QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("public"), QStringLiteral("Write only the public key (the default).")});
    parser.addOption({QStringLiteral("private"), QStringLiteral("Write the private key too.")});
    parser.addOption({QStringLiteral("pem-format"),
        QStringLiteral("standard (SPKI/PKCS#8, default) or type-specific (PKCS#1/SEC1)."), QStringLiteral("F"),
        QStringLiteral("standard")});
    parser.addOption({QStringLiteral("kid"),
        QStringLiteral("Set the kid (jwk/jwks output), or pick this kid from a set."), QStringLiteral("KID")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write to FILE (atomically) instead of stdout."),
        QStringLiteral("FILE")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli key convert FILE --to jwk|jwks|pem|der [--public] [--private]"),
            QStringLiteral("Convert a key between JWK, JWK Set, PEM and DER."), json);
        rc >= 0)
        return rc;
    CliIo io(json);
    const QString to = parser.value(QStringLiteral("to"));
    if (to != u"jwk" && to != u"jwks" && to != u"pem" && to != u"der")
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--to must be jwk, jwks, pem or der"));
    if (parser.isSet(QStringLiteral("public")) && parser.isSet(QStringLiteral("private")))
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("give --public or --private, not both"));
    const bool priv = parser.isSet(QStringLiteral("private"));
    const QString pemFormat = parser.value(QStringLiteral("pem-format"));
    if (pemFormat != u"standard" && pemFormat != u"type-specific")
        return io.fail(
            Usage, QStringLiteral("usage"), QStringLiteral("--pem-format must be standard or type-specific"));
    if (parser.positionalArguments().size() != 1)
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("expected exactly one key FILE"));
    const QString path = parser.positionalArguments().first();
    common::Result<keys::JwkSet> set = loadKeyFile(path);
    if (!set)
        return io.fail(Usage, set.error());
    QList<keys::Jwk> selected = set->keys;
    if (parser.isSet(QStringLiteral("kid")) && selected.size() > 1) {
        selected.clear();
        for (const auto &k : set->keys)
            if (k.kid == parser.value(QStringLiteral("kid")))
                selected.append(k);
        if (selected.isEmpty())
            return io.fail(Usage, QStringLiteral("unknown_kid"),
                QStringLiteral("no key with kid \"%1\"").arg(parser.value(QStringLiteral("kid"))));
    } else if (parser.isSet(QStringLiteral("kid"))) {
        selected.first().kid = parser.value(QStringLiteral("kid"));
        selected.first().json.insert(QStringLiteral("kid"), selected.first().kid);
    }
    for (const auto &k : selected) {
        if (priv && !k.key.isPrivate())
            return io.fail(
                Usage, QStringLiteral("not_private"), QStringLiteral("--private: %1 holds no private key").arg(path));
        if (!priv && k.key.type() == crypto::KeyType::Oct)
            return io.fail(Usage, QStringLiteral("usage"),
                QStringLiteral("a shared secret has no public part: pass --private to write it"));
    }
    if (to == u"jwk" || to == u"jwks") {
        if (to == u"jwk" && selected.size() > 1)
            return io.fail(Usage, QStringLiteral("usage"),
                QStringLiteral("%1 holds %2 keys: use --to jwks, or pick one with --kid")
                    .arg(path)
                    .arg(selected.size()));
        QJsonArray arr;
        for (const auto &k : selected)
            arr.append(priv ? k.json : k.publicJson());
        return emit(io, parser,
            jsonText(to == u"jwk" ? arr.first().toObject() : QJsonObject {{QStringLiteral("keys"), arr}}), priv);
    }
    const auto fmt = pemFormat == u"type-specific" ? crypto::PemFormat::TypeSpecific : crypto::PemFormat::Standard;
    if (to == u"der" && selected.size() > 1)
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("DER holds one key; pick one with --kid"));
    QByteArray out;
    for (const auto &k : selected) {
        auto bytes = to == u"pem" ? k.key.toPem(priv, fmt) : k.key.toDer(priv, fmt);
        if (!bytes)
            return io.fail(Usage, bytes.error());
        out += bytes.value();
    }
    return emit(io, parser, out, priv);
}

int runKeyThumbprint(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("file"), QStringLiteral("Key file (PEM, DER, JWK, JWK Set; - for stdin)."));
    parser.addOption({QStringLiteral("hash"), QStringLiteral("sha256 (default), sha384 or sha512."),
        QStringLiteral("HASH"), QStringLiteral("sha256")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli key thumbprint FILE [--hash sha256|sha384|sha512]"),
            QStringLiteral("RFC 7638 JWK thumbprint (base64url)."), json);
        rc >= 0)
        return rc;
    CliIo io(json);
    auto hash = keys::Thumbprint::hashFromName(parser.value(QStringLiteral("hash")));
    if (!hash)
        return io.fail(Usage, hash.error());
    if (parser.positionalArguments().size() != 1)
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("expected exactly one key FILE"));
    const QString path = parser.positionalArguments().first();
    common::Result<keys::JwkSet> set = loadKeyFile(path);
    if (!set)
        return io.fail(Usage, set.error());
    QJsonArray arr;
    QStringList lines;
    for (const auto &k : set->keys) {
        const QString tp = keys::Thumbprint::base64Url(k.key, hash.value());
        arr.append(QJsonObject {{QStringLiteral("kid"), k.kid},
            {QStringLiteral("kty"), crypto::keyTypeName(k.key.type())}, {QStringLiteral("thumbprint"), tp}});
        lines.append(set->keys.size() == 1
                ? tp
                : QStringLiteral("%1  %2").arg(tp, k.kid.isEmpty() ? QStringLiteral("(no kid)") : k.kid));
    }
    if (json)
        io.printJson(QJsonObject {
            {QStringLiteral("hash"), parser.value(QStringLiteral("hash")).toLower()}, {QStringLiteral("keys"), arr}});
    else
        io.out(lines.join(u'\n'));
    return Ok;
}

int runKey(const QStringList &args)
{
    CliIo io(args.contains(QStringLiteral("--json")));
    if (args.size() < 2 || args[1] == u"--help" || args[1] == u"-h") {
        io.out(QStringLiteral("Usage: jwt-workbench-cli key <convert|thumbprint|info> ...\n"
                              "  key convert FILE --to jwk|jwks|pem|der [--public] [--private]\n"
                              "  key thumbprint FILE [--hash sha256|sha384|sha512]\n"
                              "  key info FILE [--ca CA.pem] [--at TIME]"));
        return args.size() < 2 ? Usage : Ok;
    }
    QStringList rest = args.mid(2);
    rest.prepend(args[0] + u' ' + args[1]);
    if (args[1] == u"convert")
        return runKeyConvert(rest);
    if (args[1] == u"thumbprint")
        return runKeyThumbprint(rest);
    if (args[1] == u"info")
        return runKeyInfo(rest);
    return io.fail(Usage, QStringLiteral("unknown_command"),
        QStringLiteral("unknown key command \"%1\" (convert, thumbprint, info)").arg(args[1]));
}

} // namespace jwb::cli
