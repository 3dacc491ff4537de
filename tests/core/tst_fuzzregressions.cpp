// Replays every input kept under tests/fuzz/regressions/<target>/ through the same entry function the
// libFuzzer target uses (tests/fuzz/FuzzTargets.h), so the normal build and CI prove that each crash, leak
// or undefined behaviour found by `make fuzz` stays fixed (under `make asan` the sanitizers check it too).
#include "FuzzTargets.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <string>

using namespace jwb;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private:
    static QString regressionsDir() { return QStringLiteral(JWB_SOURCE_DIR "/tests/fuzz/regressions"); }

private Q_SLOTS:
    void initTestCase() { fuzz::initialize(); }

    void everyFolderNamesATarget()
    {
        const QStringList folders = QDir(regressionsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &folder : folders) {
            const std::string name = folder.toStdString();
            QVERIFY2(fuzz::findTarget(name) != nullptr,
                qPrintable(QStringLiteral("regressions/%1 is not a fuzz target").arg(folder)));
        }
    }

    void emptyAndTrivialInputs_data()
    {
        QTest::addColumn<QString>("target");
        for (const fuzz::Target &t : fuzz::targets()) {
            const QString name = QString::fromUtf8(t.name.data(), qsizetype(t.name.size()));
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void emptyAndTrivialInputs()
    {
        QFETCH(QString, target);
        const fuzz::Target *t = fuzz::findTarget(target.toStdString());
        QVERIFY(t);
        const QByteArray inputs[] = {QByteArray(), QByteArray("{}"), QByteArray("{}\na.b.c"), QByteArray(1, '\0')};
        for (const QByteArray &in : inputs)
            QCOMPARE(t->entry(reinterpret_cast<const std::uint8_t *>(in.constData()), std::size_t(in.size())), 0);
    }

    void replay_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("file");
        QDirIterator it(regressionsDir(), QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files.append(it.next());
        files.sort();
        for (const QString &file : files) {
            const QString target = QFileInfo(file).dir().dirName();
            const QString row = target + u'/' + QFileInfo(file).fileName();
            QTest::newRow(qPrintable(row)) << target << file;
        }
        if (files.isEmpty())
            QTest::newRow("none") << QString() << QString();
    }

    void replay()
    {
        QFETCH(QString, target);
        QFETCH(QString, file);
        if (file.isEmpty())
            QSKIP("no regression inputs yet");
        const fuzz::Target *t = fuzz::findTarget(target.toStdString());
        QVERIFY2(t, qPrintable(target));
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QByteArray in = f.readAll();
        QVERIFY2(std::size_t(in.size()) <= t->maxLen * 4, "a regression input far beyond the target's -max_len");
        QCOMPARE(t->entry(reinterpret_cast<const std::uint8_t *>(in.constData()), std::size_t(in.size())), 0);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
