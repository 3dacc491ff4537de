// One token, one endpoint, four pages: the Inspector's Verify tab judging as the endpoint, Simulate, All endpoints
// and Test tokens give the same verdict with the same keys, because each asks the window's one Session (key ring,
// trust store, key choices) and the one entry point (verification::verify / verification::simulate). The keys come
// from an HTTPS URL with a self-signed certificate whose CA is only in the workspace's trust store; the krakend.json
// endpoint's jwk_url is that URL without jwk_local_ca. Also: the automatic, kid-based key choice and pins.

#include "LocalHttpsServer.h"
#include "UiTestHelpers.h"

#include "MainWindow.h"
#include "common/Clock.h"
#include "common/Dialogs.h"
#include "common/Resources.h"
#include "crypto/Backend.h"
#include "gateway/EndpointMatrix.h"
#include "gateway/EndpointMatrixModel.h"
#include "gateway/GatewayPage.h"
#include "gateway/SimulationPanel.h"
#include "gateway/TestMatrixPanel.h"
#include "keys/Jwk.h"
#include "keys/KeyLoader.h"
#include "verify/VerifyPanel.h"
#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;

namespace {

/// What one page answered: the status KrakenD gives, the check it stops at, its reason, and the "Keys:" line.
struct Answer
{
    int status = 0;
    QString check;
    QString reason;
    QString keys;
};

QString describe(const Answer &a)
{
    return QStringLiteral("%1 at %2 (%3) — %4").arg(a.status).arg(a.check, a.reason, a.keys);
}

/// Pins `pin` (KeyPin text: "config", "source:ID", "") in a page's key combo, as a user choosing it does.
bool choose(QComboBox *combo, const QString &pin)
{
    const int index = combo->findData(pin);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
    return true;
}

} // namespace

class TestConsistency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void samePageAnswersWithTrustStoreCa();
    void kidChoosesTheSourceUntilPinned();

private:
    bool startServer();
    bool openConfig(const QString &jwkUrl);
    [[nodiscard]] ui::VerifyPanel *verifyPanel() const;
    [[nodiscard]] Answer inspector(common::Verdict expected);
    [[nodiscard]] Answer simulate();
    [[nodiscard]] Answer allEndpoints();
    [[nodiscard]] Answer testTokens();
    void compareAll(int status, const QString &check, const QString &keysMention, bool withTestTokens = true);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::LocalHttpsServer> m_server;
    QSslCertificate m_certificate;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestConsistency::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    crypto::Backend::initialize();
}

void TestConsistency::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ui::Dialogs::Hooks hooks;
    hooks.error = [](const QString &, const QString &text) { QFAIL(qPrintable(text)); };
    hooks.question = [](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Cancel; };
    ui::Dialogs::setHooks(hooks);
    // The demo token's exp is in 2100 and its iat/nbf at kNow: evaluate at kNow.
    m_window = std::make_unique<ui::MainWindow>(common::Clock::fixed(test::nowUtc()));
}

void TestConsistency::cleanup()
{
    m_window.reset();
    m_server.reset();
    ui::Dialogs::clearHooks();
}

bool TestConsistency::startServer()
{
    QSslKey key;
    QString error;
    if (!test::makeLocalhostCertificate(m_dir->path(), &m_certificate, &key, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    m_server = std::make_unique<test::LocalHttpsServer>();
    m_server->setBody(
        QStringLiteral("/jwks.json"), ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json")).toUtf8());
    return m_server->start(m_certificate, key);
}

/// A krakend.json with one endpoint, GET /orders, whose validator reads `jwkUrl` with no jwk_local_ca, opened in the
/// window (which builds the Gateway page and its tools).
bool TestConsistency::openConfig(const QString &jwkUrl)
{
    const QJsonObject validator {{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("jwk_url"), jwkUrl},
        {QStringLiteral("roles_key"), QStringLiteral("roles")},
        {QStringLiteral("roles"), QJsonArray {QStringLiteral("reader")}}};
    const QJsonObject endpoint {{QStringLiteral("endpoint"), QStringLiteral("/orders")},
        {QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("extra_config"), QJsonObject {{QStringLiteral("auth/validator"), validator}}},
        {QStringLiteral("backend"),
            QJsonArray {QJsonObject {{QStringLiteral("host"), QJsonArray {QStringLiteral("http://backend:8080")}},
                {QStringLiteral("url_pattern"), QStringLiteral("/orders")}}}}};
    const QJsonObject root {{QStringLiteral("version"), 3}, {QStringLiteral("endpoints"), QJsonArray {endpoint}}};
    const QString path = m_dir->filePath(QStringLiteral("krakend.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(root).toJson());
    file.close();
    if (!m_window->openFile(path))
        return false;
    m_window->gatewayPage()->selectEndpoint(0);
    return true;
}

ui::VerifyPanel *TestConsistency::verifyPanel() const
{
    return test::child<ui::VerifyPanel>(m_window.get(), "verifyPanel");
}

Answer TestConsistency::inspector(common::Verdict expected)
{
    auto *panel = verifyPanel();
    panel->setJudgeAs(0); // "Judge as" GET /orders
    [&] { QTRY_COMPARE_WITH_TIMEOUT(panel->verdict(), expected, 30000); }();
    const verification::Report &report = panel->report();
    const common::Check *stop = report.stoppingCheck();
    return {report.status, stop ? stop->nameText() : QString(), report.summary,
        test::child<QLabel>(panel, "verifyKeysLine")->text()};
}

Answer TestConsistency::simulate()
{
    auto *panel = test::child<ui::SimulationPanel>(m_window.get(), "simulationPanel");
    QSignalSpy done(panel, &ui::SimulationPanel::simulated);
    panel->simulateNow();
    if (!done.wait(30000))
        return {};
    const krakend::SimulationResult &result = panel->result();
    const auto *stop = result.stoppingCheck();
    return {result.status, stop ? stop->nameText() : QString(), result.reason,
        test::child<QLabel>(panel, "simulationKeysLine")->text()};
}

Answer TestConsistency::allEndpoints()
{
    auto *matrix = test::child<ui::EndpointMatrix>(m_window.get(), "endpointMatrix");
    QSignalSpy finished(matrix, &ui::EndpointMatrix::finished);
    matrix->runNow();
    if (!finished.wait(30000))
        return {};
    auto *model
        = qobject_cast<ui::EndpointMatrixModel *>(test::child<QTableView>(matrix, "endpointMatrixView")->model());
    const auto &row = model->rowAt(0);
    return {row.status, row.stoppingCheck, row.reason, test::child<QLabel>(matrix, "endpointMatrixKeysLine")->text()};
}

Answer TestConsistency::testTokens()
{
    auto *panel = test::child<ui::TestMatrixPanel>(m_window.get(), "testMatrixPanel");
    QSignalSpy minted(panel, &ui::TestMatrixPanel::mintFinished);
    panel->mint();
    const QString keys = test::child<QLabel>(panel, "testMatrixKeysLine")->text();
    const QString message = test::child<QLabel>(panel, "testMatrixMessage")->text();
    if (!minted.wait(60000) || !minted.last().at(0).toBool() || !panel->tokenSet())
        return {0, {}, QStringLiteral("not minted: ") + message, keys};
    // Signed with the ring's private half of the endpoint's keys, judged with the context Simulate uses.
    if (!panel->judgedAsSimulate())
        return {0, {}, QStringLiteral("not judged as Simulate: ") + message, keys};
    const krakend::TestTokenCase *valid = panel->tokenSet()->find(QStringLiteral("valid"));
    if (!valid)
        return {};
    return {valid->expectedStatus, valid->stoppingCheck, valid->expectedReason,
        test::child<QLabel>(panel, "testMatrixKeysLine")->text()};
}

void TestConsistency::compareAll(int status, const QString &check, const QString &keysMention, bool withTestTokens)
{
    const common::Verdict verdict = status == 200 ? common::Verdict::Valid : common::Verdict::Invalid;
    QList<std::pair<QString, Answer>> answers = {{QStringLiteral("Inspector"), inspector(verdict)},
        {QStringLiteral("Simulate"), simulate()}, {QStringLiteral("All endpoints"), allEndpoints()}};
    if (withTestTokens)
        answers.append({QStringLiteral("Test tokens"), testTokens()});
    for (const auto &[page, answer] : answers) {
        const QString what = page + QStringLiteral(": ") + describe(answer);
        QVERIFY2(answer.status == status, qPrintable(what));
        QVERIFY2(answer.check == check, qPrintable(what));
        QVERIFY2(answer.keys.contains(keysMention), qPrintable(what));
        // The same words for the same failure on every page (the Test tokens case is another token: its reason
        // is compared where it fails before the token matters).
        if (status != 200 && (page != u"Test tokens" || check == u"key"))
            QVERIFY2(answer.reason == answers.first().second.reason,
                qPrintable(what + QStringLiteral("\nInspector: ") + answers.first().second.reason));
    }
}

void TestConsistency::samePageAnswersWithTrustStoreCa()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    if (!startServer())
        QSKIP("no local HTTPS server (openssl)");
    const QString jwkUrl = m_server->url(QStringLiteral("/jwks.json"));
    const QString origin = workspace::TrustStore::originOf(QUrl(jwkUrl));

    // The workspace: the server's CA for its origin, a Url source for the JWK Set, and the demo private key (the
    // Test tokens sign with the private half of the endpoint's keys).
    workspace::KeyRing *ring = m_window->keyRing();
    workspace::TrustSettings trust;
    trust.extraCa = {m_certificate};
    ring->trust()->set(origin, trust);
    QSignalSpy fetched(ring, &workspace::KeyRing::fetchFinished);
    workspace::KeySource url = workspace::KeyRing::url(jwkUrl, false);
    url.name = QStringLiteral("idp over https");
    url.timeoutMs = 20000;
    const int urlIndex = ring->add(url);
    QTRY_COMPARE_WITH_TIMEOUT(fetched.count(), 1, 30000);
    QVERIFY2(ring->at(urlIndex).keys.has_value(), qPrintable(ring->at(urlIndex).errorText()));
    const auto demoKey
        = keys::KeyLoader::load(ui::Resources::text(QStringLiteral(":/samples/demo-private.pem")).toUtf8());
    QVERIFY(demoKey.ok());
    QJsonObject privateJwk = keys::Jwk::toJson(demoKey->keys.first().key, true);
    privateJwk.insert(QStringLiteral("kid"), QStringLiteral("demo-rs256"));
    ring->add(workspace::KeyRing::pasted(
        QStringLiteral("demo private"), QString::fromUtf8(QJsonDocument(privateJwk).toJson())));

    QVERIFY(openConfig(jwkUrl));
    m_window->addToken(QStringLiteral("demo"), ui::Resources::demoToken());
    // The inspected token reaches the Gateway's tools (queued), as a user sees it there.
    auto *simulation = test::child<ui::SimulationPanel>(m_window.get(), "simulationPanel");
    QTRY_COMPARE(simulation->token(), ui::Resources::demoToken());
    QCOMPARE(test::child<ui::EndpointMatrix>(m_window.get(), "endpointMatrix")->token(), ui::Resources::demoToken());

    // 1. Automatic: every page takes the source holding the token's kid (Test tokens: the jwk_url's source).
    compareAll(200, QString(), QStringLiteral("“idp over https”"));

    // 2. The config's own keys, pinned once on Simulate: the pin is the endpoint's, so every page follows it. The
    //    simulated KrakenD downloads jwk_url itself; the trust store's CA for that origin is what lets it through.
    auto *simulateCombo = test::child<QComboBox>(m_window.get(), "simulationKeyCombo");
    QVERIFY(choose(simulateCombo, QStringLiteral("config")));
    const QString configOwn = QStringLiteral("the config's own keys");
    compareAll(200, QString(), configOwn);
    const QString line = test::child<QLabel>(m_window.get(), "simulationKeysLine")->text();
    QVERIFY2(line.contains(origin) && line.contains(QStringLiteral("extra CA from the trust store")), qPrintable(line));

    // 3. The negative twin: the CA leaves the trust store, and all four fail the same way at the same check.
    ring->trust()->remove(origin);
    compareAll(401, QStringLiteral("key"), configOwn);

    // 4. Automatic again, with only a fresh source that cannot fetch without the CA: the source of the config's
    //    jwk_url has no keys, so the endpoint downloads the jwk_url itself, and fails as KrakenD would. (Without a
    //    private key in the ring, Test tokens sign with a key of their own: not this comparison.)
    QVERIFY(choose(simulateCombo, QString()));
    ring->clear();
    QSignalSpy failed(ring, &workspace::KeyRing::fetchFinished);
    const int again = ring->add(url);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY(!ring->at(again).keys.has_value());
    compareAll(401, QStringLiteral("key"), QStringLiteral("its URL is the config's jwk_url"), false);
}

void TestConsistency::kidChoosesTheSourceUntilPinned()
{
    // Two sources: the first holds another key, the second the token's kid.
    workspace::KeyRing *ring = m_window->keyRing();
    const auto other = crypto::Key::generate(crypto::KeyType::Rsa, 2048);
    QVERIFY(other.ok());
    const keys::Jwk otherJwk = keys::Jwk::fromKey(other->publicKey(), QStringLiteral("other-kid"));
    const int first = ring->add(workspace::KeyRing::pasted(QStringLiteral("first (other key)"),
        QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {otherJwk.json}}}).toJson())));
    const int second = ring->add(workspace::KeyRing::pasted(
        QStringLiteral("second (demo)"), ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json"))));
    m_window->addToken(QStringLiteral("demo"), ui::Resources::demoToken());

    // The Inspector's Verify switches to the source holding the kid by itself.
    auto *panel = verifyPanel();
    auto *combo = test::child<QComboBox>(panel, "keySourceCombo");
    auto *line = test::child<QLabel>(panel, "verifyKeysLine");
    panel->verifyNow();
    QCOMPARE(panel->verdict(), common::Verdict::Valid);
    QCOMPARE(panel->keyChoice().sourceId, ring->at(second).id);
    QCOMPARE(panel->keyChoice().reason, workspace::KeyChoice::Reason::HoldsKeyId);
    QVERIFY2(line->text().contains(QStringLiteral("“second (demo)”")) && line->text().contains(u"demo-rs256"),
        qPrintable(line->text()));
    QCOMPARE(combo->currentData().toString(), QString()); // Automatic
    QCOMPARE(panel->keySource(), -1);

    // The user pins the first: it stays pinned, and the token fails against it.
    QVERIFY(choose(combo, QStringLiteral("source:") + ring->at(first).id));
    panel->verifyNow();
    QCOMPARE(panel->keySource(), first);
    QCOMPARE(panel->keyChoice().reason, workspace::KeyChoice::Reason::Pinned);
    QCOMPARE(panel->verdict(), common::Verdict::Invalid);
    QVERIFY2(line->text().contains(QStringLiteral("“first (other key)”")), qPrintable(line->text()));
    // Another source holding the kid, or a change to the ring, does not move a pin.
    ring->add(workspace::KeyRing::pasted(
        QStringLiteral("third (demo)"), ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json"))));
    panel->verifyNow();
    QCOMPARE(panel->keyChoice().sourceId, ring->at(first).id);
    QCOMPARE(panel->verdict(), common::Verdict::Invalid);
    // Automatic again: back to the first source holding the kid.
    QVERIFY(choose(combo, QString()));
    panel->verifyNow();
    QCOMPARE(panel->keyChoice().sourceId, ring->at(second).id);
    QCOMPARE(panel->verdict(), common::Verdict::Valid);

    // Simulate makes the same automatic choice for an endpoint whose config has its own keys elsewhere, and keeps
    // the user's pin.
    QVERIFY(openConfig(QStringLiteral("https://keys.invalid/jwks.json")));
    auto *simulation = test::child<ui::SimulationPanel>(m_window.get(), "simulationPanel");
    simulation->setToken(ui::Resources::demoToken());
    QCOMPARE(simulation->keyChoice().sourceId, ring->at(second).id);
    Answer answer = simulate();
    QVERIFY2(answer.status == 200, qPrintable(describe(answer)));
    QVERIFY2(answer.keys.contains(QStringLiteral("“second (demo)”")), qPrintable(answer.keys));
    QVERIFY(choose(
        test::child<QComboBox>(simulation, "simulationKeyCombo"), QStringLiteral("source:") + ring->at(first).id));
    answer = simulate();
    QVERIFY2(answer.status == 401 && answer.check == u"key", qPrintable(describe(answer)));
    QVERIFY2(answer.keys.contains(QStringLiteral("“first (other key)”")), qPrintable(answer.keys));
    // The Inspector judging as that endpoint uses the endpoint's pin, as Simulate does.
    panel->setJudgeAs(0);
    panel->verifyNow();
    QCOMPARE(panel->keyChoice().sourceId, ring->at(first).id);
    QCOMPARE(panel->report().status, 401);

    // The pins are the workspace's: saved and loaded again (the ring is emptied and refilled meanwhile, while the
    // Verify tab shows the endpoint's pin), the endpoint's and the Inspector's still name the first source.
    panel->setJudgeAs(-1);
    QVERIFY(choose(combo, QStringLiteral("source:") + ring->at(first).id));
    panel->setJudgeAs(0);
    const QString firstId = ring->at(first).id;
    const QJsonObject saved = m_window->workspaceJson();
    QVERIFY(m_window->loadWorkspaceJson(saved).ok());
    QCOMPARE(simulation->keyChoice().sourceId, firstId);
    QCOMPARE(simulation->keyChoice().reason, workspace::KeyChoice::Reason::Pinned);
    panel->setJudgeAs(-1);
    panel->verifyNow();
    QCOMPARE(panel->keyChoice().sourceId, firstId);
    QCOMPARE(panel->keyChoice().reason, workspace::KeyChoice::Reason::Pinned);
}

QTEST_MAIN(TestConsistency)
#include "tst_consistency.moc"
