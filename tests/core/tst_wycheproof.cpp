// Every Wycheproof signature and MAC vector that maps to a JWS algorithm, run through crypto::Signature::verify
// and crypto::PreparedVerifier on the raw message bytes (EdDSA in both verification flavours; ed25519_test.json
// holds RFC 8032 §7.1 TEST 1, 2, 3 and 1024 as tcId 80-83), then the JOSE-level files (json_web_signature_test,
// json_web_key_test) through validation::Verifier. `valid` must verify, `invalid` must fail, `acceptable` may go either
// way (counted). The few JOSE cases where our verdict differs from the label are listed in kJoseExemptions, each with
// the outcome we produce and why; an exemption whose outcome changes fails the test, so the list cannot go stale.
//
// Data: ../shared/testvectors/wycheproof (C2SP/wycheproof, see SOURCE.md there for layouts and caveats).
#include "TestData.h"

#include "crypto/Backend.h"
#include "crypto/Key.h"
#include "crypto/PreparedVerifier.h"
#include "crypto/Signature.h"
#include "keys/JwkSet.h"
#include "validation/Verifier.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using jwb::crypto::Algorithm;
using jwb::crypto::Key;

namespace {

const char *const kDir = "testvectors/wycheproof/";

/// A primitive vector file, the JWS algorithm it tests, and the counts SOURCE.md lists for it (a guard against
/// a truncated or replaced copy).
struct PrimitiveFile
{
    const char *name;
    Algorithm alg;
    int total, valid, invalid, acceptable;
};

const PrimitiveFile kPrimitiveFiles[] = {
    {"ecdsa_secp256r1_sha256_p1363_test.json", Algorithm::ES256, 262, 173, 89, 0},
    {"ecdsa_secp384r1_sha384_p1363_test.json", Algorithm::ES384, 280, 193, 87, 0},
    {"ecdsa_secp521r1_sha512_p1363_test.json", Algorithm::ES512, 318, 231, 87, 0},
    {"ed25519_test.json", Algorithm::EdDSA, 151, 88, 63, 0},
    {"ecdsa_secp256k1_sha256_p1363_test.json", Algorithm::ES256K, 252, 167, 85, 0},
    // Run as RFC 9864's Ed448; primitives() checks that EdDSA (RFC 8037) on the same Ed448 key answers the same.
    {"ed448_test.json", Algorithm::Ed448, 87, 17, 70, 0},
    {"rsa_pss_2048_sha256_mgf1_32_test.json", Algorithm::PS256, 108, 63, 45, 0},
    {"rsa_pss_2048_sha384_mgf1_48_test.json", Algorithm::PS384, 141, 95, 46, 0},
    {"rsa_pss_4096_sha512_mgf1_64_test.json", Algorithm::PS512, 179, 132, 47, 0},
    {"rsa_signature_2048_sha256_test.json", Algorithm::RS256, 259, 9, 249, 1},
    {"rsa_signature_2048_sha384_test.json", Algorithm::RS384, 258, 7, 250, 1},
    {"rsa_signature_2048_sha512_test.json", Algorithm::RS512, 259, 8, 250, 1},
    {"hmac_sha256_test.json", Algorithm::HS256, 174, 66, 108, 0},
    {"hmac_sha384_test.json", Algorithm::HS384, 174, 66, 108, 0},
    {"hmac_sha512_test.json", Algorithm::HS512, 174, 66, 108, 0},
};

struct JoseFile
{
    const char *name;
    int total, valid, invalid;
};

const JoseFile kJoseFiles[] = {
    {"json_web_signature_test.json", 401, 46, 355},
    {"json_web_key_test.json", 26, 5, 21},
};

/// A JOSE case whose label we do not follow: what we do instead (accept or reject) and why.
struct Exemption
{
    const char *file;
    int tcId;
    bool weAccept;
    const char *reason;
    const char *requiredFinding = nullptr; ///< a finding the report must carry, when the reason relies on one
};

const Exemption kJoseExemptions[] = {
    {"json_web_signature_test.json", 360, true,
        "spaces before the MAC segment: the token parser removes whitespace inside a token, as KrakenD (go-jose) does "
        "(docs/krakend-jwt.md step 1b), and reports it as the warning whitespace_in_token; the MAC over the canonical "
        "segments is correct",
        "whitespace_in_token"},
    {"json_web_signature_test.json", 346, false,
        "rfc7520 group: the key says alg PS256 but the JWS is PS384 (SOURCE.md caveat 3); a key's alg is enforced"},
    {"json_web_signature_test.json", 347, false,
        "rfc7520 group: the key says alg ES521 (not a JWA name) for an ES512 JWS (SOURCE.md caveat 3); a key's alg is "
        "enforced"},
    {"json_web_signature_test.json", 350, false,
        "rfc7520WithKeyOps group: key alg PS256 vs JWS PS384 (SOURCE.md caveat 3)"},
    {"json_web_signature_test.json", 351, false,
        "rfc7520WithKeyOps group: key alg ES521 vs JWS ES512 (SOURCE.md caveat 3)"},
    {"json_web_signature_test.json", 367, true,
        "byte-identical to the valid tcId 357 but labelled invalid (SOURCE.md caveat 1, C2SP/wycheproof#236)"},
    {"json_web_signature_test.json", 370, true,
        "byte-identical to the valid tcId 357 but labelled invalid (SOURCE.md caveat 1, C2SP/wycheproof#236)"},
    {"json_web_signature_test.json", 372, false,
        "labelled valid but a '?' is inserted in the header segment: not base64url, and the signing input differs "
        "(SOURCE.md caveat 2); strict RFC 7515 decoding rejects it"},
    {"json_web_signature_test.json", 373, false,
        "labelled valid but a '?' is inserted in the payload segment (SOURCE.md caveat 2); strict RFC 7515 decoding "
        "rejects it"},
};

const Exemption *exemptionFor(const QString &file, int tcId)
{
    for (const auto &e : kJoseExemptions)
        if (file == QLatin1String(e.file) && tcId == e.tcId)
            return &e;
    return nullptr;
}

int hashBytes(Algorithm alg)
{
    return jwb::crypto::Algorithms::hashBits(alg) / 8;
}

QString shaName(Algorithm alg)
{
    return QStringLiteral("SHA-%1").arg(jwb::crypto::Algorithms::hashBits(alg));
}

struct Stats
{
    int rows = 0;
    int valid = 0;
    int invalid = 0;
    int acceptable = 0;
    int acceptableAccepted = 0;
    int skipped = 0;
    int skippedGroups = 0;
    int exempt = 0;
    QList<int> exemptIds;
};

} // namespace

class TestWycheproof : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fileCounts_data();
    void fileCounts();
    void primitives_data();
    void primitives();
    void jose_data();
    void jose();
    void exemptionsAreKnownCases();
    void cleanupTestCase();

private:
    Key keyFromDer(const QByteArray &der, const QByteArray &pem);

    QHash<QByteArray, Key> m_keys; // parsed group keys, by DER
    QMap<QString, Stats> m_stats; // per file, filled while rows run
    QMap<QString, int> m_skippedTests; // per file, tests left out at data time (with the number of groups)
    QMap<QString, int> m_skippedGroups;
};

void TestWycheproof::initTestCase()
{
    jwb::crypto::Backend::initialize();
    JWB_REQUIRE_SHARED("testvectors/wycheproof/SOURCE.md");
}

void TestWycheproof::fileCounts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("valid");
    QTest::addColumn<int>("invalid");
    QTest::addColumn<int>("acceptable");
    for (const auto &f : kPrimitiveFiles)
        QTest::newRow(f.name) << QString::fromLatin1(f.name) << f.total << f.valid << f.invalid << f.acceptable;
    for (const auto &f : kJoseFiles)
        QTest::newRow(f.name) << QString::fromLatin1(f.name) << f.total << f.valid << f.invalid << 0;
}

void TestWycheproof::fileCounts()
{
    QFETCH(QString, file);
    QFETCH(int, total);
    QFETCH(int, valid);
    QFETCH(int, invalid);
    QFETCH(int, acceptable);
    const QJsonObject doc = jwb::test::readJson(jwb::test::sharedPath(QLatin1String(kDir) + file)).object();
    QVERIFY2(!doc.isEmpty(), qPrintable(file));
    QCOMPARE(doc.value(QLatin1String("numberOfTests")).toInt(), total);
    QMap<QString, int> byResult;
    QSet<int> ids;
    const QJsonArray groups = doc.value(QLatin1String("testGroups")).toArray();
    for (const auto &g : groups) {
        const QJsonArray tests = g.toObject().value(QLatin1String("tests")).toArray();
        for (const auto &t : tests) {
            byResult[t.toObject().value(QLatin1String("result")).toString()]++;
            ids.insert(t.toObject().value(QLatin1String("tcId")).toInt());
        }
    }
    QCOMPARE(ids.size(), total);
    QCOMPARE(byResult.value(QStringLiteral("valid")), valid);
    QCOMPARE(byResult.value(QStringLiteral("invalid")), invalid);
    QCOMPARE(byResult.value(QStringLiteral("acceptable")), acceptable);
}

Key TestWycheproof::keyFromDer(const QByteArray &der, const QByteArray &pem)
{
    if (const auto it = m_keys.constFind(der); it != m_keys.constEnd())
        return it.value();
    auto fromDer = Key::fromDer(der);
    Key key = fromDer ? fromDer.value() : Key();
    if (!pem.isEmpty()) {
        // The same key given as PEM must load to the same key.
        auto fromPem = Key::fromPem(pem);
        if (fromPem.ok() != fromDer.ok() || (fromPem && !fromPem->samePublicKey(key)))
            key = Key(); // makes every valid case of the group fail loudly
    }
    m_keys.insert(der, key);
    return key;
}

void TestWycheproof::primitives_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("alg");
    QTest::addColumn<QByteArray>("keyDer");
    QTest::addColumn<QByteArray>("keyPem");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("msg");
    QTest::addColumn<QByteArray>("sig");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("comment");

    if (!QFileInfo::exists(jwb::test::sharedPath(QStringLiteral("testvectors/wycheproof/SOURCE.md"))))
        return;
    for (const auto &f : kPrimitiveFiles) {
        const QString file = QString::fromLatin1(f.name);
        const QJsonObject doc = jwb::test::readJson(jwb::test::sharedPath(QLatin1String(kDir) + file)).object();
        const QString stem = file.chopped(5);
        const auto family = jwb::crypto::Algorithms::family(f.alg);
        int skippedTests = 0, skippedGroups = 0;
        const QJsonArray groups = doc.value(QLatin1String("testGroups")).toArray();
        for (const auto &gv : groups) {
            const QJsonObject g = gv.toObject();
            const QJsonArray tests = g.value(QLatin1String("tests")).toArray();
            bool applies = true;
            if (family == jwb::crypto::AlgorithmFamily::RsaPss)
                // JWA PS*: MGF1 with the message hash and a salt as long as the hash (RFC 7518 §3.5).
                applies = g.value(QLatin1String("sha")).toString() == shaName(f.alg)
                    && g.value(QLatin1String("mgfSha")).toString() == shaName(f.alg)
                    && g.value(QLatin1String("sLen")).toInt() == hashBytes(f.alg);
            else if (family == jwb::crypto::AlgorithmFamily::Hmac)
                // JWS never truncates the MAC (RFC 7518 §3.2): full-length tags only.
                applies = g.value(QLatin1String("tagSize")).toInt() == 8 * hashBytes(f.alg);
            else if (g.contains(QLatin1String("sha")))
                applies = g.value(QLatin1String("sha")).toString() == shaName(f.alg);
            if (!applies) {
                skippedTests += static_cast<int>(tests.size());
                ++skippedGroups;
                continue;
            }
            const QByteArray der = QByteArray::fromHex(g.value(QLatin1String("publicKeyDer")).toString().toLatin1());
            const QByteArray pem = g.value(QLatin1String("publicKeyPem")).toString().toLatin1();
            for (const auto &tv : tests) {
                const QJsonObject t = tv.toObject();
                const int tcId = t.value(QLatin1String("tcId")).toInt();
                const QByteArray secret = QByteArray::fromHex(t.value(QLatin1String("key")).toString().toLatin1());
                const QByteArray sig = QByteArray::fromHex(
                    t.value(family == jwb::crypto::AlgorithmFamily::Hmac ? QLatin1String("tag") : QLatin1String("sig"))
                        .toString()
                        .toLatin1());
                QTest::addRow("%s #%d", qPrintable(stem), tcId)
                    << file << static_cast<int>(f.alg) << der << pem << secret
                    << QByteArray::fromHex(t.value(QLatin1String("msg")).toString().toLatin1()) << sig
                    << t.value(QLatin1String("result")).toString() << t.value(QLatin1String("comment")).toString();
            }
        }
        m_skippedTests[file] = skippedTests;
        m_skippedGroups[file] = skippedGroups;
    }
}

void TestWycheproof::primitives()
{
    QFETCH(QString, file);
    QFETCH(int, alg);
    QFETCH(QByteArray, keyDer);
    QFETCH(QByteArray, keyPem);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, msg);
    QFETCH(QByteArray, sig);
    QFETCH(QString, result);
    QFETCH(QString, comment);

    const auto algorithm = static_cast<Algorithm>(alg);
    Key key;
    if (jwb::crypto::Algorithms::family(algorithm) == jwb::crypto::AlgorithmFamily::Hmac) {
        auto k = Key::fromSecret(secret);
        QVERIFY2(k.ok(), qPrintable(k.ok() ? QString() : k.error().toString()));
        key = k.value();
    } else {
        key = keyFromDer(keyDer, keyPem);
    }
    const auto verdict = jwb::crypto::Signature::verify(algorithm, key, msg, sig);
    // The batch verifier's prepared primitive must answer exactly the same on every vector. For EdDSA both
    // flavours run through both paths: Strict (libsodium: the verifier and the batch fast path) and GoJose (OpenSSL,
    // Go's rules: the KrakenD simulator). They differ only on small-order and non-canonical points: every key of
    // this file is a canonical point of large order, and its 17 signatures whose R is of small order (tcId 10-19,
    // 25-29, 60, 151) are labelled invalid and fail the equation too, so all four must agree on every vector here.
    // tst_signature (ed25519Flavours) covers the vectors where the flavours part.
    const bool eddsa = algorithm == Algorithm::EdDSA;
    QList<jwb::crypto::VerifyFlavour> flavours {jwb::crypto::VerifyFlavour::Strict};
    if (eddsa)
        flavours << jwb::crypto::VerifyFlavour::GoJose;
    for (const auto flavour : std::as_const(flavours)) {
        const char *name = flavour == jwb::crypto::VerifyFlavour::Strict ? "Strict" : "GoJose";
        if (eddsa)
            QVERIFY2(jwb::crypto::Signature::verify(algorithm, key, msg, sig, flavour).ok() == verdict.ok(), name);
        if (key.isNull())
            continue;
        auto prepared = jwb::crypto::PreparedVerifier::create(algorithm, key, flavour);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().toString()));
        QVERIFY2(prepared.value().verify(msg.constData(), static_cast<std::size_t>(msg.size()),
                     reinterpret_cast<const unsigned char *>(sig.constData()), static_cast<std::size_t>(sig.size()))
                == verdict.ok(),
            name);
    }
    if (algorithm == Algorithm::Ed448 && !key.isNull())
        QVERIFY2(jwb::crypto::Signature::verify(Algorithm::EdDSA, key, msg, sig).ok() == verdict.ok(),
            "EdDSA on an Ed448 key must answer as Ed448 does");
    Stats &s = m_stats[file];
    ++s.rows;
    const QString why = verdict.ok() ? QStringLiteral("verified") : verdict.error().toString();
    if (result == u"valid") {
        ++s.valid;
        QVERIFY2(!key.isNull(), "the group's public key did not load (or DER and PEM disagree)");
        QVERIFY2(verdict.ok(), qPrintable(comment + QStringLiteral(": ") + why));
    } else if (result == u"invalid") {
        ++s.invalid;
        QVERIFY2(!verdict.ok(), qPrintable(comment + QStringLiteral(": an invalid signature verified")));
        // A rejection is always a typed error, never an unexplained failure.
        QVERIFY2(verdict.error().code == u"bad_signature" || verdict.error().code == u"signature_length"
                || verdict.error().code == u"no_key",
            qPrintable(why));
    } else {
        QCOMPARE(result, QStringLiteral("acceptable"));
        ++s.acceptable;
        s.acceptableAccepted += verdict.ok() ? 1 : 0;
    }
}

void TestWycheproof::jose_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("tcId");
    QTest::addColumn<QByteArray>("keySet");
    QTest::addColumn<QString>("jws");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("comment");

    if (!QFileInfo::exists(jwb::test::sharedPath(QStringLiteral("testvectors/wycheproof/SOURCE.md"))))
        return;
    for (const auto &f : kJoseFiles) {
        const QString file = QString::fromLatin1(f.name);
        const QJsonObject doc = jwb::test::readJson(jwb::test::sharedPath(QLatin1String(kDir) + file)).object();
        const QString stem = file.chopped(5);
        const QJsonArray groups = doc.value(QLatin1String("testGroups")).toArray();
        for (const auto &gv : groups) {
            const QJsonObject g = gv.toObject();
            // Verify with `public` when the group has it, else with `private` (SOURCE.md). A single JWK becomes a
            // one-key JWK Set, which is how a verifier is normally configured.
            QJsonObject keys
                = g.value(g.contains(QLatin1String("public")) ? QLatin1String("public") : QLatin1String("private"))
                      .toObject();
            if (!keys.contains(QLatin1String("keys")))
                keys = QJsonObject {{QStringLiteral("keys"), QJsonArray {keys}}};
            const QByteArray keySet = QJsonDocument(keys).toJson(QJsonDocument::Compact);
            const QJsonArray tests = g.value(QLatin1String("tests")).toArray();
            for (const auto &tv : tests) {
                const QJsonObject t = tv.toObject();
                const int tcId = t.value(QLatin1String("tcId")).toInt();
                const QJsonValue jws = t.value(QLatin1String("jws"));
                // The JSON-serialization case carries an object; the verifier takes it as text, as a user would paste
                // it.
                const QString text
                    = jws.isString() ? jws.toString() : QString::fromUtf8(QJsonDocument(jws.toObject()).toJson());
                QTest::addRow("%s #%d", qPrintable(stem), tcId)
                    << file << tcId << keySet << text << t.value(QLatin1String("result")).toString()
                    << t.value(QLatin1String("comment")).toString();
            }
        }
    }
}

void TestWycheproof::jose()
{
    QFETCH(QString, file);
    QFETCH(int, tcId);
    QFETCH(QByteArray, keySet);
    QFETCH(QString, jws);
    QFETCH(QString, result);
    QFETCH(QString, comment);

    // None of the payloads carries exp/nbf/iat (they are not even JSON), so the instant only has to be fixed.
    jwb::validation::Policy policy;
    policy.clock = jwb::common::Clock::fixed(QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc()));

    // Accepted = the key set loads and parse, alg, crit, key, key_use and signature all pass. The payloads are
    // opaque bytes rather than JWT claims, so claim_types (and the time checks) are not Wycheproof's concern.
    bool accepted = false;
    QString why;
    QStringList findingCodes;
    const auto set = jwb::keys::JwkSet::fromJson(keySet);
    if (!set) {
        why = QStringLiteral("key set refused: ") + set.error().toString();
    } else {
        const auto report = jwb::validation::Verifier::verify(jws, set.value(), policy);
        accepted = !report.malformed && report.check(QStringLiteral("signature"))
            && report.check(QStringLiteral("signature"))->ok();
        const QStringList cryptoChecks {QStringLiteral("parse"), QStringLiteral("alg"), QStringLiteral("crit"),
            QStringLiteral("key"), QStringLiteral("key_use"), QStringLiteral("signature")};
        for (const auto &c : report.checks) {
            if (cryptoChecks.contains(c.nameText()) && !c.ok()) {
                accepted = false;
                if (why.isEmpty())
                    why = c.nameText() + QStringLiteral(": ") + c.detail;
            }
        }
        if (accepted)
            why = QStringLiteral("accepted");
        for (const auto &f : report.findings)
            findingCodes.append(f.code);
        // A signature check always comes after the key checks, and nothing follows claim checks.
        if (!report.malformed && !report.checks.isEmpty())
            QCOMPARE(report.checks.first().nameText(), QStringLiteral("parse"));
    }

    Stats &s = m_stats[file];
    ++s.rows;
    (result == u"valid" ? s.valid : s.invalid)++;
    if (const Exemption *e = exemptionFor(file, tcId)) {
        ++s.exempt;
        s.exemptIds.append(tcId);
        QVERIFY2(accepted == e->weAccept,
            qPrintable(QStringLiteral("exempted case changed behaviour (%1); exemption: %2")
                           .arg(why, QString::fromLatin1(e->reason))));
        if (e->requiredFinding)
            QVERIFY2(findingCodes.contains(QLatin1String(e->requiredFinding)),
                qPrintable(QStringLiteral("no %1 finding in [%2]")
                               .arg(QLatin1String(e->requiredFinding), findingCodes.join(QStringLiteral(", ")))));
        return;
    }
    if (result == u"valid")
        QVERIFY2(accepted, qPrintable(comment + QStringLiteral(": ") + why));
    else
        QVERIFY2(!accepted, qPrintable(comment + QStringLiteral(": an invalid JWS was accepted")));
}

void TestWycheproof::exemptionsAreKnownCases()
{
    // Every exemption names an existing case of its file, and says something.
    for (const auto &e : kJoseExemptions) {
        const QJsonObject doc
            = jwb::test::readJson(jwb::test::sharedPath(QLatin1String(kDir) + QLatin1String(e.file))).object();
        bool found = false;
        const QJsonArray groups = doc.value(QLatin1String("testGroups")).toArray();
        for (const auto &g : groups) {
            const QJsonArray tests = g.toObject().value(QLatin1String("tests")).toArray();
            for (const auto &t : tests)
                found = found || t.toObject().value(QLatin1String("tcId")).toInt() == e.tcId;
        }
        QVERIFY2(found, e.file);
        QVERIFY(qstrlen(e.reason) > 20);
    }
}

void TestWycheproof::cleanupTestCase()
{
    for (auto it = m_stats.cbegin(); it != m_stats.cend(); ++it) {
        const Stats &s = it.value();
        QList<int> sorted = s.exemptIds;
        std::sort(sorted.begin(), sorted.end());
        QStringList ids;
        for (int id : std::as_const(sorted))
            ids.append(QString::number(id));
        qInfo().noquote() << QStringLiteral(
            "wycheproof %1: total %2, valid %3, invalid %4, acceptable %5 (%6 accepted), "
            "skipped %7 (in %8 groups), exempt %9%10")
                                 .arg(it.key())
                                 .arg(s.rows + m_skippedTests.value(it.key()))
                                 .arg(s.valid)
                                 .arg(s.invalid)
                                 .arg(s.acceptable)
                                 .arg(s.acceptableAccepted)
                                 .arg(m_skippedTests.value(it.key()))
                                 .arg(m_skippedGroups.value(it.key()))
                                 .arg(s.exempt)
                                 .arg(ids.isEmpty() ? QString() : QStringLiteral(" [tcId %1]").arg(ids.join(u',')));
    }
}

QTEST_GUILESS_MAIN(TestWycheproof)
#include "tst_wycheproof.moc"
