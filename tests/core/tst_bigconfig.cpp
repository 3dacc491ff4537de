// ConfigDocument on big files (issue #19 item 13): the open reports progress and can be cancelled, the outline it
// keeps reads as the whole text does, edits inside one endpoint update it in place and still keep every other
// byte, and the document does not hold a QJsonDocument of the whole file.
#include "common/JsonSource.h"
#include "krakend/ConfigDocument.h"
#include "krakend/Linter.h"
#include "krakend/SaveReview.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using jwb::common::JsonSourceMap;
using jwb::krakend::ConfigDocument;
using jwb::krakend::EndpointInfo;

namespace {

/// A krakend.json of `count` endpoints, a third of them with a validator, one in nine under the legacy name, one
/// in eleven with a signer; `extra` goes into the root after "endpoints".
QByteArray bigConfig(int count, const QByteArray &extra = {})
{
    QByteArray out = "{\n  \"version\": 3,\n  \"@comment\": \"kept\",\n  \"extra_config\": {\"auth/validator\": "
                     "{\"shared_cache_duration\": 900}},\n  \"endpoints\": [\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        out += "    {\n      \"endpoint\": \"/r" + n + "\",\n";
        if (i % 2)
            out += "      \"method\": \"post\",\n";
        out += "      \"backend\": [{\"url_pattern\": \"/r" + n + "\", \"host\": [\"http://b:80\"]}]";
        if (i % 9 == 0)
            out += ",\n      \"extra_config\": {\"github.com/devopsfaith/krakend-jose/validator\": {\"alg\": "
                   "\"HS256\", "
                   "\"jwk_local_path\": \"k.json\", \"disable_jwk_security\": true}}";
        else if (i % 3 == 0)
            out += ",\n      \"extra_config\": {\"auth/validator\": {\"alg\": \"RS256\", \"jwk_url\": "
                   "\"https://idp/jwks\", \"cache_duration\": 3600.0}}";
        else if (i % 11 == 0)
            out += ",\n      \"extra_config\": {\"auth/signer\": {\"alg\": \"RS256\", \"keys_to_sign\": [\"t\"]}}";
        out += i + 1 < count ? "\n    },\n" : "\n    }\n";
    }
    out += "  ]" + extra + "\n}\n";
    return out;
}

/// What the document said before it kept an outline: the endpoints as read from one QJsonDocument of the text.
QList<EndpointInfo> referenceEndpoints(const QByteArray &text)
{
    QList<EndpointInfo> out;
    const QJsonArray eps = QJsonDocument::fromJson(text).object().value(QLatin1String("endpoints")).toArray();
    for (int i = 0; i < eps.size(); ++i) {
        const QJsonObject e = eps[i].toObject();
        const QJsonObject extra = e.value(QLatin1String("extra_config")).toObject();
        EndpointInfo info;
        info.index = i;
        info.path = e.value(QLatin1String("endpoint")).toString();
        info.method = e.value(QLatin1String("method")).toString(QStringLiteral("GET")).toUpper();
        info.hasValidator = extra.contains(QLatin1String("auth/validator"))
            || extra.contains(QLatin1String("github.com/devopsfaith/krakend-jose/validator"));
        info.hasSigner = extra.contains(QLatin1String("auth/signer"));
        info.validatorKey = extra.contains(QLatin1String("auth/validator"))
            ? QStringLiteral("auth/validator")
            : (info.hasValidator ? QStringLiteral("github.com/devopsfaith/krakend-jose/validator") : QString());
        out.append(info);
    }
    return out;
}

/// The document reads as one QJsonDocument of its text: endpoints, each endpoint's object, the whole root.
void expectReadsAsWhole(const ConfigDocument &doc)
{
    const QJsonObject whole = QJsonDocument::fromJson(doc.text()).object();
    QCOMPARE(doc.root(), whole);
    QJsonObject service = whole;
    service.remove(QStringLiteral("endpoints"));
    QCOMPARE(doc.serviceRoot(), service);
    const QList<EndpointInfo> expected = referenceEndpoints(doc.text());
    const QList<EndpointInfo> actual = doc.endpoints();
    QCOMPARE(actual.size(), expected.size());
    QCOMPARE(doc.endpointCount(), static_cast<int>(expected.size()));
    const QJsonArray eps = whole.value(QLatin1String("endpoints")).toArray();
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual[i].index, expected[i].index);
        QCOMPARE(actual[i].path, expected[i].path);
        QCOMPARE(actual[i].method, expected[i].method);
        QCOMPARE(actual[i].hasValidator, expected[i].hasValidator);
        QCOMPARE(actual[i].hasSigner, expected[i].hasSigner);
        QCOMPARE(actual[i].validatorKey, expected[i].validatorKey);
        QCOMPARE(doc.endpoint(static_cast<int>(i)), eps[i].toObject());
        QCOMPARE(QJsonDocument::fromJson(doc.endpointText(static_cast<int>(i))).object(), eps[i].toObject());
    }
}

} // namespace

class TestBigConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outlineReadsAsTheWholeText()
    {
        const QByteArray text = bigConfig(5000, ",\n  \"name\": \"x\",\n  \"endpoints\": [{\"endpoint\": \"/last\"}]");
        auto doc = ConfigDocument::fromText(text);
        QVERIFY(doc.ok());
        // A duplicated "endpoints": the last one counts, as QJsonDocument and Go read it.
        QCOMPARE(doc->endpointCount(), 1);
        expectReadsAsWhole(doc.value());
        auto plain = ConfigDocument::fromText(bigConfig(5000));
        QVERIFY(plain.ok());
        QCOMPARE(plain->endpointCount(), 5000);
        expectReadsAsWhole(plain.value());
    }

    void progressIsReportedUpToTheWholeText()
    {
        const QByteArray text = bigConfig(40000);
        ConfigDocument::LoadControl control;
        QList<qint64> done;
        qint64 total = 0;
        control.progress = [&](qint64 d, qint64 t) {
            done.append(d);
            total = t;
        };
        QList<QList<EndpointInfo>> previews;
        control.preview = [&](const QList<EndpointInfo> &first) { previews.append(first); };
        auto doc = ConfigDocument::fromText(text, QString(), control);
        QVERIFY(doc.ok());
        QCOMPARE(total, text.size());
        QVERIFY2(done.size() >= 5, qPrintable(QString::number(done.size()))); // several steps, not one at the end
        QVERIFY(std::is_sorted(done.begin(), done.end()));
        QCOMPARE(done.first(), 0);
        QCOMPARE(done.last(), text.size());
        // The first endpoints were offered once, before the end, as the document lists them.
        QCOMPARE(previews.size(), 1);
        QVERIFY(previews.first().size() > 0 && previews.first().size() < 40000);
        for (qsizetype i = 0; i < previews.first().size(); i += 997)
            QCOMPARE(previews.first().at(i).path, doc->endpoints().at(i).path);
        // The same document as an open without a control.
        auto plain = ConfigDocument::fromText(text);
        QCOMPARE(doc->text(), plain->text());
        QCOMPARE(doc->endpointCount(), plain->endpointCount());
        QCOMPARE(doc->root(), plain->root());
    }

    void cancelStopsTheOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("krakend.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bigConfig(20000));
        f.close();
        ConfigDocument::LoadControl control;
        int calls = 0;
        control.progress = [&](qint64 done, qint64) {
            ++calls;
            if (done > 0)
                control.cancel.cancel(); // after the first piece
        };
        auto doc = ConfigDocument::open(path, control);
        QVERIFY(!doc.ok());
        QCOMPARE(doc.error().code, QStringLiteral("cancelled"));
        QVERIFY2(calls <= 3, qPrintable(QString::number(calls))); // it stopped at the next piece, not at the end
        // Cancelled before it starts: nothing is read.
        ConfigDocument::LoadControl early;
        early.cancel.cancel();
        QCOMPARE(ConfigDocument::open(path, early).error().code, QStringLiteral("cancelled"));
    }

    void errorsAreTheWholeTextsErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray good = bigConfig(3000);
        const qsizetype middle = good.indexOf("\"/r1500\"");
        QTest::newRow("bad value deep in an endpoint") << QByteArray(good).replace(middle, 8, "/r1500");
        QTest::newRow("missing comma between endpoints")
            << QByteArray(good).replace(good.indexOf("},\n", middle), 3, "}\n");
        QTest::newRow("trailing comma in the array") << QByteArray(good).replace("    }\n  ]", "    },\n  ]");
        QTest::newRow("bad top-level value") << QByteArray(good).replace("\"version\": 3", "\"version\": 3x");
        QTest::newRow("number beyond a double") << QByteArray(good).replace("3600.0", "1e400");
        QTest::newRow("garbage after the root") << good + "x";
    }

    void errorsAreTheWholeTextsErrors()
    {
        QFETCH(QByteArray, text);
        QJsonParseError expected {};
        (void)QJsonDocument::fromJson(text, &expected);
        QVERIFY(expected.error != QJsonParseError::NoError);
        auto doc = ConfigDocument::fromText(text);
        QVERIFY(!doc.ok());
        QCOMPARE(doc.error().details.value(QStringLiteral("offset")).toLongLong(), expected.offset);
    }

    void editInsideAnEndpointKeepsEveryOtherByte()
    {
        const QByteArray text = bigConfig(3000);
        auto opened = ConfigDocument::fromText(text);
        QVERIFY(opened.ok());
        ConfigDocument doc = opened.value();
        const QByteArray before = doc.endpointText(1500);
        const qsizetype at = text.indexOf(before);
        QVERIFY(doc.setEndpointBlock(1500, QStringLiteral("auth/validator"),
                       QJsonObject {{QStringLiteral("alg"), QStringLiteral("ES256")},
                           {QStringLiteral("jwk_url"), QStringLiteral("https://idp/jwks")}})
                    .ok());
        const QByteArray after = doc.endpointText(1500);
        QVERIFY(after != before);
        QVERIFY(after.contains("\"alg\": \"ES256\""));
        // Every byte outside endpoint 1500 is the file's.
        QCOMPARE(doc.text().left(at), text.left(at));
        QCOMPARE(doc.text().mid(at + after.size()), text.mid(at + before.size()));
        // The outline moved with the edit: it reads as the whole new text does.
        expectReadsAsWhole(doc);
        QVERIFY(doc.endpoints().at(1500).hasValidator);
        // A service-level edit and a removal, then the outline is still the text's.
        QVERIFY(doc.setServiceBlock(
                       QStringLiteral("auth/validator"), QJsonObject {{QStringLiteral("shared_cache_duration"), 60}})
                    .ok());
        QVERIFY(doc.text().contains("\"shared_cache_duration\": 60"));
        QVERIFY(doc.removeEndpoint(2999).ok());
        QVERIFY(doc.removeEndpointBlock(3, QStringLiteral("auth/validator")).ok());
        expectReadsAsWhole(doc);
        // An edit that leaves the endpoint invalid is refused and changes nothing.
        const QByteArray good = doc.text();
        QVERIFY(!doc.setText(QByteArray(good).replace("\"/r10\"", "\"/r10")).ok());
        QCOMPARE(doc.text(), good);
        expectReadsAsWhole(doc);
    }

    void savedBytesAreTheEditedText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("krakend.json"));
        const QByteArray text = bigConfig(4000);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        auto doc = ConfigDocument::open(path);
        QVERIFY(doc.ok());
        QVERIFY(doc->setEndpointBlock(
                       7, QStringLiteral("auth/signer"), QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")}})
                    .ok());
        const QByteArray edited = doc->text();
        QVERIFY(doc->save().ok());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), edited);
        QFile backup(path + QStringLiteral(".bak"));
        QVERIFY(backup.open(QIODevice::ReadOnly));
        QCOMPARE(backup.readAll(), text);
        // Only endpoint 7 changed: the save review says so, by bytes and values.
        const auto review = jwb::krakend::reviewSave(doc.value(), text);
        QCOMPARE(review.changedEndpoints, QList<int> {7});
        QVERIFY(!review.serviceChanged);
        // Reformatted (the same values, other spacing): no endpoint counts as changed.
        auto reformatted = ConfigDocument::fromText(QJsonDocument::fromJson(text).toJson(QJsonDocument::Compact));
        QVERIFY(reformatted.ok());
        QVERIFY(jwb::krakend::reviewSave(reformatted.value(), text).changedEndpoints.isEmpty());
    }

    void shallowMapSkipsDeepValues()
    {
        const QByteArray text = "{\"a\": {\"b\": [1, {\"c\": \"]}\"}]}, \"d\": [[1], {\"e\": 2}]}";
        auto shallow = JsonSourceMap::parseRange(text, 0, text.size(), 1);
        QVERIFY(shallow.ok());
        const JsonSourceMap::Node *a = shallow.value()->find({QStringLiteral("a")});
        QVERIFY(a && a->members.size() == 1);
        const JsonSourceMap::Node *b = a->member(QStringLiteral("b"));
        QVERIFY(b && b->kind == JsonSourceMap::Kind::Array && b->items.empty()); // depth 2: a span only
        QCOMPARE(text.mid(b->begin, b->end - b->begin), QByteArray("[1, {\"c\": \"]}\"}]"));
        const JsonSourceMap::Node *d = shallow.value()->find({QStringLiteral("d")});
        QCOMPARE(d->items.size(), size_t(2));
        QCOMPARE(text.mid(d->items[1]->begin, d->items[1]->end - d->items[1]->begin), QByteArray("{\"e\": 2}"));
        // A range: the value of "a" alone, with the whole text's offsets.
        auto part = JsonSourceMap::parseRange(text, a->begin, a->end);
        QVERIFY(part.ok());
        const JsonSourceMap::Node *c
            = part.value()->find({QStringLiteral("b"), QStringLiteral("1"), QStringLiteral("c")});
        QVERIFY(c);
        QCOMPARE(text.mid(c->begin, c->end - c->begin), QByteArray("\"]}\""));
    }

    void lintIsTheSameOnTheOutline()
    {
        // One finding per legacy validator (1 in 9 endpoints) and nothing else in this file.
        auto doc = ConfigDocument::fromText(bigConfig(900));
        QVERIFY(doc.ok());
        int legacy = 0;
        for (const auto &item : jwb::krakend::Linter::lint(doc.value()))
            legacy += item.finding.code == u"legacy_namespace" ? 1 : 0;
        QCOMPARE(legacy, 100);
        // A cancelled lint (the Gateway's background job, replaced by a newer one) stops before the endpoints.
        jwb::common::CancelToken stop;
        stop.cancel();
        QVERIFY(jwb::krakend::Linter::lint(doc.value(), {}, stop).isEmpty());
        QCOMPARE(jwb::krakend::Linter::lint(doc.value(), {}, jwb::common::CancelToken()).size(),
            jwb::krakend::Linter::lint(doc.value()).size());
    }
};

QTEST_GUILESS_MAIN(TestBigConfig)
#include "tst_bigconfig.moc"
