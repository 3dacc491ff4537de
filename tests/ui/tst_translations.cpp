// The translations built from resources/translations/*.ts: the English .qm is embedded, loads, and renders the
// plural forms the sources write as "%n ...(s)"; a locale without a translation falls back to English.

#include "common/Translations.h"
#include "keys/KeySourcesModel.h"
#include "workspace/KeyRing.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace jwb;
using namespace jwb::ui;

namespace {

const QString kEnglishQm = QStringLiteral(":/i18n/jwt-workbench_en.qm");
const QString kEnglishTs = QStringLiteral(JWB_SOURCE_DIR "/resources/translations/jwt-workbench_en.ts");

struct Message
{
    QByteArray context;
    QByteArray source;
};

/// The plural ("numerus") messages of a .ts file.
QList<Message> numerusMessages(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> out;
    QXmlStreamReader xml(&file);
    QByteArray context;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText().toUtf8();
        else if (xml.name() == u"message")
            numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        else if (xml.name() == u"source" && numerus)
            out.append({context, xml.readElementText().toUtf8()});
    }
    return xml.hasError() ? QList<Message> {} : out;
}

/// A loaded key source holding `count` keys (the status line only counts them).
workspace::KeySource sourceWithKeys(int count)
{
    workspace::KeySource source;
    source.kind = workspace::KeySource::Kind::Pasted;
    source.name = QStringLiteral("test");
    keys::JwkSet set;
    for (int i = 0; i < count; ++i)
        set.keys.append(keys::Jwk {});
    source.keys = set;
    return source;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void englishIsEmbedded();
    void keyCountsRenderInEnglish();
    void everyPluralMessageHasTwoEnglishForms();
    void unknownLocaleFallsBackToEnglish();
};

void TestTranslations::englishIsEmbedded()
{
    QVERIFY(Translations::available().contains(QStringLiteral("en")));
    QTranslator translator;
    QVERIFY(translator.load(kEnglishQm));
    QCOMPARE(translator.language(), QStringLiteral("en"));
    QVERIFY(!translator.isEmpty());
}

void TestTranslations::keyCountsRenderInEnglish()
{
    // Through the code the Keys page uses, with only the embedded English translation installed.
    QCOMPARE(Translations::install(QLocale(QLocale::English, QLocale::UnitedKingdom)), QStringLiteral("en"));
    QCOMPARE(KeySourcesModel::statusText(sourceWithKeys(1)), QStringLiteral("1 key"));
    QCOMPARE(KeySourcesModel::statusText(sourceWithKeys(3)), QStringLiteral("3 keys"));
    QCOMPARE(
        QCoreApplication::translate("jwb::ui::KeySourcesModel", "%n key(s)", nullptr, 0), QStringLiteral("0 keys"));
}

void TestTranslations::everyPluralMessageHasTwoEnglishForms()
{
    const QList<Message> messages = numerusMessages(kEnglishTs);
    QVERIFY2(messages.size() >= 10,
        qPrintable(QStringLiteral("%1 plural messages in %2").arg(messages.size()).arg(kEnglishTs)));
    QTranslator translator;
    QVERIFY(translator.load(kEnglishQm));
    for (const Message &m : messages) {
        const QString one = translator.translate(m.context.constData(), m.source.constData(), nullptr, 1);
        const QString many = translator.translate(m.context.constData(), m.source.constData(), nullptr, 2);
        const QString where = QString::fromUtf8(m.context + " / " + m.source);
        QVERIFY2(!one.isEmpty() && !many.isEmpty(), qPrintable(where + u": not in the .qm"));
        QVERIFY2(!one.contains(u"(s)") && !many.contains(u"(s)"), qPrintable(where));
        QVERIFY2(one != many, qPrintable(where + u": one form for 1 and 2"));
        QVERIFY2(one.contains(u"%n") || one.contains(u"%Ln"), qPrintable(where + u": the count is missing"));
    }
}

void TestTranslations::unknownLocaleFallsBackToEnglish()
{
    // No Swahili translation: English, with its plural forms, and never the raw "(s)" source text.
    QCOMPARE(Translations::install(QLocale(QLocale::Swahili, QLocale::Kenya)), QStringLiteral("en"));
    QCOMPARE(KeySourcesModel::statusText(sourceWithKeys(2)), QStringLiteral("2 keys"));
    QCOMPARE(Translations::install(QLocale::c()), QStringLiteral("en"));
    QCOMPARE(KeySourcesModel::statusText(sourceWithKeys(1)), QStringLiteral("1 key"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
