// JWE in the GUI, offscreen: the Inspector's Decrypt tab (a key ring key found by the JWE's kid, a pasted secret or
// PBES2 password, RSA1_5's warning, a wrong key, a nested JWT's inline verdict and "Open inner token") and the
// Composer's Encrypt group (sign-then-encrypt to a key ring recipient; RSA1_5 never offered).
#include "TestData.h"
#include "UiTestHelpers.h"

#include "common/Clock.h"
#include "common/Verdict.h"
#include "compose/ComposerPage.h"
#include "compose/EncryptBox.h"
#include "inspector/DecryptPanel.h"
#include "inspector/InspectorWidget.h"
#include "jose/Jwe.h"
#include "keys/Jwk.h"
#include "keys/TokenSigner.h"
#include "verification/Decrypt.h"
#include "workspace/KeyRing.h"

#include <QComboBox>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace jwb;

namespace {

keys::Jwk generated(crypto::KeyType type, const QString &kid, crypto::Curve curve = crypto::Curve::None)
{
    auto key = crypto::Key::generate(type, type == crypto::KeyType::Rsa ? 2048 : 0, curve);
    return key ? keys::Jwk::fromKey(key.value(), kid) : keys::Jwk();
}

QString encrypt(const QByteArray &plaintext, const crypto::Key &to, crypto::KeyManagement alg, const QString &kid = {},
    const QString &cty = {}, int p2c = 1000)
{
    jose::JweEncryptOptions o;
    o.alg = alg;
    o.enc = crypto::ContentEncryption::A256GCM;
    o.pbes2Iterations = p2c;
    if (!kid.isEmpty())
        o.protectedHeader.insert(QStringLiteral("kid"), kid);
    if (!cty.isEmpty())
        o.protectedHeader.insert(QStringLiteral("cty"), cty);
    auto jwe = jose::encryptJwe(plaintext, to.type() == crypto::KeyType::Oct ? to : to.publicKey(), o);
    return jwe ? QString::fromUtf8(jwe.value()) : QString();
}

} // namespace

class TestJweUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void decryptsWith_data();
    void decryptsWith();
    void wrongKeySaysSoOnly();
    void rsa15DecryptsWithAWarning();
    void nestedJwtVerdictAndOpen_data();
    void nestedJwtVerdictAndOpen();
    void notAJweDisablesTheTab();
    void composerSignsThenEncrypts();
    void composerEncryptsWithoutSigning();
    void composerScreenshot();

private:
    [[nodiscard]] ui::DecryptPanel *panel() const { return m_inspector->decryptPanel(); }
    void open(const QString &token)
    {
        m_inspector->setTokenText(token);
        QTRY_VERIFY(!panel()->isBusy());
    }

    std::shared_ptr<const common::Clock> m_clock;
    std::unique_ptr<workspace::KeyRing> m_ring;
    std::unique_ptr<ui::InspectorWidget> m_inspector;
};

void TestJweUi::init()
{
    m_clock = common::Clock::fixed(test::nowUtc());
    m_ring = std::make_unique<workspace::KeyRing>(m_clock);
    m_inspector = std::make_unique<ui::InspectorWidget>(m_clock);
    m_inspector->setKeyRing(m_ring.get());
    m_inspector->resize(1200, 800);
    m_inspector->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_inspector.get()));
    m_inspector->showTab(ui::InspectorWidget::Tab::Decrypt);
    QCOMPARE(
        m_inspector->tabs()->tabText(static_cast<int>(ui::InspectorWidget::Tab::Decrypt)), QStringLiteral("Decrypt"));
}

void TestJweUi::cleanup()
{
    m_inspector.reset();
    m_ring.reset();
}

void TestJweUi::decryptsWith_data()
{
    QTest::addColumn<QString>("how"); ///< "ring" (found by kid), "pasted key", "secret", "password"
    QTest::newRow("key ring source holding the kid") << QStringLiteral("ring");
    QTest::newRow("pasted private JWK") << QStringLiteral("pasted key");
    QTest::newRow("pasted secret, A256KW") << QStringLiteral("secret");
    QTest::newRow("PBES2 password") << QStringLiteral("password");
}

void TestJweUi::decryptsWith()
{
    QFETCH(QString, how);
    const QByteArray claims = "{\"sub\":\"carol\",\"n\":1}";
    QString token;
    if (how == u"ring" || how == u"pasted key") {
        const keys::Jwk rsa = generated(crypto::KeyType::Rsa, QStringLiteral("enc-1"));
        m_ring->add(workspace::KeyRing::generated(
            QStringLiteral("other"), generated(crypto::KeyType::Ec, QStringLiteral("x"), crypto::Curve::P256)));
        if (how == u"ring")
            m_ring->add(workspace::KeyRing::generated(QStringLiteral("recipient"), rsa));
        else
            test::child<QPlainTextEdit>(panel(), "decryptKeyEdit")
                ->setPlainText(QString::fromUtf8(QJsonDocument(keys::Jwk::toJson(rsa.key, true)).toJson()));
        token = encrypt(claims, rsa.key, crypto::KeyManagement::RSA_OAEP_256, QStringLiteral("enc-1"));
    } else if (how == u"secret") {
        const QByteArray secret = "correct-horse-battery-staple-32b";
        test::child<QPlainTextEdit>(panel(), "decryptKeyEdit")->setPlainText(QString::fromLatin1(secret));
        token = encrypt(claims, crypto::Key::fromSecret(secret).value(), crypto::KeyManagement::A256KW);
    } else {
        test::child<QLineEdit>(panel(), "decryptPasswordEdit")->setText(QStringLiteral("hunter2 hunter2"));
        token = encrypt(
            claims, crypto::Key::fromSecret("hunter2 hunter2").value(), crypto::KeyManagement::PBES2_HS256_A128KW);
    }
    QVERIFY(!token.isEmpty());
    open(token);
    QTRY_VERIFY(panel()->decryption().has_value());
    const auto &d = *panel()->decryption();
    QVERIFY2(d.decrypted(), qPrintable(d.error ? d.error->toString() : QString()));
    const auto *content = test::child<QPlainTextEdit>(panel(), "decryptedContent");
    QVERIFY(content);
    QVERIFY2(content->toPlainText().contains(QStringLiteral("\"sub\": \"carol\"")), qPrintable(content->toPlainText()));
    QVERIFY(test::child<QLabel>(panel(), "decryptStatus")->text().startsWith(QStringLiteral("Decrypted with")));
    if (how == u"ring")
        QVERIFY(test::child<QLabel>(panel(), "decryptKeysLine")->text().contains(QStringLiteral("recipient")));
    QVERIFY(m_inspector->statusText().contains(QStringLiteral("Decrypted")));
    QVERIFY(!test::child<QPushButton>(panel(), "openInnerButton")->isVisible());
}

void TestJweUi::wrongKeySaysSoOnly()
{
    const keys::Jwk rsa = generated(crypto::KeyType::Rsa, QStringLiteral("enc-1"));
    const keys::Jwk other = generated(crypto::KeyType::Rsa, QStringLiteral("enc-2"));
    test::child<QPlainTextEdit>(panel(), "decryptKeyEdit")
        ->setPlainText(QString::fromUtf8(QJsonDocument(keys::Jwk::toJson(other.key, true)).toJson()));
    open(encrypt("secret stuff", rsa.key, crypto::KeyManagement::RSA_OAEP));
    QTRY_VERIFY(panel()->decryption().has_value());
    QCOMPARE(panel()->decryption()->error->code, QStringLiteral("decryption_failed"));
    QVERIFY(test::child<QLabel>(panel(), "decryptStatus")->text().startsWith(QStringLiteral("Not decrypted")));
    QVERIFY(test::child<QPlainTextEdit>(panel(), "decryptedContent")->toPlainText().isEmpty());
}

void TestJweUi::rsa15DecryptsWithAWarning()
{
    JWB_REQUIRE_SHARED("testvectors/jose-cookbook/jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json");
    const QJsonObject example = test::readJson(
        test::sharedPath(
            QStringLiteral("testvectors/jose-cookbook/jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json")))
                                    .object();
    const QJsonObject input = example.value(QLatin1String("input")).toObject();
    test::child<QPlainTextEdit>(panel(), "decryptKeyEdit")
        ->setPlainText(QString::fromUtf8(QJsonDocument(input.value(QLatin1String("key")).toObject()).toJson()));
    open(example.value(QLatin1String("output")).toObject().value(QLatin1String("compact")).toString());
    QTRY_VERIFY(panel()->decryption().has_value());
    QVERIFY(panel()->decryption()->decrypted());
    const auto *findings = test::child<QLabel>(panel(), "decryptFindings");
    QVERIFY(findings->isVisible());
    QVERIFY2(findings->text().contains(QStringLiteral("Bleichenbacher")), qPrintable(findings->text()));
    QCOMPARE(test::child<QPlainTextEdit>(panel(), "decryptedContent")->toPlainText(),
        input.value(QLatin1String("plaintext")).toString());
}

void TestJweUi::nestedJwtVerdictAndOpen_data()
{
    QTest::addColumn<bool>("signerInRing");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("signer's key in the ring") << true << QStringLiteral("valid");
    QTest::newRow("no key for the signature") << false << QStringLiteral("invalid");
}

void TestJweUi::nestedJwtVerdictAndOpen()
{
    QFETCH(bool, signerInRing);
    QFETCH(QString, verdict);
    const keys::Jwk signer = generated(crypto::KeyType::Ec, QStringLiteral("signer"), crypto::Curve::P256);
    const keys::Jwk recipient = generated(crypto::KeyType::Ec, QStringLiteral("recipient"), crypto::Curve::P384);
    auto jws = keys::TokenSigner::sign(crypto::Algorithm::ES256, keys::JwkSet::fromKey(signer, QStringLiteral("JWK")),
        QJsonObject {{QStringLiteral("sub"), QStringLiteral("dave")}, {QStringLiteral("exp"), test::kNow + 600}});
    QVERIFY(jws);
    m_ring->add(workspace::KeyRing::generated(QStringLiteral("recipient"), recipient));
    if (signerInRing)
        m_ring->add(workspace::KeyRing::pasted(
            QStringLiteral("signer public"), QString::fromUtf8(QJsonDocument(signer.publicJson()).toJson())));
    open(encrypt(jws->token.toUtf8(), recipient.key, crypto::KeyManagement::ECDH_ES_A256KW, QStringLiteral("recipient"),
        QStringLiteral("JWT")));
    QTRY_VERIFY(panel()->decryption().has_value());
    const auto &d = *panel()->decryption();
    QVERIFY2(d.decrypted(), qPrintable(d.error ? d.error->toString() : QString()));
    QVERIFY(d.innerReport.has_value());
    QCOMPARE(common::verdictText(d.innerReport->verdict), verdict);
    const auto *inner = test::child<QLabel>(panel(), "innerVerdict");
    QVERIFY(inner->isVisible());
    QVERIFY(inner->text().startsWith(QStringLiteral("Nested JWT: ")));
    QVERIFY(test::child<QPlainTextEdit>(panel(), "decryptedContent")->toPlainText().contains(QStringLiteral("dave")));

    const QString outerTitle = m_inspector->currentTitle();
    auto *openButton = test::child<QPushButton>(panel(), "openInnerButton");
    QVERIFY(openButton->isVisible());
    openButton->click();
    QCOMPARE(m_inspector->currentTitle(), QStringLiteral("Inner token of %1").arg(outerTitle));
    QCOMPARE(m_inspector->inspection().token.kind, jose::TokenKind::Jws);
    QCOMPARE(QString::fromUtf8(m_inspector->inspection().token.compact), jws->token);
}

void TestJweUi::notAJweDisablesTheTab()
{
    open(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"));
    QVERIFY(!test::child<QPushButton>(panel(), "decryptButton")->isEnabled());
    QVERIFY(test::child<QLabel>(panel(), "decryptIntro")->text().contains(QStringLiteral("Only an encrypted token")));
    QVERIFY(!panel()->decryption().has_value());
}

void TestJweUi::composerSignsThenEncrypts()
{
    const keys::Jwk signer = generated(crypto::KeyType::Ec, QStringLiteral("s1"), crypto::Curve::P256);
    const keys::Jwk recipient = generated(crypto::KeyType::Rsa, QStringLiteral("r1"));
    workspace::KeyRing ring(m_clock);
    const int signing = ring.add(workspace::KeyRing::generated(QStringLiteral("signer"), signer));
    const int recipientIndex = ring.add(workspace::KeyRing::pasted(
        QStringLiteral("recipient public"), QString::fromUtf8(QJsonDocument(recipient.publicJson()).toJson())));
    ui::ComposerPage page(&ring, m_clock);
    page.resize(1200, 800);
    page.setKeySource(signing);
    page.setAlgorithm(QStringLiteral("ES256"));
    ui::EncryptBox *box = page.encryptBox();
    box->setChecked(true);
    box->setRecipient(ring.at(recipientIndex).id); // the signer's EC key could receive a JWE too
    auto *algs = test::child<QComboBox>(&page, "jweAlgCombo");
    QVERIFY(algs->count() > 0);
    QCOMPARE(algs->findText(QStringLiteral("RSA1_5")), -1);
    QVERIFY(algs->findText(QStringLiteral("RSA-OAEP-256")) >= 0);
    box->setAlgorithm(QStringLiteral("RSA-OAEP-256"));
    QVERIFY(page.signNow());
    QTRY_VERIFY(!page.token().isEmpty());
    QCOMPARE(page.token().count(u'.'), 4);

    verification::Context context;
    context.clock = m_clock;
    keys::JwkSet set = keys::JwkSet::fromKey(recipient, QStringLiteral("JWK"));
    set.keys << keys::Jwk::fromKey(signer.key.publicKey(), QStringLiteral("s1"));
    context.keys = set;
    const verification::Decryption d
        = verification::decrypt(jose::Inspection::inspect(page.token(), test::kNow), context);
    QVERIFY2(d.decrypted(), qPrintable(d.error ? d.error->toString() : QString()));
    QCOMPARE(d.protectedHeader.value(QLatin1String("cty")).toString(), QStringLiteral("JWT"));
    QCOMPARE(d.protectedHeader.value(QLatin1String("kid")).toString(), QStringLiteral("r1"));
    QVERIFY(d.innerReport.has_value());
    QCOMPARE(d.innerReport->verdict, common::Verdict::Valid);
    QVERIFY(test::child<QLabel>(&page, "resultLabel")->text().contains(QStringLiteral("encrypted")));

    box->setChecked(false); // back to a plain JWS
    QVERIFY(page.signNow());
    QCOMPARE(page.token().count(u'.'), 2);
}

void TestJweUi::composerEncryptsWithoutSigning()
{
    // Only the recipient's public key: nothing can sign, and with Encrypt on the claims are encrypted as written.
    const keys::Jwk recipient = generated(crypto::KeyType::Rsa, QStringLiteral("r2"));
    workspace::KeyRing ring(m_clock);
    ring.add(workspace::KeyRing::pasted(
        QStringLiteral("recipient public"), QString::fromUtf8(QJsonDocument(recipient.publicJson()).toJson())));
    ui::ComposerPage page(&ring, m_clock);
    QCOMPARE(page.keySource(), -1);
    QVERIFY(!page.signNow()); // Encrypt off: no signing key is an error
    page.encryptBox()->setChecked(true);
    page.setClaimsText(QStringLiteral("{\"sub\": \"erin\"}"));
    QVERIFY(page.signNow());
    QTRY_VERIFY(!page.token().isEmpty());
    verification::Context context;
    context.clock = m_clock;
    context.keys = keys::JwkSet::fromKey(recipient, QStringLiteral("JWK"));
    const verification::Decryption d
        = verification::decrypt(jose::Inspection::inspect(page.token(), test::kNow), context);
    QVERIFY2(d.decrypted(), qPrintable(d.error ? d.error->toString() : QString()));
    QCOMPARE(d.content(), QByteArray("{\"sub\": \"erin\"}"));
    QVERIFY(!d.protectedHeader.contains(QLatin1String("cty")));
    QVERIFY(!d.inner.has_value());
    QVERIFY(test::child<QLabel>(&page, "resultLabel")->text().startsWith(QStringLiteral("Encrypted, not signed")));
}

void TestJweUi::composerScreenshot()
{
    const QString dir = qEnvironmentVariable("JWB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set JWB_SCREENSHOT_DIR to save a screenshot of the Composer's Encrypt group");
    workspace::KeyRing ring(m_clock);
    const int signing = ring.add(workspace::KeyRing::generated(
        QStringLiteral("signer"), generated(crypto::KeyType::Ec, QStringLiteral("s1"), crypto::Curve::P256)));
    const int recipient = ring.add(workspace::KeyRing::pasted(QStringLiteral("partner API (RSA)"),
        QString::fromUtf8(QJsonDocument(generated(crypto::KeyType::Rsa, QStringLiteral("r1")).publicJson()).toJson())));
    ui::ComposerPage page(&ring, m_clock);
    page.setKeySource(signing);
    page.encryptBox()->setChecked(true);
    page.encryptBox()->setRecipient(ring.at(recipient).id);
    page.encryptBox()->setAlgorithm(QStringLiteral("RSA-OAEP-256"));
    QVERIFY(page.signNow());
    QTRY_VERIFY(!page.token().isEmpty());
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("composer-encrypt.png"))));
}

QTEST_MAIN(TestJweUi)
#include "tst_jweui.moc"
