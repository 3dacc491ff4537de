// JWE against an independent implementation, the npm `jose` package (tests/integration/servers/jwe-interop.mjs),
// both ways: jose decrypts what core/jose/Jwe encrypts, and Jwe decrypts what jose encrypts, for every alg x enc
// pair both support (jose has no RSA1_5 by default, and this engine never encrypts with it), in the compact,
// flattened and general serializations.
#include "IntegrationSupport.h"

#include "crypto/Backend.h"
#include "crypto/Encryption.h"
#include "jose/Base64Url.h"
#include "jose/Jwe.h"
#include "keys/Jwk.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace jwb;
using crypto::ContentEncryption;
using crypto::Key;
using crypto::KeyManagement;
namespace Alg = crypto::JweAlgorithms;

namespace {

struct Case
{
    QString id;
    Key key;
    KeyManagement alg;
    ContentEncryption enc;
    jose::JweSerialization serialization;
};

QString serializationName(jose::JweSerialization s)
{
    return s == jose::JweSerialization::Compact  ? u"compact"_s
        : s == jose::JweSerialization::Flattened ? u"flattened"_s
                                                 : u"general"_s;
}

/// Every key kind and every alg x enc it serves, the serialization rotating.
QList<Case> cases()
{
    QList<std::pair<QString, Key>> keys;
    keys.append({u"rsa"_s, Key::generate(crypto::KeyType::Rsa, 2048).valueOr({})});
    for (const char *crv : {"P-256", "P-384", "P-521"})
        keys.append({QString::fromLatin1(crv),
            Key::generate(crypto::KeyType::Ec, 0, *crypto::curveFromName(QString::fromLatin1(crv))).valueOr({})});
    if (const auto x25519 = crypto::curveFromName(u"X25519"_s))
        keys.append({u"X25519"_s, Key::generate(crypto::KeyType::Okp, 0, *x25519).valueOr({})});
    for (int bytes : {16, 24, 32, 48, 64}) {
        QByteArray secret = crypto::randomBytes(bytes);
        keys.append({u"oct%1"_s.arg(bytes * 8), Key::fromSecret(secret).valueOr({})});
    }
    QList<Case> out;
    int n = 0;
    for (const auto &[name, key] : keys)
        for (const KeyManagement alg : jose::keyManagementFor(key))
            for (const ContentEncryption enc : Alg::allContentEncryption()) {
                if (alg == KeyManagement::Dir && key.secret().size() != Alg::cekBytes(enc))
                    continue;
                const auto s = static_cast<jose::JweSerialization>(n % 3);
                out.append({u"%1-%2-%3-%4"_s.arg(name, Alg::name(alg), Alg::name(enc)).arg(n), key, alg, enc, s});
                ++n;
            }
    return out;
}

QJsonObject jwkOf(const Key &key, bool includePrivate)
{
    return keys::Jwk::toJson(key, includePrivate);
}

QByteArray plaintextFor(const QString &id)
{
    return "interop plaintext for " + id.toUtf8();
}

} // namespace

class JweInteropTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bothDirections();

private:
    QString m_node;
    QTemporaryDir m_dir;
};

void JweInteropTest::initTestCase()
{
    m_node = jwb::itest::findNode();
    JWB_REQUIRE(!m_node.isEmpty(),
        u"node is not installed: the JWE interop test needs Node.js 20+ and `npm ci` in tests/integration/servers"_s);
    JWB_REQUIRE(QFileInfo::exists(jwb::itest::serversDir() + u"/node_modules/jose/package.json"_s),
        u"the npm jose package is not installed: run `npm ci --prefix %1` (or packaging/bootstrap.sh)"_s.arg(
            jwb::itest::serversDir()));
    QVERIFY(m_dir.isValid());
    crypto::Backend::initialize();
}

void JweInteropTest::bothDirections()
{
    const QList<Case> all = cases();
    QVERIFY(all.size() > 100);
    QJsonArray decrypt, encrypt;
    QHash<QString, Case> byId;
    for (const Case &c : all) {
        byId.insert(c.id, c);
        jose::JweEncryptOptions o;
        o.alg = c.alg;
        o.enc = c.enc;
        o.serialization = c.serialization;
        o.pbes2Iterations = 1000;
        o.protectedHeader.insert(u"kid"_s, c.id);
        auto ours = jose::encryptJwe(plaintextFor(c.id), c.key, o);
        QVERIFY2(ours.ok(), qPrintable(c.id + u": "_s + (ours ? QString() : ours.error().toString())));
        const QJsonValue text = c.serialization == jose::JweSerialization::Compact
            ? QJsonValue(QString::fromLatin1(ours.value()))
            : QJsonValue(QJsonDocument::fromJson(ours.value()).object());
        decrypt.append(QJsonObject {
            {u"id"_s, c.id}, {u"jwe"_s, text}, {u"jwk"_s, jwkOf(c.key, true)}, {u"alg"_s, Alg::name(c.alg)}});
        encrypt.append(QJsonObject {{u"id"_s, c.id}, {u"alg"_s, Alg::name(c.alg)}, {u"enc"_s, Alg::name(c.enc)},
            {u"jwk"_s, jwkOf(c.key.publicKey(), false)},
            {u"plaintext"_s, QString::fromLatin1(jose::Base64Url::encode(plaintextFor(c.id)))},
            {u"serialization"_s, serializationName(c.serialization)}, {u"p2c"_s, 1000}});
    }
    const QString request = m_dir.filePath(u"request.json"_s);
    QVERIFY(jwb::itest::writeFile(request,
        QJsonDocument(QJsonObject {{u"decrypt"_s, decrypt}, {u"encrypt"_s, encrypt}}).toJson(QJsonDocument::Compact)));
    const jwb::itest::Run r
        = jwb::itest::runProgram(m_node, {jwb::itest::serversDir() + u"/jwe-interop.mjs"_s, request}, {}, 240000);
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());

    // (a) jose decrypts ours.
    int joseDecrypted = 0;
    for (const QJsonValue &v : r.json.value("decrypted"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        const QString id = o.value("id"_L1).toString();
        QVERIFY2(!o.contains("error"_L1), qPrintable(id + u": jose: "_s + o.value("error"_L1).toString()));
        QCOMPARE(jose::Base64Url::decode(o.value("plaintext"_L1).toString().toLatin1()).valueOr({}), plaintextFor(id));
        ++joseDecrypted;
    }
    // (b) we decrypt jose's.
    int oursDecrypted = 0;
    for (const QJsonValue &v : r.json.value("encrypted"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        const QString id = o.value("id"_L1).toString();
        QVERIFY2(!o.contains("error"_L1), qPrintable(id + u": jose: "_s + o.value("error"_L1).toString()));
        const QJsonValue jwe = o.value("jwe"_L1);
        const QByteArray text
            = jwe.isString() ? jwe.toString().toLatin1() : QJsonDocument(jwe.toObject()).toJson(QJsonDocument::Compact);
        const Case c = byId.value(id);
        auto parsed = jose::parseJwe(text);
        QVERIFY2(parsed.ok(), qPrintable(id + u": "_s + (parsed ? QString() : parsed.error().toString())));
        QCOMPARE(parsed->serialization, c.serialization);
        auto d = jose::decryptJwe(parsed.value(), {c.key}, {u"jose-"_s + id});
        QVERIFY2(d.ok(), qPrintable(id + u": "_s + (d ? QString() : d.error().toString())));
        QCOMPARE(d->plaintext, plaintextFor(id));
        QCOMPARE(d->alg, c.alg);
        QCOMPARE(d->enc, c.enc);
        ++oursDecrypted;
    }
    qInfo("jose %s: %d of ours decrypted by jose, %d of jose's decrypted here",
        qPrintable(r.json.value("jose"_L1).toString()), joseDecrypted, oursDecrypted);
    QCOMPARE(joseDecrypted, all.size());
    QCOMPARE(oursDecrypted, all.size());
}

QTEST_GUILESS_MAIN(JweInteropTest)
#include "tst_jwe_interop.moc"
