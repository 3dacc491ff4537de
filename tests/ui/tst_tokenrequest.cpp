// The Keys page's "Get token…" dialog (TokenRequestDialog), offscreen, against a local HTTPS identity provider made
// in the test (LocalHttpsServer: a discovery document, a JWK Set and a token endpoint answering a JWT signed with
// the published key): the client credentials flow obtains the access token, which goes to the Inspector through
// the page's openInInspector, the issuer joins the key ring, the client secret goes to the keychain (a fake
// SecretStore backend) and nowhere else (not the workspace, not the settings), and a new dialog gets the inputs
// back from the settings and the secret from the keychain.
// Incomplete inputs are refused with a reason; an unreachable provider ends with its network error; cancel stops
// a run.
#include "LocalHttpsServer.h"
#include "UiTestHelpers.h"

#include "common/Clock.h"
#include "common/Scheduler.h"
#include "common/SecretStore.h"
#include "common/Settings.h"
#include "crypto/Backend.h"
#include "keys/KeyGenerator.h"
#include "keys/KeysPage.h"
#include "keys/TokenRequestDialog.h"
#include "keys/TokenSigner.h"
#include "workspace/KeyRing.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;
using namespace jwb::ui;
using namespace Qt::StringLiterals;

class TestTokenRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void incompleteInputs_data();
    void incompleteInputs();
    void clientCredentialsOpensInInspector();
    void unreachableProvider();
    void cancelStops();

private:
    static void fill(
        TokenRequestDialog *dialog, const QString &issuer, const QString &clientId, int auth, const QString &secret);

    QTemporaryDir m_dir;
    QSslCertificate m_cert;
    QSslKey m_key;
    keys::JwkSet m_issuerKeys;
    QHash<QString, QString> m_keychain; ///< the fake system keychain
};

void TestTokenRequest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    SecretStore::setBackend({[this](const QString &key, const QString &value) {
                                 m_keychain.insert(key, value);
                                 return QString();
                             },
        [this](const QString &key, QString *value) {
            *value = m_keychain.value(key);
            return QString();
        },
        [this](const QString &key) {
            m_keychain.remove(key);
            return QString();
        }});
    crypto::Backend::initialize();
    QString error;
    QVERIFY2(test::makeLocalhostCertificate(m_dir.path(), &m_cert, &m_key, &error), qPrintable(error));
    auto key = keys::KeyGenerator::generate(crypto::Algorithm::ES256, keys::KeyIdRule::fixed(u"idp-1"_s));
    QVERIFY(key);
    m_issuerKeys = keys::JwkSet::fromKey(key.value(), u"JWK"_s);
}

void TestTokenRequest::fill(
    TokenRequestDialog *dialog, const QString &issuer, const QString &clientId, int auth, const QString &secret)
{
    test::child<QLineEdit>(dialog, "tokenIssuer")->setText(issuer);
    test::child<QLineEdit>(dialog, "tokenClientId")->setText(clientId);
    test::child<QComboBox>(dialog, "tokenAuth")->setCurrentIndex(auth);
    test::child<QLineEdit>(dialog, "tokenSecret")->setText(secret);
}

void TestTokenRequest::incompleteInputs_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<int>("auth");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no issuer") << QString() << u"c"_s << 0 << QString() << u"issuer"_s;
    QTest::newRow("no client id") << u"https://idp.test"_s << QString() << 0 << QString() << u"client id"_s;
    QTest::newRow("secret missing") << u"https://idp.test"_s << u"c"_s << 1 << QString() << u"client secret"_s;
    QTest::newRow("key file missing") << u"https://idp.test"_s << u"c"_s << 3 << QString() << u"client key"_s;
}

void TestTokenRequest::incompleteInputs()
{
    QFETCH(QString, issuer);
    QFETCH(QString, clientId);
    QFETCH(int, auth);
    QFETCH(QString, secret);
    QFETCH(QString, reason);
    TokenRequestDialog dialog({});
    fill(&dialog, issuer, clientId, auth, secret);
    dialog.start();
    QVERIFY(!dialog.isRunning());
    QVERIFY2(dialog.statusText().contains(reason), qPrintable(dialog.statusText()));
}

void TestTokenRequest::clientCredentialsOpensInInspector()
{
    test::LocalHttpsServer idp;
    QVERIFY(idp.start(m_cert, m_key));
    const QString issuer = idp.url();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto access = keys::TokenSigner::sign(crypto::Algorithm::ES256, m_issuerKeys,
        QJsonObject {
            {u"iss"_s, issuer}, {u"sub"_s, u"svc"_s}, {u"aud"_s, u"api"_s}, {u"iat"_s, now}, {u"exp"_s, now + 600}});
    QVERIFY(access);
    idp.setBody(u"/.well-known/openid-configuration"_s,
        QJsonDocument(QJsonObject {{u"issuer"_s, issuer}, {u"token_endpoint"_s, idp.url(u"/token"_s)},
                          {u"jwks_uri"_s, idp.url(u"/jwks"_s)}})
            .toJson());
    idp.setBody(u"/jwks"_s, QJsonDocument(m_issuerKeys.toJson(false)).toJson());
    idp.setBody(u"/token"_s,
        QJsonDocument(
            QJsonObject {{u"access_token"_s, access->token}, {u"token_type"_s, u"Bearer"_s}, {u"expires_in"_s, 600}})
            .toJson());

    auto clock = std::make_shared<common::FixedClock>(QDateTime::currentDateTimeUtc());
    workspace::KeyRing ring(clock);
    workspace::TrustSettings trust;
    trust.extraCa = {m_cert};
    ring.trust()->set(workspace::TrustStore::originOf(QUrl(issuer)), trust);
    KeysPage page(&ring, clock, std::make_shared<common::ManualScheduler>());
    QSignalSpy inspector(&page, &KeysPage::openInInspector);
    auto *action = test::child<QAction>(&page, "actionKeysGetToken");
    QVERIFY(action);
    action->trigger(); // Add ▸ Get token from identity provider…
    auto *dialog = test::child<TokenRequestDialog>(&page, "tokenRequestDialog");
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QSignalSpy finished(dialog, &TokenRequestDialog::flowFinished);
    fill(dialog, issuer, u"svc-client"_s, 1, u"s3cret-value"_s);
    QTest::mouseClick(test::child<QPushButton>(dialog, "tokenStart"), Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(inspector.size(), 1);
    QCOMPARE(inspector.first().at(1).toString(), access->token);
    QVERIFY(inspector.first().at(0).toString().contains(u"access token"_s));
    QVERIFY2(dialog->statusText().contains(u"Got access token"_s), qPrintable(dialog->statusText()));
    QVERIFY(idp.requests() >= 3); // discovery, JWK Set, token

    // The issuer is now a key source of the ring (so the Inspector verifies with its keys); the secret is not in
    // the workspace.
    bool found = false;
    for (int i = 0; i < ring.count(); ++i)
        found = found || ring.at(i).location == issuer;
    QVERIFY(found);
    QVERIFY(!QJsonDocument(ring.toJson(true)).toJson().contains("s3cret-value"));
    QVERIFY(QTest::qWaitFor([&] { return !m_keychain.isEmpty(); }, 5000));
    QCOMPARE(m_keychain.value(u"oauth/%1/svc-client/client_secret"_s.arg(issuer)), u"s3cret-value"_s);
    QCOMPARE(m_keychain.size(), 1); // no refresh token in a client credentials answer
    const QJsonObject remembered = Settings::identityProvider();
    QCOMPARE(remembered.value("issuer"_L1).toString(), issuer);
    QCOMPARE(remembered.value("auth"_L1).toString(), u"client_secret_basic"_s);
    QVERIFY(!QJsonDocument(remembered).toJson().contains("s3cret-value"));
    {
        TokenRequestDialog again({});
        QCOMPARE(test::child<QLineEdit>(&again, "tokenIssuer")->text(), issuer);
        QCOMPARE(test::child<QLineEdit>(&again, "tokenClientId")->text(), u"svc-client"_s);
        auto *secret = test::child<QLineEdit>(&again, "tokenSecret");
        QVERIFY(QTest::qWaitFor([&] { return secret->text() == u"s3cret-value"; }, 5000));
    }
    // For looking at it (README): JWB_TOKEN_DIALOG_PNG=/tmp/x.png, under Xvfb for real fonts.
    if (const QString png = qEnvironmentVariable("JWB_TOKEN_DIALOG_PNG"); !png.isEmpty())
        QVERIFY(dialog->grab().save(png));
    dialog->close();
}

void TestTokenRequest::unreachableProvider()
{
    QTcpServer closed; // a port nobody answers on once closed
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    TokenRequestDialog dialog({});
    QSignalSpy finished(&dialog, &TokenRequestDialog::flowFinished);
    fill(&dialog, u"https://127.0.0.1:%1"_s.arg(port), u"c"_s, 0, QString());
    dialog.start();
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(dialog.statusText().contains(u"connection_refused"_s), qPrintable(dialog.statusText()));
}

void TestTokenRequest::cancelStops()
{
    QTcpServer silent; // accepts and never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    TokenRequestDialog dialog([](const QUrl &) {
        keysource::NetworkOptions o;
        o.timeoutMs = 60000;
        return o;
    });
    QSignalSpy finished(&dialog, &TokenRequestDialog::flowFinished);
    fill(&dialog, u"https://127.0.0.1:%1"_s.arg(silent.serverPort()), u"c"_s, 0, QString());
    dialog.start();
    QVERIFY(dialog.isRunning());
    QTest::qWait(100);
    QTest::mouseClick(test::child<QPushButton>(&dialog, "tokenCancel"), Qt::LeftButton);
    QVERIFY(finished.wait(5000) || finished.size() == 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!dialog.isRunning());
    QVERIFY2(dialog.statusText().contains(u"cancelled"_s), qPrintable(dialog.statusText()));
}

QTEST_MAIN(TestTokenRequest)
#include "tst_tokenrequest.moc"
