// Token profiles (validation::TokenProfiles): RFC 9449 DPoP proofs from the RFC's own examples (valid, with ath,
// tampered), RFC 9068 access tokens (each required claim missing), and the confirmation claims cnf.jkt (against a
// DPoP proof's key) and cnf.x5t#S256 (against a certificate).
#include "Rfc7517.h"
#include "TestData.h"

#include "crypto/Key.h"
#include "jose/Base64Url.h"
#include "jose/TokenParser.h"
#include "keys/Jwk.h"
#include "keys/TokenSigner.h"
#include "validation/TokenProfiles.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using jwb::common::Finding;
using jwb::common::Findings;
using jwb::common::Severity;
using jwb::jose::Token;
using jwb::jose::TokenParser;
using jwb::jose::Base64Url::encode;
using jwb::validation::ProfileInputs;
using jwb::validation::ProfileReport;
using jwb::validation::TokenProfile;
namespace TokenProfiles = jwb::validation::TokenProfiles;

namespace {

QJsonObject rfc9449()
{
    return jwb::test::readJson(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/9449.json"))).object();
}

QJsonObject rfc9449Token(const QString &id)
{
    const QJsonArray tokens = rfc9449().value(QStringLiteral("tokens")).toArray();
    for (const auto &t : tokens) {
        if (t.toObject().value(QStringLiteral("id")).toString() == id)
            return t.toObject();
    }
    return {};
}

Token parse(const QString &compact)
{
    return TokenParser::parse(compact);
}

Token jws(const QByteArray &header, const QByteArray &payload, const QByteArray &signature = "signature")
{
    return parse(QString::fromLatin1(encode(header) + '.' + encode(payload) + '.' + encode(signature)));
}

QStringList codes(const Findings &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out.append(f.code);
    return out;
}

const Finding *findingOf(const ProfileReport &r, const QString &code)
{
    for (const Finding &f : r.findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

int errors(const ProfileReport &r)
{
    return static_cast<int>(std::count_if(
        r.findings.begin(), r.findings.end(), [](const Finding &f) { return f.severity == Severity::Error; }));
}

/// A DPoP proof signed by a fresh P-256 key with exactly this header (the jwk added unless given) and payload.
struct MadeProof
{
    QString compact;
    jwb::crypto::Key key;
};

MadeProof makeProof(QJsonObject header, const QJsonObject &payload)
{
    auto key = jwb::crypto::Key::generate(jwb::crypto::KeyType::Ec, 0, jwb::crypto::Curve::P256);
    if (!key)
        return {};
    if (!header.contains(QStringLiteral("jwk")))
        header.insert(QStringLiteral("jwk"), jwb::keys::Jwk::toJson(key.value(), false));
    auto signedToken = jwb::keys::TokenSigner::signBytes(jwb::crypto::Algorithm::ES256, key.value(),
        QJsonDocument(header).toJson(QJsonDocument::Compact), QJsonDocument(payload).toJson(QJsonDocument::Compact));
    if (!signedToken)
        return {};
    return {signedToken.value(), key.value()};
}

const QJsonObject kProofClaims {{QStringLiteral("jti"), QStringLiteral("id-1")},
    {QStringLiteral("htm"), QStringLiteral("GET")},
    {QStringLiteral("htu"), QStringLiteral("https://api.example.com/r")}, {QStringLiteral("iat"), 1700000000}};

QJsonObject atClaims()
{
    return {{QStringLiteral("iss"), QStringLiteral("https://as.example.com")}, {QStringLiteral("exp"), 1700003600},
        {QStringLiteral("aud"), QStringLiteral("https://api.example.com")},
        {QStringLiteral("sub"), QStringLiteral("u1")}, {QStringLiteral("client_id"), QStringLiteral("c1")},
        {QStringLiteral("iat"), 1700000000}, {QStringLiteral("jti"), QStringLiteral("j1")}};
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TstTokenProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc9449Proofs_data();
    void rfc9449Proofs();
    void rfc9449ProofWithAth();
    void rfc9449TamperedProof_data();
    void rfc9449TamperedProof();
    void rfc9449AccessTokenJkt();
    void cnfJktMismatch();
    void dpopHeaderRules_data();
    void dpopHeaderRules();
    void dpopClaimsMissing();
    void dpopIatWindow();
    void accessTokenMissingClaim_data();
    void accessTokenMissingClaim();
    void accessTokenRules();
    void cnfX5tS256();
    void noProfile();
    void reportJson();
};

void TstTokenProfiles::rfc9449Proofs_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id : {"rfc9449-4.1-1", "rfc9449-5-2", "rfc9449-5-3", "rfc9449-7.1-5"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TstTokenProfiles::rfc9449Proofs()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    QFETCH(QString, id);
    const QJsonObject v = rfc9449Token(id);
    QVERIFY(!v.isEmpty());
    const Token token = parse(v.value(QStringLiteral("compact")).toString());
    QCOMPARE(TokenProfiles::detect(token), TokenProfile::DpopProof);
    const ProfileReport r = TokenProfiles::check(token);
    QCOMPARE(r.profile, TokenProfile::DpopProof);
    QVERIFY2(findingOf(r, QStringLiteral("dpop_signature_valid")), qPrintable(codes(r.findings).join(u',')));
    // The finding says the proof's own key is used, and only for the proof.
    QVERIFY(findingOf(r, QStringLiteral("dpop_signature_valid"))
                ->message.contains(QStringLiteral("only for the DPoP proof")));
    QCOMPARE(errors(r), 0);
    // The key's RFC 7638 thumbprint is the one the vectors record.
    auto jwk = jwb::keys::Jwk::fromJson(token.header.value(QStringLiteral("jwk")).toObject());
    QVERIFY(jwk);
    QCOMPARE(jwk->thumbprint(), v.value(QStringLiteral("jwk_thumbprint")).toString());
    // Issued in 2019: outside any acceptance window at a 2023 instant.
    ProfileInputs later;
    later.now = 1700000000;
    QVERIFY(findingOf(TokenProfiles::check(token, later), QStringLiteral("dpop_iat_window")));
}

void TstTokenProfiles::rfc9449ProofWithAth()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    const QJsonObject v = rfc9449Token(QStringLiteral("rfc9449-7.1-5"));
    const Token token = parse(v.value(QStringLiteral("compact")).toString());
    const QByteArray accessToken = v.value(QStringLiteral("access_token")).toString().toLatin1();
    QCOMPARE(accessToken,
        rfc9449()
            .value(QStringLiteral("access_token_opaque"))
            .toObject()
            .value(QStringLiteral("value"))
            .toString()
            .toLatin1());
    QCOMPARE(TokenProfiles::accessTokenHash(accessToken), token.payload.value(QStringLiteral("ath")).toString());

    // Without the access token, ath is only reported.
    QVERIFY(findingOf(TokenProfiles::check(token), QStringLiteral("dpop_ath")));

    ProfileInputs in;
    in.accessToken = accessToken;
    ProfileReport r = TokenProfiles::check(token, in);
    QVERIFY2(findingOf(r, QStringLiteral("dpop_ath_match")), qPrintable(codes(r.findings).join(u',')));
    QCOMPARE(errors(r), 0);

    in.accessToken = accessToken + 'x';
    r = TokenProfiles::check(token, in);
    QVERIFY(findingOf(r, QStringLiteral("dpop_ath_mismatch")));
    QCOMPARE(findingOf(r, QStringLiteral("dpop_ath_mismatch"))->severity, Severity::Error);

    // A proof without ath, sent with an access token (the token request's proof of section 4.1).
    const Token noAth
        = parse(rfc9449Token(QStringLiteral("rfc9449-4.1-1")).value(QStringLiteral("compact")).toString());
    in.accessToken = accessToken;
    QVERIFY(findingOf(TokenProfiles::check(noAth, in), QStringLiteral("dpop_ath_missing")));
}

void TstTokenProfiles::rfc9449TamperedProof_data()
{
    QTest::addColumn<int>("segment");
    QTest::newRow("payload") << 1;
    QTest::newRow("signature") << 2;
    QTest::newRow("header jwk") << 0;
}

void TstTokenProfiles::rfc9449TamperedProof()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    QFETCH(int, segment);
    const QJsonObject v = rfc9449Token(QStringLiteral("rfc9449-7.1-5"));
    QStringList parts = v.value(QStringLiteral("compact")).toString().split(u'.');
    QCOMPARE(parts.size(), 3);
    if (segment == 1) {
        QByteArray payload = v.value(QStringLiteral("payload")).toString().toUtf8();
        payload.replace("\"GET\"", "\"PUT\"");
        parts[1] = QString::fromLatin1(encode(payload));
    } else if (segment == 2) {
        QByteArray sig = jwb::jose::Base64Url::decode(parts[2].toLatin1()).value();
        sig[5] = static_cast<char>(sig[5] ^ 0x01);
        parts[2] = QString::fromLatin1(encode(sig));
    } else {
        // Another valid P-256 key in the header: the signature no longer verifies with the embedded key.
        auto other = jwb::crypto::Key::generate(jwb::crypto::KeyType::Ec, 0, jwb::crypto::Curve::P256);
        QVERIFY(other);
        QJsonObject header
            = QJsonDocument::fromJson(v.value(QStringLiteral("protected_header")).toString().toUtf8()).object();
        header.insert(QStringLiteral("jwk"), jwb::keys::Jwk::toJson(other.value(), false));
        parts[0] = QString::fromLatin1(encode(json(header)));
    }
    const ProfileReport r = TokenProfiles::check(parse(parts.join(u'.')));
    QVERIFY2(findingOf(r, QStringLiteral("dpop_signature_invalid")), qPrintable(codes(r.findings).join(u',')));
    QVERIFY(!findingOf(r, QStringLiteral("dpop_signature_valid")));
}

void TstTokenProfiles::rfc9449AccessTokenJkt()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    const QJsonObject at = rfc9449Token(QStringLiteral("rfc9449-6.1-4"));
    const QByteArray atCompact = at.value(QStringLiteral("compact")).toString().toLatin1();
    // The access token alone: no typ, so the confirmation profile; it names the thumbprint.
    const ProfileReport alone = TokenProfiles::check(parse(QString::fromLatin1(atCompact)));
    QCOMPARE(alone.profile, TokenProfile::Confirmation);
    QVERIFY(findingOf(alone, QStringLiteral("cnf_jkt")));
    QVERIFY(findingOf(alone, QStringLiteral("cnf_jkt"))
                ->message.contains(QStringLiteral("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I")));

    // The proof of section 7.1 with this access token: its key is the one cnf.jkt names.
    const Token proof
        = parse(rfc9449Token(QStringLiteral("rfc9449-7.1-5")).value(QStringLiteral("compact")).toString());
    ProfileInputs in;
    in.accessToken = atCompact;
    const ProfileReport r = TokenProfiles::check(proof, in);
    QVERIFY2(findingOf(r, QStringLiteral("dpop_cnf_jkt_match")), qPrintable(codes(r.findings).join(u',')));
    // ath was computed over the opaque token of the RFC, not this one.
    QVERIFY(findingOf(r, QStringLiteral("dpop_ath_mismatch")));

    // The other way round: the access token, given the proof.
    ProfileInputs withProof;
    withProof.dpopProof = proof.compact;
    const ProfileReport bound = TokenProfiles::check(parse(QString::fromLatin1(atCompact)), withProof);
    QVERIFY2(findingOf(bound, QStringLiteral("cnf_jkt_match")), qPrintable(codes(bound.findings).join(u',')));
    QVERIFY(!findingOf(bound, QStringLiteral("cnf_jkt")));
}

void TstTokenProfiles::cnfJktMismatch()
{
    const MadeProof proof = makeProof(
        {{QStringLiteral("typ"), QStringLiteral("dpop+jwt")}, {QStringLiteral("alg"), QStringLiteral("ES256")}},
        kProofClaims);
    QVERIFY(!proof.compact.isEmpty());
    auto other = jwb::crypto::Key::generate(jwb::crypto::KeyType::Ec, 0, jwb::crypto::Curve::P256);
    QVERIFY(other);
    const QString proofKeyThumbprint = jwb::keys::Jwk::fromKey(proof.key).thumbprint();
    const QString otherThumbprint = jwb::keys::Jwk::fromKey(other.value()).thumbprint();

    for (const bool match : {true, false}) {
        QJsonObject claims = atClaims();
        claims.insert(
            QStringLiteral("cnf"), QJsonObject {{QStringLiteral("jkt"), match ? proofKeyThumbprint : otherThumbprint}});
        const QByteArray accessToken
            = encode(R"({"alg":"RS256","typ":"at+jwt"})") + '.' + encode(json(claims)) + '.' + encode("sig");
        // The proof must carry the access token's hash: make one that does.
        QJsonObject proofClaims = kProofClaims;
        proofClaims.insert(QStringLiteral("ath"), TokenProfiles::accessTokenHash(accessToken));
        // Signed by the proof's key, with the proof's key in the header.
        auto signedProof = jwb::keys::TokenSigner::signBytes(jwb::crypto::Algorithm::ES256, proof.key,
            json({{QStringLiteral("typ"), QStringLiteral("dpop+jwt")}, {QStringLiteral("alg"), QStringLiteral("ES256")},
                {QStringLiteral("jwk"), jwb::keys::Jwk::toJson(proof.key, false)}}),
            json(proofClaims));
        QVERIFY(signedProof);
        ProfileInputs in;
        in.accessToken = accessToken;
        const ProfileReport r = TokenProfiles::check(parse(signedProof.value()), in);
        QVERIFY2(findingOf(r, QStringLiteral("dpop_signature_valid")), qPrintable(codes(r.findings).join(u',')));
        QVERIFY(findingOf(r, QStringLiteral("dpop_ath_match")));
        // The access token given the proof says the same.
        ProfileInputs withProof;
        withProof.dpopProof = signedProof.value().toLatin1();
        const ProfileReport at = TokenProfiles::check(parse(QString::fromLatin1(accessToken)), withProof);
        QVERIFY(findingOf(at, match ? QStringLiteral("cnf_jkt_match") : QStringLiteral("cnf_jkt_mismatch")));
        if (match) {
            QVERIFY(findingOf(r, QStringLiteral("dpop_cnf_jkt_match")));
            QCOMPARE(errors(r), 0);
        } else {
            QVERIFY(findingOf(r, QStringLiteral("dpop_cnf_jkt_mismatch")));
            QVERIFY(findingOf(r, QStringLiteral("dpop_cnf_jkt_mismatch"))->message.contains(otherThumbprint));
        }
    }
    // A "proof" without a usable jwk.
    QJsonObject claims = atClaims();
    claims.insert(QStringLiteral("cnf"), QJsonObject {{QStringLiteral("jkt"), proofKeyThumbprint}});
    ProfileInputs noKey;
    noKey.dpopProof
        = encode(R"({"alg":"ES256","typ":"dpop+jwt"})") + '.' + encode(json(kProofClaims)) + '.' + encode("s");
    QVERIFY(findingOf(TokenProfiles::check(jws(R"({"alg":"RS256","typ":"at+jwt"})", json(claims)), noKey),
        QStringLiteral("cnf_jkt_no_proof_key")));
    // An access token without cnf.jkt is not bound to the proof's key.
    const QByteArray unbound
        = encode(R"({"alg":"RS256","typ":"at+jwt"})") + '.' + encode(json(atClaims())) + '.' + encode("sig");
    ProfileInputs in;
    in.accessToken = unbound;
    QVERIFY(findingOf(TokenProfiles::check(parse(proof.compact), in), QStringLiteral("dpop_token_unbound")));
}

void TstTokenProfiles::dpopHeaderRules_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("code");
    QTest::newRow("no jwk") << QByteArray(R"({"typ":"dpop+jwt","alg":"ES256"})") << QStringLiteral("dpop_jwk_missing");
    QTest::newRow("jwk a string") << QByteArray(R"({"typ":"dpop+jwt","alg":"ES256","jwk":"x"})")
                                  << QStringLiteral("dpop_jwk_missing");
    QTest::newRow("alg none") << QByteArray(
        R"({"typ":"dpop+jwt","alg":"none","jwk":{"kty":"EC","crv":"P-256","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"}})")
                              << QStringLiteral("dpop_alg");
    QTest::newRow("alg HS256") << QByteArray(R"({"typ":"dpop+jwt","alg":"HS256","jwk":{"kty":"oct","k":"c2VjcmV0"}})")
                               << QStringLiteral("dpop_alg");
    QTest::newRow("oct jwk") << QByteArray(R"({"typ":"dpop+jwt","alg":"HS256","jwk":{"kty":"oct","k":"c2VjcmV0"}})")
                             << QStringLiteral("dpop_jwk_symmetric");
    QTest::newRow("private jwk") << QByteArray(
        R"({"typ":"dpop+jwt","alg":"ES256","jwk":{"kty":"EC","crv":"P-256","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA","d":"AAAA"}})")
                                 << QStringLiteral("dpop_jwk_private");
    QTest::newRow("invalid jwk") << QByteArray(
        R"({"typ":"dpop+jwt","alg":"ES256","jwk":{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}})")
                                 << QStringLiteral("dpop_jwk_invalid");
    QTest::newRow("typ case") << QByteArray(R"({"typ":"DPoP+JWT","alg":"ES256"})") << QStringLiteral("dpop_typ");
}

void TstTokenProfiles::dpopHeaderRules()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, code);
    const ProfileReport r = TokenProfiles::check(jws(header, json(kProofClaims)));
    QCOMPARE(r.profile, TokenProfile::DpopProof);
    QVERIFY2(findingOf(r, code), qPrintable(codes(r.findings).join(u',')));
    QVERIFY(!findingOf(r, QStringLiteral("dpop_signature_valid")));
}

void TstTokenProfiles::dpopClaimsMissing()
{
    for (const QString &name : kProofClaims.keys()) {
        QJsonObject claims = kProofClaims;
        claims.remove(name);
        const MadeProof proof = makeProof(
            {{QStringLiteral("typ"), QStringLiteral("dpop+jwt")}, {QStringLiteral("alg"), QStringLiteral("ES256")}},
            claims);
        const ProfileReport r = TokenProfiles::check(parse(proof.compact));
        const Finding *f = findingOf(r, QStringLiteral("dpop_claim_missing"));
        QVERIFY2(f, qPrintable(name));
        QCOMPARE(f->subject, name);
        QVERIFY(findingOf(r, QStringLiteral("dpop_signature_valid")));
    }
    QJsonObject claims = kProofClaims;
    claims.insert(QStringLiteral("htm"), 5);
    claims.insert(QStringLiteral("htu"), QStringLiteral("https://api.example.com/r?x=1"));
    const ProfileReport r = TokenProfiles::check(jws(R"({"typ":"dpop+jwt","alg":"ES256"})", json(claims)));
    QVERIFY(findingOf(r, QStringLiteral("dpop_claim_type")));
    QVERIFY(findingOf(r, QStringLiteral("dpop_htu")));
}

void TstTokenProfiles::dpopIatWindow()
{
    const MadeProof proof = makeProof(
        {{QStringLiteral("typ"), QStringLiteral("dpop+jwt")}, {QStringLiteral("alg"), QStringLiteral("ES256")}},
        kProofClaims);
    ProfileInputs in;
    in.now = 1700000000 + 60;
    QVERIFY(!findingOf(TokenProfiles::check(parse(proof.compact), in), QStringLiteral("dpop_iat_window")));
    in.now = 1700000000 + 3600;
    QVERIFY(findingOf(TokenProfiles::check(parse(proof.compact), in), QStringLiteral("dpop_iat_window")));
}

void TstTokenProfiles::accessTokenMissingClaim_data()
{
    QTest::addColumn<QString>("claim");
    for (const QString &name : atClaims().keys())
        QTest::newRow(qPrintable(name)) << name;
}

void TstTokenProfiles::accessTokenMissingClaim()
{
    QFETCH(QString, claim);
    const QByteArray header = R"({"alg":"RS256","typ":"at+jwt"})";
    const ProfileReport complete = TokenProfiles::check(jws(header, json(atClaims())));
    QCOMPARE(complete.profile, TokenProfile::AccessToken);
    QCOMPARE(errors(complete), 0);

    QJsonObject claims = atClaims();
    claims.remove(claim);
    const ProfileReport r = TokenProfiles::check(jws(header, json(claims)));
    QCOMPARE(r.profile, TokenProfile::AccessToken);
    QCOMPARE(errors(r), 1);
    const Finding *f = findingOf(r, QStringLiteral("at_claim_missing"));
    QVERIFY(f);
    QCOMPARE(f->subject, claim);
    QVERIFY(f->message.contains(QStringLiteral("RFC 9068")));
}

void TstTokenProfiles::accessTokenRules()
{
    // application/at+jwt is the same media type.
    QCOMPARE(TokenProfiles::detect(jws(R"({"alg":"RS256","typ":"application/at+jwt"})", json(atClaims()))),
        TokenProfile::AccessToken);
    QCOMPARE(TokenProfiles::detect(jws(R"({"alg":"RS256","typ":"JWT"})", json(atClaims()))), TokenProfile::None);
    // Unsigned.
    ProfileReport r = TokenProfiles::check(jws(R"({"alg":"none","typ":"at+jwt"})", json(atClaims()), ""));
    QVERIFY(findingOf(r, QStringLiteral("at_unsigned")));
    // client_id of the wrong type.
    QJsonObject claims = atClaims();
    claims.insert(QStringLiteral("client_id"), 42);
    r = TokenProfiles::check(jws(R"({"alg":"RS256","typ":"at+jwt"})", json(claims)));
    QVERIFY(findingOf(r, QStringLiteral("at_claim_type")));
    QCOMPARE(findingOf(r, QStringLiteral("at_claim_type"))->subject, QStringLiteral("client_id"));
}

void TstTokenProfiles::cnfX5tS256()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    const QByteArray der = jwb::test::rfc7517CertificateDer();
    QVERIFY(der.size() > 100);
    const QString thumb = QString::fromLatin1(encode(QCryptographicHash::hash(der, QCryptographicHash::Sha256)));
    const QByteArray header = R"({"alg":"RS256","typ":"at+jwt"})";

    QJsonObject claims = atClaims();
    claims.insert(QStringLiteral("cnf"), QJsonObject {{QStringLiteral("x5t#S256"), thumb}});
    ProfileInputs in;
    // No certificate given: only reported.
    QVERIFY(findingOf(TokenProfiles::check(jws(header, json(claims)), in), QStringLiteral("cnf_x5t")));
    in.certificateDer = der;
    ProfileReport r = TokenProfiles::check(jws(header, json(claims)), in);
    QVERIFY2(findingOf(r, QStringLiteral("cnf_x5t_match")), qPrintable(codes(r.findings).join(u',')));
    QCOMPARE(errors(r), 0);

    claims.insert(QStringLiteral("cnf"),
        QJsonObject {{QStringLiteral("x5t#S256"), QString(QStringLiteral("AAAA") + thumb.mid(4))}});
    r = TokenProfiles::check(jws(header, json(claims)), in);
    QVERIFY(findingOf(r, QStringLiteral("cnf_x5t_mismatch")));
    QCOMPARE(findingOf(r, QStringLiteral("cnf_x5t_mismatch"))->severity, Severity::Error);

    // A token without cnf, given a certificate: not bound.
    r = TokenProfiles::check(jws(header, json(atClaims())), in);
    QVERIFY(findingOf(r, QStringLiteral("cnf_x5t_missing")));
    // cnf of the wrong type.
    claims.insert(QStringLiteral("cnf"), QStringLiteral("x"));
    QVERIFY(findingOf(TokenProfiles::check(jws(header, json(claims))), QStringLiteral("cnf_type")));
}

void TstTokenProfiles::noProfile()
{
    const ProfileReport r = TokenProfiles::check(jws(R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"x"})"));
    QCOMPARE(r.profile, TokenProfile::None);
    QVERIFY(r.findings.isEmpty());
}

void TstTokenProfiles::reportJson()
{
    const ProfileReport r = TokenProfiles::check(jws(R"({"alg":"RS256","typ":"at+jwt"})", R"({"sub":"x"})"));
    const QJsonObject o = r.toJson();
    QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("access_token"));
    QVERIFY(o.value(QStringLiteral("findings")).toArray().size() >= 6);
    QCOMPARE(o.value(QStringLiteral("findings")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("profile_access_token"));
}

QTEST_GUILESS_MAIN(TstTokenProfiles)
#include "tst_tokenprofiles.moc"
