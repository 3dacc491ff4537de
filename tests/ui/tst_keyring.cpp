// The key ring as the Keys page shows it: the status texts of each source kind and state (the ring itself is
// tested in tests/core/tst_keyring.cpp) and the two item models of the Keys page, each under
// QAbstractItemModelTester.

#include "KeyRingCases.h"
#include "TestData.h"
#include "UiTestHelpers.h"

#include "crypto/Key.h"
#include "keys/KeySourcesModel.h"
#include "keys/KeysModel.h"
#include "workspace/KeyRing.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace jwb;
using namespace jwb::ui;

namespace {

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
    void waitingSourceSaysSo();
    void ringErrorsInTheUisWords();
    void fetchProgressInWords();
    void sourcesModelFollowsTheRing();
    void keysModelShowsKeys();
    void keysModelShowsSkippedKeys();
    void keysModelCertificateColumn();
};

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

    workspace::KeyRing ring(fixedClock());
    QSignalSpy changed(&ring, &workspace::KeyRing::sourceChanged);
    const int index = kind == u"secret" ? ring.add(workspace::KeyRing::secret(QStringLiteral("s"), text, encoding))
                                        : ring.add(workspace::KeyRing::pasted(QStringLiteral("p"), text));
    QCOMPARE(index, 0);
    QVERIFY(!changed.isEmpty());
    const workspace::KeySource &source = ring.at(0);
    QVERIFY2(!source.error, qPrintable(source.errorText()));
    QCOMPARE(source.keys->format, format);
    QCOMPARE(
        KeySourcesModel::statusText(source), keys == 1 ? QStringLiteral("1 key") : QStringLiteral("%1 keys").arg(keys));
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

    workspace::KeyRing ring(fixedClock());
    kind == u"secret" ? ring.add(workspace::KeyRing::secret(QStringLiteral("s"), text, encoding))
                      : ring.add(workspace::KeyRing::pasted(QStringLiteral("p"), text));
    const workspace::KeySource &source = ring.at(0);
    QVERIFY(!source.keys.has_value());
    QVERIFY2(source.errorText().startsWith(code + QStringLiteral(": ")), qPrintable(source.errorText()));
    // The GUI's words: the sentence alone, the code in the details line (issue #19 item 9).
    QCOMPARE(KeySourcesModel::statusText(source), KeySourcesModel::errorMessage(source));
    QVERIFY(!KeySourcesModel::statusText(source).startsWith(code));
    QCOMPARE(KeySourcesModel::errorCodeLine(source), QStringLiteral("Error code: ") + code);
}

void TestKeyRing::waitingSourceSaysSo()
{
    const QJsonArray workspace {QJsonObject {{QStringLiteral("kind"), QStringLiteral("jwk_url")},
        {QStringLiteral("location"), QStringLiteral("https://127.0.0.1:1/jwks.json")}}};
    workspace::KeyRing ring(fixedClock());
    QVERIFY(ring.fromJson(workspace, workspace::WorkspaceOrigin::File).ok());
    QVERIFY(ring.at(0).awaitingPermission);
    QCOMPARE(KeySourcesModel::statusText(ring.at(0)),
        QStringLiteral("not fetched: waiting for your permission (Refresh fetches it)"));
}

void TestKeyRing::ringErrorsInTheUisWords()
{
    // The ring's own errors are data; the model words them as sentences, the code apart (errorCodeLine).
    workspace::KeyRing ring(fixedClock());
    ring.add(workspace::KeyRing::url(QStringLiteral("not a url"), false));
    QCOMPARE(KeySourcesModel::errorMessage(ring.at(0)), QStringLiteral("“not a url” is not a URL"));
    QCOMPARE(KeySourcesModel::errorCodeLine(ring.at(0)), QStringLiteral("Error code: invalid_url"));
    QCOMPARE(KeySourcesModel::statusText(ring.at(0)), KeySourcesModel::errorMessage(ring.at(0)));
    ring.add(workspace::KeyRing::pasted(QStringLiteral("p"), QStringLiteral("  ")));
    QCOMPARE(KeySourcesModel::errorMessage(ring.at(1)), QStringLiteral("No key given"));
    workspace::KeySource missing = ring.at(1);
    missing.error = workspace::KeySource::secretNotStoredError();
    QVERIFY(KeySourcesModel::errorMessage(missing).startsWith(QStringLiteral("the secret was not")));
    missing.error = common::Error::of(common::ErrorCode::Cancelled, QStringLiteral("x"));
    QCOMPARE(KeySourcesModel::errorMessage(missing), QStringLiteral("The fetch was cancelled"));
    // An invalid_url of the fetch itself (not the ring's "not a URL") keeps its own words.
    missing.error
        = common::Error::of(common::ErrorCode::InvalidUrl, QStringLiteral("\"ftp://x\" is not an http(s) URL"));
    QCOMPARE(KeySourcesModel::errorMessage(missing), QStringLiteral("\"ftp://x\" is not an http(s) URL"));
    missing.error.reset();
    QVERIFY(KeySourcesModel::errorMessage(missing).isEmpty());
    QVERIFY(KeySourcesModel::errorCodeLine(missing).isEmpty());
}

void TestKeyRing::fetchProgressInWords()
{
    using Stage = workspace::FetchProgress::Stage;
    QCOMPARE(KeySourcesModel::progressText({Stage::Connecting, {}, 0, -1}), QStringLiteral("Connecting…"));
    QCOMPARE(KeySourcesModel::progressText({Stage::Step, QStringLiteral("Reading it"), 0, -1}),
        QStringLiteral("Reading it"));
    QCOMPARE(
        KeySourcesModel::progressText({Stage::Downloading, {}, 10, 20}), QStringLiteral("Downloading 10 of 20 bytes"));
    QCOMPARE(KeySourcesModel::progressText({Stage::Downloading, {}, 10, -1}), QStringLiteral("Downloading 10 bytes"));
    workspace::KeySource fetching = workspace::KeyRing::url(QStringLiteral("https://idp.example.com/jwks"), false);
    fetching.fetching = true;
    fetching.progress = {Stage::Downloading, {}, 10, 20};
    QCOMPARE(KeySourcesModel::statusText(fetching), QStringLiteral("fetching: Downloading 10 of 20 bytes"));
}

void TestKeyRing::sourcesModelFollowsTheRing()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    workspace::KeyRing ring(fixedClock());
    KeySourcesModel model(&ring);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), 0);
    ring.add(workspace::KeyRing::pasted(QStringLiteral("set"), test::rfc7517JwksText(QStringLiteral("A.1"))));
    ring.add(workspace::KeyRing::pasted(QStringLiteral("broken"), QStringLiteral("{\"keys\": 3}")));
    ring.add(workspace::KeyRing::secret(
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
    const auto set = keys::JwkSet::fromJson(test::rfc7517JwksText(QStringLiteral("A.1")).toUtf8());
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
    QCOMPARE(model.index(1, KeysModel::Note).data().toString(), set->skipped.at(0).error.message);
    QVERIFY(!model.index(1, KeysModel::Note).data().toString().isEmpty());
    QCOMPARE(model.index(2, KeysModel::Kid).data().toString(), QStringLiteral("weird"));
    QVERIFY(model.skippedAt(2));
    QVERIFY(!model.jwkAt(2));
}

void TestKeyRing::keysModelCertificateColumn()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    const QJsonObject jwk = test::rfc7517()
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
