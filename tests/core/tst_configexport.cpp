// ConfigExport::composeBlock / writeEndpointBlock: what `config validator|signer --into` (and any other caller)
// writes on an endpoint that already has the block. A merge keeps every member the caller did not give (roles,
// roles_key, scopes, propagate_claims, issuer, audience...), a replace reports each security-relevant member it
// removed, a legacy namespace key stays unless renaming is asked for, and the report is what was written.
#include "common/JsonSource.h"
#include "krakend/ConfigDocument.h"
#include "krakend/ConfigExport.h"
#include "krakend/Namespaces.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace jwb::krakend;

namespace {

/// JSON text; "\/" stands for "/" inside URLs (moc reads "//" in a raw string as a comment).
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

const char kExisting[]
    = R"({"alg": "RS256", "jwk_url": "https:\/\/idp.example.com/jwks", "issuer": "https:\/\/idp.example.com", "audience": ["api"], "roles_key": "realm_access.roles", "roles_key_is_nested": true, "roles": ["admin"], "scopes": ["orders:read"], "scopes_key": "scope", "propagate_claims": [["sub", "x-user"]]})";

QByteArray configWith(const QString &key, const QJsonObject &block, const QJsonObject &moreExtra = {})
{
    QJsonObject extra = moreExtra;
    extra.insert(key, block);
    const QJsonObject endpoint {{QStringLiteral("endpoint"), QStringLiteral("/orders")},
        {QStringLiteral("backend"),
            QJsonArray {QJsonObject {{QStringLiteral("url_pattern"), QStringLiteral("/orders")},
                {QStringLiteral("host"), QJsonArray {QStringLiteral("http://svc:8080")}}}}},
        {QStringLiteral("extra_config"), extra}};
    return QJsonDocument(
        QJsonObject {{QStringLiteral("version"), 3}, {QStringLiteral("@comment"), QStringLiteral("kept")},
            {QStringLiteral("endpoints"), QJsonArray {endpoint}}})
        .toJson(QJsonDocument::Indented);
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestConfigExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeKeepsWhatWasNotGiven()
    {
        const QJsonObject existing = obj(kExisting);
        const auto w = ConfigExport::composeBlock(
            BlockKind::Validator, existing, obj(R"({"scopes": ["orders:write"], "alg": "ES256"})"));
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
        QJsonObject expected = existing;
        expected.insert(QStringLiteral("scopes"), QJsonArray {QStringLiteral("orders:write")});
        expected.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
        QCOMPARE(w->block, expected);
        QVERIFY(!w->replaced);
        QCOMPARE(sorted(w->given), (QStringList {QStringLiteral("alg"), QStringLiteral("scopes")}));
        QCOMPARE(sorted(w->kept),
            (QStringList {QStringLiteral("audience"), QStringLiteral("issuer"), QStringLiteral("jwk_url"),
                QStringLiteral("propagate_claims"), QStringLiteral("roles"), QStringLiteral("roles_key"),
                QStringLiteral("roles_key_is_nested"), QStringLiteral("scopes_key")}));
        QVERIFY(w->removed.isEmpty());
        QVERIFY(w->removedSecurityRelevant.isEmpty());
    }

    void mergeSwitchesTheKeySource()
    {
        // Giving jwk_local_path replaces jwk_url (exactly one key source), with the export rules' consequences,
        // and the removal is reported like any other.
        const auto w = ConfigExport::composeBlock(BlockKind::Validator,
            obj(R"({"alg": "RS256", "jwk_url": "https:\/\/idp/jwks", "cache": true, "roles": ["a"]})"),
            obj(R"({"jwk_local_path": "keys.json"})"));
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
        QCOMPARE(w->block,
            obj(R"({"alg": "RS256", "jwk_local_path": "keys.json", "disable_jwk_security": true, "roles": ["a"]})"));
        QCOMPARE(sorted(w->removed.keys()), (QStringList {QStringLiteral("cache"), QStringLiteral("jwk_url")}));
        QCOMPARE(
            sorted(w->removedSecurityRelevant), (QStringList {QStringLiteral("cache"), QStringLiteral("jwk_url")}));
        QCOMPARE(w->notes.size(), 2); // disable_jwk_security added, cache removed
    }

    void mergeReplacesAMemberSpelledInAnotherCase()
    {
        const auto w = ConfigExport::composeBlock(BlockKind::Validator,
            obj(R"({"alg": "RS256", "jwk_url": "https:\/\/idp/jwks", "Roles": ["old"]})"),
            obj(R"({"roles": ["new"]})"));
        QVERIFY(w.ok());
        QCOMPARE(w->block, obj(R"({"alg": "RS256", "jwk_url": "https:\/\/idp/jwks", "roles": ["new"]})"));
    }

    void replaceReportsWhatItRemoved()
    {
        const auto w = ConfigExport::composeBlock(BlockKind::Validator, obj(kExisting),
            obj(R"({"alg": "RS256", "jwk_url": "https:\/\/idp.example.com/jwks", "operation_debug": true})"), {}, true);
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
        QVERIFY(w->replaced);
        QCOMPARE(
            w->block, obj(R"({"alg": "RS256", "jwk_url": "https:\/\/idp.example.com/jwks", "operation_debug": true})"));
        QCOMPARE(sorted(w->removedSecurityRelevant),
            (QStringList {QStringLiteral("audience"), QStringLiteral("issuer"), QStringLiteral("propagate_claims"),
                QStringLiteral("roles"), QStringLiteral("roles_key"), QStringLiteral("roles_key_is_nested"),
                QStringLiteral("scopes"), QStringLiteral("scopes_key")}));
        QCOMPARE(w->removed.value(QStringLiteral("roles")), QJsonValue(QJsonArray {QStringLiteral("admin")}));
        QVERIFY(w->kept.isEmpty());
    }

    void defaultsOnlyWhereAbsent()
    {
        // A token's alg/issuer are defaults: what the block already has wins over them, the user's options too.
        const auto w = ConfigExport::composeBlock(BlockKind::Validator, obj(kExisting), obj(R"({"roles": ["ops"]})"),
            obj(R"({"alg": "HS256", "issuer": "https:\/\/other", "jwk_url": "https:\/\/other/jwks", "leeway": "1m30s"})"));
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
        QCOMPARE(w->block.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(w->block.value(QStringLiteral("issuer")).toString(), QStringLiteral("https://idp.example.com"));
        QCOMPARE(w->block.value(QStringLiteral("jwk_url")).toString(), QStringLiteral("https://idp.example.com/jwks"));
        QCOMPARE(w->block.value(QStringLiteral("leeway")).toString(), QStringLiteral("90s"));
        QCOMPARE(w->defaultsApplied, QStringList {QStringLiteral("leeway")});
    }

    void keptProblemsWarnNewOnesFail()
    {
        // A member the merge keeps is reported, not refused; the same problem in a given option is refused.
        const QJsonObject existing = obj(R"({"alg": "RS256", "jwk_url": "https:\/\/idp/jwks", "roles-key": "r"})");
        const auto kept = ConfigExport::composeBlock(BlockKind::Validator, existing, obj(R"({"roles": ["a"]})"));
        QVERIFY2(kept.ok(), qPrintable(kept.ok() ? QString() : kept.error().message));
        QCOMPARE(kept->warnings.size(), 1);
        QVERIFY2(kept->warnings.first().startsWith(QStringLiteral("roles-key (kept as it was)")),
            qPrintable(kept->warnings.first()));
        const auto given = ConfigExport::composeBlock(BlockKind::Validator, existing, obj(R"({"roles-key": "x"})"));
        QVERIFY(!given.ok());
        QCOMPARE(given.error().code, QStringLiteral("invalid_option"));
        // A block left without alg is refused whatever was kept.
        const auto noAlg = ConfigExport::composeBlock(
            BlockKind::Validator, obj(R"({"jwk_url": "https:\/\/idp/jwks"})"), obj(R"({"roles": ["a"]})"));
        QVERIFY(!noAlg.ok());
    }

    void signerMerge()
    {
        const auto w = ConfigExport::composeBlock(BlockKind::Signer,
            obj(R"({"alg": "HS256", "kid": "k1", "keys_to_sign": ["access_token"], "jwk_url": "https:\/\/k/jwks", "full": true})"),
            obj(R"({"kid": "k2"})"));
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
        QCOMPARE(w->block,
            obj(R"({"alg": "HS256", "kid": "k2", "keys_to_sign": ["access_token"], "jwk_url": "https:\/\/k/jwks", "full": true})"));
        const auto replaced = ConfigExport::composeBlock(BlockKind::Signer,
            obj(R"({"alg": "HS256", "kid": "k1", "keys_to_sign": ["access_token"], "jwk_url": "https:\/\/k/jwks", "full": true})"),
            obj(R"({"alg": "HS256", "kid": "k2", "keys_to_sign": ["t"], "jwk_url": "https:\/\/k/jwks"})"), {}, true);
        QVERIFY(replaced.ok());
        QCOMPARE(replaced->removedSecurityRelevant, QStringList {QStringLiteral("full")});
    }

    void writeMergesInPlaceKeepingBytes()
    {
        auto doc = ConfigDocument::fromText(configWith(Namespace::validator, obj(kExisting)));
        QVERIFY(doc.ok());
        const QByteArray before = doc->text();
        const auto w = ConfigExport::writeEndpointBlock(doc.value(), BlockKind::Validator, QStringLiteral("/orders"),
            {}, {}, obj(R"({"scopes": ["orders:write"]})"), {}, {});
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
        QCOMPARE(w->key, Namespace::validator);
        QVERIFY(w->hadBlock);
        QVERIFY(!w->addedEndpoint);
        QCOMPARE(w->block, doc->endpointBlock(0, Namespace::validator));
        QCOMPARE(w->block.value(QStringLiteral("roles")), QJsonValue(QJsonArray {QStringLiteral("admin")}));
        // Only the scopes value changed: every byte before and after it is the same.
        const QStringList scopes = {QStringLiteral("endpoints"), QStringLiteral("0"), QStringLiteral("extra_config"),
            Namespace::validator, QStringLiteral("scopes")};
        const auto oldMap = jwb::common::JsonSourceMap::parse(before).value();
        const auto *old = oldMap->find(scopes);
        const auto map = jwb::common::JsonSourceMap::parse(doc->text()).value();
        const auto *now = map->find(scopes);
        QVERIFY(old && now);
        QCOMPARE(doc->text().left(now->begin), before.left(old->begin));
        QCOMPARE(doc->text().mid(now->end), before.mid(old->end));
        QCOMPARE(doc->text().mid(now->begin, now->end - now->begin).simplified(), QByteArray("[\"orders:write\"]"));
    }

    void writeKeepsTheLegacyKeyUnlessAsked()
    {
        const QJsonObject existing = obj(kExisting);
        auto doc = ConfigDocument::fromText(configWith(Namespace::legacyValidator, existing));
        QVERIFY(doc.ok());
        auto w = ConfigExport::writeEndpointBlock(
            doc.value(), BlockKind::Validator, QStringLiteral("/orders"), {}, {}, obj(R"({"roles": ["ops"]})"), {}, {});
        QVERIFY(w.ok());
        QCOMPARE(w->key, Namespace::legacyValidator);
        QCOMPARE(w->previousKey, Namespace::legacyValidator);
        QVERIFY(!w->renamed);
        QCOMPARE(w->warnings.size(), 1);
        QVERIFY(w->warnings.first().contains(QStringLiteral("--rename-legacy")));
        QJsonObject extra = doc->endpoint(0).value(QStringLiteral("extra_config")).toObject();
        QCOMPARE(extra.keys(), QStringList {Namespace::legacyValidator});
        QCOMPARE(extra.value(Namespace::legacyValidator).toObject().value(QStringLiteral("issuer")).toString(),
            QStringLiteral("https://idp.example.com"));

        BlockPlacement rename;
        rename.renameLegacy = true;
        w = ConfigExport::writeEndpointBlock(doc.value(), BlockKind::Validator, QStringLiteral("/orders"), {}, {},
            obj(R"({"audience": ["api", "web"]})"), {}, rename);
        QVERIFY(w.ok());
        QCOMPARE(w->key, Namespace::validator);
        QVERIFY(w->renamed);
        QCOMPARE(w->previousKey, Namespace::legacyValidator);
        extra = doc->endpoint(0).value(QStringLiteral("extra_config")).toObject();
        QCOMPARE(extra.keys(), QStringList {Namespace::validator});
        QJsonObject expected = existing;
        expected.insert(QStringLiteral("roles"), QJsonArray {QStringLiteral("ops")});
        expected.insert(QStringLiteral("audience"), QJsonArray {QStringLiteral("api"), QStringLiteral("web")});
        QCOMPARE(extra.value(Namespace::validator).toObject(), expected);
        QCOMPARE(w->block, expected);
    }

    void writeWithBothKeys()
    {
        // auth/validator wins over the legacy key in KrakenD: the merge uses it; the shadowed legacy key is reported,
        // and removed only when renaming is asked for.
        const QJsonObject shadowed = obj(R"({"alg": "HS256", "jwk_url": "https:\/\/old/jwks"})");
        auto doc = ConfigDocument::fromText(
            configWith(Namespace::validator, obj(kExisting), QJsonObject {{Namespace::legacyValidator, shadowed}}));
        QVERIFY(doc.ok());
        auto w = ConfigExport::writeEndpointBlock(
            doc.value(), BlockKind::Validator, QStringLiteral("/orders"), {}, {}, obj(R"({"roles": ["ops"]})"), {}, {});
        QVERIFY(w.ok());
        QCOMPARE(w->key, Namespace::validator);
        QCOMPARE(w->block.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
        QVERIFY(w->warnings.join(u' ').contains(QStringLiteral("also has the legacy key")));
        BlockPlacement rename;
        rename.renameLegacy = true;
        w = ConfigExport::writeEndpointBlock(doc.value(), BlockKind::Validator, QStringLiteral("/orders"), {}, {},
            obj(R"({"roles": ["ops"]})"), {}, rename);
        QVERIFY(w.ok());
        QVERIFY(!w->renamed);
        QCOMPARE(doc->endpoint(0).value(QStringLiteral("extra_config")).toObject().keys(),
            QStringList {Namespace::validator});
    }

    void writeAddsAnEndpointOrABlock()
    {
        auto doc
            = ConfigDocument::fromText(configWith(QStringLiteral("qos/ratelimit/router"), obj(R"({"max_rate": 5})")));
        QVERIFY(doc.ok());
        auto w = ConfigExport::writeEndpointBlock(doc.value(), BlockKind::Validator, QStringLiteral("/orders"), {}, {},
            obj(R"({"alg": "RS256", "jwk_url": "https:\/\/idp/jwks"})"), {}, {});
        QVERIFY(w.ok());
        QVERIFY(!w->hadBlock);
        QVERIFY(w->previousKey.isEmpty());
        QCOMPARE(w->key, Namespace::validator);
        w = ConfigExport::writeEndpointBlock(doc.value(), BlockKind::Validator, QStringLiteral("/new"),
            QStringLiteral("POST"), QStringLiteral("http://svc/new"),
            obj(R"({"alg": "RS256", "jwk_url": "https:\/\/idp/jwks"})"), {}, {});
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
        QVERIFY(w->addedEndpoint);
        QCOMPARE(w->endpoint, 1);
        QCOMPARE(doc->findEndpoint(QStringLiteral("/new"), QStringLiteral("POST")), 1);
    }

    void writeWarnsAboutAByteOrderMark()
    {
        auto doc = ConfigDocument::fromText(
            "\xEF\xBB\xBF" + configWith(Namespace::validator, obj(kExisting)), QStringLiteral("krakend.json"));
        QVERIFY(doc.ok());
        const auto w = ConfigExport::writeEndpointBlock(
            doc.value(), BlockKind::Validator, QStringLiteral("/orders"), {}, {}, obj(R"({"roles": ["ops"]})"), {}, {});
        QVERIFY(w.ok());
        QVERIFY(doc->hasByteOrderMark());
        QVERIFY2(w->warnings.join(u' ').contains(QStringLiteral("KrakenD would not start")),
            qPrintable(w->warnings.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestConfigExport)
#include "tst_configexport.moc"
