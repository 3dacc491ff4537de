// TokenFile: what the app accepts as a token file and how it says no.

#include "common/TokenFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using jwb::ui::TokenFile::read;

class TestTokenFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void reads_data();
    void reads();
    void rejects_data();
    void rejects();
    void limitIsConfigurable();

private:
    QString write(const QString &name, const QByteArray &bytes);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTokenFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestTokenFile::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

void TestTokenFile::reads_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArray("a.b.c\n") << QStringLiteral("a.b.c\n");
    QTest::newRow("BOM removed") << QByteArray("\xef\xbb\xbf"
                                               "a.b.c")
                                 << QStringLiteral("a.b.c");
    QTest::newRow("UTF-8 kept") << QByteArray("Bearer a.b.c # caf\xc3\xa9")
                                << QStringLiteral("Bearer a.b.c # caf\u00e9");
    QTest::newRow("exactly the limit") << QByteArray(1024 * 1024, 'x') << QString(1024 * 1024, u'x');
}

void TestTokenFile::reads()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    const auto result = read(write(QStringLiteral("t.jwt"), bytes));
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(result.value(), text);
}

void TestTokenFile::rejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("too large") << QByteArray(1024 * 1024 + 1, 'x') << QStringLiteral("file_too_large")
                               << QStringLiteral("1048577 bytes, more than the 1 MiB");
    QTest::newRow("binary") << QByteArray("\x30\x82\x00\x01\x00", 5) << QStringLiteral("file_not_text")
                            << QStringLiteral("not a text file");
    QTest::newRow("latin-1") << QByteArray("caf\xe9") << QStringLiteral("file_not_text") << QStringLiteral("UTF-8");
    QTest::newRow("empty") << QByteArray("  \n") << QStringLiteral("file_empty") << QStringLiteral("is empty");
}

void TestTokenFile::rejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, words);
    const QString path = write(QStringLiteral("bad.jwt"), bytes);
    const auto result = read(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY2(result.error().message.contains(words), qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(u"bad.jwt"));
}

void TestTokenFile::limitIsConfigurable()
{
    const QString path = write(QStringLiteral("small.jwt"), QByteArray(100, 'x'));
    QVERIFY(!read(path, 99).ok());
    QVERIFY(read(path, 100).ok());
    const auto missing = read(m_dir->filePath(QStringLiteral("nope.jwt")));
    QCOMPARE(missing.error().code, QStringLiteral("file_not_found"));
    const auto folder = read(m_dir->path());
    QCOMPARE(folder.error().code, QStringLiteral("is_directory"));
}

QTEST_GUILESS_MAIN(TestTokenFile)
#include "tst_tokenfile.moc"
