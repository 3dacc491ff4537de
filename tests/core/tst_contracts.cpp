// Typed contracts of core/common: the names of checks, outcomes, verdicts and error codes. Every enumerator's
// text round-trips through its name table, and the tables equal pinned lists: check names and outcomes are
// printed by `verify --json` (checks[].name) and `simulate --json` (checks[].name, checks[].result), error codes
// by every `--json` failure (error.code), so renaming one is a break of the CLI contract (docs/cli.md), not a
// refactoring. The one classification of errors (isNetworkError, isUsageError) is pinned too. Also: how the two
// producers of checks (validation::Verifier, krakend::Simulator) fill common::Check, and the JSON shape of both reports
// built from it.
#include "common/Check.h"
#include "common/Result.h"
#include "common/Verdict.h"
#include "crypto/Algorithm.h"
#include "crypto/Backend.h"
#include "keys/JwkSet.h"
#include "keys/TokenSigner.h"
#include "krakend/Simulator.h"
#include "validation/Verifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace jwb;
using common::Check;
using common::CheckName;
using common::ErrorCode;
using common::Outcome;
using common::Verdict;

namespace {

constexpr qint64 kNow = 1800000000; // 2027-01-15T08:00:00Z

// The check names as the CLI prints them today, in the table's order. The generic verifier uses parse … iat
// (without config, token and the steps after iat), KrakenD's simulator every name but crit, typ and key_use.
const QStringList kPinnedCheckNames = {QStringLiteral("config"), QStringLiteral("token"), QStringLiteral("parse"),
    QStringLiteral("alg"), QStringLiteral("crit"), QStringLiteral("typ"), QStringLiteral("key"),
    QStringLiteral("key_use"), QStringLiteral("signature"), QStringLiteral("claim_types"), QStringLiteral("iss"),
    QStringLiteral("aud"), QStringLiteral("nbf"), QStringLiteral("exp"), QStringLiteral("iat"),
    QStringLiteral("claims_map"), QStringLiteral("revocation"), QStringLiteral("roles"), QStringLiteral("scopes"),
    QStringLiteral("propagate_claims"), QStringLiteral("url_params"), QStringLiteral("backend")};

// A 32-byte HS256 secret as a JWK Set (the simulator reads the same JSON as a replacement set).
const QByteArray kOctJwks = R"({"keys":[{"kty":"oct","kid":"k1","alg":"HS256",)"
                            R"("k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYnk"}]})";

keys::JwkSet octSet()
{
    auto set = keys::JwkSet::fromJson(kOctJwks);
    return set ? set.value() : keys::JwkSet();
}

QString signedToken(const QJsonObject &payload)
{
    const auto signedTok = keys::TokenSigner::sign(crypto::Algorithm::HS256, octSet(), payload);
    return signedTok ? signedTok->token : QString();
}

// The error codes as core writes them today (HttpFetch, JwksFetcher, JwkSet, BoundedFile, KeyLoader, the key
// ring and the workspace reader), in the table's order.
const QStringList kPinnedErrorCodes = {QStringLiteral("usage"), QStringLiteral("invalid_url"),
    QStringLiteral("insecure_url"), QStringLiteral("dns_failure"), QStringLiteral("connection_refused"),
    QStringLiteral("tls_error"), QStringLiteral("pin_mismatch"), QStringLiteral("timeout"), QStringLiteral("too_large"),
    QStringLiteral("redirect_insecure"), QStringLiteral("invalid_redirect"), QStringLiteral("too_many_redirects"),
    QStringLiteral("http_status"), QStringLiteral("network_error"), QStringLiteral("cancelled"),
    QStringLiteral("invalid_json"), QStringLiteral("not_jwks"), QStringLiteral("empty_jwks"),
    QStringLiteral("invalid_jwk"), QStringLiteral("no_jwks_uri"), QStringLiteral("issuer_mismatch"),
    QStringLiteral("unreadable_file"), QStringLiteral("input_too_large"), QStringLiteral("unknown_key_format"),
    QStringLiteral("secret_not_stored"), QStringLiteral("cannot_read"), QStringLiteral("not_workspace"),
    QStringLiteral("unsupported_workspace"), QStringLiteral("invalid_workspace"), QStringLiteral("no_key"),
    QStringLiteral("invalid_certificate")};

} // namespace

class TestContracts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checkNamesRoundTrip_data();
    void checkNamesRoundTrip();
    void checkNamesArePinned();
    void outcomesRoundTrip();
    void verdictsRoundTrip();
    void unknownTextsAreRefused();
    void errorCodesRoundTrip();
    void errorClassification_data();
    void errorClassification();
    void checkAccessors();
    void verifierNumbersItsSteps();
    void verifierJsonShape();
    void simulationJsonShape();
    void simulatorMarksWouldAlsoFail();
};

void TestContracts::initTestCase()
{
    crypto::Backend::initialize();
    QVERIFY(!octSet().keys.isEmpty());
}

void TestContracts::checkNamesRoundTrip_data()
{
    QTest::addColumn<CheckName>("name");
    for (CheckName name : common::allCheckNames())
        QTest::newRow(qPrintable(common::checkNameText(name))) << name;
}

void TestContracts::checkNamesRoundTrip()
{
    QFETCH(CheckName, name);
    const QString text = common::checkNameText(name);
    QVERIFY(!text.isEmpty());
    QCOMPARE(common::checkNameFromText(text), std::optional<CheckName>(name));
    Check check;
    check.name = name;
    QCOMPARE(check.nameText(), text);
}

void TestContracts::checkNamesArePinned()
{
    QStringList texts;
    for (CheckName name : common::allCheckNames())
        texts << common::checkNameText(name);
    QCOMPARE(texts, kPinnedCheckNames);
    QCOMPARE(QSet<QString>(texts.begin(), texts.end()).size(), texts.size());
    // The enum has no value outside the table: the last enumerator is the table's last row.
    QCOMPARE(common::allCheckNames().last(), CheckName::Backend);
    QCOMPARE(int(CheckName::Backend) + 1, kPinnedCheckNames.size());
}

void TestContracts::outcomesRoundTrip()
{
    QStringList texts;
    for (Outcome outcome : common::allOutcomes()) {
        texts << common::outcomeText(outcome);
        QCOMPARE(common::outcomeFromText(texts.last()), std::optional<Outcome>(outcome));
    }
    // simulate --json: checks[].result
    QCOMPARE(texts, (QStringList {QStringLiteral("pass"), QStringLiteral("fail"), QStringLiteral("skip")}));
}

void TestContracts::verdictsRoundTrip()
{
    QStringList texts;
    for (Verdict verdict : common::allVerdicts()) {
        texts << common::verdictText(verdict);
        QCOMPARE(common::verdictFromText(texts.last()), std::optional<Verdict>(verdict));
    }
    // "none", "valid", "invalid" and "error" are the Verify tab's words today (VerifyPanel::verdict()).
    QCOMPARE(texts,
        (QStringList {QStringLiteral("none"), QStringLiteral("pending"), QStringLiteral("valid"),
            QStringLiteral("invalid"), QStringLiteral("error"), QStringLiteral("malformed")}));
}

void TestContracts::unknownTextsAreRefused()
{
    QCOMPARE(common::checkNameFromText(u"Parse"), std::nullopt);
    QCOMPARE(common::checkNameFromText(u"keyuse"), std::nullopt);
    QCOMPARE(common::checkNameFromText(u""), std::nullopt);
    QCOMPARE(common::outcomeFromText(u"ok"), std::nullopt);
    QCOMPARE(common::outcomeFromText(u"FAIL"), std::nullopt);
    QCOMPARE(common::verdictFromText(u"VALID"), std::nullopt);
    // A value outside the enum (a cast from a bad integer) has no text rather than another name's.
    QCOMPARE(common::checkNameText(static_cast<CheckName>(999)), QString());
    QCOMPARE(common::outcomeText(static_cast<Outcome>(-1)), QString());
}

void TestContracts::errorCodesRoundTrip()
{
    QStringList texts;
    for (ErrorCode code : common::allErrorCodes()) {
        texts << common::errorCodeText(code);
        QCOMPARE(common::errorCodeFromText(texts.last()), std::optional<ErrorCode>(code));
        const common::Error error = common::Error::of(code, QStringLiteral("m"));
        QCOMPARE(error.code, texts.last());
        QVERIFY(error.is(code));
        QCOMPARE(common::Result<int>::failure(code, QStringLiteral("m")).error().code, texts.last());
        QCOMPARE(common::Result<void>::failure(code, QStringLiteral("m")).error().code, texts.last());
    }
    QCOMPARE(texts, kPinnedErrorCodes);
    QVERIFY(!common::Error::of(ErrorCode::Timeout, {}).is(ErrorCode::Cancelled));
    QCOMPARE(common::errorCodeFromText(u"Timeout"), std::nullopt);
    QCOMPARE(common::errorCodeFromText(u"bad_signature"), std::nullopt); // a real code, but compared nowhere
}

void TestContracts::errorClassification_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("network");
    QTest::addColumn<bool>("usage");
    // The simulator's network_error flag (exit 3) and the CLI's usage errors (exit 2) as they were decided before
    // the one copy: Simulator.cpp's list of 9 codes, and invalid_url/insecure_url in NetworkKeys, ConfigCommand and
    // JwksCommand.
    const QStringList network
        = {QStringLiteral("dns_failure"), QStringLiteral("connection_refused"), QStringLiteral("tls_error"),
            QStringLiteral("pin_mismatch"), QStringLiteral("timeout"), QStringLiteral("network_error"),
            QStringLiteral("too_many_redirects"), QStringLiteral("redirect_insecure"), QStringLiteral("cancelled")};
    const QStringList usage = {QStringLiteral("usage"), QStringLiteral("invalid_url"), QStringLiteral("insecure_url")};
    for (const QString &code : kPinnedErrorCodes + QStringList {QStringLiteral("bad_signature"), QString()})
        QTest::newRow(code.isEmpty() ? "(empty)" : qPrintable(code))
            << code << network.contains(code) << usage.contains(code);
}

void TestContracts::errorClassification()
{
    QFETCH(QString, code);
    QFETCH(bool, network);
    QFETCH(bool, usage);
    const common::Error error {code, QStringLiteral("message"), {}};
    QCOMPARE(common::isNetworkError(error), network);
    QCOMPARE(common::isUsageError(error), usage);
}

void TestContracts::checkAccessors()
{
    Check check;
    QCOMPARE(check.outcome, Outcome::Skip);
    QVERIFY(check.skipped() && !check.ok() && !check.failed());
    check.outcome = Outcome::Pass;
    QVERIFY(check.ok() && !check.skipped() && !check.failed());
    check.outcome = Outcome::Fail;
    QVERIFY(check.failed() && !check.ok() && !check.skipped());
}

void TestContracts::verifierNumbersItsSteps()
{
    // The generic verifier numbers its 13 checks 1 (parse) … 13 (iat) in the order it runs them; a valid token
    // with every rule set passes all of them but crit, which is reported only when it fails.
    const QStringList order = kPinnedCheckNames.mid(2, 13);
    validation::Policy policy;
    policy.clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
    policy.issuer = QStringLiteral("https://issuer.example");
    policy.audiences = {QStringLiteral("api")};
    policy.requiredTyp = QStringLiteral("JWT");
    const QString token = signedToken({{QStringLiteral("iss"), policy.issuer},
        {QStringLiteral("aud"), QStringLiteral("api")}, {QStringLiteral("exp"), kNow + 60},
        {QStringLiteral("nbf"), kNow - 60}, {QStringLiteral("iat"), kNow - 60}});
    const validation::Report report = validation::Verifier::verify(token, octSet(), policy);
    QVERIFY2(report.valid, qPrintable(report.firstFailure() ? report.firstFailure()->detail : QString()));
    QStringList names;
    for (int i = 0; i < report.checks.size(); ++i) {
        names << report.checks[i].nameText();
        QCOMPARE(report.checks[i].step, order.indexOf(names.last()) + 1);
        QCOMPARE(report.checks[i].status, 0);
        QCOMPARE(report.checks[i].outcome, Outcome::Pass);
    }
    QStringList withoutCrit = order;
    withoutCrit.removeOne(QStringLiteral("crit"));
    QCOMPARE(names, withoutCrit);
    // A critical header the verifier does not understand: crit fails, at step 3.
    const auto critToken = keys::TokenSigner::sign(crypto::Algorithm::HS256, octSet(), {},
        {{QStringLiteral("crit"), QJsonArray {QStringLiteral("x")}}, {QStringLiteral("x"), 1}});
    QVERIFY(critToken);
    const auto crit = validation::Verifier::verify(critToken->token, octSet(), policy);
    QVERIFY(crit.check(CheckName::Crit));
    QCOMPARE(crit.check(CheckName::Crit)->step, 3);
    QCOMPARE(crit.check(CheckName::Crit)->outcome, Outcome::Fail);
    QCOMPARE(report.check(CheckName::Signature), report.check(QStringLiteral("signature")));
    QVERIFY(report.check(CheckName::Signature));
    QCOMPARE(report.check(QStringLiteral("no_such_check")), nullptr);
}

void TestContracts::verifierJsonShape()
{
    // verify --json: checks [{name, ok, message}], "skipped": true only on skipped checks.
    validation::Report report;
    report.checks = {Check {1, CheckName::Parse, Outcome::Pass, QStringLiteral("parsed"), 0, false},
        Check {7, CheckName::Signature, Outcome::Fail, QStringLiteral("bad"), 0, false},
        Check {10, CheckName::Aud, Outcome::Skip, QStringLiteral("not checked"), 0, false}};
    const QJsonArray checks = report.toJson().value(QLatin1String("checks")).toArray();
    QCOMPARE(checks.size(), 3);
    const QByteArray compact = QJsonDocument(checks).toJson(QJsonDocument::Compact);
    QCOMPARE(compact,
        QByteArray(R"([{"message":"parsed","name":"parse","ok":true},{"message":"bad","name":"signature","ok":false},)"
                   R"({"message":"not checked","name":"aud","ok":false,"skipped":true}])"));
    QCOMPARE(report.firstFailure(), &report.checks[1]);
}

void TestContracts::simulationJsonShape()
{
    // simulate --json: checks [{step, name, result, detail}], status only on the failed check; also_fails always
    // "fail" with its status; stopped_at {step, name}.
    krakend::SimulationResult r;
    r.status = 401;
    r.checks = {Check {0, CheckName::Config, Outcome::Pass, QStringLiteral("starts"), 0, false},
        Check {6, CheckName::Exp, Outcome::Fail, QStringLiteral("expired"), 401, false},
        Check {9, CheckName::Roles, Outcome::Skip, QStringLiteral("not reached"), 403, true}};
    r.stoppedAt = 1;
    r.alsoFails = {Check {9, CheckName::Roles, Outcome::Fail, QStringLiteral("no role"), 403, true}};
    const QJsonObject json = r.toJson();
    QCOMPARE(QJsonDocument(json.value(QLatin1String("checks")).toArray()).toJson(QJsonDocument::Compact),
        QByteArray(R"([{"detail":"starts","name":"config","result":"pass","step":0},)"
                   R"({"detail":"expired","name":"exp","result":"fail","status":401,"step":6},)"
                   R"({"detail":"not reached","name":"roles","result":"skip","step":9}])"));
    QCOMPARE(QJsonDocument(json.value(QLatin1String("also_fails")).toArray()).toJson(QJsonDocument::Compact),
        QByteArray(R"([{"detail":"no role","name":"roles","result":"fail","status":403,"step":9}])"));
    QCOMPARE(QJsonDocument(json.value(QLatin1String("stopped_at")).toObject()).toJson(QJsonDocument::Compact),
        QByteArray(R"({"name":"exp","step":6})"));
    QCOMPARE(r.check(CheckName::Roles), &r.checks[2]);
    QCOMPARE(r.check(QStringLiteral("roles")), &r.checks[2]);
}

void TestContracts::simulatorMarksWouldAlsoFail()
{
    // An expired token without the required role: KrakenD stops at exp (401); roles, evaluated anyway, would
    // fail (403). That check is skipped in `checks` with wouldAlsoFail set, and listed in alsoFails.
    krakend::SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator = krakend::ValidatorConfig::fromJson(QJsonObject {{QStringLiteral("alg"), QStringLiteral("HS256")},
        {QStringLiteral("jwk_url"), QStringLiteral("https://keys.example/jwks.json")},
        {QStringLiteral("roles_key"), QStringLiteral("roles")},
        {QStringLiteral("roles"), QJsonArray {QStringLiteral("admin")}}});
    krakend::Simulator simulator(setup);
    simulator.setReplacementJwks(kOctJwks, QStringLiteral("oct"));
    simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC)));
    krakend::SimulationRequest request;
    request.headers.append({QStringLiteral("Authorization"),
        QStringLiteral("Bearer ")
            + signedToken({{QStringLiteral("exp"), kNow - 3600},
                {QStringLiteral("roles"), QJsonArray {QStringLiteral("user")}}})});
    const krakend::SimulationResult r = simulator.run(request);
    QCOMPARE(r.status, 401);
    QVERIFY(r.stoppingCheck());
    QCOMPARE(r.stoppingCheck()->name, CheckName::Exp);
    QCOMPARE(r.alsoFails.size(), 1);
    QCOMPARE(r.alsoFails.first().name, CheckName::Roles);
    QCOMPARE(r.alsoFails.first().outcome, Outcome::Fail);
    QVERIFY(r.alsoFails.first().wouldAlsoFail);
    for (const Check &c : r.checks) {
        QCOMPARE(c.wouldAlsoFail, c.name == CheckName::Roles);
        if (c.wouldAlsoFail)
            QCOMPARE(c.outcome, Outcome::Skip);
    }
}

QTEST_GUILESS_MAIN(TestContracts)
#include "tst_contracts.moc"
