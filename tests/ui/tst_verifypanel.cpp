// The inspector's Verify tab, offscreen: a token in the inspector, a key in the panel, and the verdict and
// ordered checks that core's Verifier reports, shown after the debounce.

#include "LocalHttpsServer.h"
#include "TestData.h"
#include "UiTestHelpers.h"

#include "common/ChecksModel.h"
#include "common/Clock.h"
#include "common/Dialogs.h"
#include "common/Resources.h"
#include "crypto/Algorithm.h"
#include "inspector/InspectorWidget.h"
#include "inspector/TokenEditor.h"
#include "jose/Base64Url.h"
#include "keys/Jwk.h"
#include "keys/TokenSigner.h"
#include "krakend/Simulator.h"
#include "verify/VerifyPanel.h"
#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageAuthenticationCode>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace jwb;

class TestVerifyPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void hasVerifyTab();
    void neutralWithoutKey();
    void demoTokenWithDemoKeyIsValid();
    void wrongKeyIsInvalid();
    void keyWithOtherKidIsInvalid();
    void hs256WithSecret();
    void secretFormFollowsTheRules();
    void garbageKeyShowsError();
    void pinnedAlgorithmMismatch();
    void issuerAndAudience();
    void followsTheToken();
    void pasteVerifiesAtOnce();
    void openKeyFileThroughDialog();
    void explicitTyping();
    void weakKeysNeedTheCheckbox();
    void issuerSourceBindsTheToken();
    void issuerButtonAsksForAWaitingSource();
    void verifyAsEndpoint();
    void bannerUpdatedOncePerChange();

private:
    [[nodiscard]] ui::VerifyPanel *panel() const { return m_inspector->verifyPanel(); }
    void setKey(const QString &text) { test::child<QPlainTextEdit>(panel(), "keyEdit")->setPlainText(text); }
    /// The verdict's text ("valid", "invalid", "error", "none").
    [[nodiscard]] QString verdict() const { return common::verdictText(panel()->verdict()); }
    /// (result, name) of every row of the checks view: "ok", "FAIL" or "skip", and the check's name.
    [[nodiscard]] QList<std::pair<QString, QString>> checks() const;
    [[nodiscard]] QString resultOf(const QString &check) const;
    static QString sourceFile(const QString &relative);

    std::shared_ptr<common::FixedClock> m_clock;
    std::unique_ptr<ui::InspectorWidget> m_inspector;
    QStringList m_errors;
    QString m_nextFile;
};

void TestVerifyPanel::init()
{
    m_clock = std::make_shared<common::FixedClock>(test::nowUtc());
    m_inspector = std::make_unique<ui::InspectorWidget>(m_clock);
    m_errors.clear();
    m_nextFile.clear();
    ui::Dialogs::Hooks hooks;
    hooks.error = [this](const QString &, const QString &text) { m_errors.append(text); };
    hooks.openFileName = [this](const QString &, const QString &) { return m_nextFile; };
    ui::Dialogs::setHooks(hooks);
    m_inspector->resize(1200, 800);
    m_inspector->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_inspector.get()));
    m_inspector->showTab(ui::InspectorWidget::Tab::Verify);
}

void TestVerifyPanel::cleanup()
{
    m_inspector.reset();
    ui::Dialogs::clearHooks();
}

QList<std::pair<QString, QString>> TestVerifyPanel::checks() const
{
    QList<std::pair<QString, QString>> rows;
    const QAbstractItemModel *model = test::child<QTreeView>(panel(), "checksView")->model();
    for (int i = 0; i < model->rowCount(); ++i) {
        const QModelIndex row = model->index(i, ui::ChecksModel::NameColumn);
        const auto outcome = row.data(ui::ChecksModel::OutcomeRole).value<common::Outcome>();
        rows.append({outcome == common::Outcome::Pass ? QStringLiteral("ok")
                : outcome == common::Outcome::Fail    ? QStringLiteral("FAIL")
                                                      : QStringLiteral("skip"),
            row.data().toString()});
    }
    return rows;
}

QString TestVerifyPanel::resultOf(const QString &check) const
{
    for (const auto &[result, name] : checks())
        if (name == check)
            return result;
    return QString();
}

QString TestVerifyPanel::sourceFile(const QString &relative)
{
    QFile f(QStringLiteral(JWB_SOURCE_DIR) + u'/' + relative);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.readAll());
}

void TestVerifyPanel::hasVerifyTab()
{
    QTabWidget *tabs = m_inspector->tabs();
    QCOMPARE(tabs->tabText(static_cast<int>(ui::InspectorWidget::Tab::Verify)), QStringLiteral("Verify"));
    QCOMPARE(tabs->currentWidget(), panel());
    QVERIFY(panel()->findChild<QPlainTextEdit *>(QStringLiteral("keyEdit")));
    QVERIFY(panel()->findChild<QCheckBox *>(QStringLiteral("secretCheck")));
    QVERIFY(panel()->findChild<QLabel *>(QStringLiteral("verdictLabel")));
    QVERIFY(panel()->findChild<QTreeView *>(QStringLiteral("checksView")));
    QComboBox *alg = panel()->findChild<QComboBox *>(QStringLiteral("algCombo"));
    QVERIFY(alg);
    QCOMPARE(alg->count(), 1 + jwb::crypto::Algorithms::all().size()); // "From the key", then the 16 algorithms
    QCOMPARE(alg->itemText(0), QStringLiteral("From the key"));
    QCOMPARE(alg->findText(QStringLiteral("none"), Qt::MatchFixedString), -1);
    QVERIFY(alg->findText(QStringLiteral("EdDSA")) > 0);
    QVERIFY(alg->findText(QStringLiteral("Ed448")) > 0 && alg->findText(QStringLiteral("ES256K")) > 0);
}

void TestVerifyPanel::neutralWithoutKey()
{
    m_inspector->setTokenText(ui::Resources::demoToken());
    QTRY_COMPARE(test::child<QLabel>(panel(), "verdictLabel")->text(), QStringLiteral("Give a key to verify"));
    QCOMPARE(verdict(), QStringLiteral("none"));
    QCOMPARE(test::child<QTreeView>(panel(), "checksView")->model()->rowCount(), 0);
}

void TestVerifyPanel::demoTokenWithDemoKeyIsValid()
{
    const QString jwks = sourceFile(QStringLiteral("resources/samples/demo-jwks.json"));
    QVERIFY(!jwks.isEmpty());
    m_inspector->setTokenText(ui::Resources::demoToken());
    setKey(jwks);
    QTRY_COMPARE(test::child<QLabel>(panel(), "verdictLabel")->text(), QStringLiteral("VALID"));
    QCOMPARE(verdict(), QStringLiteral("valid"));
    QCOMPARE(resultOf(QStringLiteral("signature")), QStringLiteral("ok"));
    QCOMPARE(resultOf(QStringLiteral("alg")), QStringLiteral("ok"));
    QCOMPARE(checks().first().second, QStringLiteral("parse"));
    QVERIFY(test::child<QLabel>(panel(), "keyUsedLabel")->isVisible());
    QVERIFY(test::child<QLabel>(panel(), "keyUsedLabel")->text().contains(u"demo-rs256"));
    QVERIFY(test::child<QLabel>(panel(), "keyUsedLabel")->text().contains(u"RSA"));
    QVERIFY(test::child<QLabel>(panel(), "keyUsedLabel")->text().contains(u"thumbprint"));
    // The key never leaks into the window title.
    QVERIFY(!m_inspector->window()->windowTitle().contains(u"demo-rs256"));
}

void TestVerifyPanel::wrongKeyIsInvalid()
{
    // Another RSA key under the demo kid: the key is selected, the signature does not match.
    QJsonObject jwk
        = test::readJson(test::sharedPath(QStringLiteral("testvectors/jose-cookbook/jwk/3_3.rsa_public_key.json")))
              .object();
    QVERIFY(!jwk.isEmpty());
    jwk.insert(QStringLiteral("kid"), QStringLiteral("demo-rs256"));
    m_inspector->setTokenText(ui::Resources::demoToken());
    setKey(QString::fromUtf8(QJsonDocument(jwk).toJson()));
    QTRY_COMPARE(test::child<QLabel>(panel(), "verdictLabel")->text(), QStringLiteral("INVALID"));
    QCOMPARE(verdict(), QStringLiteral("invalid"));
    QCOMPARE(resultOf(QStringLiteral("signature")), QStringLiteral("FAIL"));
}

void TestVerifyPanel::keyWithOtherKidIsInvalid()
{
    const QByteArray jwk
        = test::readJson(test::sharedPath(QStringLiteral("testvectors/jose-cookbook/jwk/3_3.rsa_public_key.json")))
              .toJson();
    m_inspector->setTokenText(ui::Resources::demoToken());
    setKey(QString::fromUtf8(jwk));
    QTRY_COMPARE(test::child<QLabel>(panel(), "verdictLabel")->text(), QStringLiteral("INVALID"));
    QVERIFY(resultOf(QStringLiteral("key")) == u"FAIL" || resultOf(QStringLiteral("signature")) == u"FAIL");
}

void TestVerifyPanel::hs256WithSecret()
{
    // RFC 7518 §3.2: an HS256 secret needs at least 256 bits. Core enforces it, so the classic "secret" (48 bits)
    // is refused at key_use even though the MAC was made with it; a 32-byte secret verifies.
    const QByteArray header = R"({"alg":"HS256","typ":"JWT"})";
    const QByteArray payload
        = R"({"sub":"alice","iat":)" + test::num(test::kNow - 60) + R"(,"exp":)" + test::num(test::kNow + 3600) + "}";
    const QString signingInput = test::b64(header) + u'.' + test::b64(payload);
    auto tokenWith = [&](const QByteArray &secret) -> QString {
        const QByteArray mac
            = QMessageAuthenticationCode::hash(signingInput.toLatin1(), secret, QCryptographicHash::Sha256);
        return signingInput + u'.' + test::b64(mac);
    };
    auto *secretEdit = test::child<QLineEdit>(panel(), "secretEdit");
    auto setSecret = [&](const QString &text) {
        secretEdit->selectAll();
        QGuiApplication::clipboard()->setText(text);
        secretEdit->paste(); // as a user pastes it
    };

    // An HS256 token: the secret field is offered at once, masked, with nothing to tick first.
    m_inspector->setTokenText(tokenWith(QByteArrayLiteral("secret")));
    QVERIFY(secretEdit->isVisible());
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
    QVERIFY(!test::child<QPlainTextEdit>(panel(), "keyEdit")->isVisible());
    QVERIFY(test::child<QCheckBox>(panel(), "secretCheck")->isChecked());
    QVERIFY(test::child<QComboBox>(panel(), "encodingCombo")->isEnabled());
    setSecret(QStringLiteral("secret"));
    QCOMPARE(secretEdit->text(), QStringLiteral("secret"));
    QTRY_COMPARE(test::child<QLabel>(panel(), "verdictLabel")->text(), QStringLiteral("INVALID"));
    QCOMPARE(resultOf(QStringLiteral("key_use")), QStringLiteral("FAIL"));

    // Show / hide.
    auto *show = test::child<QToolButton>(panel(), "showSecretButton");
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);

    // The same secret in each encoding the combo offers verifies.
    const QByteArray longSecret = QByteArrayLiteral("secret-secret-secret-secret-secret\xff");
    m_inspector->setTokenText(tokenWith(longSecret));
    const QList<std::pair<QString, QByteArray>> encodings {{QStringLiteral("base64"), longSecret.toBase64()},
        {QStringLiteral("base64url"),
            longSecret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)},
        {QStringLiteral("hex"), longSecret.toHex()}};
    for (const auto &[encoding, written] : encodings) {
        test::child<QComboBox>(panel(), "encodingCombo")->setCurrentText(encoding);
        setSecret(QString::fromLatin1(written));
        QTRY_COMPARE(test::child<QLabel>(panel(), "verdictLabel")->text(), QStringLiteral("VALID"));
        QCOMPARE(resultOf(QStringLiteral("signature")), QStringLiteral("ok"));
        QVERIFY(!test::child<QLabel>(panel(), "keyUsedLabel")->text().contains(QString::fromLatin1(written)));
    }
    const QByteArray textSecret = QByteArrayLiteral("secret-secret-secret-secret-secret");
    m_inspector->setTokenText(tokenWith(textSecret));
    test::child<QComboBox>(panel(), "encodingCombo")->setCurrentText(QStringLiteral("utf8"));
    setSecret(QString::fromLatin1(textSecret));
    QTRY_COMPARE(test::child<QLabel>(panel(), "verdictLabel")->text(), QStringLiteral("VALID"));
    QVERIFY(!test::child<QLabel>(panel(), "keyUsedLabel")->text().contains(QString::fromLatin1(textSecret)));

    setSecret(QStringLiteral("not the secret, but long enough to be used"));
    QTRY_COMPARE(test::child<QLabel>(panel(), "verdictLabel")->text(), QStringLiteral("INVALID"));
    QCOMPARE(resultOf(QStringLiteral("signature")), QStringLiteral("FAIL"));
    setSecret(QString::fromLatin1(textSecret));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));

    // An RS256 token: the key editor is back, with what was typed in it before; the secret is kept aside.
    const QString jwks = sourceFile(QStringLiteral("resources/samples/demo-jwks.json"));
    m_inspector->setTokenText(ui::Resources::demoToken());
    QVERIFY(test::child<QPlainTextEdit>(panel(), "keyEdit")->isVisible());
    QVERIFY(!secretEdit->isVisible());
    QVERIFY(!test::child<QCheckBox>(panel(), "secretCheck")->isChecked());
    QVERIFY(!test::child<QComboBox>(panel(), "encodingCombo")->isEnabled());
    setKey(jwks);
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));

    // Back to the HS256 token: the secret typed before is still there, and still verifies.
    m_inspector->setTokenText(tokenWith(textSecret));
    QVERIFY(secretEdit->isVisible());
    QCOMPARE(secretEdit->text(), QString::fromLatin1(textSecret));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
    m_inspector->setTokenText(ui::Resources::demoToken());
    QCOMPARE(test::child<QPlainTextEdit>(panel(), "keyEdit")->toPlainText(), jwks);
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));

    // Unticking "Key is a shared secret" on an HS256 token gives the key editor (an oct JWK, say); the secret is
    // not read as a key file.
    m_inspector->setTokenText(tokenWith(textSecret));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
    test::child<QCheckBox>(panel(), "secretCheck")->setChecked(false);
    QVERIFY(test::child<QPlainTextEdit>(panel(), "keyEdit")->isVisible());
    setKey(QStringLiteral("not a key"));
    QTRY_COMPARE(verdict(), QStringLiteral("error"));
    // A sentence, not a machine code, leads (issue #19 item 9).
    QVERIFY(!panel()->keyError().isEmpty() && !panel()->keyError().startsWith(u"unknown_key_format"));
    const QJsonObject oct {{QStringLiteral("kty"), QStringLiteral("oct")},
        {QStringLiteral("k"), QString::fromLatin1(jose::Base64Url::encode(textSecret))}};
    setKey(QString::fromUtf8(QJsonDocument(oct).toJson()));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
}

void TestVerifyPanel::secretFormFollowsTheRules()
{
    // The expected algorithm of the rules decides the form before the token's header does (core's pastedKeyForm).
    m_inspector->setTokenText(ui::Resources::demoToken());
    QVERIFY(test::child<QPlainTextEdit>(panel(), "keyEdit")->isVisible());
    test::child<QComboBox>(panel(), "algCombo")->setCurrentText(QStringLiteral("HS512"));
    QVERIFY(test::child<QLineEdit>(panel(), "secretEdit")->isVisible());
    QVERIFY(!test::child<QPlainTextEdit>(panel(), "keyEdit")->isVisible());
    test::child<QComboBox>(panel(), "algCombo")->setCurrentIndex(0); // from the key
    QVERIFY(test::child<QPlainTextEdit>(panel(), "keyEdit")->isVisible());
}

void TestVerifyPanel::garbageKeyShowsError()
{
    m_inspector->setTokenText(ui::Resources::demoToken());
    setKey(QStringLiteral("-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n"));
    QTRY_COMPARE(verdict(), QStringLiteral("error"));
    QVERIFY(!panel()->keyError().isEmpty());
    QVERIFY2(panel()->keyError().contains(u':'), qPrintable(panel()->keyError()));
    QCOMPARE(test::child<QTreeView>(panel(), "checksView")->model()->rowCount(), 0);
    const QLabel *detail = panel()->findChild<QLabel *>(QStringLiteral("verifyDetail"));
    QVERIFY(detail);
    QVERIFY(detail->text().contains(panel()->keyError().section(u':', 0, 0)));

    setKey(QStringLiteral("just some words"));
    QTRY_VERIFY(!panel()->keyError().isEmpty());
    QVERIFY2(!panel()->keyError().startsWith(u"unknown_key_format"), qPrintable(panel()->keyError()));
    QCOMPARE(verdict(), QStringLiteral("error"));
}

void TestVerifyPanel::pinnedAlgorithmMismatch()
{
    m_inspector->setTokenText(ui::Resources::demoToken());
    setKey(sourceFile(QStringLiteral("resources/samples/demo-jwks.json")));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
    test::child<QComboBox>(panel(), "algCombo")->setCurrentText(QStringLiteral("ES256"));
    QTRY_COMPARE(test::child<QLabel>(panel(), "verdictLabel")->text(), QStringLiteral("INVALID"));
    QCOMPARE(resultOf(QStringLiteral("alg")), QStringLiteral("FAIL"));

    test::child<QComboBox>(panel(), "algCombo")->setCurrentText(QStringLiteral("RS256"));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
}

void TestVerifyPanel::issuerAndAudience()
{
    m_inspector->setTokenText(ui::Resources::demoToken());
    setKey(sourceFile(QStringLiteral("resources/samples/demo-public.pem")));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));

    test::child<QLineEdit>(panel(), "issuerEdit")->setText(QStringLiteral("https://evil.example.com/"));
    QTRY_COMPARE(verdict(), QStringLiteral("invalid"));
    QCOMPARE(resultOf(QStringLiteral("iss")), QStringLiteral("FAIL"));
    test::child<QLineEdit>(panel(), "issuerEdit")->setText(QStringLiteral("https://auth.example.com/"));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));

    test::child<QLineEdit>(panel(), "audienceEdit")->setText(QStringLiteral("other.example.com"));
    QTRY_COMPARE(verdict(), QStringLiteral("invalid"));
    QCOMPARE(resultOf(QStringLiteral("aud")), QStringLiteral("FAIL"));
    test::child<QLineEdit>(panel(), "audienceEdit")->setText(QStringLiteral("api.example.com"));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
}

void TestVerifyPanel::followsTheToken()
{
    setKey(sourceFile(QStringLiteral("resources/samples/demo-jwks.json")));
    m_inspector->setTokenText(ui::Resources::demoToken());
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));

    // Tamper with the payload in the editor: the panel re-verifies the new inspection.
    QString tampered = ui::Resources::demoToken();
    const qsizetype dot = tampered.indexOf(u'.');
    tampered.insert(dot + 1, QStringLiteral("eyJhIjoxfQ"));
    m_inspector->tokenEditor()->setPlainText(tampered);
    QTRY_COMPARE(verdict(), QStringLiteral("invalid"));

    m_inspector->setTokenText(QString());
    QTRY_COMPARE(verdict(), QStringLiteral("none"));
}

void TestVerifyPanel::pasteVerifiesAtOnce()
{
    // Typing waits for the debounce; a paste (or a drop) is one deliberate act: decoded and verified before
    // control returns, with no event loop turn in between.
    setKey(sourceFile(QStringLiteral("resources/samples/demo-jwks.json")));
    m_inspector->setTokenText(QString());
    QTRY_COMPARE(verdict(), QStringLiteral("none"));
    QGuiApplication::clipboard()->setText(ui::Resources::demoToken());
    m_inspector->tokenEditor()->paste();
    QCOMPARE(verdict(), QStringLiteral("valid"));
    QVERIFY(m_inspector->statusText().size() > 0);
}

void TestVerifyPanel::openKeyFileThroughDialog()
{
    m_inspector->setTokenText(ui::Resources::demoToken());
    m_nextFile = QStringLiteral(JWB_SOURCE_DIR "/resources/samples/demo-public.pem");
    QTest::mouseClick(test::child<QPushButton>(panel(), "openKeyButton"), Qt::LeftButton);
    QVERIFY(test::child<QPlainTextEdit>(panel(), "keyEdit")->toPlainText().contains(u"BEGIN PUBLIC KEY"));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_nextFile = dir.filePath(QStringLiteral("huge.pem"));
    QFile huge(m_nextFile);
    QVERIFY(huge.open(QIODevice::WriteOnly));
    huge.write(QByteArray(ui::VerifyPanel::kMaxKeyFileBytes + 1, 'A'));
    huge.close();
    QTest::mouseClick(test::child<QPushButton>(panel(), "openKeyButton"), Qt::LeftButton);
    QCOMPARE(m_errors.size(), 1);
    QVERIFY(m_errors.first().contains(u"4 MiB"));
    QVERIFY(test::child<QPlainTextEdit>(panel(), "keyEdit")->toPlainText().contains(u"BEGIN PUBLIC KEY")); // unchanged
}

void TestVerifyPanel::explicitTyping()
{
    m_inspector->setTokenText(ui::Resources::demoToken());
    setKey(sourceFile(QStringLiteral("resources/samples/demo-jwks.json")));
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
    auto *typ = panel()->findChild<QLineEdit *>(QStringLiteral("typEdit"));
    QVERIFY(typ);
    typ->setText(QStringLiteral("at+jwt"));
    QTRY_COMPARE(verdict(), QStringLiteral("invalid"));
    QCOMPARE(resultOf(QStringLiteral("typ")), QStringLiteral("FAIL"));
    typ->setText(QStringLiteral("application/JWT")); // the demo token says "JWT"
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
    QCOMPARE(resultOf(QStringLiteral("typ")), QStringLiteral("ok"));
    typ->clear();
    QTRY_VERIFY(resultOf(QStringLiteral("typ")).isEmpty());
}

void TestVerifyPanel::weakKeysNeedTheCheckbox()
{
    // A 1024-bit RSA key made by openssl (Key::generate refuses that size).
    const char pem[] = "-----BEGIN PRIVATE KEY-----\n"
                       "MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAK1XCOcn/+wMnwab\n"
                       "W0gcciK4DpAdB4XDNKoax1xuPsMYWQpebsxg2hFUArg1rXt1N8bdZ24KE4CB/Zmz\n"
                       "VHHrYHNo357dgaQF4g+5N0i5PS2paoqFdwHQmB4Qo5yjiZGPHM+FS2zbtSRIRyGC\n"
                       "gcQmXiw94hozvxo+LDX3Gx2hNfRJAgMBAAECgYAJSUthzuPICpkOao5GW7fFomSt\n"
                       "VdDMWrvcjRi3G/Ti0NAcXRjEfD/Sg9Std7q2jX4SelQLMiD/Vnd2n4PbooeFMLs/\n"
                       "8agQCHRtcgMnj823uo9H12WU+lSjsqTFfnCoo1zDuibL3JJyOeaCOn7BGVD4H5hH\n"
                       "JKeryornOHN7UMAcXQJBANX+hYl7cDPKIFjiC1A7R7RxepeDLP2Ecqxu0XdvOuFb\n"
                       "bl0jY0oB5AWffJBWNH0o9MadH/Zth2nNLZKQB8aqHJMCQQDPXZYXJAv42ZnjrgHF\n"
                       "E7kq7aiPt5PKuDvQFZOYu7DfFq6Y6myhyqvIZd3kLAc7+mqJiqESKtLntzPlefe5\n"
                       "MZEzAkEAnEwhRrA03G7GP4UiVEBn+ABmVOGHa8dgZlcugPhp3g2Ex1xAed51qDG7\n"
                       "rkR4Y+4VEjfTD48iN4GXxpOSSmUXJwJAfy2EmdivxwWeDjdwOnBoRl3P3aTXbaMk\n"
                       "e/Bfv3KNfaUpm/taeLgWNyfSuNgP78cbhBOTydKd2yNPHtR5DAnMZQJBAMSpHKkt\n"
                       "p/A9Mrssg5RIPuIq0AEdkyoDB4ZKvoet/ZWfk4C2PHSrAOsZjZ4BPeLtgzlAr8bd\n"
                       "2mkIVBc6DzSyd00=\n"
                       "-----END PRIVATE KEY-----\n";
    const auto key = crypto::Key::fromPem(QByteArray(pem));
    QVERIFY(key.ok());
    const auto token = keys::TokenSigner::sign(crypto::Algorithm::RS256,
        keys::JwkSet::fromKey(keys::Jwk::fromKey(key.value()), QStringLiteral("PEM")),
        QJsonObject {{QStringLiteral("sub"), QStringLiteral("alice")}});
    QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.error().toString()));
    m_inspector->setTokenText(token->token);
    setKey(QString::fromLatin1(key->publicKey().toPem(false).value()));
    QTRY_COMPARE(verdict(), QStringLiteral("invalid"));
    QCOMPARE(resultOf(QStringLiteral("key_use")), QStringLiteral("FAIL"));
    auto *allow = panel()->findChild<QCheckBox *>(QStringLiteral("allowWeakKeysCheck"));
    QVERIFY(allow);
    QVERIFY(!allow->isChecked());
    allow->setChecked(true);
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
}

// A key-ring Issuer source (OpenID discovery from a local HTTPS server) verifies only that issuer's tokens; a
// discovery document that names another issuer gives no keys at all.
void TestVerifyPanel::issuerSourceBindsTheToken()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey tlsKey;
    QString error;
    if (!test::makeLocalhostCertificate(dir.path(), &certificate, &tlsKey, &error))
        QSKIP(qPrintable(error));
    test::LocalHttpsServer server;
    QVERIFY(server.start(certificate, tlsKey));
    const auto signing = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
    QVERIFY(signing.ok());
    const keys::Jwk jwk = keys::Jwk::fromKey(signing.value(), QStringLiteral("idp-1"), QStringLiteral("ES256"));
    server.setBody(QStringLiteral("/jwks.json"),
        QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {jwk.publicJson()}}}).toJson());
    const QString issuer = server.url(), tenantB = server.url(QStringLiteral("/tenant-b"));
    server.setBody(QStringLiteral("/.well-known/openid-configuration"),
        QJsonDocument(QJsonObject {{QStringLiteral("issuer"), issuer},
                          {QStringLiteral("jwks_uri"), server.url(QStringLiteral("/jwks.json"))}})
            .toJson());
    server.setBody(QStringLiteral("/foreign/.well-known/openid-configuration"),
        QJsonDocument(QJsonObject {{QStringLiteral("issuer"), QStringLiteral("https://someone-else.example")},
                          {QStringLiteral("jwks_uri"), server.url(QStringLiteral("/jwks.json"))}})
            .toJson());

    workspace::KeyRing ring(m_clock);
    m_inspector->setKeyRing(&ring);
    QSignalSpy finished(&ring, &workspace::KeyRing::fetchFinished);
    workspace::KeySource source = workspace::KeyRing::url(issuer, true);
    workspace::TrustSettings trust; // the server's CA, for its origin
    trust.extraCa = {certificate};
    ring.trust()->set(workspace::TrustStore::originOf(source.url()), trust);
    source.timeoutMs = 20000;
    const int index = ring.add(source);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    workspace::KeySource foreign = workspace::KeyRing::url(server.url(QStringLiteral("/foreign")), true);
    foreign.timeoutMs = source.timeoutMs;
    const int foreignIndex = ring.add(foreign);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY2(!ring.at(index).error, qPrintable(ring.at(index).errorText()));
    QVERIFY2(ring.at(foreignIndex).errorText().startsWith(QStringLiteral("issuer_mismatch: ")),
        qPrintable(ring.at(foreignIndex).errorText()));
    QVERIFY(!ring.at(foreignIndex).keys.has_value());

    const keys::Jwk privateJwk = keys::Jwk::fromKey(signing.value(), QStringLiteral("idp-1"));
    auto signAs = [&](const QString &iss) {
        return keys::TokenSigner::sign(crypto::Algorithm::ES256,
            keys::JwkSet::fromKey(privateJwk, QStringLiteral("JWK")),
            QJsonObject {{QStringLiteral("sub"), QStringLiteral("alice")}, {QStringLiteral("iss"), iss}})
            .value()
            .token;
    };
    m_inspector->setTokenText(signAs(issuer));
    panel()->setKeySource(index);
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
    QCOMPARE(resultOf(QStringLiteral("iss")), QStringLiteral("ok"));

    // Same keys, same signature scheme, another issuer's token: refused, and the check names both values.
    m_inspector->setTokenText(signAs(tenantB));
    QTRY_COMPARE(verdict(), QStringLiteral("invalid"));
    QCOMPARE(resultOf(QStringLiteral("iss")), QStringLiteral("FAIL"));
    const QAbstractItemModel *model = test::child<QTreeView>(panel(), "checksView")->model();
    QString issMessage;
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->index(i, ui::ChecksModel::NameColumn).data().toString() == u"iss")
            issMessage = model->index(i, ui::ChecksModel::DetailColumn).data().toString();
    QVERIFY2(issMessage.contains(tenantB) && issMessage.contains(issuer), qPrintable(issMessage));
    m_inspector->setKeyRing(nullptr);
}

// "Use the issuer's keys" on a source a workspace file left waiting for permission: the click is the user's
// permission, but TLS settings from the file (here an extra CA) are shown and confirmed first; "Not now" sends
// nothing.
void TestVerifyPanel::issuerButtonAsksForAWaitingSource()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey tlsKey;
    QString error;
    if (!test::makeLocalhostCertificate(dir.path(), &certificate, &tlsKey, &error))
        QSKIP(qPrintable(error));
    test::LocalHttpsServer server;
    QVERIFY(server.start(certificate, tlsKey));
    const auto signing = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
    const keys::Jwk jwk = keys::Jwk::fromKey(signing.value(), QStringLiteral("idp-1"), QStringLiteral("ES256"));
    server.setBody(QStringLiteral("/jwks.json"),
        QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {jwk.publicJson()}}}).toJson());
    server.setBody(QStringLiteral("/.well-known/openid-configuration"),
        QJsonDocument(QJsonObject {{QStringLiteral("issuer"), server.url()},
                          {QStringLiteral("jwks_uri"), server.url(QStringLiteral("/jwks.json"))}})
            .toJson());

    QList<ui::Dialogs::Choice> asked;
    int answer = 1; // "Not now"
    ui::Dialogs::Hooks hooks;
    hooks.error = [this](const QString &, const QString &text) { m_errors.append(text); };
    hooks.choose = [&](const ui::Dialogs::Choice &choice) {
        asked.append(choice);
        return answer;
    };
    ui::Dialogs::setHooks(hooks);

    workspace::KeyRing ring(m_clock);
    m_inspector->setKeyRing(&ring);
    workspace::KeySource source = workspace::KeyRing::url(server.url(), true);
    workspace::TrustSettings trust; // from a workspace file: not confirmed yet
    trust.extraCa = {certificate};
    ring.trust()->replace({{workspace::TrustStore::originOf(source.url()), trust}}, false);
    source.timeoutMs = 20000;
    source.awaitingPermission = true;
    const int index = ring.add(source);
    m_inspector->setTokenText(keys::TokenSigner::sign(crypto::Algorithm::ES256,
        keys::JwkSet::fromKey(keys::Jwk::fromKey(signing.value(), QStringLiteral("idp-1")), QStringLiteral("JWK")),
        QJsonObject {{QStringLiteral("iss"),
            server.url()}})->token);
    QVERIFY(test::child<QPushButton>(panel(), "useIssuerButton")->isEnabled());

    QTest::mouseClick(test::child<QPushButton>(panel(), "useIssuerButton"), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().text.contains(QStringLiteral("extra CA")), qPrintable(asked.first().text));
    QVERIFY(ring.at(index).awaitingPermission);
    QVERIFY(!ring.at(index).fetching); // no fetch was started, so nothing can reach the server later
    QCOMPARE(server.connections(), 0);

    answer = 0; // "Fetch now"
    QSignalSpy finished(&ring, &workspace::KeyRing::fetchFinished);
    QTest::mouseClick(test::child<QPushButton>(panel(), "useIssuerButton"), Qt::LeftButton);
    QCOMPARE(asked.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(!ring.at(index).awaitingPermission);
    QTRY_COMPARE(verdict(), QStringLiteral("valid"));
    m_inspector->setKeyRing(nullptr);
}

namespace {

/// The demo token with `changes` in its payload, signed with the demo key (kid demo-rs256).
QString signedDemo(const QJsonObject &changes)
{
    const QString demo = ui::Resources::demoToken();
    QJsonObject payload
        = QJsonDocument::fromJson(jose::Base64Url::decode(demo.split(u'.').at(1).toLatin1()).value()).object();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        payload.insert(it.key(), it.value());
    QFile pem(QStringLiteral(JWB_SOURCE_DIR "/resources/samples/demo-private.pem"));
    if (!pem.open(QIODevice::ReadOnly))
        return {};
    const auto key = crypto::Key::fromPem(pem.readAll());
    if (!key)
        return {};
    const auto token = keys::TokenSigner::signBytes(crypto::Algorithm::RS256, key.value(),
        QByteArrayLiteral("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"demo-rs256\"}"),
        QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return token ? token.value() : QString();
}

} // namespace

// "Judge as" an endpoint of the sample krakend.json: the Rules group shows that endpoint's rules read-only, the
// checks are the simulator's, and the answer is Simulate's for the same token and keys (the endpoint's own
// jwk_local_path when no key is given, the pasted key otherwise).
void TestVerifyPanel::verifyAsEndpoint()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *name : {"krakend.json", "demo-jwks.json"})
        QVERIFY(QFile::copy(QStringLiteral(JWB_SOURCE_DIR "/resources/samples/") + QLatin1String(name),
            dir.filePath(QLatin1String(name))));
    QFile file(dir.filePath(QStringLiteral("krakend.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QList<ui::VerifyPanel::Endpoint> endpoints;
    for (const auto &e : root.value(QLatin1String("endpoints")).toArray()) {
        const QJsonObject endpoint = e.toObject();
        endpoints.append(
            {endpoint.value(QLatin1String("method")).toString(), endpoint.value(QLatin1String("endpoint")).toString(),
                krakend::SimulationSetup::fromEndpoint(root, endpoint, dir.path())});
    }
    auto simulate = [&](int endpoint, const QString &token) {
        krakend::Simulator simulator(endpoints[endpoint].setup);
        simulator.setClock(m_clock);
        krakend::SimulationRequest request;
        request.method = endpoints[endpoint].method;
        request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + token});
        return simulator.run(request);
    };

    m_inspector->setTokenText(ui::Resources::demoToken());
    QCOMPARE(verdict(), QStringLiteral("none")); // no key: the generic rules judge nothing
    auto *judge = panel()->findChild<QComboBox *>(QStringLiteral("judgeAsCombo"));
    QVERIFY(judge);
    QCOMPARE(judge->count(), 1);
    QCOMPARE(judge->itemText(0), QStringLiteral("Generic rules"));
    panel()->setEndpoints(endpoints);
    QCOMPARE(judge->count(), 3);
    QCOMPARE(judge->itemText(2), QStringLiteral("POST /v1/orders"));
    QCOMPARE(verdict(), QStringLiteral("none")); // still the generic rules

    // As GET /v1/orders, with the endpoint's own keys: Simulate's 200.
    judge->setCurrentIndex(1);
    Q_EMIT judge->activated(1);
    QCOMPARE(panel()->judgeAs(), 0);
    QCOMPARE(simulate(0, ui::Resources::demoToken()).status, 200);
    QCOMPARE(verdict(), QStringLiteral("valid"));
    QCOMPARE(panel()->report().status, 200);
    QVERIFY(test::child<QLabel>(panel(), "verdictLabel")->text().startsWith(QStringLiteral("200")));
    QVERIFY2(test::child<QLabel>(panel(), "keyUsedLabel")->text().contains(u"demo-jwks.json"),
        qPrintable(test::child<QLabel>(panel(), "keyUsedLabel")->text()));
    // The endpoint's rules, read-only, instead of the generic ones.
    auto *stack = panel()->findChild<QStackedWidget *>(QStringLiteral("rulesStack"));
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("endpointRules"));
    QVERIFY(!test::child<QComboBox>(panel(), "algCombo")->isVisibleTo(panel()));
    QCOMPARE(panel()->findChild<QLabel *>(QStringLiteral("mappedAlg"))->text(), QStringLiteral("RS256"));
    QCOMPARE(panel()->findChild<QLabel *>(QStringLiteral("mappedIssuer"))->text(),
        QStringLiteral("https://auth.example.com/"));
    QCOMPARE(panel()->findChild<QLabel *>(QStringLiteral("mappedLeeway"))->text(), QStringLiteral("30 s"));
    // The simulator's checks: its startup check first, the registered claims grouped under step 6.
    QCOMPARE(checks().first().second, QStringLiteral("config"));
    auto *model = qobject_cast<ui::ChecksModel *>(test::child<QTreeView>(panel(), "checksView")->model());
    QVERIFY(model);
    QCOMPARE(model->checks(), simulate(0, ui::Resources::demoToken()).checks);
    QVERIFY(m_inspector->statusText().contains(QStringLiteral("KrakenD answers 200")));

    // A token without the roles the endpoint wants: Simulate's 403 at roles, and the banner says so.
    const QString guest = signedDemo({{QStringLiteral("roles"), QJsonArray {QStringLiteral("guest")}}});
    QVERIFY(!guest.isEmpty());
    m_inspector->setTokenText(guest);
    QCOMPARE(simulate(0, guest).status, 403);
    QCOMPARE(verdict(), QStringLiteral("invalid"));
    QCOMPARE(panel()->report().status, 403);
    QCOMPARE(panel()->report().stoppingCheck()->nameText(), QStringLiteral("roles"));
    QVERIFY(model->stoppedIndex().isValid());
    QVERIFY2(m_inspector->statusText().contains(QStringLiteral("KrakenD answers 403 Forbidden at roles")),
        qPrintable(m_inspector->statusText()));

    // A pasted key replaces the endpoint's own keys, as Simulate's key choice does: one without the kid fails.
    setKey(sourceFile(QStringLiteral("resources/samples/demo-jwks.json")));
    m_inspector->setTokenText(ui::Resources::demoToken());
    QTRY_COMPARE(panel()->report().status, 200);
    QVERIFY(test::child<QLabel>(panel(), "keyUsedLabel")->text().contains(QStringLiteral("the key pasted in Verify")));
    const QByteArray other
        = test::readJson(test::sharedPath(QStringLiteral("testvectors/jose-cookbook/jwk/3_3.rsa_public_key.json")))
              .toJson();
    setKey(QString::fromUtf8(other));
    QTRY_COMPARE(panel()->report().status, 401);
    QCOMPARE(verdict(), QStringLiteral("invalid"));
    QCOMPARE(panel()->report().stoppingCheck()->nameText(), QStringLiteral("key"));

    // The endpoint list changes (the Gateway page edits krakend.json): the chosen endpoint stays chosen; gone, the
    // generic rules are back.
    panel()->setEndpoints({endpoints[1], endpoints[0]});
    QCOMPARE(panel()->judgeAs(), 1);
    panel()->setJudgeAs(0); // POST /v1/orders, by program rather than by the combo
    QCOMPARE(judge->currentText(), QStringLiteral("POST /v1/orders"));
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("endpointRules"));
    QCOMPARE(panel()->findChild<QLabel *>(QStringLiteral("mappedLeeway"))->text(), QStringLiteral("1 s"));
    panel()->setJudgeAs(1);
    panel()->setEndpoints({endpoints[1]});
    QCOMPARE(panel()->judgeAs(), -1);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("genericRules"));
    QVERIFY(!panel()->report().isGateway()); // the generic verifier's checks again
    QCOMPARE(checks().first().second, QStringLiteral("parse"));
    QCOMPARE(resultOf(QStringLiteral("key")), QStringLiteral("FAIL"));
}

// The Inspector's banner is built once per change, from the verification of the token it describes: never a
// stale "not verified" between a paste and its verdict.
void TestVerifyPanel::bannerUpdatedOncePerChange()
{
    setKey(sourceFile(QStringLiteral("resources/samples/demo-jwks.json")));
    m_inspector->setTokenText(QString());
    QTRY_COMPARE(verdict(), QStringLiteral("none"));
    QStringList banners;
    connect(m_inspector.get(), &ui::InspectorWidget::bannerUpdated, this,
        [&] { banners.append(m_inspector->statusText()); });

    m_inspector->setTokenText(ui::Resources::demoToken());
    QCOMPARE(banners.size(), 1);
    QVERIFY2(banners.last().contains(u"check out"), qPrintable(banners.last()));

    // A typed edit: one more banner after the debounce, and it already carries the new verdict.
    QString tampered = ui::Resources::demoToken();
    tampered.insert(tampered.indexOf(u'.') + 1, QStringLiteral("eyJhIjoxfQ"));
    m_inspector->tokenEditor()->setPlainText(tampered);
    QTRY_COMPARE(banners.size(), 2);
    QVERIFY2(banners.last().contains(u"FAILED") || !m_inspector->inspection().token.issues.isEmpty(),
        qPrintable(banners.last()));

    // The 30 s refresh: one banner.
    m_inspector->refreshTimes();
    QCOMPARE(banners.size(), 3);
    m_inspector->setTokenText(ui::Resources::demoToken());
    QCOMPARE(banners.size(), 4);
    QTest::qWait(ui::VerifyPanel::kDebounceMs + ui::InspectorWidget::kDebounceMs + 50);
    QCOMPARE(banners.size(), 4); // nothing arrives later
    for (const QString &banner : std::as_const(banners))
        QVERIFY2(!banner.contains(u"has not been verified"), qPrintable(banner));
}

QTEST_MAIN(TestVerifyPanel)
#include "tst_verifypanel.moc"
