// `matrix --run`: test tokens fired at a live gateway (issue #22, part 2). The gateway is
// tests/integration/servers/gateway-server.mjs, an HTTPS endpoint that enforces the same policy with Node's own
// crypto (an implementation independent of this one), started once per fault mode: "strict" agrees with the
// simulation, "no_expiry" skips exp, "accept_none" lets alg none through, "slow" answers after 3 s. The runner must
// report exactly the cases where the gateway and the simulation differ, send nothing without --run and nothing
// beyond the URL given, keep to the request cap and the timeout, and refuse plain http without --insecure. The core
// LiveRun is also cancelled mid-request.
#include "IntegrationSupport.h"

#include "krakend/LiveRun.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using jwb::itest::Run;
using jwb::itest::runCli;

namespace {

QSet<QString> mismatches(const QJsonObject &doc)
{
    QSet<QString> ids;
    for (const auto &c : doc.value("cases"_L1).toArray())
        if (c.toObject().value("sent"_L1).toBool() && !c.toObject().value("matched"_L1).toBool())
            ids.insert(c.toObject().value("id"_L1).toString());
    return ids;
}

QJsonObject caseOf(const QJsonObject &doc, const QString &id)
{
    for (const auto &c : doc.value("cases"_L1).toArray())
        if (c.toObject().value("id"_L1).toString() == id)
            return c.toObject();
    return {};
}

} // namespace

class LiveRunTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void nothingSentWithoutRun();
    void reportsExactlyTheDisagreements_data();
    void reportsExactlyTheDisagreements();
    void requestCap();
    void timeoutPerRequest();
    void refusedConnection();
    void usageErrors_data();
    void usageErrors();
    void coreRunCancels();

private:
    [[nodiscard]] QString file(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] QString url(const QString &mode) const
    {
        return u"https://127.0.0.1:%1"_s.arg(m_servers.value(mode)->port(u"port"_s));
    }
    [[nodiscard]] QStringList matrixArgs(const QString &mode, const QStringList &extra = {}) const
    {
        return QStringList {u"matrix"_s, u"--config"_s, file(u"krakend.json"_s), u"--endpoint"_s, u"/api/orders"_s,
                   u"--key"_s, file(u"key.jwk"_s), u"--run"_s, url(mode), u"--ca"_s, file(u"ca.pem"_s), u"--json"_s}
        + extra;
    }
    bool startServer(const QString &mode, QString *error);

    QTemporaryDir m_dir;
    QString m_node;
    QHash<QString, std::shared_ptr<jwb::itest::NodeServer>> m_servers;
};

bool LiveRunTest::startServer(const QString &mode, QString *error)
{
    const QJsonObject policy {{u"jwks"_s, file(u"jwks.json"_s)}, {u"alg"_s, u"RS256"_s},
        {u"issuer"_s, u"https://issuer.jwb.test/"_s}, {u"audience"_s, QJsonArray {u"orders-api"_s}}, {u"leeway"_s, 5},
        {u"path"_s, u"/api/orders"_s}, {u"faults"_s, mode == u"strict" ? QJsonArray() : QJsonArray {mode}}};
    const QString policyFile = file(mode + u"-policy.json"_s);
    if (!jwb::itest::writeFile(policyFile, QJsonDocument(policy).toJson())) {
        *error = u"cannot write "_s + policyFile;
        return false;
    }
    auto server = std::make_shared<jwb::itest::NodeServer>();
    if (!server->start(m_node, jwb::itest::serversDir() + u"/gateway-server.mjs"_s, {m_dir.path(), policyFile}, error))
        return false;
    m_servers.insert(mode, server);
    return true;
}

void LiveRunTest::initTestCase()
{
    m_node = jwb::itest::findNode();
    JWB_REQUIRE(!m_node.isEmpty(), u"node is not installed: the test gateway needs Node.js (apt-get install nodejs)"_s);
    JWB_REQUIRE(!jwb::itest::findOpenssl().isEmpty(), u"the openssl command is not installed"_s);
    QVERIFY(m_dir.isValid());
    jwb::itest::TestPki pki(m_dir.path());
    QString error;
    QVERIFY2(pki.create(&error), qPrintable(error));

    // The signing key and its public JWK Set, made with the CLI (the gateway reads the set, the config names it).
    const Run key = runCli({u"keygen"_s, u"--alg"_s, u"RS256"_s, u"--kid"_s, u"live-k1"_s, u"--format"_s, u"jwk"_s});
    QVERIFY2(key.exitCode == 0, key.describe().constData());
    QVERIFY(jwb::itest::writeFile(file(u"key.jwk"_s), key.out));
    const Run set = runCli({u"key"_s, u"convert"_s, file(u"key.jwk"_s), u"--to"_s, u"jwks"_s, u"--public"_s});
    QVERIFY2(set.exitCode == 0, set.describe().constData());
    QVERIFY(jwb::itest::writeFile(file(u"jwks.json"_s), set.out));
    const QJsonObject validator {{u"alg"_s, u"RS256"_s}, {u"jwk_local_path"_s, u"jwks.json"_s},
        {u"issuer"_s, u"https://issuer.jwb.test/"_s}, {u"audience"_s, QJsonArray {u"orders-api"_s}},
        {u"leeway"_s, u"5s"_s}, {u"disable_jwk_security"_s, true}}; // a local JWK Set needs it, as in KrakenD
    const QJsonObject config {{u"version"_s, 3},
        {u"endpoints"_s,
            QJsonArray {QJsonObject {{u"endpoint"_s, u"/api/orders"_s}, {u"method"_s, u"GET"_s},
                {u"extra_config"_s, QJsonObject {{u"auth/validator"_s, validator}}},
                {u"backend"_s,
                    QJsonArray {QJsonObject {
                        {u"host"_s, QJsonArray {u"http://backend:8000"_s}}, {u"url_pattern"_s, u"/orders"_s}}}}}}}};
    QVERIFY(jwb::itest::writeFile(file(u"krakend.json"_s), QJsonDocument(config).toJson()));

    for (const QString &mode : {u"strict"_s, u"no_expiry"_s, u"accept_none"_s, u"slow"_s})
        QVERIFY2(startServer(mode, &error), qPrintable(error));
}

void LiveRunTest::cleanupTestCase()
{
    m_servers.clear();
}

void LiveRunTest::nothingSentWithoutRun()
{
    QStringList args = matrixArgs(u"strict"_s);
    const qsizetype run = args.indexOf(u"--run"_s);
    args.remove(run, 2);
    args.remove(args.indexOf(u"--ca"_s), 2); // --ca goes with --run only
    args << u"--sweep"_s;
    const Run r = runCli(args);
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    const QJsonArray cases = r.json.value("cases"_L1).toArray();
    QCOMPARE(cases.size(), 12 + 7);
    QCOMPARE(std::count_if(cases.begin(), cases.end(),
                 [](const QJsonValue &c) { return c.toObject().value("sweep"_L1).toBool(); }),
        7);
    QTest::qWait(300); // what the server would have logged arrives through the event loop
    QCOMPARE(m_servers.value(u"strict"_s)->stderrText(), QByteArray());
}

void LiveRunTest::reportsExactlyTheDisagreements_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("sweep");
    QTest::addColumn<QStringList>("differ");
    QTest::addColumn<QString>("explained");
    QTest::newRow("strict gateway, matrix") << u"strict"_s << false << QStringList() << QString();
    QTest::newRow("strict gateway, matrix and sweep") << u"strict"_s << true << QStringList() << QString();
    QTest::newRow("no expiry check") << u"no_expiry"_s << false << QStringList {u"expired"_s, u"outside_leeway"_s}
                                     << u"expired"_s;
    QTest::newRow("accepts alg none, matrix")
        << u"accept_none"_s << false << QStringList {u"alg_none"_s} << u"unsigned"_s;
    QTest::newRow("accepts alg none, sweep")
        << u"accept_none"_s << true
        << QStringList {u"alg_none"_s, u"alg_none_capitalised"_s, u"alg_none_upper"_s, u"alg_none_mixed"_s}
        << u"unsigned"_s;
}

void LiveRunTest::reportsExactlyTheDisagreements()
{
    QFETCH(QString, mode);
    QFETCH(bool, sweep);
    QFETCH(QStringList, differ);
    QFETCH(QString, explained);
    QTest::qWait(100);
    static_cast<void>(m_servers.value(mode)->stderrText()); // forget earlier requests
    const Run r = runCli(matrixArgs(mode, sweep ? QStringList {u"--sweep"_s} : QStringList()));
    QVERIFY2(r.jsonOk, r.describe().constData());
    QCOMPARE(r.exitCode, differ.isEmpty() ? 0 : 1);
    QCOMPARE(r.json.value("all_matched"_L1).toBool(), differ.isEmpty());
    const QJsonArray cases = r.json.value("cases"_L1).toArray();
    QCOMPARE(r.json.value("sent"_L1).toInt(), cases.size());
    QCOMPARE(cases.size(), sweep ? 12 + 7 : 12); // the sweep adds 7 attacks of its own (no psychic ECDSA for RS256)
    const QStringList sorted = [&] {
        QStringList ids = mismatches(r.json).values();
        ids.sort();
        return ids;
    }();
    QStringList expected = differ;
    expected.sort();
    QCOMPARE(sorted, expected);
    for (const QString &id : differ) {
        const QJsonObject c = caseOf(r.json, id);
        QCOMPARE(c.value("expected_status"_L1).toInt(), 401);
        QCOMPARE(c.value("actual_status"_L1).toInt(), 200);
        QVERIFY2(
            c.value("explanation"_L1).toString().contains(explained), qPrintable(c.value("explanation"_L1).toString()));
        QCOMPARE(c.value("headers"_L1).toObject().value("Content-Type"_L1).toString(), u"application/json"_s);
    }
    const QJsonObject valid = caseOf(r.json, u"valid"_s);
    QCOMPARE(valid.value("actual_status"_L1).toInt(), 200);
    QVERIFY(valid.value("url"_L1).toString().endsWith(u"/api/orders"_s));
    QVERIFY(caseOf(r.json, u"expired"_s)
                .value("body_excerpt"_L1)
                .toString()
                .contains(mode == u"no_expiry" ? u"ok"_s : u"expired"_s));
    // The gateway saw exactly one request per case, all to the endpoint.
    QByteArray log;
    for (int i = 0; i < 40 && log.count('\n') < cases.size(); ++i) {
        QTest::qWait(50); // the server's log lines arrive through the event loop
        log += m_servers.value(mode)->stderrText();
    }
    QCOMPARE(log.count("GET /api/orders "), cases.size());
    QCOMPARE(log.count('\n'), cases.size());
}

void LiveRunTest::requestCap()
{
    const Run r = runCli(matrixArgs(u"strict"_s, {u"--max-requests"_s, u"3"_s, u"--delay"_s, u"20"_s}));
    QVERIFY2(r.jsonOk, r.describe().constData());
    QCOMPARE(r.exitCode, 1); // not every case could be compared
    QCOMPARE(r.json.value("sent"_L1).toInt(), 3);
    QCOMPARE(r.json.value("mismatches"_L1).toInt(), 0);
    const QJsonObject fourth = r.json.value("cases"_L1).toArray().at(3).toObject();
    QCOMPARE(fourth.value("sent"_L1).toBool(), false);
    QVERIFY(fourth.value("explanation"_L1).toString().contains(u"cap of 3"_s));
    QVERIFY(r.json.value("summary"_L1).toString().contains(u"not sent"_s));
}

void LiveRunTest::timeoutPerRequest()
{
    const Run r = runCli(matrixArgs(u"slow"_s, {u"--max-requests"_s, u"2"_s, u"--timeout"_s, u"1s"_s}));
    QVERIFY2(r.jsonOk, r.describe().constData());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject first = r.json.value("cases"_L1).toArray().first().toObject();
    QCOMPARE(first.value("error"_L1).toObject().value("code"_L1).toString(), u"timeout"_s);
    QVERIFY(first.value("actual_status"_L1).isNull());
    QVERIFY2(r.elapsedMs < 8000, qPrintable(QString::number(r.elapsedMs)));
}

void LiveRunTest::refusedConnection()
{
    QStringList args = matrixArgs(u"strict"_s, {u"--max-requests"_s, u"1"_s});
    args[args.indexOf(u"--run"_s) + 1] = u"https://127.0.0.1:1"_s;
    const Run r = runCli(args);
    QVERIFY2(r.jsonOk, r.describe().constData());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject first = r.json.value("cases"_L1).toArray().first().toObject();
    QCOMPARE(first.value("error"_L1).toObject().value("code"_L1).toString(), u"connection_refused"_s);
    QVERIFY(first.value("explanation"_L1).toString().contains(u"no answer"_s));
}

void LiveRunTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("replace");
    QTest::addColumn<QString>("code");
    QTest::newRow("plain http") << QStringList {u"--run"_s, u"http://127.0.0.1:8080"_s} << u"insecure_url"_s;
    QTest::newRow("not a URL") << QStringList {u"--run"_s, u"gateway"_s} << u"invalid_url"_s;
    QTest::newRow("ftp") << QStringList {u"--run"_s, u"ftp://127.0.0.1/"_s} << u"invalid_url"_s;
    QTest::newRow("query") << QStringList {u"--run"_s, u"https://127.0.0.1/?x=1"_s} << u"invalid_url"_s;
    QTest::newRow("delay over a minute") << QStringList {u"--delay"_s, u"70000"_s} << u"usage"_s;
    QTest::newRow("no cap") << QStringList {u"--max-requests"_s, u"0"_s} << u"usage"_s;
}

void LiveRunTest::usageErrors()
{
    QFETCH(QStringList, replace);
    QFETCH(QString, code);
    QStringList args = matrixArgs(u"strict"_s);
    const qsizetype at = args.indexOf(replace.first());
    if (at >= 0)
        args[at + 1] = replace.last();
    else
        args << replace;
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errorCode(), code);
}

void LiveRunTest::coreRunCancels()
{
    // The core runner itself: two cases at the slow gateway, cancelled while the first waits for its answer.
    jwb::krakend::TestTokenTarget target;
    target.path = u"/api/orders"_s;
    QList<jwb::krakend::TestTokenCase> cases(2);
    cases[0].id = u"one"_s;
    cases[0].token = u"a.b.c"_s;
    cases[0].expectedStatus = 401;
    cases[1].id = u"two"_s;
    cases[1].token = u"a.b.c"_s;
    cases[1].expectedStatus = 401;
    jwb::krakend::LiveRunOptions options;
    options.baseUrl = QUrl(url(u"slow"_s));
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(file(u"ca.pem"_s));
    QCOMPARE(ca.size(), 1);
    options.network.extraCa = ca;
    QNetworkAccessManager manager;
    jwb::krakend::LiveRun run(&manager, target, cases, options);
    QSignalSpy finished(&run, &jwb::krakend::LiveRun::finished);
    QSignalSpy started(&run, &jwb::krakend::LiveRun::caseStarted);
    run.start();
    QCOMPARE(started.count(), 1);
    QTest::qWait(300);
    run.cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(run.wasCancelled());
    QVERIFY(!run.allMatched());
    QCOMPARE(run.results().at(0).errorCode, u"cancelled"_s);
    QCOMPARE(run.results().at(1).sent, false);
    QVERIFY(run.results().at(1).explanation.contains(u"cancelled"_s));
    QCOMPARE(run.sentCount(), 1);
}

QTEST_GUILESS_MAIN(LiveRunTest)
#include "tst_live_run.moc"
