// validation::BatchVerifier: its fast path must decide exactly what validation::Verifier decides. Every
// algorithm, with generated keys, signs tokens written here byte for byte (member order, escapes, duplicates,
// odd types, unicode, whitespace), under several policies and key sets; each token is also mutated (a changed
// byte in every segment, truncation, wrappers, stray base64 bits). For each one the fast verdict, when it gives
// one, must equal the reference verdict; typical tokens must be decided by the fast path (not handed back),
// or the fast path would be silently gone. Then run(): every line's result equals the reference for 1 and 3
// jobs, and PreparedVerifier equals Signature::verify on the same inputs.
#include "../common/FailingDevice.h"
#include "common/Clock.h"
#include "crypto/Backend.h"
#include "crypto/PreparedVerifier.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "validation/BatchVerifier.h"
#include "validation/Verifier.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using jwb::crypto::Algorithm;
using jwb::crypto::Key;
using jwb::validation::BatchVerifier;
using jwb::validation::Policy;
using jwb::validation::Verifier;

namespace {

constexpr qint64 kNow = 1800000000;

QByteArray b64u(const QByteArray &data)
{
    return jwb::jose::Base64Url::encode(data);
}

struct Family
{
    QString name;
    Key priv;
    Key other; // a second key of the same type (kid k2)
    QList<Algorithm> algs;
};

} // namespace

class TestBatchVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agreesWithVerifier_data();
    void agreesWithVerifier();
    void randomMutationsAgree();
    void runMatchesReference_data();
    void runMatchesReference();
    void preparedVerifierMatchesSignature();
    void otherStrategiesUseReference();
    void streamMatchesWholeInput_data();
    void streamMatchesWholeInput();
    void streamRefusesOverlongLine();
    void streamReportsReadFailure();

private:
    QByteArray sign(Algorithm alg, const Key &key, const QByteArray &header, const QByteArray &payload) const;
    /// runMatchesReference's file: 1500 RSA tokens of five kinds, blank and CRLF lines among them.
    QByteArray rsaFile(QList<QByteArray> *tokens, QList<int> *lineOf) const;
    QList<jwb::keys::JwkSet> keySetsFor(const Family &f) const;
    struct Outcome
    {
        int compared = 0;
        int decided = 0;
    };
    Outcome compare(const QByteArray &line, const jwb::keys::JwkSet &set, const Policy &policy, QString *why) const;

    QList<Family> m_families;
    QList<Policy> m_policies;
};

QByteArray TestBatchVerifier::sign(
    Algorithm alg, const Key &key, const QByteArray &header, const QByteArray &payload) const
{
    const QByteArray input = b64u(header) + '.' + b64u(payload);
    auto sig = jwb::crypto::Signature::sign(alg, key, input);
    if (!sig)
        qFatal("sign failed: %s", qPrintable(sig.error().toString()));
    return input + '.' + b64u(sig.value());
}

void TestBatchVerifier::initTestCase()
{
    jwb::crypto::Backend::initialize();
    using jwb::crypto::Curve;
    using jwb::crypto::KeyType;
    auto gen = [](KeyType t, int bits, Curve c) {
        auto k = Key::generate(t, bits, c);
        if (!k)
            qFatal("key generation failed: %s", qPrintable(k.error().toString()));
        return k.value();
    };
    m_families = {
        {QStringLiteral("oct"), gen(KeyType::Oct, 512, Curve::None), gen(KeyType::Oct, 512, Curve::None),
            {Algorithm::HS256, Algorithm::HS384, Algorithm::HS512}},
        {QStringLiteral("rsa"), gen(KeyType::Rsa, 2048, Curve::None), gen(KeyType::Rsa, 2048, Curve::None),
            {Algorithm::RS256, Algorithm::RS384, Algorithm::RS512, Algorithm::PS256, Algorithm::PS384,
                Algorithm::PS512}},
        {QStringLiteral("p256"), gen(KeyType::Ec, 0, Curve::P256), gen(KeyType::Ec, 0, Curve::P256),
            {Algorithm::ES256}},
        {QStringLiteral("p384"), gen(KeyType::Ec, 0, Curve::P384), gen(KeyType::Ec, 0, Curve::P384),
            {Algorithm::ES384}},
        {QStringLiteral("p521"), gen(KeyType::Ec, 0, Curve::P521), gen(KeyType::Ec, 0, Curve::P521),
            {Algorithm::ES512}},
        {QStringLiteral("ed25519"), gen(KeyType::Okp, 0, Curve::Ed25519), gen(KeyType::Okp, 0, Curve::Ed25519),
            {Algorithm::EdDSA}},
    };
    const auto clock = jwb::common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
    Policy plain;
    plain.clock = clock;
    Policy strict = plain;
    strict.issuer = QStringLiteral("https://issuer.example");
    strict.audiences = {QStringLiteral("api"), QStringLiteral("web")};
    strict.requireExp = true;
    Policy leeway = plain;
    leeway.leewaySeconds = 120;
    leeway.audiences = {QStringLiteral("api")};
    Policy pinned = plain;
    pinned.algorithm = Algorithm::RS256;
    Policy typed = plain; // explicit typing (RFC 8725 §3.11)
    typed.requiredTyp = QStringLiteral("at+jwt");
    Policy otherIssuer = plain; // contradicts the issuer-bound key set
    otherIssuer.issuer = QStringLiteral("https://other.example");
    m_policies = {plain, strict, leeway, pinned, typed, otherIssuer};
}

QList<jwb::keys::JwkSet> TestBatchVerifier::keySetsFor(const Family &f) const
{
    using jwb::keys::Jwk;
    using jwb::keys::JwkSet;
    const Key pub = f.priv.publicKey();
    const Key otherPub = f.other.publicKey();
    JwkSet set; // k1 and k2
    set.format = QStringLiteral("JWK Set");
    set.keys = {Jwk::fromKey(pub, QStringLiteral("k1")), Jwk::fromKey(otherPub, QStringLiteral("k2"))};
    set.analyse();
    JwkSet restricted = set; // k1 only for its first algorithm, k2 for encryption
    restricted.keys[0].alg = jwb::crypto::Algorithms::name(f.algs.first());
    restricted.keys[1].use = QStringLiteral("enc");
    JwkSet duplicate = set; // two keys with kid k1
    duplicate.keys[1].kid = QStringLiteral("k1");
    JwkSet bare
        = JwkSet::fromKey(Jwk::fromKey(pub), f.name == u"oct" ? QStringLiteral("secret") : QStringLiteral("PEM"));
    JwkSet noKids = set; // neither key has a kid: the token's key is found by trying
    noKids.keys[0].kid.clear();
    noKids.keys[1].kid.clear();
    std::swap(noKids.keys[0], noKids.keys[1]);
    JwkSet bound = set; // discovered for an issuer: tokens must carry its iss
    bound.issuer = QStringLiteral("https://issuer.example");
    return {set, restricted, duplicate, bare, noKids, bound};
}

TestBatchVerifier::Outcome TestBatchVerifier::compare(
    const QByteArray &line, const jwb::keys::JwkSet &set, const Policy &policy, QString *why) const
{
    Outcome o;
    BatchVerifier batch(set, policy);
    BatchVerifier::Worker worker(batch);
    const auto fast = worker.check(QByteArrayView(line));
    const auto report = Verifier::verify(QString::fromLatin1(line), set, policy);
    o.compared = 1;
    if (fast == BatchVerifier::Verdict::Unsure)
        return o;
    o.decided = 1;
    const bool fastValid = fast == BatchVerifier::Verdict::Valid;
    if (fastValid != report.valid && why) {
        const auto *failure = report.firstFailure();
        *why = QStringLiteral("fast says %1, Verifier says %2 (%3) for %4")
                   .arg(fastValid ? QStringLiteral("valid") : QStringLiteral("invalid"),
                       report.valid ? QStringLiteral("valid") : QStringLiteral("invalid"),
                       failure ? failure->nameText() + QStringLiteral(": ") + failure->detail : QString(),
                       QString::fromLatin1(line.left(300)));
        o.decided = -1;
    }
    return o;
}

void TestBatchVerifier::agreesWithVerifier_data()
{
    QTest::addColumn<QByteArray>("header"); // %ALG% and %KID% are filled in
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("typical"); // must be decided by the fast path with the plain policy and k1

    const QByteArray h = "{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"typ\":\"JWT\"}";
    const QByteArray good = "{\"iss\":\"https://"
                            "issuer.example\",\"sub\":\"u1\",\"aud\":[\"api\",\"web\"],\"exp\":1800003600,\"iat\":"
                            "1799999000,\"nbf\":1799999000,\"jti\":\"x\"}";
    QTest::newRow("typical") << h << good << true;
    QTest::newRow("aud string") << h
                                << QByteArray("{\"iss\":\"https://issuer.example\",\"aud\":\"api\",\"exp\":1800003600}")
                                << true;
    QTest::newRow("no kid") << QByteArray("{\"alg\":\"%ALG%\"}") << good << false;
    QTest::newRow("whitespace json") << QByteArray(" {\n \"alg\" : \"%ALG%\" ,\t\"kid\":\"%KID%\" }\r\n")
                                     << QByteArray(" { \"exp\" : 1800003600 , \"aud\" : [ \"api\" , \"web\" ] } ")
                                     << true;
    QTest::newRow("expired") << h << QByteArray("{\"exp\":1799999999}") << true;
    QTest::newRow("exp boundary") << h << QByteArray("{\"exp\":1800000000}") << true;
    QTest::newRow("exp within leeway") << h << QByteArray("{\"exp\":1799999950,\"aud\":\"api\"}") << true;
    QTest::newRow("exp fraction") << h << QByteArray("{\"exp\":1800000000.9}") << true;
    QTest::newRow("exp negative fraction") << h << QByteArray("{\"exp\":-0.5,\"nbf\":-0}") << true;
    QTest::newRow("exp exponent") << h << QByteArray("{\"exp\":1.8000036e9}") << false;
    QTest::newRow("exp huge") << h << QByteArray("{\"exp\":123456789012345678901234}") << false;
    QTest::newRow("exp string") << h << QByteArray("{\"exp\":\"1800003600\"}") << true;
    QTest::newRow("exp null") << h << QByteArray("{\"exp\":null}") << true;
    QTest::newRow("nbf future") << h << QByteArray("{\"nbf\":1800000001,\"exp\":1800003600}") << true;
    QTest::newRow("nbf leeway") << h << QByteArray("{\"nbf\":1800000100,\"exp\":1800003600,\"aud\":\"api\"}") << true;
    QTest::newRow("iat future") << h << QByteArray("{\"iat\":1800000001}") << true;
    QTest::newRow("iss wrong")
        << h << QByteArray("{\"iss\":\"https://other.example\",\"aud\":[\"api\",\"web\"],\"exp\":1800003600}") << true;
    QTest::newRow("iss escaped slash")
        << h << QByteArray("{\"iss\":\"https:\\/\\/issuer.example\",\"aud\":[\"api\",\"web\"],\"exp\":1800003600}")
        << false;
    QTest::newRow("iss unicode escape") << h << QByteArray("{\"iss\":\"https://issuer\\u002eexample\"}") << false;
    QTest::newRow("iss number") << h << QByteArray("{\"iss\":7}") << true;
    QTest::newRow("sub array") << h << QByteArray("{\"sub\":[\"a\"]}") << true;
    QTest::newRow("jti object") << h << QByteArray("{\"jti\":{\"a\":1}}") << true;
    QTest::newRow("aud mixed") << h << QByteArray("{\"aud\":[\"api\",3]}") << true;
    QTest::newRow("aud object") << h << QByteArray("{\"aud\":{\"api\":true}}") << true;
    QTest::newRow("aud missing one") << h
                                     << QByteArray(
                                            "{\"iss\":\"https://issuer.example\",\"aud\":[\"api\"],\"exp\":1800003600}")
                                     << true;
    QTest::newRow("aud empty array") << h << QByteArray("{\"aud\":[]}") << true;
    QTest::newRow("aud escaped") << h << QByteArray("{\"aud\":[\"a\\tpi\",\"web\"]}") << false;
    QTest::newRow("value escapes elsewhere")
        << h << QByteArray("{\"name\":\"a \\\"quoted\\\" \\\\ name\\n\",\"exp\":1800003600}") << true;
    QTest::newRow("unicode text") << h << QByteArray("{\"name\":\"Jos\xc3\xa9\",\"exp\":1800003600}") << false;
    QTest::newRow("nested") << h << QByteArray("{\"a\":{\"b\":[1,2,{\"c\":[true,false,null]}]},\"exp\":1800003600}")
                            << true;
    QTest::newRow("dup top payload") << h << QByteArray("{\"exp\":1,\"exp\":1800003600}") << true;
    QTest::newRow("dup nested payload") << h << QByteArray("{\"a\":{\"b\":1,\"b\":2},\"exp\":1800003600}") << true;
    QTest::newRow("dup in array objects ok")
        << h << QByteArray("{\"a\":[{\"b\":1},{\"b\":2}],\"exp\":1800003600}") << true;
    QTest::newRow("dup header alg") << QByteArray("{\"alg\":\"none\",\"alg\":\"%ALG%\",\"kid\":\"%KID%\"}") << good
                                    << true;
    QTest::newRow("dup escaped name") << h << QByteArray("{\"exp\":1,\"\\u0065xp\":1800003600}") << false;
    QTest::newRow("crit") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"crit\":[\"b64\"],\"b64\":false}")
                          << good << true;
    QTest::newRow("kid number") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":1}") << good << false;
    QTest::newRow("kid unknown") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"nope\"}") << good << true;
    QTest::newRow("kid empty") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"\"}") << good << true;
    QTest::newRow("kid other") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"k2\"}") << good << true;
    QTest::newRow("alg lower") << QByteArray("{\"alg\":\"%alg%\",\"kid\":\"%KID%\"}") << good << true;
    QTest::newRow("alg none") << QByteArray("{\"alg\":\"none\",\"kid\":\"%KID%\"}") << good << true;
    QTest::newRow("alg nOnE") << QByteArray("{\"alg\":\"nOnE\",\"kid\":\"%KID%\"}") << good << true;
    QTest::newRow("alg missing") << QByteArray("{\"kid\":\"%KID%\"}") << good << false;
    QTest::newRow("alg number") << QByteArray("{\"alg\":256,\"kid\":\"%KID%\"}") << good << false;
    QTest::newRow("embedded jwk") << QByteArray(
        "{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AA\"}}")
                                  << good << true;
    QTest::newRow("payload not object") << h << QByteArray("[\"exp\",1]") << false;
    QTest::newRow("payload text") << h << QByteArray("hello") << false;
    QTest::newRow("payload empty") << h << QByteArray() << false;
    QTest::newRow("payload trailing") << h << QByteArray("{\"exp\":1800003600}x") << false;
    QTest::newRow("payload leading zero") << h << QByteArray("{\"exp\":01800003600}") << false;
    QTest::newRow("payload bad literal") << h << QByteArray("{\"x\":tru}") << false;
    QTest::newRow("payload control char") << h << QByteArray("{\"x\":\"a\x01\"}") << false;
    QTest::newRow("payload DEL") << h << QByteArray("{\"x\":\"a\x7f\"}") << false;
    QTest::newRow("payload deep") << h << (QByteArray("{\"x\":") + QByteArray(40, '[') + QByteArray(40, ']') + "}")
                                  << false;
    QTest::newRow("payload many members") << h << [] {
        QByteArray p = "{";
        for (int i = 0; i < 70; ++i)
            p += "\"m" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
        p += "\"exp\":1800003600}";
        return p;
    }() << false;
    QTest::newRow("header array") << QByteArray("[\"%ALG%\"]") << good << false;
    QTest::newRow("typ at+jwt") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"typ\":\"at+jwt\"}") << good
                                << true;
    QTest::newRow("typ AT+JWT") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"typ\":\"AT+JWT\"}") << good
                                << true;
    QTest::newRow("typ application/at+jwt")
        << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"typ\":\"application/At+Jwt\"}") << good << true;
    QTest::newRow("typ text/at+jwt") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"typ\":\"text/at+jwt\"}")
                                     << good << true;
    QTest::newRow("typ with a space") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"typ\":\" at+jwt\"}") << good
                                      << true;
    QTest::newRow("typ number") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"typ\":1}") << good << true;
    QTest::newRow("typ escaped") << QByteArray("{\"alg\":\"%ALG%\",\"kid\":\"%KID%\",\"typ\":\"at\\u002bjwt\"}") << good
                                 << false;
}

void TestBatchVerifier::agreesWithVerifier()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, payload);
    QFETCH(bool, typical);
    int compared = 0, decided = 0;
    for (const Family &f : std::as_const(m_families)) {
        const auto sets = keySetsFor(f);
        for (Algorithm alg : f.algs) {
            QByteArray hdr = header;
            const QString algName = jwb::crypto::Algorithms::name(alg);
            hdr.replace("%ALG%", algName.toLatin1()).replace("%alg%", algName.toLower().toLatin1());
            for (const char *signer : {"k1", "k2"}) {
                const Key &key = qstrcmp(signer, "k1") == 0 ? f.priv : f.other;
                QByteArray h = hdr;
                h.replace("%KID%", signer);
                const QByteArray token = sign(alg, key, h, payload);
                QList<QByteArray> lines
                    = {token, token + "\r", " \t" + token + " ", "Bearer " + token, "\"" + token + "\"", token + ".",
                        token.left(token.size() - 1), token.left(token.lastIndexOf('.') + 1)};
                // A changed byte in each segment (the same alphabet, so still base64url).
                for (int seg = 0; seg < 3; ++seg) {
                    QByteArray m = token;
                    qsizetype at = 0;
                    for (int i = 0; i < seg; ++i)
                        at = m.indexOf('.', at) + 1;
                    at += 2;
                    m[at] = m[at] == 'A' ? 'B' : 'A';
                    lines << m;
                }
                QByteArray stray = token; // the last signature character with non-zero stray bits
                const qsizetype sigLength = token.size() - token.lastIndexOf('.') - 1;
                if (sigLength % 4 != 0) {
                    stray[stray.size() - 1] = stray.back() == '_' ? '-' : '_';
                    lines << stray;
                }
                for (int li = 0; li < lines.size(); ++li) {
                    for (int si = 0; si < sets.size(); ++si) {
                        // The token itself against every set and policy; its variants against fewer.
                        if (li > 0 && si != 0 && si != 3)
                            continue;
                        for (int pi = 0; pi < m_policies.size(); ++pi) {
                            if (li > 0 && pi > 1)
                                continue;
                            QString why;
                            const Outcome o = compare(lines[li], sets[si], m_policies[pi], &why);
                            QVERIFY2(o.decided >= 0,
                                qPrintable(QStringLiteral("%1 %2 line %3 set %4 policy %5: %6")
                                               .arg(f.name, algName)
                                               .arg(li)
                                               .arg(si)
                                               .arg(pi)
                                               .arg(why)));
                            compared += o.compared;
                            decided += o.decided;
                            if (typical && li == 0 && si == 0 && pi == 0 && qstrcmp(signer, "k1") == 0)
                                QVERIFY2(o.decided == 1,
                                    qPrintable(
                                        QStringLiteral("%1: the fast path handed a typical token back").arg(algName)));
                        }
                    }
                }
            }
        }
    }
    qInfo("%d comparisons, %d decided by the fast path", compared, decided);
}

void TestBatchVerifier::randomMutationsAgree()
{
    // Random single-byte changes, insertions and deletions of base64url text and of the decoded JSON.
    QRandomGenerator rng(20261201);
    const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    const QByteArray jsonBytes = "{}[]\":,0123456789.-eE \\/tfnul\"abcxyzexpiataudissnbfkidalg";
    int decided = 0, compared = 0;
    for (const Family &f : std::as_const(m_families)) {
        const auto sets = keySetsFor(f);
        const Algorithm alg = f.algs.first();
        const QByteArray header = "{\"alg\":\"" + jwb::crypto::Algorithms::name(alg).toLatin1() + "\",\"kid\":\"k1\"}";
        const QByteArray payload
            = "{\"iss\":\"https://issuer.example\",\"aud\":[\"api\",\"web\"],\"exp\":1800003600,\"iat\":1799999000}";
        for (int round = 0; round < 300; ++round) {
            QByteArray line;
            if (round % 2 == 0) {
                line = sign(alg, f.priv, header, payload);
                const int pos = static_cast<int>(rng.bounded(static_cast<int>(line.size())));
                const char c = alphabet[static_cast<int>(rng.bounded(static_cast<int>(alphabet.size())))];
                switch (rng.bounded(3)) {
                case 0:
                    line[pos] = c;
                    break;
                case 1:
                    line.insert(pos, c);
                    break;
                default:
                    line.remove(pos, 1);
                }
            } else {
                // Mutate the JSON and sign it: exercises the scanner on well-signed, odd JSON.
                QByteArray h = header, p = payload;
                QByteArray &target = rng.bounded(4) == 0 ? h : p;
                for (int n = 0; n < 1 + static_cast<int>(rng.bounded(3)); ++n) {
                    const int pos = static_cast<int>(rng.bounded(static_cast<int>(target.size())));
                    const char c = jsonBytes[static_cast<int>(rng.bounded(static_cast<int>(jsonBytes.size())))];
                    if (rng.bounded(2))
                        target[pos] = c;
                    else
                        target.insert(pos, c);
                }
                line = sign(alg, f.priv, h, p);
            }
            for (int si = 0; si < sets.size(); ++si) {
                for (int pi = 0; pi < m_policies.size(); ++pi) {
                    QString why;
                    const Outcome o = compare(line, sets[si], m_policies[pi], &why);
                    QVERIFY2(o.decided >= 0, qPrintable(why));
                    decided += o.decided;
                    compared += o.compared;
                }
            }
        }
    }
    qInfo("%d comparisons, %d decided by the fast path", compared, decided);
    QVERIFY(decided > compared / 4);
}

QByteArray TestBatchVerifier::rsaFile(QList<QByteArray> *tokensOut, QList<int> *lineOfOut) const
{
    const Family &f = m_families[1]; // RSA
    const QByteArray good = "{\"iss\":\"https://issuer.example\",\"aud\":[\"api\",\"web\"],\"exp\":1800003600}";
    QByteArray data;
    QList<QByteArray> &tokens = *tokensOut;
    tokens.clear();
    QList<int> &lineOf = *lineOfOut;
    lineOf.clear();
    int line = 1;
    for (int i = 0; i < 1500; ++i) {
        QByteArray token;
        switch (i % 5) {
        case 0:
        case 1:
            token = sign(Algorithm::RS256, f.priv, "{\"alg\":\"RS256\",\"kid\":\"k1\"}", good);
            break;
        case 2:
            token = sign(Algorithm::PS256, f.priv, "{\"alg\":\"PS256\",\"kid\":\"k1\"}",
                "{\"iss\":\"https://issuer.example\",\"aud\":\"api\",\"exp\":1800003600}");
            break;
        case 3:
            token = "Bearer " + sign(Algorithm::RS256, f.priv, "{\"alg\":\"RS256\"}", good);
            break;
        default:
            token = sign(Algorithm::RS256, f.other, "{\"alg\":\"RS256\",\"kid\":\"k1\"}", good);
        }
        tokens << token;
        lineOf << line;
        data += token + (i % 7 == 0 ? "\r\n\n" : "\n");
        line += i % 7 == 0 ? 2 : 1;
    }
    data.chop(1); // the last line without a newline
    return data;
}

void TestBatchVerifier::runMatchesReference_data()
{
    QTest::addColumn<int>("jobs");
    QTest::newRow("1 job") << 1;
    QTest::newRow("3 jobs") << 3;
}

void TestBatchVerifier::runMatchesReference()
{
    QFETCH(int, jobs);
    const Family &f = m_families[1]; // RSA
    const auto set = keySetsFor(f).first();
    const Policy &policy = m_policies[1];
    QList<QByteArray> tokens;
    QList<int> lineOf; // each token's line in the file, blank lines counted
    const QByteArray data = rsaFile(&tokens, &lineOf);
    QVERIFY(data.size() > 2 * 256 * 1024); // several chunks for the workers
    const BatchVerifier batch(set, policy);
    const auto summary = batch.run(QByteArrayView(data), jobs, true);
    QCOMPARE(summary.total, tokens.size());
    QCOMPARE(summary.results.size(), tokens.size());
    int valid = 0;
    for (int i = 0; i < tokens.size(); ++i) {
        const auto report = Verifier::verify(QString::fromLatin1(tokens[i]), set, policy);
        QCOMPARE(summary.results[i].valid, report.valid);
        QCOMPARE(summary.results[i].line, lineOf[i]);
        valid += report.valid ? 1 : 0;
        if (!report.valid)
            QVERIFY(summary.results[i].reason.startsWith(report.firstFailure()->nameText()));
    }
    QCOMPARE(summary.valid, valid);
    QCOMPARE(valid, 900); // cases 0, 1, 3 (Bearer goes to the reference path); PS256 lacks aud "web"
    QVERIFY(summary.fastDecided >= 1200);
    // Line numbers count blank lines too.
    QCOMPARE(summary.results[1].line, 3);
}

void TestBatchVerifier::streamMatchesWholeInput_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addColumn<qsizetype>("block");
    QTest::addColumn<bool>("sink");
    // Blocks smaller than one token (each block is then one line), a few KiB, larger than the file; 1 and 3 jobs.
    QTest::newRow("100-byte blocks, 1 job") << 1 << qsizetype(100) << false;
    QTest::newRow("4 KiB blocks, 3 jobs") << 3 << qsizetype(4096) << false;
    QTest::newRow("64 KiB blocks, 1 job, sink") << 1 << qsizetype(65536) << true;
    QTest::newRow("default blocks, 3 jobs, sink") << 3 << BatchVerifier::StreamLimits().block << true;
}

void TestBatchVerifier::streamMatchesWholeInput()
{
    QFETCH(int, jobs);
    QFETCH(qsizetype, block);
    QFETCH(bool, sink);
    QList<QByteArray> tokens;
    QList<int> lineOf;
    const BatchVerifier batch(keySetsFor(m_families[1]).first(), m_policies[1]);
    for (const bool trailingNewline : {false, true}) {
        QByteArray data = rsaFile(&tokens, &lineOf);
        if (trailingNewline)
            data += '\n';
        const auto whole = batch.run(QByteArrayView(data), 1, true);
        QBuffer device(&data);
        QVERIFY(device.open(QIODevice::ReadOnly));
        QList<BatchVerifier::LineResult> sunk;
        const auto streamed = batch.run(device, jobs, !sink,
            sink ? BatchVerifier::ResultSink([&sunk](const BatchVerifier::LineResult &r) { sunk << r; })
                 : BatchVerifier::ResultSink(),
            BatchVerifier::StreamLimits {block, 64 * 1024 * 1024});
        QVERIFY2(streamed.ok(), streamed.ok() ? "" : qPrintable(streamed.error().message));
        const auto &s = streamed.value();
        QCOMPARE(s.total, whole.total);
        QCOMPARE(s.valid, whole.valid);
        QCOMPARE(s.fastDecided, whole.fastDecided);
        QCOMPARE(s.bytes, qint64(data.size()));
        QVERIFY(s.wallSeconds >= s.seconds);
        const QList<BatchVerifier::LineResult> &results = sink ? sunk : s.results;
        QCOMPARE(results.size(), whole.results.size());
        if (sink)
            QVERIFY(s.results.isEmpty()); // the sink took them: nothing kept
        for (int i = 0; i < results.size(); ++i) {
            QCOMPARE(results[i].line, whole.results[i].line);
            QCOMPARE(results[i].valid, whole.results[i].valid);
            QCOMPARE(results[i].reason, whole.results[i].reason);
        }
    }
}

void TestBatchVerifier::streamRefusesOverlongLine()
{
    QList<QByteArray> tokens;
    QList<int> lineOf;
    const QByteArray file = rsaFile(&tokens, &lineOf);
    // A 50,000-byte line (no token) after the first 10 lines of the file; the limit is 20,000 bytes.
    qsizetype cut = 0; // where the eleventh token starts (tokens repeat: search on from each one)
    for (int i = 0; i <= 10; ++i)
        cut = file.indexOf(tokens[i], i == 0 ? 0 : cut + tokens[i - 1].size());
    QByteArray data = file.left(cut) + QByteArray(50000, 'A') + '\n' + file.mid(cut);
    const BatchVerifier batch(keySetsFor(m_families[1]).first(), m_policies[1]);
    const auto whole = batch.run(QByteArrayView(file), 1, true);
    QBuffer device(&data);
    QVERIFY(device.open(QIODevice::ReadOnly));
    const auto streamed = batch.run(device, 1, true, {}, BatchVerifier::StreamLimits {4096, 20000});
    QVERIFY(streamed.ok());
    const auto &s = streamed.value();
    QCOMPARE(s.total, whole.total + 1);
    QCOMPARE(s.valid, whole.valid);
    const int longLine = lineOf[10];
    QCOMPARE(s.results[10].line, longLine);
    QCOMPARE(s.results[10].valid, false);
    QCOMPARE(s.results[10].reason, QStringLiteral("parse: the line is longer than 20000 bytes; not read as a token"));
    // Every other line keeps its verdict; the ones after it are one line further down.
    for (int i = 0; i < whole.results.size(); ++i) {
        const auto &r = s.results[i < 10 ? i : i + 1];
        QCOMPARE(r.valid, whole.results[i].valid);
        QCOMPARE(r.line, whole.results[i].line + (i < 10 ? 0 : 1));
    }
}

void TestBatchVerifier::streamReportsReadFailure()
{
    QList<QByteArray> tokens;
    QList<int> lineOf;
    jwb::test::FailingDevice device(rsaFile(&tokens, &lineOf), 10000);
    const BatchVerifier batch(keySetsFor(m_families[1]).first(), m_policies[1]);
    const auto streamed = batch.run(device, 1, false, {}, BatchVerifier::StreamLimits {4096, 20000});
    QVERIFY(!streamed.ok());
    QCOMPARE(streamed.error().code, QStringLiteral("unreadable_input"));
    QCOMPARE(
        streamed.error().message, QStringLiteral("reading the tokens stopped after 10000 bytes: Input/output error"));
}

void TestBatchVerifier::preparedVerifierMatchesSignature()
{
    QRandomGenerator rng(7);
    for (const Family &f : std::as_const(m_families)) {
        for (Algorithm alg : f.algs) {
            const QByteArray input = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0";
            const QByteArray sig = jwb::crypto::Signature::sign(alg, f.priv, input).value();
            auto prepared = jwb::crypto::PreparedVerifier::create(alg, f.priv.publicKey());
            QVERIFY(prepared.ok());
            for (int round = 0; round < 50; ++round) {
                QByteArray s = sig, in = input;
                if (round % 3 == 1)
                    s[static_cast<int>(rng.bounded(static_cast<int>(s.size())))] ^= 1;
                if (round % 3 == 2)
                    in[static_cast<int>(rng.bounded(static_cast<int>(in.size())))] ^= 4;
                if (round == 49)
                    s.chop(1);
                const bool reference = jwb::crypto::Signature::verify(alg, f.priv.publicKey(), in, s).ok();
                const bool fast = prepared.value().verify(in.constData(), static_cast<std::size_t>(in.size()),
                    reinterpret_cast<const unsigned char *>(s.constData()), static_cast<std::size_t>(s.size()));
                QCOMPARE(fast, reference);
                QCOMPARE(fast, round % 3 == 0 && round != 49);
            }
            // The wrong key type is refused at creation, with checkKeyFits' message.
            const Key wrong = f.name == u"oct" ? m_families[1].priv.publicKey() : m_families[0].priv;
            QVERIFY(!jwb::crypto::PreparedVerifier::create(alg, wrong).ok());
        }
    }
}

void TestBatchVerifier::otherStrategiesUseReference()
{
    Policy policy = m_policies[0];
    policy.keyIdStrategy = jwb::validation::KeyIdStrategy::X5t;
    const Family &f = m_families[0];
    const QByteArray token
        = sign(Algorithm::HS256, f.priv, "{\"alg\":\"HS256\",\"kid\":\"k1\"}", "{\"exp\":1800003600}");
    const BatchVerifier batch(keySetsFor(f).first(), policy);
    QVERIFY(!batch.fastPathEnabled());
    BatchVerifier::Worker worker(batch);
    QCOMPARE(worker.check(QByteArrayView(token)), BatchVerifier::Verdict::Unsure);
    const auto summary = batch.run(QByteArrayView(token), 1, false);
    QCOMPARE(summary.valid, Verifier::verify(QString::fromLatin1(token), keySetsFor(f).first(), policy).valid ? 1 : 0);
}

QTEST_GUILESS_MAIN(TestBatchVerifier)
#include "tst_batchverifier.moc"
