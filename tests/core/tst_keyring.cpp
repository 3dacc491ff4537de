// workspace::KeyRing: loading each source kind, errors, the secret-free workspace form and its round trip, which
// remote sources of a workspace wait for permission, fetches under the trust store's settings for their origin,
// and an edited remote source that keeps its last good keys (stale) until a fetch under the new configuration
// succeeds. (The item models of the Keys page are tested in tests/ui/tst_keyring.cpp.)

#include "KeyRingCases.h"
#include "LocalHttpsServer.h"
#include "TestData.h"

#include "crypto/Key.h"
#include "keys/Jwk.h"
#include "workspace/FetchPermission.h"
#include "workspace/KeyRing.h"
#include "workspace/Session.h"
#include "workspace/TrustStore.h"
#include "workspace/WorkspaceFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;
using namespace jwb::workspace;

namespace {

constexpr qint64 kNow = 1795867200;

std::shared_ptr<const common::Clock> fixedClock()
{
    return common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
}

QByteArray jwksWithKids(const QStringList &kids)
{
    QJsonArray keys;
    for (const QString &kid : kids) {
        const auto key = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value();
        keys.append(keys::Jwk::fromKey(key, kid, QStringLiteral("ES256"), QStringLiteral("sig")).publicJson());
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("keys"), keys}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestKeyRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void remoteSourcesAreNamedByKindAndPath_data();
    void remoteSourcesAreNamedByKindAndPath();
    void loadsEachLocalKind_data();
    void loadsEachLocalKind();
    void loadErrorsSayWhat_data();
    void loadErrorsSayWhat();
    void loadsAFile();
    void missingFileNamesThePath();
    void workspaceLeavesSecretsOut();
    void workspaceRoundTrip();
    void workspaceWithoutSecretsMarksThem();
    void remoteSourcesWaitForPermission_data();
    void remoteSourcesWaitForPermission();
    void waitingSourcesAreListedWithTheirTls();
    void requestDecidesWhatAFetchNeeds();
    void fromJsonErrorsNameTheEntry_data();
    void fromJsonErrorsNameTheEntry();
    void invalidUrlFailsAtOnce();
    void fetchUsesTheOriginsTrust();
    void editedRemoteSourceKeepsStaleKeys();

private:
    bool startServer(test::LocalHttpsServer &server);
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

void TestKeyRing::remoteSourcesAreNamedByKindAndPath_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<bool>("issuer");
    QTest::addColumn<QString>("name");
    QTest::newRow("jwks") << "https://example.com/keys" << false << "JWKS example.com/keys";
    QTest::newRow("issuer realm") << "https://example.com/realms/a" << true << "OIDC example.com/realms/a";
    QTest::newRow("trailing slash") << "https://example.com/realms/b/" << true << "OIDC example.com/realms/b";
    QTest::newRow("host only") << "https://idp.example.com" << true << "OIDC idp.example.com";
    QTest::newRow("port kept") << "https://127.0.0.1:8443/jwks.json" << false << "JWKS 127.0.0.1:8443/jwks.json";
    QTest::newRow("default port dropped") << "https://example.com:443/k" << false << "JWKS example.com/k";
    QTest::newRow("http port") << "http://example.com:80/k" << false << "JWKS example.com/k";
    QTest::newRow("query left out") << "https://example.com/k?tenant=1" << false << "JWKS example.com/k";
    QTest::newRow("no host") << "not a url" << false << "not a url";
}

void TestKeyRing::remoteSourcesAreNamedByKindAndPath()
{
    QFETCH(QString, location);
    QFETCH(bool, issuer);
    QFETCH(QString, name);
    QCOMPARE(KeyRing::url(location, issuer).name, name);
    QCOMPARE(KeySource::defaultName(issuer ? KeySource::Kind::Issuer : KeySource::Kind::Url, location), name);
}

void TestKeyRing::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

bool TestKeyRing::startServer(test::LocalHttpsServer &server)
{
    QString error;
    if (m_certificate.isNull() && !test::makeLocalhostCertificate(m_dir.path(), &m_certificate, &m_key, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return server.start(m_certificate, m_key);
}

void TestKeyRing::loadsEachLocalKind_data()
{
    test::addLocalKindRows();
}

void TestKeyRing::loadsEachLocalKind()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(QString, encoding);
    QFETCH(int, keys);
    QFETCH(QString, format);

    KeyRing ring(fixedClock());
    QSignalSpy changed(&ring, &KeyRing::sourceChanged);
    const int index = kind == u"secret" ? ring.add(KeyRing::secret(QStringLiteral("s"), text, encoding))
                                        : ring.add(KeyRing::pasted(QStringLiteral("p"), text));
    QCOMPARE(index, 0);
    QVERIFY(!changed.isEmpty());
    const KeySource &source = ring.at(0);
    QVERIFY2(!source.error, qPrintable(source.errorText()));
    QVERIFY(source.keys.has_value());
    QCOMPARE(int(source.keys->keys.size()), keys);
    QCOMPARE(source.keys->format, format);
    QCOMPARE(ring.ageSeconds(0), Q_INT64_C(0));
    QVERIFY(!source.stale);
}

void TestKeyRing::loadErrorsSayWhat_data()
{
    test::addLoadErrorRows();
}

void TestKeyRing::loadErrorsSayWhat()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(QString, encoding);
    QFETCH(QString, code);

    KeyRing ring(fixedClock());
    kind == u"secret" ? ring.add(KeyRing::secret(QStringLiteral("s"), text, encoding))
                      : ring.add(KeyRing::pasted(QStringLiteral("p"), text));
    const KeySource &source = ring.at(0);
    QVERIFY(!source.keys.has_value());
    QVERIFY2(source.errorText().startsWith(code + QStringLiteral(": ")), qPrintable(source.errorText()));
    QVERIFY(source.errorText().size() > code.size() + 4); // a message follows the code
    QCOMPARE(source.error->code, code);
}

void TestKeyRing::loadsAFile()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    const QString path = m_dir.filePath(QStringLiteral("keys.jwks"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(test::rfc7517JwksText(QStringLiteral("A.1")).toUtf8());
    file.close();

    KeyRing ring(fixedClock());
    ring.add(KeyRing::file(path));
    QCOMPARE(ring.at(0).name, QStringLiteral("keys.jwks"));
    QVERIFY2(!ring.at(0).error, qPrintable(ring.at(0).errorText()));
    QCOMPARE(ring.at(0).keys->kids(), (QStringList {QStringLiteral("1"), QStringLiteral("2011-04-29")}));
    QVERIFY(!ring.at(0).holdsSecret());
}

void TestKeyRing::missingFileNamesThePath()
{
    KeyRing ring(fixedClock());
    ring.add(KeyRing::file(QStringLiteral("/nonexistent/dir/key.pem")));
    QVERIFY(ring.at(0).errorText().startsWith(QStringLiteral("unreadable_file: ")));
    QVERIFY(ring.at(0).errorText().contains(QStringLiteral("/nonexistent/dir/key.pem")));
}

void TestKeyRing::workspaceLeavesSecretsOut()
{
    const auto ec = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
    QVERIFY(ec.ok());
    KeyRing ring(fixedClock());
    const QString publicPem = QString::fromLatin1(ec->toPem(false).value());
    const QString privatePem = QString::fromLatin1(ec->toPem(true).value());
    ring.add(KeyRing::pasted(QStringLiteral("public"), publicPem));
    ring.add(KeyRing::pasted(QStringLiteral("private"), privatePem));
    ring.add(KeyRing::secret(
        QStringLiteral("secret"), QStringLiteral("a-string-secret-at-least-256-bits-long"), QStringLiteral("utf8")));
    ring.add(KeyRing::generated(QStringLiteral("generated"), keys::Jwk::fromKey(ec.value(), QStringLiteral("g1"))));

    QStringList leftOut;
    const QJsonArray without = ring.toJson(false, &leftOut);
    QCOMPARE(without.size(), 4);
    QCOMPARE(without.at(0).toObject().value(QStringLiteral("text")).toString(), publicPem);
    for (int i = 1; i < 4; ++i)
        QVERIFY2(!without.at(i).toObject().contains(QStringLiteral("text")), qPrintable(QString::number(i)));
    QCOMPARE(leftOut, (QStringList {ring.at(1).id, ring.at(2).id, ring.at(3).id}));
    const QByteArray serialised = QJsonDocument(without).toJson();
    QVERIFY(!serialised.contains("PRIVATE KEY"));
    QVERIFY(!serialised.contains("a-string-secret"));
    QVERIFY(!serialised.contains("\"d\""));

    const QJsonArray with = ring.toJson(true);
    QCOMPARE(with.at(1).toObject().value(QStringLiteral("text")).toString(), privatePem);
    QVERIFY(with.at(3).toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("\"d\"")));
}

void TestKeyRing::workspaceRoundTrip()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    KeyRing ring(fixedClock());
    ring.add(KeyRing::pasted(QStringLiteral("set"), test::rfc7517JwksText(QStringLiteral("A.1"))));
    ring.add(KeyRing::secret(QStringLiteral("secret"), QStringLiteral("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"),
        QStringLiteral("base64url")));
    KeySource remote = KeyRing::url(QStringLiteral("https://127.0.0.1:1/jwks.json"), false);
    remote.timeoutMs = 2500;
    // The TLS settings are the origin's, in the ring's trust store.
    TrustSettings tls;
    tls.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    tls.insecure = true;
    ring.trust()->set(TrustStore::originOf(remote.url()), tls);
    ring.add(remote);
    ring.cancel(2);

    const QJsonArray saved = ring.toJson(true);
    KeyRing other(fixedClock());
    QVERIFY(other.trust()->fromJson(ring.trust()->toJson()).ok());
    QSignalSpy reset(&other, &KeyRing::sourcesChanged);
    const auto loaded = other.fromJson(saved, WorkspaceOrigin::OwnSession);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QVERIFY(reset.count() >= 1);
    other.cancel(2);
    QCOMPARE(other.count(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(other.at(i).id, ring.at(i).id);
        QCOMPARE(other.at(i).name, ring.at(i).name);
        QCOMPARE(other.at(i).kind, ring.at(i).kind);
        QCOMPARE(other.at(i).text, ring.at(i).text);
        QCOMPARE(other.at(i).location, ring.at(i).location);
    }
    QCOMPARE(other.at(1).secretEncoding, QStringLiteral("base64url"));
    QCOMPARE(int(other.at(0).keys->keys.size()), 2);
    QCOMPARE(int(other.at(1).keys->keys.size()), 1);
    const TrustSettings otherTls = other.trust()->settingsFor(other.at(2).url());
    QCOMPARE(otherTls.pins, tls.pins);
    QVERIFY(otherTls.insecure);
    QCOMPARE(other.at(2).timeoutMs, 2500);
    QCOMPARE(other.toJson(true), saved);
}

void TestKeyRing::workspaceWithoutSecretsMarksThem()
{
    KeyRing ring(fixedClock());
    ring.add(KeyRing::secret(
        QStringLiteral("secret"), QStringLiteral("a-string-secret-at-least-256-bits-long"), QStringLiteral("utf8")));
    KeyRing other(fixedClock());
    QVERIFY(other.fromJson(ring.toJson(false)).ok());
    QCOMPARE(other.count(), 1);
    QVERIFY(other.at(0).text.isEmpty());
    QVERIFY(!other.at(0).keys);
    QVERIFY(other.at(0).errorText().startsWith(QStringLiteral("secret_not_stored: ")));
    QVERIFY(other.at(0).error->is(common::ErrorCode::SecretNotStored));
}

void TestKeyRing::remoteSourcesWaitForPermission_data()
{
    QTest::addColumn<bool>("ownSession");
    QTest::addColumn<bool>("marked"); // "awaiting_permission" in the entry
    QTest::addColumn<bool>("waits");
    QTest::newRow("file") << false << false << true;
    QTest::newRow("file, marked") << false << true << true;
    QTest::newRow("own session") << true << false << false;
    QTest::newRow("own session, still waiting when saved") << true << true << true;
}

void TestKeyRing::remoteSourcesWaitForPermission()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    QFETCH(bool, ownSession);
    QFETCH(bool, marked);
    QFETCH(bool, waits);
    // A server that counts the connections it gets (no TLS: any connection is a request made).
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    int connections = 0;
    QList<QTcpSocket *> held;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            ++connections;
            held.append(socket);
        }
    });
    QJsonObject remote {{QStringLiteral("id"), QStringLiteral("r1")}, {QStringLiteral("name"), QStringLiteral("idp")},
        {QStringLiteral("kind"), QStringLiteral("jwk_url")},
        {QStringLiteral("location"), QStringLiteral("https://127.0.0.1:%1/jwks.json").arg(server.serverPort())},
        {QStringLiteral("network"), QJsonObject {{QStringLiteral("timeout_ms"), 20000}}}};
    if (marked)
        remote.insert(QStringLiteral("awaiting_permission"), true);
    const QJsonArray workspace {remote,
        QJsonObject {{QStringLiteral("id"), QStringLiteral("p1")}, {QStringLiteral("kind"), QStringLiteral("pasted")},
            {QStringLiteral("text"), test::rfc7517JwksText(QStringLiteral("A.1"))}}};

    KeyRing ring(fixedClock());
    QVERIFY(ring.fromJson(workspace, ownSession ? WorkspaceOrigin::OwnSession : WorkspaceOrigin::File).ok());
    QVERIFY(ring.at(1).keys.has_value()); // local sources load whatever the origin
    QVERIFY(!ring.at(1).awaitingPermission);
    QCOMPARE(ring.at(0).awaitingPermission, waits);
    QCOMPARE(ring.at(0).fetching, !waits);
    QCOMPARE(ring.at(0).timeoutMs, 20000);
    if (!waits) {
        QTRY_COMPARE_WITH_TIMEOUT(connections, 1, 20000);
        ring.cancel(0);
        return;
    }
    // reload() (what other views call) does not fetch a waiting source; the state survives a save.
    ring.reload(0);
    QVERIFY(!ring.at(0).fetching);
    QVERIFY(ring.toJson(false).at(0).toObject().value(QStringLiteral("awaiting_permission")).toBool());
    QTest::qWait(200);
    QCOMPARE(connections, 0);

    ring.allowFetch(0);
    QVERIFY(!ring.at(0).awaitingPermission);
    QVERIFY(ring.at(0).fetching);
    QTRY_COMPARE_WITH_TIMEOUT(connections, 1, 20000);
    QVERIFY(!ring.toJson(false).at(0).toObject().contains(QStringLiteral("awaiting_permission")));
    ring.cancel(0);
}

void TestKeyRing::waitingSourcesAreListedWithTheirTls()
{
    // Never fetched here: every source of a workspace file waits. A format-1 file keeps TLS per source; the
    // workspace format migrates it to the trust store, where the prompt reads it.
    auto entry = [](const QString &kind, const QString &location, const QJsonObject &network) {
        return QJsonObject {{QStringLiteral("kind"), kind}, {QStringLiteral("location"), location},
            {QStringLiteral("network"), network}};
    };
    const QJsonArray array {entry(QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks.json"), {}),
        entry(QStringLiteral("jwk_url"), QStringLiteral("http://legacy.example.com/jwks"),
            QJsonObject {{QStringLiteral("insecure"), true}}),
        entry(QStringLiteral("issuer"), QStringLiteral("https://idp.example.com"), {})};
    const auto document = WorkspaceFormat::fromJson(
        QJsonObject {{QStringLiteral("jwt_workbench_workspace"), 1}, {QStringLiteral("keys"), array}});
    QVERIFY(document.ok());
    Session session(fixedClock());
    QVERIFY(session.load(document.value(), WorkspaceOrigin::File).ok());
    const KeyRing &ring = session.keys();
    const auto entries = FetchPermission::waiting(ring);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(FetchPermission::hosts(entries),
        (QStringList {QStringLiteral("idp.example.com"), QStringLiteral("legacy.example.com")}));
    QVERIFY(!entries.at(0).changesTrust());
    QVERIFY(entries.at(1).insecure);
    QVERIFY(entries.at(1).changesTrust());
    QCOMPARE(entries.at(1).origin, QStringLiteral("http://legacy.example.com:80"));
    QVERIFY(FetchPermission::anyChangesTrust(entries));
    QVERIFY(!FetchPermission::anyChangesTrust(FetchPermission::waiting(ring, {0, 2})));
    QCOMPARE(entries.at(2).kind, KeySource::Kind::Issuer);
    QCOMPARE(FetchPermission::waiting(ring, {1}).size(), 1);

    QVERIFY(FetchPermission::needed(ring.at(0), WorkspaceOrigin::File, false));
    QVERIFY(!FetchPermission::needed(ring.at(0), WorkspaceOrigin::OwnSession, false));
    QVERIFY(FetchPermission::needed(ring.at(0), WorkspaceOrigin::OwnSession, true));
    QVERIFY(!FetchPermission::needed(
        KeyRing::pasted(QStringLiteral("p"), QStringLiteral("{}")), WorkspaceOrigin::File, true));
    QVERIFY(!FetchPermission::needed(KeyRing::file(QStringLiteral("/k.pem")), WorkspaceOrigin::File, true));

    // A source added now on the file's insecure origin waits too: the file's settings are not confirmed.
    QVERIFY(FetchPermission::neededForNew(
        KeyRing::url(QStringLiteral("http://legacy.example.com/other"), false), session.trust()));
    QVERIFY(!FetchPermission::neededForNew(
        KeyRing::url(QStringLiteral("https://idp.example.com/other"), false), session.trust()));
    session.trust().confirm(QStringLiteral("http://legacy.example.com:80"));
    QVERIFY(!FetchPermission::neededForNew(
        KeyRing::url(QStringLiteral("http://legacy.example.com/other"), false), session.trust()));
    QVERIFY(!FetchPermission::waiting(ring, {1}).first().changesTrust()); // accepted: not asked again
}

void TestKeyRing::requestDecidesWhatAFetchNeeds()
{
    // The decision of "Refresh" and "Use the issuer's keys": a local source reloads, a waiting source without TLS
    // changes is allowed at once, one whose file changed its origin's trust needs the user's confirmation first.
    const QJsonArray keys {QJsonObject {{QStringLiteral("kind"), QStringLiteral("pasted")},
                               {QStringLiteral("text"), QStringLiteral("not a key")}},
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("jwk_url")},
            {QStringLiteral("location"), QStringLiteral("https://127.0.0.1:1/plain.json")}},
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("jwk_url")},
            {QStringLiteral("location"), QStringLiteral("https://127.0.0.2:1/trusting.json")}}};
    const QJsonArray trust {QJsonObject {
        {QStringLiteral("origin"), QStringLiteral("https://127.0.0.2:1")}, {QStringLiteral("insecure"), true}}};
    const auto document = WorkspaceFormat::fromJson(QJsonObject {{QStringLiteral("jwt_workbench_workspace"), 1},
        {QStringLiteral("keys"), keys}, {QStringLiteral("trust"), trust}});
    QVERIFY(document.ok());
    Session session(fixedClock());
    QVERIFY(session.load(document.value(), WorkspaceOrigin::File).ok());
    KeyRing &ring = session.keys();

    QCOMPARE(FetchPermission::request(ring, 7), FetchPermission::Request::NoSource);
    QCOMPARE(FetchPermission::request(ring, 0), FetchPermission::Request::Started);
    QCOMPARE(FetchPermission::request(ring, 2), FetchPermission::Request::NeedsConfirmation);
    QVERIFY(ring.at(2).awaitingPermission);
    QVERIFY(!ring.at(2).fetching);
    QCOMPARE(FetchPermission::request(ring, 1), FetchPermission::Request::Started);
    QVERIFY(!ring.at(1).awaitingPermission);
    QVERIFY(ring.at(1).fetching);
    ring.cancel(1);
    ring.allowFetch(2);
    QVERIFY(session.trust().isConfirmed(QStringLiteral("https://127.0.0.2:1")));
    ring.cancel(2);
}

void TestKeyRing::fromJsonErrorsNameTheEntry_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");

    QTest::newRow("not an object") << QByteArray("[1]") << "keys[0]";
    QTest::newRow("unknown kind") << QByteArray("[{\"kind\":\"pasted\",\"text\":\"x\"},{\"kind\":\"telepathy\"}]")
                                  << "keys[1]: unknown kind";
    QTest::newRow("file without location") << QByteArray("[{\"kind\":\"file\"}]") << "keys[0]: a file source";
    // A bad per-source CA is the workspace format's to report: tst_workspaceformat.
}

void TestKeyRing::fromJsonErrorsNameTheEntry()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    KeyRing ring(fixedClock());
    ring.add(KeyRing::pasted(QStringLiteral("kept"), QStringLiteral("x")));
    const auto result = ring.fromJson(QJsonDocument::fromJson(json).array());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("invalid_workspace"));
    QVERIFY2(result.error().message.startsWith(where), qPrintable(result.error().message));
    QCOMPARE(ring.count(), 1); // a bad workspace leaves the ring as it was
}

void TestKeyRing::invalidUrlFailsAtOnce()
{
    KeyRing ring(fixedClock());
    QSignalSpy finished(&ring, &KeyRing::fetchFinished);
    ring.add(KeyRing::url(QStringLiteral("not a url"), false));
    QCOMPARE(finished.count(), 1);
    QVERIFY(ring.at(0).errorText().startsWith(QStringLiteral("invalid_url: ")));
    QVERIFY(!ring.at(0).fetching);
}

void TestKeyRing::fetchUsesTheOriginsTrust()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    test::LocalHttpsServer server;
    QVERIFY(startServer(server));
    server.setBody(jwksWithKids({QStringLiteral("k1")}));

    KeyRing ring(fixedClock());
    QSignalSpy finished(&ring, &KeyRing::fetchFinished);
    KeySource source = KeyRing::url(server.url(QStringLiteral("/jwks.json")), false);
    source.timeoutMs = 20000;
    ring.add(source);
    QVERIFY(ring.at(0).fetching);
    QVERIFY(ring.at(0).progress.stage != FetchProgress::Stage::Idle);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    // The self-signed server is not trusted by the system store.
    QVERIFY2(ring.at(0).error && ring.at(0).error->is(common::ErrorCode::TlsError), qPrintable(ring.at(0).errorText()));
    QCOMPARE(ring.at(0).progress.stage, FetchProgress::Stage::Idle);

    // Its CA for the origin: every source of that origin is fetched with it.
    TrustSettings trust;
    trust.extraCa = {m_certificate};
    ring.trust()->set(TrustStore::originOf(ring.at(0).url()), trust);
    ring.reload(0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY2(!ring.at(0).error, qPrintable(ring.at(0).errorText()));
    QCOMPARE(ring.at(0).keys->kids(), QStringList {QStringLiteral("k1")});
    KeySource second = KeyRing::url(server.url(QStringLiteral("/other.json")), false);
    second.timeoutMs = 20000;
    ring.add(second);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
    QVERIFY2(!ring.at(1).error, qPrintable(ring.at(1).errorText()));
}

void TestKeyRing::editedRemoteSourceKeepsStaleKeys()
{
    // Issue #17: editing a working source keeps its last good keys until a new fetch succeeds.
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    test::LocalHttpsServer server;
    QVERIFY(startServer(server));
    server.setBody(QStringLiteral("/good.json"), jwksWithKids({QStringLiteral("k1")}));
    server.setBody(QStringLiteral("/bad.json"), QByteArrayLiteral("this is not a JWK Set"));

    KeyRing ring(fixedClock());
    TrustSettings trust;
    trust.extraCa = {m_certificate};
    ring.trust()->set(TrustStore::originOf(QUrl(server.url())), trust);
    QSignalSpy finished(&ring, &KeyRing::fetchFinished);
    KeySource source = KeyRing::url(server.url(QStringLiteral("/good.json")), false);
    source.timeoutMs = 20000;
    const int index = ring.add(source);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(!ring.at(index).error, qPrintable(ring.at(index).errorText()));
    QVERIFY(!ring.at(index).stale);
    const QDateTime loadedAt = ring.at(index).loadedAt;

    // The edit points at a URL that fails: while it is fetched, and after it failed, the old keys stay (stale).
    KeySource edited = KeyRing::url(server.url(QStringLiteral("/bad.json")), false);
    edited.timeoutMs = 20000;
    ring.update(index, edited);
    QVERIFY(ring.at(index).fetching);
    QVERIFY(ring.at(index).stale);
    QCOMPARE(ring.at(index).keys->kids(), QStringList {QStringLiteral("k1")});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY(ring.at(index).error.has_value());
    QVERIFY2(ring.at(index).error->is(common::ErrorCode::NotJwks)
            || ring.at(index).error->is(common::ErrorCode::InvalidJson),
        qPrintable(ring.at(index).errorText()));
    QVERIFY(ring.at(index).keys.has_value());
    QCOMPARE(ring.at(index).keys->kids(), QStringList {QStringLiteral("k1")});
    QVERIFY(ring.at(index).stale);
    QCOMPARE(ring.at(index).loadedAt, loadedAt);
    QCOMPARE(ring.at(index).location, edited.location);

    // A fetch that succeeds replaces them and they are current again.
    server.setBody(QStringLiteral("/bad.json"), jwksWithKids({QStringLiteral("k2")}));
    ring.reload(index);
    QVERIFY(ring.at(index).stale);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
    QVERIFY2(!ring.at(index).error, qPrintable(ring.at(index).errorText()));
    QVERIFY(!ring.at(index).stale);
    QCOMPARE(ring.at(index).keys->kids(), QStringList {QStringLiteral("k2")});

    // A local source has no "last good" keys: an edit that breaks it leaves none.
    const int local = ring.add(KeyRing::secret(
        QStringLiteral("s"), QStringLiteral("00112233445566778899aabbccddeeff"), QStringLiteral("hex")));
    QVERIFY(ring.at(local).keys.has_value());
    ring.update(local, KeyRing::secret(QStringLiteral("s"), QStringLiteral("xyz"), QStringLiteral("hex")));
    QVERIFY(!ring.at(local).keys.has_value());
    QVERIFY(!ring.at(local).stale);
}

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_keyring.moc"
