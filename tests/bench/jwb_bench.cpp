// jwb-bench: the engine's benchmarks (make bench runs them through tests/bench/run-bench.sh), and the token
// files the peer comparison feeds to every verifier. Not a test: it measures and prints, one JSON object per
// line, {"name", "value", "unit", "detail"}.
//
//   jwb-bench tokens --alg ALG (--key PRIVATE.pem | --secret TEXT) --count N --out FILE [--kid KID]
//                    [--invalid-every N]   (prints the expected counts as JSON)
//   jwb-bench core [--seconds S]
//   jwb-bench big-inputs --out DIR [--endpoints N] [--keys K] [--tokens T]   (issue #19: big krakend.json, JWK Set,
//                    token file)
//   jwb-bench load-config FILE   (open, lint and edit a krakend.json: time and peak RSS of each phase)
#include "common/Clock.h"
#include "common/ProcessStatus.h"
#include "crypto/Backend.h"
#include "crypto/Key.h"
#include "crypto/PreparedVerifier.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "jose/Inspection.h"
#include "jose/SecretSearch.h"
#include "jose/TokenParser.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "krakend/ConfigDocument.h"
#include "krakend/Linter.h"
#include "krakend/Simulator.h"
#include "validation/BatchVerifier.h"
#include "validation/Verifier.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace jwb;

namespace {

double g_seconds = 0.5;

void report(const QString &name, double value, const QString &unit, const QString &detail = {})
{
    const QJsonObject o {{QStringLiteral("name"), name}, {QStringLiteral("value"), value},
        {QStringLiteral("unit"), unit}, {QStringLiteral("detail"), detail}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

/// Runs `op` repeatedly for about g_seconds (at least `minRuns` times) and returns seconds per run.
double timePerRun(const std::function<void()> &op, int minRuns = 3)
{
    op(); // warm-up
    QElapsedTimer t;
    t.start();
    qint64 runs = 0;
    while (runs < minRuns || t.nsecsElapsed() < static_cast<qint64>(g_seconds * 1e9)) {
        op();
        ++runs;
    }
    return static_cast<double>(t.nsecsElapsed()) / 1e9 / static_cast<double>(runs);
}

QByteArray b64u(const QByteArray &d)
{
    return jose::Base64Url::encode(d);
}

QByteArray signedToken(
    crypto::Algorithm alg, const crypto::Key &key, const QByteArray &kid, int i, qint64 now, int padBytes = 0)
{
    const QByteArray header = "{\"alg\":\"" + crypto::Algorithms::name(alg).toLatin1() + "\",\"typ\":\"JWT\""
        + (kid.isEmpty() ? QByteArray() : ",\"kid\":\"" + kid + "\"") + "}";
    QByteArray payload = "{\"iss\":\"https://issuer.example\",\"sub\":\"user-" + QByteArray::number(i)
        + "\",\"aud\":\"api\",\"iat\":" + QByteArray::number(now - 60) + ",\"exp\":" + QByteArray::number(now + 86400)
        + ",\"jti\":\"" + QByteArray::number(i, 16) + "\",\"scope\":\"read write\"";
    if (padBytes > 0)
        payload += ",\"blob\":\"" + QByteArray(padBytes, 'x') + "\"";
    payload += "}";
    const QByteArray input = b64u(header) + '.' + b64u(payload);
    auto sig = crypto::Signature::sign(alg, key, input);
    if (!sig) {
        std::fprintf(stderr, "sign: %s\n", qPrintable(sig.error().toString()));
        std::exit(2);
    }
    return input + '.' + b64u(sig.value());
}

crypto::Key loadKey(const QString &path, const QString &secret)
{
    if (!secret.isEmpty())
        return crypto::Key::fromSecret(secret.toUtf8()).value();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        std::exit(2);
    }
    auto k = crypto::Key::fromPem(f.readAll());
    if (!k) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(k.error().toString()));
        std::exit(2);
    }
    return k.value();
}

/// The invalid kinds a token file mixes in, in turn: each must be refused by every verifier the bench runs.
enum class Broken {
    WrongSignature, ///< a correctly encoded signature with one bit flipped
    Expired, ///< exp an hour ago (correctly signed)
    WrongKid, ///< kid "k2", correctly signed with the one key (a verifier that ignores kid accepts it)
    Malformed, ///< the header segment cut short: not a JSON object
};

QByteArray brokenToken(
    Broken kind, crypto::Algorithm alg, const crypto::Key &key, const QByteArray &kid, int i, qint64 now)
{
    switch (kind) {
    case Broken::WrongSignature: {
        const QByteArray token = signedToken(alg, key, kid, i, now);
        const qsizetype dot = token.lastIndexOf('.');
        QByteArray sig = jose::Base64Url::decode(QByteArrayView(token).sliced(dot + 1)).value();
        sig[sig.size() / 2] = static_cast<char>(sig[sig.size() / 2] ^ 0x04);
        return token.left(dot + 1) + b64u(sig);
    }
    case Broken::Expired:
        return signedToken(alg, key, kid, i, now - 86400 - 3600);
    case Broken::WrongKid:
        return signedToken(alg, key, kid + "-other", i, now);
    case Broken::Malformed: {
        const QByteArray token = signedToken(alg, key, kid, i, now);
        const qsizetype dot = token.indexOf('.');
        return token.left(dot - 3) + token.mid(dot);
    }
    }
    return {};
}

int makeTokens(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("alg"), QStringLiteral("alg"), QStringLiteral("ALG")},
        {QStringLiteral("key"), QStringLiteral("private key PEM"), QStringLiteral("FILE")},
        {QStringLiteral("secret"), QStringLiteral("HMAC secret"), QStringLiteral("TEXT")},
        {QStringLiteral("count"), QStringLiteral("tokens"), QStringLiteral("N")},
        {QStringLiteral("kid"), QStringLiteral("kid"), QStringLiteral("KID")},
        {QStringLiteral("invalid-every"),
            QStringLiteral("make every Nth token invalid: wrong signature, expired, wrong kid, malformed in turn"),
            QStringLiteral("N")},
        {QStringLiteral("out"), QStringLiteral("output"), QStringLiteral("FILE")}});
    p.process(args);
    const auto alg = crypto::Algorithms::fromName(p.value(QStringLiteral("alg")));
    if (!alg)
        return 2;
    const crypto::Key key = loadKey(p.value(QStringLiteral("key")), p.value(QStringLiteral("secret")));
    const int count = p.value(QStringLiteral("count")).toInt();
    const int every = p.value(QStringLiteral("invalid-every")).toInt();
    const QByteArray kid = p.value(QStringLiteral("kid")).toLatin1();
    if (every > 0 && kid.isEmpty()) {
        std::fprintf(stderr, "--invalid-every needs --kid (one kind of invalid token is a wrong kid)\n");
        return 2;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QFile out(p.value(QStringLiteral("out")));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 2;
    int broken[4] = {0, 0, 0, 0};
    int brokenTotal = 0;
    for (int i = 0; i < count; ++i) {
        if (every > 0 && i % every == every - 1) {
            const int kind = brokenTotal++ % 4;
            ++broken[kind];
            out.write(brokenToken(static_cast<Broken>(kind), *alg, key, kid, i, now) + '\n');
        } else {
            out.write(signedToken(*alg, key, kid, i, now) + '\n');
        }
    }
    // What every verifier must find in this file: run-bench.sh checks each tool's counts against it.
    const QJsonObject expected {{QStringLiteral("total"), count}, {QStringLiteral("valid"), count - brokenTotal},
        {QStringLiteral("wrong_signature"), broken[0]}, {QStringLiteral("expired"), broken[1]},
        {QStringLiteral("wrong_kid"), broken[2]}, {QStringLiteral("malformed"), broken[3]}};
    std::printf("%s\n", QJsonDocument(expected).toJson(QJsonDocument::Compact).constData());
    return 0;
}

crypto::Key generate(crypto::KeyType t, int bits, crypto::Curve c)
{
    return crypto::Key::generate(t, bits, c).value();
}

QByteArray jwksText(int count, const QList<crypto::Key> &pool)
{
    QJsonArray keys;
    for (int i = 0; i < count; ++i) {
        QJsonObject jwk = keys::Jwk::toJson(pool[i % pool.size()].publicKey(), false);
        jwk.insert(QStringLiteral("kid"), QStringLiteral("key-%1").arg(i));
        jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
        keys.append(jwk);
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("keys"), keys}}).toJson(QJsonDocument::Compact);
}

QByteArray krakendText(int endpoints)
{
    QJsonArray list;
    for (int i = 0; i < endpoints; ++i) {
        const QJsonObject validator {{QStringLiteral("alg"), QStringLiteral("RS256")},
            {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example/.well-known/jwks.json")},
            {QStringLiteral("cache"), true}, {QStringLiteral("audience"), QJsonArray {QStringLiteral("api")}},
            {QStringLiteral("issuer"), QStringLiteral("https://idp.example")},
            {QStringLiteral("roles_key"), QStringLiteral("roles")},
            {QStringLiteral("roles"), QJsonArray {QStringLiteral("user"), QStringLiteral("admin")}},
            {QStringLiteral("propagate_claims"),
                QJsonArray {QJsonArray {QStringLiteral("sub"), QStringLiteral("x-user")}}}};
        list.append(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/v1/resource-%1/{id}").arg(i)},
            {QStringLiteral("method"), QStringLiteral("GET")},
            {QStringLiteral("extra_config"), QJsonObject {{QStringLiteral("auth/validator"), validator}}},
            {QStringLiteral("backend"),
                QJsonArray {QJsonObject {{QStringLiteral("url_pattern"), QStringLiteral("/resource/%1/{id}").arg(i)},
                    {QStringLiteral("host"), QJsonArray {QStringLiteral("http://backend:8080")}}}}}});
    }
    const QJsonObject root {
        {QStringLiteral("$schema"), QStringLiteral("https://www.krakend.io/schema/v2.13/krakend.json")},
        {QStringLiteral("version"), 3}, {QStringLiteral("name"), QStringLiteral("bench")},
        {QStringLiteral("endpoints"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

/// A krakend.json of `endpoints` endpoints, laid out as people write them (2-space indentation, short arrays on
/// one line), with a realistic mix: about half the endpoints public, a third behind an auth/validator (JWK URL or
/// local JWK Set, some with roles, a few under the legacy namespace), some signers, some other namespaces. About
/// 200 bytes an endpoint on average: 260,000 endpoints make the 50 MB file of issue #19.
QByteArray bigKrakendText(int endpoints)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(endpoints) * 200 + 1024);
    out += "{\n  \"$schema\": \"https://www.krakend.io/schema/v2.13/krakend.json\",\n  \"version\": 3,\n"
           "  \"name\": \"big gateway\",\n  \"timeout\": \"3000ms\",\n  \"extra_config\": {\n"
           "    \"auth/validator\": {\"shared_cache_duration\": 900}\n  },\n  \"endpoints\": [\n";
    static const char *const methods[] = {"GET", "POST", "PUT", "DELETE", "GET", "GET"};
    for (int i = 0; i < endpoints; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray svc = QByteArray::number(i % 97);
        out += "    {\n      \"endpoint\": \"/v1/s" + svc + "/r" + n + "\",\n";
        if (i % 7 != 0)
            out += QByteArray("      \"method\": \"") + methods[i % 6] + "\",\n";
        out += "      \"backend\": [{\"url_pattern\": \"/r" + n + "\", \"host\": [\"http://s" + svc + ":8080\"]}]";
        switch (i % 12) {
        case 0:
        case 1:
            out += ",\n      \"extra_config\": {\"auth/validator\": {\"alg\": \"RS256\", \"jwk_url\": "
                   "\"https://idp.example/jwks\", \"audience\": [\"api\"]}}";
            break;
        case 3:
            out += ",\n      \"extra_config\": {\"auth/validator\": {\"alg\": \"ES256\", \"jwk_url\": "
                   "\"https://idp.example/jwks\", \"roles_key\": \"roles\", \"roles\": [\"admin\"], \"cache\": true}}";
            break;
        case 4:
            out += ",\n      \"extra_config\": {\"github.com/devopsfaith/krakend-jose/validator\": {\"alg\": "
                   "\"HS256\", \"jwk_local_path\": \"jwks.json\", \"disable_jwk_security\": true}}";
            break;
        case 5:
            out += ",\n      \"extra_config\": {\"auth/signer\": {\"alg\": \"RS256\", \"kid\": \"k1\", "
                   "\"keys_to_sign\": [\"access_token\"], \"jwk_local_path\": \"private.json\", "
                   "\"disable_jwk_security\": true}}";
            break;
        case 6:
            out += ",\n      \"extra_config\": {\"qos/ratelimit/router\": {\"max_rate\": 50}}";
            break;
        default:
            break;
        }
        out += i + 1 < endpoints ? "\n    },\n" : "\n    }\n";
    }
    out += "  ]\n}\n";
    return out;
}

/// Writes the big inputs of issue #19 into a folder: krakend.json (N endpoints), jwks.json (K EC P-256 public
/// keys, each its own) and tokens.txt (T HS256 tokens, one a line).
int makeBigInputs(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions(
        {{QStringLiteral("endpoints"), QStringLiteral("endpoints"), QStringLiteral("N"), QStringLiteral("260000")},
            {QStringLiteral("keys"), QStringLiteral("keys"), QStringLiteral("K"), QStringLiteral("10000")},
            {QStringLiteral("tokens"), QStringLiteral("tokens"), QStringLiteral("T"), QStringLiteral("2900")},
            {QStringLiteral("out"), QStringLiteral("folder"), QStringLiteral("DIR")}});
    p.process(args);
    const QString dir = p.value(QStringLiteral("out"));
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir + u'/' + name);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            std::abort();
        report(QStringLiteral("wrote ") + name, static_cast<double>(bytes.size()) / 1048576.0, QStringLiteral("MiB"));
    };
    write(QStringLiteral("krakend.json"), bigKrakendText(p.value(QStringLiteral("endpoints")).toInt()));
    crypto::Backend::initialize();
    QList<crypto::Key> pool;
    const int keyCount = p.value(QStringLiteral("keys")).toInt();
    for (int i = 0; i < keyCount; ++i)
        pool << generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
    write(QStringLiteral("jwks.json"), jwksText(keyCount, pool));
    const crypto::Key secret = crypto::Key::fromSecret(QByteArray("a-benchmark-secret-of-32-bytes!!")).value();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QByteArray tokens;
    const int tokenCount = p.value(QStringLiteral("tokens")).toInt();
    for (int i = 0; i < tokenCount; ++i)
        tokens += signedToken(crypto::Algorithm::HS256, secret, "k1", i, now) + '\n';
    write(QStringLiteral("tokens.txt"), tokens);
    return 0;
}

/// The peak resident set size of this process so far, in MiB (VmHWM).
double peakRssMiB()
{
    return std::max<qint64>(0, jwb::common::processStatusKb("VmHWM")) / 1024.0;
}

/// Opens a krakend.json the way the app does and reports each phase's time and the peak RSS after it: open
/// (read, parse, source map, endpoint list), lint, one edit.
int loadConfig(const QStringList &args)
{
    const QString path = args.value(1);
    QElapsedTimer t;
    t.start();
    auto doc = krakend::ConfigDocument::open(path);
    if (!doc) {
        std::fprintf(stderr, "%s\n", qPrintable(doc.error().message));
        return 1;
    }
    const qint64 size = QFileInfo(path).size();
    const QString detail = QStringLiteral("%1 MB, %2 endpoints").arg(size / 1e6, 0, 'f', 1).arg(doc->endpointCount());
    report(QStringLiteral("open krakend.json"), t.nsecsElapsed() / 1e6, QStringLiteral("ms"), detail);
    report(QStringLiteral("peak RSS after open"), peakRssMiB(), QStringLiteral("MiB"), detail);
    t.restart();
    const auto items = krakend::Linter::lint(*doc);
    report(QStringLiteral("lint"), t.nsecsElapsed() / 1e6, QStringLiteral("ms"),
        QStringLiteral("%1 findings").arg(items.size()));
    report(QStringLiteral("peak RSS after lint"), peakRssMiB(), QStringLiteral("MiB"), detail);
    t.restart();
    const int middle = doc->endpointCount() / 2;
    if (auto r = doc->setEndpointBlock(middle, QStringLiteral("auth/validator"),
            QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")},
                {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example/jwks")}});
        !r)
        return 1;
    report(QStringLiteral("edit one validator"), t.nsecsElapsed() / 1e6, QStringLiteral("ms"), detail);
    report(QStringLiteral("peak RSS after edit"), peakRssMiB(), QStringLiteral("MiB"), detail);
    return 0;
}

int core()
{
    using crypto::Algorithm;
    using crypto::Curve;
    using crypto::KeyType;
    crypto::Backend::initialize();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    validation::Policy policy;

    // Decode (Inspection: parse, JSON, lints, known-secret check).
    const crypto::Key secret = crypto::Key::fromSecret(QByteArray("a-benchmark-secret-of-32-bytes!!")).value();
    const QString typical = QString::fromLatin1(signedToken(Algorithm::HS256, secret, "k1", 1, now));
    report(QStringLiteral("decode typical token"),
        timePerRun([&] { (void)jose::Inspection::inspect(typical, now); }) * 1e6, QStringLiteral("us"),
        QStringLiteral("%1 characters").arg(typical.size()));
    const QString big = QString::fromLatin1(signedToken(Algorithm::HS256, secret, "k1", 1, now, 750 * 1024));
    report(QStringLiteral("decode 1 MB token"), timePerRun([&] { (void)jose::Inspection::inspect(big, now); }, 3) * 1e3,
        QStringLiteral("ms"), QStringLiteral("%1 characters").arg(big.size()));

    // Verify: the reference path and the batch fast path, one thread, per algorithm.
    struct Case
    {
        Algorithm alg;
        crypto::Key key;
    };
    const crypto::Key rsa = generate(KeyType::Rsa, 2048, Curve::None);
    const QList<Case> cases = {{Algorithm::HS256, secret}, {Algorithm::RS256, rsa}, {Algorithm::PS256, rsa},
        {Algorithm::ES256, generate(KeyType::Ec, 0, Curve::P256)},
        {Algorithm::ES384, generate(KeyType::Ec, 0, Curve::P384)},
        {Algorithm::EdDSA, generate(KeyType::Okp, 0, Curve::Ed25519)}};
    for (const Case &c : cases) {
        const QString name = crypto::Algorithms::name(c.alg);
        const auto set = keys::JwkSet::fromKey(keys::Jwk::fromKey(c.key.publicKey()),
            c.key.type() == KeyType::Oct ? QStringLiteral("secret") : QStringLiteral("PEM"));
        QList<QByteArray> tokens;
        for (int i = 0; i < 256; ++i)
            tokens << signedToken(c.alg, c.key, "k1", i, now);
        int i = 0;
        const double full = timePerRun(
            [&] { (void)validation::Verifier::verify(QString::fromLatin1(tokens[i++ % 256]), set, policy); });
        report(QStringLiteral("verify %1 (reference path)").arg(name), 1.0 / full, QStringLiteral("tokens/s"),
            QStringLiteral("Verifier::verify: full inspection, report and findings"));
        validation::BatchVerifier batch(set, policy);
        validation::BatchVerifier::Worker worker(batch);
        const double fast = timePerRun([&] {
            for (int k = 0; k < 256; ++k)
                if (worker.check(QByteArrayView(tokens[k])) != validation::BatchVerifier::Verdict::Valid)
                    std::abort();
        }) / 256;
        report(QStringLiteral("verify %1 (batch fast path)").arg(name), 1.0 / fast, QStringLiteral("tokens/s"),
            QStringLiteral("BatchVerifier::Worker::check, one thread"));
    }

    // JWK Set parsing.
    QList<crypto::Key> pool;
    for (int i = 0; i < 8; ++i)
        pool << generate(KeyType::Rsa, 2048, Curve::None);
    for (int i = 0; i < 4; ++i)
        pool << generate(KeyType::Ec, 0, Curve::P256);
    for (int n : {10, 1000, 10000}) {
        const QByteArray text = jwksText(n, pool);
        // The parse only: each set is released after its clock has stopped (a warm-up run first).
        (void)keys::JwkSet::fromJson(text);
        qint64 parseNs = 0;
        int runs = 0;
        QElapsedTimer total;
        total.start();
        while (runs < 3 || total.nsecsElapsed() < static_cast<qint64>(g_seconds * 1e9)) {
            QElapsedTimer clock;
            clock.start();
            auto s = keys::JwkSet::fromJson(text);
            parseNs += clock.nsecsElapsed();
            if (!s || s->keys.size() != n)
                std::abort();
            ++runs;
        }
        const double t = static_cast<double>(parseNs) / 1e9 / runs;
        report(QStringLiteral("parse JWK Set of %1 keys").arg(n), t * 1e3, QStringLiteral("ms"),
            QStringLiteral("%1 KiB, 2/3 RSA 2048, 1/3 EC P-256").arg(text.size() / 1024));
    }

    // The wordlist search (crack): HS256 candidates per second on one thread, over 2,000,000 lines of 6 to 14
    // characters, none of them the secret (so every line is tried).
    {
        QByteArray list;
        quint32 x = 12345;
        for (int i = 0; i < 2000000; ++i) {
            const int length = 6 + static_cast<int>(x % 9);
            for (int j = 0; j < length; ++j) {
                x = x * 1103515245u + 12345u;
                list += static_cast<char>('a' + (x >> 16) % 26);
            }
            list += '\n';
        }
        const auto token
            = jose::TokenParser::parse(QString::fromLatin1(signedToken(Algorithm::HS256, secret, "k1", 1, now)));
        const auto search = jose::SecretSearch::create(token).value();
        qint64 tried = 0;
        const double t = timePerRun([&] {
            QBuffer device(&list);
            device.open(QIODevice::ReadOnly);
            const auto outcome = search.run(device, jose::SecretSearch::Options());
            if (!outcome || outcome->found)
                std::abort();
            tried = outcome->tried;
        });
        report(QStringLiteral("wordlist search HS256, 1 thread"), static_cast<double>(tried) / t,
            QStringLiteral("candidates/s"),
            QStringLiteral("%1 candidates, %2 MiB").arg(tried).arg(list.size() / 1048576.0, 0, 'f', 1));
    }

    // Simulate: one request against a validator with a local JWK Set.
    {
        const crypto::Key ec = pool[8];
        QJsonObject jwk = keys::Jwk::toJson(ec.publicKey(), false);
        jwk.insert(QStringLiteral("kid"), QStringLiteral("k1"));
        const QByteArray jwks
            = QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {jwk}}}).toJson(QJsonDocument::Compact);
        const QJsonObject block {{QStringLiteral("alg"), QStringLiteral("ES256")},
            {QStringLiteral("jwk_local_path"), QStringLiteral("jwks.json")},
            {QStringLiteral("disable_jwk_security"), true},
            {QStringLiteral("audience"), QJsonArray {QStringLiteral("api")}},
            {QStringLiteral("issuer"), QStringLiteral("https://issuer.example")},
            {QStringLiteral("propagate_claims"),
                QJsonArray {QJsonArray {QStringLiteral("sub"), QStringLiteral("x-user")}}}};
        auto setup = krakend::SimulationSetup::fromValidatorDocument(block, QString());
        krakend::Simulator sim(setup);
        sim.setReplacementJwks(jwks, QStringLiteral("bench"));
        krakend::SimulationRequest request;
        request.headers.append({QStringLiteral("Authorization"),
            QStringLiteral("Bearer ") + QString::fromLatin1(signedToken(Algorithm::ES256, ec, "k1", 1, now))});
        const auto first = sim.run(request);
        const double t = timePerRun([&] { (void)sim.run(request); });
        report(QStringLiteral("simulate one request"), t * 1e6, QStringLiteral("us"),
            QStringLiteral("ES256, local JWK Set; status %1: %2").arg(first.status).arg(first.reason));
    }

    // krakend.json import: parse, endpoint list, lint.
    {
        const QByteArray text = krakendText(2000);
        const double load = timePerRun([&] {
            auto doc = krakend::ConfigDocument::fromText(text, QStringLiteral("/tmp/krakend.json"));
            if (!doc || doc->endpoints().size() != 2000)
                std::abort();
        });
        report(QStringLiteral("import krakend.json, 2000 endpoints"), load * 1e3, QStringLiteral("ms"),
            QStringLiteral("%1 KiB: parse, source map, endpoint list").arg(text.size() / 1024));
        const auto doc = krakend::ConfigDocument::fromText(text, QStringLiteral("/tmp/krakend.json")).value();
        const double lint = timePerRun([&] { (void)krakend::Linter::lint(doc); });
        report(QStringLiteral("lint krakend.json, 2000 endpoints"), lint * 1e3, QStringLiteral("ms"));
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: jwb-bench tokens|core ...\n");
        return 2;
    }
    const QString command = args.takeAt(1);
    if (command == u"tokens")
        return makeTokens(args);
    if (command == u"big-inputs")
        return makeBigInputs(args);
    if (command == u"load-config")
        return loadConfig(args);
    if (command == u"jwks") { // profiling aid: parse one JWK Set of N keys repeatedly for 3 s
        g_seconds = 3;
        crypto::Backend::initialize();
        QList<crypto::Key> pool;
        for (int i = 0; i < 8; ++i)
            pool << generate(crypto::KeyType::Rsa, 2048, crypto::Curve::None);
        for (int i = 0; i < 4; ++i)
            pool << generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
        const int n = args.value(1, QStringLiteral("10000")).toInt();
        const QByteArray text = jwksText(n, pool);
        report(QStringLiteral("parse JWK Set of %1 keys").arg(n),
            timePerRun([&] { (void)keys::JwkSet::fromJson(text); }) * 1e3, QStringLiteral("ms"));
        return 0;
    }
    if (command == u"primitive") { // PreparedVerifier alone on a message of N bytes (default 300), per algorithm
        crypto::Backend::initialize();
        const int length = args.value(1, QStringLiteral("300")).toInt();
        const QByteArray message(length, 'a');
        struct Case
        {
            crypto::Algorithm alg;
            crypto::KeyType type;
            int bits;
            crypto::Curve curve;
        };
        for (const Case &c : {Case {crypto::Algorithm::RS256, crypto::KeyType::Rsa, 2048, crypto::Curve::None},
                 Case {crypto::Algorithm::ES256, crypto::KeyType::Ec, 0, crypto::Curve::P256},
                 Case {crypto::Algorithm::EdDSA, crypto::KeyType::Okp, 0, crypto::Curve::Ed25519}}) {
            const crypto::Key key = generate(c.type, c.bits, c.curve);
            const QByteArray sig = crypto::Signature::sign(c.alg, key, message).value();
            auto verifier = crypto::PreparedVerifier::create(c.alg, key.publicKey()).value();
            const double t = timePerRun([&] {
                if (!verifier.verify(message.constData(), static_cast<std::size_t>(message.size()),
                        reinterpret_cast<const unsigned char *>(sig.constData()), static_cast<std::size_t>(sig.size())))
                    std::abort();
            });
            report(
                QStringLiteral("PreparedVerifier %1, %2-byte message").arg(crypto::Algorithms::name(c.alg)).arg(length),
                1.0 / t, QStringLiteral("verifications/s"));
        }
        return 0;
    }
    if (command == u"core") {
        const int at = args.indexOf(QStringLiteral("--seconds"));
        if (at > 0 && at + 1 < args.size())
            g_seconds = args[at + 1].toDouble();
        return core();
    }
    std::fprintf(stderr, "unknown command\n");
    return 2;
}
