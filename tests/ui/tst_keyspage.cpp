// The Keys page: pasting keys and secrets, generating, exporting (public by default, private only after an
// explicit Yes), and fetching a JWK Set from a local HTTPS server made in the test (QSslServer with a
// self-signed certificate from the openssl command): keys, presented chain and pin, rotation on refresh,
// cancel, and a wrong pin.

#include "LocalHttpsServer.h"
#include "Rfc7517.h"
#include "TestData.h"
#include "UiTestHelpers.h"

#include "common/Dialogs.h"
#include "common/Jobs.h"
#include "common/Scheduler.h"
#include "crypto/Backend.h"
#include "jose/Inspection.h"
#include "keys/KeyGeneratorDialog.h"
#include "keys/KeySourcesModel.h"
#include "keys/KeysModel.h"
#include "keys/KeysPage.h"
#include "keys/RemoteSourceDialog.h"
#include "keys/Thumbprint.h"
#include "keys/TokenSigner.h"
#include "keysource/HttpFetch.h"
#include "verify/VerifyPanel.h"
#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

#include <sys/stat.h>

using namespace jwb;
using namespace jwb::ui;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A JWK Set of fresh EC keys with the given kids.
QByteArray makeJwks(const QStringList &kids)
{
    QJsonArray keys;
    for (const auto &kid : kids) {
        const auto key = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
        keys.append(keys::Jwk::fromKey(key.value(), kid, QStringLiteral("ES256"), QStringLiteral("sig")).publicJson());
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("keys"), keys}}).toJson(QJsonDocument::Compact);
}

using JwksServer = test::LocalHttpsServer;

} // namespace

class TestKeysPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emptyPageShowsHints();
    void pasteJwksShowsKeys();
    void agesFollowTheScheduler();
    void pasteKrakendFixtures();
    void pasteSecretAsks_data();
    void pasteSecretAsks();
    void pasteGarbageSaysWhy();
    void secretEncodingCanBeChanged();
    void addFileWithError();
    void generateAndExport();
    void privateExportNeedsYes();
    void exportPemAndJwk();
    void privateExportsAre0600();
    void generateNowEachAlgorithm_data();
    void generateNowEachAlgorithm();
    void generatorEcdhKeys_data();
    void generatorEcdhKeys();
    void generatorDialogRunsOffThread();
    void closingTheGeneratorAbandonsTheKey();
    void remoteDialogValidates();
    void remoteDialogShowsTheOriginsTrust();
    void fetchFromLocalHttps();
    void wrongPinFails();
    void tlsFailureShowsTheChainAndTrustsTheCa();
    void tlsFailurePinsOrAddsACaFile();
    void twoSourcesOnOneHostHaveTheirOwnNames();
    void fetchesSideBySide();
    void cancelStopsAFetch();
    void screenshot();

private:
    // The page's widgets, found by object name as a user finds them by sight (test::child reports a missing one
    // at the caller's line).
    KeySourcesModel *sourcesModel(std::source_location where = std::source_location::current())
    {
        auto *list = test::child<QListView>(m_page.get(), "keySourceList", where);
        return list ? qobject_cast<KeySourcesModel *>(list->model()) : nullptr;
    }
    KeysModel *keysModel(std::source_location where = std::source_location::current())
    {
        auto *table = test::child<QTableView>(m_page.get(), "keysTable", where);
        return table ? qobject_cast<KeysModel *>(table->model()) : nullptr;
    }
    QListView *sourceList(std::source_location where = std::source_location::current())
    {
        return test::child<QListView>(m_page.get(), "keySourceList", where);
    }
    QLabel *titleLabel(std::source_location where = std::source_location::current())
    {
        return test::child<QLabel>(m_page.get(), "keySourceTitle", where);
    }
    QLabel *locationLabel(std::source_location where = std::source_location::current())
    {
        return test::child<QLabel>(m_page.get(), "keySourceLocation", where);
    }
    QLabel *statusLabel(std::source_location where = std::source_location::current())
    {
        return test::child<QLabel>(m_page.get(), "keySourceStatus", where);
    }
    QProgressBar *progressBar(std::source_location where = std::source_location::current())
    {
        return test::child<QProgressBar>(m_page.get(), "keySourceProgress", where);
    }
    QLabel *ageLabel(std::source_location where = std::source_location::current())
    {
        return test::child<QLabel>(m_page.get(), "keySourceAge", where);
    }
    QLabel *errorLabel(std::source_location where = std::source_location::current())
    {
        return test::child<QLabel>(m_page.get(), "keySourceError", where);
    }
    QPlainTextEdit *jwkView(std::source_location where = std::source_location::current())
    {
        return test::child<QPlainTextEdit>(m_page.get(), "keyJwkView", where);
    }
    QPlainTextEdit *pemView(std::source_location where = std::source_location::current())
    {
        return test::child<QPlainTextEdit>(m_page.get(), "keyPemView", where);
    }
    QLabel *keyDetailsLabel(std::source_location where = std::source_location::current())
    {
        return test::child<QLabel>(m_page.get(), "keyDetails", where);
    }
    QLabel *fetchLabel(std::source_location where = std::source_location::current())
    {
        return test::child<QLabel>(m_page.get(), "keyFetchDetails", where);
    }
    QTreeWidget *chainView(std::source_location where = std::source_location::current())
    {
        return test::child<QTreeWidget>(m_page.get(), "keyTlsChain", where);
    }
    QLabel *rotationLabel(std::source_location where = std::source_location::current())
    {
        return test::child<QLabel>(m_page.get(), "keyRotation", where);
    }
    QTabWidget *detailTabs(std::source_location where = std::source_location::current())
    {
        return test::child<QTabWidget>(m_page.get(), "keyDetailTabs", where);
    }
    QComboBox *encodingCombo(std::source_location where = std::source_location::current())
    {
        return test::child<QComboBox>(m_page.get(), "keySecretEncoding", where);
    }
    QAction *refreshAction(std::source_location where = std::source_location::current())
    {
        return test::child<QAction>(m_page.get(), "actionKeysRefresh", where);
    }
    QAction *cancelAction(std::source_location where = std::source_location::current())
    {
        return test::child<QAction>(m_page.get(), "actionKeysCancel", where);
    }
    QAction *removeAction(std::source_location where = std::source_location::current())
    {
        return test::child<QAction>(m_page.get(), "actionKeysRemove", where);
    }
    /// A page over a fresh ring, with both models under QAbstractItemModelTester.
    void makePage();
    bool makeCertificate(QString *error);

    std::unique_ptr<workspace::KeyRing> m_ring;
    std::unique_ptr<KeysPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_sourcesTester;
    std::unique_ptr<QAbstractItemModelTester> m_keysTester;
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QStringList m_questions;
    QStringList m_errors;
    QMessageBox::StandardButton m_answer = QMessageBox::No;
    QString m_savePath;
    QString m_openPath;
};

void TestKeysPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestKeysPage::init()
{
    m_questions.clear();
    m_errors.clear();
    m_answer = QMessageBox::No;
    m_savePath.clear();
    m_openPath.clear();
    Dialogs::Hooks hooks;
    hooks.question = [this](const QString &, const QString &text, QMessageBox::StandardButtons) {
        m_questions.append(text);
        return m_answer;
    };
    hooks.error = [this](const QString &, const QString &text) { m_errors.append(text); };
    hooks.information = [](const QString &, const QString &) {};
    hooks.saveFileName = [this](const QString &, const QString &, const QString &) { return m_savePath; };
    hooks.openFileName = [this](const QString &, const QString &) { return m_openPath; };
    Dialogs::setHooks(hooks);
    makePage();
}

void TestKeysPage::cleanup()
{
    m_keysTester.reset();
    m_sourcesTester.reset();
    m_page.reset();
    m_ring.reset();
    Dialogs::clearHooks();
}

void TestKeysPage::makePage()
{
    m_keysTester.reset();
    m_sourcesTester.reset();
    m_page.reset();
    const auto clock = common::Clock::fixed(test::nowUtc());
    m_ring = std::make_unique<workspace::KeyRing>(clock);
    m_page = std::make_unique<KeysPage>(m_ring.get(), clock);
    m_sourcesTester = std::make_unique<QAbstractItemModelTester>(
        sourcesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_keysTester = std::make_unique<QAbstractItemModelTester>(
        keysModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestKeysPage::emptyPageShowsHints()
{
    QCOMPARE(m_page->currentSource(), -1);
    QVERIFY(!sourceList()->isVisibleTo(m_page.get()));
    auto *hint = m_page->findChild<QLabel *>(QStringLiteral("keySourcesHint"));
    QVERIFY(hint);
    QVERIFY(hint->isVisibleTo(m_page.get()));
    QVERIFY(!refreshAction()->isEnabled());
    QVERIFY(!removeAction()->isEnabled());
    QVERIFY(!m_page->exportJwks(false));
}

void TestKeysPage::agesFollowTheScheduler()
{
    // "loaded … ago" is refreshed every kAgeRefreshMs, timed by the page's scheduler.
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    auto clock = std::make_shared<common::FixedClock>(test::nowUtc());
    auto scheduler = std::make_shared<common::ManualScheduler>();
    workspace::KeyRing ring(clock);
    KeysPage page(&ring, clock, scheduler);
    QCOMPARE(page.addPasted(test::rfc7517JwksText(QStringLiteral("A.1"))), 0);
    auto *age = test::child<QLabel>(&page, "keySourceAge");
    QVERIFY(age);
    QCOMPARE(age->text(), QStringLiteral("loaded just now"));
    clock->setNow(test::nowUtc().addSecs(120));
    scheduler->advance(KeysPage::kAgeRefreshMs - 1);
    QCOMPARE(age->text(), QStringLiteral("loaded just now"));
    scheduler->advance(1);
    QCOMPARE(age->text(), QStringLiteral("loaded 2 min ago"));
    // And again, for as long as the page lives.
    clock->setNow(test::nowUtc().addSecs(3 * 3600));
    scheduler->advance(KeysPage::kAgeRefreshMs);
    QCOMPARE(age->text(), QStringLiteral("loaded 3 h ago"));
    QCOMPARE(scheduler->pendingCount(), 1);
}

void TestKeysPage::pasteJwksShowsKeys()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    QSignalSpy status(m_page.get(), &KeysPage::statusMessage);
    const int index = m_page->addPasted(test::rfc7517JwksText(QStringLiteral("A.1")));
    QCOMPARE(index, 0);
    QCOMPARE(m_page->currentSource(), 0);
    QVERIFY(!status.isEmpty());
    QVERIFY(sourceList()->isVisibleTo(m_page.get()));
    QCOMPARE(titleLabel()->text(), QStringLiteral("Pasted JWK Set (2 keys)"));
    QCOMPARE(statusLabel()->text(), QStringLiteral("2 keys"));
    QCOMPARE(ageLabel()->text(), QStringLiteral("loaded just now"));
    QVERIFY(!errorLabel()->isVisibleTo(m_page.get()));
    QVERIFY(!progressBar()->isVisibleTo(m_page.get()));

    KeysModel *model = keysModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, KeysModel::Kid).data().toString(), QStringLiteral("1"));
    QCOMPARE(model->index(0, KeysModel::Type).data().toString(), QStringLiteral("EC"));
    QCOMPARE(model->index(1, KeysModel::Kid).data().toString(), QStringLiteral("2011-04-29"));
    QCOMPARE(model->index(1, KeysModel::Type).data().toString(), QStringLiteral("RSA"));
    // RFC 7638 section 3.1 computes the thumbprint of this very key.
    QCOMPARE(model->index(1, KeysModel::Thumbprint).data().toString(),
        QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));

    // The first key is selected; its JWK, PEM and thumbprints are shown.
    QCOMPARE(m_page->currentKey(), 0);
    QVERIFY(jwkView()->toPlainText().contains(QStringLiteral("\"crv\": \"P-256\"")));
    QVERIFY(pemView()->toPlainText().startsWith(QStringLiteral("-----BEGIN PUBLIC KEY-----")));
    m_page->selectKey(1);
    QVERIFY(keyDetailsLabel()->text().contains(QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")));
    m_page->copyThumbprint();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    // A local source has no fetch tab.
    QVERIFY(!detailTabs()->isTabVisible(3));
}

void TestKeysPage::pasteKrakendFixtures()
{
    JWB_REQUIRE_SHARED("krakend-jose-fixtures/public.json");
    const QString text
        = QString::fromUtf8(readFile(test::sharedPath(QStringLiteral("krakend-jose-fixtures/public.json"))));
    QCOMPARE(m_page->addPasted(text), 0);
    const workspace::KeySource &source = m_ring->at(0);
    QVERIFY(source.keys);
    KeysModel *model = keysModel();
    QCOMPARE(model->rowCount(), int(source.keys->keys.size() + source.keys->skipped.size()));
    const int row = model->rowOfKid(QStringLiteral("2011-04-29"));
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, KeysModel::Alg).data().toString(), QStringLiteral("RS256"));
    QCOMPARE(model->index(row, KeysModel::Thumbprint).data().toString(),
        QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    // The fixture's RSA entries that carry private members are marked as private keys.
    const int privateRow = model->rowOfKid(QStringLiteral("p256"));
    if (privateRow >= 0)
        QVERIFY(model->index(privateRow, KeysModel::Type).data().toString().contains(QStringLiteral("private")));
}

void TestKeysPage::pasteSecretAsks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("answer");
    QTest::addColumn<QString>("encoding");

    QTest::newRow("utf8, yes") << "my-gateway-shared-secret-for-hs256" << int(QMessageBox::Yes) << "utf8";
    QTest::newRow("hex, yes") << "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
                              << int(QMessageBox::Yes) << "hex";
    QTest::newRow("no") << "my-gateway-shared-secret-for-hs256" << int(QMessageBox::No) << QString();
}

void TestKeysPage::pasteSecretAsks()
{
    QFETCH(QString, text);
    QFETCH(int, answer);
    QFETCH(QString, encoding);
    m_answer = static_cast<QMessageBox::StandardButton>(answer);
    const int index = m_page->addPasted(text);
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains(QStringLiteral("shared secret")));
    if (encoding.isEmpty()) {
        QCOMPARE(index, -1);
        QCOMPARE(m_ring->count(), 0);
        return;
    }
    QCOMPARE(index, 0);
    QCOMPARE(m_ring->at(0).kind, workspace::KeySource::Kind::Secret);
    QCOMPARE(m_ring->at(0).secretEncoding, encoding);
    QVERIFY2(!m_ring->at(0).error, qPrintable(m_ring->at(0).errorText()));
    QCOMPARE(keysModel()->index(0, KeysModel::Type).data().toString(), QStringLiteral("oct"));
    QVERIFY(encodingCombo()->isVisibleTo(m_page.get()));
    // The secret itself is never put on screen.
    QVERIFY(!jwkView()->toPlainText().contains(QStringLiteral("\"k\": \""))
        || jwkView()->toPlainText().contains(QStringLiteral("hidden")));
    QVERIFY(!jwkView()->toPlainText().contains(text));
}

void TestKeysPage::pasteGarbageSaysWhy()
{
    QCOMPARE(m_page->addPasted(QStringLiteral("{\"kty\": \"RSA\"")), -1);
    QCOMPARE(m_ring->count(), 0);
    QVERIFY(m_questions.isEmpty());
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(QStringLiteral("not valid JSON")) && !m_errors.first().contains(u"invalid_json"),
        qPrintable(m_errors.first()));
}

void TestKeysPage::secretEncodingCanBeChanged()
{
    QCOMPARE(m_page->addSecret(QStringLiteral("not-hex-at-all-but-long-enough-for-hs256"), QStringLiteral("utf8")), 0);
    QVERIFY(m_ring->at(0).keys);
    encodingCombo()->setCurrentText(QStringLiteral("hex"));
    Q_EMIT encodingCombo()->activated(encodingCombo()->currentIndex());
    QCOMPARE(m_ring->at(0).secretEncoding, QStringLiteral("hex"));
    QVERIFY(!m_ring->at(0).keys);
    QVERIFY(errorLabel()->isVisibleTo(m_page.get()));
    QCOMPARE(errorLabel()->toolTip(), QStringLiteral("Error code: invalid_secret"));
    QVERIFY2(errorLabel()->text().contains(QStringLiteral("hex digits")), qPrintable(errorLabel()->text()));
}

void TestKeysPage::addFileWithError()
{
    const QString path = m_dir.filePath(QStringLiteral("missing.pem"));
    QCOMPARE(m_page->addFile(path), 0);
    QVERIFY(errorLabel()->isVisibleTo(m_page.get()));
    // A sentence leads (issue #19 item 9); the code is in the tooltip's details line.
    QVERIFY2(!errorLabel()->text().contains(QStringLiteral("unreadable_file")), qPrintable(errorLabel()->text()));
    QCOMPARE(errorLabel()->toolTip(), QStringLiteral("Error code: unreadable_file"));
    QCOMPARE(sourcesModel()->index(0).data(KeySourcesModel::ErrorRole).toString(), m_ring->at(0).error->message);
    QVERIFY(sourcesModel()->index(0).data(Qt::ToolTipRole).toString().contains(u"Error code: unreadable_file"));
    QCOMPARE(keysModel()->rowCount(), 0);
    QCOMPARE(jwkView()->toPlainText(), QStringLiteral("No keys to show."));
}

void TestKeysPage::generateAndExport()
{
    KeyGeneratorDialog::Options options;
    options.algorithm = crypto::Algorithm::ES256;
    options.kid = QStringLiteral("gen-1");
    const int index = m_page->generate(options);
    QCOMPARE(index, 0);
    QCOMPARE(m_ring->at(0).kind, workspace::KeySource::Kind::Generated);
    QCOMPARE(keysModel()->rowCount(), 1);
    QCOMPARE(keysModel()->index(0, KeysModel::Kid).data().toString(), QStringLiteral("gen-1"));
    QCOMPARE(keysModel()->index(0, KeysModel::CurveOrSize).data().toString(), QStringLiteral("P-256"));
    QCOMPARE(keysModel()->index(0, KeysModel::Alg).data().toString(), QStringLiteral("ES256"));
    QVERIFY(!jwkView()->toPlainText().contains(QStringLiteral("\"d\"")));

    m_savePath = m_dir.filePath(QStringLiteral("public.jwks.json"));
    QVERIFY(m_page->exportJwks(false));
    QVERIFY(m_questions.isEmpty());
    const QJsonObject written = QJsonDocument::fromJson(readFile(m_savePath)).object();
    const QJsonArray keys = written.value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().toObject().value(QStringLiteral("kid")).toString(), QStringLiteral("gen-1"));
    QVERIFY(keys.first().toObject().contains(QStringLiteral("x")));
    QVERIFY(!keys.first().toObject().contains(QStringLiteral("d")));

    // Cancelling the save dialog writes nothing.
    m_savePath.clear();
    QVERIFY(!m_page->exportJwks(false));
}

void TestKeysPage::privateExportNeedsYes()
{
    KeyGeneratorDialog::Options options;
    options.algorithm = crypto::Algorithm::ES384;
    options.kidFromThumbprint = true;
    QCOMPARE(m_page->generate(options), 0);

    m_savePath = m_dir.filePath(QStringLiteral("answered-no.jwks.json"));
    m_answer = QMessageBox::No;
    QVERIFY(m_page->exportJwks(true));
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains(QStringLiteral("private")));
    QVERIFY(!readFile(m_savePath).contains("\"d\""));

    m_savePath = m_dir.filePath(QStringLiteral("answered-yes.jwks.json"));
    m_answer = QMessageBox::Yes;
    QVERIFY(m_page->exportJwks(true));
    QCOMPARE(m_questions.size(), 2);
    const QJsonObject key = QJsonDocument::fromJson(readFile(m_savePath))
                                .object()
                                .value(QStringLiteral("keys"))
                                .toArray()
                                .first()
                                .toObject();
    QVERIFY(key.contains(QStringLiteral("d")));
    QCOMPARE(
        key.value(QStringLiteral("kid")).toString(), keys::Thumbprint::base64Url(m_ring->at(0).keys->keys.first().key));
}

void TestKeysPage::exportPemAndJwk()
{
    KeyGeneratorDialog::Options options;
    options.algorithm = crypto::Algorithm::EdDSA;
    options.kid = QStringLiteral("ed");
    QCOMPARE(m_page->generate(options), 0);

    m_savePath = m_dir.filePath(QStringLiteral("ed.pub.pem"));
    QVERIFY(m_page->exportPem());
    QVERIFY(readFile(m_savePath).startsWith("-----BEGIN PUBLIC KEY-----"));
    QVERIFY(!readFile(m_savePath).contains("PRIVATE"));

    m_savePath = m_dir.filePath(QStringLiteral("ed.jwk.json"));
    QVERIFY(m_page->exportJwk());
    const QJsonObject jwk = QJsonDocument::fromJson(readFile(m_savePath)).object();
    QCOMPARE(jwk.value(QStringLiteral("crv")).toString(), QStringLiteral("Ed25519"));
    QVERIFY(!jwk.contains(QStringLiteral("d")));

    m_page->copyPem();
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("-----BEGIN PUBLIC KEY-----")));
    m_page->copyJwks();
    QVERIFY(!QApplication::clipboard()->text().contains(QStringLiteral("\"d\"")));
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("\"ed\"")));

    // A shared secret has no public form: a public set of it is refused, not written with the secret inside.
    makePage();
    options.algorithm = crypto::Algorithm::HS256;
    QCOMPARE(m_page->generate(options), 0);
    m_savePath = m_dir.filePath(QStringLiteral("secret.jwks.json"));
    QFile::remove(m_savePath);
    QVERIFY(!m_page->exportJwks(false));
    QVERIFY(!QFile::exists(m_savePath));
    QCOMPARE(m_errors.size(), 1);
}

void TestKeysPage::privateExportsAre0600()
{
    // With umask 0 (the most permissive), a file with private material is 0600; a public one follows the umask.
    const auto modeOf = [](const QString &path) {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
    };
    KeyGeneratorDialog::Options options;
    options.algorithm = crypto::Algorithm::ES256;
    options.kid = QStringLiteral("ec");
    QCOMPARE(m_page->generate(options), 0);
    m_answer = QMessageBox::Yes;
    const mode_t previous = ::umask(0);
    QHash<QString, bool> written;
    m_savePath = m_dir.filePath(QStringLiteral("modes-private.jwks.json"));
    written.insert(m_savePath, m_page->exportJwks(true));
    m_savePath = m_dir.filePath(QStringLiteral("modes-private.jwk.json"));
    written.insert(m_savePath, m_page->exportJwk(true));
    m_savePath = m_dir.filePath(QStringLiteral("modes-private.key.pem"));
    written.insert(m_savePath, m_page->exportPem(true));
    m_savePath = m_dir.filePath(QStringLiteral("modes-public.jwks.json"));
    written.insert(m_savePath, m_page->exportJwks(false));
    // An existing world-readable file that gets a private key is narrowed to 0600.
    m_savePath = m_dir.filePath(QStringLiteral("modes-was-public.pem"));
    written.insert(m_savePath + QStringLiteral(" (public)"), m_page->exportPem(false));
    const int wasPublic = modeOf(m_savePath);
    written.insert(m_savePath, m_page->exportPem(true));
    ::umask(previous);
    for (auto it = written.begin(); it != written.end(); ++it)
        QVERIFY2(it.value(), qPrintable(it.key()));
    QVERIFY(readFile(m_dir.filePath(QStringLiteral("modes-private.key.pem"))).contains("PRIVATE KEY"));
    QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("modes-private.jwks.json"))), 0600);
    QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("modes-private.jwk.json"))), 0600);
    QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("modes-private.key.pem"))), 0600);
    QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("modes-public.jwks.json"))), 0666);
    QCOMPARE(wasPublic, 0666);
    QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("modes-was-public.pem"))), 0600);
}

void TestKeysPage::generateNowEachAlgorithm_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("size");
    for (const auto &row : {std::tuple {"RS256", 2048, "RSA", "2048 bits"},
             std::tuple {"PS384", 2048, "RSA", "2048 bits"}, std::tuple {"ES256", 0, "EC", "P-256"},
             std::tuple {"ES384", 0, "EC", "P-384"}, std::tuple {"ES512", 0, "EC", "P-521"},
             std::tuple {"EdDSA", 0, "OKP", "Ed25519"}, std::tuple {"HS256", 0, "oct", "256 bits"},
             std::tuple {"HS512", 0, "oct", "512 bits"}, std::tuple {"ES256K", 0, "EC", "secp256k1"},
             std::tuple {"Ed25519", 0, "OKP", "Ed25519"}, std::tuple {"Ed448", 0, "OKP", "Ed448"}}) {
        QTest::newRow(std::get<0>(row)) << QString::fromLatin1(std::get<0>(row)) << std::get<1>(row)
                                        << QString::fromLatin1(std::get<2>(row))
                                        << QString::fromLatin1(std::get<3>(row));
    }
}

void TestKeysPage::generateNowEachAlgorithm()
{
    QFETCH(QString, alg);
    QFETCH(int, bits);
    QFETCH(QString, type);
    QFETCH(QString, size);
    KeyGeneratorDialog::Options options;
    options.algorithm = *crypto::Algorithms::fromName(alg);
    options.rsaBits = bits == 0 ? 2048 : bits;
    options.kidFromThumbprint = true;
    const auto jwk = KeyGeneratorDialog::generateNow(options);
    QVERIFY2(jwk.ok(), qPrintable(jwk.ok() ? QString() : jwk.error().toString()));
    QCOMPARE(KeysModel::typeText(jwk.value()), type);
    QCOMPARE(KeysModel::curveOrSizeText(jwk.value()), size);
    QCOMPARE(jwk->alg, alg);
    QCOMPARE(jwk->use, QStringLiteral("sig"));
    QCOMPARE(jwk->kid, keys::Thumbprint::base64Url(jwk->key));
    QVERIFY(jwk->key.isPrivate());
}

void TestKeysPage::generatorEcdhKeys_data()
{
    QTest::addColumn<crypto::Curve>("curve");
    QTest::newRow("X25519") << crypto::Curve::X25519;
    QTest::newRow("X448") << crypto::Curve::X448;
}

// The generator offers X25519 and X448 for encryption (ECDH-ES): an OKP key with alg ECDH-ES and use enc.
void TestKeysPage::generatorEcdhKeys()
{
    QFETCH(crypto::Curve, curve);
    KeyGeneratorDialog dialog;
    auto *algorithmCombo = test::child<QComboBox>(&dialog, "generatorAlgorithm");
    auto *use = test::child<QLabel>(&dialog, "generatorUse");
    QVERIFY(algorithmCombo && use);
    const int index = algorithmCombo->findData(QStringLiteral("ECDH-ES:%1").arg(crypto::curveName(curve)));
    QVERIFY(index >= 0);
    QVERIFY(algorithmCombo->itemText(index).contains(QStringLiteral("ECDH-ES")));
    algorithmCombo->setCurrentIndex(index);
    QCOMPARE(dialog.options().ecdhCurve, curve);
    QCOMPARE(use->text(), QStringLiteral("enc"));
    KeyGeneratorDialog::Options options = dialog.options();
    options.kidFromThumbprint = true;
    const auto jwk = KeyGeneratorDialog::generateNow(options);
    QVERIFY2(jwk.ok(), qPrintable(jwk.ok() ? QString() : jwk.error().toString()));
    QCOMPARE(KeysModel::typeText(jwk.value()), QStringLiteral("OKP"));
    QCOMPARE(KeysModel::curveOrSizeText(jwk.value()), crypto::curveName(curve));
    QCOMPARE(jwk->alg, QStringLiteral("ECDH-ES"));
    QCOMPARE(jwk->use, QStringLiteral("enc"));
    QVERIFY(jwk->key.isPrivate());
    // Back to a signing algorithm: use is sig again.
    algorithmCombo->setCurrentIndex(algorithmCombo->findData(QStringLiteral("ES256")));
    QCOMPARE(dialog.options().ecdhCurve, crypto::Curve::None);
    QCOMPARE(use->text(), QStringLiteral("sig"));
}

void TestKeysPage::generatorDialogRunsOffThread()
{
    KeyGeneratorDialog dialog;
    auto *algorithmCombo = test::child<QComboBox>(&dialog, "generatorAlgorithm");
    auto *bitsCombo = test::child<QComboBox>(&dialog, "generatorBits");
    auto *kidEdit = test::child<QLineEdit>(&dialog, "generatorKid");
    auto *thumbprintKidCheck = test::child<QCheckBox>(&dialog, "generatorKidThumbprint");
    auto *busyBar = test::child<QProgressBar>(&dialog, "generatorBusy");
    QVERIFY(algorithmCombo && bitsCombo && kidEdit && thumbprintKidCheck && busyBar);
    KeyGeneratorDialog::Options options;
    options.algorithm = crypto::Algorithm::RS256;
    options.rsaBits = 3072;
    options.kid = QStringLiteral("rsa-3072");
    dialog.setOptions(options);
    QVERIFY(bitsCombo->isEnabled());
    QCOMPARE(dialog.options().rsaBits, 3072);
    QList<keys::Jwk> generated;
    connect(
        &dialog, &KeyGeneratorDialog::generated, this, [&generated](const keys::Jwk &jwk) { generated.append(jwk); });
    dialog.startGeneration();
    // The worker runs while the UI thread goes on; the inputs are locked and the busy bar shows meanwhile.
    QVERIFY(dialog.isGenerating());
    QVERIFY(!algorithmCombo->isEnabled());
    QVERIFY(!busyBar->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(generated.count(), 1, 60000);
    QVERIFY(!dialog.isGenerating());
    QVERIFY(busyBar->isHidden());
    const keys::Jwk jwk = generated.first();
    QCOMPARE(jwk.kid, QStringLiteral("rsa-3072"));
    QCOMPARE(jwk.key.bits(), 3072);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    // Through the page: the dialog's key lands in the ring.
    QCOMPARE(m_page->addGenerated(jwk), 0);
    QCOMPARE(m_ring->at(0).kind, workspace::KeySource::Kind::Generated);
    QCOMPARE(m_ring->at(0).name, QStringLiteral("RS256 key rsa-3072"));

    // EdDSA hides the RSA size; the thumbprint option disables the kid field.
    auto *hint = test::child<QLabel>(&dialog, "generatorHint");
    algorithmCombo->setCurrentIndex(algorithmCombo->findData(QStringLiteral("EdDSA")));
    QVERIFY(!bitsCombo->isEnabled());
    QVERIFY2(!hint->text().contains(QLatin1String("KrakenD")), qPrintable(hint->text()));
    // Algorithms KrakenD does not take say so where they are chosen.
    for (const char *alg : {"ES256K", "Ed25519", "Ed448"}) {
        algorithmCombo->setCurrentIndex(algorithmCombo->findData(QString::fromLatin1(alg)));
        QVERIFY2(hint->text().contains(QStringLiteral("KrakenD does not accept %1").arg(QLatin1String(alg))),
            qPrintable(hint->text()));
    }
    QVERIFY(test::child<QLabel>(&dialog, "generatorHint")->text().contains(QLatin1String("Ed448 key pair")));
    thumbprintKidCheck->setChecked(true);
    QVERIFY(!kidEdit->isEnabled());
}

void TestKeysPage::closingTheGeneratorAbandonsTheKey()
{
    // RSA generation cannot be interrupted; closing the dialog meanwhile drops the key it would have made.
    KeyGeneratorDialog dialog;
    KeyGeneratorDialog::Options options;
    options.algorithm = crypto::Algorithm::RS256;
    dialog.setOptions(options);
    int generated = 0;
    connect(&dialog, &KeyGeneratorDialog::generated, this, [&generated] { ++generated; });
    dialog.startGeneration();
    QVERIFY(dialog.isGenerating());
    dialog.reject();
    QVERIFY(!dialog.isGenerating());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    // Waits for the worker thread (not for a clock), then lets a delivery that was not dropped arrive.
    QTRY_COMPARE_WITH_TIMEOUT(common::Jobs::liveCount(), 0, 60000);
    QCoreApplication::processEvents();
    QCOMPARE(generated, 0);
}

void TestKeysPage::remoteDialogValidates()
{
    RemoteSourceDialog dialog;
    auto *urlEdit = test::child<QLineEdit>(&dialog, "remoteUrl");
    auto *insecureCheck = test::child<QCheckBox>(&dialog, "remoteInsecure");
    auto *pinsEdit = test::child<QPlainTextEdit>(&dialog, "remotePins");
    auto *caEdit = test::child<QLineEdit>(&dialog, "remoteCaFile");
    auto *timeoutSpin = test::child<QSpinBox>(&dialog, "remoteTimeout");
    auto *kindCombo = test::child<QComboBox>(&dialog, "remoteKind");
    QVERIFY(urlEdit && insecureCheck && pinsEdit && caEdit && timeoutSpin && kindCombo);
    QVERIFY(!dialog.validate().isEmpty());
    urlEdit->setText(QStringLiteral("http://idp.example/jwks"));
    QVERIFY(dialog.validate().contains(QStringLiteral("https")));
    insecureCheck->setChecked(true);
    QVERIFY(dialog.validate().isEmpty());
    pinsEdit->setPlainText(QStringLiteral("not-a-pin"));
    QVERIFY(dialog.validate().contains(QStringLiteral("not-a-pin")));
    pinsEdit->setPlainText(QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"));
    QVERIFY(dialog.validate().isEmpty());
    caEdit->setText(m_dir.filePath(QStringLiteral("nothing.pem")));
    QVERIFY(dialog.validate().contains(QStringLiteral("nothing.pem")));
    caEdit->clear();
    timeoutSpin->setValue(3);
    kindCombo->setCurrentIndex(1);
    const workspace::KeySource source = dialog.source();
    QCOMPARE(source.kind, workspace::KeySource::Kind::Issuer);
    QCOMPARE(source.location, QStringLiteral("http://idp.example/jwks"));
    QCOMPARE(dialog.trust().pins, QStringList {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")});
    QVERIFY(dialog.trust().insecure);
    QCOMPARE(source.timeoutMs, 3000);
}

void TestKeysPage::remoteDialogShowsTheOriginsTrust()
{
    // TLS settings are the origin's: the dialog shows what the session has for the URL typed, until the user
    // changes them; a DER CA file is read as well as PEM (workspace::TrustStore::readCa).
    QString error;
    if (!makeCertificate(&error))
        QSKIP(qPrintable(error));
    workspace::TrustStore trust;
    workspace::TrustSettings insecure;
    insecure.insecure = true;
    insecure.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    trust.set(QStringLiteral("https://idp.example.com:443"), insecure);

    RemoteSourceDialog dialog;
    auto *urlEdit = test::child<QLineEdit>(&dialog, "remoteUrl");
    auto *insecureCheck = test::child<QCheckBox>(&dialog, "remoteInsecure");
    auto *pinsEdit = test::child<QPlainTextEdit>(&dialog, "remotePins");
    auto *caEdit = test::child<QLineEdit>(&dialog, "remoteCaFile");
    QVERIFY(urlEdit && insecureCheck && pinsEdit && caEdit);
    // Plain words on the box, KrakenD's option name only in the tooltip (issue #19 item 9).
    QVERIFY(!insecureCheck->text().contains(u"disable_jwk_security"));
    QVERIFY(insecureCheck->toolTip().contains(u"disable_jwk_security"));
    dialog.setTrustStore(&trust);
    dialog.setSource(workspace::KeyRing::url({}, false));
    QVERIFY(!insecureCheck->isChecked());
    urlEdit->setText(QStringLiteral("https://idp.example.com/other.json"));
    QVERIFY(insecureCheck->isChecked());
    QCOMPARE(dialog.trust(), insecure);
    urlEdit->setText(QStringLiteral("https://elsewhere.example.com/jwks.json"));
    QVERIFY(!insecureCheck->isChecked());
    QVERIFY(pinsEdit->toPlainText().isEmpty());
    // Once the user changed a TLS input, the URL no longer refills them.
    pinsEdit->setPlainText(QStringLiteral("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB="));
    urlEdit->setText(QStringLiteral("https://idp.example.com/jwks.json"));
    QVERIFY(!insecureCheck->isChecked());
    QCOMPARE(dialog.trust().pins, QStringList {QStringLiteral("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=")});

    const QString der = m_dir.filePath(QStringLiteral("ca.der"));
    QFile file(der);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_certificate.toDer());
    file.close();
    QCOMPARE(RemoteSourceDialog::loadCaFile(der).value(), QList<QSslCertificate> {m_certificate});
    caEdit->setText(der);
    QVERIFY2(dialog.validate().isEmpty(), qPrintable(dialog.validate()));
    QCOMPARE(dialog.trust().extraCa, QList<QSslCertificate> {m_certificate});

    // The page stores the dialog's settings for the origin: every source of it shows them.
    const int first = m_page->addUrl(QStringLiteral("https://127.0.0.1:1/a.json"), false);
    m_ring->cancel(first);
    keysource::NetworkOptions options;
    options.insecure = true;
    const int second = m_page->addUrl(QStringLiteral("https://127.0.0.1:1/b.json"), false, options);
    m_ring->cancel(second);
    QVERIFY(m_ring->trust()->settingsFor(m_ring->at(first).url()).insecure);
    m_page->selectSource(first);
    QVERIFY2(
        locationLabel()->text().contains(QStringLiteral("disable_jwk_security")), qPrintable(locationLabel()->text()));
}

bool TestKeysPage::makeCertificate(QString *error)
{
    return !m_certificate.isNull() || test::makeLocalhostCertificate(m_dir.path(), &m_certificate, &m_key, error);
}

void TestKeysPage::fetchFromLocalHttps()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QString error;
    if (!makeCertificate(&error))
        QSKIP(qPrintable(error));
    JwksServer server;
    QVERIFY(server.start(m_certificate, m_key));
    server.setBody(makeJwks({QStringLiteral("k1"), QStringLiteral("k2")}));

    keysource::NetworkOptions options;
    options.extraCa = {m_certificate};
    options.timeoutMs = 20000;
    QSignalSpy finished(m_ring.get(), &workspace::KeyRing::fetchFinished);
    const QString url = QStringLiteral("https://127.0.0.1:%1/jwks.json").arg(server.port());
    QCOMPARE(m_page->addUrl(url, false, options), 0);
    QVERIFY(m_ring->at(0).fetching);
    QVERIFY(statusLabel()->text().startsWith(QStringLiteral("fetching: ")));
    QVERIFY(progressBar()->isVisibleTo(m_page.get()));
    QVERIFY(cancelAction()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);

    const workspace::KeySource &source = m_ring->at(0);
    QVERIFY2(!source.error, qPrintable(source.errorText()));
    QCOMPARE(source.keys->kids(), (QStringList {QStringLiteral("k1"), QStringLiteral("k2")}));
    QCOMPARE(statusLabel()->text(), QStringLiteral("2 keys"));
    QCOMPARE(ageLabel()->text(), QStringLiteral("fetched just now"));
    QVERIFY(!progressBar()->isVisibleTo(m_page.get()));
    QVERIFY(!cancelAction()->isEnabled());
    QCOMPARE(keysModel()->rowCount(), 2);
    QCOMPARE(keysModel()->index(1, KeysModel::Kid).data().toString(), QStringLiteral("k2"));

    // The presented chain with its KrakenD pin, on the page and on the clipboard.
    QVERIFY(detailTabs()->isTabVisible(3));
    QCOMPARE(int(source.fetch->response.chain.size()), 1);
    const QString pin = keysource::certificatePin(m_certificate);
    QVERIFY(keysource::isValidPin(pin));
    QCOMPARE(source.fetch->response.chain.first().pin, pin);
    QCOMPARE(chainView()->topLevelItemCount(), 1);
    QCOMPARE(chainView()->topLevelItem(0)->text(4), pin);
    QVERIFY(chainView()->topLevelItem(0)->text(0).contains(QStringLiteral("localhost")));
    m_page->copyPin(0);
    QCOMPARE(QApplication::clipboard()->text(), pin);
    QVERIFY(fetchLabel()->text().contains(QStringLiteral("application/json")));
    QVERIFY(fetchLabel()->text().contains(QStringLiteral("200")));
    QVERIFY(fetchLabel()->text().contains(url.toHtmlEscaped()));

    // Rotation: k1 goes, k3 arrives.
    server.setBody(makeJwks({QStringLiteral("k2"), QStringLiteral("k3")}));
    m_page->refreshCurrent();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY2(!m_ring->at(0).error, qPrintable(m_ring->at(0).errorText()));
    QCOMPARE(m_ring->at(0).rotation.added, QStringList {QStringLiteral("k3")});
    QCOMPARE(m_ring->at(0).rotation.removed, QStringList {QStringLiteral("k1")});
    QCOMPARE(rotationLabel()->text(), QStringLiteral("Last refresh (key rotation): added k3; removed k1."));
    QCOMPARE(keysModel()->index(1, KeysModel::Kid).data().toString(), QStringLiteral("k3"));
    QCOMPARE(server.requests(), 2);

    // The same pin configured: the fetch passes.
    options.pins = {pin};
    QCOMPARE(m_page->addUrl(url, false, options), 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
    QVERIFY2(!m_ring->at(1).error, qPrintable(m_ring->at(1).errorText()));

    // Fetched keys verify a token in the inspector's Verify tab: the server now publishes the key that signed it.
    const auto signer = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value();
    const auto signerJwk
        = keys::Jwk::fromKey(signer, QStringLiteral("k9"), QStringLiteral("ES256"), QStringLiteral("sig"));
    server.setBody(QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {signerJwk.publicJson()}}})
                       .toJson(QJsonDocument::Compact));
    m_page->selectSource(1);
    m_page->refreshCurrent();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 30000);
    const auto token
        = keys::TokenSigner::sign(crypto::Algorithm::ES256, keys::JwkSet::fromKey(signerJwk, QStringLiteral("JWK")),
            QJsonObject {{QStringLiteral("sub"), QStringLiteral("alice")}, {QStringLiteral("exp"), test::kNow + 600}});
    QVERIFY(token.ok());
    // The panel verifies once the full self-test has run (the app runs it after its first paint, CryptoStartup);
    // signing the token above tested ES256 only.
    crypto::Backend::initialize();
    VerifyPanel panel(common::Clock::fixed(test::nowUtc()));
    panel.setKeyRing(m_ring.get());
    panel.setInspection(jose::Inspection::inspect(token->token, test::kNow));
    panel.setKeySource(1);
    QCOMPARE(common::verdictText(panel.verdict()), QStringLiteral("valid"));
    panel.setKeySource(0); // the other source serves k2/k3 only
    QCOMPARE(common::verdictText(panel.verdict()), QStringLiteral("invalid"));
}

void TestKeysPage::wrongPinFails()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QString error;
    if (!makeCertificate(&error))
        QSKIP(qPrintable(error));
    JwksServer server;
    QVERIFY(server.start(m_certificate, m_key));
    server.setBody(makeJwks({QStringLiteral("k1")}));
    keysource::NetworkOptions options;
    options.extraCa = {m_certificate};
    options.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    QSignalSpy finished(m_ring.get(), &workspace::KeyRing::fetchFinished);
    m_page->addUrl(QStringLiteral("https://127.0.0.1:%1/jwks.json").arg(server.port()), false, options);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(
        m_ring->at(0).errorText().startsWith(QStringLiteral("pin_mismatch: ")), qPrintable(m_ring->at(0).errorText()));
    QVERIFY(!m_ring->at(0).keys);
    QVERIFY(errorLabel()->isVisibleTo(m_page.get()));
    QCOMPARE(errorLabel()->toolTip(), QStringLiteral("Error code: pin_mismatch"));
    // The error names the pin actually presented, so that the user can compare.
    QVERIFY(m_ring->at(0).errorText().contains(keysource::certificatePin(m_certificate)));
    QCOMPARE(sourcesModel()->index(0).data(KeySourcesModel::StatusRole).toString(), m_ring->at(0).error->message);
}

void TestKeysPage::tlsFailureShowsTheChainAndTrustsTheCa()
{
    // A self-signed server and no CA for it: the failure shows the chain the server presented and offers the next
    // steps in place. "Trust this CA…" asks (showing the SHA-256), then every source of that origin is fetched
    // again and succeeds, and the other pages that use the origin (the Verify tab, the simulated gateway) see it.
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QString error;
    if (!makeCertificate(&error))
        QSKIP(qPrintable(error));
    const auto signer = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value();
    const auto signerJwk
        = keys::Jwk::fromKey(signer, QStringLiteral("k9"), QStringLiteral("ES256"), QStringLiteral("sig"));
    const QByteArray jwks = QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {signerJwk.publicJson()}}})
                                .toJson(QJsonDocument::Compact);
    JwksServer server;
    QVERIFY(server.start(m_certificate, m_key));
    server.setBody(jwks);
    const QString issuer = server.url(QStringLiteral("/realms/a"));
    server.setBody(QStringLiteral("/realms/a/.well-known/openid-configuration"),
        QJsonDocument(QJsonObject {{QStringLiteral("issuer"), issuer},
                          {QStringLiteral("jwks_uri"), server.url(QStringLiteral("/realms/a/certs"))}})
            .toJson(QJsonDocument::Compact));

    QSignalSpy finished(m_ring.get(), &workspace::KeyRing::fetchFinished);
    keysource::NetworkOptions options;
    options.timeoutMs = 20000;
    // The issuer as the Verify tab adds it (another page, the same origin).
    workspace::KeySource issuerSource = workspace::KeyRing::url(issuer, true);
    issuerSource.timeoutMs = 20000;
    const int issuerIndex = m_ring->add(issuerSource);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(m_page->addUrl(server.url(QStringLiteral("/jwks.json")), false, options), 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY2(m_ring->at(1).errorText().startsWith(u"tls_error: "), qPrintable(m_ring->at(1).errorText()));
    QVERIFY(errorLabel()->isVisibleTo(m_page.get()));

    // The chain presented, on the failure: subject, issuer, the pin; the certificate's SHA-256 in its tooltip.
    const QString pin = keysource::certificatePin(m_certificate);
    const QString sha256 = QString::fromLatin1(m_certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    QCOMPARE(detailTabs()->currentWidget()->objectName(), QStringLiteral("keyRemoteTab"));
    QCOMPARE(chainView()->topLevelItemCount(), 1);
    QCOMPARE(chainView()->topLevelItem(0)->text(0), QStringLiteral("localhost"));
    QCOMPARE(chainView()->topLevelItem(0)->text(1), QStringLiteral("localhost"));
    QCOMPARE(chainView()->topLevelItem(0)->text(4), pin);
    QVERIFY(chainView()->topLevelItem(0)->toolTip(0).contains(sha256));
    m_page->copyPin(0);
    QCOMPARE(QApplication::clipboard()->text(), pin);

    // The three next steps, in place.
    auto *actions = test::child<QWidget>(m_page.get(), "keyTlsActions");
    auto *trustCa = test::child<QPushButton>(m_page.get(), "keyTrustCa");
    auto *pinButton = test::child<QPushButton>(m_page.get(), "keyPinCertificate");
    auto *caFile = test::child<QPushButton>(m_page.get(), "keyAddCaFile");
    QVERIFY(actions->isVisibleTo(m_page.get()));
    QVERIFY(trustCa->isVisibleTo(m_page.get()));
    QVERIFY(pinButton->isVisibleTo(m_page.get()));
    QVERIFY(caFile->isVisibleTo(m_page.get()));
    QCOMPARE(trustCa->text(), QStringLiteral("Trust this CA…"));
    QCOMPARE(pinButton->text(), QStringLiteral("Pin this certificate"));
    QCOMPARE(caFile->text(), QStringLiteral("Add CA file…"));
    const QString origin = workspace::TrustStore::originOf(QUrl(server.url()));
    QVERIFY2(test::child<QLabel>(m_page.get(), "keyTlsHint")->text().contains(origin),
        qPrintable(test::child<QLabel>(m_page.get(), "keyTlsHint")->text()));

    // "No" changes nothing.
    m_answer = QMessageBox::No;
    trustCa->click();
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains(sha256));
    QVERIFY(m_ring->trust()->settings(origin).isEmpty());

    m_answer = QMessageBox::Yes;
    trustCa->click();
    QCOMPARE(m_ring->trust()->settings(origin).extraCa, QList<QSslCertificate> {m_certificate});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 30000); // both sources of the origin, fetched again
    QVERIFY2(!m_ring->at(1).error, qPrintable(m_ring->at(1).errorText()));
    QVERIFY2(!m_ring->at(issuerIndex).error, qPrintable(m_ring->at(issuerIndex).errorText()));
    QVERIFY(!actions->isVisibleTo(m_page.get()));
    QVERIFY(!errorLabel()->isVisibleTo(m_page.get()));
    QCOMPARE(chainView()->topLevelItem(0)->text(4), pin); // the chain of the successful fetch now

    // The Verify tab verifies with the issuer's keys fetched under the new trust.
    crypto::Backend::initialize();
    const auto token
        = keys::TokenSigner::sign(crypto::Algorithm::ES256, keys::JwkSet::fromKey(signerJwk, QStringLiteral("JWK")),
            QJsonObject {{QStringLiteral("iss"), issuer}, {QStringLiteral("exp"), test::kNow + 600}});
    QVERIFY(token.ok());
    VerifyPanel panel(common::Clock::fixed(test::nowUtc()));
    panel.setKeyRing(m_ring.get());
    panel.setInspection(jose::Inspection::inspect(token->token, test::kNow));
    panel.setKeySource(issuerIndex);
    QCOMPARE(common::verdictText(panel.verdict()), QStringLiteral("valid"));
    // The simulated gateway downloads a jwk_url of that origin with the CA too.
    QVERIFY(m_ring->trust()
                ->optionsForGateway(QUrl(server.url(QStringLiteral("/jwks.json"))), keysource::NetworkOptions())
                .extraCa.contains(m_certificate));
}

void TestKeysPage::tlsFailurePinsOrAddsACaFile()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QString error;
    if (!makeCertificate(&error))
        QSKIP(qPrintable(error));
    JwksServer server;
    QVERIFY(server.start(m_certificate, m_key));
    server.setBody(makeJwks({QStringLiteral("k1")}));
    QSignalSpy finished(m_ring.get(), &workspace::KeyRing::fetchFinished);
    keysource::NetworkOptions options;
    options.timeoutMs = 20000;
    m_page->addUrl(server.url(QStringLiteral("/jwks.json")), false, options);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(m_ring->at(0).tlsFailure);

    // "Pin this certificate": no question; the pin (and, since the chain did not verify, the certificate itself).
    test::child<QPushButton>(m_page.get(), "keyPinCertificate")->click();
    QVERIFY(m_questions.isEmpty());
    const QString origin = workspace::TrustStore::originOf(QUrl(server.url()));
    QCOMPARE(m_ring->trust()->settings(origin).pins, QStringList {keysource::certificatePin(m_certificate)});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY2(!m_ring->at(0).error, qPrintable(m_ring->at(0).errorText()));
    QCOMPARE(m_ring->at(0).keys->kids(), QStringList {QStringLiteral("k1")});

    // "Add CA file…" for another server (another origin): cancelled changes nothing, a file that is no certificate
    // says why, the server's PEM lets it through.
    QTemporaryDir otherDir;
    QSslCertificate otherCertificate;
    QSslKey otherKey;
    QVERIFY(test::makeLocalhostCertificate(otherDir.path(), &otherCertificate, &otherKey, &error));
    JwksServer other;
    QVERIFY(other.start(otherCertificate, otherKey));
    other.setBody(makeJwks({QStringLiteral("k2")}));
    m_page->addUrl(other.url(QStringLiteral("/jwks.json")), false, options);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
    QVERIFY(m_ring->at(1).tlsFailure);
    auto *caFile = test::child<QPushButton>(m_page.get(), "keyAddCaFile");
    caFile->click(); // the file dialog cancelled
    QVERIFY(m_errors.isEmpty());
    m_openPath = otherDir.filePath(QStringLiteral("server.key"));
    caFile->click();
    QCOMPARE(m_errors.size(), 1);
    const QString otherOrigin = workspace::TrustStore::originOf(QUrl(other.url()));
    QVERIFY(m_ring->trust()->settings(otherOrigin).isEmpty());
    m_openPath = otherDir.filePath(QStringLiteral("server.pem"));
    caFile->click();
    QCOMPARE(m_ring->trust()->settings(otherOrigin).extraCa, QList<QSslCertificate> {otherCertificate});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 30000);
    QVERIFY2(!m_ring->at(1).error, qPrintable(m_ring->at(1).errorText()));
    // The first origin kept its own settings.
    QVERIFY(!m_ring->trust()->settings(origin).extraCa.contains(otherCertificate));
}

void TestKeysPage::twoSourcesOnOneHostHaveTheirOwnNames()
{
    // Named by kind and path (core's KeySource::defaultName), on every page that lists sources.
    auto jwks = workspace::KeyRing::url(QStringLiteral("https://example.com/keys"), false);
    auto realm = workspace::KeyRing::url(QStringLiteral("https://example.com/realms/a/"), true);
    jwks.awaitingPermission = realm.awaitingPermission = true; // listed, not fetched
    m_ring->add(jwks);
    m_ring->add(realm);
    QCOMPARE(
        sourcesModel()->index(0).data(KeySourcesModel::NameRole).toString(), QStringLiteral("JWKS example.com/keys"));
    QCOMPARE(sourcesModel()->index(1).data(KeySourcesModel::NameRole).toString(),
        QStringLiteral("OIDC example.com/realms/a"));
    m_page->selectSource(1);
    QCOMPARE(titleLabel()->text(), QStringLiteral("OIDC example.com/realms/a"));
}

void TestKeysPage::fetchesSideBySide()
{
    // Two sources fetched at once (a workspace's "Fetch now", a restored session): the second one must not cut
    // the first one's connection (it used to clear the shared connection cache, and the first hung until its
    // timeout).
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QString error;
    if (!makeCertificate(&error))
        QSKIP(qPrintable(error));
    JwksServer server;
    QVERIFY(server.start(m_certificate, m_key));
    server.setBody(makeJwks({QStringLiteral("k1")}));
    keysource::NetworkOptions options;
    options.extraCa = {m_certificate};
    options.timeoutMs = 20000;
    QSignalSpy finished(m_ring.get(), &workspace::KeyRing::fetchFinished);
    m_page->addUrl(QStringLiteral("https://127.0.0.1:%1/a.json").arg(server.port()), false, options);
    m_page->addUrl(QStringLiteral("https://127.0.0.1:%1/b.json").arg(server.port()), false, options);
    QVERIFY(m_ring->at(0).fetching);
    QVERIFY(m_ring->at(1).fetching);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    for (int i = 0; i < 2; ++i) {
        QVERIFY2(!m_ring->at(i).error, qPrintable(m_ring->at(i).errorText()));
        QVERIFY(m_ring->at(i).keys.has_value());
    }
    QCOMPARE(server.requests(), 2);
}

void TestKeysPage::cancelStopsAFetch()
{
    // A server that accepts connections and never says a word.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });
    keysource::NetworkOptions options;
    options.timeoutMs = 60000;
    QSignalSpy finished(m_ring.get(), &workspace::KeyRing::fetchFinished);
    m_page->addUrl(QStringLiteral("https://127.0.0.1:%1/jwks.json").arg(silent.serverPort()), false, options);
    QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 10000);
    QVERIFY(m_ring->at(0).fetching);
    QVERIFY(progressBar()->isVisibleTo(m_page.get()));
    QCOMPARE(sourcesModel()->index(0).data(KeySourcesModel::FetchingRole).toBool(), true);
    m_page->cancelCurrent();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!m_ring->at(0).fetching);
    QVERIFY2(
        m_ring->at(0).errorText().startsWith(QStringLiteral("cancelled: ")), qPrintable(m_ring->at(0).errorText()));
    QVERIFY(!progressBar()->isVisibleTo(m_page.get()));
    QVERIFY(errorLabel()->text().contains(QStringLiteral("The fetch was cancelled")));
    // Nothing arrives later from the abandoned fetch.
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
}

void TestKeysPage::screenshot()
{
    // Only on request: JWB_KEYS_SHOT=<png path> [JWB_KEYS_SHOT_WAIT=<ms>] shows the page at 1280x800.
    const QString path = qEnvironmentVariable("JWB_KEYS_SHOT");
    if (path.isEmpty())
        QSKIP("set JWB_KEYS_SHOT=<file.png> to take a screenshot of the page");
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    m_page->addPasted(test::rfc7517JwksText(QStringLiteral("A.1")));
    const QJsonObject b = test::readJson(test::sharedPath(QStringLiteral("testvectors/rfc/7517.json")))
                              .object()
                              .value(QStringLiteral("keys"))
                              .toObject()
                              .value(QStringLiteral("B"))
                              .toObject()
                              .value(QStringLiteral("jwk"))
                              .toObject();
    m_page->addPasted(QString::fromUtf8(QJsonDocument(b).toJson()));
    m_page->addFile(QStringLiteral("/nonexistent/keys/broken.pem"));
    m_answer = QMessageBox::Yes;
    m_page->addPasted(QStringLiteral("my-gateway-shared-secret-for-hs256"));
    KeyGeneratorDialog::Options options;
    options.algorithm = crypto::Algorithm::ES256;
    options.kidFromThumbprint = true;
    m_page->generate(options);
    QString error;
    JwksServer server;
    if (QSslSocket::supportsSsl() && makeCertificate(&error) && server.start(m_certificate, m_key)) {
        server.setBody(makeJwks({QStringLiteral("2026-11-a"), QStringLiteral("2026-11-b")}));
        keysource::NetworkOptions network;
        network.extraCa = {m_certificate};
        QSignalSpy finished(m_ring.get(), &workspace::KeyRing::fetchFinished);
        m_page->addUrl(QStringLiteral("https://127.0.0.1:%1/jwks.json").arg(server.port()), false, network);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        server.setBody(makeJwks({QStringLiteral("2026-11-b"), QStringLiteral("2026-12-a")}));
        m_page->refreshCurrent();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    }
    // JWB_KEYS_SHOT_TLS_FAILURE=1: one more source, on the same self-signed server without its CA (shown last).
    JwksServer selfSigned;
    if (qEnvironmentVariableIntValue("JWB_KEYS_SHOT_TLS_FAILURE") == 1 && QSslSocket::supportsSsl()
        && makeCertificate(&error) && selfSigned.start(m_certificate, m_key)) {
        QSignalSpy finished(m_ring.get(), &workspace::KeyRing::fetchFinished);
        keysource::NetworkOptions network;
        network.timeoutMs = 20000;
        m_page->addUrl(selfSigned.url(QStringLiteral("/realms/a/jwks.json")), false, network);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    }
    const int select = qEnvironmentVariableIntValue("JWB_KEYS_SHOT_SOURCE");
    m_page->selectSource(select >= 0 && select < m_ring->count() ? select : m_ring->count() - 1);
    if (const int tab = qEnvironmentVariableIntValue("JWB_KEYS_SHOT_TAB"); tab > 0)
        detailTabs()->setCurrentIndex(tab);
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    const int wait = qEnvironmentVariableIntValue("JWB_KEYS_SHOT_WAIT");
    QTest::qWait(wait > 0 ? wait : 300);
    QVERIFY(m_page->grab().save(path));

    // The two dialogs, next to the page's picture.
    KeyGeneratorDialog generator;
    KeyGeneratorDialog::Options rsa;
    rsa.algorithm = crypto::Algorithm::PS256;
    rsa.rsaBits = 4096;
    rsa.kid = QStringLiteral("2026-11");
    generator.setOptions(rsa);
    generator.show();
    QVERIFY(QTest::qWaitForWindowExposed(&generator));
    QVERIFY(generator.grab().save(QString(path).replace(QStringLiteral(".png"), QStringLiteral("-generator.png"))));
    RemoteSourceDialog remote;
    remote.setSource(workspace::KeyRing::url(QStringLiteral("https://idp.example.com"), true));
    workspace::TrustSettings trust;
    trust.pins = {QStringLiteral("7voDjuQJhyRLo_yn3gb--oPSq75Sj18ndisDE9qrqv8=")};
    trust.insecure = true;
    remote.setTrust(trust);
    remote.show();
    QVERIFY(QTest::qWaitForWindowExposed(&remote));
    QVERIFY(remote.grab().save(QString(path).replace(QStringLiteral(".png"), QStringLiteral("-remote.png"))));
}

QTEST_MAIN(TestKeysPage)
#include "tst_keyspage.moc"
