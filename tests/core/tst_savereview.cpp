// SaveReview: which lint errors of a krakend.json lie in what an edit changed against the file on disk (what the
// Gateway's Save asks about), and how many errors the result has in all.
#include "krakend/ConfigDocument.h"
#include "krakend/Namespaces.h"
#include "krakend/SaveReview.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace jwb;
using krakend::ConfigDocument;

namespace {
/// Three endpoints: /a and /b with a valid validator, /c with one that lacks "alg" (an error already on disk).
// (No raw string: moc reads "//" in one as a comment.)
const QByteArray kConfig
    = "{\n"
      "  \"version\": 3,\n"
      "  \"endpoints\": [\n"
      "    {\"endpoint\": \"/a\", \"backend\": [{\"url_pattern\": \"/a\", \"host\": [\"http://svc\"]}],\n"
      "     \"extra_config\": {\"auth/validator\": {\"alg\": \"RS256\", \"jwk_url\": "
      "\"https://idp.example.com/jwks.json\"}}},\n"
      "    {\"endpoint\": \"/b\", \"backend\": [{\"url_pattern\": \"/b\", \"host\": [\"http://svc\"]}],\n"
      "     \"extra_config\": {\"auth/validator\": {\"alg\": \"RS256\", \"jwk_url\": "
      "\"https://idp.example.com/jwks.json\"}}},\n"
      "    {\"endpoint\": \"/c\", \"backend\": [{\"url_pattern\": \"/c\", \"host\": [\"http://svc\"]}],\n"
      "     \"extra_config\": {\"auth/validator\": {\"jwk_url\": \"https://idp.example.com/jwks.json\"}}}\n"
      "  ]\n"
      "}\n"
      "\n";

ConfigDocument document()
{
    return ConfigDocument::fromText(kConfig).value();
}

QJsonObject validator(const ConfigDocument &doc, int endpoint)
{
    return doc.endpointBlock(endpoint, krakend::Namespace::validator);
}

QList<int> endpointsOf(const QList<krakend::LintItem> &items)
{
    QList<int> out;
    for (const auto &item : items)
        out.append(item.endpoint);
    return out;
}
} // namespace

class TestSaveReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unchangedAsksNothing()
    {
        const auto review = krakend::reviewSave(document(), kConfig);
        QVERIFY(!review.changed);
        QVERIFY(!review.serviceChanged);
        QVERIFY(review.changedEndpoints.isEmpty());
        QVERIFY(review.editedErrors.isEmpty());
        QVERIFY(!review.needsConfirmation());
        QVERIFY(review.totalErrors >= 1); // /c fails on disk already
    }

    void errorInTheEditedBlock()
    {
        ConfigDocument doc = document();
        QJsonObject block = validator(doc, 0);
        block.remove(QStringLiteral("alg"));
        QVERIFY(doc.setEndpointBlock(0, krakend::Namespace::validator, block).ok());
        const auto review = krakend::reviewSave(doc, kConfig);
        QVERIFY(review.changed);
        QCOMPARE(review.changedEndpoints, QList<int> {0});
        QVERIFY(review.needsConfirmation());
        // Only /a's new error; /c's old one is counted in the total, not asked about.
        QVERIFY(!review.editedErrors.isEmpty());
        for (int endpoint : endpointsOf(review.editedErrors))
            QCOMPARE(endpoint, 0);
        QCOMPARE(review.totalErrors, 2 * static_cast<int>(review.editedErrors.size()));
    }

    void cleanEditBesideAnOldError()
    {
        ConfigDocument doc = document();
        QJsonObject block = validator(doc, 1);
        block.insert(QStringLiteral("issuer"), QStringLiteral("https://idp.example.com/"));
        QVERIFY(doc.setEndpointBlock(1, krakend::Namespace::validator, block).ok());
        const auto review = krakend::reviewSave(doc, kConfig);
        QCOMPARE(review.changedEndpoints, QList<int> {1});
        QVERIFY(!review.needsConfirmation());
        QVERIFY(review.totalErrors >= 1);
    }

    void movedAndRemovedEndpointsAreNotEdits()
    {
        ConfigDocument doc = document();
        QVERIFY(doc.removeEndpoint(0).ok()); // /c is now at index 1
        const auto review = krakend::reviewSave(doc, kConfig);
        QVERIFY(review.changed);
        QVERIFY(review.changedEndpoints.isEmpty());
        QVERIFY(!review.needsConfirmation());
    }

    void copiedEndpointCountsAsNew()
    {
        // A copy of /c (with its error) is something the edit added, even though the same text is on disk once.
        ConfigDocument doc = document();
        const auto added = doc.addEndpoint(doc.endpoint(2));
        QVERIFY(added.ok());
        const auto review = krakend::reviewSave(doc, kConfig);
        QCOMPARE(review.changedEndpoints, QList<int> {added.value()});
        QVERIFY(review.needsConfirmation());
        for (int endpoint : endpointsOf(review.editedErrors))
            QCOMPARE(endpoint, added.value());
    }

    void serviceBlocksTakePartInEveryEndpoint()
    {
        // A service-level auth/validator without shared_cache_duration: its own error is asked about, and so is
        // every endpoint error, since the service block takes part in each endpoint's lint.
        ConfigDocument doc = document();
        QVERIFY(doc.setServiceBlock(krakend::Namespace::validator, QJsonObject {}).ok());
        const auto review = krakend::reviewSave(doc, kConfig);
        QVERIFY(review.serviceChanged);
        QVERIFY(review.changedEndpoints.isEmpty());
        QVERIFY(endpointsOf(review.editedErrors).contains(-1));
        QVERIFY(endpointsOf(review.editedErrors).contains(2));
        QCOMPARE(review.editedErrors.size(), review.totalErrors);
    }

    void noFileOnDiskIsAllNew()
    {
        const auto none = krakend::reviewSave(document(), std::nullopt);
        QVERIFY(none.changed);
        QCOMPARE(none.changedEndpoints, (QList<int> {0, 1, 2}));
        QCOMPARE(none.editedErrors.size(), none.totalErrors);
        QVERIFY(none.needsConfirmation());
        // Bytes that are not a JSON object are nothing to keep either.
        const auto garbage = krakend::reviewSave(document(), QByteArray("not json"));
        QCOMPARE(garbage.changedEndpoints, (QList<int> {0, 1, 2}));
        QCOMPARE(garbage.editedErrors.size(), garbage.totalErrors);
    }

    void warningsAreNotAsked()
    {
        // An endpoint whose only findings are warnings or notes needs no confirmation.
        ConfigDocument doc = document();
        const QJsonObject fresh {{QStringLiteral("endpoint"), QStringLiteral("/d")},
            {QStringLiteral("backend"),
                QJsonArray {QJsonObject {{QStringLiteral("url_pattern"), QStringLiteral("/d")},
                    {QStringLiteral("host"), QJsonArray {QStringLiteral("http://svc")}}}}},
            {QStringLiteral("extra_config"),
                QJsonObject {{krakend::Namespace::validator,
                    QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")},
                        {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks.json")},
                        {QStringLiteral("cache"), true}}}}}};
        QVERIFY(doc.addEndpoint(fresh).ok());
        const auto review = krakend::reviewSave(doc, kConfig);
        QCOMPARE(review.changedEndpoints, QList<int> {3});
        QVERIFY(!review.needsConfirmation());
        for (const auto &item : review.editedErrors)
            QCOMPARE(item.finding.severity, common::Severity::Error);
    }
};

QTEST_GUILESS_MAIN(TestSaveReview)
#include "tst_savereview.moc"
