// workspace::TrustStore: origins, one setting per origin, the options a fetch and a simulated gateway use, the one
// CA reader (PEM or DER, as the CLI's --ca and the Keys page read it), the workspace form and its errors, and
// which settings still wait for the user's confirmation.

#include "LocalHttpsServer.h"

#include "workspace/TrustStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;
using namespace jwb::workspace;

class TestTrustStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void originOf_data();
    void originOf();
    void oneSettingPerOrigin();
    void optionsForAFetch();
    void optionsForTheGatewayKeepTheConfigsTls();
    void readsPemAndDer();
    void readCaFileErrors();
    void workspaceRoundTrip();
    void parseErrorsNameTheEntry_data();
    void parseErrorsNameTheEntry();
    void fileSettingsWaitForConfirmation();

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslCertificate m_other;
};

void TestTrustStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSslKey key;
    QString error;
    if (!test::makeLocalhostCertificate(m_dir.path(), &m_certificate, &key, &error))
        QSKIP(qPrintable(error));
    QTemporaryDir second;
    if (!test::makeLocalhostCertificate(second.path(), &m_other, &key, &error))
        QSKIP(qPrintable(error));
    QVERIFY(m_certificate != m_other);
}

void TestTrustStore::originOf_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("origin");
    QTest::newRow("https default port") << "https://IdP.Example.com/jwks.json"
                                        << "https://idp.example.com:443";
    QTest::newRow("explicit port") << "https://idp.example.com:8443/a?b#c"
                                   << "https://idp.example.com:8443";
    QTest::newRow("http default port") << "HTTP://legacy.example.com/jwks"
                                       << "http://legacy.example.com:80";
    QTest::newRow("ip") << "https://127.0.0.1:4443/jwks.json"
                        << "https://127.0.0.1:4443";
    QTest::newRow("ipv6") << "https://[::1]:4443/x"
                          << "https://[::1]:4443";
    QTest::newRow("no host") << "not a url"
                             << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestTrustStore::originOf()
{
    QFETCH(QString, url);
    QFETCH(QString, origin);
    QCOMPARE(TrustStore::originOf(QUrl(url)), origin);
}

void TestTrustStore::oneSettingPerOrigin()
{
    TrustStore store;
    QSignalSpy changed(&store, &TrustStore::changed);
    TrustSettings settings;
    settings.extraCa = {m_certificate};
    settings.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    store.set(QStringLiteral("https://idp.example.com:443"), settings);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("https://idp.example.com:443"));
    // Every URL of that origin has them; another port or scheme does not.
    QCOMPARE(store.settingsFor(QUrl(QStringLiteral("https://idp.example.com/a.json"))), settings);
    QCOMPARE(store.settingsFor(QUrl(QStringLiteral("https://IDP.example.com:443/b"))), settings);
    QVERIFY(store.settingsFor(QUrl(QStringLiteral("https://idp.example.com:8443/a.json"))).isEmpty());
    QVERIFY(store.settingsFor(QUrl(QStringLiteral("http://idp.example.com/a.json"))).isEmpty());
    QCOMPARE(store.origins(), QStringList {QStringLiteral("https://idp.example.com:443")});

    store.set(QStringLiteral("https://idp.example.com:443"), settings); // the same again: no signal
    QCOMPARE(changed.count(), 1);
    store.set(QStringLiteral("https://idp.example.com:443"), {}); // empty settings remove the origin
    QCOMPARE(changed.count(), 2);
    QVERIFY(store.origins().isEmpty());
    store.set(QString(), settings); // no origin: nothing to set
    QVERIFY(store.origins().isEmpty());

    QVERIFY(settings.changesTrust());
    TrustSettings pinsOnly;
    pinsOnly.pins = settings.pins;
    QVERIFY(!pinsOnly.changesTrust()); // pins only narrow the trust
    TrustSettings insecure;
    insecure.insecure = true;
    QVERIFY(insecure.changesTrust());
}

void TestTrustStore::optionsForAFetch()
{
    TrustStore store;
    TrustSettings settings;
    settings.extraCa = {m_certificate};
    settings.insecure = true;
    settings.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    store.set(QStringLiteral("https://127.0.0.1:4443"), settings);
    const auto options = store.optionsFor(QUrl(QStringLiteral("https://127.0.0.1:4443/jwks.json")), 2500);
    QCOMPARE(options.extraCa, settings.extraCa);
    QCOMPARE(options.pins, settings.pins);
    QVERIFY(options.insecure);
    QCOMPARE(options.timeoutMs, 2500);
    const auto elsewhere = store.optionsFor(QUrl(QStringLiteral("https://127.0.0.1:4444/jwks.json")));
    QVERIFY(elsewhere.extraCa.isEmpty());
    QVERIFY(elsewhere.pins.isEmpty());
    QVERIFY(!elsewhere.insecure);
    QCOMPARE(elsewhere.timeoutMs, 10000);
}

void TestTrustStore::optionsForTheGatewayKeepTheConfigsTls()
{
    // The simulator keeps KrakenD's own settings; only the store's CA is added for that origin.
    TrustStore store;
    TrustSettings settings;
    settings.extraCa = {m_certificate};
    settings.insecure = true;
    settings.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    store.set(QStringLiteral("https://idp.example.com:443"), settings);
    keysource::NetworkOptions config;
    config.extraCa = {m_other};
    config.pins = {QStringLiteral("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=")};
    config.timeoutMs = 1234;
    const auto options = store.optionsForGateway(QUrl(QStringLiteral("https://idp.example.com/jwks")), config);
    QCOMPARE(options.extraCa, (QList<QSslCertificate> {m_other, m_certificate}));
    QCOMPARE(options.pins, config.pins);
    QVERIFY(!options.insecure);
    QCOMPARE(options.timeoutMs, 1234);
    // The same CA in both: once.
    config.extraCa = {m_certificate};
    QCOMPARE(store.optionsForGateway(QUrl(QStringLiteral("https://idp.example.com/jwks")), config).extraCa.size(), 1);
    // Another origin: the config's settings only.
    QCOMPARE(store.optionsForGateway(QUrl(QStringLiteral("https://other.example.com/jwks")), config).extraCa,
        config.extraCa);
}

void TestTrustStore::readsPemAndDer()
{
    const auto pem = TrustStore::readCa(m_certificate.toPem() + m_other.toPem());
    QVERIFY(pem.ok());
    QCOMPARE(pem.value(), (QList<QSslCertificate> {m_certificate, m_other}));
    const auto der = TrustStore::readCa(m_certificate.toDer());
    QVERIFY(der.ok());
    QCOMPARE(der.value(), QList<QSslCertificate> {m_certificate});
    const auto garbage = TrustStore::readCa("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    QVERIFY(!garbage.ok());
    QVERIFY(garbage.error().is(common::ErrorCode::InvalidCertificate));
    QVERIFY(!TrustStore::readCa({}).ok());
}

void TestTrustStore::readCaFileErrors()
{
    const QString der = m_dir.filePath(QStringLiteral("ca.der"));
    QFile file(der);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_certificate.toDer());
    file.close();
    QCOMPARE(TrustStore::readCaFile(der).value(), QList<QSslCertificate> {m_certificate});

    const auto missing = TrustStore::readCaFile(m_dir.filePath(QStringLiteral("nothing.pem")));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().is(common::ErrorCode::UnreadableFile));
    QVERIFY(missing.error().message.contains(QStringLiteral("nothing.pem")));

    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile notes(text);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not a certificate");
    notes.close();
    const auto invalid = TrustStore::readCaFile(text);
    QVERIFY(invalid.error().is(common::ErrorCode::InvalidCertificate));
    QVERIFY(invalid.error().message.startsWith(QStringLiteral("notes.txt ")));
    QCOMPARE(invalid.error().details.value(QStringLiteral("path")).toString(), text);
}

void TestTrustStore::workspaceRoundTrip()
{
    TrustStore store;
    TrustSettings ca;
    ca.extraCa = {m_certificate, m_other};
    TrustSettings insecure;
    insecure.insecure = true;
    insecure.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    store.set(QStringLiteral("https://b.example.com:443"), ca);
    store.set(QStringLiteral("http://a.example.com:80"), insecure);
    const QJsonArray json = store.toJson();
    QCOMPARE(json.size(), 2);
    QCOMPARE(
        json.at(0).toObject().value(QStringLiteral("origin")).toString(), QStringLiteral("http://a.example.com:80"));
    QVERIFY(json.at(0).toObject().value(QStringLiteral("insecure")).toBool());
    QVERIFY(!json.at(0).toObject().contains(QStringLiteral("ca_pem")));
    QCOMPARE(json.at(1).toObject().value(QStringLiteral("ca_pem")).toArray().size(), 2);
    QVERIFY(!json.at(1).toObject().contains(QStringLiteral("insecure")));

    TrustStore other;
    QSignalSpy changed(&other, &TrustStore::changed);
    QVERIFY(other.fromJson(json).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), QString());
    QCOMPARE(other.origins(), store.origins());
    QCOMPARE(other.settings(QStringLiteral("https://b.example.com:443")), ca);
    QCOMPARE(other.settings(QStringLiteral("http://a.example.com:80")), insecure);
    QCOMPARE(other.toJson(), json);
}

void TestTrustStore::parseErrorsNameTheEntry_data()
{
    QTest::addColumn<QJsonArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << QJsonArray {QJsonValue(1)} << "trust[0] is not an object";
    QTest::newRow("no origin") << QJsonArray {QJsonObject {{QStringLiteral("insecure"), true}}}
                               << "trust[0]: \"origin\" is not a URL with a host";
    QTest::newRow("bad CA") << QJsonArray {QJsonObject {{QStringLiteral("origin"), QStringLiteral("https://x")}},
        QJsonObject {{QStringLiteral("origin"), QStringLiteral("https://y")},
            {QStringLiteral("ca_pem"), QJsonArray {QStringLiteral("no")}}}}
                            << "trust[1].ca_pem holds no PEM certificate";
}

void TestTrustStore::parseErrorsNameTheEntry()
{
    QFETCH(QJsonArray, json);
    QFETCH(QString, message);
    TrustStore store;
    TrustSettings kept;
    kept.insecure = true;
    store.set(QStringLiteral("https://kept.example.com:443"), kept);
    const auto result = store.fromJson(json);
    QVERIFY(!result.ok());
    QVERIFY(result.error().is(common::ErrorCode::InvalidWorkspace));
    QCOMPARE(result.error().message, message);
    QCOMPARE(store.origins(), QStringList {QStringLiteral("https://kept.example.com:443")}); // unchanged
}

void TestTrustStore::fileSettingsWaitForConfirmation()
{
    TrustStore store;
    TrustSettings insecure;
    insecure.insecure = true;
    const QString origin = QStringLiteral("https://idp.example.com:443");
    QVERIFY(
        store
            .fromJson(QJsonArray {QJsonObject {{QStringLiteral("origin"), origin}, {QStringLiteral("insecure"), true}}},
                false)
            .ok());
    QVERIFY(!store.isConfirmed(origin));
    QVERIFY(store.isConfirmed(QStringLiteral("https://other.example.com:443"))); // nothing to confirm
    store.confirm(origin);
    QVERIFY(store.isConfirmed(origin));
    store.markUnconfirmed(origin);
    QVERIFY(!store.isConfirmed(origin));
    // The user's own setting is confirmed, even when it is the same as the file's.
    QSignalSpy changed(&store, &TrustStore::changed);
    store.set(origin, insecure);
    QVERIFY(store.isConfirmed(origin));
    QCOMPARE(changed.count(), 1);
    store.markUnconfirmed(QStringLiteral("https://unknown.example.com:443")); // no settings: nothing to confirm
    QVERIFY(store.isConfirmed(QStringLiteral("https://unknown.example.com:443")));
}

QTEST_GUILESS_MAIN(TestTrustStore)
#include "tst_truststore.moc"
