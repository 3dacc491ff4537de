// KeyRing (loading each source kind, errors, the secret-free workspace form and its round trip) and the two
// item models of the Keys page, each under QAbstractItemModelTester.

#include "TestData.h"
#include "UiTestHelpers.h"

#include "crypto/Key.h"
#include "keys/FetchPermission.h"
#include "keys/KeyRing.h"
#include "keys/KeySourcesModel.h"
#include "keys/KeysModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;
using namespace jwb::ui;

namespace {

QJsonObject rfc7517()
{
    return test::readJson(test::sharedPath(QStringLiteral("testvectors/rfc/7517.json"))).object();
}

QString jwksText(const QString &section)
{
    const QJsonObject set = rfc7517()
                                .value(QStringLiteral("jwk_sets"))
                                .toObject()
                                .value(section)
                                .toObject()
                                .value(QStringLiteral("jwks"))
                                .toObject();
    return QString::fromUtf8(QJsonDocument(set).toJson());
}

QString rfc7638Thumbprint()
{
    return test::readJson(test::sharedPath(QStringLiteral("testvectors/rfc/7638.json")))
        .object()
        .value(QStringLiteral("thumbprints"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("thumbprint_b64u"))
        .toString();
}

QJsonObject rfc7517EcJwk()
{
    return rfc7517()
        .value(QStringLiteral("jwk_sets"))
        .toObject()
        .value(QStringLiteral("A.1"))
        .toObject()
        .value(QStringLiteral("jwks"))
        .toObject()
        .value(QStringLiteral("keys"))
        .toArray()
        .first()
        .toObject();
}

std::shared_ptr<const common::Clock> fixedClock()
{
    return common::Clock::fixed(test::nowUtc());
}

} // namespace

class TestKeyRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
    void fromJsonErrorsNameTheEntry_data();
    void fromJsonErrorsNameTheEntry();
    void invalidUrlFailsAtOnce();
    void sourcesModelFollowsTheRing();
    void keysModelShowsKeys();
    void keysModelShowsSkippedKeys();
    void keysModelCertificateColumn();
};

void TestKeyRing::loadsEachLocalKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<int>("keys");
    QTest::addColumn<QString>("format");

    const auto ec = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
    QVERIFY(ec.ok());
    QTest::newRow("public PEM") << "pasted" << QString::fromLatin1(ec->toPem(false).value()) << QString() << 1 << "PEM";
    QTest::newRow("private PEM") << "pasted" << QString::fromLatin1(ec->toPem(true).value()) << QString() << 1 << "PEM";
    QTest::newRow("JWK") << "pasted" << QString::fromUtf8(QJsonDocument(rfc7517EcJwk()).toJson()) << QString() << 1
                         << "JWK";
    QTest::newRow("JWK Set") << "pasted" << jwksText(QStringLiteral("A.1")) << QString() << 2 << "JWK Set";
    QTest::newRow("utf8 secret") << "secret"
                                 << "a-string-secret-at-least-256-bits-long"
                                 << "utf8" << 1 << "secret";
    QTest::newRow("hex secret") << "secret"
                                << "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
                                << "hex" << 1 << "secret";
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
    QVERIFY2(source.error.isEmpty(), qPrintable(source.error));
    QVERIFY(source.keys.has_value());
    QCOMPARE(int(source.keys->keys.size()), keys);
    QCOMPARE(source.keys->format, format);
    QCOMPARE(ring.ageSeconds(0), Q_INT64_C(0));
    QCOMPARE(
        KeySourcesModel::statusText(source), keys == 1 ? QStringLiteral("1 key") : QStringLiteral("%1 keys").arg(keys));
}

void TestKeyRing::loadErrorsSayWhat_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << "pasted"
                           << "   " << QString() << "no_key";
    QTest::newRow("not a key") << "pasted"
                               << "hello world" << QString() << "unknown_key_format";
    QTest::newRow("broken PEM") << "pasted"
                                << "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" << QString()
                                << "invalid_pem";
    QTest::newRow("bad hex secret") << "secret"
                                    << "xyz"
                                    << "hex"
                                    << "invalid_secret";
    QTest::newRow("unknown encoding") << "secret"
                                      << "abc"
                                      << "rot13"
                                      << "usage";
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
    QVERIFY2(source.error.startsWith(code + QStringLiteral(": ")), qPrintable(source.error));
    QVERIFY(source.error.size() > code.size() + 4); // a message follows the code
    QCOMPARE(KeySourcesModel::statusText(source), source.error);
}

void TestKeyRing::loadsAFile()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("keys.jwks"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(jwksText(QStringLiteral("A.1")).toUtf8());
    file.close();

    KeyRing ring(fixedClock());
    ring.add(KeyRing::file(path));
    QCOMPARE(ring.at(0).name, QStringLiteral("keys.jwks"));
    QVERIFY2(ring.at(0).error.isEmpty(), qPrintable(ring.at(0).error));
    QCOMPARE(ring.at(0).keys->kids(), (QStringList {QStringLiteral("1"), QStringLiteral("2011-04-29")}));
    QVERIFY(!ring.at(0).holdsSecret());
}

void TestKeyRing::missingFileNamesThePath()
{
    KeyRing ring(fixedClock());
    ring.add(KeyRing::file(QStringLiteral("/nonexistent/dir/key.pem")));
    QVERIFY(ring.at(0).error.startsWith(QStringLiteral("unreadable_file: ")));
    QVERIFY(ring.at(0).error.contains(QStringLiteral("/nonexistent/dir/key.pem")));
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
    ring.add(KeyRing::pasted(QStringLiteral("set"), jwksText(QStringLiteral("A.1"))));
    ring.add(KeyRing::secret(QStringLiteral("secret"), QStringLiteral("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"),
        QStringLiteral("base64url")));
    KeySource remote = KeyRing::url(QStringLiteral("https://127.0.0.1:1/jwks.json"), false);
    remote.network.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    remote.network.insecure = true;
    remote.network.timeoutMs = 2500;
    ring.add(remote);
    ring.cancel(2);

    const QJsonArray saved = ring.toJson(true);
    KeyRing other(fixedClock());
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
    QCOMPARE(other.at(2).network.pins, remote.network.pins);
    QVERIFY(other.at(2).network.insecure);
    QCOMPARE(other.at(2).network.timeoutMs, 2500);
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
    QVERIFY(other.at(0).error.startsWith(QStringLiteral("secret_not_stored: ")));
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
            {QStringLiteral("text"), jwksText(QStringLiteral("A.1"))}}};

    KeyRing ring(fixedClock());
    QVERIFY(ring.fromJson(workspace, ownSession ? WorkspaceOrigin::OwnSession : WorkspaceOrigin::File).ok());
    QVERIFY(ring.at(1).keys.has_value()); // local sources load whatever the origin
    QVERIFY(!ring.at(1).awaitingPermission);
    QCOMPARE(ring.at(0).awaitingPermission, waits);
    QCOMPARE(ring.at(0).fetching, !waits);
    if (!waits) {
        QTRY_COMPARE_WITH_TIMEOUT(connections, 1, 20000);
        ring.cancel(0);
        return;
    }
    QCOMPARE(KeySourcesModel::statusText(ring.at(0)),
        QStringLiteral("not fetched: waiting for your permission (Refresh fetches it)"));
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
    // Never fetched here: every source of a workspace file waits.
    auto entry = [](const QString &kind, const QString &location, const QJsonObject &network) {
        return QJsonObject {{QStringLiteral("kind"), kind}, {QStringLiteral("location"), location},
            {QStringLiteral("network"), network}};
    };
    const QJsonArray array {entry(QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks.json"), {}),
        entry(QStringLiteral("jwk_url"), QStringLiteral("http://legacy.example.com/jwks"),
            QJsonObject {{QStringLiteral("insecure"), true}}),
        entry(QStringLiteral("issuer"), QStringLiteral("https://idp.example.com"), {})};
    KeyRing ring(fixedClock());
    QVERIFY(ring.fromJson(array).ok());
    const auto entries = FetchPermission::waiting(ring);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(FetchPermission::hosts(entries),
        (QStringList {QStringLiteral("idp.example.com"), QStringLiteral("legacy.example.com")}));
    QVERIFY(!entries.at(0).changesTrust());
    QVERIFY(entries.at(1).insecure);
    QVERIFY(entries.at(1).changesTrust());
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
}

void TestKeyRing::fromJsonErrorsNameTheEntry_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");

    QTest::newRow("not an object") << QByteArray("[1]") << "keys[0]";
    QTest::newRow("unknown kind") << QByteArray("[{\"kind\":\"pasted\",\"text\":\"x\"},{\"kind\":\"telepathy\"}]")
                                  << "keys[1]: unknown kind";
    QTest::newRow("file without location") << QByteArray("[{\"kind\":\"file\"}]") << "keys[0]: a file source";
    QTest::newRow("bad CA") << QByteArray(
        "[{\"kind\":\"jwk_url\",\"location\":\"https://x\",\"network\":{\"ca_pem\":[\"no\"]}}]")
                            << "keys[0]: network.ca_pem";
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
    QVERIFY(ring.at(0).error.startsWith(QStringLiteral("invalid_url: ")));
    QVERIFY(!ring.at(0).fetching);
}

void TestKeyRing::sourcesModelFollowsTheRing()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    KeyRing ring(fixedClock());
    KeySourcesModel model(&ring);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), 0);
    ring.add(KeyRing::pasted(QStringLiteral("set"), jwksText(QStringLiteral("A.1"))));
    ring.add(KeyRing::pasted(QStringLiteral("broken"), QStringLiteral("{\"keys\": 3}")));
    ring.add(KeyRing::secret(
        QStringLiteral("secret"), QStringLiteral("a-string-secret-at-least-256-bits-long"), QStringLiteral("utf8")));
    QCOMPARE(model.rowCount(), 3);

    const QModelIndex first = model.index(0);
    QCOMPARE(first.data(KeySourcesModel::NameRole).toString(), QStringLiteral("set"));
    QCOMPARE(first.data(KeySourcesModel::StatusRole).toString(), QStringLiteral("2 keys"));
    QCOMPARE(first.data(Qt::DisplayRole).toString(), QStringLiteral("set\n2 keys"));
    QCOMPARE(first.data(KeySourcesModel::KindRole).toString(), QStringLiteral("pasted"));
    QCOMPARE(first.data(KeySourcesModel::AgeRole).toLongLong(), Q_INT64_C(0));
    QCOMPARE(first.data(KeySourcesModel::AgeTextRole).toString(), QStringLiteral("loaded just now"));
    QVERIFY(!first.data(Qt::DecorationRole).value<QIcon>().isNull());

    const QModelIndex broken = model.index(1);
    QVERIFY(!broken.data(KeySourcesModel::ErrorRole).toString().isEmpty());
    QCOMPARE(broken.data(KeySourcesModel::StatusRole).toString(), broken.data(KeySourcesModel::ErrorRole).toString());
    QCOMPARE(model.index(2).data(KeySourcesModel::KindTextRole).toString(), QStringLiteral("Shared secret"));

    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    ring.rename(2, QStringLiteral("HS key"));
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(model.index(2).data(KeySourcesModel::NameRole).toString(), QStringLiteral("HS key"));

    ring.remove(1);
    QCOMPARE(model.rowCount(), 2);
    model.refreshAges();
    ring.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestKeyRing::keysModelShowsKeys()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    JWB_REQUIRE_SHARED("testvectors/rfc/7638.json");
    const auto set = keys::JwkSet::fromJson(jwksText(QStringLiteral("A.1")).toUtf8());
    QVERIFY(set.ok());
    KeysModel model(fixedClock());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKeys(set.value());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(KeysModel::ColumnCount));

    QCOMPARE(model.index(0, KeysModel::Kid).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.index(0, KeysModel::Type).data().toString(), QStringLiteral("EC"));
    QCOMPARE(model.index(0, KeysModel::CurveOrSize).data().toString(), QStringLiteral("P-256"));
    QCOMPARE(model.index(0, KeysModel::Use).data().toString(), QStringLiteral("enc"));
    QCOMPARE(model.index(1, KeysModel::Kid).data().toString(), QStringLiteral("2011-04-29"));
    QCOMPARE(model.index(1, KeysModel::Type).data().toString(), QStringLiteral("RSA"));
    QCOMPARE(model.index(1, KeysModel::CurveOrSize).data().toString(), QStringLiteral("2048 bits"));
    QCOMPARE(model.index(1, KeysModel::Alg).data().toString(), QStringLiteral("RS256"));
    QCOMPARE(model.index(1, KeysModel::Thumbprint).data().toString(), rfc7638Thumbprint());
    QCOMPARE(model.index(1, 0).data(KeysModel::ThumbprintRole).toString(), rfc7638Thumbprint());
    QVERIFY(model.index(1, KeysModel::Certificate).data().toString().isEmpty());
    QVERIFY(model.jwkAt(1));
    QVERIFY(!model.skippedAt(1));
    QCOMPARE(model.rowOfKid(QStringLiteral("2011-04-29")), 1);
    QCOMPARE(model.headerData(KeysModel::Thumbprint, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Thumbprint (SHA-256)"));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestKeyRing::keysModelShowsSkippedKeys()
{
    const QByteArray json
        = "{\"keys\":["
          "{\"kty\":\"oct\",\"kid\":\"good\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\"},"
          "{\"kty\":\"EC\",\"kid\":\"bad\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"},"
          "{\"kty\":\"XYZ\",\"kid\":\"weird\"}]}";
    const auto set = keys::JwkSet::fromJson(json);
    QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toString()));
    QCOMPARE(int(set->skipped.size()), 2);
    KeysModel model(fixedClock());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKeys(set.value());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, KeysModel::Type).data().toString(), QStringLiteral("oct"));
    QCOMPARE(model.index(1, KeysModel::Kid).data().toString(), QStringLiteral("bad"));
    QCOMPARE(model.index(1, KeysModel::Type).data().toString(), QStringLiteral("skipped"));
    QVERIFY(model.index(1, 0).data(KeysModel::SkippedRole).toBool());
    QCOMPARE(model.index(1, KeysModel::Note).data().toString(), set->skipped.at(0).error.toString());
    QVERIFY(!model.index(1, KeysModel::Note).data().toString().isEmpty());
    QCOMPARE(model.index(2, KeysModel::Kid).data().toString(), QStringLiteral("weird"));
    QVERIFY(model.skippedAt(2));
    QVERIFY(!model.jwkAt(2));
}

void TestKeyRing::keysModelCertificateColumn()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    const QJsonObject jwk = rfc7517()
                                .value(QStringLiteral("keys"))
                                .toObject()
                                .value(QStringLiteral("B"))
                                .toObject()
                                .value(QStringLiteral("jwk"))
                                .toObject();
    const auto set = keys::JwkSet::fromJsonObject(jwk);
    QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toString()));
    KeysModel model(fixedClock());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKeys(set.value());
    QCOMPARE(model.rowCount(), 1);
    const QString certificate = model.index(0, KeysModel::Certificate).data().toString();
    QVERIFY2(certificate.contains(QStringLiteral("Brian Campbell")), qPrintable(certificate));
    // The RFC's certificate expired long before the fixed test instant.
    QVERIFY2(certificate.contains(QStringLiteral("expired")), qPrintable(certificate));
    QVERIFY(!model.index(0, KeysModel::X5t).data().toString().isEmpty());
    QVERIFY(model.index(0, KeysModel::Certificate).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Issuer")));
}

QTEST_MAIN(TestKeyRing)
#include "tst_keyring.moc"
