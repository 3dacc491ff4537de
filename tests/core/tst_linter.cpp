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
        QTest::newRow("no source") << configWith("{\"alg\": \"RS256\"}") << QString() << false << "no_key_source"
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

    // Keys go-jose cannot load (secp256k1, Ed448) fail KrakenD's whole key set, even next to a usable key.
    void keySetCurvesKrakendCannotLoad_data()
    {
        QTest::addColumn<int>("curve");
        QTest::newRow("secp256k1") << static_cast<int>(crypto::Curve::Secp256k1);
        QTest::newRow("Ed448") << static_cast<int>(crypto::Curve::Ed448);
    }

    void keySetCurvesKrakendCannotLoad()
    {
        QFETCH(int, curve);
        const auto c = static_cast<crypto::Curve>(curve);
        auto odd = crypto::Key::generate(c == crypto::Curve::Ed448 ? crypto::KeyType::Okp : crypto::KeyType::Ec, 0, c);
        QVERIFY(odd.ok());
        keys::JwkSet set = m_rsaSet;
        set.keys.append(keys::Jwk::fromKey(odd->publicKey(), QStringLiteral("odd")));
        auto doc
            = krakend::ConfigDocument::fromText(configWith("{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\"}"));
        QVERIFY(doc.ok());
        krakend::LintContext ctx;
        ctx.keySet = set;
        const auto items = krakend::Linter::lint(doc.value(), ctx);
        const krakend::LintItem *hit = nullptr;
        for (const auto &i : items)
            if (i.finding.code == u"jwk_curve_unsupported")
                hit = &i;
        QVERIFY2(hit, qPrintable(codes(items).join(u',')));
        QCOMPARE(hit->finding.severity, common::Severity::Error);
        QVERIFY(hit->finding.message.contains(crypto::curveName(c)) && hit->finding.message.contains(u"\"odd\""));
        // Without the odd key: no such finding.
        ctx.keySet = m_rsaSet;
        QVERIFY(!codes(krakend::Linter::lint(doc.value(), ctx)).contains(QStringLiteral("jwk_curve_unsupported")));
    }

    // Issue #18 item 11: one problem, one finding. The exact codes (errors and warnings) of one block.
    void oneProblemOneFinding_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("messageHas"); ///< in the first expected finding's message

        const QString validator = QStringLiteral("endpoints[0] GET /x › auth/validator");
        const QString signer = QStringLiteral("endpoints[0] GET /x › auth/signer");
        QTest::newRow("missing alg: not also unknown_alg")
            << configWith("{\"jwk_url\": \"https://idp/jwks\"}") << validator
            << QStringList {QStringLiteral("missing_alg")} << QStringLiteral("KrakenD exits at startup");
        QTest::newRow("alg not one of the 13: schema_enum says what KrakenD does")
            << configWith("{\"alg\": \"RS257\", \"jwk_url\": \"https://idp/jwks\"}") << validator
            << QStringList {QStringLiteral("schema_enum")} << QStringLiteral("JOSE: unknown algorithm RS257");
        QTest::newRow("RFC 9864 Ed25519 is not one of the 13 either")
            << configWith("{\"alg\": \"Ed25519\", \"jwk_url\": \"https://idp/jwks\"}") << validator
            << QStringList {QStringLiteral("schema_enum")} << QStringLiteral("JOSE: unknown algorithm Ed25519");
        QTest::newRow("no key source: not also key_source_oneof")
            << configWith("{\"alg\": \"RS256\"}") << validator << QStringList {QStringLiteral("no_key_source")}
            << QStringLiteral("every request gets 401");
        QTest::newRow("both key sources: one finding with the run-time consequence")
            << configWith("{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", \"jwk_local_path\": \"k.json\", "
                          "\"disable_jwk_security\": true}")
            << validator << QStringList {QStringLiteral("key_source_oneof")}
            << QStringLiteral("at run time the file wins");
        QTest::newRow("jwk_local_path without disable_jwk_security")
            << configWith("{\"alg\": \"RS256\", \"jwk_local_path\": \"k.json\"}") << validator
            << QStringList {QStringLiteral("local_path_needs_disable_jwk_security")} << QStringLiteral("401");
        QTest::newRow("block nested under jwt: 401 first, the exit only once that is fixed")
            << configWith("{\"jwt\": {\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\"}}") << validator
            << QStringList {QStringLiteral("unknown_member"), QStringLiteral("missing_alg"),
                   QStringLiteral("no_key_source")}
            << QStringLiteral("\"jwt\"");
        QTest::newRow("signer without members: missing_member only")
            << configWith("{\"jwk_url\": \"https://k/j\"}", "{}", "auth/signer") << signer
            << QStringList {QStringLiteral("missing_member"), QStringLiteral("missing_member"),
                   QStringLiteral("missing_member")}
            << QStringLiteral("\"alg\"");
        QTest::newRow("signer jwk_local_path without disable_jwk_security: once")
            << configWith("{\"alg\": \"HS256\", \"kid\": \"a\", \"keys_to_sign\": [\"t\"], \"jwk_local_path\": "
                          "\"k.json\"}",
                   "{}", "auth/signer")
            << signer << QStringList {QStringLiteral("local_path_needs_disable_jwk_security")}
            << QStringLiteral("disable_jwk_security");
    }

    void oneProblemOneFinding()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, location);
        QFETCH(QStringList, expected);
        QFETCH(QString, messageHas);
        auto doc = krakend::ConfigDocument::fromText(config);
        QVERIFY(doc.ok());
        QStringList found;
        QStringList messages;
        for (const auto &i : krakend::Linter::lint(doc.value()))
            if (i.location == location && i.finding.severity != common::Severity::Info) {
                found << i.finding.code;
                messages << i.finding.message;
            }
        QCOMPARE(found, expected);
        QVERIFY2(messages.first().contains(messageHas), qPrintable(messages.first()));
        // KrakenD answers 401 before it creates the validator: no finding may say it exits while that holds.
        if (expected.contains(QStringLiteral("no_key_source")))
            for (const QString &m : std::as_const(messages))
                QVERIFY2(!m.contains(QStringLiteral("KrakenD exits at startup")), qPrintable(m));
    }

    void versionFindingSaysWhatKrakenDSays()
    {
        for (const auto &[text, log] : {std::pair {QByteArray("{\"version\": 2, \"endpoints\": []}"),
                                            QStringLiteral("unsupported version: 2 (want: 3)")},
                 std::pair {QByteArray("{\"endpoints\": []}"), QStringLiteral("unsupported version: 0 (want: 3)")}}) {
            auto doc = krakend::ConfigDocument::fromText(text);
            QVERIFY(doc.ok());
            const auto items = krakend::Linter::lint(doc.value());
            QCOMPARE(items.size(), 1);
            QCOMPARE(items.first().finding.code, QStringLiteral("version"));
            QCOMPARE(items.first().finding.message,
                QStringLiteral("KrakenD would not start: %1. Fix: \"version\": 3 (KrakenD 2.x reads configuration "
                               "version 3)")
                    .arg(log));
        }
        auto three = krakend::ConfigDocument::fromText("{\"version\": 3, \"endpoints\": []}");
        QVERIFY(krakend::Linter::lint(three.value()).isEmpty());
    }

    void numberOutOfRange()
    {
        // Issue #18 item 12: 1E+400 is valid JSON that no float64 holds, not an "illegal number".
        auto doc = krakend::ConfigDocument::fromText("{\"version\": 3, \"timeout\": 1E+400}");
        QVERIFY(!doc.ok());
        QCOMPARE(doc.error().message,
            QStringLiteral("config: number out of range: 1E+400 is valid JSON but beyond a float64 (Go's encoding/json "
                           "refuses it too) at byte 26"));
        auto illegal = krakend::ConfigDocument::fromText("{\"version\": 3, \"timeout\": 01}");
        QVERIFY(!illegal.ok());
        QVERIFY(!illegal.error().message.contains(QStringLiteral("out of range")));
    }

    // Issue #18 items 7-10: the traps real files contain.
    void traps_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("message"); ///< exact

        const QByteArray validator = "{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", "
                                     "\"propagate_claims\": [[\"sub\", \"x-user\"]]}";
        auto endpoint
            = [](const QByteArray &path, const QByteArray &extra, const QByteArray &inputHeaders) -> QByteArray {
            return "{\"endpoint\": \"" + path + "\", \"backend\": [{\"url_pattern\": \"/\", \"host\": [\"http://s\"]}]"
                + (inputHeaders.isEmpty() ? QByteArray() : ", \"input_headers\": " + inputHeaders)
                + (extra.isEmpty() ? QByteArray() : ", \"extra_config\": " + extra) + "}";
        };
        auto file = [](const QList<QByteArray> &endpoints, const QByteArray &service = "{}") -> QByteArray {
            QByteArray out = "{\"version\": 3, \"extra_config\": " + service + ", \"endpoints\": [";
            for (qsizetype i = 0; i < endpoints.size(); ++i)
                out += (i ? "," : "") + endpoints[i];
            return out + QByteArray("]}");
        };
        const QByteArray withValidator = "{\"auth/validator\": " + validator + "}";
        QTest::newRow("7: propagated header not in input_headers")
            << file({endpoint("/a", withValidator, "[\"Authorization\"]")})
            << QStringLiteral("endpoints[0] GET /a › auth/validator")
            << QStringLiteral("propagated_header_not_forwarded") << QStringLiteral("propagate_claims")
            << QStringLiteral("X-User is filled from a claim, but the endpoint's input_headers does not list it: "
                              "KrakenD's proxy drops it before the backend, which never receives it. Add \"X-User\" to "
                              "input_headers");
        QTest::newRow("8: another endpoint forwards the client's header without a validator")
            << file({endpoint("/a", withValidator, "[\"x-user\"]"), endpoint("/b", {}, "[\"X-User\"]")})
            << QStringLiteral("endpoints[1] GET /b") << QStringLiteral("spoofable_header") << QStringLiteral("X-User")
            << QStringLiteral("X-User carries identity on GET /a (propagate_claims fills it from the token), but this "
                              "endpoint forwards the client's own X-User to its backend (input_headers lists it) "
                              "without a validator: a backend that trusts X-User here trusts whatever the client "
                              "sent. Fix: remove X-User from input_headers here, or add an auth/validator that "
                              "propagates a claim into it (a missing claim then sends an empty value, since CE 2.5)");
        QTest::newRow("8: input_headers * with a validator that does not set it")
            << file({endpoint("/a", withValidator, "[\"X-User\"]"),
                   endpoint("/b", "{\"auth/validator\": {\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\"}}",
                       "[\"*\"]")})
            << QStringLiteral("endpoints[1] GET /b") << QStringLiteral("spoofable_header") << QStringLiteral("X-User")
            << QStringLiteral("X-User carries identity on GET /a (propagate_claims fills it from the token), but this "
                              "endpoint forwards the client's own X-User to its backend (input_headers [\"*\"]) with a "
                              "validator that does not set it: a backend that trusts X-User here trusts whatever the "
                              "client sent. Fix: remove X-User from input_headers here, or add an auth/validator that "
                              "propagates a claim into it (a missing claim then sends an empty value, since CE 2.5)");
        QTest::newRow("9: duplicate member in auth/validator")
            << file({endpoint("/a",
                   "{\"auth/validator\": {\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", \"cache\": false, "
                   "\"cache\": true}}",
                   {})})
            << QStringLiteral("endpoints[0] GET /a › auth/validator") << QStringLiteral("duplicate_member")
            << QStringLiteral("cache")
            << QStringLiteral("\"cache\" is written more than once in this block: KrakenD (Go's decoder) keeps the "
                              "last one, true, and ignores the others. Keep one");
        QTest::newRow("9: duplicate member in auth/signer")
            << file({endpoint("/a",
                   "{\"auth/signer\": {\"alg\": \"HS256\", \"kid\": \"a\", \"kid\": \"b\", \"keys_to_sign\": [\"t\"], "
                   "\"jwk_url\": \"https://k/j\"}}",
                   {})})
            << QStringLiteral("endpoints[0] GET /a › auth/signer") << QStringLiteral("duplicate_member")
            << QStringLiteral("kid")
            << QStringLiteral("\"kid\" is written more than once in this block: KrakenD (Go's decoder) keeps the "
                              "last one, \"b\", and ignores the others. Keep one");
        const QByteArray legacyRevoker
            = "{\"github_com/devopsfaith/bloomfilter\": {\"N\": 10000000, \"P\": 0.0000001, "
              "\"HashName\": \"optimal\", \"TTL\": 1500, \"port\": 1234, \"TokenKeys\": [\"jti\"], "
              "\"Colour\": 1}}";
        QTest::newRow("10: legacy revoker TokenKeys: revocation does nothing")
            << file({endpoint("/a", withValidator, "[\"X-User\"]")}, legacyRevoker)
            << QStringLiteral("service › github_com/devopsfaith/bloomfilter") << QStringLiteral("legacy_revoker_member")
            << QStringLiteral("TokenKeys")
            << QStringLiteral("\"TokenKeys\" is the old name of \"token_keys\": KrakenD reads token_keys, finds it "
                              "empty, and revocation does nothing (no token is ever rejected). Rename it to "
                              "\"token_keys\"");
        QTest::newRow("10: legacy revoker HashName")
            << file({endpoint("/a", withValidator, "[\"X-User\"]")}, legacyRevoker)
            << QStringLiteral("service › github_com/devopsfaith/bloomfilter") << QStringLiteral("legacy_revoker_member")
            << QStringLiteral("HashName")
            << QStringLiteral("\"HashName\" is the old name of \"hash_name\": KrakenD does not read it (its hash_name "
                              "stays empty). Rename it to \"hash_name\"");
        QTest::newRow("10: unknown member of the revoker")
            << file({endpoint("/a", withValidator, "[\"X-User\"]")}, legacyRevoker)
            << QStringLiteral("service › github_com/devopsfaith/bloomfilter") << QStringLiteral("unknown_member")
            << QStringLiteral("Colour")
            << QStringLiteral("auth/revoker has no option \"Colour\": the schema rejects it and KrakenD ignores it");
    }

    void traps()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, location);
        QFETCH(QString, code);
        QFETCH(QString, subject);
        QFETCH(QString, message);
        auto doc = krakend::ConfigDocument::fromText(config);
        QVERIFY2(doc.ok(), config.constData());
        QStringList all;
        int matches = 0;
        for (const auto &i : krakend::Linter::lint(doc.value())) {
            all << i.location + QStringLiteral(": ") + i.finding.code + u'/' + i.finding.subject;
            if (i.location == location && i.finding.code == code && i.finding.subject == subject) {
                ++matches;
                QCOMPARE(i.finding.message, message);
            }
        }
        QVERIFY2(matches == 1, qPrintable(all.join(u'\n')));
    }

    void trapsAbsentWhenSafe()
    {
        // The header is forwarded where it is set, and nowhere else: no trap. The legacy revoker's old names gone,
        // no "missing_member" is left for token_keys (one problem, one finding).
        const QByteArray safe
            = "{\"version\": 3, \"extra_config\": {\"auth/revoker\": {\"N\": 1, \"P\": 0.1, "
              "\"hash_name\": \"optimal\", \"TTL\": 1, \"port\": 1, \"token_keys\": [\"jti\"]}}, \"endpoints\": ["
              "{\"endpoint\": \"/a\", \"backend\": [{\"url_pattern\": \"/\", \"host\": [\"http://s\"]}], "
              "\"input_headers\": [\"X-User\"], \"extra_config\": {\"auth/validator\": {\"alg\": \"RS256\", "
              "\"jwk_url\": \"https://idp/jwks\", \"propagate_claims\": [[\"sub\", \"x-user\"]]}}},"
              "{\"endpoint\": \"/b\", \"backend\": [{\"url_pattern\": \"/\", \"host\": [\"http://s\"]}], "
              "\"input_headers\": [\"X-Other\"]}]}";
        auto doc = krakend::ConfigDocument::fromText(safe);
        QVERIFY(doc.ok());
        const auto items = krakend::Linter::lint(doc.value());
        QVERIFY2(items.isEmpty(), qPrintable(codes(items).join(u',')));

        const QByteArray legacy = "{\"version\": 3, \"extra_config\": {\"github_com/devopsfaith/bloomfilter\": "
                                  "{\"N\": 1, \"P\": 0.1, \"HashName\": \"optimal\", \"TTL\": 1, \"port\": 1, "
                                  "\"TokenKeys\": [\"jti\"]}}, \"endpoints\": []}";
        auto legacyDoc = krakend::ConfigDocument::fromText(legacy);
        QVERIFY(legacyDoc.ok());
        QCOMPARE(codes(krakend::Linter::lint(legacyDoc.value())),
            (QStringList {QStringLiteral("legacy_namespace"), QStringLiteral("legacy_revoker_member"),
                QStringLiteral("legacy_revoker_member")}));
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
