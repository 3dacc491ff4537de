// workspace::WorkspaceFormat and the session's part of it: a round trip of every member, format 1 kept (older
// builds read what this one writes: per-source "network" still holds the TLS settings), per-source settings of
// older files migrated into "trust" (conflicts reported, the first source's kept), typed errors, secrets never
// written, 0600 files, and Session::load/store.

#include "LocalHttpsServer.h"

#include "crypto/Key.h"
#include "keys/Jwk.h"
#include "workspace/KeyRing.h"
#include "workspace/Session.h"
#include "workspace/TrustStore.h"
#include "workspace/WorkspaceFormat.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace jwb;
using namespace jwb::workspace;

namespace {

constexpr qint64 kNow = 1795867200;
const QString kSecret = QStringLiteral("a-string-secret-at-least-256-bits-long");

std::shared_ptr<const common::Clock> fixedClock()
{
    return common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
}

QJsonObject remoteEntry(const QString &id, const QString &location, const QJsonObject &network)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("kind"), QStringLiteral("jwk_url")},
        {QStringLiteral("location"), location}, {QStringLiteral("network"), network}};
}

QJsonObject workspaceWithKeys(const QJsonArray &keys)
{
    return QJsonObject {{QStringLiteral("jwt_workbench_workspace"), 1}, {QStringLiteral("keys"), keys}};
}

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}

} // namespace

class TestWorkspaceFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void olderBuildsStillReadIt();
    void migratesPerSourceTls();
    void migrationKeepsTheFirstOfAConflict();
    void trustMemberWins();
    void typedErrors_data();
    void typedErrors();
    void readErrors();
    void secretsNeverWritten();
    void writesPrivateFiles();
    void sessionLoadAndStore();
    void fileTrustWaitsForConfirmation();

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
};

void TestWorkspaceFormat::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSslKey key;
    QString error;
    if (!test::makeLocalhostCertificate(m_dir.path(), &m_certificate, &key, &error))
        QSKIP(qPrintable(error));
}

void TestWorkspaceFormat::roundTrip()
{
    WorkspaceDocument document;
    document.id = QStringLiteral("ws-1");
    document.savedAt = QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC);
    document.tokens
        = {{QStringLiteral("first"), QStringLiteral("a.b.c")}, {QStringLiteral("second"), QStringLiteral("x")}};
    document.currentToken = 1;
    document.inspector
        = QJsonObject {{QStringLiteral("tree"), true}, {QStringLiteral("tab"), QStringLiteral("verify")}};
    document.keys = QJsonArray {
        remoteEntry(QStringLiteral("r1"), QStringLiteral("https://idp.example.com/jwks.json"), {}),
        QJsonObject {{QStringLiteral("id"), QStringLiteral("p1")}, {QStringLiteral("kind"), QStringLiteral("pasted")},
            {QStringLiteral("text"), QStringLiteral("{\"kty\":\"oct\"}")}}};
    TrustSettings trust;
    trust.extraCa = {m_certificate};
    document.trust = QJsonArray {[&] {
        QJsonObject entry = trust.toJson();
        entry.insert(QStringLiteral("origin"), QStringLiteral("https://idp.example.com:443"));
        return entry;
    }()};
    document.keyChoices = QJsonObject {{QStringLiteral("inspector"), QStringLiteral("source:r1")}};
    document.composer = QJsonObject {{QStringLiteral("kid"), QStringLiteral("c1")}};
    document.gateway = QJsonObject {{QStringLiteral("config"), QStringLiteral("/tmp/krakend.json")}};
    document.page = 2;
    document.secretsInKeychain = {QStringLiteral("s1")};
    document.secretsNotStored = {QStringLiteral("s2")};
    document.workspacePath = QStringLiteral("/home/me/w.jwb.json");
    document.unsavedConfig = UnsavedConfig {QStringLiteral("/tmp/krakend.json"), QByteArrayLiteral("{\"version\": 3}")};

    const QJsonObject json = WorkspaceFormat::toJson(document);
    QCOMPARE(json.value(QStringLiteral("jwt_workbench_workspace")).toInt(), 1);
    const auto read = WorkspaceFormat::fromJson(json);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
    const WorkspaceDocument &back = read.value();
    QCOMPARE(back.id, document.id);
    QCOMPARE(back.savedAt, document.savedAt);
    QCOMPARE(back.tokens, document.tokens);
    QCOMPARE(back.currentToken, 1);
    QCOMPARE(back.inspector, document.inspector);
    QCOMPARE(back.trust, document.trust);
    QCOMPARE(back.keyChoices, document.keyChoices);
    QCOMPARE(back.composer, document.composer);
    QCOMPARE(back.gateway, document.gateway);
    QCOMPARE(back.page, 2);
    QCOMPARE(back.secretsInKeychain, document.secretsInKeychain);
    QCOMPARE(back.secretsNotStored, document.secretsNotStored);
    QCOMPARE(back.workspacePath, document.workspacePath);
    QCOMPARE(back.unsavedConfig, document.unsavedConfig);
    QVERIFY(back.trustConflicts.isEmpty());
    QCOMPARE(back.keys.size(), 2);
    QCOMPARE(back.keys.at(1), document.keys.at(1));
    // Written again: the same bytes.
    QCOMPARE(WorkspaceFormat::serialize(back), WorkspaceFormat::serialize(document));

    // Optional members stay out when empty.
    const QJsonObject minimal = WorkspaceFormat::toJson(WorkspaceDocument {});
    for (const char *member :
        {"key_choices", "secrets_in_keychain", "secrets_not_stored", "workspace_path", "unsaved_config", "saved_at"})
        QVERIFY2(!minimal.contains(QLatin1String(member)), member);
    QVERIFY(minimal.value(QStringLiteral("trust")).isArray());
}

void TestWorkspaceFormat::olderBuildsStillReadIt()
{
    // Format 1 as older builds read it: each remote source keeps its TLS settings and timeout in "network".
    WorkspaceDocument document;
    KeySource remote = KeyRing::url(QStringLiteral("https://idp.example.com/jwks.json"), false);
    remote.timeoutMs = 2500;
    remote.awaitingPermission = true; // not fetched: it waits
    KeyRing ring(fixedClock());
    TrustSettings trust;
    trust.extraCa = {m_certificate};
    trust.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    ring.trust()->set(QStringLiteral("https://idp.example.com:443"), trust);
    ring.add(remote);
    document.keys = ring.toJson(false);
    document.trust = ring.trust()->toJson();
    const QJsonObject json = WorkspaceFormat::toJson(document);
    const QJsonObject network
        = json.value(QStringLiteral("keys")).toArray().first().toObject().value(QStringLiteral("network")).toObject();
    QCOMPARE(network.value(QStringLiteral("timeout_ms")).toInt(), 2500);
    QCOMPARE(network.value(QStringLiteral("pins")).toArray(), QJsonArray::fromStringList(trust.pins));
    QCOMPARE(network.value(QStringLiteral("ca_pem")).toArray().size(), 1);
    QVERIFY(!network.contains(QStringLiteral("insecure")));
    QCOMPARE(json.value(QStringLiteral("jwt_workbench_workspace")).toInt(), WorkspaceFormat::kVersion);
    QCOMPARE(WorkspaceFormat::kVersion, 1);
}

void TestWorkspaceFormat::migratesPerSourceTls()
{
    // A file of an older build: TLS per source, no "trust".
    const QJsonArray keys {
        remoteEntry(QStringLiteral("a"), QStringLiteral("https://idp.example.com/a.json"),
            QJsonObject {{QStringLiteral("ca_pem"), QJsonArray {QString::fromLatin1(m_certificate.toPem())}},
                {QStringLiteral("timeout_ms"), 20000}}),
        remoteEntry(QStringLiteral("b"), QStringLiteral("http://legacy.example.com/jwks"),
            QJsonObject {{QStringLiteral("insecure"), true},
                {QStringLiteral("pins"), QJsonArray {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")}}}),
        remoteEntry(QStringLiteral("c"), QStringLiteral("https://plain.example.com/jwks"), {}),
        // The same origin and settings as "a": one entry, no conflict.
        remoteEntry(QStringLiteral("d"), QStringLiteral("https://idp.example.com/d.json"),
            QJsonObject {{QStringLiteral("ca_pem"), QJsonArray {QString::fromLatin1(m_certificate.toPem())}}})};
    const auto document = WorkspaceFormat::fromJson(workspaceWithKeys(keys));
    QVERIFY2(document.ok(), qPrintable(document.ok() ? QString() : document.error().toString()));
    QVERIFY(document->trustConflicts.isEmpty());
    TrustStore store;
    QVERIFY(store.fromJson(document->trust).ok());
    QCOMPARE(store.origins(),
        (QStringList {QStringLiteral("http://legacy.example.com:80"), QStringLiteral("https://idp.example.com:443")}));
    QCOMPARE(
        store.settings(QStringLiteral("https://idp.example.com:443")).extraCa, QList<QSslCertificate> {m_certificate});
    QVERIFY(store.settings(QStringLiteral("http://legacy.example.com:80")).insecure);
    QCOMPARE(store.settings(QStringLiteral("http://legacy.example.com:80")).pins.size(), 1);

    // A bad per-source CA names the entry (as KeyRing::fromJson did before the migration).
    const auto bad = WorkspaceFormat::fromJson(workspaceWithKeys({remoteEntry(QStringLiteral("x"),
        QStringLiteral("https://x"), {{QStringLiteral("ca_pem"), QJsonArray {QStringLiteral("no")}}})}));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("invalid_workspace"));
    QVERIFY2(
        bad.error().message.startsWith(QStringLiteral("keys[0]: network.ca_pem")), qPrintable(bad.error().message));
}

void TestWorkspaceFormat::migrationKeepsTheFirstOfAConflict()
{
    const QJsonArray keys {
        remoteEntry(QStringLiteral("a"), QStringLiteral("https://idp.example.com/a.json"),
            QJsonObject {{QStringLiteral("ca_pem"), QJsonArray {QString::fromLatin1(m_certificate.toPem())}}}),
        remoteEntry(QStringLiteral("b"), QStringLiteral("https://idp.example.com/b.json"),
            QJsonObject {{QStringLiteral("insecure"), true}}),
        remoteEntry(QStringLiteral("c"), QStringLiteral("https://idp.example.com/c.json"), {})};
    const auto document = WorkspaceFormat::fromJson(workspaceWithKeys(keys));
    QVERIFY(document.ok());
    QCOMPARE(document->trustConflicts, QStringList {QStringLiteral("https://idp.example.com:443")});
    TrustStore store;
    QVERIFY(store.fromJson(document->trust).ok());
    const TrustSettings kept = store.settings(QStringLiteral("https://idp.example.com:443"));
    QCOMPARE(kept.extraCa, QList<QSslCertificate> {m_certificate});
    QVERIFY(!kept.insecure);
}

void TestWorkspaceFormat::trustMemberWins()
{
    // A file of this build has "trust": the per-source copies are for older builds and are not read back.
    QJsonObject object = workspaceWithKeys({remoteEntry(QStringLiteral("a"),
        QStringLiteral("https://idp.example.com/a.json"), QJsonObject {{QStringLiteral("insecure"), true}})});
    object.insert(QStringLiteral("trust"), QJsonArray {});
    const auto document = WorkspaceFormat::fromJson(object);
    QVERIFY(document.ok());
    QVERIFY(document->trust.isEmpty());
    QVERIFY(document->trustConflicts.isEmpty());
}

void TestWorkspaceFormat::typedErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message"); // the start of the English message

    QTest::newRow("bad JSON") << QByteArray("{\n  \"jwt_workbench_workspace\": 1,\n  \"tokens\": [,]\n}")
                              << "invalid_json"
                              << "w.jwb.json is not valid JSON: ";
    QTest::newRow("not an object") << QByteArray("[1]") << "not_workspace"
                                   << "w.jwb.json is not a JWT Workbench workspace";
    QTest::newRow("no marker") << QByteArray("{\"tokens\": []}") << "not_workspace"
                               << "w.jwb.json is not a JWT Workbench workspace (no \"jwt_workbench_workspace\" member)";
    QTest::newRow("future") << QByteArray("{\"jwt_workbench_workspace\": 99}") << "unsupported_workspace"
                            << "workspace format 99 is not supported (this version reads format 1)";
    QTest::newRow("zero") << QByteArray("{\"jwt_workbench_workspace\": 0}") << "unsupported_workspace"
                          << "workspace format 0 is not supported";
    QTest::newRow("tokens") << QByteArray("{\"jwt_workbench_workspace\": 1, \"tokens\": {}}") << "invalid_workspace"
                            << "\"tokens\" must be an array";
    QTest::newRow("key entry") << QByteArray("{\"jwt_workbench_workspace\": 1, \"keys\": [{\"kind\": \"telepathy\"}]}")
                               << "invalid_workspace"
                               << "keys[0]: unknown kind";
    QTest::newRow("trust entry") << QByteArray("{\"jwt_workbench_workspace\": 1, \"trust\": [{\"origin\": \"x\"}]}")
                                 << "invalid_workspace"
                                 << "trust[0]: \"origin\" is not a URL with a host";
}

void TestWorkspaceFormat::typedErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto document = WorkspaceFormat::parse(json, QStringLiteral("w.jwb.json"));
    QVERIFY(!document.ok());
    QCOMPARE(document.error().code, code);
    QVERIFY2(document.error().message.startsWith(message), qPrintable(document.error().message));
    if (code == u"invalid_json") {
        QCOMPARE(document.error().details.value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(document.error().details.value(QStringLiteral("column")).toInt(), 15); // where Qt stopped reading
        QCOMPARE(document.error().details.value(QStringLiteral("file")).toString(), QStringLiteral("w.jwb.json"));
    }
    if (code == u"unsupported_workspace") {
        QVERIFY(!document.error().details.value(QStringLiteral("version")).toString().isEmpty());
        QCOMPARE(document.error().details.value(QStringLiteral("supported")).toInt(), 1);
    }
}

void TestWorkspaceFormat::readErrors()
{
    const auto missing = WorkspaceFormat::read(m_dir.filePath(QStringLiteral("missing.jwb.json")));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().is(common::ErrorCode::CannotRead));
    QVERIFY(missing.error().message.contains(QStringLiteral("missing.jwb.json")));
    QCOMPARE(missing.error().details.value(QStringLiteral("path")).toString(),
        m_dir.filePath(QStringLiteral("missing.jwb.json")));

    const QString big = m_dir.filePath(QStringLiteral("big.jwb.json"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(3 * 1024 * 1024, ' '));
    file.close();
    const auto tooLarge = WorkspaceFormat::read(big, 2 * 1024 * 1024);
    QVERIFY(tooLarge.error().is(common::ErrorCode::TooLarge));
    QCOMPARE(tooLarge.error().details.value(QStringLiteral("size")).toLongLong(), 3 * 1024 * 1024);
    QCOMPARE(tooLarge.error().details.value(QStringLiteral("max")).toLongLong(), 2 * 1024 * 1024);
    QCOMPARE(tooLarge.error().message, QStringLiteral("%1 is 3 MiB; a workspace is at most 2 MiB").arg(big));

    const auto directory = WorkspaceFormat::read(m_dir.path());
    QVERIFY(directory.error().is(common::ErrorCode::CannotRead));
}

void TestWorkspaceFormat::secretsNeverWritten()
{
    const auto ec = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value();
    KeyRing ring(fixedClock());
    const QString publicPem = QString::fromLatin1(ec.toPem(false).value());
    ring.add(KeyRing::pasted(QStringLiteral("public"), publicPem));
    ring.add(KeyRing::pasted(QStringLiteral("private"), QString::fromLatin1(ec.toPem(true).value())));
    ring.add(KeyRing::secret(QStringLiteral("secret"), kSecret, QStringLiteral("utf8")));
    ring.add(KeyRing::generated(QStringLiteral("generated"), keys::Jwk::fromKey(ec, QStringLiteral("g1"))));
    KeySource der = KeyRing::pasted(QStringLiteral("der"), {});
    der.binary = ec.toDer(true).value();
    ring.add(der);

    // Even a document handed the secrets (toJson(true)) writes none of them.
    WorkspaceDocument document;
    document.keys = ring.toJson(true);
    QVERIFY(QJsonDocument(document.keys).toJson().contains(kSecret.toUtf8()));
    const QByteArray bytes = WorkspaceFormat::serialize(document);
    QVERIFY(!bytes.contains(kSecret.toUtf8()));
    QVERIFY(!bytes.contains("PRIVATE KEY"));
    QVERIFY(!bytes.contains("\\\"d\\\""));
    QVERIFY(!bytes.contains(der.binary.toBase64()));
    const QJsonArray written = QJsonDocument::fromJson(bytes).object().value(QStringLiteral("keys")).toArray();
    QCOMPARE(written.size(), 5);
    QCOMPARE(written.at(0).toObject().value(QStringLiteral("text")).toString(), publicPem);
    for (int i = 1; i < 5; ++i) {
        QVERIFY2(!written.at(i).toObject().contains(QStringLiteral("text")), qPrintable(QString::number(i)));
        QVERIFY(!written.at(i).toObject().contains(QStringLiteral("der_base64")));
        QVERIFY(written.at(i).toObject().contains(QStringLiteral("kind")));
    }
}

void TestWorkspaceFormat::writesPrivateFiles()
{
    const QString path = m_dir.filePath(QStringLiteral("private.jwb.json"));
    const mode_t previous = ::umask(0);
    WorkspaceDocument document;
    document.tokens = {{QStringLiteral("bearer"), QStringLiteral("a.b.c")}};
    const auto written = WorkspaceFormat::write(path, document);
    ::umask(previous);
    QVERIFY(written.ok());
    QCOMPARE(modeOf(path), 0600);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), WorkspaceFormat::serialize(document));
    const auto read = WorkspaceFormat::read(path);
    QVERIFY(read.ok());
    QCOMPARE(read->tokens, document.tokens);
}

void TestWorkspaceFormat::sessionLoadAndStore()
{
    Session session(fixedClock());
    session.keys().add(KeyRing::pasted(QStringLiteral("set"), QStringLiteral("{\"keys\": []}")));
    session.keys().add(KeyRing::secret(QStringLiteral("secret"), kSecret, QStringLiteral("utf8")));
    TrustSettings trust;
    trust.extraCa = {m_certificate};
    session.trust().set(QStringLiteral("https://idp.example.com:443"), trust);
    session.pin(ChoiceScope::inspector(), KeyPin::source(session.keys().at(1).id));

    WorkspaceDocument document;
    QStringList leftOut;
    session.store(document, &leftOut);
    QCOMPARE(leftOut, QStringList {session.keys().at(1).id});
    QCOMPARE(document.keys.size(), 2);
    QCOMPARE(document.trust, session.trust().toJson());
    QCOMPARE(document.keyChoices, session.choicesToJson());

    const auto read = WorkspaceFormat::fromJson(WorkspaceFormat::toJson(document));
    QVERIFY(read.ok());
    Session other(fixedClock());
    QSignalSpy changed(&other, &Session::choicesChanged);
    QVERIFY(other.load(read.value(), WorkspaceOrigin::OwnSession).ok());
    QVERIFY(changed.count() >= 1);
    QCOMPARE(other.keys().count(), 2);
    QCOMPARE(other.keys().at(1).error->code, QStringLiteral("secret_not_stored"));
    QCOMPARE(other.trust().settings(QStringLiteral("https://idp.example.com:443")), trust);
    QVERIFY(other.trust().isConfirmed(QStringLiteral("https://idp.example.com:443")));
    QCOMPARE(other.pinned(ChoiceScope::inspector()), KeyPin::source(session.keys().at(1).id));

    // A bad workspace changes nothing.
    WorkspaceDocument bad = read.value();
    bad.keys = QJsonArray {QJsonObject {{QStringLiteral("kind"), QStringLiteral("telepathy")}}};
    QVERIFY(!other.load(bad, WorkspaceOrigin::File).ok());
    QCOMPARE(other.keys().count(), 2);
    QCOMPARE(other.trust().origins().size(), 1);
}

void TestWorkspaceFormat::fileTrustWaitsForConfirmation()
{
    // A file's settings are confirmed only by allowing a fetch; the user's own session keeps them confirmed except
    // where a source still waits.
    QJsonObject object = workspaceWithKeys(
        {remoteEntry(QStringLiteral("a"), QStringLiteral("https://a.example.com/j"), {}), [] {
             QJsonObject waiting = remoteEntry(QStringLiteral("b"), QStringLiteral("https://b.example.com/j"), {});
             waiting.insert(QStringLiteral("awaiting_permission"), true);
             return waiting;
         }()});
    object.insert(QStringLiteral("trust"),
        QJsonArray {QJsonObject {{QStringLiteral("origin"), QStringLiteral("https://a.example.com")},
                        {QStringLiteral("insecure"), true}},
            QJsonObject {{QStringLiteral("origin"), QStringLiteral("https://b.example.com")},
                {QStringLiteral("insecure"), true}}});
    const auto document = WorkspaceFormat::fromJson(object);
    QVERIFY(document.ok());

    Session file(fixedClock());
    QVERIFY(file.load(document.value(), WorkspaceOrigin::File).ok());
    QVERIFY(!file.trust().isConfirmed(QStringLiteral("https://a.example.com:443")));
    QVERIFY(!file.trust().isConfirmed(QStringLiteral("https://b.example.com:443")));
    QVERIFY(file.keys().at(0).awaitingPermission);

    Session own(fixedClock());
    QVERIFY(own.load(document.value(), WorkspaceOrigin::OwnSession).ok());
    QVERIFY(own.trust().isConfirmed(QStringLiteral("https://a.example.com:443")));
    QVERIFY(!own.trust().isConfirmed(QStringLiteral("https://b.example.com:443")));
    own.keys().cancel(0);
}

QTEST_GUILESS_MAIN(TestWorkspaceFormat)
#include "tst_workspaceformat.moc"
