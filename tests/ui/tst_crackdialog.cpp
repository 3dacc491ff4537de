// The Findings tab's "Search a wordlist for the secret" dialog, used as a user would: pick a list, Start, watch it
// end with the secret masked until Reveal is ticked; a list without the secret says so; Stop cancels a long search;
// a token that is not HS* cannot start; a missing file is named. Tokens are signed with Qt's own HMAC.
#include "UiTestHelpers.h"

#include "common/Clock.h"
#include "inspector/CrackDialog.h"
#include "inspector/InspectorWidget.h"
#include "jose/TokenParser.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageAuthenticationCode>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;
using jwb::test::child;

namespace {

jose::Token hs256(const QByteArray &secret)
{
    const QByteArray input = jose::Base64Url::encode(R"({"alg":"HS256","typ":"JWT"})") + '.'
        + jose::Base64Url::encode(R"({"sub":"someone"})");
    return jose::TokenParser::parse(QString::fromLatin1(input + '.'
        + jose::Base64Url::encode(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256))));
}

} // namespace

class TestCrackDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void foundAndMasked();
    void notFound();
    void stopCancels();
    void refusesOtherTokens();
    void missingFileNamed();
    void findingsTabOffersItForHsTokens();

private:
    QString write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return {};
        return path;
    }
    static QByteArray lines(int count)
    {
        QByteArray out;
        for (int i = 0; i < count; ++i)
            out += "candidate-" + QByteArray::number(i) + '\n';
        return out;
    }
    QTemporaryDir m_dir;
};

void TestCrackDialog::foundAndMasked()
{
    ui::CrackDialog dialog(hs256("letmein-2026"));
    const QString list = write(QStringLiteral("found.txt"), lines(5000) + "letmein-2026\n" + lines(10));
    auto *edit = child<QLineEdit>(&dialog, "wordlistEdit");
    auto *start = child<QPushButton>(&dialog, "startButton");
    auto *secret = child<QLineEdit>(&dialog, "secretEdit");
    auto *reveal = child<QCheckBox>(&dialog, "revealCheck");
    auto *status = child<QLabel>(&dialog, "statusLabel");
    QVERIFY(edit && start && secret && reveal && status);
    QVERIFY(!reveal->isEnabled());
    edit->setText(list);
    QSignalSpy ended(&dialog, &ui::CrackDialog::searchEnded);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(ended.wait(20000));
    QVERIFY2(status->text().startsWith(QStringLiteral("Found on line 5,001")), qPrintable(status->text()));
    QCOMPARE(secret->text(), QStringLiteral("letmein-2026"));
    QCOMPARE(secret->echoMode(), QLineEdit::Password); // masked until revealed
    QVERIFY(reveal->isEnabled());
    reveal->setChecked(true);
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QVERIFY(start->isEnabled());
}

void TestCrackDialog::notFound()
{
    ui::CrackDialog dialog(hs256("absent"));
    child<QLineEdit>(&dialog, "wordlistEdit")->setText(write(QStringLiteral("plain.txt"), lines(3000)));
    child<QSpinBox>(&dialog, "jobsSpin")->setValue(2);
    QSignalSpy ended(&dialog, &ui::CrackDialog::searchEnded);
    dialog.start();
    QVERIFY(ended.wait(20000));
    auto *status = child<QLabel>(&dialog, "statusLabel");
    QVERIFY2(status->text().startsWith(QStringLiteral("Not found: none of the 3,000 candidates")),
        qPrintable(status->text()));
    QVERIFY(child<QLineEdit>(&dialog, "secretEdit")->text().isEmpty());
    QVERIFY(!child<QCheckBox>(&dialog, "revealCheck")->isEnabled());
}

void TestCrackDialog::stopCancels()
{
    ui::CrackDialog dialog(hs256("absent"));
    // 2,000,000 lines take about a second: Stop ends the search at once, and it is not reported as done.
    QByteArray big;
    const QByteArray chunk = lines(100000);
    for (int i = 0; i < 20; ++i)
        big += chunk;
    child<QLineEdit>(&dialog, "wordlistEdit")->setText(write(QStringLiteral("big.txt"), big));
    child<QSpinBox>(&dialog, "jobsSpin")->setValue(1);
    QSignalSpy ended(&dialog, &ui::CrackDialog::searchEnded);
    dialog.start();
    auto *stop = child<QPushButton>(&dialog, "stopButton");
    QVERIFY(stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QCOMPARE(ended.count(), 1);
    QVERIFY2(child<QLabel>(&dialog, "statusLabel")->text().startsWith(QStringLiteral("Stopped after")),
        qPrintable(child<QLabel>(&dialog, "statusLabel")->text()));
    QVERIFY(!stop->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, "startButton")->isEnabled());
    QTest::qWait(200); // the cancelled job's result is dropped: no second "ended"
    QCOMPARE(ended.count(), 1);
}

void TestCrackDialog::refusesOtherTokens()
{
    const QString rs = QString::fromLatin1(
        jose::Base64Url::encode(R"({"alg":"RS256"})") + '.' + jose::Base64Url::encode(R"({"a":1})") + ".AAAA");
    ui::CrackDialog dialog(jose::TokenParser::parse(rs));
    QVERIFY(!child<QPushButton>(&dialog, "startButton")->isEnabled());
    QVERIFY2(child<QLabel>(&dialog, "statusLabel")->text().contains(QStringLiteral("its alg is \"RS256\"")),
        qPrintable(child<QLabel>(&dialog, "statusLabel")->text()));
}

void TestCrackDialog::missingFileNamed()
{
    ui::CrackDialog dialog(hs256("x"));
    const QString missing = m_dir.filePath(QStringLiteral("missing.txt"));
    child<QLineEdit>(&dialog, "wordlistEdit")->setText(missing);
    dialog.start();
    QCOMPARE(child<QLabel>(&dialog, "statusLabel")->text(),
        QStringLiteral("cannot read %1: no such file or directory").arg(missing));
    QVERIFY(!child<QPushButton>(&dialog, "stopButton")->isEnabled());
}

void TestCrackDialog::findingsTabOffersItForHsTokens()
{
    ui::InspectorWidget inspector(common::Clock::fixed(test::nowUtc()));
    inspector.show();
    inspector.showTab(ui::InspectorWidget::Tab::Findings);
    inspector.setTokenText(hs256("letmein").input);
    auto *button = child<QPushButton>(&inspector, "crackButton");
    QVERIFY(button);
    QTRY_VERIFY(button->isVisible());
    // An RS256 token has no secret to search: the action goes.
    inspector.setTokenText(test::makeToken(R"({"alg":"RS256"})", R"({"sub":"x"})"));
    QTRY_VERIFY(!button->isVisible());
    inspector.setTokenText(hs256("letmein").input);
    QTRY_VERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = inspector.findChild<ui::CrackDialog *>(QStringLiteral("crackDialog"));
    QVERIFY(dialog);
    QVERIFY(child<QPushButton>(dialog, "startButton")->isEnabled());
    dialog->close();
}

QTEST_MAIN(TestCrackDialog)
#include "tst_crackdialog.moc"
