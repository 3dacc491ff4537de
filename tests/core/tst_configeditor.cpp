// ConfigEditor, GatewayCatalog, KeySourceConfig and GoStruct: the Gateway's document and what it knows about
// KrakenD's JWT blocks. Edits follow KrakenD's own reading of member names (Go's case folding, the last spelling
// in bytewise order wins); every edit is a record with the text before and after; undo and redo restore a text
// without recording a new edit; each change says what it touched.
#include "krakend/ConfigEditor.h"
#include "krakend/GatewayCatalog.h"
#include "krakend/KeySourceConfig.h"
#include "krakend/Linter.h"
#include "krakend/Namespaces.h"
#include "krakend/SignerConfig.h"
#include "krakend/ValidatorConfig.h"
#include "krakend/go/GoStruct.h"

#include "LocalHttpsServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;
using krakend::Block;
using krakend::ConfigEditor;
using krakend::DocumentEdit;
using krakend::EditKind;
namespace GatewayCatalog = krakend::GatewayCatalog;
namespace GoStruct = krakend::GoStruct;

namespace {

QByteArray readGolden()
{
    QFile f(QStringLiteral(JWB_TEST_DATA_DIR "/krakend/edit-golden.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(f.fileName()));
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A config with one endpoint whose validator and signer blocks are `validator` and `signer` (JSON texts).
QByteArray configWith(const QByteArray &validator, const QByteArray &signer = "{}")
{
    return "{\"version\": 3, \"endpoints\": [{\"endpoint\": \"/a\", \"backend\": [{\"url_pattern\": \"/a\"}], "
           "\"extra_config\": {\"auth/validator\": "
        + validator + ", \"auth/signer\": " + signer + "}}]}";
}

std::unique_ptr<ConfigEditor> editorFor(const QByteArray &text)
{
    auto editor = std::make_unique<ConfigEditor>();
    if (!editor->restoreUnsaved(QString(), text))
        return nullptr;
    return editor;
}

// The text the Gateway wrote before these blocks moved to core (the same ConfigDocument edits of the same objects);
// the blocks must stay byte for byte what users have been getting.
const QByteArray kNewConfig = "{\n"
                              "  \"$schema\": \"https://www.krakend.io/schema/v2.13/krakend.json\",\n"
                              "  \"version\": 3,\n"
                              "  \"endpoints\": []\n"
                              "}\n";

} // namespace

class TestConfigEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goFoldsMemberNames()
    {
        // The Kelvin sign folds to 'k' and the long s to 's', as in Go's encoding/json.
        QCOMPARE(GoStruct::foldName(QStringLiteral("\u212Aid")), GoStruct::foldName(QStringLiteral("kid")));
        QCOMPARE(GoStruct::foldName(QStringLiteral("\u017Fcopes")), GoStruct::foldName(QStringLiteral("scopes")));
        QVERIFY(GoStruct::foldName(QStringLiteral("kid")) != GoStruct::foldName(QStringLiteral("kit")));

        auto editor = editorFor(configWith("{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\", "
                                           "\"\u017Fcopes\": [\"read\"], \"scopes_key\": \"scope\"}",
            "{\"alg\": \"RS256\", \"\u212Aid\": \"k1\", \"keys_to_sign\": [\"t\"]}"));
        QVERIFY(editor);
        QCOMPARE(editor->shownValue(Block::Signer, 0, QStringLiteral("kid")), QJsonValue(QStringLiteral("k1")));
        QCOMPARE(editor->shownValue(Block::Validator, 0, QStringLiteral("scopes")),
            QJsonValue(QJsonArray {QStringLiteral("read")}));

        // The edit goes to the member KrakenD reads: no second spelling appears.
        QVERIFY(editor->setOption(Block::Signer, 0, QStringLiteral("kid"), QStringLiteral("k2")));
        const QJsonObject signer = editor->block(Block::Signer, 0);
        QCOMPARE(signer.value(QStringLiteral("\u212Aid")), QJsonValue(QStringLiteral("k2")));
        QVERIFY(!signer.contains(QLatin1String("kid")));
        QCOMPARE(krakend::SignerConfig::fromJson(signer).kid(), QStringLiteral("k2"));

        QVERIFY(editor->setOption(Block::Validator, 0, QStringLiteral("scopes"), QJsonArray {QStringLiteral("write")}));
        const QJsonObject validator = editor->block(Block::Validator, 0);
        QVERIFY(!validator.contains(QLatin1String("scopes")));
        QCOMPARE(krakend::ValidatorConfig::fromJson(validator).scopes(), QStringList {QStringLiteral("write")});

        // Removing an option removes that member.
        QVERIFY(editor->setOption(Block::Signer, 0, QStringLiteral("kid"), QJsonValue(QJsonValue::Undefined)));
        QVERIFY(editor->block(Block::Signer, 0).isEmpty() == false);
        QVERIFY(!editor->block(Block::Signer, 0).contains(QStringLiteral("\u212Aid")));
        QVERIFY(editor->shownValue(Block::Signer, 0, QStringLiteral("kid")).isUndefined());
    }

    void theSpellingKrakendReadsIsEdited()
    {
        // "ALG" < "Alg" bytewise: Go decodes both and keeps the later, "Alg". A case-insensitive first match (the
        // Qt rule the forms used) would edit "ALG", which KrakenD then ignores.
        auto editor = editorFor(configWith("{\"ALG\": \"HS256\", \"Alg\": \"RS256\", \"jwk_url\": \"https://x\"}"));
        QVERIFY(editor);
        QCOMPARE(krakend::ValidatorConfig::fromJson(editor->block(Block::Validator, 0)).alg(), QStringLiteral("RS256"));
        QCOMPARE(GoStruct::memberKey(editor->block(Block::Validator, 0), QStringLiteral("alg")), QStringLiteral("Alg"));
        QCOMPARE(editor->shownValue(Block::Validator, 0, QStringLiteral("alg")), QJsonValue(QStringLiteral("RS256")));

        QVERIFY(editor->setOption(Block::Validator, 0, QStringLiteral("alg"), QStringLiteral("ES256")));
        const QJsonObject block = editor->block(Block::Validator, 0);
        QCOMPARE(block.value(QLatin1String("ALG")), QJsonValue(QStringLiteral("HS256")));
        QCOMPARE(block.value(QLatin1String("Alg")), QJsonValue(QStringLiteral("ES256")));
        QVERIFY(!block.contains(QLatin1String("alg")));
        QCOMPARE(krakend::ValidatorConfig::fromJson(block).alg(), QStringLiteral("ES256"));

        // The exact name is not special: a later folded spelling wins over it, for GoStruct and the decoder alike.
        const QJsonObject both {
            {QStringLiteral("kid"), QStringLiteral("a")}, {QStringLiteral("\u212Aid"), QStringLiteral("b")}};
        QCOMPARE(GoStruct::memberKey(both, QStringLiteral("kid")), QStringLiteral("\u212Aid"));
        QCOMPARE(krakend::SignerConfig::fromJson(both).kid(), QStringLiteral("b"));
        QCOMPARE(GoStruct::membersFor(both, QStringLiteral("kid")),
            (QStringList {QStringLiteral("kid"), QStringLiteral("\u212Aid")}));
        const QJsonObject revoker {{QStringLiteral("TTL"), 1}, {QStringLiteral("ttl"), 2}};
        QCOMPARE(GoStruct::memberKey(revoker, QStringLiteral("TTL")), QStringLiteral("ttl"));
        QVERIFY(GoStruct::memberKey(revoker, QStringLiteral("port")).isEmpty());
        QCOMPARE(GoStruct::withValue(revoker, QStringLiteral("port"), 9).value(QLatin1String("port")), QJsonValue(9));
    }

    void defaultBlocksLintCleanAndKeepTheirBytes()
    {
        ConfigEditor editor;
        QCOMPARE(editor.text(), kNewConfig);
        QCOMPARE(GatewayCatalog::newConfigText(), kNewConfig);
        QVERIFY(!editor.isModified());
        auto index = editor.addEndpoint(
            QStringLiteral("/v1/users"), QStringLiteral("GET"), QStringLiteral("http://users:8080/users"));
        QVERIFY(index);
        QCOMPARE(index.value(), 0);
        QVERIFY(editor.addBlock(Block::Validator, 0));
        QVERIFY(editor.addBlock(Block::Signer, 0));
        QVERIFY(editor.addBlock(Block::Revoker));
        QCOMPARE(editor.text(),
            QByteArray("{\n"
                       "  \"$schema\": \"https://www.krakend.io/schema/v2.13/krakend.json\",\n"
                       "  \"version\": 3,\n"
                       "  \"endpoints\": [\n"
                       "    {\n"
                       "      \"endpoint\": \"/v1/users\",\n"
                       "      \"method\": \"GET\",\n"
                       "      \"backend\": [\n"
                       "        {\n"
                       "          \"url_pattern\": \"/users\",\n"
                       "          \"host\": [\"http://users:8080\"]\n"
                       "        }\n"
                       "      ],\n"
                       "      \"extra_config\": {\n"
                       "        \"auth/validator\": {\n"
                       "          \"alg\": \"RS256\",\n"
                       "          \"jwk_url\": \"https://idp.example.com/.well-known/jwks.json\",\n"
                       "          \"cache\": true\n"
                       "        },\n"
                       "        \"auth/signer\": {\n"
                       "          \"alg\": \"RS256\",\n"
                       "          \"kid\": \"sig-1\",\n"
                       "          \"jwk_local_path\": \"private-jwks.json\",\n"
                       "          \"disable_jwk_security\": true,\n"
                       "          \"keys_to_sign\": [\"access_token\"]\n"
                       "        }\n"
                       "      }\n"
                       "    }\n"
                       "  ],\n"
                       "  \"extra_config\": {\n"
                       "    \"auth/revoker\": {\n"
                       "      \"N\": 10000000,\n"
                       "      \"P\": 1e-07,\n"
                       "      \"TTL\": 1500,\n"
                       "      \"hash_name\": \"optimal\",\n"
                       "      \"port\": 1234,\n"
                       "      \"token_keys\": [\"jti\"]\n"
                       "    }\n"
                       "  }\n"
                       "}\n"));
        QVERIFY(!krakend::Linter::hasErrors(editor.lint()));

        // A JWK URL the session knows replaces the placeholder; a block that is there is not added twice.
        QCOMPARE(GatewayCatalog::defaultBlock(Block::Validator, QStringLiteral("https://idp/jwks"))
                     .value(QLatin1String("jwk_url")),
            QJsonValue(QStringLiteral("https://idp/jwks")));
        const auto again = editor.addBlock(Block::Validator, 0);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("block_exists"));
        QVERIFY(GatewayCatalog::defaultBlock(Block::ServiceValidator).isEmpty());
        QVERIFY(!editor.addBlock(Block::Validator, 7));
    }

    void versionsComeFromTheOptions()
    {
        const QStringList versions = GatewayCatalog::versions();
        QCOMPARE(versions.first(), QStringLiteral("2.0"));
        QCOMPARE(versions.last(), GatewayCatalog::schemaVersion());
        QCOMPARE(GatewayCatalog::schemaVersion(), QStringLiteral("2.13"));
        QCOMPARE(versions.size(), 14);
        for (const Block block : GatewayCatalog::blocks())
            for (const auto &o : GatewayCatalog::options(block))
                QVERIFY2(versions.contains(o.since), qPrintable(o.name + u' ' + o.since));
        QVERIFY(GatewayCatalog::compareVersions(QStringLiteral("2.10"), QStringLiteral("2.9")) > 0);
        QVERIFY(GatewayCatalog::compareVersions(QStringLiteral("2.6"), QStringLiteral("2.13")) < 0);
        QCOMPARE(GatewayCatalog::compareVersions(QStringLiteral("2.6"), QStringLiteral("2.6.0")), 0);
        QVERIFY(GatewayCatalog::compareVersions(QStringLiteral("3"), QStringLiteral("2.13")) > 0);
    }

    void everyOptionIsInExactlyOneGroup()
    {
        for (const Block block : GatewayCatalog::blocks()) {
            QStringList grouped;
            QSet<QString> ids;
            for (const auto &g : GatewayCatalog::groups(block)) {
                QVERIFY(!g.id.isEmpty() && !g.title.isEmpty());
                QVERIFY2(!ids.contains(g.id), qPrintable(g.id));
                ids.insert(g.id);
                grouped += g.options;
            }
            QStringList names;
            for (const auto &o : GatewayCatalog::options(block))
                names.append(o.name);
            QCOMPARE(grouped.size(), names.size());
            for (const QString &name : names)
                QCOMPARE(grouped.count(name), 1);
        }
        QCOMPARE(GatewayCatalog::options(Block::Revoker).size(), 6);
        QCOMPARE(GatewayCatalog::ns(Block::ServiceValidator), krakend::Namespace::validator);
        QVERIFY(GatewayCatalog::isServiceLevel(Block::Revoker));
        QVERIFY(!GatewayCatalog::isServiceLevel(Block::Signer));
    }

    void editsAreRecordedRestoreIsNot()
    {
        auto editor = editorFor(readGolden());
        QVERIFY(editor);
        QVERIFY(!editor->save()); // untitled: nowhere to save
        QSignalSpy edited(editor.get(), &ConfigEditor::edited);
        QSignalSpy changed(editor.get(), &ConfigEditor::changed);
        QSignalSpy restored(editor.get(), &ConfigEditor::restored);
        const QByteArray before = editor->text();
        QVERIFY(editor->setOption(Block::Validator, 0, QStringLiteral("issuer"), QStringLiteral("https://idp/")));
        QCOMPARE(edited.count(), 1);
        const auto edit = edited.at(0).at(0).value<DocumentEdit>();
        QCOMPARE(edit.kind, EditKind::SetOption);
        QCOMPARE(edit.block, Block::Validator);
        QCOMPARE(edit.endpoint, 0);
        QCOMPARE(edit.subject, QStringLiteral("issuer"));
        QCOMPARE(edit.before, before);
        QCOMPARE(edit.after, editor->text());
        QVERIFY(edit.after.contains("\"issuer\": \"https://idp/\""));
        QCOMPARE(changed.count(), 1);

        // The same value again is not an edit.
        QVERIFY(editor->setOption(Block::Validator, 0, QStringLiteral("issuer"), QStringLiteral("https://idp/")));
        QCOMPARE(edited.count(), 1);

        // Undo and redo: the text comes back, nothing new is recorded, the endpoint is named.
        QVERIFY(editor->restore(edit.before, edit.endpoint));
        QCOMPARE(editor->text(), before);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(restored.count(), 1);
        QCOMPARE(restored.at(0).at(0).toInt(), 0);
        QVERIFY(editor->restore(edit.after, edit.endpoint));
        QCOMPARE(editor->text(), edit.after);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(changed.count(), 3);
        // What is not a configuration is refused and changes nothing.
        QVERIFY(!editor->restore("{not json", 0));
        QCOMPARE(editor->text(), edit.after);

        // Each kind of edit is worded from its record.
        QVERIFY(editor->addEndpoint(QStringLiteral("/b"), QStringLiteral("POST"), QStringLiteral("http://b:1/b")));
        QCOMPARE(edited.last().at(0).value<DocumentEdit>().kind, EditKind::AddEndpoint);
        QCOMPARE(edited.last().at(0).value<DocumentEdit>().subject, QStringLiteral("/b"));
        QCOMPARE(edited.last().at(0).value<DocumentEdit>().endpoint, 2);
        QVERIFY(editor->removeEndpoint(2));
        QCOMPARE(edited.last().at(0).value<DocumentEdit>().subject, QStringLiteral("POST /b"));
        QVERIFY(editor->removeBlock(Block::Validator, 0));
        QCOMPARE(edited.last().at(0).value<DocumentEdit>().kind, EditKind::RemoveBlock);
        QVERIFY(!editor->removeBlock(Block::Validator, 0));
        QCOMPARE(edited.count(), 4);
    }

    void changesSayWhatTheyTouched()
    {
        auto editor = editorFor(readGolden());
        QVERIFY(editor);
        QVERIFY(editor->addEndpoint(QStringLiteral("/c"), QStringLiteral("GET"), QStringLiteral("http://c:1/c")));
        QSignalSpy endpoint(editor.get(), &ConfigEditor::endpointChanged);
        QSignalSpy service(editor.get(), &ConfigEditor::serviceChanged);
        QSignalSpy replaced(editor.get(), &ConfigEditor::documentReplaced);

        QVERIFY(editor->setOption(Block::Validator, 1, QStringLiteral("issuer"), QStringLiteral("https://idp/")));
        QCOMPARE(endpoint.count(), 1);
        QCOMPARE(endpoint.at(0).at(0).toInt(), 1);
        QCOMPARE(service.count(), 0);
        QCOMPARE(replaced.count(), 0);

        QVERIFY(editor->setOption(Block::ServiceValidator, 1, QStringLiteral("shared_cache_duration"), 600));
        QCOMPARE(endpoint.count(), 1);
        QCOMPARE(service.count(), 1);
        QVERIFY(editor->setOption(
            Block::ServiceValidator, -1, QStringLiteral("shared_cache_duration"), QJsonValue(QJsonValue::Undefined)));
        QVERIFY(!editor->hasBlock(Block::ServiceValidator));

        // Undo of an endpoint edit names that endpoint only.
        const QByteArray text = editor->text();
        QVERIFY(editor->setOption(Block::Signer, 2, QStringLiteral("kid"), QStringLiteral("k")));
        QCOMPARE(endpoint.last().at(0).toInt(), 2);
        const int endpointSignals = static_cast<int>(endpoint.count());
        QVERIFY(editor->restore(text, 2));
        QCOMPARE(endpoint.count(), endpointSignals + 1);
        QCOMPARE(endpoint.last().at(0).toInt(), 2);

        // A different number of endpoints replaces the document's list.
        QVERIFY(editor->removeEndpoint(0));
        QCOMPARE(replaced.count(), 1);
        editor->newConfig();
        QCOMPARE(replaced.count(), 2);
    }

    void saveKeepsOneBackupAndReviewsFirst()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("krakend.json"));
        const QByteArray original = readGolden();
        QVERIFY(writeFile(path, original));
        ConfigEditor editor;
        QSignalSpy modified(&editor, &ConfigEditor::modifiedChanged);
        QSignalSpy pathChanged(&editor, &ConfigEditor::pathChanged);
        QVERIFY(editor.open(path));
        QCOMPARE(pathChanged.count(), 1);
        QCOMPARE(editor.baseDir(), dir.path());
        QVERIFY(!editor.isModified());
        QVERIFY(editor.setOption(Block::Validator, 0, QStringLiteral("alg"), QStringLiteral("ES384")));
        QVERIFY(editor.isModified());
        QCOMPARE(modified.count(), 1);

        QByteArray disk;
        const krakend::SaveReview review = editor.reviewSave(QString(), &disk);
        QCOMPARE(disk, original);
        QCOMPARE(review.changedEndpoints, QList<int> {0});
        QVERIFY(!review.needsConfirmation());

        QVERIFY(editor.save());
        QVERIFY(!editor.isModified());
        QCOMPARE(modified.count(), 2);
        QCOMPARE(readFile(path + QStringLiteral(".bak")), original);
        // A second save keeps the first backup (the original), not the intermediate version.
        QVERIFY(editor.setOption(Block::Validator, 0, QStringLiteral("alg"), QStringLiteral("ES512")));
        QVERIFY(editor.save());
        QCOMPARE(readFile(path + QStringLiteral(".bak")), original);
        QVERIFY(readFile(path).contains("\"alg\": \"ES512\""));

        // An edit that breaks the block is asked about before a save; revert goes back to the saved text.
        QVERIFY(editor.setOption(Block::Validator, 0, QStringLiteral("alg"), QJsonValue(QJsonValue::Undefined)));
        QVERIFY(editor.reviewSave().needsConfirmation());
        const QByteArray saved = readFile(path);
        editor.revert();
        QCOMPARE(editor.text(), saved);
        QVERIFY(!editor.isModified());
    }

    void restoreUnsavedIsModified()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("krakend.json"));
        const QByteArray original = readGolden();
        QVERIFY(writeFile(path, original));
        ConfigEditor editor;
        QByteArray text = original;
        text.replace("\"alg\": \"RS256\"", "\"alg\": \"RS384\"");
        QVERIFY(editor.restoreUnsaved(path, text));
        QVERIFY(editor.isModified());
        QCOMPARE(editor.path(), path);
        editor.revert();
        QCOMPARE(editor.text(), original);

        // Untitled: modified until saved or discarded.
        QVERIFY(editor.restoreUnsaved(QString(), "{\"version\": 3, \"endpoints\": []}"));
        QVERIFY(editor.isModified());
        editor.revert();
        QVERIFY(!editor.isModified());
        QCOMPARE(editor.text(), QByteArray("{\"version\": 3, \"endpoints\": []}"));
        QVERIFY(!editor.restoreUnsaved(QString(), "{not json"));
    }

    void keySourceIsShared()
    {
        // The eight shared options: one definition, worded for each block.
        QCOMPARE(krakend::KeySourceConfig::optionNames().size(), 8);
        const auto validatorUrl
            = krakend::KeySourceConfig::options(krakend::KeySourceConfig::Role::Validator, {QStringLiteral("jwk_url")});
        const auto signerUrl
            = krakend::KeySourceConfig::options(krakend::KeySourceConfig::Role::Signer, {QStringLiteral("jwk_url")});
        QCOMPARE(validatorUrl.size(), 1);
        QCOMPARE(validatorUrl.first().type, signerUrl.first().type);
        QVERIFY(validatorUrl.first().meaning != signerUrl.first().meaning);
        for (const QString &name : krakend::KeySourceConfig::optionNames()) {
            QVERIFY2(krakend::ValidatorConfig::option(name), qPrintable(name));
            QVERIFY2(krakend::SignerConfig::option(name), qPrintable(name));
        }

        // The same findings from both blocks, each in its own words.
        const QJsonObject insecure {{QStringLiteral("alg"), QStringLiteral("RS256")},
            {QStringLiteral("jwk_url"), QStringLiteral("http://idp/jwks")},
            {QStringLiteral("jwk_local_path"), QStringLiteral("k.json")},
            {QStringLiteral("jwk_fingerprints"), QJsonArray {QStringLiteral("not base64!")}}};
        const auto codes = [](const common::Findings &findings) {
            QStringList out;
            for (const auto &f : findings)
                out.append(f.code);
            return out;
        };
        const QStringList validator = codes(krakend::ValidatorConfig::fromJson(insecure).findings());
        const QStringList signer = codes(krakend::SignerConfig::fromJson(insecure).findings());
        for (const char *code : {"insecure_jwk_url", "both_key_sources", "bad_fingerprint"}) {
            QVERIFY2(validator.contains(QLatin1String(code)), code);
            QVERIFY2(signer.contains(QLatin1String(code)), code);
        }
        QVERIFY(validator.contains(QStringLiteral("no_key_source")) == false);
        QVERIFY(codes(krakend::ValidatorConfig::fromJson({{QStringLiteral("alg"), QStringLiteral("RS256")}}).findings())
                    .contains(QStringLiteral("no_key_source")));
    }

    void keySourceTls()
    {
        QTemporaryDir dir;
        const QJsonObject block {{QStringLiteral("alg"), QStringLiteral("RS256")},
            {QStringLiteral("jwk_url"), QStringLiteral("https://idp/jwks")},
            {QStringLiteral("disable_jwk_security"), true}, {QStringLiteral("jwk_local_ca"), QStringLiteral("ca.pem")},
            {QStringLiteral("jwk_fingerprints"),
                QJsonArray {QStringLiteral("ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-=")}}};
        const auto cfg = krakend::ValidatorConfig::fromJson(block);

        krakend::KeySourceTls tls = cfg.tlsOptions(dir.path());
        QVERIFY(tls.options.insecure);
        QCOMPARE(tls.options.pins, cfg.decodedFingerprints());
        QCOMPARE(tls.caPath, dir.filePath(QStringLiteral("ca.pem")));
        QVERIFY2(tls.caError.startsWith(QStringLiteral("failed to append \"ca.pem\" to RootCAs: open %1")
                                            .arg(dir.filePath(QStringLiteral("ca.pem")))),
            qPrintable(tls.caError));

        QVERIFY(writeFile(dir.filePath(QStringLiteral("ca.pem")), "no certificate here\n"));
        tls = cfg.tlsOptions(dir.path());
        QVERIFY(tls.caError.isEmpty());
        QVERIFY(tls.caHoldsNoCertificate);
        QVERIFY(tls.options.extraCa.isEmpty());

        QSslCertificate certificate;
        QSslKey key;
        QString error;
        QVERIFY2(test::makeLocalhostCertificate(dir.path(), &certificate, &key, &error), qPrintable(error));
        QVERIFY(QFile::copy(dir.filePath(QStringLiteral("server.pem")), dir.filePath(QStringLiteral("ca2.pem"))));
        tls = krakend::ValidatorConfig::fromJson(
            GoStruct::withValue(block, QStringLiteral("jwk_local_ca"), dir.filePath(QStringLiteral("ca2.pem"))))
                  .tlsOptions(QStringLiteral("/elsewhere"));
        QCOMPARE(tls.caPath, dir.filePath(QStringLiteral("ca2.pem"))); // absolute: not resolved
        QVERIFY(tls.caError.isEmpty());
        QVERIFY(!tls.caHoldsNoCertificate);
        QCOMPARE(tls.options.extraCa, QList<QSslCertificate> {certificate});
        QVERIFY(krakend::ValidatorConfig::fromJson({}).tlsOptions(dir.path()).caPath.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConfigEditor)
#include "tst_configeditor.moc"
