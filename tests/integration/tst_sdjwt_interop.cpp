// SD-JWT (RFC 9901) against an independent implementation, both directions (issue #21 item 3): the OpenWallet
// Foundation's @sd-jwt/core (npm, pinned in tests/integration/servers/package.json) through sdjwt-interop.mjs.
//   - It issues and presents (ES256, array-element and nested disclosures, a Key Binding JWT with aud and nonce);
//     `jwt-workbench-cli verify` accepts the presentation with the issuer's key, the KB-JWT's aud and nonce, and
//     `decode` reconstructs exactly the payload @sd-jwt/core verifies it to. A wrong nonce is refused by both.
//   - jose::makeSelectivelyDisclosable issues (signed with keys::TokenSigner), and @sd-jwt/core verifies it to the
//     original claims; a disclosure altered by one character is refused by both.
#include "IntegrationSupport.h"

#include "jose/SdJwt.h"
#include "keys/KeyGenerator.h"
#include "keys/TokenSigner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using jwb::itest::Run;
using jwb::itest::runCli;

namespace {

const QString kAud = u"https://verifier.interop.test"_s;
const QString kNonce = u"n-0S6_WzA2Mj"_s;

QJsonObject withoutSdAlg(QJsonObject o)
{
    o.remove(u"_sd_alg"_s);
    return o;
}

} // namespace

class SdJwtInteropTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theirPresentationVerifiesHere();
    void ourSdJwtVerifiesThere();

private:
    Run node(const QString &mode, const QJsonObject &input) const
    {
        return jwb::itest::runProgram(m_node, {jwb::itest::serversDir() + u"/sdjwt-interop.mjs"_s, mode},
            QJsonDocument(input).toJson(QJsonDocument::Compact), 60000, jwb::itest::serversDir());
    }

    QTemporaryDir m_dir;
    QString m_node;
};

void SdJwtInteropTest::initTestCase()
{
    m_node = jwb::itest::findNode();
    JWB_REQUIRE(!m_node.isEmpty(), u"node is not installed: the SD-JWT interop test needs Node.js"_s);
    JWB_REQUIRE(QFileInfo::exists(jwb::itest::serversDir() + u"/node_modules/@sd-jwt/core/package.json"_s),
        u"@sd-jwt/core is not installed: run `npm ci --prefix %1` (or packaging/bootstrap.sh)"_s.arg(
            jwb::itest::serversDir()));
    QVERIFY(m_dir.isValid());
}

void SdJwtInteropTest::theirPresentationVerifiesHere()
{
    const Run issued = node(u"issue"_s, {{u"aud"_s, kAud}, {u"nonce"_s, kNonce}});
    QVERIFY2(issued.exitCode == 0 && issued.jsonOk, issued.describe().constData());
    const QString presentation = issued.json.value("presentation"_L1).toString();
    QCOMPARE(presentation.count(u'~'), 5); // four disclosures presented (email withheld) and the KB-JWT
    const QString issuerKey = m_dir.filePath(u"their-issuer.jwk"_s);
    QVERIFY(jwb::itest::writeFile(
        issuerKey, QJsonDocument(issued.json.value("issuer_jwk"_L1).toObject()).toJson(QJsonDocument::Compact)));

    const Run verified = runCli({u"verify"_s, presentation, u"--key"_s, issuerKey, u"--kb-aud"_s, kAud, u"--nonce"_s,
        kNonce, u"--require-kb"_s, u"--json"_s});
    QVERIFY2(verified.exitCode == 0 && verified.jsonOk, verified.describe().constData());
    QVERIFY(verified.json.value("valid"_L1).toBool());
    const QJsonObject sd = verified.json.value("sd_jwt"_L1).toObject();
    QVERIFY2(sd.value("key_binding"_L1).toObject().value("valid"_L1).toBool(true), verified.describe().constData());

    const Run decoded = runCli({u"decode"_s, presentation, u"--json"_s});
    QVERIFY2(decoded.exitCode == 0 && decoded.jsonOk, decoded.describe().constData());
    const QJsonObject disclosed = decoded.json.value("sd_jwt"_L1).toObject().value("disclosed_payload"_L1).toObject();
    QCOMPARE(withoutSdAlg(disclosed), issued.json.value("claims"_L1).toObject());
    QVERIFY(!disclosed.contains(u"email"_s));
    QCOMPARE(disclosed.value("nationalities"_L1).toArray(), (QJsonArray {u"DE"_s, u"FR"_s}));

    // Another nonce: both refuse the Key Binding JWT.
    const Run wrongNonce = runCli({u"verify"_s, presentation, u"--key"_s, issuerKey, u"--kb-aud"_s, kAud, u"--nonce"_s,
        u"another-nonce"_s, u"--require-kb"_s, u"--json"_s});
    QCOMPARE(wrongNonce.exitCode, 1);
    const Run theirs = node(u"verify"_s,
        {{u"sd_jwt"_s, presentation}, {u"issuer_jwk"_s, issued.json.value("issuer_jwk"_L1)},
            {u"nonce"_s, u"another-nonce"_s}});
    QVERIFY2(theirs.jsonOk, theirs.describe().constData());
    QCOMPARE(theirs.json.value("ok"_L1).toBool(), false);
}

void SdJwtInteropTest::ourSdJwtVerifiesThere()
{
    auto key = jwb::keys::KeyGenerator::generate(jwb::crypto::Algorithm::ES256);
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    const QJsonObject claims {{u"iss"_s, u"https://issuer.jwb.test"_s}, {u"iat"_s, 1764000000},
        {u"exp"_s, 4102444800LL}, {u"given_name"_s, u"Jean"_s}, {u"family_name"_s, u"Dupont"_s},
        {u"email"_s, u"jean@example.fr"_s}, {u"birthdate"_s, u"1970-01-01"_s},
        {u"address"_s, QJsonObject {{u"locality"_s, u"Lyon"_s}, {u"country"_s, u"FR"_s}}}};
    auto issue = jwb::jose::makeSelectivelyDisclosable(
        claims, {u"given_name"_s, u"family_name"_s, u"email"_s, u"birthdate"_s, u"address"_s});
    QVERIFY2(issue.ok(), issue.ok() ? "" : qPrintable(issue.error().message));
    auto jwt = jwb::keys::TokenSigner::signBytes(jwb::crypto::Algorithm::ES256, key->key,
        QByteArrayLiteral("{\"alg\":\"ES256\",\"typ\":\"dc+sd-jwt\"}"),
        QJsonDocument(issue->payload).toJson(QJsonDocument::Compact));
    QVERIFY(jwt.ok());
    const QString sdJwt = QString::fromLatin1(issue->compact(jwt->toLatin1()));
    const QJsonValue issuerJwk = key->publicJson();

    const Run theirs = node(u"verify"_s, {{u"sd_jwt"_s, sdJwt}, {u"issuer_jwk"_s, issuerJwk}});
    QVERIFY2(theirs.exitCode == 0 && theirs.jsonOk, theirs.describe().constData());
    QVERIFY2(theirs.json.value("ok"_L1).toBool(), theirs.describe().constData());
    QCOMPARE(withoutSdAlg(theirs.json.value("claims"_L1).toObject()), claims);

    // One character of a disclosure changed: its digest is no longer in _sd. Both refuse it, or at least neither
    // discloses the changed claim.
    QString tampered = sdJwt;
    const qsizetype first = tampered.indexOf(u'~') + 3;
    tampered[first] = tampered.at(first) == u'A' ? u'B' : u'A';
    const Run theirsTampered = node(u"verify"_s, {{u"sd_jwt"_s, tampered}, {u"issuer_jwk"_s, issuerJwk}});
    QVERIFY2(theirsTampered.jsonOk, theirsTampered.describe().constData());
    QVERIFY2(!theirsTampered.json.value("ok"_L1).toBool()
            || theirsTampered.json.value("claims"_L1).toObject().size() < claims.size(),
        theirsTampered.describe().constData());
    const QString ourKey = m_dir.filePath(u"our-issuer.jwk"_s);
    QVERIFY(jwb::itest::writeFile(ourKey, QJsonDocument(issuerJwk.toObject()).toJson(QJsonDocument::Compact)));
    const Run oursTampered = runCli({u"verify"_s, tampered, u"--key"_s, ourKey, u"--json"_s});
    QCOMPARE(oursTampered.exitCode, 1);
    const Run oursIntact = runCli({u"verify"_s, sdJwt, u"--key"_s, ourKey, u"--json"_s});
    QVERIFY2(oursIntact.exitCode == 0, oursIntact.describe().constData());
}

QTEST_GUILESS_MAIN(SdJwtInteropTest)
#include "tst_sdjwt_interop.moc"
