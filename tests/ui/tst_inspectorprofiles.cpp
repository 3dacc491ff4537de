// The Inspector's Findings tab shows the token profiles (validation::TokenProfiles): an RFC 9449 DPoP proof
// (its signature checked with its own jwk, said so), paired with the access token of another input by its ath (in
// both directions: ath, and cnf.jkt against the proof's key), and an RFC 9068 access token missing a claim.
#include "TestData.h"
#include "UiTestHelpers.h"

#include "common/Clock.h"
#include "inspector/FindingsModel.h"
#include "inspector/InspectorWidget.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTest>

using namespace jwb;
using jwb::test::child;

namespace {

QJsonObject rfc9449()
{
    return test::readJson(test::sharedPath(QStringLiteral("testvectors/rfc/9449.json"))).object();
}

QString rfc9449Compact(const QString &id)
{
    for (const auto &t : rfc9449().value(QStringLiteral("tokens")).toArray()) {
        if (t.toObject().value(QStringLiteral("id")).toString() == id)
            return t.toObject().value(QStringLiteral("compact")).toString();
    }
    return {};
}

/// The codes the Findings tab's table shows, row by row.
QStringList shownCodes(QTableView *view)
{
    QStringList codes;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        codes << view->model()->index(row, ui::FindingsModel::CodeColumn).data().toString();
    return codes;
}

QString shownMessage(QTableView *view, const QString &code)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, ui::FindingsModel::CodeColumn).data().toString() == code)
            return view->model()->index(row, ui::FindingsModel::MessageColumn).data().toString();
    }
    return {};
}

} // namespace

class TestInspectorProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dpopProofFindings();
    void dpopPairedWithAccessToken();
    void accessTokenPairedWithProof();
    void accessTokenFindings();
};

void TestInspectorProfiles::dpopProofFindings()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    ui::InspectorWidget inspector(common::Clock::fixed(test::nowUtc()));
    inspector.show();
    inspector.setTokenText(rfc9449Compact(QStringLiteral("rfc9449-4.1-1")));
    inspector.showTab(ui::InspectorWidget::Tab::Findings);
    auto *view = child<QTableView>(&inspector, "findingsView");
    QVERIFY(view);
    const QStringList codes = shownCodes(view);
    QVERIFY2(codes.contains(QStringLiteral("profile_dpop_proof")), qPrintable(codes.join(u',')));
    QVERIFY(codes.contains(QStringLiteral("dpop_signature_valid")));
    QVERIFY(shownMessage(view, QStringLiteral("dpop_signature_valid"))
                .contains(QStringLiteral("only for the DPoP proof itself")));
    // The embedded jwk is expected here: information, not the warning of other tokens.
    QVERIFY(shownMessage(view, QStringLiteral("embedded_jwk")).contains(QStringLiteral("this proof's own signature")));
    // Copy as JSON carries the profile as decode --json does.
    const QJsonObject doc = QJsonDocument::fromJson(inspector.decodedJson().toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("profile")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("dpop_proof"));
}

void TestInspectorProfiles::dpopPairedWithAccessToken()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    ui::InspectorWidget inspector(common::Clock::fixed(test::nowUtc()));
    inspector.show();
    inspector.addInput(QStringLiteral("proof"), rfc9449Compact(QStringLiteral("rfc9449-7.1-5")));
    inspector.showTab(ui::InspectorWidget::Tab::Findings);
    auto *view = child<QTableView>(&inspector, "findingsView");
    QVERIFY(view);
    QVERIFY(shownCodes(view).contains(QStringLiteral("dpop_ath")));
    QVERIFY(!shownCodes(view).contains(QStringLiteral("dpop_ath_match")));

    // The opaque access token of RFC 9449 section 5 in a second input, as an Authorization header.
    const QString accessToken
        = rfc9449().value(QStringLiteral("access_token_opaque")).toObject().value(QStringLiteral("value")).toString();
    inspector.addInput(QStringLiteral("access token"), accessToken);
    inspector.setCurrentInput(0);
    QVERIFY2(shownCodes(view).contains(QStringLiteral("dpop_ath_match")), qPrintable(shownCodes(view).join(u',')));
}

void TestInspectorProfiles::accessTokenPairedWithProof()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    // The RFC's access token with cnf.jkt (section 6.1), and a proof of the same key whose ath is that token's hash:
    // the 7.1 proof's ath is the opaque token's, so its header and key are reused with a new ath (its signature is
    // not what is compared: only the key).
    const QString accessToken = rfc9449Compact(QStringLiteral("rfc9449-6.1-4"));
    QStringList proofParts = rfc9449Compact(QStringLiteral("rfc9449-7.1-5")).split(u'.');
    const QByteArray ath = QCryptographicHash::hash(accessToken.toLatin1(), QCryptographicHash::Sha256)
                               .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload
        = QByteArray(R"({"jti":"j","htm":"GET","htu":"https://resource.example.org/r","iat":1562262618,"ath":")") + ath
        + QByteArray("\"}");
    proofParts[1]
        = QString::fromLatin1(payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));

    ui::InspectorWidget inspector(common::Clock::fixed(test::nowUtc()));
    inspector.show();
    inspector.addInput(QStringLiteral("access token"), accessToken);
    inspector.showTab(ui::InspectorWidget::Tab::Findings);
    auto *view = child<QTableView>(&inspector, "findingsView");
    QVERIFY(view);
    QVERIFY(shownCodes(view).contains(QStringLiteral("cnf_jkt")));
    inspector.addInput(QStringLiteral("proof"), proofParts.join(u'.'));
    inspector.setCurrentInput(0);
    QVERIFY2(shownCodes(view).contains(QStringLiteral("cnf_jkt_match")), qPrintable(shownCodes(view).join(u',')));
}

void TestInspectorProfiles::accessTokenFindings()
{
    const QByteArray header = R"({"alg":"RS256","typ":"at+jwt"})";
    const QByteArray payload
        = R"({"iss":"https://as.example.com","exp":1893456000,"aud":"api","sub":"u1","iat":1893452400,"jti":"j1"})";
    const auto b64u = [](const QByteArray &d) {
        return d.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    ui::InspectorWidget inspector(common::Clock::fixed(test::nowUtc()));
    inspector.show();
    inspector.setTokenText(QString::fromLatin1(b64u(header) + '.' + b64u(payload) + '.' + b64u("sig")));
    inspector.showTab(ui::InspectorWidget::Tab::Findings);
    auto *view = child<QTableView>(&inspector, "findingsView");
    QVERIFY(view);
    const QStringList codes = shownCodes(view);
    QVERIFY2(codes.contains(QStringLiteral("profile_access_token")), qPrintable(codes.join(u',')));
    QVERIFY(codes.contains(QStringLiteral("at_claim_missing")));
    QVERIFY(shownMessage(view, QStringLiteral("at_claim_missing")).contains(QStringLiteral("client_id")));
}

QTEST_MAIN(TestInspectorProfiles)
#include "tst_inspectorprofiles.moc"
