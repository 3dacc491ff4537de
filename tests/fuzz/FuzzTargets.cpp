#include "FuzzTargets.h"

#include "common/Clock.h"
#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "jose/Inspection.h"
#include "jose/Jwe.h"
#include "jose/SdJwt.h"
#include "jose/TokenParser.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/KeyLoader.h"
#include "krakend/ConfigDocument.h"
#include "krakend/Linter.h"
#include "krakend/Simulator.h"
#include "validation/BatchVerifier.h"
#include "validation/TokenProfiles.h"
#include "validation/Verifier.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>

#if defined(__SANITIZE_ADDRESS__)
#define JWB_FUZZ_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JWB_FUZZ_LSAN 1
#endif
#endif
#ifdef JWB_FUZZ_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace jwb::fuzz {

namespace {

// 2035-01-01T00:00:00Z (inside the demo token's validity): every time-dependent check sees the same instant, so a crash
// replays.
constexpr qint64 kNow = 2051222400;

QByteArray g_jwks;

QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// A property violation is a bug just like a crash: abort so that libFuzzer keeps the input.
void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz property violated: %s\n", what);
        std::abort();
    }
}

// Structured token inputs: a fuzzer rarely turns base64url text into different valid JSON, so an input starting
// with byte 0x01 is "header JSON 0x02 payload JSON 0x02 signature bytes", each part base64url-encoded here into a
// compact token. Everything else is parsed as typed. This reaches the claim checks with arbitrary JSON values.
QByteArray expandToken(const QByteArray &in)
{
    if (!in.startsWith('\x01'))
        return in;
    const QList<QByteArray> parts = in.mid(1).split('\x02');
    QByteArray token;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            token += '.';
        token += jose::Base64Url::encode(parts[i]);
    }
    return token;
}

} // namespace

std::span<const Target> targets()
{
    static const std::array<Target, 9> all {{
        {"base64url", &base64url, 4096},
        {"token", &token, 16384},
        {"sdjwt", &sdjwt, 16384},
        {"jwe", &jwe, 16384},
        {"jwk", &jwk, 16384},
        {"keyloader", &keyloader, 16384},
        {"krakend", &krakend, 65536},
        {"simulator", &simulator, 16384},
        {"batch", &batch, 8192},
    }};
    return all;
}

const Target *findTarget(std::string_view name)
{
    for (const Target &t : targets())
        if (t.name == name)
            return &t;
    return nullptr;
}

void initialize()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    if (!QCoreApplication::instance()) {
        // QCA finds its provider plugins through the application's library paths.
        static int argc = 1;
        static char name[] = "jwb-fuzz";
        static char *argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv);
    }
    {
        // QCA's OpenSSL plugin loads OpenSSL's legacy provider and never frees it. Allocations made while the
        // backend starts (once, before any input) are not leak-checked, so that the exit-time check of a fuzz
        // run stays meaningful; every allocation made while an input runs still is.
#ifdef JWB_FUZZ_LSAN
        __lsan::ScopedDisabler noLeakCheck;
#endif
        crypto::Backend::initialize();
    }

    // The demo key set of resources/samples: it signed demo-token.jwt (valid at kNow), so seeds built from that
    // token pass the signature check and the fuzzer reaches every later step of the pipeline.
    QFile f(QStringLiteral(JWB_SAMPLES_DIR "/demo-jwks.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", JWB_SAMPLES_DIR "/demo-jwks.json");
        std::abort();
    }
    g_jwks = f.readAll();
}

int base64url(const std::uint8_t *data, std::size_t size)
{
    const QByteArray in = bytes(data, size);
    const auto strict = jose::Base64Url::decode(in);
    if (strict) {
        // Strict decoding accepts only the canonical form, so encoding gives the input back.
        check(jose::Base64Url::encode(strict.value()) == in, "Base64Url: encode(decode(x)) != x");
        const auto lenient = jose::Base64Url::decodeLenient(in);
        check(lenient && lenient.value() == strict.value(), "Base64Url: lenient disagrees with strict");
    } else {
        (void)jose::Base64Url::decodeLenient(in);
    }
    return 0;
}

int token(const std::uint8_t *data, std::size_t size)
{
    const QString in = QString::fromUtf8(expandToken(bytes(data, size)));
    const jose::Token parsed = jose::TokenParser::parse(in);
    if (parsed.isComplete())
        check(bool(jose::TokenParser::parseStrict(in)), "TokenParser: parseStrict fails without an issue");
    const jose::Inspection inspection = jose::Inspection::inspect(in, kNow);
    (void)QJsonDocument(inspection.toJson()).toJson();
    // The token profiles (a DPoP proof's own jwk and signature, claims), with the input as its own access token
    // so that the ath and cnf.jkt paths run too.
    validation::ProfileInputs profileInputs;
    profileInputs.now = kNow;
    profileInputs.accessToken = parsed.compact;
    (void)QJsonDocument(validation::TokenProfiles::check(parsed, profileInputs).toJson()).toJson();
    return 0;
}

namespace {

/// The structured SD-JWT input of sdjwt() turned into a compact SD-JWT (header {"alg":"ES256"}, a dummy signature).
QByteArray expandSdJwt(const QByteArray &in)
{
    if (!in.startsWith('\x01'))
        return in;
    QByteArray body = in.mid(1);
    QByteArray kb;
    if (const qsizetype at = body.indexOf('\x03'); at >= 0) {
        kb = body.mid(at + 1);
        body.truncate(at);
    }
    QList<QByteArray> parts = body.split('\x02');
    const QByteArray payload = parts.takeFirst();
    QList<QByteArray> encoded(parts.size());
    QList<QByteArray> digests(parts.size());
    const auto substitute = [&digests](QByteArray text, qsizetype from) {
        for (qsizetype k = from; k < digests.size() && k < 9; ++k)
            text.replace(QByteArray("#").append(QByteArray::number(k + 1)), digests[k]);
        return text;
    };
    for (qsizetype i = parts.size() - 1; i >= 0; --i) {
        encoded[i] = jose::Base64Url::encode(substitute(parts[i], i + 1));
        digests[i] = jose::SdJwt::digest(QCryptographicHash::Sha256, encoded[i]).toLatin1();
    }
    QByteArray out = jose::Base64Url::encode(R"({"alg":"ES256"})") + '.'
        + jose::Base64Url::encode(substitute(payload, 0)) + ".AAAA~";
    for (const QByteArray &d : encoded)
        out += d + '~';
    return out + kb;
}

bool hasSdMarkers(const QJsonValue &v, int depth = 0)
{
    if (depth > 200)
        return false;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QLatin1String("_sd")))
            return true;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (hasSdMarkers(it.value(), depth + 1))
                return true;
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray()) {
            const QJsonObject o = e.toObject();
            if (e.isObject() && o.size() == 1 && o.contains(QLatin1String("...")))
                return true;
            if (hasSdMarkers(e, depth + 1))
                return true;
        }
    }
    return false;
}

} // namespace

int sdjwt(const std::uint8_t *data, std::size_t size)
{
    const QString in = QString::fromUtf8(expandSdJwt(bytes(data, size)));
    const jose::Inspection inspection = jose::Inspection::inspect(in, kNow);
    const jose::SdJwt &sd = inspection.sdJwt;
    if (inspection.token.isSdJwt() && sd.hashAlgSupported && sd.ok())
        check(!hasSdMarkers(sd.disclosedPayload), "SdJwt: a Processed Payload without errors still holds _sd or ...");
    for (const jose::SdDisclosure &d : sd.disclosures)
        check(!d.path.isEmpty() || !sd.ok() || !d.decoded, "SdJwt: an unreferenced Disclosure without an error");
    (void)QJsonDocument(inspection.toJson()).toJson();
    jose::KeyBindingExpectations expected;
    expected.now = kNow;
    expected.audience = QStringLiteral("https://verifier.example.org");
    expected.nonce = QStringLiteral("1234567890");
    (void)jose::checkKeyBinding(inspection.token, sd, expected);
    return 0;
}

namespace {

/// The fixed keys of the jwe target: a 32-byte oct key (A256KW, A256GCMKW, dir for A128CBC-HS256 / A256GCM, PBES2)
/// and the P-256 key of RFC 7520 section 5.5 (ECDH-ES*), so that the cookbook's 5.5 seeds decrypt.
const QList<crypto::Key> &jweKeys()
{
    static const QList<crypto::Key> keys = [] {
        QList<crypto::Key> k;
        k.append(crypto::Key::fromSecret(QByteArray("0123456789abcdef0123456789abcdef")).value());
        const QJsonObject ec {{QStringLiteral("kty"), QStringLiteral("EC")},
            {QStringLiteral("crv"), QStringLiteral("P-256")},
            {QStringLiteral("x"), QStringLiteral("Ze2loSV3wrroKUN_4zhwGhCqo3Xhu1td4QjeQ5wIVR0")},
            {QStringLiteral("y"), QStringLiteral("HlLtdXARY_f55A3fnzQbPcm6hgr34Mp8p-nuzQCE0Zw")},
            {QStringLiteral("d"), QStringLiteral("r_kHyZ-a06rmxM3yESK84r1otSg-aQcVStkRhA-iCM8")}};
        k.append(keys::Jwk::fromJson(ec).value().key);
        return k;
    }();
    return keys;
}

/// Re-serializes a parsed JWE as JSON (general), so that a decrypted message can be checked to decrypt again.
QByteArray jweAsJson(const jose::JweMessage &m)
{
    QJsonArray recipients;
    for (const jose::JweRecipient &r : m.recipients) {
        QJsonObject o {{QStringLiteral("encrypted_key"), QString::fromLatin1(jose::Base64Url::encode(r.encryptedKey))}};
        if (!r.header.isEmpty())
            o.insert(QStringLiteral("header"), r.header);
        recipients.append(o);
    }
    QJsonObject o {{QStringLiteral("recipients"), recipients},
        {QStringLiteral("iv"), QString::fromLatin1(jose::Base64Url::encode(m.iv))},
        {QStringLiteral("ciphertext"), QString::fromLatin1(jose::Base64Url::encode(m.ciphertext))},
        {QStringLiteral("tag"), QString::fromLatin1(jose::Base64Url::encode(m.tag))}};
    if (!m.protectedRaw.isEmpty())
        o.insert(QStringLiteral("protected"), QString::fromLatin1(m.protectedRaw));
    if (!m.sharedUnprotected.isEmpty())
        o.insert(QStringLiteral("unprotected"), m.sharedUnprotected);
    if (!m.aadRaw.isEmpty())
        o.insert(QStringLiteral("aad"), QString::fromLatin1(m.aadRaw));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

int jwe(const std::uint8_t *data, std::size_t size)
{
    const QByteArray in = expandToken(bytes(data, size));
    const auto parsed = jose::parseJwe(in);
    (void)jose::jweHeaderFindings(parsed ? parsed->joseHeader() : QJsonObject(), {});
    if (!parsed)
        return 0;
    jose::JweDecryptOptions options;
    options.maxPbes2Iterations = 2000;
    options.maxDecompressedBytes = 64 * 1024;
    const auto first = jose::decryptJwe(parsed.value(), jweKeys(), {}, options);
    if (!first)
        return 0;
    check(first->plaintext.size() <= options.maxDecompressedBytes || !first->compressed, "Jwe: inflated past the cap");
    const auto again = jose::parseJwe(jweAsJson(parsed.value()));
    check(bool(again), "Jwe: a decrypted message does not parse again as JSON");
    const auto second = jose::decryptJwe(again.value(), jweKeys(), {}, options);
    check(second && second->plaintext == first->plaintext, "Jwe: the JSON form decrypts differently");
    return 0;
}

int jwk(const std::uint8_t *data, std::size_t size)
{
    auto set = keys::JwkSet::fromJson(bytes(data, size));
    if (!set)
        return 0;
    (void)QJsonDocument(set->toJson(false)).toJson();
    (void)QJsonDocument(set->toJson(true)).toJson();
    for (const QString &kid : set->kids())
        (void)set->indexesOfKid(kid);
    (void)set->isMixedSymmetry();
    set->analyse();
    return 0;
}

int keyloader(const std::uint8_t *data, std::size_t size)
{
    auto set = keys::KeyLoader::load(bytes(data, size));
    if (set)
        (void)QJsonDocument(set->toJson(false)).toJson();
    return 0;
}

int krakend(const std::uint8_t *data, std::size_t size)
{
    auto doc = krakend::ConfigDocument::fromText(bytes(data, size));
    if (!doc)
        return 0;
    (void)krakend::Linter::lint(doc.value());
    for (const krakend::EndpointInfo &e : doc->endpoints()) {
        (void)doc->findEndpoint(e.path, e.method);
        (void)krakend::SimulationSetup::fromEndpoint(doc->root(), doc->endpoint(e.index), QString());
    }
    return 0;
}

int simulator(const std::uint8_t *data, std::size_t size)
{
    const QByteArray in = bytes(data, size);
    const qsizetype cut = in.lastIndexOf('\n');
    const QByteArray documentText = cut < 0 ? QByteArray() : in.left(cut);
    const QByteArray tokenText = cut < 0 ? in : in.mid(cut + 1);

    const QJsonDocument document = QJsonDocument::fromJson(documentText);
    if (!document.isObject())
        return 0;
    krakend::SimulationSetup setup = krakend::SimulationSetup::fromValidatorDocument(document.object(), QString());
    krakend::Simulator sim(setup);
    sim.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC)));
    sim.setReplacementJwks(g_jwks, QStringLiteral("fuzz JWKS"));
    sim.setDownloader([](const QUrl &, const keysource::NetworkOptions &) -> common::Result<keysource::HttpResponse> {
        return common::Error {QStringLiteral("network_error"), QStringLiteral("fuzzing never uses the network"), {}};
    });
    krakend::SimulationRequest request;
    request.headers.append(
        {QStringLiteral("Authorization"), QStringLiteral("Bearer ") + QString::fromUtf8(expandToken(tokenText))});
    const krakend::SimulationResult result = sim.run(request);
    (void)QJsonDocument(result.toJson()).toJson();
    return 0;
}

} // namespace jwb::fuzz

namespace jwb::fuzz {

int batch(const std::uint8_t *data, std::size_t size)
{
    // A fixed HS256 secret (kid k1, also as a bare secret) and two policies, at a fixed instant.
    static const crypto::Key secret
        = crypto::Key::fromSecret(QByteArray("fuzz-batch-secret-of-32-bytes-or-more")).value();
    static const keys::JwkSet withKid = [] {
        keys::JwkSet s
            = keys::JwkSet::fromKey(keys::Jwk::fromKey(secret, QStringLiteral("k1")), QStringLiteral("JWK Set"));
        return s;
    }();
    static const keys::JwkSet bare = keys::JwkSet::fromKey(keys::Jwk::fromKey(secret), QStringLiteral("secret"));
    static const QList<validation::Policy> policies = [] {
        validation::Policy plain;
        plain.clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
        validation::Policy strict = plain;
        strict.issuer = QStringLiteral("https://issuer.example");
        strict.audiences = {QStringLiteral("api")};
        strict.requireExp = true;
        strict.leewaySeconds = 30;
        return QList<validation::Policy> {plain, strict};
    }();

    // "0x01 header 0x02 payload" is signed here (so that the fast path reaches its claim checks); anything else is
    // verified as typed.
    const QByteArray in = bytes(data, size);
    QByteArray line = in;
    if (in.startsWith('\x01')) {
        const QList<QByteArray> parts = in.mid(1).split('\x02');
        const QByteArray input
            = jose::Base64Url::encode(parts.value(0)) + '.' + jose::Base64Url::encode(parts.value(1));
        auto sig = crypto::Signature::sign(crypto::Algorithm::HS256, secret, input);
        line = input + '.' + jose::Base64Url::encode(sig ? sig.value() : QByteArray());
    }
    for (const keys::JwkSet *set : {&withKid, &bare}) {
        for (const validation::Policy &policy : policies) {
            const validation::BatchVerifier verifier(*set, policy);
            validation::BatchVerifier::Worker worker(verifier);
            const auto fast = worker.check(QByteArrayView(line));
            if (fast == validation::BatchVerifier::Verdict::Unsure)
                continue;
            const bool reference = validation::Verifier::verify(QString::fromLatin1(line), *set, policy).valid;
            check((fast == validation::BatchVerifier::Verdict::Valid) == reference,
                "BatchVerifier: the fast path disagrees with Verifier::verify");
        }
    }
    return 0;
}

} // namespace jwb::fuzz
