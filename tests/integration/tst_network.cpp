// Keys from the network, end to end: the real CLI (`jwks fetch`, `verify --jwks-url/--issuer`) against the
// Node fault server of tests/integration/servers/fault-server.mjs, over TLS with a PKI that the test makes with
// the openssl command (test CA, good, expired, wrong-host and unknown-CA certificates). Every listener is on
// 127.0.0.1; the server is started in initTestCase and stopped in cleanupTestCase (and exits by itself when
// this process dies, since its stdin closes).
//
// Asserted contract (docs/cli.md): exit 0 success, 1 invalid token, 2 usage/input (http without --insecure,
// malformed --pin), 3 network/TLS (DNS, refused, TLS with the reason, pin mismatch, HTTP status, timeout,
// too large, redirect to http, ...), the `--json` error codes, and the pins: URL-safe base64 with padding of
// SHA-256 over each presented certificate's SubjectPublicKeyInfo, computed here independently with openssl.
#include "IntegrationSupport.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

using namespace Qt::StringLiterals;
using jwb::itest::Run;
using jwb::itest::runCli;

namespace {

QByteArray b64u(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonArray findings(const QJsonObject &doc)
{
    return doc.value("findings"_L1).toArray();
}

QStringList findingCodes(const QJsonObject &doc)
{
    QStringList codes;
    for (const auto &f : findings(doc))
        codes << f.toObject().value("code"_L1).toString();
    return codes;
}

QJsonObject findingOf(const QJsonObject &doc, const QString &code)
{
    for (const auto &f : findings(doc))
        if (f.toObject().value("code"_L1).toString() == code)
            return f.toObject();
    return {};
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const auto &v : array.toArray())
        out << v.toString();
    return out;
}

QStringList keyIds(const QJsonObject &doc)
{
    QStringList kids;
    for (const auto &k : doc.value("keys"_L1).toArray())
        kids << k.toObject().value("kid"_L1).toString();
    return kids;
}

/// The check called `name` in a `verify --json` document (empty when absent).
QJsonObject checkNamed(const QJsonObject &doc, const QString &name)
{
    for (const auto &c : doc.value("checks"_L1).toArray())
        if (c.toObject().value("name"_L1).toString() == name)
            return c.toObject();
    return {};
}

} // namespace

class NetworkTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void fetch_data();
    void fetch();
    void verify_data();
    void verify();
    void pinsListed_data();
    void pinsListed();
    void pinsOfOtherServers();
    void textOutput();
    void invalidJsonOffset();
    void timeoutsAreBounded_data();
    void timeoutsAreBounded();

private:
    /// URL of `path` on one of the fault server's listeners (good, leafonly, expired, wronghost, unknownca,
    /// http, closed).
    [[nodiscard]] QString at(const QString &listener, const QString &path = {}) const
    {
        return u"%1://127.0.0.1:%2%3"_s.arg(listener == u"http" ? u"http"_s : u"https"_s)
            .arg(m_server.port(listener))
            .arg(path);
    }
    [[nodiscard]] QString file(const QString &name) const { return m_dir.filePath(name); }
    /// `args` plus --ca with the test CA.
    [[nodiscard]] QStringList withCa(QStringList args) const { return args << u"--ca"_s << file(u"ca.pem"_s); }
    QString makeKeyAndToken(const QString &alg, const QString &kid, QJsonArray *publicKeys);

    QTemporaryDir m_dir;
    jwb::itest::NodeServer m_server;
    QHash<QString, QString> m_tokens;
    QString m_leafPin; ///< good.pem, from openssl
    QString m_caPin; ///< ca.pem, from openssl
    QString m_expiredPin; ///< expired.pem
    QString m_otherPin; ///< unknownca.pem: well-formed, matches none of the good server's certificates
};

QString NetworkTest::makeKeyAndToken(const QString &alg, const QString &kid, QJsonArray *publicKeys)
{
    const QString keyFile = file(kid + u".jwk"_s);
    const Run key = runCli({u"keygen"_s, u"--alg"_s, alg, u"--kid"_s, kid});
    if (key.exitCode != 0 || !jwb::itest::writeFile(keyFile, key.out))
        return {};
    if (publicKeys) {
        const Run pub = runCli({u"key"_s, u"convert"_s, keyFile, u"--to"_s, u"jwks"_s, u"--public"_s});
        const QJsonArray keys = pub.json.value("keys"_L1).toArray();
        if (pub.exitCode != 0 || keys.size() != 1 || keys.first().toObject().contains("d"_L1))
            return {};
        publicKeys->append(keys.first());
    }
    const Run signed_ = runCli({u"sign"_s, u"--key"_s, keyFile, u"--alg"_s, alg, u"--exp"_s, u"1h"_s, u"--iat"_s,
        u"{\"sub\":\"alice\",\"iss\":\"https://issuer.jwb.test\",\"aud\":\"net-api\"}"_s});
    return signed_.exitCode == 0 ? QString::fromLatin1(signed_.out.trimmed()) : QString();
}

void NetworkTest::initTestCase()
{
    const QString node = jwb::itest::findNode();
    JWB_REQUIRE(
        !node.isEmpty(), u"node is not installed: the JWKS fault server needs Node.js (apt-get install nodejs)"_s);
    JWB_REQUIRE(!jwb::itest::findOpenssl().isEmpty(), u"the openssl command is not installed"_s);
    QVERIFY(m_dir.isValid());

    jwb::itest::TestPki pki(m_dir.path());
    QString error;
    QVERIFY2(pki.create(&error), qPrintable(error));
    for (const auto &[pin, cert] : {std::pair {&m_leafPin, u"good.pem"_s}, std::pair {&m_caPin, u"ca.pem"_s},
             std::pair {&m_expiredPin, u"expired.pem"_s}, std::pair {&m_otherPin, u"unknownca.pem"_s}}) {
        *pin = pki.pin(file(cert), &error);
        QVERIFY2(!pin->isEmpty(), qPrintable(error));
        QCOMPARE(pin->size(), 44);
        QVERIFY(pin->endsWith(u'='));
    }
    QCOMPARE(QSet<QString>({m_leafPin, m_caPin, m_expiredPin, m_otherPin}).size(), 4);

    // Keys made and tokens signed by the CLI; the server publishes the public halves of "es" and "rs" only.
    QJsonArray published;
    m_tokens.insert(u"es"_s, makeKeyAndToken(u"ES256"_s, u"net-es256"_s, &published));
    m_tokens.insert(u"rs"_s, makeKeyAndToken(u"RS256"_s, u"net-rs256"_s, &published));
    m_tokens.insert(u"stranger"_s, makeKeyAndToken(u"ES256"_s, u"net-stranger"_s, nullptr));
    for (auto it = m_tokens.cbegin(); it != m_tokens.cend(); ++it)
        QVERIFY2(it.value().count(u'.') == 2, qPrintable(u"no token for "_s + it.key()));
    QCOMPARE(published.size(), 2);
    // The ES256 token with another payload and the original signature.
    QStringList parts = m_tokens.value(u"es"_s).split(u'.');
    parts[1]
        = QString::fromLatin1(b64u("{\"sub\":\"mallory\",\"iss\":\"https://issuer.jwb.test\",\"aud\":\"net-api\"}"));
    m_tokens.insert(u"tampered"_s, parts.join(u'.'));
    const QByteArray jwks = QJsonDocument(QJsonObject {{u"keys"_s, published}}).toJson();
    QVERIFY(jwb::itest::writeFile(file(u"jwks.json"_s), jwks));
    QVERIFY(jwb::itest::writeFile(file(u"garbage.pem"_s), "not a certificate\n"));

    const QString script = jwb::itest::serversDir() + u"/fault-server.mjs"_s;
    QVERIFY2(m_server.start(node, script, {m_dir.path()}, &error), qPrintable(error));
    for (const auto *name : {"good", "leafonly", "expired", "wronghost", "unknownca", "http", "closed"})
        QVERIFY2(m_server.port(QLatin1String(name)) > 0, name);
    // Tokens whose iss is one of the server's issuers (known once it listens), signed with the published keys.
    const auto signAs = [this](const QString &kid, const QString &alg, const QString &iss) {
        QJsonObject claims {{u"sub"_s, u"alice"_s}, {u"aud"_s, u"net-api"_s}};
        if (!iss.isEmpty())
            claims.insert(u"iss"_s, iss);
        const Run r = runCli({u"sign"_s, u"--key"_s, file(kid + u".jwk"_s), u"--alg"_s, alg, u"--exp"_s, u"1h"_s,
            QString::fromUtf8(QJsonDocument(claims).toJson(QJsonDocument::Compact))});
        return r.exitCode == 0 ? QString::fromLatin1(r.out.trimmed()) : QString();
    };
    m_tokens.insert(u"es@root"_s, signAs(u"net-es256"_s, u"ES256"_s, at(u"good"_s)));
    m_tokens.insert(u"rs@oidc"_s, signAs(u"net-rs256"_s, u"RS256"_s, at(u"good"_s, u"/oidc"_s)));
    m_tokens.insert(u"es@as"_s, signAs(u"net-es256"_s, u"ES256"_s, at(u"good"_s, u"/as"_s)));
    m_tokens.insert(u"es@none"_s, signAs(u"net-es256"_s, u"ES256"_s, QString()));
    for (const auto *name : {"es@root", "rs@oidc", "es@as", "es@none"})
        QVERIFY2(m_tokens.value(QLatin1String(name)).count(u'.') == 2, name);
}

void NetworkTest::cleanupTestCase()
{
    const bool running = m_server.isRunning();
    const QByteArray err = m_server.stderrText();
    m_server.stop();
    if (m_server.ready().isEmpty())
        return; // skipped or never started
    QVERIFY2(running, QByteArray("the fault server died during the run: " + err).constData());
}

// `jwks fetch URL|--issuer URL ... --json`: exit code, error code and message, or the keys and findings.
void NetworkTest::fetch_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errorCode"); ///< empty: success
    QTest::addColumn<QStringList>("messageHas"); ///< substrings of the error message (case-insensitive)
    QTest::addColumn<QString>("finding"); ///< a finding code the success must carry ("" = no findings)

    auto ok = [](const char *name, const QStringList &args, const QString &finding = {}) {
        QTest::newRow(name) << args << 0 << QString() << QStringList() << finding;
    };
    auto fails = [](const char *name, const QStringList &args, int exitCode, const QString &code,
                     const QStringList &messageHas) {
        QTest::newRow(name) << args << exitCode << code << messageHas << QString();
    };
    const QString good = u"good"_s;
    const QString jwks = at(good, u"/jwks.json"_s);
    const QString iss = u"--issuer"_s, pin = u"--pin"_s, insecure = u"--insecure"_s;

    // Success, with the findings KrakenD would care about.
    ok("application/json", withCa({jwks}));
    ok("application/jwk-set+json", withCa({at(good, u"/jwks-jwkset"_s)}));
    ok("json with charset", withCa({at(good, u"/jwks-charset"_s)}));
    ok("text/plain: keys listed, finding", withCa({at(good, u"/text-plain"_s)}), u"jwks_content_type"_s);
    ok("one bad key: finding", withCa({at(good, u"/bad-key"_s)}), u"unusable_key"_s);
    ok("redirect to https", withCa({at(good, u"/redirect-https"_s)}));
    ok("issuer: OpenID discovery", withCa({iss, at(good)}));
    ok("issuer with path", withCa({iss, at(good, u"/oidc"_s)}));
    ok("issuer: RFC 8414 fallback", withCa({iss, at(good, u"/as"_s)}));
    ok("http with --insecure", {at(u"http"_s, u"/jwks.json"_s), insecure});
    ok("redirect to http with --insecure", {at(good, u"/redirect-http"_s), insecure});
    ok("expired with --insecure", {at(u"expired"_s, u"/jwks.json"_s), insecure});
    ok("unknown CA with --insecure", {at(u"unknownca"_s, u"/jwks.json"_s), insecure});
    ok("pin: leaf", withCa({jwks, pin, m_leafPin}));
    ok("pin: CA sent in the chain", withCa({jwks, pin, m_caPin}));
    ok("pin: one of several", withCa({jwks, pin, m_otherPin, pin, m_leafPin}));
    ok("pin: leaf-only server, leaf pin", withCa({at(u"leafonly"_s, u"/jwks.json"_s), pin, m_leafPin}));
    ok("pin: issuer, both requests", withCa({iss, at(good, u"/oidc"_s), pin, m_caPin}));
    ok("pin: after a redirect", withCa({at(good, u"/redirect-https"_s), pin, m_leafPin}));
    ok("pin: jwks_uri on another server, leaf pin", withCa({iss, at(good, u"/cross"_s), pin, m_leafPin}));
    ok("pin: insecure, expired, its pin", {at(u"expired"_s, u"/jwks.json"_s), insecure, pin, m_expiredPin});

    // Network and TLS errors: exit 3.
    fails("no --ca: untrusted", {jwks}, 3, u"tls_error"_s, {u"TLS with 127.0.0.1 failed"_s});
    fails("expired certificate", withCa({at(u"expired"_s, u"/jwks.json"_s)}), 3, u"tls_error"_s,
        {u"certificate has expired"_s});
    fails(
        "wrong host", withCa({at(u"wronghost"_s, u"/jwks.json"_s)}), 3, u"tls_error"_s, {u"host name did not match"_s});
    fails("unknown CA", withCa({at(u"unknownca"_s, u"/jwks.json"_s)}), 3, u"tls_error"_s, {u"issuer certificate"_s});
    fails("pin mismatch (names the presented pins)", withCa({jwks, pin, m_otherPin}), 3, u"pin_mismatch"_s,
        {m_leafPin, m_caPin});
    fails("pin: CA not sent by a leaf-only server", withCa({at(u"leafonly"_s, u"/jwks.json"_s), pin, m_caPin}), 3,
        u"pin_mismatch"_s, {m_leafPin});
    fails("pin: issuer", withCa({iss, at(good, u"/oidc"_s), pin, m_otherPin}), 3, u"pin_mismatch"_s, {u"discovery"_s});
    fails("pin: jwks_uri on another server without the CA", withCa({iss, at(good, u"/cross"_s), pin, m_caPin}), 3,
        u"pin_mismatch"_s, {at(u"leafonly"_s)});
    fails("pin: redirect to a server without the CA", withCa({at(good, u"/redirect-leafonly"_s), pin, m_caPin}), 3,
        u"pin_mismatch"_s, {m_leafPin, at(u"leafonly"_s)});
    fails("pin: insecure still pins", {at(u"expired"_s, u"/jwks.json"_s), insecure, pin, m_leafPin}, 3,
        u"pin_mismatch"_s, {m_expiredPin});
    fails("connection refused", withCa({at(u"closed"_s, u"/jwks.json"_s)}), 3, u"connection_refused"_s, {u"refused"_s});
    fails("DNS failure", {u"https://jwb-no-such-host.invalid/jwks.json"_s}, 3, u"dns_failure"_s,
        {u"jwb-no-such-host.invalid"_s, u"DNS"_s});
    fails("HTTP 404", withCa({at(good, u"/404"_s)}), 3, u"http_status"_s, {u"HTTP 404"_s});
    fails("HTTP 503", withCa({at(good, u"/503"_s)}), 3, u"http_status"_s, {u"HTTP 503"_s});
    fails("too large (Content-Length)", withCa({at(good, u"/big"_s)}), 3, u"too_large"_s, {u"exceeds 2048 KiB"_s});
    fails("too large (chunked)", withCa({at(good, u"/big-chunked"_s)}), 3, u"too_large"_s, {u"exceeds 2048 KiB"_s});
    fails("redirect to http", withCa({at(good, u"/redirect-http"_s)}), 3, u"redirect_insecure"_s,
        {u"not https"_s, at(u"http"_s, u"/jwks.json"_s)});
    fails("endless redirects", withCa({at(good, u"/redirect-loop"_s)}), 3, u"too_many_redirects"_s,
        {u"more than 5 times"_s});
    fails("invalid JSON", withCa({at(good, u"/invalid-json"_s)}), 3, u"invalid_json"_s,
        {u"not valid JSON"_s, u"at byte"_s});
    fails("JSON, not a JWK Set", withCa({at(good, u"/not-jwks"_s)}), 3, u"not_jwks"_s, {u"\"keys\""_s});
    fails("empty keys array", withCa({at(good, u"/empty"_s)}), 3, u"empty_jwks"_s, {u"no keys"_s});
    fails("issuer: no jwks_uri", withCa({iss, at(good, u"/nojwks"_s)}), 3, u"no_jwks_uri"_s, {u"jwks_uri"_s});
    // OpenID Connect Discovery §4.3: the document's issuer must be identical to the URL it was fetched for.
    fails("issuer: document names another issuer", withCa({iss, at(good, u"/mismatch"_s)}), 3, u"issuer_mismatch"_s,
        {u"\"https://someone-else.example\""_s, u"\""_s + at(good, u"/mismatch"_s) + u"\""_s, u"§4.3"_s});
    fails("issuer: document without issuer", withCa({iss, at(good, u"/noissuer"_s)}), 3, u"issuer_mismatch"_s,
        {u"has no issuer"_s, at(good, u"/noissuer"_s)});
    fails("issuer: trailing slash differs", withCa({iss, at(good, u"/slash"_s)}), 3, u"issuer_mismatch"_s,
        {u"trailing slash"_s, at(good, u"/slash/"_s)});
    fails("issuer: no metadata at all", withCa({iss, at(good, u"/none"_s)}), 3, u"http_status"_s,
        {u"discovery"_s, u"oauth-authorization-server/none"_s, u"HTTP 404"_s});
    fails("issuer: TLS error", withCa({iss, at(u"expired"_s)}), 3, u"tls_error"_s, {u"discovery"_s, u"expired"_s});

    // Usage and input errors: exit 2.
    fails("http without --insecure", {at(u"http"_s, u"/jwks.json"_s)}, 2, u"insecure_url"_s,
        {u"not https"_s, u"--insecure"_s});
    fails("issuer over http without --insecure", {iss, at(u"http"_s)}, 2, u"insecure_url"_s, {u"not https"_s});
    fails("not an http URL", {u"ftp://127.0.0.1/jwks.json"_s}, 2, u"invalid_url"_s, {u"not an http(s) URL"_s});
    fails("malformed pin", withCa({jwks, pin, u"abc"_s}), 2, u"invalid_pin"_s, {u"\"abc\""_s, u"URL-safe base64"_s});
    QString standardBase64 = m_leafPin;
    standardBase64[0] = u'+';
    fails("pin in standard base64", withCa({jwks, pin, standardBase64}), 2, u"invalid_pin"_s, {standardBase64});
    const QString unpadded = m_leafPin.chopped(1);
    fails("pin without padding", withCa({jwks, pin, unpadded}), 2, u"invalid_pin"_s, {unpadded});
    fails("--ca is not a certificate", {jwks, u"--ca"_s, file(u"garbage.pem"_s)}, 2, u"invalid_certificate"_s,
        {u"no certificate"_s});
    fails("--ca missing", {jwks, u"--ca"_s, file(u"missing.pem"_s)}, 2, u"unreadable_file"_s, {u"missing.pem"_s});
    fails("--timeout 0s", withCa({jwks, u"--timeout"_s, u"0s"_s}), 2, u"usage"_s, {u"--timeout"_s});
    fails("URL and --issuer", withCa({jwks, iss, at(good)}), 2, u"usage"_s, {u"either"_s});
}

void NetworkTest::fetch()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, errorCode);
    QFETCH(QStringList, messageHas);
    QFETCH(QString, finding);

    const Run r = runCli(QStringList {u"jwks"_s, u"fetch"_s} + args + QStringList {u"--json"_s});
    QVERIFY2(r.jsonOk, r.describe().constData());
    QVERIFY2(r.exitCode == exitCode, r.describe().constData());
    if (!errorCode.isEmpty()) {
        QCOMPARE(r.errorCode(), errorCode);
        for (const QString &part : std::as_const(messageHas))
            QVERIFY2(r.errorMessage().contains(part, Qt::CaseInsensitive),
                qPrintable(u"\"%1\" not in: %2"_s.arg(part, r.errorMessage())));
        // The same message on stderr, for people.
        QVERIFY2(QString::fromUtf8(r.err).contains(r.errorMessage()), r.describe().constData());
        QVERIFY(!r.json.contains("keys"_L1));
        return;
    }
    QVERIFY2(!r.json.contains("error"_L1), r.describe().constData());
    QCOMPARE(r.json.value("status"_L1).toInt(), 200);
    const QStringList kids = keyIds(r.json);
    QVERIFY2(kids.contains(u"net-es256"_s) && kids.contains(u"net-rs256"_s), r.describe().constData());
    const QStringList codes = findingCodes(r.json);
    if (finding.isEmpty()) {
        QVERIFY2(codes.isEmpty(), r.describe().constData());
    } else {
        QVERIFY2(codes.contains(finding), r.describe().constData());
        QCOMPARE(findingOf(r.json, finding).value("severity"_L1).toString(), u"error"_s);
    }
    const QString findingMessage = findingOf(r.json, finding).value("message"_L1).toString();
    if (finding == u"unusable_key") {
        // The bad key is named, with the reason, and the good ones are still listed.
        QCOMPARE(findingOf(r.json, finding).value("subject"_L1).toString(), u"broken-key"_s);
        QVERIFY2(
            findingMessage.contains("broken-key"_L1) && findingMessage.contains("XYZ"_L1), r.describe().constData());
        QCOMPARE(kids.size(), 2);
    }
    if (finding == u"jwks_content_type")
        QVERIFY2(findingMessage.contains("text/plain"_L1), r.describe().constData());
    QCOMPARE(r.json.value("insecure"_L1).toBool(), args.contains(u"--insecure"_s));
    if (args.contains(u"--issuer"_s)) {
        const bool rfc8414 = args.contains(at(u"good"_s, u"/as"_s));
        QVERIFY2(r.json.value("discovery_url"_L1)
                     .toString()
                     .endsWith(rfc8414 ? "/.well-known/oauth-authorization-server/as"_L1
                                       : "/.well-known/openid-configuration"_L1),
            r.describe().constData());
    }
}

// Verification through the network: the CLI signs, the server publishes, verify fetches.
void NetworkTest::verify_data()
{
    QTest::addColumn<QString>("tokenName");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code"); ///< exit 2/3: the error code; exit 1: the check that failed
    QTest::addColumn<QString>("messageHas"); ///< in the error message, or the failed check's message

    auto row = [](const char *name, const QString &token, const QStringList &args, int exitCode,
                   const QString &code = {}, const QString &messageHas = {}) {
        QTest::newRow(name) << token << args << exitCode << code << messageHas;
    };
    const QString es = u"es"_s, rs = u"rs"_s, good = u"good"_s;
    const QString url = u"--jwks-url"_s, iss = u"--issuer"_s;
    const QString jwks = at(good, u"/jwks.json"_s);
    const QStringList checks {u"--aud"_s, u"net-api"_s, u"--iss"_s, u"https://issuer.jwb.test"_s, u"--require-exp"_s};

    row("ES256 via --jwks-url", es, withCa({url, jwks}) + checks, 0);
    row("RS256 via --jwks-url", rs, withCa({url, jwks}) + checks, 0);
    row("RS256 with --alg", rs, withCa({url, jwks, u"--alg"_s, u"RS256"_s}), 0);
    // --issuer binds the token to the issuer: its iss must be the issuer the keys were discovered for.
    const QStringList issuerChecks {u"--aud"_s, u"net-api"_s, u"--require-exp"_s};
    row("via --issuer", u"es@root"_s, withCa({iss, at(good)}) + issuerChecks, 0);
    row("via --issuer with path", u"rs@oidc"_s, withCa({iss, at(good, u"/oidc"_s)}) + issuerChecks, 0);
    row("via RFC 8414 metadata", u"es@as"_s, withCa({iss, at(good, u"/as"_s)}) + issuerChecks, 0);
    row("via --issuer and the same --iss", u"es@root"_s, withCa({iss, at(good), u"--iss"_s, at(good)}), 0);
    row("--issuer: token of another issuer", es, withCa({iss, at(good)}) + issuerChecks, 1, u"iss"_s,
        u"iss is \"https://issuer.jwb.test\", but the keys are those of issuer \"%1\""_s.arg(at(good)));
    row("--issuer: another tenant of the same server", u"es@root"_s, withCa({iss, at(good, u"/oidc"_s)}), 1, u"iss"_s,
        u"iss is \"%1\", but the keys are those of issuer \"%2\""_s.arg(at(good), at(good, u"/oidc"_s)));
    row("--issuer: token without iss", u"es@none"_s, withCa({iss, at(good)}), 1, u"iss"_s, u"no iss claim"_s);
    row("--issuer and another --iss", u"es@root"_s, withCa({iss, at(good), u"--iss"_s, u"https://other.test"_s}), 1,
        u"iss"_s, u"no token can satisfy both"_s);
    row("--issuer: document names another issuer", u"es@root"_s, withCa({iss, at(good, u"/mismatch"_s)}), 3,
        u"issuer_mismatch"_s, u"someone-else.example"_s);
    row("pinned", es, withCa({url, jwks, u"--pin"_s, m_leafPin}), 0);
    row("set with a bad key", es, withCa({url, at(good, u"/bad-key"_s)}), 0);
    row("http with --insecure", rs, {url, at(u"http"_s, u"/jwks.json"_s), u"--insecure"_s}, 0);

    row("kid not in the set", u"stranger"_s, withCa({url, jwks}), 1, u"key"_s, u"net-stranger"_s);
    row("tampered payload", u"tampered"_s, withCa({url, jwks}), 1, u"signature"_s);
    row("wrong audience", es, withCa({url, jwks, u"--aud"_s, u"other-api"_s}), 1, u"aud"_s, u"other-api"_s);
    row("wrong --alg", es, withCa({url, jwks, u"--alg"_s, u"ES384"_s}), 1, u"alg"_s);

    row("untrusted without --ca", es, {url, jwks}, 3, u"tls_error"_s);
    row("expired certificate", es, withCa({url, at(u"expired"_s, u"/jwks.json"_s)}), 3, u"tls_error"_s, u"expired"_s);
    row("wrong host", es, withCa({url, at(u"wronghost"_s, u"/jwks.json"_s)}), 3, u"tls_error"_s, u"host name"_s);
    row("unknown CA", es, withCa({iss, at(u"unknownca"_s)}), 3, u"tls_error"_s, u"discovery"_s);
    row("pin mismatch", es, withCa({url, jwks, u"--pin"_s, m_otherPin}), 3, u"pin_mismatch"_s, m_leafPin);
    row("HTTP 404", es, withCa({url, at(good, u"/404"_s)}), 3, u"http_status"_s, u"404"_s);
    row("HTTP 503", es, withCa({url, at(good, u"/503"_s)}), 3, u"http_status"_s, u"503"_s);
    row("timeout", es, withCa({url, at(good, u"/slow"_s), u"--timeout"_s, u"2s"_s}), 3, u"timeout"_s, u"2 s"_s);
    row("too large", es, withCa({url, at(good, u"/big"_s)}), 3, u"too_large"_s);
    row("redirect to http", es, withCa({url, at(good, u"/redirect-http"_s)}), 3, u"redirect_insecure"_s);
    row("invalid JSON", es, withCa({url, at(good, u"/invalid-json"_s)}), 3, u"invalid_json"_s, u"byte"_s);
    row("connection refused", es, withCa({url, at(u"closed"_s, u"/jwks.json"_s)}), 3, u"connection_refused"_s);
    row("DNS failure", es, {iss, u"https://jwb-no-such-host.invalid"_s}, 3, u"dns_failure"_s);
    row("issuer without metadata", es, withCa({iss, at(good, u"/none"_s)}), 3, u"http_status"_s, u"404"_s);

    row("http without --insecure", es, {url, at(u"http"_s, u"/jwks.json"_s)}, 2, u"insecure_url"_s);
    row("malformed pin", es, withCa({url, jwks, u"--pin"_s, u"sha256/AAAA"_s}), 2, u"invalid_pin"_s);
    row("two key sources", es, withCa({url, jwks, iss, at(good)}), 2, u"usage"_s);
}

void NetworkTest::verify()
{
    QFETCH(QString, tokenName);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QFETCH(QString, messageHas);

    const Run r = runCli(QStringList {u"verify"_s, m_tokens.value(tokenName)} + args + QStringList {u"--json"_s});
    QVERIFY2(r.jsonOk, r.describe().constData());
    QVERIFY2(r.exitCode == exitCode, r.describe().constData());
    if (exitCode >= 2) {
        QCOMPARE(r.errorCode(), code);
        QVERIFY2(r.errorMessage().contains(messageHas, Qt::CaseInsensitive), r.describe().constData());
        return;
    }
    QCOMPARE(r.json.value("valid"_L1).toBool(), exitCode == 0);
    if (exitCode == 0) {
        const QString kid = r.json.value("key"_L1).toObject().value("kid"_L1).toString();
        QCOMPARE(kid, tokenName.startsWith(u"rs") ? u"net-rs256"_s : u"net-es256"_s);
        for (const auto &c : r.json.value("checks"_L1).toArray())
            QVERIFY2(c.toObject().value("ok"_L1).toBool(), r.describe().constData());
        if (args.contains(at(u"good"_s, u"/bad-key"_s)))
            QVERIFY2(findingCodes(r.json).contains(u"unusable_key"_s), r.describe().constData());
        return;
    }
    const QJsonObject failed = checkNamed(r.json, code);
    QVERIFY2(!failed.isEmpty() && !failed.value("ok"_L1).toBool(), r.describe().constData());
    QVERIFY2(failed.value("message"_L1).toString().contains(messageHas), r.describe().constData());
}

// The pins of the presented chain, in KrakenD's format, equal openssl's computation.
void NetworkTest::pinsListed_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("withChain");

    QTest::newRow("leaf + CA") << QStringList {at(u"good"_s, u"/jwks.json"_s)} << true;
    QTest::newRow("leaf only") << QStringList {at(u"leafonly"_s, u"/jwks.json"_s)} << false;
    QTest::newRow("after a redirect") << QStringList {at(u"good"_s, u"/redirect-https"_s)} << true;
    // Discovery and jwks_uri share one connection: the JWKS request must still report (and check) the chain.
    QTest::newRow("issuer discovery") << QStringList {u"--issuer"_s, at(u"good"_s, u"/oidc"_s)} << true;
    QTest::newRow("RFC 8414 discovery") << QStringList {u"--issuer"_s, at(u"good"_s, u"/as"_s)} << true;
}

void NetworkTest::pinsListed()
{
    QFETCH(QStringList, args);
    QFETCH(bool, withChain);

    const Run r = runCli(QStringList {u"jwks"_s, u"fetch"_s, u"--json"_s} + withCa(args));
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    const QStringList expected = withChain ? QStringList {m_leafPin, m_caPin} : QStringList {m_leafPin};
    QCOMPARE(strings(r.json.value("pins"_L1)), expected);
    const QJsonArray chain = r.json.value("tls_chain"_L1).toArray();
    QCOMPARE(chain.size(), expected.size());
    const QJsonObject leaf = chain.at(0).toObject();
    QCOMPARE(leaf.value("subject"_L1).toString(), u"127.0.0.1"_s);
    QCOMPARE(leaf.value("issuer"_L1).toString(), u"JWB Test CA"_s);
    QCOMPARE(leaf.value("pin"_L1).toString(), m_leafPin);
    QVERIFY(!leaf.value("not_after"_L1).toString().isEmpty());
    if (withChain)
        QCOMPARE(chain.at(1).toObject().value("subject"_L1).toString(), u"JWB Test CA"_s);
}

// The expired and unknown-CA servers (seen with --insecure) list their own certificates' pins.
void NetworkTest::pinsOfOtherServers()
{
    const Run expired
        = runCli({u"jwks"_s, u"fetch"_s, at(u"expired"_s, u"/jwks.json"_s), u"--insecure"_s, u"--json"_s});
    QVERIFY2(expired.exitCode == 0, expired.describe().constData());
    QCOMPARE(strings(expired.json.value("pins"_L1)), (QStringList {m_expiredPin, m_caPin}));
    QCOMPARE(expired.json.value("tls_chain"_L1).toArray().at(0).toObject().value("not_after"_L1).toString(),
        u"2020-02-01T00:00:00Z"_s);
    const Run unknown
        = runCli({u"jwks"_s, u"fetch"_s, at(u"unknownca"_s, u"/jwks.json"_s), u"--insecure"_s, u"--json"_s});
    QVERIFY2(unknown.exitCode == 0, unknown.describe().constData());
    QCOMPARE(strings(unknown.json.value("pins"_L1)), QStringList {m_otherPin});
}

// Text mode: the same exit codes, pins for copying, and a loud warning under --insecure.
void NetworkTest::textOutput()
{
    const Run ok = runCli(withCa({u"jwks"_s, u"fetch"_s, at(u"good"_s, u"/jwks.json"_s)}));
    QVERIFY2(ok.exitCode == 0, ok.describe().constData());
    const QString text = QString::fromUtf8(ok.out);
    QVERIFY2(text.contains(m_leafPin) && text.contains(m_caPin), ok.describe().constData());
    QVERIFY2(text.contains("max-age 300"_L1), ok.describe().constData());
    QVERIFY2(text.contains("net-es256"_L1) && text.contains("net-rs256"_L1), ok.describe().constData());
    QVERIFY2(!text.contains("WARNING"_L1), ok.describe().constData());

    const Run insecure = runCli({u"jwks"_s, u"fetch"_s, at(u"http"_s, u"/jwks.json"_s), u"--insecure"_s});
    QVERIFY2(insecure.exitCode == 0, insecure.describe().constData());
    QVERIFY2(insecure.out.contains("WARNING: --insecure"), insecure.describe().constData());

    const Run failed = runCli(withCa({u"jwks"_s, u"fetch"_s, at(u"expired"_s, u"/jwks.json"_s)}));
    QCOMPARE(failed.exitCode, 3);
    QVERIFY2(failed.out.isEmpty(), failed.describe().constData());
    QVERIFY2(failed.err.startsWith("error: TLS with 127.0.0.1 failed") && failed.err.contains("expired"),
        failed.describe().constData());
}

// The stray comma of {"keys": [{"kty": "EC", "x":,"y": "1"}]} is byte 28 (0-based); QJsonParseError reports
// the offset just past the offending character. The offset is in the message and in the JSON error.
void NetworkTest::invalidJsonOffset()
{
    const Run r = runCli(withCa({u"jwks"_s, u"fetch"_s, at(u"good"_s, u"/invalid-json"_s), u"--json"_s}));
    QCOMPARE(r.exitCode, 3);
    const int offset = r.json.value("error"_L1).toObject().value("offset"_L1).toInt(-1);
    QVERIFY2(offset == 28 || offset == 29, r.describe().constData());
    QVERIFY2(r.errorMessage().contains(u"at byte %1"_s.arg(offset)), r.describe().constData());
}

// Slow servers end in bounded time with a timeout error: one that never answers (transfer timeout) and one that
// trickles a byte every 300 ms forever (the overall deadline: --timeout plus one second).
void NetworkTest::timeoutsAreBounded_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("timeout");
    QTest::addColumn<int>("minMs");
    QTest::addColumn<int>("maxMs");

    QTest::newRow("never answers, 2s") << u"/slow"_s << u"2s"_s << 1800 << 6000;
    QTest::newRow("never answers, 1s") << u"/slow"_s << u"1s"_s << 800 << 5000;
    QTest::newRow("trickles, 1s") << u"/trickle"_s << u"1s"_s << 800 << 6000;
}

void NetworkTest::timeoutsAreBounded()
{
    QFETCH(QString, path);
    QFETCH(QString, timeout);
    QFETCH(int, minMs);
    QFETCH(int, maxMs);

    const Run r = runCli(withCa({u"jwks"_s, u"fetch"_s, at(u"good"_s, path), u"--timeout"_s, timeout, u"--json"_s}));
    QVERIFY2(r.exitCode == 3, r.describe().constData());
    QCOMPARE(r.errorCode(), u"timeout"_s);
    QVERIFY2(r.errorMessage().contains(u"within %1 s"_s.arg(timeout.chopped(1))), r.describe().constData());
    QVERIFY2(r.elapsedMs >= minMs && r.elapsedMs <= maxMs, r.describe().constData());
    QVERIFY2(!r.err.contains("QIODevice"), r.describe().constData()); // no Qt warnings leak to the user
}

QTEST_GUILESS_MAIN(NetworkTest)
#include "tst_network.moc"
