// Linter (schema-level and runtime findings, cross-checks with a token and key set), the export recipe's
// duration normalisation, and the roles_key / scopes_key suggestions.
#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "jose/TokenParser.h"
#include "keys/JwkSet.h"
#include "krakend/ConfigDocument.h"
#include "krakend/ConfigExport.h"
#include "krakend/Linter.h"
#include "krakend/Suggest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace jwb;

namespace {
QByteArray configWith(
    const QByteArray &validatorBlock, const QByteArray &serviceExtra = "{}", const QByteArray &ns = "auth/validator")
{
    return "{\"version\": 3, \"extra_config\": " + serviceExtra
        + ", \"endpoints\": [{\"endpoint\": \"/x\", \"backend\": [{\"url_pattern\": \"/x\", \"host\": "
          "[\"http://svc\"]}],"
          " \"extra_config\": {\""
        + ns + "\": " + validatorBlock + "}}]}";
}

QString tokenWith(const QJsonObject &header, const QJsonObject &payload)
{
    return QString::fromLatin1(jose::Base64Url::encode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + jose::Base64Url::encode(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + ".c2ln");
}

QStringList codes(const QList<krakend::LintItem> &items)
{
    QStringList out;
    for (const auto &i : items)
        out.append(i.finding.code);
    return out;
}
} // namespace

class TestLinter : public QObject
{
    Q_OBJECT

private:
    keys::JwkSet m_rsaSet;

private Q_SLOTS:
    void initTestCase()
    {
        crypto::Backend::initialize();
        auto key = crypto::Key::generate(crypto::KeyType::Rsa, 2048);
        QVERIFY(key.ok());
        m_rsaSet = keys::JwkSet::fromKey(
            keys::Jwk::fromKey(key->publicKey(), QStringLiteral("k1")), QStringLiteral("JWK Set"));
    }

    void findings_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("withKeys");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("isError");

        const QByteArray ok = "{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\"}";
        const QJsonObject h {
            {QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("kid"), QStringLiteral("k1")}};
        const QJsonObject keycloak {{QStringLiteral("realm_access"),
            QJsonObject {{QStringLiteral("roles"), QJsonArray {QStringLiteral("admin")}}}}};

        QTest::newRow("version") << QByteArray("{\"version\": 2, \"endpoints\": []}") << QString() << false << "version"
                                 << true;
        QTest::newRow("legacy namespace") << configWith(ok, "{}", "github.com/devopsfaith/krakend-jose/validator")
                                          << QString() << false << "legacy_namespace" << true;
        QTest::newRow("missing alg") << configWith("{\"jwk_url\": \"https://idp/jwks\"}") << QString() << false
                                     << "missing_alg" << true;
        QTest::newRow("no source") << configWith("{\"alg\": \"RS256\"}") << QString() << false << "key_source_oneof"
                                   << true;
        QTest::newRow("did you mean") << configWith(
            "{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", \"roles-key\": \"r\"}")
                                      << QString() << false << "unknown_member" << true;
        QTest::newRow("service cache without duration")
            << configWith(ok, "{\"auth/validator\": {}}") << QString() << false << "missing_member" << true;
        QTest::newRow("revoker incomplete")
            << configWith(ok, "{\"auth/revoker\": {\"N\": 1000}}") << QString() << false << "missing_member" << true;
        QTest::newRow("dotted roles_key")
            << configWith("{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", \"roles\": [\"admin\"], "
                          "\"roles_key\": \"realm_access.roles\"}")
            << tokenWith(h, keycloak) << false << "roles_key_needs_nested" << true;
        QTest::newRow("roles_key absent")
            << configWith("{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", \"roles\": [\"admin\"]}")
            << tokenWith(h, QJsonObject {{QStringLiteral("sub"), QStringLiteral("x")}}) << false << "roles_key_absent"
            << false;
        QTest::newRow("scopes_key absent") << configWith(
            "{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", \"scopes\": [\"read\"], \"scopes_key\": \"scp\"}")
                                           << tokenWith(
                                                  h, QJsonObject {{QStringLiteral("scope"), QStringLiteral("read")}})
                                           << false << "scopes_key_absent" << false;
        QTest::newRow("token alg") << configWith(ok)
                                   << tokenWith(QJsonObject {{QStringLiteral("alg"), QStringLiteral("ES256")},
                                                    {QStringLiteral("kid"), QStringLiteral("k1")}},
                                          {})
                                   << true << "token_alg_mismatch" << true;
        QTest::newRow("token kid") << configWith(ok)
                                   << tokenWith(QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")},
                                                    {QStringLiteral("kid"), QStringLiteral("other")}},
                                          {})
                                   << true << "token_kid_missing" << true;
        QTest::newRow("alg no key") << configWith("{\"alg\": \"ES256\", \"jwk_url\": \"https://idp/jwks\"}")
                                    << QString() << true << "alg_no_key" << true;
        QTest::newRow("runtime trap from model")
            << configWith("{\"alg\": \"RS256\", \"jwk_local_path\": \"k.json\"}") << QString() << false
            << "local_path_needs_disable_jwk_security" << true;
        QTest::newRow("byte order mark") << "\xEF\xBB\xBF" + configWith(ok) << QString() << false << "byte_order_mark"
                                         << true;
        QTest::newRow("signer typ") << configWith("{\"alg\": \"HS256\", \"kid\": \"a\", \"keys_to_sign\": [\"t\"], "
                                                  "\"jwk_url\": \"https://k/j\", \"typ\": \"at+jwt\"}",
            "{}", "auth/signer") << QString()
                                    << false << "not_in_schema" << true;
    }

    void findings()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, token);
        QFETCH(bool, withKeys);
        QFETCH(QString, code);
        QFETCH(bool, isError);
        auto doc = krakend::ConfigDocument::fromText(config);
        QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.error().message));
        krakend::LintContext ctx;
        ctx.sampleToken = token;
        if (withKeys)
            ctx.keySet = m_rsaSet;
        const auto items = krakend::Linter::lint(doc.value(), ctx);
        const QStringList found = codes(items);
        QVERIFY2(found.contains(code), qPrintable(found.join(u',')));
        for (const auto &i : items)
            if (i.finding.code == code)
                QCOMPARE(i.finding.severity == common::Severity::Error, isError);
        QCOMPARE(krakend::Linter::hasErrors(items), isError || found.contains(QStringLiteral("missing_alg")));
    }

    void cleanConfigHasNoErrors()
    {
        auto doc = krakend::ConfigDocument::fromText(configWith(
            "{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", \"audience\": [\"api\"], \"@note\": \"x\"}"));
        const auto items = krakend::Linter::lint(doc.value());
        QVERIFY2(!krakend::Linter::hasErrors(items), qPrintable(codes(items).join(u',')));
    }

    void singleUnitDurations_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("kept") << "90s"
                              << "90s";
        QTest::newRow("compound") << "1m30s"
                                  << "90s";
        QTest::newRow("hours") << "1h0m"
                               << "1h";
        QTest::newRow("fraction") << "1.5s"
                                  << "1500ms";
        QTest::newRow("micro") << "1ms500us"
                               << "1500us";
    }

    void singleUnitDurations()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        auto r = krakend::ConfigExport::singleUnitDuration(in);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), out);
    }

    void suggestions()
    {
        const QJsonObject payload {{QStringLiteral("iss"), QStringLiteral("https://kc/realms/x")},
            {QStringLiteral("aud"), QJsonArray {QStringLiteral("api"), QStringLiteral("web")}},
            {QStringLiteral("scope"), QStringLiteral("openid profile")},
            {QStringLiteral("realm_access"),
                QJsonObject {{QStringLiteral("roles"), QJsonArray {QStringLiteral("admin"), QStringLiteral("user")}}}},
            {QStringLiteral("https://ns.example.com/groups"), QJsonArray {QStringLiteral("g1")}},
            {QStringLiteral("count"), 3}};
        const jose::Token t = jose::TokenParser::parse(
            tokenWith(QJsonObject {{QStringLiteral("alg"), QStringLiteral("PS256")}}, payload));
        const auto s = krakend::Suggestion::fromToken(
            t, QJsonObject {{QStringLiteral("jwks_uri"), QStringLiteral("https://kc/certs")}});
        QCOMPARE(s.alg, u"PS256");
        QCOMPARE(s.issuer, u"https://kc/realms/x");
        QCOMPARE(s.audience, (QStringList {QStringLiteral("api"), QStringLiteral("web")}));
        QCOMPARE(s.jwkUrl, u"https://kc/certs");
        QVERIFY(!s.rolesKey.isEmpty());
        QCOMPARE(s.rolesKey.first().path, u"realm_access.roles");
        QVERIFY(s.rolesKey.first().nested);
        QVERIFY(std::any_of(s.rolesKey.begin(), s.rolesKey.end(),
            [](const auto &c) { return c.path == u"https://ns.example.com/groups"; }));
        QCOMPARE(s.scopesKey.first().path, u"scope");
        QVERIFY(std::none_of(s.scopesKey.begin(), s.scopesKey.end(),
            [](const auto &c) { return c.path == u"https://ns.example.com/groups"; }));
        QVERIFY(std::none_of(s.rolesKey.begin(), s.rolesKey.end(),
            [](const auto &c) { return c.path == u"iss" || c.path == u"count"; }));
    }
};

QTEST_GUILESS_MAIN(TestLinter)
#include "tst_linter.moc"
