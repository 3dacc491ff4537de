// crypto::Signature and crypto::Key: sign→verify round trips for all 16 algorithms with generated keys and
// with keys converted through every format; the RFC 7515 / 7520 / 8037 examples (verify with the public part,
// deterministic re-signing, one-bit flips); the JOSE cookbook compact forms; RFC 7638 / 8037 thumbprints;
// the RFC 7517 key sets; and the stable error codes for keys that do not fit, ECDSA signature formats and
// malformed keys (odd keys are made with the `openssl` command in a temporary directory).
#include "TestData.h"

#include "crypto/Backend.h"
#include "crypto/Key.h"
#include "crypto/PreparedVerifier.h"
#include "crypto/Signature.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/Thumbprint.h"
#include "validation/Verifier.h"

#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using jwb::crypto::Algorithm;
using jwb::crypto::Curve;
using jwb::crypto::Key;
using jwb::crypto::KeyType;
using jwb::crypto::PemFormat;
namespace Algorithms = jwb::crypto::Algorithms;
namespace Signature = jwb::crypto::Signature;

Q_DECLARE_METATYPE(jwb::crypto::Algorithm)
Q_DECLARE_METATYPE(jwb::crypto::Curve)

namespace {

QString errorText(const jwb::common::Error &e)
{
    return e.toString();
}

template<typename T> QByteArray describe(const jwb::common::Result<T> &r)
{
    return r.ok() ? QByteArray("ok") : r.error().toString().toUtf8();
}

QByteArray b64u(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromB64u(const QString &text)
{
    return QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
}

/// The public members of a JWK as the RFC prints it (drop d, p, q, dp, dq, qi).
QJsonObject publicPart(QJsonObject jwk)
{
    for (const char *m : {"d", "p", "q", "dp", "dq", "qi"})
        jwk.remove(QLatin1String(m));
    return jwk;
}

QJsonObject rfcFile(const QString &name)
{
    return jwb::test::readJson(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/") + name)).object();
}

/// DER INTEGER of an unsigned big-endian value.
QByteArray derInteger(QByteArray v)
{
    while (v.size() > 1 && v[0] == '\0')
        v.remove(0, 1);
    if (static_cast<unsigned char>(v[0]) & 0x80)
        v.prepend('\0');
    return QByteArray(1, '\x02') + QByteArray(1, static_cast<char>(v.size())) + v;
}

/// An ECDSA signature as DER (what OpenSSL and many libraries produce), from JWS's raw R||S.
QByteArray rawToDer(const QByteArray &raw)
{
    const qsizetype half = raw.size() / 2;
    const QByteArray body = derInteger(raw.left(half)) + derInteger(raw.mid(half));
    QByteArray out(1, '\x30');
    if (body.size() >= 128)
        out += '\x81';
    out += static_cast<char>(body.size());
    return out + body;
}

/// One bit flipped in the middle of `data`.
QByteArray flipBit(QByteArray data, qsizetype at = -1)
{
    const qsizetype i = at >= 0 ? at : data.size() / 2;
    data[i] = static_cast<char>(data[i] ^ 0x01);
    return data;
}

const QByteArray kInput = "eyJhbGciOiJ0ZXN0In0.eyJzdWIiOiJhbGljZSJ9";

} // namespace

class TestSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripGenerated_data();
    void roundTripGenerated();
    void roundTripFormats_data();
    void roundTripFormats();
    void rfcJws_data();
    void rfcJws();
    void rfcUnsecuredRejected_data();
    void rfcUnsecuredRejected();
    void cookbook_data();
    void cookbook();
    void thumbprints_data();
    void thumbprints();
    void rfc7517Sets_data();
    void rfc7517Sets();
    void keyMisfits_data();
    void keyMisfits();
    void signatureLengths_data();
    void signatureLengths();
    void malformedKeys_data();
    void malformedKeys();
    void encryptedPem();
    void ed25519Flavours_data();
    void ed25519Flavours();
    void ed25519SmallOrderR();
    void ed25519SpkiFastPath();
    void rfc8032Ed448();
    void newCurvesFromOpenssl_data();
    void newCurvesFromOpenssl();

private:
    Key generated(Algorithm alg);
    QByteArray openssl(const QStringList &args, const QString &outFile);

    QHash<int, Key> m_keys; // by key family: RSA shared by RS*/PS*, EC per curve, Ed25519, a secret per HS size
    QTemporaryDir m_dir;
    QString m_openssl;
    QHash<QString, QByteArray> m_files; // odd keys made by openssl, by name
};

void TestSignature::initTestCase()
{
    jwb::crypto::Backend::initialize();
    QVERIFY2(jwb::crypto::Backend::instance().problems().isEmpty(),
        qPrintable(jwb::crypto::Backend::instance().problems().join(u'\n')));
    QVERIFY(m_dir.isValid());
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (m_openssl.isEmpty())
        return; // the rows that need openssl-made keys skip
    const QString dir = m_dir.path();
    auto gen = [&](const QString &name, const QStringList &args) { m_files[name] = openssl(args, dir + u'/' + name); };
    gen(QStringLiteral("secp256k1.pem"),
        {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:secp256k1")});
    gen(QStringLiteral("ed448.pem"),
        {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ED448")});
    gen(QStringLiteral("rsa512.pem"),
        {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
            QStringLiteral("rsa_keygen_bits:512")});
    gen(QStringLiteral("p256.pem"),
        {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256")});
    // Public and DER forms of the odd keys.
    for (const QString &name : {QStringLiteral("secp256k1"), QStringLiteral("ed448"), QStringLiteral("rsa512")}) {
        m_files[name + QStringLiteral(".pub.pem")]
            = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), dir + u'/' + name + QStringLiteral(".pem"),
                          QStringLiteral("-pubout")},
                dir + u'/' + name + QStringLiteral(".pub.pem"));
        m_files[name + QStringLiteral(".der")]
            = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), dir + u'/' + name + QStringLiteral(".pem"),
                          QStringLiteral("-outform"), QStringLiteral("DER")},
                dir + u'/' + name + QStringLiteral(".der"));
    }
    // The P-256 key encrypted as PKCS#8 (passphrase "s3cret").
    m_files[QStringLiteral("p256.enc.pem")]
        = openssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-in"),
                      dir + QStringLiteral("/p256.pem"), QStringLiteral("-v2"), QStringLiteral("aes-256-cbc"),
                      QStringLiteral("-passout"), QStringLiteral("pass:s3cret")},
            dir + QStringLiteral("/p256.enc.pem"));
    // The 512-bit modulus, for a JWK of the same key ("Modulus=C10E...").
    m_files[QStringLiteral("rsa512.modulus")]
        = openssl({QStringLiteral("rsa"), QStringLiteral("-in"), dir + QStringLiteral("/rsa512.pem"),
                      QStringLiteral("-noout"), QStringLiteral("-modulus")},
            QString())
              .trimmed()
              .mid(8);
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        QVERIFY2(!it.value().isEmpty(), qPrintable(QStringLiteral("openssl did not produce ") + it.key()));
}

QByteArray TestSignature::openssl(const QStringList &args, const QString &outFile)
{
    QProcess p;
    p.start(m_openssl, outFile.isEmpty() ? args : QStringList(args) << QStringLiteral("-out") << outFile);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning().noquote() << "openssl" << args.join(u' ') << "failed:" << p.readAllStandardError();
        return {};
    }
    if (outFile.isEmpty())
        return p.readAllStandardOutput();
    QFile f(outFile);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Key TestSignature::generated(Algorithm alg)
{
    const KeyType type = Algorithms::keyType(alg);
    const int slot = type == KeyType::Oct
        ? 100 + Algorithms::hashBits(alg)
        : static_cast<int>(type) * 10 + static_cast<int>(Algorithms::requiredCurve(alg));
    if (!m_keys.contains(slot)) {
        auto k
            = Key::generate(type, type == KeyType::Oct ? Algorithms::hashBits(alg) : 0, Algorithms::requiredCurve(alg));
        if (!k)
            qWarning() << "generate failed:" << errorText(k.error());
        m_keys.insert(slot, k ? k.value() : Key());
    }
    return m_keys.value(slot);
}

void TestSignature::roundTripGenerated_data()
{
    QTest::addColumn<Algorithm>("alg");
    for (Algorithm a : Algorithms::all())
        QTest::newRow(qPrintable(Algorithms::name(a))) << a;
}

void TestSignature::roundTripGenerated()
{
    QFETCH(Algorithm, alg);
    QVERIFY(jwb::crypto::Backend::instance().isAvailable(alg));
    const Key key = generated(alg);
    QVERIFY(!key.isNull());
    QVERIFY(key.isPrivate());
    QCOMPARE(key.type(), Algorithms::keyType(alg));
    if (Algorithms::requiredCurve(alg) != Curve::None)
        QCOMPARE(key.curve(), Algorithms::requiredCurve(alg));

    const auto sig = Signature::sign(alg, key, kInput);
    QVERIFY2(sig.ok(), describe(sig).constData());
    const int expectedLength = Algorithms::family(alg) == jwb::crypto::AlgorithmFamily::Hmac
        ? Algorithms::hashBits(alg) / 8
        : key.type() == KeyType::Rsa  ? key.bits() / 8
        : key.type() == KeyType::Ec   ? 2 * jwb::crypto::curveCoordinateBytes(key.curve())
        : key.curve() == Curve::Ed448 ? 114
                                      : 64;
    QCOMPARE(sig->size(), expectedLength);

    // The private key and its public half both verify; the public half is what a verifier has.
    QVERIFY2(Signature::verify(alg, key, kInput, sig.value()).ok(), "private key does not verify its own signature");
    const Key pub = key.publicKey();
    QVERIFY(!pub.isNull());
    QCOMPARE(pub.isPrivate(), key.type() == KeyType::Oct);
    const auto verified = Signature::verify(alg, pub, kInput, sig.value());
    QVERIFY2(verified.ok(), describe(verified).constData());

    // Tampering with the input or the signature fails, with the stable code.
    const auto tamperedInput = Signature::verify(alg, pub, kInput + 'x', sig.value());
    QVERIFY(!tamperedInput.ok());
    QCOMPARE(tamperedInput.error().code, QStringLiteral("bad_signature"));
    const auto flipped = Signature::verify(alg, pub, kInput, flipBit(sig.value()));
    QVERIFY(!flipped.ok());
    QCOMPARE(flipped.error().code, QStringLiteral("bad_signature"));

    // A second, independent key of the same kind does not verify it (only cheap kinds: no second RSA key).
    if (key.type() != KeyType::Rsa) {
        const auto other = Key::generate(key.type(), key.type() == KeyType::Oct ? key.bits() : 0, key.curve());
        QVERIFY(other.ok());
        QVERIFY(!Signature::verify(alg, other.value(), kInput, sig.value()).ok());
    }

    // Deterministic algorithms reproduce the same signature; randomized ones differ but verify.
    const auto again = Signature::sign(alg, key, kInput);
    QVERIFY(again.ok());
    const bool randomized = Algorithms::family(alg) == jwb::crypto::AlgorithmFamily::Ecdsa
        || Algorithms::family(alg) == jwb::crypto::AlgorithmFamily::RsaPss;
    QCOMPARE(again.value() == sig.value(), !randomized);
    QVERIFY(Signature::verify(alg, pub, kInput, again.value()).ok());
}

void TestSignature::roundTripFormats_data()
{
    QTest::addColumn<Algorithm>("alg");
    QTest::addColumn<QString>("path");
    const QStringList paths = {QStringLiteral("jwk-pem-der-jwk"), QStringLiteral("type-specific-pem"),
        QStringLiteral("type-specific-der"), QStringLiteral("public-from-private"), QStringLiteral("public-pem"),
        QStringLiteral("public-der"), QStringLiteral("public-jwk")};
    for (Algorithm a : Algorithms::all())
        for (const QString &p : paths)
            QTest::addRow("%s %s", qPrintable(Algorithms::name(a)), qPrintable(p)) << a << p;
}

void TestSignature::roundTripFormats()
{
    QFETCH(Algorithm, alg);
    QFETCH(QString, path);
    const Key original = generated(alg);
    QVERIFY(!original.isNull());
    const KeyType type = original.type();
    const QJsonObject originalJwk = jwb::keys::Jwk::toJson(original, true);

    // Converts the key along `path`; `signer` must be able to sign when the path keeps the private key, and
    // `verifier` is the key a relying party ends up with.
    Key signer = original, verifier;
    if (path == u"jwk-pem-der-jwk") {
        auto jwk1 = jwb::keys::Jwk::fromJson(originalJwk);
        QVERIFY2(jwk1.ok(), describe(jwk1).constData());
        if (type == KeyType::Oct) {
            // A secret has no PEM or DER form: a clear error, not a crash.
            const auto pem = jwk1->key.toPem(true);
            QVERIFY(!pem.ok());
            QCOMPARE(pem.error().code, QStringLiteral("unsupported_format"));
            const auto der = jwk1->key.toDer(true);
            QVERIFY(!der.ok());
            QCOMPARE(der.error().code, QStringLiteral("unsupported_format"));
            signer = jwk1->key;
        } else {
            const auto pem = jwk1->key.toPem(true);
            QVERIFY2(pem.ok(), describe(pem).constData());
            QVERIFY(pem->startsWith("-----BEGIN PRIVATE KEY-----"));
            const auto fromPem = Key::fromPem(pem.value());
            QVERIFY2(fromPem.ok(), describe(fromPem).constData());
            const auto der = fromPem->toDer(true);
            QVERIFY2(der.ok(), describe(der).constData());
            const auto fromDer = Key::fromDer(der.value());
            QVERIFY2(fromDer.ok(), describe(fromDer).constData());
            QVERIFY(fromDer->isPrivate());
            signer = fromDer.value();
        }
        const QJsonObject back = jwb::keys::Jwk::toJson(signer, true);
        QCOMPARE(back, originalJwk);
        auto jwk2 = jwb::keys::Jwk::fromJson(back);
        QVERIFY2(jwk2.ok(), describe(jwk2).constData());
        signer = jwk2->key;
        verifier = original.publicKey();
    } else if (path == u"type-specific-pem" || path == u"type-specific-der") {
        const bool pem = path == u"type-specific-pem";
        const auto priv
            = pem ? original.toPem(true, PemFormat::TypeSpecific) : original.toDer(true, PemFormat::TypeSpecific);
        if (type == KeyType::Oct || type == KeyType::Okp) {
            // Secrets have no PEM at all; Ed25519 has no PKCS#1/SEC1 form.
            QVERIFY(!priv.ok());
            QCOMPARE(priv.error().code, QStringLiteral("unsupported_format"));
            return;
        }
        QVERIFY2(priv.ok(), describe(priv).constData());
        if (pem)
            QVERIFY2(priv->startsWith(
                         type == KeyType::Rsa ? "-----BEGIN RSA PRIVATE KEY-----" : "-----BEGIN EC PRIVATE KEY-----"),
                priv->left(40).constData());
        const auto back = pem ? Key::fromPem(priv.value()) : Key::fromDer(priv.value());
        QVERIFY2(back.ok(), describe(back).constData());
        QVERIFY(back->isPrivate());
        QVERIFY(back->samePublicKey(original));
        signer = back.value();
        // PKCS#1 has a public form too ("RSA PUBLIC KEY"); SEC1 has none (EC public keys use SPKI).
        const auto pub
            = pem ? original.toPem(false, PemFormat::TypeSpecific) : original.toDer(false, PemFormat::TypeSpecific);
        if (type == KeyType::Rsa) {
            QVERIFY2(pub.ok(), describe(pub).constData());
            if (pem)
                QVERIFY(pub->startsWith("-----BEGIN RSA PUBLIC KEY-----"));
            const auto pubKey = pem ? Key::fromPem(pub.value()) : Key::fromDer(pub.value());
            QVERIFY2(pubKey.ok(), describe(pubKey).constData());
            QVERIFY(!pubKey->isPrivate());
            verifier = pubKey.value();
        } else {
            QVERIFY(!pub.ok());
            QCOMPARE(pub.error().code, QStringLiteral("unsupported_format"));
            verifier = original.publicKey();
        }
    } else if (path == u"public-from-private") {
        verifier = original.publicKey();
        QVERIFY(verifier.samePublicKey(original));
        if (type != KeyType::Oct) {
            QVERIFY(!verifier.isPrivate());
            const QJsonObject pubJwk = jwb::keys::Jwk::toJson(verifier, true);
            QVERIFY(!pubJwk.contains(QLatin1String("d")));
            QCOMPARE(pubJwk, jwb::keys::Jwk::toJson(original, false));
            // A public key cannot sign, and cannot be written as a private key.
            const auto sig = Signature::sign(alg, verifier, kInput);
            QVERIFY(!sig.ok());
            QCOMPARE(sig.error().code, QStringLiteral("key_not_private"));
            const auto pem = verifier.toPem(true);
            QVERIFY(!pem.ok());
            QCOMPARE(pem.error().code, QStringLiteral("not_private"));
        }
    } else if (path == u"public-pem" || path == u"public-der") {
        const bool pem = path == u"public-pem";
        const auto bytes = pem ? original.toPem(false) : original.toDer(false);
        if (type == KeyType::Oct) {
            QVERIFY(!bytes.ok());
            QCOMPARE(bytes.error().code, QStringLiteral("unsupported_format"));
            return;
        }
        QVERIFY2(bytes.ok(), describe(bytes).constData());
        if (pem)
            QVERIFY(bytes->startsWith("-----BEGIN PUBLIC KEY-----"));
        else
            QCOMPARE(bytes.value(), original.spkiDer());
        const auto back = pem ? Key::fromPem(bytes.value()) : Key::fromDer(bytes.value());
        QVERIFY2(back.ok(), describe(back).constData());
        QVERIFY(!back->isPrivate());
        verifier = back.value();
    } else if (path == u"public-jwk") {
        const QJsonObject pubJwk = jwb::keys::Jwk::toJson(original, false);
        if (type != KeyType::Oct)
            for (const char *m : {"d", "p", "q", "dp", "dq", "qi"})
                QVERIFY2(!pubJwk.contains(QLatin1String(m)), m);
        const auto back = jwb::keys::Jwk::fromJson(pubJwk);
        QVERIFY2(back.ok(), describe(back).constData());
        verifier = back->key;
    }

    const auto sig = Signature::sign(alg, signer, kInput);
    QVERIFY2(sig.ok(), describe(sig).constData());
    QVERIFY2(Signature::verify(alg, original, kInput, sig.value()).ok(),
        "the original key rejects the converted key's signature");
    QVERIFY(!verifier.isNull());
    const auto verified = Signature::verify(alg, verifier, kInput, sig.value());
    QVERIFY2(verified.ok(), describe(verified).constData());
    QVERIFY(!Signature::verify(alg, verifier, kInput, flipBit(sig.value())).ok());
    QCOMPARE(jwb::keys::Thumbprint::base64Url(verifier), jwb::keys::Thumbprint::base64Url(original));
}

void TestSignature::rfcJws_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QString>("compact");
    QTest::addColumn<QByteArray>("signingInput");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<bool>("deterministic");
    QTest::addColumn<bool>("detached");

    if (!QFileInfo::exists(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/README.md"))))
        return;
    int rows = 0;
    for (const QString &file :
        {QStringLiteral("7515.json"), QStringLiteral("7520.json"), QStringLiteral("8037.json")}) {
        const QJsonObject doc = rfcFile(file);
        const QJsonObject keys = doc.value(QLatin1String("keys")).toObject();
        const QJsonArray entries = doc.value(QLatin1String("jws")).toArray();
        for (const auto &ev : entries) {
            const QJsonObject e = ev.toObject();
            if (e.value(QLatin1String("expected")).toString() != u"valid")
                continue; // 7515 A.5 (alg none) is rfcUnsecuredRejected
            const QString keyId = e.value(QLatin1String("key")).toString();
            QTest::newRow(qPrintable(e.value(QLatin1String("id")).toString()))
                << e.value(QLatin1String("alg")).toString()
                << keys.value(keyId).toObject().value(QLatin1String("jwk")).toObject()
                << e.value(QLatin1String("compact")).toString()
                << e.value(QLatin1String("signing_input")).toString().toLatin1()
                << QByteArray::fromHex(e.value(QLatin1String("signature_hex")).toString().toLatin1())
                << e.value(QLatin1String("deterministic")).toBool() << e.contains(QLatin1String("detached_payload"));
            ++rows;
        }
    }
    // 7515 A.1-A.4, 7520 4.1-4.5, 8037 A.4.
    QCOMPARE(rows, 10);
}

void TestSignature::rfcJws()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/README.md");
    QFETCH(QString, alg);
    QFETCH(QJsonObject, jwk);
    QFETCH(QString, compact);
    QFETCH(QByteArray, signingInput);
    QFETCH(QByteArray, signature);
    QFETCH(bool, deterministic);
    QFETCH(bool, detached);

    const auto algorithm = Algorithms::fromName(alg);
    QVERIFY(algorithm);
    QCOMPARE(signature, fromB64u(compact.section(u'.', 2)));

    // Verify with the public part only.
    const auto pub = jwb::keys::Jwk::fromJson(publicPart(jwk));
    QVERIFY2(pub.ok(), describe(pub).constData());
    QCOMPARE(pub->key.isPrivate(), pub->key.type() == KeyType::Oct);
    const auto ok = Signature::verify(*algorithm, pub->key, signingInput, signature);
    QVERIFY2(ok.ok(), describe(ok).constData());

    // One bit flipped anywhere (first, middle, last byte) fails; so does one byte appended to the input.
    for (qsizetype at : {qsizetype(0), signature.size() / 2, signature.size() - 1}) {
        const auto bad = Signature::verify(*algorithm, pub->key, signingInput, flipBit(signature, at));
        QVERIFY2(!bad.ok(), qPrintable(QStringLiteral("bit flip at %1 accepted").arg(at)));
    }
    QVERIFY(!Signature::verify(*algorithm, pub->key, signingInput + 'A', signature).ok());

    // Deterministic algorithms re-sign byte-identically with the private key.
    const auto priv = jwb::keys::Jwk::fromJson(jwk);
    QVERIFY2(priv.ok(), describe(priv).constData());
    QVERIFY(priv->key.isPrivate());
    const auto resigned = Signature::sign(*algorithm, priv->key, signingInput);
    QVERIFY2(resigned.ok(), describe(resigned).constData());
    if (deterministic)
        QCOMPARE(resigned.value().toHex(), signature.toHex());
    else
        QVERIFY(Signature::verify(*algorithm, pub->key, signingInput, resigned.value()).ok());

    // The whole compact JWS through the Verifier: the signature check passes with the public key. (Detached
    // content has an empty payload segment, so the compact form alone cannot verify.)
    jwb::validation::Policy policy;
    policy.clock = jwb::common::Clock::fixed(QDateTime(QDate(2011, 3, 22), QTime(0, 0), QTimeZone::utc()));
    const auto report = jwb::validation::Verifier::verify(
        compact, jwb::keys::JwkSet::fromKey(pub.value(), QStringLiteral("JWK")), policy);
    QVERIFY(!report.malformed);
    const auto *sigCheck = report.check(QStringLiteral("signature"));
    QVERIFY(sigCheck);
    QVERIFY2(sigCheck->ok() != detached, qPrintable(sigCheck->detail));
    QCOMPARE(report.check(QStringLiteral("alg"))->ok(), true);
    QCOMPARE(report.algorithm, algorithm);
}

void TestSignature::rfcUnsecuredRejected_data()
{
    // RFC 7515 A.5 (alg "none", empty signature) against each RFC 7515 key: a verify call given a key rejects it.
    QTest::addColumn<QString>("compact");
    QTest::addColumn<QJsonObject>("jwk");
    if (!QFileInfo::exists(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/7515.json"))))
        return;
    const QJsonObject doc = rfcFile(QStringLiteral("7515.json"));
    QString compact;
    const QJsonArray entries = doc.value(QLatin1String("jws")).toArray();
    for (const auto &e : entries)
        if (e.toObject().value(QLatin1String("expected")).toString() == u"unsecured")
            compact = e.toObject().value(QLatin1String("compact")).toString();
    const QJsonObject keys = doc.value(QLatin1String("keys")).toObject();
    for (auto it = keys.begin(); it != keys.end(); ++it)
        QTest::newRow(qPrintable(QStringLiteral("A.5 with key ") + it.key()))
            << compact << publicPart(it.value().toObject().value(QLatin1String("jwk")).toObject());
}

void TestSignature::rfcUnsecuredRejected()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7515.json");
    QFETCH(QString, compact);
    QFETCH(QJsonObject, jwk);
    QVERIFY(compact.endsWith(u'.'));
    const auto set = jwb::keys::JwkSet::fromJsonObject(jwk);
    QVERIFY(set.ok());
    jwb::validation::Policy policy;
    policy.clock = jwb::common::Clock::fixed(QDateTime(QDate(2011, 3, 22), QTime(0, 0), QTimeZone::utc()));
    const auto report = jwb::validation::Verifier::verify(compact, set.value(), policy);
    QVERIFY(!report.valid);
    QVERIFY(!report.malformed);
    QVERIFY(!report.algorithm.has_value());
    const auto *alg = report.check(QStringLiteral("alg"));
    QVERIFY(alg);
    QVERIFY(!alg->ok());
    QVERIFY2(alg->detail.contains(QLatin1String("none")), qPrintable(alg->detail));
    const auto *sig = report.check(QStringLiteral("signature"));
    QVERIFY(sig);
    QVERIFY(!sig->ok());
    // No policy can opt in: the only-accepted algorithm is typed, and "none" is not one.
    QVERIFY(!Algorithms::fromName(QStringLiteral("none")).has_value());
}

void TestSignature::cookbook_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QString>("compact");
    QTest::addColumn<QByteArray>("signingInput");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<bool>("reproducible");

    const QString dir = jwb::test::sharedPath(QStringLiteral("testvectors/jose-cookbook/"));
    if (!QFileInfo::exists(dir + QStringLiteral("SOURCE.md")))
        return;
    QStringList files;
    const QStringList jws
        = QDir(dir + QStringLiteral("jws")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const auto &f : jws)
        files.append(QStringLiteral("jws/") + f);
    files.append(QStringLiteral("curve25519/jws.json"));
    int compactForms = 0;
    for (const QString &f : std::as_const(files)) {
        const QJsonObject doc = jwb::test::readJson(dir + f).object();
        const QJsonObject output = doc.value(QLatin1String("output")).toObject();
        if (!output.contains(QLatin1String("compact")))
            continue; // 4.6-4.8 exist only as JSON serializations
        const QJsonObject signing = doc.value(QLatin1String("signing")).toObject();
        const QJsonObject input = doc.value(QLatin1String("input")).toObject();
        QTest::newRow(qPrintable(f)) << input.value(QLatin1String("alg")).toString()
                                     << input.value(QLatin1String("key")).toObject()
                                     << output.value(QLatin1String("compact")).toString()
                                     << signing.value(QLatin1String("sig-input")).toString().toLatin1()
                                     << fromB64u(signing.value(QLatin1String("sig")).toString())
                                     << doc.value(QLatin1String("reproducible")).toBool();
        ++compactForms;
    }
    QCOMPARE(compactForms, 6); // 4.1-4.5 and the Ed25519 example
}

void TestSignature::cookbook()
{
    JWB_REQUIRE_SHARED("testvectors/jose-cookbook/SOURCE.md");
    QFETCH(QString, alg);
    QFETCH(QJsonObject, jwk);
    QFETCH(QString, compact);
    QFETCH(QByteArray, signingInput);
    QFETCH(QByteArray, signature);
    QFETCH(bool, reproducible);

    const auto algorithm = Algorithms::fromName(alg);
    QVERIFY(algorithm);
    const auto pub = jwb::keys::Jwk::fromJson(publicPart(jwk));
    QVERIFY2(pub.ok(), describe(pub).constData());
    const auto ok = Signature::verify(*algorithm, pub->key, signingInput, signature);
    QVERIFY2(ok.ok(), describe(ok).constData());
    QVERIFY(!Signature::verify(*algorithm, pub->key, signingInput, flipBit(signature)).ok());
    QCOMPARE(b64u(signature), compact.section(u'.', 2).toLatin1());
    if (reproducible) {
        const auto priv = jwb::keys::Jwk::fromJson(jwk);
        QVERIFY2(priv.ok(), describe(priv).constData());
        const auto again = Signature::sign(*algorithm, priv->key, signingInput);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), signature);
    }
}

void TestSignature::thumbprints_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QByteArray>("canonical");
    QTest::addColumn<QString>("thumbprint");
    QTest::addColumn<QByteArray>("hex");

    if (!QFileInfo::exists(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/README.md"))))
        return;
    for (const QString &file : {QStringLiteral("7638.json"), QStringLiteral("8037.json")}) {
        const QJsonObject doc = rfcFile(file);
        const QJsonObject keys = doc.value(QLatin1String("keys")).toObject();
        const QJsonArray tps = doc.value(QLatin1String("thumbprints")).toArray();
        for (const auto &tv : tps) {
            const QJsonObject t = tv.toObject();
            QTest::newRow(qPrintable(t.value(QLatin1String("id")).toString()))
                << keys.value(t.value(QLatin1String("key")).toString())
                       .toObject()
                       .value(QLatin1String("jwk"))
                       .toObject()
                << t.value(QLatin1String("canonical_json")).toString().toUtf8()
                << t.value(QLatin1String("thumbprint_b64u")).toString()
                << t.value(QLatin1String("thumbprint_hex")).toString().toLatin1();
        }
    }
    // RFC 8037 A.1: the private key has the same thumbprint as its public half.
    const QJsonObject okp = rfcFile(QStringLiteral("8037.json")).value(QLatin1String("keys")).toObject();
    QTest::newRow("rfc8037 A.1 private")
        << okp.value(QLatin1String("A.1")).toObject().value(QLatin1String("jwk")).toObject()
        << QByteArray(R"({"crv":"Ed25519","kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})")
        << QStringLiteral("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
        << QByteArray("90facafea9b1556698540f70c0117a22ea37bd5cf3ed3c47093c1707282b4b89");
    // The value README.md derives for the RFC 7517 A.1 EC key (kid "1"), agreed by two implementations.
    const QJsonObject set = rfcFile(QStringLiteral("7517.json")).value(QLatin1String("jwk_sets")).toObject();
    const QJsonObject ec = set.value(QLatin1String("A.1"))
                               .toObject()
                               .value(QLatin1String("jwks"))
                               .toObject()
                               .value(QLatin1String("keys"))
                               .toArray()
                               .at(0)
                               .toObject();
    QTest::newRow("rfc7517 A.1 EC (derived)")
        << ec << QByteArray() << QStringLiteral("cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s") << QByteArray();
}

void TestSignature::thumbprints()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/README.md");
    QFETCH(QJsonObject, jwk);
    QFETCH(QByteArray, canonical);
    QFETCH(QString, thumbprint);
    QFETCH(QByteArray, hex);
    const auto parsed = jwb::keys::Jwk::fromJson(jwk);
    QVERIFY2(parsed.ok(), describe(parsed).constData());
    if (!canonical.isEmpty())
        QCOMPARE(jwb::keys::Thumbprint::canonicalJson(parsed->key), canonical);
    if (!hex.isEmpty())
        QCOMPARE(jwb::keys::Thumbprint::compute(parsed->key).toHex(), hex);
    QCOMPARE(jwb::keys::Thumbprint::base64Url(parsed->key), thumbprint);
    QCOMPARE(parsed->thumbprint(), thumbprint);
    // Metadata (alg, kid, use) is not part of the thumbprint.
    QJsonObject extra = jwk;
    extra.insert(QStringLiteral("kid"), QStringLiteral("something else"));
    extra.insert(QStringLiteral("use"), QStringLiteral("sig"));
    QCOMPARE(jwb::keys::Jwk::fromJson(extra)->thumbprint(), thumbprint);
    // Other hashes differ in length.
    QCOMPARE(jwb::keys::Thumbprint::compute(parsed->key, jwb::keys::ThumbprintHash::Sha384).size(), 48);
    QCOMPARE(jwb::keys::Thumbprint::compute(parsed->key, jwb::keys::ThumbprintHash::Sha512).size(), 64);
}

void TestSignature::rfc7517Sets_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QStringList>("kids");
    QTest::addColumn<bool>("privateKeys");
    QTest::addColumn<bool>("x5c");

    if (!QFileInfo::exists(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/7517.json"))))
        return;
    const QJsonObject doc = rfcFile(QStringLiteral("7517.json"));
    const QJsonObject sets = doc.value(QLatin1String("jwk_sets")).toObject();
    auto jwks = [&](const char *s) {
        return sets.value(QLatin1String(s)).toObject().value(QLatin1String("jwks")).toObject();
    };
    QTest::newRow("A.1 public") << jwks("A.1") << QStringList {QStringLiteral("EC P-256"), QStringLiteral("RSA 2048")}
                                << QStringList {QStringLiteral("1"), QStringLiteral("2011-04-29")} << false << false;
    QTest::newRow("A.2 private") << jwks("A.2")
                                 << QStringList {QStringLiteral("EC P-256 private"), QStringLiteral("RSA 2048 private")}
                                 << QStringList {QStringLiteral("1"), QStringLiteral("2011-04-29")} << true << false;
    QTest::newRow("A.3 symmetric") << jwks("A.3")
                                   << QStringList {QStringLiteral("oct 128 bits"), QStringLiteral("oct 512 bits")}
                                   << QStringList {QString(),
                                          QStringLiteral("HMAC key used in JWS spec Appendix A.1 example")}
                                   << false << false;
    QTest::newRow("B x5c") << doc.value(QLatin1String("keys"))
                                  .toObject()
                                  .value(QLatin1String("B"))
                                  .toObject()
                                  .value(QLatin1String("jwk"))
                                  .toObject()
                           << QStringList {QStringLiteral("RSA 2048")} << QStringList {QStringLiteral("1b94c")} << false
                           << true;
}

void TestSignature::rfc7517Sets()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, types);
    QFETCH(QStringList, kids);
    QFETCH(bool, privateKeys);
    QFETCH(bool, x5c);
    const auto set = jwb::keys::JwkSet::fromJsonObject(json);
    QVERIFY2(set.ok(), describe(set).constData());
    QVERIFY(set->skipped.isEmpty());
    QCOMPARE(set->keys.size(), types.size());
    QStringList gotTypes;
    for (const auto &k : set->keys)
        gotTypes.append(k.key.description());
    QCOMPARE(gotTypes, types);
    QCOMPARE(set->kids(), kids);
    bool hasPrivateFinding = false;
    for (const auto &f : set->findings) {
        hasPrivateFinding = hasPrivateFinding || f.code == u"private_keys_in_set";
        QVERIFY2(f.code != u"duplicate_kid" && f.code != u"mixed_key_set" && f.code != u"unusable_key",
            qPrintable(f.message));
    }
    QCOMPARE(hasPrivateFinding, privateKeys);
    if (x5c) {
        const auto &k = set->keys.first();
        QCOMPARE(k.x5c.size(), 1);
        const auto cert = Key::fromDer(k.x5c.first());
        QVERIFY(cert.ok());
        QVERIFY(cert->hasCertificate());
        QVERIFY2(cert->certificate().subject.contains(QLatin1String("Brian Campbell")),
            qPrintable(cert->certificate().subject));
        QVERIFY(cert->samePublicKey(k.key));
    }
    // The public JSON of every key has no private members, whatever was loaded.
    const QJsonObject pub = set->toJson(false);
    const QJsonArray arr = pub.value(QLatin1String("keys")).toArray();
    for (const auto &k : arr)
        if (k.toObject().value(QLatin1String("kty")).toString() != u"oct")
            QVERIFY(!k.toObject().contains(QLatin1String("d")));
}

void TestSignature::keyMisfits_data()
{
    QTest::addColumn<Algorithm>("alg");
    QTest::addColumn<Algorithm>("keyFor"); // the algorithm whose generated key is used
    QTest::addColumn<bool>("publicOnly");
    QTest::addColumn<bool>("forSigning");
    QTest::addColumn<QString>("code");

    const QString mismatch = QStringLiteral("key_algorithm_mismatch");
    QTest::newRow("HS256 with an RSA public key (algorithm confusion)")
        << Algorithm::HS256 << Algorithm::RS256 << true << false << mismatch;
    QTest::newRow("HS256 with an RSA private key") << Algorithm::HS256 << Algorithm::RS256 << false << true << mismatch;
    QTest::newRow("HS512 with an EC public key") << Algorithm::HS512 << Algorithm::ES256 << true << false << mismatch;
    QTest::newRow("HS256 with an Ed25519 public key")
        << Algorithm::HS256 << Algorithm::EdDSA << true << false << mismatch;
    QTest::newRow("ES256 with a P-384 key") << Algorithm::ES256 << Algorithm::ES384 << true << false << mismatch;
    QTest::newRow("ES256 with a P-384 key, signing")
        << Algorithm::ES256 << Algorithm::ES384 << false << true << mismatch;
    QTest::newRow("ES512 with a P-256 key") << Algorithm::ES512 << Algorithm::ES256 << true << false << mismatch;
    QTest::newRow("RS256 with an EC key") << Algorithm::RS256 << Algorithm::ES256 << true << false << mismatch;
    QTest::newRow("PS256 with an Ed25519 key") << Algorithm::PS256 << Algorithm::EdDSA << false << true << mismatch;
    QTest::newRow("EdDSA with an EC key") << Algorithm::EdDSA << Algorithm::ES256 << true << false << mismatch;
    QTest::newRow("ES256K with a P-256 key") << Algorithm::ES256K << Algorithm::ES256 << true << false << mismatch;
    QTest::newRow("ES256 with a secp256k1 key") << Algorithm::ES256 << Algorithm::ES256K << false << true << mismatch;
    QTest::newRow("Ed25519 with an Ed448 key") << Algorithm::Ed25519 << Algorithm::Ed448 << true << false << mismatch;
    QTest::newRow("Ed448 with an Ed25519 key") << Algorithm::Ed448 << Algorithm::EdDSA << false << true << mismatch;
    QTest::newRow("Ed448 with an EC key") << Algorithm::Ed448 << Algorithm::ES256K << true << false << mismatch;
    QTest::newRow("ES256 with a secret") << Algorithm::ES256 << Algorithm::HS256 << false << true << mismatch;
    QTest::newRow("RS256 with a secret") << Algorithm::RS256 << Algorithm::HS512 << false << false << mismatch;
    QTest::newRow("sign RS256 with a public key")
        << Algorithm::RS256 << Algorithm::RS256 << true << true << QStringLiteral("key_not_private");
    QTest::newRow("sign PS384 with a public key")
        << Algorithm::PS384 << Algorithm::PS384 << true << true << QStringLiteral("key_not_private");
    QTest::newRow("sign ES384 with a public key")
        << Algorithm::ES384 << Algorithm::ES384 << true << true << QStringLiteral("key_not_private");
    QTest::newRow("sign EdDSA with a public key")
        << Algorithm::EdDSA << Algorithm::EdDSA << true << true << QStringLiteral("key_not_private");
    QTest::newRow("no key") << Algorithm::RS256 << Algorithm::RS256 << false << false << QStringLiteral("no_key");
}

void TestSignature::keyMisfits()
{
    QFETCH(Algorithm, alg);
    QFETCH(Algorithm, keyFor);
    QFETCH(bool, publicOnly);
    QFETCH(bool, forSigning);
    QFETCH(QString, code);
    Key key = generated(keyFor);
    if (publicOnly)
        key = key.publicKey();
    if (code == u"no_key")
        key = Key();

    const auto fits = Signature::checkKeyFits(alg, key, forSigning);
    QVERIFY(!fits.ok());
    QCOMPARE(fits.error().code, code);
    QVERIFY(!fits.error().message.isEmpty());
    if (forSigning) {
        const auto sig = Signature::sign(alg, key, kInput);
        QVERIFY(!sig.ok());
        QCOMPARE(sig.error().code, code);
    } else {
        // Whatever signature is offered (here: a real one made by the key's own algorithm), verify refuses on
        // the key, before any cryptography.
        const auto own = Signature::sign(keyFor, generated(keyFor), kInput);
        QVERIFY(own.ok());
        const auto verified = Signature::verify(alg, key, kInput, own.value());
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, code);
    }
    if (code == u"key_algorithm_mismatch" && alg == Algorithm::HS256 && keyFor == Algorithm::RS256)
        QVERIFY2(fits.error().message.contains(QLatin1String("confusion")), qPrintable(fits.error().message));
}

void TestSignature::signatureLengths_data()
{
    QTest::addColumn<Algorithm>("alg");
    QTest::addColumn<QString>("change");
    for (Algorithm a : Algorithms::all()) {
        for (const char *c : {"truncated", "extended", "empty", "doubled"})
            QTest::addRow("%s %s", qPrintable(Algorithms::name(a)), c) << a << QString::fromLatin1(c);
        if (Algorithms::family(a) == jwb::crypto::AlgorithmFamily::Ecdsa) {
            QTest::addRow("%s DER-encoded", qPrintable(Algorithms::name(a))) << a << QStringLiteral("der");
            QTest::addRow("%s DER-encoded, padded to length", qPrintable(Algorithms::name(a)))
                << a << QStringLiteral("der-padded");
        }
    }
}

void TestSignature::signatureLengths()
{
    QFETCH(Algorithm, alg);
    QFETCH(QString, change);
    const Key key = generated(alg);
    const auto sig = Signature::sign(alg, key, kInput);
    QVERIFY(sig.ok());
    const QByteArray good = sig.value();
    QByteArray bad;
    if (change == u"truncated")
        bad = good.chopped(1);
    else if (change == u"extended")
        bad = good + '\0';
    else if (change == u"doubled")
        bad = good + good;
    else if (change == u"der")
        bad = rawToDer(good);
    else if (change == u"der-padded") {
        // A DER signature zero-padded to the raw length must still fail, on the signature itself.
        bad = rawToDer(good);
        bad = bad.leftJustified(good.size(), '\0', true);
    }
    const auto verified = Signature::verify(alg, key.publicKey(), kInput, bad);
    QVERIFY(!verified.ok());
    if (change == u"der-padded") {
        QCOMPARE(verified.error().code, QStringLiteral("bad_signature"));
        return;
    }
    QCOMPARE(verified.error().code, QStringLiteral("signature_length"));
    if (change == u"der")
        QVERIFY2(verified.error().message.contains(QLatin1String("DER")), qPrintable(verified.error().message));
    QVERIFY(Signature::verify(alg, key.publicKey(), kInput, good).ok());
}

void TestSignature::malformedKeys_data()
{
    QTest::addColumn<QString>("kind"); // pem, der, jwk
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("code");

    const QByteArray rsaPem = generated(Algorithm::RS256).toPem(true).valueOr({});
    const QByteArray ecPub = generated(Algorithm::ES256).toPem(false).valueOr({});
    QTest::newRow("truncated PEM (no END line)")
        << QStringLiteral("pem") << rsaPem.left(rsaPem.size() / 2) << QStringLiteral("invalid_pem");
    // Bytes of the modulus overwritten: the body still parses, but n no longer matches p and q.
    QTest::newRow("PEM with a corrupted body")
        << QStringLiteral("pem") << QByteArray(rsaPem).replace(100, 40, QByteArray(40, 'A'))
        << QStringLiteral("inconsistent_key");
    QTest::newRow("PEM body cut in the middle")
        << QStringLiteral("pem") << QByteArray(ecPub.left(60) + "\n-----END PUBLIC KEY-----\n")
        << QStringLiteral("invalid_pem");
    QTest::newRow("not PEM at all") << QStringLiteral("pem") << QByteArray("hello") << QStringLiteral("invalid_pem");
    QTest::newRow("garbage DER") << QStringLiteral("der") << QByteArray::fromHex("3003020101ff")
                                 << QStringLiteral("invalid_der");
    QTest::newRow("random bytes as DER") << QStringLiteral("der") << QByteArray(300, '\x5a')
                                         << QStringLiteral("invalid_der");
    QTest::newRow("empty DER") << QStringLiteral("der") << QByteArray() << QStringLiteral("invalid_der");
    const QByteArray spki = generated(Algorithm::ES256).spkiDer();
    QTest::newRow("truncated DER SPKI") << QStringLiteral("der") << spki.chopped(10) << QStringLiteral("invalid_der");

    auto jwk = [](const char *json) { return QByteArray(json); };
    QTest::newRow("JWK without kty") << QStringLiteral("jwk") << jwk(R"({"n":"AQAB","e":"AQAB"})")
                                     << QStringLiteral("invalid_jwk");
    QTest::newRow("JWK kty not a string")
        << QStringLiteral("jwk") << jwk(R"({"kty":1})") << QStringLiteral("invalid_jwk");
    QTest::newRow("JWK unknown kty") << QStringLiteral("jwk") << jwk(R"({"kty":"DSA","y":"AQAB"})")
                                     << QStringLiteral("unsupported_jwk");
    QTest::newRow("RSA JWK without n") << QStringLiteral("jwk") << jwk(R"({"kty":"RSA","e":"AQAB"})")
                                       << QStringLiteral("invalid_jwk");
    QTest::newRow("RSA JWK without e") << QStringLiteral("jwk") << jwk(R"({"kty":"RSA","n":"sXch"})")
                                       << QStringLiteral("invalid_jwk");
    QTest::newRow("RSA JWK n not a string")
        << QStringLiteral("jwk") << jwk(R"({"kty":"RSA","n":12,"e":"AQAB"})") << QStringLiteral("invalid_jwk");
    QTest::newRow("RSA JWK n not base64url")
        << QStringLiteral("jwk") << jwk(R"({"kty":"RSA","n":"!!!","e":"AQAB"})") << QStringLiteral("invalid_jwk");
    QTest::newRow("EC JWK without y") << QStringLiteral(
        "jwk") << jwk(R"({"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4"})")
                                      << QStringLiteral("invalid_jwk");
    QTest::newRow("EC JWK without crv")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"EC","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"})")
        << QStringLiteral("invalid_jwk");
    QTest::newRow("oct JWK without k") << QStringLiteral("jwk") << jwk(R"({"kty":"oct"})")
                                       << QStringLiteral("invalid_jwk");
    QTest::newRow("oct JWK with empty k")
        << QStringLiteral("jwk") << jwk(R"({"kty":"oct","k":""})") << QStringLiteral("invalid_jwk");
    QTest::newRow("OKP JWK without x") << QStringLiteral("jwk") << jwk(R"({"kty":"OKP","crv":"Ed25519"})")
                                       << QStringLiteral("invalid_jwk");
    // RFC 7517 A.1's P-256 point labelled secp256k1: not on that curve (the invalid-curve check holds for ES256K).
    QTest::newRow("P-256 point as secp256k1 JWK")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"EC","crv":"secp256k1","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"})")
        << QStringLiteral("invalid_key");
    QTest::newRow("Ed448 x of 56 bytes")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"OKP","crv":"Ed448","x":"X9dEm1m0Yf0s54fsYWrUah2hNCSFpw4fig6nXYDpZ3jt8SR2m0bHBhvWeD3x5Q9s0foavq_oJWE"})")
        << QStringLiteral("invalid_key");
    QTest::newRow("Ed25519-sized x as Ed448 JWK")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"OKP","crv":"Ed448","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})")
        << QStringLiteral("invalid_key");
    // X25519 keys load (ECDH-ES for JWE; they never sign: tst_encryption), but their x is 32 bytes.
    QTest::newRow("X25519 JWK with a 31-byte x")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"OKP","crv":"X25519","x":"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTm"})")
        << QStringLiteral("invalid_key");
    QTest::newRow("EC JWK with an Ed25519 crv")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"EC","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","y":"AA"})")
        << QStringLiteral("unsupported_curve");
    // RFC 7517 A.1's EC point with the last bit of y flipped: not on P-256.
    QTest::newRow("off-curve EC point")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyE"})")
        << QStringLiteral("invalid_key");
    QTest::newRow("EC x of the wrong length")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7A","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"})")
        << QStringLiteral("invalid_key");
    QTest::newRow("EC d that does not match the point")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","d":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE"})")
        << QStringLiteral("inconsistent_key");
    QTest::newRow("Ed25519 d that does not match x")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})")
        << QStringLiteral("inconsistent_key");
    QTest::newRow("Ed25519 x of 31 bytes")
        << QStringLiteral("jwk")
        << jwk(R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUQ"})")
        << QStringLiteral("invalid_key");
    // RSA keys derived from a real modulus: exponent 1, an even modulus, and 512 bits.
    const QByteArray n = generated(Algorithm::RS256).rsa().n;
    auto rsaJwk = [](const QByteArray &modulus, const QByteArray &e) {
        return QJsonDocument(QJsonObject {{QStringLiteral("kty"), QStringLiteral("RSA")},
                                 {QStringLiteral("n"), QString::fromLatin1(b64u(modulus))},
                                 {QStringLiteral("e"), QString::fromLatin1(b64u(e))}})
            .toJson();
    };
    QByteArray even = n;
    even[even.size() - 1] = static_cast<char>(even.back() & 0xfe);
    QTest::newRow("RSA exponent 1") << QStringLiteral("jwk") << rsaJwk(n, QByteArray(1, '\x01'))
                                    << QStringLiteral("invalid_key");
    QTest::newRow("RSA even exponent") << QStringLiteral("jwk") << rsaJwk(n, QByteArray::fromHex("010000"))
                                       << QStringLiteral("invalid_key");
    QTest::newRow("RSA even modulus") << QStringLiteral("jwk") << rsaJwk(even, QByteArray::fromHex("010001"))
                                      << QStringLiteral("invalid_key");
    if (!m_openssl.isEmpty())
        QTest::newRow("RSA 512-bit JWK") << QStringLiteral("jwk")
                                         << rsaJwk(QByteArray::fromHex(m_files.value(QStringLiteral("rsa512.modulus"))),
                                                QByteArray::fromHex("010001"))
                                         << QStringLiteral("key_too_small");
    QTest::newRow("multi-prime RSA (oth)")
        << QStringLiteral("jwk") << jwk(R"({"kty":"RSA","n":"sXch","e":"AQAB","d":"AQ","oth":[]})")
        << QStringLiteral("unsupported_jwk");

    // Keys made by the openssl command.
    auto file = [&](const char *name) { return m_files.value(QString::fromLatin1(name)); };
    if (!m_openssl.isEmpty()) {
        QTest::newRow("RSA 512-bit private PEM")
            << QStringLiteral("pem") << file("rsa512.pem") << QStringLiteral("key_too_small");
        QTest::newRow("RSA 512-bit public PEM")
            << QStringLiteral("pem") << file("rsa512.pub.pem") << QStringLiteral("key_too_small");
        QTest::newRow("RSA 512-bit DER") << QStringLiteral("der") << file("rsa512.der")
                                         << QStringLiteral("key_too_small");
        QTest::newRow("encrypted PKCS#8 without passphrase")
            << QStringLiteral("pem") << file("p256.enc.pem") << QStringLiteral("passphrase_required");
    }
}

void TestSignature::malformedKeys()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, data);
    QFETCH(QString, code);
    jwb::common::Error error;
    if (kind == u"pem") {
        const auto k = Key::fromPem(data);
        QVERIFY2(!k.ok(), "a malformed PEM key loaded");
        error = k.error();
    } else if (kind == u"der") {
        const auto k = Key::fromDer(data);
        QVERIFY2(!k.ok(), "a malformed DER key loaded");
        error = k.error();
    } else {
        const auto k = jwb::keys::Jwk::fromJson(QJsonDocument::fromJson(data).object());
        QVERIFY2(!k.ok(), "a malformed JWK loaded");
        error = k.error();
    }
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.size() > 10, qPrintable(error.message));
}

void TestSignature::encryptedPem()
{
    if (m_openssl.isEmpty())
        QSKIP("the openssl command is not installed");
    const QByteArray enc = m_files.value(QStringLiteral("p256.enc.pem"));
    QVERIFY(enc.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    const auto wrong = Key::fromPem(enc, "wrong");
    QVERIFY(!wrong.ok());
    const auto right = Key::fromPem(enc, "s3cret");
    QVERIFY2(right.ok(), describe(right).constData());
    QVERIFY(right->isPrivate());
    const auto plain = Key::fromPem(m_files.value(QStringLiteral("p256.pem")));
    QVERIFY(plain.ok());
    QVERIFY(right->samePublicKey(plain.value()));
    const auto sig = Signature::sign(Algorithm::ES256, right.value(), kInput);
    QVERIFY(sig.ok());
    QVERIFY(Signature::verify(Algorithm::ES256, plain->publicKey(), kInput, sig.value()).ok());
}

// Where the two Ed25519 flavours part: the 8 points of small order as public keys, in all 14 encodings, each with
// the signature forged without any private key (R = the identity, S = 0) over the messages "m0" to "m63". The
// masks (bit m set: message "m<m>" verified) were recorded from Go 1.19's crypto/ed25519.Verify, which go-jose
// and so KrakenD use; GoJose (OpenSSL) must reproduce them bit for bit, Strict (libsodium) must refuse them all,
// and the prepared verifier must answer as Signature::verify in either flavour.
void TestSignature::ed25519Flavours_data()
{
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<quint64>("goMask");
    struct Recorded
    {
        const char *x; // little-endian, as in a JWK's x
        quint64 mask;
    };
    const Recorded recorded[] = {
        {"0000000000000000000000000000000000000000000000000000000000000000", 0x8848082020002105ULL},
        {"0000000000000000000000000000000000000000000000000000000000000080", 0x8002022a40f03012ULL},
        {"0100000000000000000000000000000000000000000000000000000000000000", 0xffffffffffffffffULL},
        {"0100000000000000000000000000000000000000000000000000000000000080", 0xffffffffffffffffULL},
        {"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", 0x0204004004400021ULL},
        {"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", 0xc000020004cb0000ULL},
        {"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", 0x02009000c0c01500ULL},
        {"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", 0x0010868a08840d88ULL},
        {"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", 0x3a820c8671e7e326ULL},
        {"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 0x2827dd0ce78baffeULL},
        {"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", 0x000940c10891c224ULL},
        {"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 0x148a414004000914ULL},
        {"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", 0xffffffffffffffffULL},
        {"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 0xffffffffffffffffULL},
    };
    for (const auto &r : recorded)
        QTest::newRow(r.x) << QByteArray::fromHex(r.x) << r.mask;
}

void TestSignature::ed25519Flavours()
{
    QFETCH(QByteArray, publicKey);
    QFETCH(quint64, goMask);
    const auto key = Key::fromOkp({Curve::Ed25519, publicKey, {}});
    QVERIFY2(key.ok(), describe(key).constData());
    QVERIFY(key->isSmallOrder());
    QByteArray forged(64, '\0');
    forged[0] = 1; // R = the identity, S = 0
    auto strictPrepared = jwb::crypto::PreparedVerifier::create(Algorithm::EdDSA, key.value());
    auto goPrepared
        = jwb::crypto::PreparedVerifier::create(Algorithm::EdDSA, key.value(), jwb::crypto::VerifyFlavour::GoJose);
    QVERIFY(strictPrepared.ok() && goPrepared.ok());
    quint64 goJose = 0, strict = 0;
    for (int m = 0; m < 64; ++m) {
        const QByteArray message = "m" + QByteArray::number(m);
        const auto *sig = reinterpret_cast<const unsigned char *>(forged.constData());
        const bool go
            = Signature::verify(Algorithm::EdDSA, key.value(), message, forged, jwb::crypto::VerifyFlavour::GoJose)
                  .ok();
        const bool st = Signature::verify(Algorithm::EdDSA, key.value(), message, forged).ok();
        QCOMPARE(goPrepared->verify(message.constData(), static_cast<std::size_t>(message.size()), sig, 64), go);
        QCOMPARE(strictPrepared->verify(message.constData(), static_cast<std::size_t>(message.size()), sig, 64), st);
        goJose |= go ? quint64(1) << m : 0;
        strict |= st ? quint64(1) << m : 0;
    }
    QCOMPARE(QByteArray::number(goJose, 16), QByteArray::number(goMask, 16));
    QCOMPARE(strict, quint64(0));
}

// The other place the flavours part, with an honest key: a signature whose R is the identity (a point of small
// order), which only the key's holder can make (r = 0, S = k*a mod L). Go's crypto/ed25519 accepts it (checked
// with Go 1.19 when it was made), so GoJose must; libsodium refuses any R of small order, so Strict must. Key: RFC
// 8032 §7.1 TEST 1 (RFC 8037 A.1); the signature was computed from its secret scalar.
void TestSignature::ed25519SmallOrderR()
{
    const auto key = Key::fromOkp(
        {Curve::Ed25519, QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), {}});
    QVERIFY(key.ok());
    QVERIFY(!key->isSmallOrder());
    const QByteArray input = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJyLW9mLXNtYWxsLW9yZGVyIn0";
    const QByteArray signature
        = QByteArray::fromHex("0100000000000000000000000000000000000000000000000000000000000000"
                              "ee839777bc98a163b4e96f08a599a3c9fba1560b53a64e579ad1c2b39787db07");
    QVERIFY(
        Signature::verify(Algorithm::EdDSA, key.value(), input, signature, jwb::crypto::VerifyFlavour::GoJose).ok());
    const auto strict = Signature::verify(Algorithm::EdDSA, key.value(), input, signature);
    QVERIFY(!strict.ok());
    QCOMPARE(strict.error().code, QStringLiteral("bad_signature"));
    const auto *sig = reinterpret_cast<const unsigned char *>(signature.constData());
    QVERIFY(jwb::crypto::PreparedVerifier::create(Algorithm::EdDSA, key.value(), jwb::crypto::VerifyFlavour::GoJose)
                ->verify(input.constData(), static_cast<std::size_t>(input.size()), sig, 64));
    QVERIFY(!jwb::crypto::PreparedVerifier::create(Algorithm::EdDSA, key.value())
                 ->verify(input.constData(), static_cast<std::size_t>(input.size()), sig, 64));
    // A tampered input fails in both.
    QVERIFY(
        !Signature::verify(Algorithm::EdDSA, key.value(), input + 'x', signature, jwb::crypto::VerifyFlavour::GoJose)
             .ok());
}

// An Ed25519 SubjectPublicKeyInfo (PEM or DER) is read without OpenSSL's decoders (Key.cpp ed25519SpkiKey): the
// key must be the one OpenSSL's own decoding gives, and anything that is not exactly that structure must still go
// through OpenSSL.
void TestSignature::ed25519SpkiFastPath()
{
    const Key priv = Key::generate(KeyType::Okp, 0, Curve::Ed25519).value();
    const QByteArray der = priv.publicKey().toDer(false).value();
    const QByteArray pem = priv.publicKey().toPem(false).value();
    QCOMPARE(der.size(), 44);
    // OpenSSL's own reading of the same bytes, through a certificate-free path the fast path does not take: the
    // private key's public half.
    const Key reference = priv.publicKey();
    QByteArray crlf = pem;
    crlf.replace("\n", "\r\n");
    const QByteArray withTrailer = pem + "-----BEGIN CERTIFICATE-----\nnot read\n-----END CERTIFICATE-----\n";
    for (const auto &[what, loaded] : {std::pair {"DER", Key::fromDer(der)}, std::pair {"PEM", Key::fromPem(pem)},
             std::pair {"PEM, CRLF", Key::fromPem(crlf)}, std::pair {"PEM and more", Key::fromPem(withTrailer)}}) {
        QVERIFY2(loaded.ok(), what);
        QVERIFY2(loaded->samePublicKey(reference), what);
        QCOMPARE(loaded->type(), KeyType::Okp);
        QCOMPARE(loaded->curve(), Curve::Ed25519);
        QVERIFY(!loaded->isPrivate());
        QCOMPARE(loaded->description(), reference.description());
        QCOMPARE(loaded->okp().x, reference.okp().x);
        // And it verifies what the private key signs.
        const QByteArray sig = Signature::sign(Algorithm::EdDSA, priv, kInput).value();
        QVERIFY2(Signature::verify(Algorithm::EdDSA, loaded.value(), kInput, sig).ok(), what);
    }
    // The same 44 bytes with X25519's OID (1.3.101.110) are not an Ed25519 key: OpenSSL decides (and refuses it).
    QByteArray x25519 = der;
    x25519[8] = '\x6e';
    const auto refused = Key::fromDer(x25519);
    QVERIFY(!refused.ok() || refused->curve() != Curve::Ed25519);
    // One byte less is not the structure, and OpenSSL refuses it too.
    QVERIFY(!Key::fromDer(der.chopped(1)).ok());
}

QTEST_GUILESS_MAIN(TestSignature)
void TestSignature::rfc8032Ed448()
{
    // RFC 8032 §7.4, "-----Blank": the deterministic signature of the empty message, under RFC 9864's Ed448 and
    // under RFC 8037's EdDSA with the same key; both verify it, and a 64-byte (Ed25519-sized) signature is refused
    // by length.
    const QByteArray d
        = QByteArray::fromHex("6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f"
                              "044e39a3fc5b94492f8f032e7549a20098f95b");
    const QByteArray x
        = QByteArray::fromHex("5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b"
                              "46c7061bd6783df1e50f6cd1fa1abeafe8256180");
    const QByteArray expected
        = QByteArray::fromHex("533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a2"
                              "2ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7"
                              "cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600");
    const auto priv = Key::fromOkp({Curve::Ed448, x, d});
    QVERIFY2(priv.ok(), describe(priv).constData());
    QCOMPARE(priv->curve(), Curve::Ed448);
    QCOMPARE(priv->description(), QStringLiteral("OKP Ed448 private"));
    const auto pub = Key::fromOkp({Curve::Ed448, x, {}});
    QVERIFY2(pub.ok(), describe(pub).constData());
    for (const Algorithm alg : {Algorithm::Ed448, Algorithm::EdDSA}) {
        const auto sig = Signature::sign(alg, priv.value(), QByteArray());
        QVERIFY2(sig.ok(), describe(sig).constData());
        QCOMPARE(sig->toHex(), expected.toHex());
        QVERIFY(Signature::verify(alg, pub.value(), QByteArray(), expected).ok());
        QVERIFY(!Signature::verify(alg, pub.value(), QByteArray("x"), expected).ok());
        const auto short64 = Signature::verify(alg, pub.value(), QByteArray(), expected.left(64));
        QCOMPARE(short64.error().code, QStringLiteral("signature_length"));
    }
    // The JWK round trip keeps all 57 bytes, and RFC 9864's Ed25519 refuses the key.
    const QJsonObject jwk = jwb::keys::Jwk::toJson(pub.value(), false);
    QCOMPARE(jwk.value(QLatin1String("crv")).toString(), QStringLiteral("Ed448"));
    QCOMPARE(fromB64u(jwk.value(QLatin1String("x")).toString()), x);
    QCOMPARE(Signature::checkKeyFits(Algorithm::Ed25519, pub.value(), false).error().code,
        QStringLiteral("key_algorithm_mismatch"));
}

void TestSignature::newCurvesFromOpenssl_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Algorithm>("alg");
    QTest::addColumn<Curve>("curve");
    QTest::newRow("secp256k1 ES256K") << QStringLiteral("secp256k1") << Algorithm::ES256K << Curve::Secp256k1;
    QTest::newRow("Ed448 Ed448") << QStringLiteral("ed448") << Algorithm::Ed448 << Curve::Ed448;
    QTest::newRow("Ed448 EdDSA") << QStringLiteral("ed448") << Algorithm::EdDSA << Curve::Ed448;
}

void TestSignature::newCurvesFromOpenssl()
{
    // Keys made by the openssl command load from PEM, public PEM and DER as the same key on the right curve (signing
    // both ways against the openssl command: integration_tst_openssl_interop).
    if (m_openssl.isEmpty())
        QSKIP("the openssl command is not installed");
    QFETCH(QString, name);
    QFETCH(Algorithm, alg);
    QFETCH(Curve, curve);
    const auto priv = Key::fromPem(m_files.value(name + QStringLiteral(".pem")));
    QVERIFY2(priv.ok(), describe(priv).constData());
    QCOMPARE(priv->curve(), curve);
    QVERIFY(priv->isPrivate());
    const auto pub = Key::fromPem(m_files.value(name + QStringLiteral(".pub.pem")));
    const auto der = Key::fromDer(m_files.value(name + QStringLiteral(".der")));
    QVERIFY2(pub.ok() && der.ok(), describe(pub).constData());
    QVERIFY(pub->samePublicKey(priv.value()) && der->samePublicKey(priv.value()));
    const auto sig = Signature::sign(alg, priv.value(), kInput);
    QVERIFY2(sig.ok(), describe(sig).constData());
    QVERIFY(Signature::verify(alg, der.value(), kInput, sig.value()).ok());
}

#include "tst_signature.moc"
