// The JWK cache timeline dialog (issue #18 item 6): the endpoint's cache settings, a key rotation scenario, the
// downloads and requests in time order, and when the new kid is first accepted.
#include "gateway/JwkCacheTimelineView.h"
#include "krakend/ValidatorConfig.h"

#include <QJsonDocument>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace jwb;

class TestJwkCacheTimelineView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotationWithCooldown()
    {
        const auto cfg = krakend::ValidatorConfig::fromJson(
            QJsonDocument::fromJson("{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", \"cache\": true, "
                                    "\"failed_jwk_key_cooldown\": \"5m\"}")
                .object());
        ui::JwkCacheTimelineView view(cfg);
        auto *summary = view.findChild<QLabel *>(QStringLiteral("jwkCacheSummary"));
        auto *table = view.findChild<QTableWidget *>(QStringLiteral("jwkCacheTable"));
        auto *settings = view.findChild<QLabel *>(QStringLiteral("jwkCacheSettings"));
        QVERIFY(summary && table && settings);
        QVERIFY(settings->text().contains(QStringLiteral("fails for 300 s without a download")));
        // Defaults: published at 600 s, tokens with the new kid from 590 s, a request every 30 s until 1800 s.
        // 590 s is no request time: the first request with the new kid comes at 600 s, with the publication, and the
        // kid is downloaded at once (the third download: its entry expires 900 s later, at 1500 s).
        QCOMPARE(summary->text(),
            QStringLiteral(
                "3 downloads of the key set. The new kid is published at 600 s and first accepted at 600 s; "
                "0 requests with it got 401 after its publication."));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("download (warm-up)"));

        // Tokens with the new kid from 570 s: the 570 s request fails and starts the cooldown; the kid is published
        // at 600 s but refused without a download until 870 s.
        view.findChild<QSpinBox *>(QStringLiteral("jwkFirstTokenAt"))->setValue(570);
        QCOMPARE(summary->text(),
            QStringLiteral(
                "4 downloads of the key set. The new kid is published at 600 s and first accepted at 870 s; "
                "9 requests with it got 401 after its publication."));
        bool sawCooldown = false;
        for (int row = 0; row < table->rowCount(); ++row)
            sawCooldown = sawCooldown || table->item(row, 3)->text().startsWith(QStringLiteral("cooldown:"));
        QVERIFY(sawCooldown);

        if (const QByteArray shot = qgetenv("JWB_SCREENSHOT"); !shot.isEmpty()) {
            view.show();
            QTest::qWait(300);
            QVERIFY(view.grab().save(QString::fromLocal8Bit(shot)));
        }
    }
};

QTEST_MAIN(TestJwkCacheTimelineView)
#include "tst_jwkcachetimelineview.moc"
