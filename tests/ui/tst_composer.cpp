// The Composer page, offscreen: keys generated into a KeyRing, claims composed and quick-added at a fixed
// instant, signed through core's TokenSigner, and checked back with core's Verifier against the public key.

#include "UiTestHelpers.h"

#include "common/Clock.h"
#include "common/Theme.h"
#include "compose/ComposerPage.h"
#include "crypto/Key.h"
#include "inspector/TokenEditor.h"
#include "jose/Base64Url.h"
#include "jose/Inspection.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "validation/Policy.h"
#include "validation/Verifier.h"
#include "verification/SdJwtVerify.h"
#include "workspace/KeyRing.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace jwb;

namespace {

keys::Jwk generateJwk(const QString &alg, const QString &kid)
{
    crypto::Key key;
    if (alg.startsWith(u"HS"))
        key = crypto::Key::generate(crypto::KeyType::Oct, 256).value();
    else if (alg.startsWith(u"RS") || alg.startsWith(u"PS"))
        key = crypto::Key::generate(crypto::KeyType::Rsa, 2048).value();
    else if (alg == u"ES256")
        key = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value();
    else if (alg == u"ES384")
        key = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P384).value();
    else
        key = crypto::Key::generate(crypto::KeyType::Okp, 0, crypto::Curve::Ed25519).value();
    return keys::Jwk::fromKey(key, kid);
}

QJsonObject segmentJson(const QString &token, int index)
{
    const auto bytes = jose::Base64Url::decode(token.split(u'.').value(index).toLatin1());
    return bytes.ok() ? QJsonDocument::fromJson(bytes.value()).object() : QJsonObject {};
}

} // namespace

class TestComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signsAndVerifies_data();
    void signsAndVerifies();
    void quickAddExpUsesClockAndDuration();
    void quickAddKeepsOrderAndIsOneUndoStep();
    void quickAddLists();
    void invalidJsonShowsLineColumnAndDisablesSigning();
    void errorPosition_data();
    void errorPosition();
    void duplicateKeysAreErrors();
    void headerAlgConflictIsError();
    void noneIsNeverOffered();
    void emptyStateAndQuickKey();
    void workspaceRoundTripHasNoKeyMaterial();
    void sendToInspectorEmitsToken();
    void autoSignAfterDebounce();
    void curlCommandQuotes();
    void issuesSdJwt();
    void screenshots();

private:
    /// The page's widget of type T named `name` (found as a user would, by object name).
    template<class T> T *widget(const char *name) const { return test::child<T>(m_page.get(), name); }
    int addKey(const QString &alg, const QString &kid = QStringLiteral("k1"))
    {
        return m_ring->add(workspace::KeyRing::generated(alg + QStringLiteral(" key"), generateJwk(alg, kid)));
    }
    std::unique_ptr<workspace::KeyRing> m_ring;
    std::unique_ptr<ui::ComposerPage> m_page;
    std::shared_ptr<const common::Clock> m_clock;
};

void TestComposer::init()
{
    m_clock = common::Clock::fixed(test::nowUtc());
    m_ring = std::make_unique<workspace::KeyRing>(m_clock);
    m_page = std::make_unique<ui::ComposerPage>(m_ring.get(), m_clock);
}

void TestComposer::cleanup()
{
    m_page.reset();
    m_ring.reset();
}

void TestComposer::signsAndVerifies_data()
{
    QTest::addColumn<QString>("alg");
    for (const char *alg : {"HS256", "RS256", "PS256", "ES256", "ES384", "EdDSA"})
        QTest::newRow(alg) << QString::fromLatin1(alg);
}

void TestComposer::signsAndVerifies()
{
    QFETCH(QString, alg);
    const keys::Jwk jwk = generateJwk(alg, QStringLiteral("kid-") + alg);
    const int index = m_ring->add(workspace::KeyRing::generated(QStringLiteral("generated"), jwk));
    m_page->setKeySource(index);
    QCOMPARE(m_page->keySource(), index);
    m_page->setAlgorithm(alg);
    QCOMPARE(m_page->algorithm(), alg);
    const QByteArray claims = "{\"iss\": \"https://issuer.example\", \"sub\": \"alice\", \"aud\": [\"api\", \"web\"], "
                              "\"roles\": [\"admin\"], \"exp\": "
        + test::num(test::kNow + 600) + "}";
    m_page->setClaimsText(QString::fromUtf8(claims));
    m_page->setHeaderText(QStringLiteral("{\"cty\": \"demo\"}"));
    QVERIFY2(m_page->signNow(), qPrintable(m_page->errorText()));
    const QString token = m_page->token();
    QCOMPARE(token.count(u'.'), 2);
    QCOMPARE(widget<ui::TokenEditor>("tokenView")->toPlainText(), token);

    // Verified against the public half only (for HMAC the secret is the only key there is).
    const keys::Jwk publicJwk = alg.startsWith(u"HS") ? jwk : keys::Jwk::fromKey(jwk.key.publicKey(), jwk.kid);
    QVERIFY(alg.startsWith(u"HS") || !publicJwk.key.isPrivate());
    validation::Policy policy;
    policy.clock = m_clock;
    policy.algorithm = crypto::Algorithms::fromName(alg);
    policy.issuer = QStringLiteral("https://issuer.example");
    policy.audiences = {QStringLiteral("api")};
    const auto report
        = validation::Verifier::verify(token, keys::JwkSet::fromKey(publicJwk, QStringLiteral("JWK")), policy);
    QVERIFY2(report.valid, report.firstFailure() ? qPrintable(report.firstFailure()->detail) : "invalid");
    QCOMPARE(segmentJson(token, 1), QJsonDocument::fromJson(claims).object());
    const QJsonObject header = segmentJson(token, 0);
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), alg);
    QCOMPARE(header.value(QStringLiteral("kid")).toString(), QStringLiteral("kid-") + alg);
    QCOMPARE(header.value(QStringLiteral("cty")).toString(), QStringLiteral("demo"));
    QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));

    // A tampered payload must not verify (the check above can fail).
    QStringList parts = token.split(u'.');
    parts[1] = test::b64("{\"sub\":\"mallory\"}");
    QVERIFY(
        !validation::Verifier::verify(parts.join(u'.'), keys::JwkSet::fromKey(publicJwk, QStringLiteral("JWK")), policy)
             .valid);
}

void TestComposer::quickAddExpUsesClockAndDuration()
{
    m_page->setClaimsText(QStringLiteral("{}"));
    m_page->addQuickClaim(QStringLiteral("exp"));
    QJsonObject claims = QJsonDocument::fromJson(m_page->claimsText().toUtf8()).object();
    QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), test::kNow + 3600);
    QVERIFY(widget<QLabel>("timesLabel")->text().contains(QStringLiteral("2026-11-28 13:00:00 UTC")));

    m_page->setQuickDuration(QStringLiteral("5m"));
    m_page->addQuickClaim(QStringLiteral("exp"));
    m_page->addQuickClaim(QStringLiteral("iat"));
    m_page->addQuickClaim(QStringLiteral("nbf"));
    claims = QJsonDocument::fromJson(m_page->claimsText().toUtf8()).object();
    QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), test::kNow + 300);
    QCOMPARE(claims.value(QStringLiteral("iat")).toInteger(), test::kNow);
    QCOMPARE(claims.value(QStringLiteral("nbf")).toInteger(), test::kNow);
    QCOMPARE(claims.size(), 3);

    m_page->setQuickDuration(QStringLiteral("1h30m"));
    m_page->addQuickClaim(QStringLiteral("exp"));
    claims = QJsonDocument::fromJson(m_page->claimsText().toUtf8()).object();
    QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), test::kNow + 5400);

    // A bad duration leaves the claims alone.
    const QString before = m_page->claimsText();
    QSignalSpy status(m_page.get(), &ui::ComposerPage::statusMessage);
    m_page->setQuickDuration(QStringLiteral("soon"));
    m_page->addQuickClaim(QStringLiteral("exp"));
    QCOMPARE(m_page->claimsText(), before);
    QCOMPARE(status.count(), 1);
}

void TestComposer::quickAddKeepsOrderAndIsOneUndoStep()
{
    m_page->setClaimsText(QStringLiteral("{\"zeta\": 1.50, \"sub\": \"a\\u0041\", \"alpha\": {\"b\": [1, 2]}}"));
    const QString before = m_page->claimsText();
    m_page->addQuickClaim(QStringLiteral("jti"));
    const QString after = m_page->claimsText();
    // Order and spelling are the user's: zeta before sub before alpha, 1.50 and \u0041 untouched.
    QVERIFY(after.indexOf(QStringLiteral("zeta")) < after.indexOf(QStringLiteral("\"sub\"")));
    QVERIFY(after.indexOf(QStringLiteral("\"sub\"")) < after.indexOf(QStringLiteral("alpha")));
    QVERIFY(after.indexOf(QStringLiteral("alpha")) < after.indexOf(QStringLiteral("jti")));
    QVERIFY(after.contains(QStringLiteral("1.50")));
    QVERIFY(after.contains(QStringLiteral("a\\u0041")));
    const QJsonObject claims = QJsonDocument::fromJson(after.toUtf8()).object();
    QCOMPARE(claims.value(QStringLiteral("jti")).toString().size(), 22);

    // Replacing an existing member keeps its place.
    m_page->setQuickValue(QStringLiteral("bob"));
    m_page->addQuickClaim(QStringLiteral("sub"));
    const QString replaced = m_page->claimsText();
    QVERIFY(replaced.indexOf(QStringLiteral("zeta")) < replaced.indexOf(QStringLiteral("\"bob\"")));
    QVERIFY(replaced.indexOf(QStringLiteral("\"bob\"")) < replaced.indexOf(QStringLiteral("alpha")));

    widget<QPlainTextEdit>("claimsEdit")->undo();
    QCOMPARE(m_page->claimsText(), after);
    widget<QPlainTextEdit>("claimsEdit")->undo();
    QCOMPARE(m_page->claimsText(), before);
}

void TestComposer::quickAddLists()
{
    m_page->setClaimsText(QString());
    m_page->setQuickValue(QStringLiteral("api"));
    m_page->addQuickClaim(QStringLiteral("aud"));
    QJsonObject claims = QJsonDocument::fromJson(m_page->claimsText().toUtf8()).object();
    QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("api"));

    m_page->setQuickValue(QStringLiteral("api, web"));
    m_page->addQuickClaim(QStringLiteral("aud"));
    m_page->addQuickClaim(QStringLiteral("roles"));
    m_page->addQuickClaim(QStringLiteral("scope"));
    m_page->setQuickValue(QStringLiteral("https://idp.example"));
    m_page->addQuickClaim(QStringLiteral("iss"));
    claims = QJsonDocument::fromJson(m_page->claimsText().toUtf8()).object();
    const QJsonArray both {QStringLiteral("api"), QStringLiteral("web")};
    QCOMPARE(claims.value(QStringLiteral("aud")).toArray(), both);
    QCOMPARE(claims.value(QStringLiteral("roles")).toArray(), both);
    QCOMPARE(claims.value(QStringLiteral("scope")).toString(), QStringLiteral("api web"));
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(), QStringLiteral("https://idp.example"));
}

void TestComposer::invalidJsonShowsLineColumnAndDisablesSigning()
{
    addKey(QStringLiteral("HS256"));
    m_page->setClaimsText(QStringLiteral("{\"sub\": \"a\"}"));
    QVERIFY(m_page->signNow());
    QVERIFY(widget<QPushButton>("signButton")->isEnabled());

    m_page->setClaimsText(QStringLiteral("{\n  \"sub\": \"a\"\n  \"exp\": 1\n}"));
    QVERIFY(!widget<QPushButton>("signButton")->isEnabled());
    QVERIFY(!m_page->signNow());
    QVERIFY(m_page->token().isEmpty());
    QVERIFY(widget<ui::TokenEditor>("tokenView")->toPlainText().isEmpty());
    QVERIFY2(widget<QLabel>("claimsErrorLabel")->text().startsWith(QStringLiteral("Line 2, column 13")),
        qPrintable(widget<QLabel>("claimsErrorLabel")->text()));
    QVERIFY(m_page->errorText().contains(QStringLiteral("Line 2, column 13")));
    QCOMPARE(widget<QPlainTextEdit>("claimsEdit")->extraSelections().size(), 1);

    // Quick-add refuses to touch invalid JSON.
    const QString before = m_page->claimsText();
    m_page->addQuickClaim(QStringLiteral("iat"));
    QCOMPARE(m_page->claimsText(), before);

    // An array is valid JSON but not claims.
    m_page->setClaimsText(QStringLiteral("[1]"));
    QVERIFY(!m_page->signNow());
    QVERIFY(m_page->errorText().contains(QStringLiteral("object")));

    m_page->setClaimsText(QStringLiteral("{}"));
    QVERIFY(widget<QPushButton>("signButton")->isEnabled());
    QVERIFY(widget<QPlainTextEdit>("claimsEdit")->extraSelections().isEmpty());
    QVERIFY(m_page->signNow());
}

void TestComposer::errorPosition_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("marked"); ///< the character marked in the editor
    QTest::newRow("missing comma") << QStringLiteral("{\n  \"sub\": \"a\"\n  \"exp\": 1\n}")
                                   << QStringLiteral("Line 2, column 13") << QStringLiteral("\"");
    QTest::newRow("missing comma, one line")
        << QStringLiteral("{\"a\": 1 \"b\": 2}") << QStringLiteral("Line 1, column 8") << QStringLiteral("1");
    QTest::newRow("trailing garbage") << QStringLiteral("{\"a\": 1}\nx") << QStringLiteral("Line 2, column")
                                      << QStringLiteral("x");
    QTest::newRow("bad value") << QStringLiteral("{\n\"a\": tru\n}") << QStringLiteral("Line 2, column 6")
                               << QStringLiteral("t");
    QTest::newRow("unterminated string") << QStringLiteral("{\"a\": \"\u00e9x") << QStringLiteral("Line 1, column")
                                         << QStringLiteral("x");
    QTest::newRow("missing colon") << QStringLiteral("{\"a\" 1}") << QStringLiteral("Line 1, column")
                                   << QStringLiteral("}");
    QTest::newRow("cut off") << QStringLiteral("{\"a\": 1,") << QStringLiteral("Line 1, column") << QStringLiteral(",");
}

void TestComposer::errorPosition()
{
    QFETCH(QString, json);
    QFETCH(QString, where);
    QFETCH(QString, marked);
    m_page->setClaimsText(json);
    const QString message = widget<QLabel>("claimsErrorLabel")->text();
    QVERIFY2(message.startsWith(where), qPrintable(message));
    const auto selections = widget<QPlainTextEdit>("claimsEdit")->extraSelections();
    QCOMPARE(selections.size(), 1);
    QVERIFY(selections.first().cursor.hasSelection());
    QCOMPARE(selections.first().cursor.selectedText(), marked);
}

void TestComposer::duplicateKeysAreErrors()
{
    addKey(QStringLiteral("HS256"));
    m_page->setClaimsText(QStringLiteral("{\"sub\": \"a\", \"sub\": \"b\"}"));
    QVERIFY(!m_page->signNow());
    QVERIFY(widget<QLabel>("claimsErrorLabel")->text().contains(QStringLiteral("\"sub\"")));
}

void TestComposer::headerAlgConflictIsError()
{
    addKey(QStringLiteral("ES256"));
    m_page->setAlgorithm(QStringLiteral("ES256"));
    m_page->setHeaderText(QStringLiteral("{\"alg\": \"ES256\"}"));
    QVERIFY2(m_page->signNow(), qPrintable(m_page->errorText()));
    m_page->setHeaderText(QStringLiteral("{\"alg\": \"none\"}"));
    QVERIFY(!m_page->signNow());
    QVERIFY(widget<QLabel>("headerErrorLabel")->text().contains(QStringLiteral("choose the algorithm in the list")));
    QVERIFY(!widget<QPushButton>("signButton")->isEnabled());
    m_page->setHeaderText(QStringLiteral("{\"alg\": \"HS256\"}"));
    QVERIFY(!m_page->signNow());
}

void TestComposer::noneIsNeverOffered()
{
    addKey(QStringLiteral("HS256"), QStringLiteral("a"));
    addKey(QStringLiteral("RS256"), QStringLiteral("b"));
    QCOMPARE(widget<QComboBox>("keyCombo")->count(), 2);
    for (int k = 0; k < 2; ++k) {
        m_page->setKeySource(k);
        QVERIFY(widget<QComboBox>("algCombo")->count() > 0);
        for (int i = 0; i < widget<QComboBox>("algCombo")->count(); ++i)
            QVERIFY(
                widget<QComboBox>("algCombo")->itemText(i).compare(QStringLiteral("none"), Qt::CaseInsensitive) != 0);
    }
    // Only algorithms the key fits: the RSA key offers RS*/PS*, never HS or ES.
    QVERIFY(widget<QComboBox>("algCombo")->findText(QStringLiteral("PS256")) >= 0);
    QCOMPARE(widget<QComboBox>("algCombo")->findText(QStringLiteral("HS256")), -1);
    m_page->setAlgorithm(QStringLiteral("none"));
    QVERIFY(m_page->algorithm() != QStringLiteral("none"));

    // A public key alone cannot sign: its source is not listed.
    const keys::Jwk pub = keys::Jwk::fromKey(
        crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value().publicKey(), QStringLiteral("p"));
    m_ring->add(workspace::KeyRing::pasted(
        QStringLiteral("public"), QString::fromUtf8(QJsonDocument(keys::Jwk::toJson(pub.key, false)).toJson())));
    QCOMPARE(widget<QComboBox>("keyCombo")->count(), 2);
}

void TestComposer::emptyStateAndQuickKey()
{
    QVERIFY(widget<QWidget>("composerEmptyState")->isVisibleTo(m_page.get()));
    QVERIFY(!m_page->signNow());
    QVERIFY(!widget<QPushButton>("signButton")->isEnabled());
    QSignalSpy generate(m_page.get(), &ui::ComposerPage::generateKeyRequested);
    m_page->findChild<QPushButton *>(QStringLiteral("generateKeyButton"))->click();
    QCOMPARE(generate.count(), 1);

    m_page->findChild<QPushButton *>(QStringLiteral("newEs256Button"))->click();
    QCOMPARE(m_ring->count(), 1);
    QVERIFY(!widget<QWidget>("composerEmptyState")->isVisibleTo(m_page.get()));
    QCOMPARE(m_page->keySource(), 0);
    QCOMPARE(m_page->algorithm(), QStringLiteral("ES256"));
    QVERIFY2(m_page->signNow(), qPrintable(m_page->errorText()));

    m_page->findChild<QPushButton *>(QStringLiteral("newHs256Button"))->click();
    QCOMPARE(m_ring->count(), 2);
    QCOMPARE(m_page->keySource(), 1);
    QCOMPARE(m_page->algorithm(), QStringLiteral("HS256"));
    QVERIFY(m_page->signNow());
    QCOMPARE(segmentJson(m_page->token(), 0).value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    // Both quick keys: the algorithm, use "sig" and the first 12 characters of the RFC 7638 thumbprint as kid.
    for (int i = 0; i < 2; ++i) {
        const keys::Jwk &jwk = m_ring->at(i).keys->keys.first();
        QCOMPARE(jwk.alg, i == 0 ? QStringLiteral("ES256") : QStringLiteral("HS256"));
        QCOMPARE(jwk.use, QStringLiteral("sig"));
        QCOMPARE(jwk.kid, jwk.thumbprint().left(12));
        QVERIFY(jwk.key.isPrivate() || jwk.key.type() == crypto::KeyType::Oct);
    }
    QCOMPARE(m_ring->at(1).keys->keys.first().key.bits(), 256);
}

void TestComposer::workspaceRoundTripHasNoKeyMaterial()
{
    addKey(QStringLiteral("HS256"), QStringLiteral("a"));
    const int es = addKey(QStringLiteral("ES384"), QStringLiteral("b"));
    m_page->setKeySource(es);
    m_page->setAlgorithm(QStringLiteral("ES384"));
    m_page->setClaimsText(QStringLiteral("{\"sub\": \"x\", \"aud\": \"y\"}"));
    m_page->setHeaderText(QStringLiteral("{\"cty\": \"z\"}"));
    const QJsonObject json = m_page->toWorkspaceJson();
    QCOMPARE(json.value(QStringLiteral("source")).toString(), m_ring->at(es).id);
    QCOMPARE(json.value(QStringLiteral("alg")).toString(), QStringLiteral("ES384"));

    const QString dumped = QString::fromUtf8(QJsonDocument(json).toJson());
    for (int i = 0; i < m_ring->count(); ++i) {
        const QJsonObject jwk = QJsonDocument::fromJson(m_ring->at(i).text.toUtf8()).object();
        for (const auto &member : {QStringLiteral("d"), QStringLiteral("k")}) {
            if (jwk.contains(member))
                QVERIFY(!dumped.contains(jwk.value(member).toString()));
        }
    }
    QVERIFY(!dumped.contains(QStringLiteral("\"d\"")));

    ui::ComposerPage other(m_ring.get(), m_clock);
    other.fromWorkspaceJson(json);
    QCOMPARE(other.claimsText(), m_page->claimsText());
    QCOMPARE(other.headerText(), m_page->headerText());
    QCOMPARE(other.keySource(), es);
    QCOMPARE(other.algorithm(), QStringLiteral("ES384"));
    QCOMPARE(other.toWorkspaceJson(), json);

    // A workspace read before its keys load picks the source once it appears.
    workspace::KeyRing later(m_clock);
    ui::ComposerPage waiting(&later, m_clock);
    QJsonObject pending = json;
    waiting.fromWorkspaceJson(pending);
    QCOMPARE(waiting.keySource(), -1);
    later.add(
        workspace::KeyRing::generated(QStringLiteral("hs"), generateJwk(QStringLiteral("HS256"), QStringLiteral("h"))));
    QCOMPARE(waiting.keySource(), 0); // the only signing source is picked meanwhile
}

void TestComposer::sendToInspectorEmitsToken()
{
    addKey(QStringLiteral("EdDSA"));
    QVERIFY(m_page->signNow());
    QSignalSpy spy(m_page.get(), &ui::ComposerPage::sendToInspector);
    widget<QPushButton>("sendButton")->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), m_page->token());
    QVERIFY(!m_page->token().isEmpty());
}

void TestComposer::autoSignAfterDebounce()
{
    addKey(QStringLiteral("HS256"));
    m_page->setClaimsText(QStringLiteral("{\"sub\": \"auto\"}"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->token().isEmpty(), 3000);
    QCOMPARE(segmentJson(m_page->token(), 1).value(QStringLiteral("sub")).toString(), QStringLiteral("auto"));
}

void TestComposer::curlCommandQuotes()
{
    // "Copy as curl" (krakend::RequestBuilder) shell-quotes every argument; an empty URL calls localhost:8080.
    addKey(QStringLiteral("HS256"));
    m_page->setClaimsText(QStringLiteral("{\"sub\": \"a\"}"));
    QVERIFY2(m_page->signNow(), qPrintable(m_page->errorText()));
    const QString token = m_page->token();
    auto *url = m_page->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    auto *curl = m_page->findChild<QPushButton *>(QStringLiteral("curlButton"));
    QVERIFY(url && curl);
    url->setText(QStringLiteral(" http://h/x?q='1' "));
    curl->click();
    QCOMPARE(QApplication::clipboard()->text(),
        QStringLiteral("curl -H 'Authorization: Bearer %1' 'http://h/x?q='\\''1'\\'''").arg(token));
    url->clear();
    curl->click();
    QCOMPARE(QApplication::clipboard()->text(),
        QStringLiteral("curl -H 'Authorization: Bearer %1' 'http://localhost:8080/'").arg(token));
}

// Not a check: with JWB_SCREENSHOT_DIR set, saves the page in a light and a dark palette for a human to look at.
void TestComposer::issuesSdJwt()
{
    const keys::Jwk jwk = generateJwk(QStringLiteral("ES256"), QStringLiteral("issuer-1"));
    m_page->setKeySource(m_ring->add(workspace::KeyRing::generated(QStringLiteral("issuer"), jwk)));
    m_page->setAlgorithm(QStringLiteral("ES256"));
    const QJsonObject claims {{QStringLiteral("iss"), QStringLiteral("https://issuer.example")},
        {QStringLiteral("given_name"), QStringLiteral("John")},
        {QStringLiteral("email"), QStringLiteral("j@x.example")}, {QStringLiteral("exp"), test::kNow + 600}};
    m_page->setClaimsText(QString::fromUtf8(QJsonDocument(claims).toJson()));
    auto *sdEdit = widget<QLineEdit>("sdClaimsEdit");
    sdEdit->setText(QStringLiteral("given_name, email"));
    QVERIFY2(m_page->signNow(), qPrintable(m_page->errorText()));
    const QString token = m_page->token();
    QVERIFY(token.endsWith(u'~'));
    QCOMPARE(token.count(u'~'), 3);
    const QJsonObject signedPayload = segmentJson(token.left(token.indexOf(u'~')), 1);
    QVERIFY(!signedPayload.contains(QStringLiteral("given_name")));
    QVERIFY(!signedPayload.contains(QStringLiteral("email")));
    QCOMPARE(signedPayload.value(QStringLiteral("_sd")).toArray().size(), 2);

    // Core reads it back: the issuer signature verifies with the public key and both claims are disclosed.
    const jose::Inspection in = jose::Inspection::inspect(token, test::kNow);
    validation::Policy policy;
    policy.clock = m_clock;
    const auto v = verification::verifySdJwt(
        in, keys::JwkSet::fromKey(keys::Jwk::fromKey(jwk.key.publicKey(), jwk.kid), QStringLiteral("JWK")), policy, {});
    QVERIFY(v.issuer.valid);
    QVERIFY(v.valid);
    QCOMPARE(in.sdJwt.disclosedPayload, claims);

    // A claim the payload does not have is an error shown in the page, and nothing is signed.
    sdEdit->setText(QStringLiteral("given_name, phone"));
    QVERIFY(!m_page->signNow());
    QVERIFY2(m_page->errorText().contains(QStringLiteral("phone")), qPrintable(m_page->errorText()));
    QVERIFY(m_page->token().isEmpty());
    // Emptied: a plain JWT again.
    sdEdit->clear();
    QVERIFY(m_page->signNow());
    QCOMPARE(m_page->token().count(u'~'), 0);

    const QString dir = qEnvironmentVariable("JWB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        sdEdit->setText(QStringLiteral("given_name, email"));
        QVERIFY(m_page->signNow());
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QTest::qWait(300);
        QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("composer-sd-jwt.png"))));
    }
}

void TestComposer::screenshots()
{
    const QString dir = qEnvironmentVariable("JWB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set JWB_SCREENSHOT_DIR to save screenshots");
    const QPalette light = QApplication::palette();
    const QPalette dark = ui::Theme::darkPalette(); // the palette View > Theme > Dark applies

    const auto shoot = [&](ui::ComposerPage &page, const QString &name) {
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::qWait(400);
        QVERIFY(page.grab().save(QDir(dir).filePath(name)));
    };
    for (const bool isDark : {false, true}) {
        QApplication::setPalette(isDark ? dark : light);
        const QString suffix = isDark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png");
        {
            workspace::KeyRing ring(m_clock);
            ui::ComposerPage empty(&ring, m_clock);
            shoot(empty, QStringLiteral("composer-empty") + suffix);
        }
        workspace::KeyRing ring(m_clock);
        ring.add(workspace::KeyRing::secret(
            QStringLiteral("short secret"), QStringLiteral("secret"), QStringLiteral("utf8")));
        ring.add(workspace::KeyRing::generated(
            QStringLiteral("ES256 key"), generateJwk(QStringLiteral("ES256"), QStringLiteral("es-1"))));
        ui::ComposerPage page(&ring, m_clock);
        page.setKeySource(0);
        page.setClaimsText(
            QStringLiteral("{\"iss\": \"https://issuer.example\", \"sub\": \"alice\", \"aud\": [\"api\"]}"));
        page.addQuickClaim(QStringLiteral("iat"));
        page.addQuickClaim(QStringLiteral("exp"));
        page.setQuickValue(QStringLiteral("admin, ops"));
        page.addQuickClaim(QStringLiteral("roles"));
        QVERIFY(page.signNow());
        shoot(page, QStringLiteral("composer-signed") + suffix);
        page.setKeySource(1);
        page.setHeaderText(QStringLiteral("{\"alg\": \"RS256\"}"));
        page.setClaimsText(page.claimsText().replace(QStringLiteral("\"alice\","), QStringLiteral("\"alice\"")));
        QVERIFY(!page.signNow());
        shoot(page, QStringLiteral("composer-errors") + suffix);
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
