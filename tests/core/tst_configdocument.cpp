// ConfigDocument: lossless editing of krakend.json. Every test checks that bytes outside the edited member
// are untouched, by comparing the text before and after the edit region.
#include "krakend/ConfigDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using jwb::krakend::ConfigDocument;
namespace Namespace = jwb::krakend::Namespace;

namespace {
QByteArray readGolden()
{
    QFile f(QStringLiteral(JWB_TEST_DATA_DIR "/krakend/edit-golden.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(f.fileName()));
    return f.readAll();
}
const QByteArray kConfig = readGolden();

/// Everything before `from` and after the last `suffixLen` bytes must be identical.
void expectOnlyChanged(const QByteArray &before, const QByteArray &after, const QByteArray &untouchedPrefix,
    const QByteArray &untouchedSuffix)
{
    QVERIFY2(before.startsWith(untouchedPrefix), "prefix chosen from the original");
    QVERIFY2(after.startsWith(untouchedPrefix), after.constData());
    QVERIFY2(after.endsWith(untouchedSuffix), after.constData());
}
} // namespace

class TestConfigDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEndpoints()
    {
        auto doc = ConfigDocument::fromText(kConfig);
        QVERIFY(doc.ok());
        const auto eps = doc->endpoints();
        QCOMPARE(eps.size(), 2);
        QCOMPARE(eps[0].path, u"/orders");
        QCOMPARE(eps[0].method, u"GET");
        QVERIFY(eps[0].hasValidator);
        QCOMPARE(eps[1].method, u"GET");
        QVERIFY(!eps[1].hasValidator);
        QCOMPARE(doc->findEndpoint(QStringLiteral("/health")), 1);
        QCOMPARE(doc->findEndpoint(QStringLiteral("/health"), QStringLiteral("POST")), -1);
        QCOMPARE(doc->endpointBlock(0, Namespace::validator).value(QLatin1String("alg")).toString(), u"RS256");
    }

    void unchangedBlockKeepsEveryByte()
    {
        auto doc = ConfigDocument::fromText(kConfig);
        QVERIFY(doc.ok());
        const QJsonObject block = doc->endpointBlock(0, Namespace::validator);
        QVERIFY(doc->setEndpointBlock(0, Namespace::validator, block).ok());
        QCOMPARE(doc->text(), kConfig);
        QVERIFY(!doc->isModified());
    }

    void changingOneMemberTouchesOnlyIt()
    {
        auto doc = ConfigDocument::fromText(kConfig);
        QJsonObject block = doc->endpointBlock(0, Namespace::validator);
        block.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
        QVERIFY(doc->setEndpointBlock(0, Namespace::validator, block).ok());
        QByteArray expected = kConfig;
        expected.replace("\"alg\": \"RS256\"", "\"alg\": \"ES256\"");
        QCOMPARE(doc->text(), expected);
        // cache_duration keeps its spelling 3600.0 because it did not change
        QVERIFY(doc->text().contains("\"cache_duration\": 3600.0"));
    }

    void addAndRemoveMembers()
    {
        auto doc = ConfigDocument::fromText(kConfig);
        QJsonObject block = doc->endpointBlock(0, Namespace::validator);
        block.remove(QStringLiteral("cache"));
        block.insert(QStringLiteral("issuer"), QStringLiteral("https://idp.example.com/"));
        QVERIFY(doc->setEndpointBlock(0, Namespace::validator, block).ok());
        const QByteArray t = doc->text();
        QVERIFY(!t.contains("\"cache\": true"));
        QVERIFY(t.contains("                    \"issuer\": \"https://idp.example.com/\"\n"));
        QVERIFY(t.contains("\"@note\": \"reviewed 2026-01-10\""));
        const auto reparsed = QJsonDocument::fromJson(t).object();
        QCOMPARE(reparsed.value(QLatin1String("unknown_key")).toObject().value(QLatin1String("x")).toArray().size(), 3);
        expectOnlyChanged(kConfig, t, kConfig.left(kConfig.indexOf("\"auth/validator\"")),
            kConfig.mid(kConfig.indexOf("\"qos/ratelimit/router\"")));
        QCOMPARE(QJsonDocument::fromJson(t)
                     .object()
                     .value(QLatin1String("endpoints"))
                     .toArray()[0]
                     .toObject()
                     .value(QLatin1String("extra_config"))
                     .toObject()
                     .value(Namespace::validator)
                     .toObject(),
            block);
    }

    void addBlockToEndpointWithoutExtraConfig()
    {
        auto doc = ConfigDocument::fromText(kConfig);
        const QJsonObject block {{QStringLiteral("alg"), QStringLiteral("HS256")},
            {QStringLiteral("jwk_local_path"), QStringLiteral("keys.json")},
            {QStringLiteral("disable_jwk_security"), true}};
        QVERIFY(doc->setEndpointBlock(1, Namespace::validator, block).ok());
        const QByteArray t = doc->text();
        QVERIFY(t.startsWith(kConfig.left(kConfig.indexOf("\"/__health\""))));
        QVERIFY(t.endsWith(kConfig.mid(kConfig.indexOf("    \"unknown_key\""))));
        QCOMPARE(doc->endpointBlock(1, Namespace::validator), block);
        // preferred order: alg first, then the key source
        QVERIFY(t.indexOf("\"alg\": \"HS256\"") < t.indexOf("\"jwk_local_path\""));
    }

    void removeBlockAndEndpoint()
    {
        auto doc = ConfigDocument::fromText(kConfig);
        QVERIFY(doc->removeEndpointBlock(0, Namespace::validator).ok());
        QVERIFY(!doc->endpoints()[0].hasValidator);
        QVERIFY(doc->text().contains("\"qos/ratelimit/router\": {\"max_rate\": 50}"));
        QVERIFY(doc->removeEndpoint(1).ok());
        QCOMPARE(doc->endpoints().size(), 1);
        QVERIFY(!QJsonDocument::fromJson(doc->text()).isNull());
    }

    void addEndpoint()
    {
        auto doc = ConfigDocument::fromText(kConfig);
        auto idx = doc->addEndpoint(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/new")},
            {QStringLiteral("backend"),
                QJsonArray {QJsonObject {{QStringLiteral("url_pattern"), QStringLiteral("/x")}}}}});
        QVERIFY(idx.ok());
        QCOMPARE(idx.value(), 2);
        QCOMPARE(doc->endpoints()[2].path, u"/new");
        QVERIFY(doc->text().startsWith(kConfig.left(kConfig.indexOf("\n    ],"))));
    }

    void legacyNamespaceIsEditedInPlace()
    {
        const QByteArray legacy
            = "{\"version\": 3, \"endpoints\": [{\"endpoint\": \"/a\", \"extra_config\": "
              "{\"github.com/devopsfaith/krakend-jose/validator\": {\"alg\": \"RS256\", \"jwk_url\": "
              "\"https://x/jwks\"}}}]}";
        auto doc = ConfigDocument::fromText(legacy);
        QVERIFY(doc->endpoints()[0].hasValidator);
        QCOMPARE(doc->endpoints()[0].validatorKey, Namespace::legacyValidator);
        QJsonObject block = doc->endpointBlock(0, Namespace::validator);
        block.insert(QStringLiteral("alg"), QStringLiteral("PS256"));
        QVERIFY(doc->setEndpointBlock(0, Namespace::validator, block).ok());
        QVERIFY(
            doc->text().contains("github.com/devopsfaith/krakend-jose/validator\": {\"alg\": \"PS256\", \"jwk_url\""));
    }

    void templatesAreReadOnly()
    {
        const QByteArray tpl = "{\"version\": 3, \"endpoints\": [{{ template \"endpoints.tmpl\" . }}]}";
        auto doc = ConfigDocument::fromText(tpl, QStringLiteral("krakend.tmpl"));
        QVERIFY(!doc.ok());
        QCOMPARE(doc.error().code, u"template_config");
        const QByteArray validTpl = "{\"version\": 3, \"name\": \"{{ .service.name }}\", \"endpoints\": []}";
        auto doc2 = ConfigDocument::fromText(validTpl);
        QVERIFY(doc2.ok());
        QVERIFY(doc2->usesTemplates());
        QCOMPARE(doc2->addEndpoint(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/x")}}).error().code,
            u"template_config");
    }

    void invalidJsonNamesTheOffset()
    {
        auto doc = ConfigDocument::fromText("{\"version\": 3,, }", QStringLiteral("bad.json"));
        QVERIFY(!doc.ok());
        QCOMPARE(doc.error().code, u"invalid_json");
        QVERIFY2(doc.error().message.contains(u"bad.json"), qPrintable(doc.error().message));
        QVERIFY(doc.error().details.contains(QStringLiteral("offset")));
    }

    void saveIsAtomicWithOneBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("krakend.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kConfig);
        f.close();
        auto doc = ConfigDocument::open(path);
        QVERIFY(doc.ok());
        QJsonObject block = doc->endpointBlock(0, Namespace::validator);
        block.insert(QStringLiteral("alg"), QStringLiteral("ES384"));
        QVERIFY(doc->setEndpointBlock(0, Namespace::validator, block).ok());
        QVERIFY(doc->save().ok());
        QFile bak(path + QStringLiteral(".bak"));
        QVERIFY(bak.open(QIODevice::ReadOnly));
        QCOMPARE(bak.readAll(), kConfig);
        // A second save keeps the first backup (the original), not the intermediate version.
        block.insert(QStringLiteral("alg"), QStringLiteral("ES512"));
        QVERIFY(doc->setEndpointBlock(0, Namespace::validator, block).ok());
        QVERIFY(doc->save().ok());
        bak.seek(0);
        QCOMPARE(bak.readAll(), kConfig);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("\"alg\": \"ES512\""));
    }

    void backupKeepsTheModeAndFollowsALink()
    {
        // umask 0: a backup created with the default mode would be 0666, world-readable.
        const mode_t previous = ::umask(0);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("etc")));
        const QString target = dir.filePath(QStringLiteral("etc/krakend.json"));
        const QString link = dir.filePath(QStringLiteral("krakend.json"));
        {
            QFile f(target);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kConfig);
        }
        QCOMPARE(::chmod(QFile::encodeName(target).constData(), 0640), 0);
        QVERIFY(QFile::link(target, link));
        auto doc = ConfigDocument::open(link);
        QVERIFY(doc.ok());
        QJsonObject block = doc->endpointBlock(0, Namespace::validator);
        block.insert(QStringLiteral("alg"), QStringLiteral("ES384"));
        QVERIFY(doc->setEndpointBlock(0, Namespace::validator, block).ok());
        const auto saved = doc->save();
        ::umask(previous);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        // The link is still a link to the target, whose content changed and whose mode stayed.
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QFileInfo(link).symLinkTarget(), target);
        QFile now(target);
        QVERIFY(now.open(QIODevice::ReadOnly));
        QVERIFY(now.readAll().contains("\"alg\": \"ES384\""));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(target).constData(), &st), 0);
        QCOMPARE(static_cast<int>(st.st_mode & 07777), 0640);
        // The backup is named after the target, next to it, with the target's mode; none next to the link.
        const QString backup = target + QStringLiteral(".bak");
        QVERIFY(!QFileInfo::exists(link + QStringLiteral(".bak")));
        QFile bak(backup);
        QVERIFY(bak.open(QIODevice::ReadOnly));
        QCOMPARE(bak.readAll(), kConfig);
        QCOMPARE(::stat(QFile::encodeName(backup).constData(), &st), 0);
        QCOMPARE(static_cast<int>(st.st_mode & 07777), 0640);
    }

    void byteOrderMark()
    {
        // KrakenD refuses a BOM (Go's encoding/json); the document opens it, edits keep it, and removing it is an edit.
        const QByteArray bom = "\xEF\xBB\xBF";
        auto doc = ConfigDocument::fromText(bom + kConfig);
        QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.error().message));
        QVERIFY(doc->hasByteOrderMark());
        QCOMPARE(doc->endpoints().size(), ConfigDocument::fromText(kConfig)->endpoints().size());
        QCOMPARE(ConfigDocument::startupProblem(doc->text()),
            QStringLiteral("the file starts with a UTF-8 byte order mark (bytes EF BB BF), which Go's encoding/json "
                           "refuses: \"invalid character '\u00EF' looking for beginning of value\""));
        QVERIFY(ConfigDocument::startupProblem(kConfig).isEmpty());
        QJsonObject block = doc->endpointBlock(0, Namespace::validator);
        block.insert(QStringLiteral("alg"), QStringLiteral("ES384"));
        QVERIFY(doc->setEndpointBlock(0, Namespace::validator, block).ok());
        QVERIFY(doc->text().startsWith(bom));
        auto plain = ConfigDocument::fromText(kConfig);
        QVERIFY(plain->setEndpointBlock(0, Namespace::validator, block).ok());
        QCOMPARE(doc->text(), bom + plain->text());
        QVERIFY(doc->removeByteOrderMark().ok());
        QVERIFY(!doc->hasByteOrderMark());
        QCOMPARE(doc->text(), plain->text());
        QVERIFY(doc->isModified());
        QVERIFY(doc->removeByteOrderMark().ok()); // nothing left to remove
        QCOMPARE(doc->text(), plain->text());
    }

    void notJsonIsSaidWithoutItsBytes()
    {
        const auto doc = ConfigDocument::fromText("root:$6$secret:19000:0:99999:7:::\n", QStringLiteral("/etc/x"));
        QVERIFY(!doc.ok());
        QCOMPARE(doc.error().code, QStringLiteral("invalid_json"));
        QCOMPARE(doc.error().message, QStringLiteral("/etc/x is not a JSON file, so not a KrakenD configuration"));
    }

    void crlfFilesStayCrlf()
    {
        QByteArray crlf = kConfig;
        crlf.replace("\n", "\r\n");
        auto doc = ConfigDocument::fromText(crlf);
        QVERIFY(doc->setEndpointBlock(1, Namespace::signer,
                       QJsonObject {{QStringLiteral("alg"), QStringLiteral("HS256")},
                           {QStringLiteral("kid"), QStringLiteral("sim")},
                           {QStringLiteral("keys_to_sign"), QJsonArray {QStringLiteral("access_token")}}})
                    .ok());
        const QByteArray t = doc->text();
        QVERIFY(!t.contains(QByteArray("}\n")) || t.count("\r\n") >= t.count("\n"));
        QCOMPARE(t.count('\n'), t.count("\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_configdocument.moc"
