// Interoperability with the `openssl` command for every algorithm family: keys are made by `openssl genpkey`
// and read through KeyLoader; (a) what we sign, openssl verifies (`dgst -verify`, with PSS options for PS*,
// `pkeyutl -verify -rawin` for Ed25519, the DER form of our raw R||S for ES*), and (b) what openssl signs, we
// verify (its DER ECDSA signatures turned into R||S here). HMAC tags are compared with `openssl dgst -mac HMAC`.
// Both tampered directions must fail too, so that a tool that accepts everything cannot pass.
#include "TestData.h"

#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "keys/KeyLoader.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using jwb::crypto::Algorithm;
namespace Algorithms = jwb::crypto::Algorithms;

Q_DECLARE_METATYPE(jwb::crypto::Algorithm)

namespace {

QByteArray derInteger(QByteArray v)
{
    while (v.size() > 1 && v[0] == '\0')
        v.remove(0, 1);
    if (static_cast<unsigned char>(v[0]) & 0x80)
        v.prepend('\0');
    return QByteArray(1, '\x02') + QByteArray(1, static_cast<char>(v.size())) + v;
}

/// JWS raw R||S → ASN.1 DER ECDSA-Sig-Value (what `openssl dgst` expects).
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

/// Reads one DER length at `pos` (short or long form), advancing `pos`; -1 when malformed.
qsizetype derLength(const QByteArray &der, qsizetype &pos)
{
    if (pos >= der.size())
        return -1;
    const auto first = static_cast<unsigned char>(der[pos++]);
    if (first < 0x80)
        return first;
    qsizetype len = 0;
    for (int i = 0; i < (first & 0x7f); ++i) {
        if (pos >= der.size())
            return -1;
        len = (len << 8) | static_cast<unsigned char>(der[pos++]);
    }
    return len;
}

/// DER ECDSA-Sig-Value → raw R||S, each half left-padded to `coordBytes`; empty when malformed.
QByteArray derToRaw(const QByteArray &der, int coordBytes)
{
    auto byteAt = [&](qsizetype i) { return i < der.size() ? der[i] : '\0'; };
    qsizetype pos = 0;
    if (byteAt(pos++) != '\x30' || derLength(der, pos) < 0)
        return {};
    QByteArray out;
    for (int i = 0; i < 2; ++i) {
        if (byteAt(pos++) != '\x02')
            return {};
        const qsizetype len = derLength(der, pos);
        if (len <= 0 || pos + len > der.size())
            return {};
        QByteArray v = der.mid(pos, len);
        pos += len;
        while (v.size() > coordBytes && v[0] == '\0')
            v.remove(0, 1);
        if (v.size() > coordBytes)
            return {};
        out += QByteArray(coordBytes - v.size(), '\0') + v;
    }
    return out;
}

QByteArray flipBit(QByteArray data)
{
    data[data.size() / 2] = static_cast<char>(data[data.size() / 2] ^ 0x01);
    return data;
}

const QByteArray kMessage = "eyJhbGciOiJFUzI1NiIsImtpZCI6Im9wZW5zc2wifQ.eyJzdWIiOiJpbnRlcm9wIiwiZXhwIjoxOTAwMDAwMDAwfQ";

} // namespace

class TestOpensslInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signatures_data();
    void signatures();
    void hmac_data();
    void hmac();

private:
    struct Proc
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    Proc openssl(const QStringList &args, const QByteArray &stdinData = QByteArray());
    QString write(const QString &name, const QByteArray &data);
    QByteArray read(const QString &name);
    /// The key files for `alg`'s family, made once: {private PEM path, public PEM path}.
    QPair<QString, QString> keyFiles(Algorithm alg);

    QTemporaryDir m_dir;
    QString m_openssl;
    QHash<QString, QPair<QString, QString>> m_keys;
};

void TestOpensslInterop::initTestCase()
{
    jwb::crypto::Backend::initialize();
    QVERIFY(m_dir.isValid());
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (m_openssl.isEmpty()) {
        if (jwb::test::underCi())
            QFAIL("the openssl command is required under CI");
        QSKIP("the openssl command is not installed");
    }
    const Proc v = openssl({QStringLiteral("version")});
    QVERIFY2(v.exitCode == 0, v.err.constData());
    qInfo().noquote() << "interop with" << QString::fromLatin1(v.out.trimmed());
}

TestOpensslInterop::Proc TestOpensslInterop::openssl(const QStringList &args, const QByteArray &stdinData)
{
    Proc r;
    QProcess p;
    p.start(m_openssl, args);
    if (!p.waitForStarted(30000))
        return r;
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString TestOpensslInterop::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return path;
}

QByteArray TestOpensslInterop::read(const QString &name)
{
    QFile f(m_dir.filePath(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QPair<QString, QString> TestOpensslInterop::keyFiles(Algorithm alg)
{
    QStringList gen {QStringLiteral("genpkey")};
    QString family;
    switch (Algorithms::family(alg)) {
    case jwb::crypto::AlgorithmFamily::RsaPkcs1:
    case jwb::crypto::AlgorithmFamily::RsaPss:
        family = QStringLiteral("rsa");
        gen << QStringLiteral("-algorithm") << QStringLiteral("RSA") << QStringLiteral("-pkeyopt")
            << QStringLiteral("rsa_keygen_bits:2048");
        break;
    case jwb::crypto::AlgorithmFamily::Ecdsa:
        family = jwb::crypto::curveName(Algorithms::requiredCurve(alg));
        gen << QStringLiteral("-algorithm") << QStringLiteral("EC") << QStringLiteral("-pkeyopt")
            << QStringLiteral("ec_paramgen_curve:") + family;
        break;
    default: // EdDSA and RFC 9864's Ed25519 on an Ed25519 key, Ed448 on an Ed448 key
        family = Algorithms::requiredCurve(alg) == jwb::crypto::Curve::Ed448 ? QStringLiteral("ed448")
                                                                             : QStringLiteral("ed25519");
        gen << QStringLiteral("-algorithm") << family.toUpper();
        break;
    }
    if (!m_keys.contains(family)) {
        const QString priv = m_dir.filePath(family + QStringLiteral(".key.pem"));
        const QString pub = m_dir.filePath(family + QStringLiteral(".pub.pem"));
        const Proc g = openssl(QStringList(gen) << QStringLiteral("-out") << priv);
        const Proc p = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), priv, QStringLiteral("-pubout"),
            QStringLiteral("-out"), pub});
        if (g.exitCode != 0 || p.exitCode != 0)
            qWarning().noquote() << "openssl key generation failed:" << g.err << p.err;
        m_keys.insert(family, {priv, pub});
    }
    return m_keys.value(family);
}

void TestOpensslInterop::signatures_data()
{
    QTest::addColumn<Algorithm>("alg");
    for (Algorithm a : Algorithms::all())
        if (Algorithms::family(a) != jwb::crypto::AlgorithmFamily::Hmac)
            QTest::newRow(qPrintable(Algorithms::name(a))) << a;
}

void TestOpensslInterop::signatures()
{
    QFETCH(Algorithm, alg);
    const auto files = keyFiles(alg);
    QFile privFile(files.first), pubFile(files.second);
    QVERIFY(privFile.open(QIODevice::ReadOnly) && pubFile.open(QIODevice::ReadOnly));
    const auto privSet = jwb::keys::KeyLoader::load(privFile.readAll());
    const auto pubSet = jwb::keys::KeyLoader::load(pubFile.readAll());
    QVERIFY2(privSet.ok(), qPrintable(privSet.ok() ? QString() : privSet.error().toString()));
    QVERIFY2(pubSet.ok(), qPrintable(pubSet.ok() ? QString() : pubSet.error().toString()));
    const jwb::crypto::Key priv = privSet->keys.first().key;
    const jwb::crypto::Key pub = pubSet->keys.first().key;
    QVERIFY(priv.isPrivate());
    QVERIFY(!pub.isPrivate());
    QVERIFY(priv.samePublicKey(pub));

    const auto family = Algorithms::family(alg);
    const QString digest = QStringLiteral("-sha%1").arg(Algorithms::hashBits(alg));
    const int coord = jwb::crypto::curveCoordinateBytes(priv.curve());
    const QString msgPath = write(QStringLiteral("msg.txt"), kMessage);
    QStringList pssOptions;
    if (family == jwb::crypto::AlgorithmFamily::RsaPss)
        pssOptions << QStringLiteral("-sigopt") << QStringLiteral("rsa_padding_mode:pss") << QStringLiteral("-sigopt")
                   << QStringLiteral("rsa_pss_saltlen:%1").arg(Algorithms::hashBits(alg) / 8)
                   << QStringLiteral("-sigopt") << QStringLiteral("rsa_mgf1_md:sha%1").arg(Algorithms::hashBits(alg));

    auto opensslVerify = [&](const QByteArray &sigForOpenssl, const QByteArray &message) {
        const QString sigPath = write(QStringLiteral("sig.bin"), sigForOpenssl);
        const QString inPath = write(QStringLiteral("in.txt"), message);
        if (family == jwb::crypto::AlgorithmFamily::EdDsa)
            return openssl({QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                QStringLiteral("-inkey"), files.second, QStringLiteral("-rawin"), QStringLiteral("-in"), inPath,
                QStringLiteral("-sigfile"), sigPath});
        return openssl(QStringList {QStringLiteral("dgst"), digest, QStringLiteral("-verify"), files.second,
                           QStringLiteral("-signature"), sigPath}
            << pssOptions << inPath);
    };

    // (a) We sign; openssl verifies (and refuses a flipped bit).
    const auto ours = jwb::crypto::Signature::sign(alg, priv, kMessage);
    QVERIFY2(ours.ok(), qPrintable(ours.ok() ? QString() : ours.error().toString()));
    const QByteArray oursForOpenssl
        = family == jwb::crypto::AlgorithmFamily::Ecdsa ? rawToDer(ours.value()) : ours.value();
    const Proc okA = opensslVerify(oursForOpenssl, kMessage);
    QVERIFY2(okA.exitCode == 0, QByteArray(okA.out + okA.err).constData());
    QVERIFY(okA.out.contains("Verified OK") || okA.out.contains("Signature Verified Successfully"));
    const Proc badA = opensslVerify(
        family == jwb::crypto::AlgorithmFamily::Ecdsa ? rawToDer(flipBit(ours.value())) : flipBit(ours.value()),
        kMessage);
    QVERIFY2(badA.exitCode != 0, badA.out.constData());
    const Proc badMsg = opensslVerify(oursForOpenssl, kMessage + 'x');
    QVERIFY(badMsg.exitCode != 0);

    // (b) openssl signs; we verify with the public key from its PEM (and refuse tampering).
    Proc signB;
    if (family == jwb::crypto::AlgorithmFamily::EdDsa)
        signB = openssl({QStringLiteral("pkeyutl"), QStringLiteral("-sign"), QStringLiteral("-inkey"), files.first,
            QStringLiteral("-rawin"), QStringLiteral("-in"), msgPath, QStringLiteral("-out"),
            m_dir.filePath(QStringLiteral("theirs.bin"))});
    else
        signB = openssl(QStringList {QStringLiteral("dgst"), digest, QStringLiteral("-sign"), files.first}
            << pssOptions << QStringLiteral("-out") << m_dir.filePath(QStringLiteral("theirs.bin")) << msgPath);
    QVERIFY2(signB.exitCode == 0, signB.err.constData());
    QByteArray theirs = read(QStringLiteral("theirs.bin"));
    QVERIFY(!theirs.isEmpty());
    if (family == jwb::crypto::AlgorithmFamily::Ecdsa) {
        QCOMPARE(theirs.at(0), '\x30'); // DER, which JWS does not accept as such
        const auto asIs = jwb::crypto::Signature::verify(alg, pub, kMessage, theirs);
        QVERIFY(!asIs.ok());
        QCOMPARE(asIs.error().code, QStringLiteral("signature_length"));
        theirs = derToRaw(theirs, coord);
        QCOMPARE(theirs.size(), 2 * coord);
    }
    const auto okB = jwb::crypto::Signature::verify(alg, pub, kMessage, theirs);
    QVERIFY2(okB.ok(), qPrintable(okB.ok() ? QString() : okB.error().toString()));
    QVERIFY(!jwb::crypto::Signature::verify(alg, pub, kMessage, flipBit(theirs)).ok());
    QVERIFY(!jwb::crypto::Signature::verify(alg, pub, kMessage + 'x', theirs).ok());
    // A PKCS#1 v1.5 signature is not a PSS signature, and the other way round.
    if (family == jwb::crypto::AlgorithmFamily::RsaPss || family == jwb::crypto::AlgorithmFamily::RsaPkcs1) {
        const Algorithm other = family == jwb::crypto::AlgorithmFamily::RsaPss
            ? *Algorithms::fromName(QStringLiteral("RS%1").arg(Algorithms::hashBits(alg)))
            : *Algorithms::fromName(QStringLiteral("PS%1").arg(Algorithms::hashBits(alg)));
        QVERIFY(!jwb::crypto::Signature::verify(other, pub, kMessage, theirs).ok());
    }
    // Deterministic algorithms: openssl and we produce the very same bytes.
    if (family == jwb::crypto::AlgorithmFamily::RsaPkcs1 || family == jwb::crypto::AlgorithmFamily::EdDsa)
        QCOMPARE(ours.value().toHex(), theirs.toHex());
}

void TestOpensslInterop::hmac_data()
{
    QTest::addColumn<Algorithm>("alg");
    QTest::addColumn<QByteArray>("key");
    for (Algorithm a : {Algorithm::HS256, Algorithm::HS384, Algorithm::HS512}) {
        QTest::addRow("%s, key of hash length", qPrintable(Algorithms::name(a)))
            << a
            << QByteArray::fromHex(
                   "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f"
                   "303132333435363738393a3b3c3d3e3f")
                   .left(Algorithms::hashBits(a) / 8);
        QTest::addRow("%s, key longer than a block", qPrintable(Algorithms::name(a))) << a << QByteArray(200, '\xa5');
        QTest::addRow("%s, key with zero bytes", qPrintable(Algorithms::name(a))) << a << QByteArray(64, '\0');
    }
}

void TestOpensslInterop::hmac()
{
    QFETCH(Algorithm, alg);
    QFETCH(QByteArray, key);
    const auto secret = jwb::keys::KeyLoader::fromSecret(key.toHex(), jwb::keys::SecretEncoding::Hex);
    QVERIFY(secret.ok());
    const jwb::crypto::Key k = secret->keys.first().key;
    const auto ours = jwb::crypto::Signature::sign(alg, k, kMessage);
    QVERIFY(ours.ok());
    const QString msgPath = write(QStringLiteral("hmac.txt"), kMessage);
    const Proc theirs = openssl({QStringLiteral("dgst"), QStringLiteral("-sha%1").arg(Algorithms::hashBits(alg)),
        QStringLiteral("-mac"), QStringLiteral("HMAC"), QStringLiteral("-macopt"),
        QStringLiteral("hexkey:") + QString::fromLatin1(key.toHex()), QStringLiteral("-binary"), msgPath});
    QVERIFY2(theirs.exitCode == 0, theirs.err.constData());
    QCOMPARE(theirs.out.toHex(), ours.value().toHex());
    QVERIFY(jwb::crypto::Signature::verify(alg, k, kMessage, theirs.out).ok());
    QVERIFY(!jwb::crypto::Signature::verify(alg, k, kMessage, flipBit(theirs.out)).ok());
    QVERIFY(!jwb::crypto::Signature::verify(alg, k, kMessage + 'x', theirs.out).ok());
}

QTEST_GUILESS_MAIN(TestOpensslInterop)
#include "tst_openssl_interop.moc"
