// RequestBuilder: the bare token, where it goes (the CLI's Authorization header, an endpoint's header or cookie),
// the request KrakenD gets, the curl line and its quoting; RequestReader: how Go's server reads it back.
#include "krakend/RequestBuilder.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace jwb::krakend;

namespace {

ValidatorConfig validator(const char *json)
{
    return ValidatorConfig::fromJson(QJsonDocument::fromJson(json).object());
}

using Lines = QList<QPair<QString, QString>>;

} // namespace

class TestRequestBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bareToken_data();
    void bareToken();
    void shellQuoting();
    void quotedArgumentsSurviveAShell();
    void placements();
    void requestOrder();
    void emptyTokenIsSentOnlyWhenSet();
    void curlLines();
    void urls();
    void forEndpoint();
    void readerHeader();
    void readerCookie();
};

void TestRequestBuilder::bareToken_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("bare");
    QTest::newRow("plain") << QStringLiteral("a.b.c") << QStringLiteral("a.b.c");
    QTest::newRow("bearer") << QStringLiteral("Bearer a.b.c") << QStringLiteral("a.b.c");
    QTest::newRow("bearer any case, extra spaces") << QStringLiteral("bEaReR    a.b.c") << QStringLiteral("a.b.c");
    QTest::newRow("header line") << QStringLiteral("Authorization: Bearer a.b.c") << QStringLiteral("a.b.c");
    QTest::newRow("header line lower case") << QStringLiteral("authorization:bearer a.b.c") << QStringLiteral("a.b.c");
    QTest::newRow("header line without bearer") << QStringLiteral("AUTHORIZATION:  a.b.c") << QStringLiteral("a.b.c");
    QTest::newRow("white space") << QStringLiteral("\n\t a.b.c \r\n") << QStringLiteral("a.b.c");
    QTest::newRow("bearer alone stays") << QStringLiteral("Bearer") << QStringLiteral("Bearer");
    QTest::newRow("bearer and space") << QStringLiteral("Bearer ") << QStringLiteral("Bearer");
    QTest::newRow("quotes stay") << QStringLiteral("'a.b.c'") << QStringLiteral("'a.b.c'");
    QTest::newRow("bearer needs a space") << QStringLiteral("Bearer\ta.b.c") << QStringLiteral("Bearer\ta.b.c");
}

void TestRequestBuilder::bareToken()
{
    QFETCH(QString, input);
    QFETCH(QString, bare);
    QCOMPARE(RequestBuilder::bareToken(input), bare);
    QCOMPARE(RequestBuilder(input).token(), bare);
    QCOMPARE(RequestBuilder().setToken(input).token(), bare);
}

void TestRequestBuilder::shellQuoting()
{
    QCOMPARE(RequestBuilder::shellQuote(QStringLiteral("a b")), QStringLiteral("'a b'"));
    QCOMPARE(RequestBuilder::shellQuote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
    QCOMPARE(RequestBuilder::shellQuote(QString()), QStringLiteral("''"));
    QCOMPARE(RequestBuilder::shellWord(QStringLiteral("POST")), QStringLiteral("POST"));
    QCOMPARE(RequestBuilder::shellWord(QStringLiteral("GET;rm")), QStringLiteral("'GET;rm'"));
    QCOMPARE(RequestBuilder::shellWord(QString()), QStringLiteral("''"));
}

void TestRequestBuilder::quotedArgumentsSurviveAShell()
{
    const QString sh = QStandardPaths::findExecutable(QStringLiteral("sh"));
    if (sh.isEmpty())
        QSKIP("no sh");
    const QString nasty = QStringLiteral("a'b \"c\" $HOME `x` \\ ;|&");
    QProcess process;
    process.start(sh, {QStringLiteral("-c"), QStringLiteral("printf %s ") + RequestBuilder::shellQuote(nasty)});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), nasty);
}

void TestRequestBuilder::placements()
{
    QCOMPARE(TokenPlacement::authorization(), TokenPlacement::header(QStringLiteral("Authorization")));
    // An endpoint's config: a cookie_key wins (KrakenD reads it when the header is absent), else its header.
    const ValidatorConfig plain = validator(R"({"alg":"RS256"})");
    QCOMPARE(TokenPlacement::forEndpoint(plain), TokenPlacement::header(QStringLiteral("Authorization")));
    const ValidatorConfig header = validator(R"({"alg":"RS256","auth_header_name":"x-token"})");
    QCOMPARE(TokenPlacement::forEndpoint(header), TokenPlacement::header(QStringLiteral("X-Token")));
    const ValidatorConfig cookie = validator(R"({"alg":"RS256","cookie_key":"jwt","auth_header_name":"x-token"})");
    QCOMPARE(TokenPlacement::forEndpoint(cookie), TokenPlacement::cookie(QStringLiteral("jwt")));
    // The Simulate tab's two choices: the effective header and the effective cookie (access_token by default).
    QCOMPARE(TokenPlacement::endpointHeader(cookie), TokenPlacement::header(QStringLiteral("X-Token")));
    QCOMPARE(TokenPlacement::endpointCookie(plain), TokenPlacement::cookie(QStringLiteral("access_token")));
}

void TestRequestBuilder::requestOrder()
{
    RequestBuilder b(QStringLiteral("Bearer t.o.k"), TokenPlacement::header(QStringLiteral("X-Token")));
    b.setMethod(QStringLiteral("post"))
        .addHeader(QStringLiteral("Authorization"), QStringLiteral("Bearer other"))
        .addCookie(QStringLiteral("a"), QStringLiteral("1"));
    SimulationRequest r = b.request();
    QCOMPARE(r.method, QStringLiteral("POST"));
    QCOMPARE(r.headers,
        (Lines {{QStringLiteral("X-Token"), QStringLiteral("Bearer t.o.k")},
            {QStringLiteral("Authorization"), QStringLiteral("Bearer other")}}));
    QCOMPARE(r.cookies, (Lines {{QStringLiteral("a"), QStringLiteral("1")}}));

    b.setPlacement(TokenPlacement::cookie(QStringLiteral("jwt")));
    r = b.request();
    QCOMPARE(r.headers, (Lines {{QStringLiteral("Authorization"), QStringLiteral("Bearer other")}}));
    QCOMPARE(r.cookies,
        (Lines {{QStringLiteral("jwt"), QStringLiteral("t.o.k")}, {QStringLiteral("a"), QStringLiteral("1")}}));

    b.setPlacement(TokenPlacement::nowhere());
    r = b.request();
    QCOMPARE(r.headers.size(), 1);
    QCOMPARE(r.cookies.size(), 1);
}

void TestRequestBuilder::emptyTokenIsSentOnlyWhenSet()
{
    QVERIFY(RequestBuilder().request().headers.isEmpty());
    QVERIFY(!RequestBuilder().hasToken());
    // docs/cli.md: --token " " still sends the header, as KrakenD would then see it.
    const SimulationRequest r = RequestBuilder().setToken(QStringLiteral(" ")).request();
    QCOMPARE(r.headers, (Lines {{QStringLiteral("Authorization"), QStringLiteral("Bearer ")}}));
    QCOMPARE(r.method, QStringLiteral("GET"));
}

void TestRequestBuilder::curlLines()
{
    RequestBuilder b(QStringLiteral("t.o.k"));
    QCOMPARE(b.curl(), QStringLiteral("curl -i -H 'Authorization: Bearer t.o.k' 'http://localhost:8080/'"));
    b.setShowResponseHeaders(false).setBaseUrl(QStringLiteral("https://api.example/v1/me?x=1&y='2'"));
    QCOMPARE(b.curl(),
        QStringLiteral("curl -H 'Authorization: Bearer t.o.k' 'https://api.example/v1/me?x=1&y='\\''2'\\'''"));

    RequestBuilder c(QStringLiteral("t.o.k"), TokenPlacement::cookie(QStringLiteral("jwt")));
    c.setMethod(QStringLiteral("delete")).setPath(QStringLiteral("/orders/1"));
    c.addHeader(QStringLiteral("X-Trace"), QStringLiteral("a b"))
        .addCookie(QStringLiteral("lang"), QStringLiteral("en"));
    QCOMPARE(c.curl(),
        QStringLiteral("curl -i -X DELETE -H 'X-Trace: a b' --cookie 'jwt=t.o.k; lang=en' "
                       "'http://localhost:8080/orders/1'"));
}

void TestRequestBuilder::urls()
{
    RequestBuilder b;
    QCOMPARE(b.url(), QStringLiteral("http://localhost:8080/"));
    b.setPath(QStringLiteral("v1/a"));
    QCOMPARE(b.url(), QStringLiteral("http://localhost:8080/v1/a"));
    QCOMPARE(b.path(), QStringLiteral("v1/a")); // kept as given
    b.setBaseUrl(QStringLiteral("http://gw:9090//"));
    QCOMPARE(b.url(), QStringLiteral("http://gw:9090/v1/a"));
    b.setPath(QString());
    QCOMPARE(b.url(), QStringLiteral("http://gw:9090//")); // a whole URL stays as it is
}

void TestRequestBuilder::forEndpoint()
{
    SimulationSetup setup;
    setup.hasValidator = true;
    setup.endpoint = QStringLiteral("/users/{id}/orders/{order}");
    setup.method = QStringLiteral("put");
    setup.validator = validator(R"({"alg":"RS256","cookie_key":"session"})");
    const RequestBuilder b = RequestBuilder::forEndpoint(setup, QStringLiteral("Bearer t.o.k"));
    QCOMPARE(b.method(), QStringLiteral("PUT"));
    QCOMPARE(b.path(), QStringLiteral("/users/1/orders/1"));
    QCOMPARE(b.placement(), TokenPlacement::cookie(QStringLiteral("session")));
    QCOMPARE(
        b.curl(), QStringLiteral("curl -i -X PUT --cookie 'session=t.o.k' 'http://localhost:8080/users/1/orders/1'"));

    setup.endpoint.clear();
    setup.method.clear();
    setup.validator = validator(R"({"alg":"RS256"})");
    const RequestBuilder root = RequestBuilder::forEndpoint(setup, QStringLiteral("t"), QStringLiteral("https://gw"));
    QCOMPARE(root.curl(), QStringLiteral("curl -i -H 'Authorization: Bearer t' 'https://gw/'"));
}

void TestRequestBuilder::readerHeader()
{
    SimulationRequest r;
    r.headers = {{QStringLiteral(" x-token "), QStringLiteral(" \tfirst\t ")},
        {QStringLiteral("X-Token"), QStringLiteral("second")}};
    r.cookies = {{QStringLiteral("jwt"), QStringLiteral("c")}};
    const Lines lines = RequestReader::lines(r);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.last(), (QPair<QString, QString> {QStringLiteral("Cookie"), QStringLiteral("jwt=c")}));
    // Header.Get: the first of the canonical name, optional white space (spaces and tabs) trimmed.
    QCOMPARE(RequestReader::header(lines, QStringLiteral("X-Token")), std::optional<QString>(QStringLiteral("first")));
    QCOMPARE(RequestReader::header(lines, QStringLiteral("Authorization")), std::nullopt);
}

void TestRequestBuilder::readerCookie()
{
    const Lines lines {{QStringLiteral("cookie"), QStringLiteral("a=1; jwt=bad\\value; jwt=\"quoted\"")},
        {QStringLiteral("Cookie"), QStringLiteral("jwt=later")}, {QStringLiteral("X-Other"), QStringLiteral("jwt=no")}};
    // The first valid cookie of that name: a value with a backslash is skipped, quotes are removed.
    QCOMPARE(RequestReader::cookie(lines, QStringLiteral("jwt")), std::optional<QString>(QStringLiteral("quoted")));
    QCOMPARE(RequestReader::cookie(lines, QStringLiteral("a")), std::optional<QString>(QStringLiteral("1")));
    QCOMPARE(RequestReader::cookie(lines, QStringLiteral("JWT")), std::nullopt); // names are case-sensitive
    QCOMPARE(RequestReader::cookie({{QStringLiteral("Cookie"), QStringLiteral("jwt=later")}}, QStringLiteral("jwt")),
        std::optional<QString>(QStringLiteral("later")));
}

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_requestbuilder.moc"
