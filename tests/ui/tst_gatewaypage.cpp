// GatewayPage: a krakend.json opened for lossless editing, its endpoint list, the generated forms, undo/redo
// (also by keyboard, in the main window), save with .bak, maybeSave through the Dialogs hooks, export/diff and the
// workspace state.

#include "UiTestHelpers.h"

#include "MainWindow.h"
#include "common/Dialogs.h"
#include "common/JsonSource.h"
#include "gateway/EndpointFilterModel.h"
#include "gateway/EndpointModel.h"
#include "gateway/GatewayPage.h"
#include "gateway/LineDiff.h"
#include "gateway/LintModel.h"
#include "gateway/OptionForm.h"
#include "keys/KeysPage.h"
#include "krakend/GatewayCatalog.h"
#include "krakend/Linter.h"
#include "krakend/SignerConfig.h"
#include "krakend/ValidatorConfig.h"
#include "workspace/KeyRing.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>

using namespace jwb;
using namespace jwb::ui;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// Byte range [begin, end) of a value in a JSON text, or {-1, -1}.
std::pair<qsizetype, qsizetype> span(const QByteArray &text, const QStringList &path)
{
    auto map = common::JsonSourceMap::parse(text);
    if (!map)
        return {-1, -1};
    const auto *node = map.value()->find(path);
    return node ? std::pair {node->begin, node->end} : std::pair<qsizetype, qsizetype> {-1, -1};
}

QStringList validatorPath(int endpoint)
{
    return {QStringLiteral("endpoints"), QString::number(endpoint), QStringLiteral("extra_config"),
        QStringLiteral("auth/validator")};
}

} // namespace

class TestGatewayPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_errorTitle;
    QString m_errorText;
    QMessageBox::StandardButton m_answer = QMessageBox::Cancel;
    int m_questions = 0;
    QList<Dialogs::Choice> m_choices;
    QString m_choiceAnswer; ///< the button pressed in Dialogs::choose (its escape button when empty)

    QString copySample(const QString &source, const QString &name = QStringLiteral("krakend.json"))
    {
        const QString target = m_dir.filePath(name);
        QFile::remove(target);
        QFile::remove(target + QStringLiteral(".bak"));
        if (!QFile::copy(source, target))
            return {};
        QFile(target).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return target;
    }
    QString sample() { return copySample(QStringLiteral(JWB_SOURCE_DIR "/resources/samples/krakend.json")); }
    QString golden() { return copySample(QStringLiteral(JWB_TEST_DATA_DIR "/krakend/edit-golden.json")); }

    std::unique_ptr<GatewayPage> makePage()
    {
        auto page = std::make_unique<GatewayPage>(nullptr, common::Clock::fixed(test::nowUtc()));
        page->resize(1280, 800);
        return page;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_errorTitle.clear();
        m_errorText.clear();
        m_questions = 0;
        m_choices.clear();
        m_choiceAnswer.clear();
        Dialogs::Hooks hooks;
        hooks.error = [this](const QString &title, const QString &text) {
            m_errorTitle = title;
            m_errorText = text;
        };
        hooks.question = [this](const QString &, const QString &, QMessageBox::StandardButtons) {
            ++m_questions;
            return m_answer;
        };
        hooks.information = [](const QString &, const QString &) {};
        hooks.saveFileName = [](const QString &, const QString &, const QString &) { return QString(); };
        hooks.choose = [this](const Dialogs::Choice &choice) {
            m_choices.append(choice);
            const int index = static_cast<int>(choice.buttons.indexOf(m_choiceAnswer));
            return index >= 0 ? index : choice.escapeButton;
        };
        Dialogs::setHooks(hooks);
    }
    void cleanup() { Dialogs::clearHooks(); }

    void openLeavesFileAndDocumentUntouched()
    {
        const QString path = sample();
        const QByteArray original = readAll(path);
        QVERIFY(!original.isEmpty());
        auto page = makePage();
        QSignalSpy modified(page.get(), &GatewayPage::modifiedChanged);
        QVERIFY(page->openConfig(path));
        QCOMPARE(readAll(path), original);
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
        QVERIFY(!page->isModified());
        QVERIFY(!page->document().isModified());
        QCOMPARE(page->documentText(), original);
        QCOMPARE(modified.count(), 0);
        QCOMPARE(page->configPath(), path);
        QCOMPARE(page->baseDir(), m_dir.path());
        QCOMPARE(test::child<EndpointModel>(page.get(), "endpointModel")->rowCount(), 2);
        QCOMPARE(page->currentEndpoint(), 0);
        QCOMPARE(page->undoStack()->count(), 0);
        QVERIFY(m_errorText.isEmpty());
    }

    void modelsPassTheTester()
    {
        auto page = makePage();
        QAbstractItemModelTester t1(test::child<EndpointModel>(page.get(), "endpointModel"),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(test::child<EndpointFilterModel>(page.get(), "endpointFilterModel"),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(
            test::child<LintModel>(page.get(), "lintModel"), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(page->openConfig(golden()));
        page->setVerdict(0, 401, QStringLiteral("signature invalid"));
        test::child<EndpointFilterModel>(page.get(), "endpointFilterModel")
            ->setFilter(EndpointFilterModel::Filter::WithoutValidator);
        test::child<EndpointFilterModel>(page.get(), "endpointFilterModel")->setSearchText(QStringLiteral("health"));
        test::child<EndpointFilterModel>(page.get(), "endpointFilterModel")
            ->setFilter(EndpointFilterModel::Filter::All);
        test::child<EndpointFilterModel>(page.get(), "endpointFilterModel")
            ->sort(EndpointModel::PathColumn, Qt::DescendingOrder);
        page->selectEndpoint(0);
        QVERIFY(page->setValidatorOption(QStringLiteral("alg"), QStringLiteral("rs256")));
        QVERIFY(test::child<LintModel>(page.get(), "lintModel")->rowCount() > 0);
        page->undoStack()->undo();
        page->newConfig();
        QCOMPARE(test::child<EndpointModel>(page.get(), "endpointModel")->rowCount(), 0);
    }

    void editIssuerChangesOnlyThatBlock()
    {
        const QString path = sample();
        const QByteArray original = readAll(path);
        auto page = makePage();
        QVERIFY(page->openConfig(path));
        QSignalSpy modified(page.get(), &GatewayPage::modifiedChanged);
        page->selectEndpoint(1);
        auto *issuer = qobject_cast<QLineEdit *>(
            test::child<OptionForm>(page.get(), "validatorForm")->editor(QStringLiteral("issuer")));
        QVERIFY(issuer);
        QCOMPARE(issuer->text(), QStringLiteral("https://auth.example.com/"));
        QVERIFY(!issuer->toolTip().isEmpty());
        QCOMPARE(issuer->accessibleName(), QStringLiteral("issuer"));
        issuer->selectAll();
        QTest::keyClicks(issuer, QStringLiteral("https://login.example.org/"));
        QTest::keyClick(issuer, Qt::Key_Return);
        QVERIFY(page->isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.at(0).at(0).toBool(), true);
        QCOMPARE(page->undoStack()->count(), 1);
        QCOMPARE(page->document().endpointBlock(1, QStringLiteral("auth/validator")).value(QLatin1String("issuer")),
            QJsonValue(QStringLiteral("https://login.example.org/")));
        QCOMPARE(readAll(path), original); // nothing written before save

        // The diff against disk shows exactly that change.
        const QString diff = page->diffText();
        QVERIFY(diff.contains(QStringLiteral("- ")));
        QVERIFY(diff.contains(QStringLiteral("+ ")));
        QVERIFY(diff.contains(QStringLiteral("login.example.org")));

        QVERIFY(page->save());
        QVERIFY(!page->isModified());
        QCOMPARE(modified.count(), 2);
        const QByteArray saved = readAll(path);
        QCOMPARE(readAll(path + QStringLiteral(".bak")), original);
        const auto before = span(original, validatorPath(1));
        const auto after = span(saved, validatorPath(1));
        QVERIFY(before.first > 0 && after.first > 0);
        QCOMPARE(before.first, after.first);
        QCOMPARE(saved.left(after.first), original.left(before.first));
        QCOMPARE(saved.mid(after.second), original.mid(before.second));
        QVERIFY(saved != original);
        // Inside the block only the issuer's value changed.
        QByteArray expected = original;
        expected.replace("\"issuer\": \"https://auth.example.com/\",\n          \"audience\": [\"api.example.com\"],\n"
                         "          \"roles_key\": \"roles\",\n          \"roles\": [\"editor\"]",
            "\"issuer\": \"https://login.example.org/\",\n          \"audience\": [\"api.example.com\"],\n"
            "          \"roles_key\": \"roles\",\n          \"roles\": [\"editor\"]");
        QCOMPARE(saved, expected);

        page->undoStack()->undo();
        QCOMPARE(page->documentText(), original);
        QVERIFY(page->isModified()); // the file on disk now holds the edit
        QCOMPARE(issuer->text(), QStringLiteral("https://auth.example.com/"));
        page->undoStack()->redo();
        QCOMPARE(page->documentText(), saved);
        QVERIFY(!page->isModified());
    }

    void addValidatorToEndpointWithoutOne()
    {
        const QString path = golden();
        const QByteArray original = readAll(path);
        auto page = makePage();
        QVERIFY(page->openConfig(path));
        page->selectEndpoint(1);
        QVERIFY(!page->document().endpoints().at(1).hasValidator);
        QVERIFY(!test::child<OptionForm>(page.get(), "validatorForm")->isVisibleTo(page.get()));
        QVERIFY(page->addValidator());
        QVERIFY(page->document().endpoints().at(1).hasValidator);
        QVERIFY(test::child<OptionForm>(page.get(), "validatorForm")->isVisibleTo(page.get()));
        QCOMPARE(test::child<EndpointModel>(page.get(), "endpointModel")
                     ->index(1, EndpointModel::ValidatorColumn)
                     .data(EndpointModel::HasValidatorRole),
            QVariant(true));
        // Everything before the second endpoint keeps its bytes.
        const auto ep1 = span(original, {QStringLiteral("endpoints"), QStringLiteral("1")});
        QCOMPARE(page->documentText().left(ep1.first), original.left(ep1.first));
        QVERIFY(!page->addValidator()); // already there
        QVERIFY(page->setValidatorOption(QStringLiteral("issuer"), QStringLiteral("https://idp.example.com/")));
        QCOMPARE(page->undoStack()->count(), 2);
        QVERIFY(page->removeValidator());
        QVERIFY(!page->document().endpoints().at(1).hasValidator);
        page->undoStack()->undo();
        page->undoStack()->undo();
        page->undoStack()->undo();
        QCOMPARE(page->documentText(), original);
        QVERIFY(!page->isModified());
    }

    void untouchedMembersKeepTheirSpelling()
    {
        // cache_duration is written 3600.0 and "@note" is unknown: editing issuer leaves both as they are.
        const QString path = golden();
        auto page = makePage();
        QVERIFY(page->openConfig(path));
        auto *cacheDuration = qobject_cast<QLineEdit *>(
            test::child<OptionForm>(page.get(), "validatorForm")->editor(QStringLiteral("cache_duration")));
        QVERIFY(cacheDuration);
        QCOMPARE(cacheDuration->text(), QStringLiteral("3600"));
        QVERIFY(page->setValidatorOption(QStringLiteral("issuer"), QStringLiteral("https://idp.example.com/")));
        QVERIFY(page->documentText().contains("\"cache_duration\": 3600.0"));
        QVERIFY(page->documentText().contains("\"@note\": \"reviewed 2026-01-10\""));
        QVERIFY(page->documentText().contains("\"unknown_key\": {\"x\": [1, 2.50, 3e2]}"));
        // Committing an unchanged value is not an edit.
        test::child<OptionForm>(page.get(), "validatorForm")->commit(QStringLiteral("cache_duration"));
        QCOMPARE(page->undoStack()->count(), 1);
    }

    void filterAndSearch()
    {
        auto page = makePage();
        QVERIFY(page->openConfig(golden()));
        EndpointFilterModel *f = test::child<EndpointFilterModel>(page.get(), "endpointFilterModel");
        QCOMPARE(f->rowCount(), 2);
        test::child<QComboBox>(page.get(), "endpointFilterCombo")
            ->setCurrentIndex(test::child<QComboBox>(page.get(), "endpointFilterCombo")
                                  ->findData(static_cast<int>(EndpointFilterModel::Filter::WithValidator)));
        QCOMPARE(f->rowCount(), 1);
        QCOMPARE(f->index(0, 0).data().toString(), QStringLiteral("/orders"));
        test::child<QComboBox>(page.get(), "endpointFilterCombo")
            ->setCurrentIndex(test::child<QComboBox>(page.get(), "endpointFilterCombo")
                                  ->findData(static_cast<int>(EndpointFilterModel::Filter::WithoutValidator)));
        QCOMPARE(f->rowCount(), 1);
        QCOMPARE(f->index(0, 0).data().toString(), QStringLiteral("/health"));
        test::child<QComboBox>(page.get(), "endpointFilterCombo")
            ->setCurrentIndex(test::child<QComboBox>(page.get(), "endpointFilterCombo")
                                  ->findData(static_cast<int>(EndpointFilterModel::Filter::WithSigner)));
        QCOMPARE(f->rowCount(), 0);
        test::child<QComboBox>(page.get(), "endpointFilterCombo")->setCurrentIndex(0);
        test::child<QLineEdit>(page.get(), "endpointSearch")->setText(QStringLiteral("HEAL"));
        QCOMPARE(f->rowCount(), 1);
        QCOMPARE(f->index(0, 0).data(EndpointModel::EndpointIndexRole).toInt(), 1);
        test::child<QLineEdit>(page.get(), "endpointSearch")->setText(QStringLiteral("nothing-matches"));
        QCOMPARE(f->rowCount(), 0);
        test::child<QLineEdit>(page.get(), "endpointSearch")->clear();
        QCOMPARE(f->rowCount(), 2);

        QVERIFY(page->openConfig(sample()));
        test::child<QLineEdit>(page.get(), "endpointSearch")->setText(QStringLiteral("post"));
        QCOMPARE(f->rowCount(), 1);
        QCOMPARE(f->index(0, EndpointModel::MethodColumn).data().toString(), QStringLiteral("POST"));
    }

    void verdictColumn()
    {
        auto page = makePage();
        QVERIFY(page->openConfig(sample()));
        const QModelIndex cell
            = test::child<EndpointModel>(page.get(), "endpointModel")->index(1, EndpointModel::VerdictColumn);
        QVERIFY(cell.data().toString().isEmpty());
        page->setVerdict(1, 403, QStringLiteral("missing role"));
        QCOMPARE(cell.data().toString(), QStringLiteral("403 missing role"));
        QCOMPARE(cell.data(EndpointModel::VerdictStatusRole).toInt(), 403);
        page->setVerdict(1, 0, {});
        QVERIFY(cell.data().toString().isEmpty());
    }

    void maybeSaveAsksThroughHooks()
    {
        const QString path = sample();
        const QByteArray original = readAll(path);
        auto page = makePage();
        QVERIFY(page->openConfig(path));
        QVERIFY(page->maybeSave()); // unmodified: no question
        QCOMPARE(m_questions, 0);
        QVERIFY(page->setValidatorOption(QStringLiteral("leeway"), QStringLiteral("5s")));
        const QByteArray edited = page->documentText();

        m_answer = QMessageBox::Cancel;
        QVERIFY(!page->maybeSave());
        QCOMPARE(m_questions, 1);
        QVERIFY(page->isModified());
        QCOMPARE(page->documentText(), edited);

        m_answer = QMessageBox::Discard;
        QVERIFY(page->maybeSave());
        QCOMPARE(m_questions, 2);
        QVERIFY(!page->isModified());
        QCOMPARE(page->documentText(), original);
        QCOMPARE(readAll(path), original);

        QVERIFY(page->setValidatorOption(QStringLiteral("leeway"), QStringLiteral("5s")));
        m_answer = QMessageBox::Save;
        QVERIFY(page->maybeSave());
        QVERIFY(!page->isModified());
        QCOMPARE(readAll(path), edited);
    }

    void saveAsksAboutErrorsInChangedBlocks()
    {
        const QString path = sample();
        const QByteArray original = readAll(path);
        auto page = makePage();
        QVERIFY(page->openConfig(path));
        QVERIFY(!krakend::Linter::hasErrors(page->lintItems()));
        QSignalSpy status(page.get(), &GatewayPage::statusMessage);
        auto *saveButton = page->findChild<QToolButton *>(QStringLiteral("gatewaySave"));
        QVERIFY(saveButton);
        auto errors = [&page] {
            int n = 0;
            for (const auto &item : page->lintItems())
                n += item.finding.severity == common::Severity::Error ? 1 : 0;
            return n;
        };

        // An edit that breaks endpoint 0's validator (alg removed).
        page->selectEndpoint(0);
        QVERIFY(page->setValidatorOption(QStringLiteral("alg"), QJsonValue(QJsonValue::Undefined)));
        QVERIFY(krakend::Linter::hasErrors(page->lintItems()));
        const int broken = errors();

        // Save (the toolbar button): asked, with the count, the errors and the diff against the file on disk;
        // Cancel is the default and writes nothing.
        saveButton->click();
        QCOMPARE(m_choices.size(), 1);
        const Dialogs::Choice asked = m_choices.first();
        QCOMPARE(asked.buttons, (QStringList {QStringLiteral("Save with errors"), QStringLiteral("Cancel")}));
        QCOMPARE(asked.defaultButton, 1);
        QCOMPARE(asked.escapeButton, 1);
        QVERIFY2(asked.text.startsWith(QStringLiteral("The blocks you changed have %1 lint error").arg(broken)),
            qPrintable(asked.text));
        QVERIFY(asked.text.contains(u"endpoints[0] GET /v1/orders"));
        QVERIFY(asked.text.contains(u"What the save changes in"));
        QVERIFY2(
            asked.details.contains(u"- ") && asked.details.contains(u"\"alg\": \"RS256\""), qPrintable(asked.details));
        QVERIFY(!asked.details.contains(u"+ "));
        QCOMPARE(readAll(path), original);
        QVERIFY(page->isModified());
        QVERIFY(status.last().first().toString().startsWith(u"Not saved: "));

        // Saved anyway: the status says that the file fails lint.
        m_choiceAnswer = QStringLiteral("Save with errors");
        saveButton->click();
        QCOMPARE(m_choices.size(), 2);
        QVERIFY(!page->isModified());
        QCOMPARE(readAll(path), page->documentText());
        // (Plural forms aside: the English translation is regenerated after the source changes.)
        QVERIFY(status.last().first().toString().startsWith(
            QStringLiteral("Saved %1 (%2 lint error").arg(QDir::toNativeSeparators(path)).arg(broken)));

        // A clean edit elsewhere: nothing to ask (the errors were on disk already), but still not "Saved" alone.
        page->selectEndpoint(1);
        QVERIFY(page->setValidatorOption(QStringLiteral("leeway"), QStringLiteral("5s")));
        QVERIFY(page->save());
        QCOMPARE(m_choices.size(), 2);
        QVERIFY(status.last().first().toString().startsWith(
            QStringLiteral("Saved %1 (%2 lint error").arg(QDir::toNativeSeparators(path)).arg(broken)));

        // The close prompt's Save goes through the same review.
        QVERIFY(page->setValidatorOption(QStringLiteral("alg"), QJsonValue(QJsonValue::Undefined)));
        const QByteArray before = readAll(path);
        m_answer = QMessageBox::Save;
        m_choiceAnswer.clear();
        QVERIFY(!page->maybeSave());
        QCOMPARE(m_choices.size(), 3);
        QCOMPARE(readAll(path), before);
        QVERIFY(page->isModified());

        // Fixed: saved without a question, and "Saved" is the whole message.
        QVERIFY(page->setValidatorOption(QStringLiteral("alg"), QStringLiteral("RS256")));
        page->selectEndpoint(0);
        QVERIFY(page->setValidatorOption(QStringLiteral("alg"), QStringLiteral("RS256")));
        QVERIFY(!krakend::Linter::hasErrors(page->lintItems()));
        QVERIFY(page->save());
        QCOMPARE(m_choices.size(), 3);
        QCOMPARE(status.last().first().toString(), QStringLiteral("Saved %1").arg(QDir::toNativeSeparators(path)));
    }

    void saveAsToANewFileReviewsEverything()
    {
        // Every block is new in a file that does not exist yet: its errors are asked about.
        auto page = makePage();
        page->newConfig();
        page->addEndpoint(QStringLiteral("/v1/users"), QStringLiteral("GET"), QStringLiteral("http://users:8080/u"));
        QVERIFY(page->addValidator());
        QVERIFY(page->setValidatorOption(QStringLiteral("alg"), QJsonValue(QJsonValue::Undefined)));
        QVERIFY(krakend::Linter::hasErrors(page->lintItems()));
        const QString target = m_dir.filePath(QStringLiteral("fresh.json"));
        QFile::remove(target);
        QVERIFY(!page->saveAs(target));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(m_choices.size(), 1);
        QVERIFY(m_choices.first().text.contains(u"does not exist yet"));
        QVERIFY(m_choices.first().details.contains(u"+ "));
    }

    void malformedFileNamesLineAndColumn()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.json"));
        QVERIFY(writeAll(path, "{\n  \"version\": 3,\n  \"endpoints\": [,]\n}\n"));
        auto page = makePage();
        QVERIFY(page->openConfig(sample()));
        const QByteArray before = page->documentText();
        QVERIFY(!page->openConfig(path));
        QVERIFY2(m_errorText.contains(QStringLiteral("line 3, column")), qPrintable(m_errorText));
        QVERIFY(m_errorText.contains(QStringLiteral("broken.json")));
        QVERIFY(!m_errorTitle.isEmpty());
        // The page keeps what it had.
        QCOMPARE(page->documentText(), before);

        m_errorText.clear();
        QVERIFY(!page->openConfig(m_dir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(m_errorText.contains(QStringLiteral("missing.json")));
    }

    void byteOrderMarkIsReportedAndRemovable()
    {
        // A krakend.json saved "UTF-8 with BOM": it opens (nothing is changed by opening), KrakenD would not start
        // with it, the page says so and offers an undoable removal that the next save writes.
        const QString path = sample();
        const QByteArray original = readAll(path);
        QVERIFY(writeAll(path, "\xEF\xBB\xBF" + original));
        auto page = makePage();
        QVERIFY(page->openConfig(path));
        QVERIFY(m_errorText.isEmpty());
        QCOMPARE(test::child<EndpointModel>(page.get(), "endpointModel")->rowCount(), 2);
        QVERIFY(!page->isModified());
        auto *bar = page->findChild<QWidget *>(QStringLiteral("byteOrderMarkBar"));
        auto *label = page->findChild<QLabel *>(QStringLiteral("byteOrderMarkLabel"));
        auto *remove = page->findChild<QPushButton *>(QStringLiteral("removeByteOrderMark"));
        QVERIFY(bar && label && remove);
        QVERIFY(!bar->isHidden());
        QVERIFY2(label->text().contains(QStringLiteral("KrakenD would not start")), qPrintable(label->text()));
        QVERIFY(label->text().contains(QStringLiteral("invalid character 'ï' looking for beginning of value")));
        QStringList codes;
        for (const auto &item : page->lintItems())
            codes << item.finding.code;
        QVERIFY2(codes.contains(QStringLiteral("byte_order_mark")), qPrintable(codes.join(u' ')));

        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(page->documentText(), original);
        QVERIFY(page->isModified());
        QVERIFY(bar->isHidden());
        page->undoStack()->undo();
        QVERIFY(page->documentText().startsWith("\xEF\xBB\xBF"));
        QVERIFY(!bar->isHidden());
        page->undoStack()->redo();
        QVERIFY(page->save());
        QCOMPARE(readAll(path), original);
    }

    void newConfigIsMinimalAndValid()
    {
        auto page = makePage();
        page->newConfig();
        QVERIFY(!page->isModified());
        QVERIFY(page->configPath().isEmpty());
        QCOMPARE(page->document().root().value(QLatin1String("version")).toInt(), 3);
        QVERIFY(!krakend::Linter::hasErrors(page->lintItems()));
        QCOMPARE(page->currentEndpoint(), -1);
        const int index = page->addEndpoint(
            QStringLiteral("/v1/users"), QStringLiteral("GET"), QStringLiteral("http://users:8080/users"));
        QCOMPARE(index, 0);
        QCOMPARE(page->currentEndpoint(), 0);
        QVERIFY(page->addValidator());
        QVERIFY(page->isModified());
        // Untitled: save asks for a name; cancelling keeps everything.
        QVERIFY(!page->save());
        QVERIFY(page->isModified());
        const QString target = m_dir.filePath(QStringLiteral("new.json"));
        QFile::remove(target);
        QVERIFY(page->saveAs(target));
        QCOMPARE(readAll(target), page->documentText());
        QCOMPARE(page->configPath(), target);
    }

    void restoreUnsavedText()
    {
        const QString path = sample();
        const QByteArray original = readAll(path);
        auto page = makePage();
        QByteArray text = original;
        text.replace("\"leeway\": \"30s\"", "\"leeway\": \"45s\"");
        QVERIFY(page->restoreUnsaved(path, text));
        QCOMPARE(page->documentText(), text);
        QVERIFY(page->isModified());
        QCOMPARE(page->configPath(), path);
        QCOMPARE(readAll(path), original);

        QVERIFY(page->restoreUnsaved(QString(), "{\"version\": 3, \"endpoints\": []}"));
        QVERIFY(page->isModified());
        QVERIFY(page->configPath().isEmpty());
        QVERIFY(!page->restoreUnsaved(QString(), "{not json"));
        QVERIFY(!m_errorText.isEmpty());
    }

    void workspaceRoundTrip()
    {
        const QString path = sample();
        auto page = makePage();
        QVERIFY(page->openConfig(path));
        page->selectEndpoint(1);
        test::child<QLineEdit>(page.get(), "endpointSearch")->setText(QStringLiteral("orders"));
        test::child<QComboBox>(page.get(), "endpointFilterCombo")
            ->setCurrentIndex(test::child<QComboBox>(page.get(), "endpointFilterCombo")
                                  ->findData(static_cast<int>(EndpointFilterModel::Filter::WithValidator)));
        page->setTargetVersion(QStringLiteral("2.6"));
        page->setExportScope(GatewayPage::ExportScope::Endpoint);
        const QJsonObject ws = page->toWorkspaceJson();
        QCOMPARE(ws.value(QLatin1String("config")).toString(), path);

        auto other = makePage();
        QSignalSpy changed(other.get(), &GatewayPage::currentEndpointChanged);
        other->fromWorkspaceJson(ws);
        QCOMPARE(other->configPath(), path);
        QCOMPARE(other->currentEndpoint(), 1);
        QCOMPARE(test::child<QLineEdit>(other.get(), "endpointSearch")->text(), QStringLiteral("orders"));
        QCOMPARE(test::child<EndpointFilterModel>(other.get(), "endpointFilterModel")->filter(),
            EndpointFilterModel::Filter::WithValidator);
        QCOMPARE(other->targetVersion(), QStringLiteral("2.6"));
        QCOMPARE(other->exportScope(), GatewayPage::ExportScope::Endpoint);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(changed.last().at(0).toInt(), 1);
        QVERIFY(!other->isModified());
    }

    void everyOptionHasAFieldInItsGroup()
    {
        auto page = makePage();
        const QStringList fields = test::child<OptionForm>(page.get(), "validatorForm")->optionNames();
        for (const auto &o : krakend::ValidatorConfig::options())
            QVERIFY2(fields.contains(o.name), qPrintable(o.name));
        QCOMPARE(fields.size(), krakend::ValidatorConfig::options().size());
        QCOMPARE(test::child<OptionForm>(page.get(), "validatorForm")->groupOf(QStringLiteral("jwk_fingerprints")),
            QStringLiteral("Key source & TLS"));
        QCOMPARE(test::child<OptionForm>(page.get(), "validatorForm")->groupOf(QStringLiteral("cookie_key")),
            QStringLiteral("Token location"));
        QCOMPARE(test::child<OptionForm>(page.get(), "validatorForm")
                     ->groupOf(QStringLiteral("propagate_claims_preserve_array")),
            QStringLiteral("Propagation"));
        QCOMPARE(
            test::child<OptionForm>(page.get(), "validatorForm")->groupOf(QStringLiteral("failed_jwk_key_cooldown")),
            QStringLiteral("Caching"));
        QCOMPARE(test::child<OptionForm>(page.get(), "validatorForm")->groupOf(QStringLiteral("operation_debug")),
            QStringLiteral("Advanced"));
        // Every field sits in the group core's catalog gives its option.
        for (const auto &group : krakend::GatewayCatalog::groups(krakend::Block::Validator))
            for (const QString &option : group.options)
                QCOMPARE(test::child<OptionForm>(page.get(), "validatorForm")->groupOf(option), group.title);
        for (const auto &group : krakend::GatewayCatalog::groups(krakend::Block::Signer))
            for (const QString &option : group.options)
                QCOMPARE(test::child<OptionForm>(page.get(), "signerForm")->groupOf(option), group.title);
        for (const auto &o : krakend::SignerConfig::options())
            QVERIFY2(test::child<OptionForm>(page.get(), "signerForm")->editor(o.name), qPrintable(o.name));
        QVERIFY(test::child<OptionForm>(page.get(), "serviceForm")->editor(QStringLiteral("shared_cache_duration")));
        QVERIFY(test::child<OptionForm>(page.get(), "revokerForm")->editor(QStringLiteral("token_keys")));
        // Widgets follow the Go types.
        QVERIFY(qobject_cast<QComboBox *>(
            test::child<OptionForm>(page.get(), "validatorForm")->editor(QStringLiteral("alg"))));
        QVERIFY(qobject_cast<QComboBox *>(
            test::child<OptionForm>(page.get(), "validatorForm")->editor(QStringLiteral("cache"))));
        QVERIFY(qobject_cast<QLineEdit *>(
            test::child<OptionForm>(page.get(), "validatorForm")->editor(QStringLiteral("cache_duration"))));
        QCOMPARE(QString::fromLatin1(test::child<OptionForm>(page.get(), "validatorForm")
                                         ->editor(QStringLiteral("propagate_claims"))
                                         ->metaObject()
                                         ->className()),
            QStringLiteral("QTableWidget"));
        QCOMPARE(QString::fromLatin1(test::child<OptionForm>(page.get(), "validatorForm")
                                         ->editor(QStringLiteral("audience"))
                                         ->metaObject()
                                         ->className()),
            QStringLiteral("QListWidget"));
        QCOMPARE(page->detailTabs()->count(), 4);
    }

    void boolComboIsTriState()
    {
        auto page = makePage();
        QVERIFY(page->openConfig(golden()));
        auto *cache = qobject_cast<QComboBox *>(
            test::child<OptionForm>(page.get(), "validatorForm")->editor(QStringLiteral("cache")));
        QVERIFY(cache);
        QCOMPARE(cache->currentText(), QStringLiteral("true"));
        cache->setCurrentIndex(cache->findText(QStringLiteral("false")));
        Q_EMIT cache->activated(cache->currentIndex());
        QCOMPARE(page->document().endpointBlock(0, QStringLiteral("auth/validator")).value(QLatin1String("cache")),
            QJsonValue(false));
        cache->setCurrentIndex(0); // unset
        Q_EMIT cache->activated(0);
        QVERIFY(!page->document().endpointBlock(0, QStringLiteral("auth/validator")).contains(QLatin1String("cache")));
        QCOMPARE(page->undoStack()->count(), 2);
    }

    void targetVersionFlagsNewerOptions()
    {
        auto page = makePage();
        QVERIFY(page->openConfig(sample()));
        QLabel *leeway = test::child<OptionForm>(page.get(), "validatorForm")->versionBadge(QStringLiteral("leeway"));
        QVERIFY(leeway);
        QVERIFY(leeway->isHidden());
        test::child<QComboBox>(page.get(), "targetVersionCombo")->setCurrentText(QStringLiteral("2.5"));
        QVERIFY(!leeway->isHidden());
        QVERIFY(leeway->text().contains(QStringLiteral("2.6")));
        QVERIFY(
            test::child<OptionForm>(page.get(), "validatorForm")->versionBadge(QStringLiteral("issuer"))->isHidden());
        test::child<QComboBox>(page.get(), "targetVersionCombo")->setCurrentText(QStringLiteral("2.13"));
        QVERIFY(leeway->isHidden());
        QVERIFY(krakend::GatewayCatalog::compareVersions(QStringLiteral("2.10"), QStringLiteral("2.9")) > 0);
    }

    void inlineLintNextToTheField()
    {
        auto page = makePage();
        QVERIFY(page->openConfig(sample()));
        QLabel *alg = test::child<OptionForm>(page.get(), "validatorForm")->lintLabel(QStringLiteral("alg"));
        QVERIFY(alg->isHidden());
        QVERIFY(page->setValidatorOption(QStringLiteral("alg"), QStringLiteral("rs256")));
        QVERIFY(!alg->isHidden());
        QVERIFY(!alg->text().isEmpty());
        // The combo shows the invalid value as it is.
        auto *combo = qobject_cast<QComboBox *>(
            test::child<OptionForm>(page.get(), "validatorForm")->editor(QStringLiteral("alg")));
        QVERIFY(combo->currentText().contains(QStringLiteral("rs256")));
        bool listed = false;
        for (const auto &item : page->lintItems())
            listed = listed || (item.endpoint == 0 && item.finding.subject == u"alg");
        QVERIFY(listed);
        page->undoStack()->undo();
        QVERIFY(alg->isHidden());
    }

    void exportPreviewAndDiff()
    {
        const QString path = sample();
        auto page = makePage();
        QVERIFY(page->openConfig(path));
        page->setExportScope(GatewayPage::ExportScope::Validator);
        QVERIFY(page->exportText().startsWith(QStringLiteral("{")));
        QVERIFY(page->exportText().contains(QStringLiteral("\"auth/validator\"")));
        QVERIFY(!page->exportText().contains(QStringLiteral("\"backend\"")));
        page->setExportScope(GatewayPage::ExportScope::Endpoint);
        QVERIFY(page->exportText().contains(QStringLiteral("\"backend\"")));
        page->setExportScope(GatewayPage::ExportScope::File);
        QCOMPARE(page->exportText().toUtf8(), page->documentText());
        page->setExportScope(GatewayPage::ExportScope::Signer);
        QVERIFY(page->exportText().isEmpty());
        QVERIFY(!test::child<QPlainTextEdit>(page.get(), "exportView")->placeholderText().isEmpty());
        // No change: the diff has no + or - lines.
        const QStringList lines = page->diffText().split(u'\n');
        QVERIFY(std::none_of(
            lines.begin(), lines.end(), [](const QString &l) { return l.startsWith(u'+') || l.startsWith(u'-'); }));
    }

    void suggestFromTokenIsOneStep()
    {
        auto page = makePage();
        QVERIFY(page->openConfig(golden()));
        page->selectEndpoint(1);
        const QString token = test::makeToken("{\"alg\":\"ES256\",\"kid\":\"k1\"}",
            "{\"iss\":\"https://idp.example.net/\",\"aud\":[\"shop\"],\"realm_access\":{\"roles\":[\"admin\"]},"
            "\"scope\":\"a b\"}");
        const QByteArray before = page->documentText();
        QVERIFY(page->suggestFromToken(token));
        const QJsonObject block = page->document().endpointBlock(1, QStringLiteral("auth/validator"));
        QCOMPARE(block.value(QLatin1String("alg")).toString(), QStringLiteral("ES256"));
        QCOMPARE(block.value(QLatin1String("issuer")).toString(), QStringLiteral("https://idp.example.net/"));
        QCOMPARE(block.value(QLatin1String("audience")).toArray(), QJsonArray {QStringLiteral("shop")});
        QCOMPARE(block.value(QLatin1String("roles_key")).toString(), QStringLiteral("realm_access.roles"));
        QCOMPARE(block.value(QLatin1String("roles_key_is_nested")), QJsonValue(true));
        QCOMPARE(block.value(QLatin1String("scopes_key")).toString(), QStringLiteral("scope"));
        QCOMPARE(page->undoStack()->count(), 1);
        page->undoStack()->undo();
        QCOMPARE(page->documentText(), before);
        QVERIFY(!page->suggestFromToken(QStringLiteral("not a token")));
    }

    void signerAndRevokerEdits()
    {
        auto page = makePage();
        QVERIFY(page->openConfig(golden()));
        page->selectEndpoint(1);
        QVERIFY(page->addSigner());
        QVERIFY(page->document().endpoints().at(1).hasSigner);
        QVERIFY(page->setSignerOption(QStringLiteral("kid"), QStringLiteral("k2")));
        QCOMPARE(
            page->document().endpointBlock(1, QStringLiteral("auth/signer")).value(QLatin1String("kid")).toString(),
            QStringLiteral("k2"));
        QVERIFY(page->addRevoker());
        QVERIFY(test::child<OptionForm>(page.get(), "revokerForm")->isVisibleTo(page.get()));
        QVERIFY(page->setRevokerOption(QStringLiteral("P"), 0.001));
        QCOMPARE(
            page->document().serviceBlock(QStringLiteral("auth/revoker")).value(QLatin1String("P")).toDouble(), 0.001);
        QVERIFY(page->setServiceOption(QStringLiteral("shared_cache_duration"), 600));
        QCOMPARE(page->document()
                     .serviceBlock(QStringLiteral("auth/validator"))
                     .value(QLatin1String("shared_cache_duration"))
                     .toInt(),
            600);
        QVERIFY(page->setServiceOption(QStringLiteral("shared_cache_duration"), QJsonValue(QJsonValue::Undefined)));
        QVERIFY(page->document().serviceBlock(QStringLiteral("auth/validator")).isEmpty());
        while (page->undoStack()->canUndo())
            page->undoStack()->undo();
        QVERIFY(!page->isModified());
    }

    void listAndPairEditorsCommitRows()
    {
        auto page = makePage();
        QVERIFY(page->openConfig(sample()));
        OptionForm *form = test::child<OptionForm>(page.get(), "validatorForm");
        auto *audience = qobject_cast<QListWidget *>(form->editor(QStringLiteral("audience")));
        QVERIFY(audience);
        QCOMPARE(audience->count(), 1);
        auto *add = form->findChild<QToolButton *>(QStringLiteral("validator_audience_add"));
        QVERIFY(add);
        add->click();
        QCOMPARE(audience->count(), 2);
        QCOMPARE(page->undoStack()->count(), 0); // an empty row is not written
        audience->item(1)->setText(QStringLiteral("admin.example.com"));
        QCOMPARE(page->undoStack()->count(), 1);
        QCOMPARE(page->document().endpointBlock(0, QStringLiteral("auth/validator")).value(QLatin1String("audience")),
            QJsonValue(QJsonArray {QStringLiteral("api.example.com"), QStringLiteral("admin.example.com")}));
        audience = qobject_cast<QListWidget *>(form->editor(QStringLiteral("audience")));
        audience->setCurrentRow(0);
        form->findChild<QToolButton *>(QStringLiteral("validator_audience_remove"))->click();
        QCOMPARE(page->document().endpointBlock(0, QStringLiteral("auth/validator")).value(QLatin1String("audience")),
            QJsonValue(QJsonArray {QStringLiteral("admin.example.com")}));

        auto *claims = qobject_cast<QTableWidget *>(form->editor(QStringLiteral("propagate_claims")));
        QVERIFY(claims);
        QCOMPARE(claims->rowCount(), 2);
        QCOMPARE(claims->item(1, 1)->text(), QStringLiteral("X-Roles"));
        claims->item(1, 1)->setText(QStringLiteral("X-User-Roles"));
        const QJsonArray pairs = page->document()
                                     .endpointBlock(0, QStringLiteral("auth/validator"))
                                     .value(QLatin1String("propagate_claims"))
                                     .toArray();
        QCOMPARE(pairs.at(1), QJsonValue(QJsonArray {QStringLiteral("roles"), QStringLiteral("X-User-Roles")}));
        QCOMPARE(page->undoStack()->count(), 3);
    }

    void uintFieldRejectsWhatGoCannotDecode()
    {
        auto page = makePage();
        QVERIFY(page->openConfig(golden()));
        OptionForm *form = test::child<OptionForm>(page.get(), "validatorForm");
        auto *duration = qobject_cast<QLineEdit *>(form->editor(QStringLiteral("cache_duration")));
        duration->setText(QStringLiteral("99999999999"));
        form->commit(QStringLiteral("cache_duration"));
        QCOMPARE(page->undoStack()->count(), 0);
        QVERIFY(!form->lintLabel(QStringLiteral("cache_duration"))->isHidden());
        duration->setText(QStringLiteral("60"));
        form->commit(QStringLiteral("cache_duration"));
        QCOMPARE(
            page->document().endpointBlock(0, QStringLiteral("auth/validator")).value(QLatin1String("cache_duration")),
            QJsonValue(60));
        duration->clear();
        form->commit(QStringLiteral("cache_duration"));
        QVERIFY(!page->document()
                     .endpointBlock(0, QStringLiteral("auth/validator"))
                     .contains(QLatin1String("cache_duration")));
        QCOMPARE(page->undoStack()->undoText(), QStringLiteral("Edit cache_duration"));
    }

    void keyboardUndoActsOnThePageShown()
    {
        // In the main window, Ctrl+Z and Ctrl+Shift+Z undo and redo the Gateway's edits when the Gateway is shown,
        // wherever the focus is on it; a text field undoes its own typing first; other pages leave the document be.
        const QString path = sample();
        const QByteArray original = readAll(path);
        MainWindow window(common::Clock::fixed(test::nowUtc()));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openKrakendConfig(path));
        QCOMPARE(window.currentPage(), MainWindow::Page::Gateway);
        GatewayPage *page = window.gatewayPage();
        page->selectEndpoint(1);
        auto *undoGroup = test::child<QUndoGroup>(&window, "undoGroup");
        QVERIFY(undoGroup);
        QCOMPARE(undoGroup->activeStack(), page->undoStack());

        // Edit issuer by typing; Return commits it to the document.
        auto *issuer = test::child<QLineEdit>(page, "validator_issuer");
        QVERIFY(issuer);
        issuer->setFocus();
        QTRY_VERIFY(issuer->hasFocus());
        issuer->selectAll();
        QTest::keyClicks(issuer, QStringLiteral("https://login.example.org/"));
        QTest::keyClick(issuer, Qt::Key_Return);
        const QByteArray edited = page->documentText();
        QVERIFY(edited != original);
        QCOMPARE(page->undoStack()->count(), 1);

        // Focus on the endpoint list: Ctrl+Z reverts the bytes, Ctrl+Shift+Z applies them again.
        auto *list = test::child<QTableView>(page, "endpointView");
        list->setFocus();
        QTRY_VERIFY(list->hasFocus());
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(page->documentText(), original);
        QCOMPARE(issuer->text(), QStringLiteral("https://auth.example.com/"));
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(page->documentText(), edited);

        // On the Keys page the Gateway's document is not the page's: Ctrl+Z leaves it alone.
        window.showPage(MainWindow::Page::Keys);
        QVERIFY(!undoGroup->activeStack());
        QWidget *keys = window.keysPage();
        keys->setFocus();
        QTest::keyClick(
            QApplication::focusWidget() ? QApplication::focusWidget() : keys, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(page->documentText(), edited);
        QCOMPARE(page->undoStack()->index(), 1);

        // Back on the Gateway, inside the option's line edit with typing not committed yet: Ctrl+Z commits the
        // field (an edit of the document, as Return would make) and the document's undo undoes it; Ctrl+Shift+Z
        // redoes it. The keys act on the Gateway's edits while the field has the focus.
        window.showPage(MainWindow::Page::Gateway);
        QCOMPARE(undoGroup->activeStack(), page->undoStack());
        issuer->setFocus();
        QTRY_VERIFY(issuer->hasFocus());
        issuer->end(false);
        QTest::keyClicks(issuer, QStringLiteral("v2"));
        QCOMPARE(issuer->text(), QStringLiteral("https://login.example.org/v2"));
        QCOMPARE(page->undoStack()->index(), 1);
        QTest::keyClick(issuer, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(page->undoStack()->count(), 2); // the typing became an edit...
        QCOMPARE(page->undoStack()->index(), 1); // ...which was undone
        QCOMPARE(page->documentText(), edited);
        QCOMPARE(issuer->text(), QStringLiteral("https://login.example.org/"));
        QVERIFY(issuer->hasFocus());
        QTest::keyClick(issuer, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(page->undoStack()->index(), 2);
        QVERIFY(page->documentText().contains("https://login.example.org/v2"));
        QCOMPARE(issuer->text(), QStringLiteral("https://login.example.org/v2"));
        // With nothing typed, Ctrl+Z in the field undoes the document's edits one by one.
        QTest::keyClick(issuer, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(page->documentText(), edited);
        QTest::keyClick(issuer, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(page->documentText(), original);
        QCOMPARE(issuer->text(), QStringLiteral("https://auth.example.com/"));

        // A field outside the option forms (the endpoint filter) keeps its own typing undo.
        auto *filter = test::child<QLineEdit>(page, "endpointSearch");
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("ord"));
        QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(filter->text().isEmpty());
        QCOMPARE(page->documentText(), original);
        QCOMPARE(page->undoStack()->index(), 0);
        issuer->setFocus();
        QTRY_VERIFY(issuer->hasFocus());

        // A committed edit is the document's to undo, even with the focus still in its field.
        issuer->selectAll();
        QTest::keyClicks(issuer, QStringLiteral("https://third.example.org/"));
        QTest::keyClick(issuer, Qt::Key_Return);
        QVERIFY(page->documentText().contains("https://third.example.org/"));
        QVERIFY(issuer->hasFocus());
        QTest::keyClick(issuer, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(page->documentText(), original);

        m_answer = QMessageBox::Discard;
        window.close();
    }

    void ctrlSSavesThePagesDocument()
    {
        // Ctrl+S saves the document of the page shown: on the Gateway the krakend.json (a field's typing committed
        // first; atomic, the bytes the page holds, the original kept as .bak), elsewhere the workspace. File has
        // Save / Save As for both; Ctrl+Shift+S is the page's Save As.
        const QString path = sample();
        const QByteArray original = readAll(path);
        MainWindow window(common::Clock::fixed(test::nowUtc()));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openKrakendConfig(path));
        QCOMPARE(window.currentPage(), MainWindow::Page::Gateway);
        GatewayPage *page = window.gatewayPage();
        page->selectEndpoint(1);

        auto *saveConfig = test::child<QAction>(&window, "actionSaveConfig");
        auto *saveConfigAs = test::child<QAction>(&window, "actionSaveConfigAs");
        auto *saveWorkspace = test::child<QAction>(&window, "actionSaveWorkspace");
        auto *saveWorkspaceAs = test::child<QAction>(&window, "actionSaveWorkspaceAs");
        QCOMPARE(saveConfig->shortcut(), QKeySequence(QKeySequence::Save));
        const QKeySequence shiftS(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
        QVERIFY(saveConfigAs->shortcuts().contains(shiftS));
        QVERIFY(saveWorkspace->shortcut().isEmpty());
        QVERIFY(saveWorkspaceAs->shortcut().isEmpty());
        QMenu *file = window.menuBar()->actions().first()->menu();
        for (QAction *action : {saveConfig, saveConfigAs, saveWorkspace, saveWorkspaceAs})
            QVERIFY(file->actions().contains(action));

        QStringList asked; // the titles of the save dialogs shown
        QString answer;
        Dialogs::Hooks hooks;
        hooks.error = [this](const QString &title, const QString &text) {
            m_errorTitle = title;
            m_errorText = text;
        };
        hooks.question
            = [](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Discard; };
        hooks.information = [](const QString &, const QString &) {};
        hooks.saveFileName = [&](const QString &title, const QString &, const QString &) {
            asked << title;
            return answer;
        };
        Dialogs::setHooks(hooks);

        // Typing in the issuer field, not committed; Ctrl+S with the focus still there.
        auto *issuer = test::child<QLineEdit>(page, "validator_issuer");
        issuer->setFocus();
        QTRY_VERIFY(issuer->hasFocus());
        issuer->selectAll();
        QTest::keyClicks(issuer, QStringLiteral("https://saved.example.org/"));
        QCOMPARE(readAll(path), original);
        QTest::keyClick(issuer, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(m_errorText.isEmpty(), qPrintable(m_errorText));
        QVERIFY(asked.isEmpty()); // the config has a name; the workspace was not asked for
        const QByteArray saved = readAll(path);
        QVERIFY(saved.contains("https://saved.example.org/"));
        QCOMPARE(saved, page->documentText());
        QCOMPARE(readAll(path + QStringLiteral(".bak")), original);
        QVERIFY(!page->isModified());
        // Byte-preserving: only the issuer's value changed, the rest of the file is as it was.
        QCOMPARE(saved.size() - original.size(),
            QByteArray("https://saved.example.org/").size() - QByteArray("https://auth.example.com/").size());

        // Ctrl+Shift+S on the Gateway: the config under another name.
        const QString copy = m_dir.filePath(QStringLiteral("copy-krakend.json"));
        QFile::remove(copy);
        answer = copy;
        QTest::keyClick(issuer, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(asked, QStringList {QStringLiteral("Save KrakenD configuration")});
        QCOMPARE(readAll(copy), saved);
        QCOMPARE(page->configPath(), copy);

        // On the Inspector, Ctrl+S is the workspace's: asked for a name (it has none yet) and written there; the
        // krakend.json is left alone.
        window.showPage(MainWindow::Page::Inspector);
        QCOMPARE(saveWorkspace->shortcut(), QKeySequence(QKeySequence::Save));
        QVERIFY(saveWorkspaceAs->shortcuts().contains(shiftS));
        QVERIFY(saveConfig->shortcut().isEmpty());
        QVERIFY(saveConfigAs->shortcut().isEmpty());
        const QString workspaceFile = m_dir.filePath(QStringLiteral("saved.jwb.json"));
        QFile::remove(workspaceFile);
        answer = workspaceFile;
        asked.clear();
        QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QTest::keyClick(focus, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(asked, QStringList {QStringLiteral("Save Workspace")});
        QVERIFY(QFile::exists(workspaceFile));
        QVERIFY(QJsonDocument::fromJson(readAll(workspaceFile)).isObject());
        QCOMPARE(readAll(copy), saved);
        QCOMPARE(readAll(path), saved);

        // Help > Keyboard shortcuts lists Ctrl+S once, as the page's Save, whichever page is shown.
        test::child<QAction>(&window, "actionShortcuts")->trigger();
        auto *table = test::child<QTableWidget>(&window, "shortcutsTable");
        const QString ctrlS = QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText);
        QStringList savesListed;
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 1)->text() == ctrlS)
                savesListed << table->item(row, 0)->text();
        QCOMPARE(savesListed.size(), 1);
        QVERIFY2(savesListed.first().contains(u"krakend.json"), qPrintable(savesListed.first()));
        table->window()->close();

        // File > Save Configuration works from any page.
        page->selectEndpoint(1);
        issuer->setText(QStringLiteral("https://menu.example.org/"));
        test::child<OptionForm>(page, "validatorForm")->commit(QStringLiteral("issuer"));
        QVERIFY(page->isModified());
        saveConfig->trigger();
        QVERIFY(readAll(copy).contains("https://menu.example.org/"));
        QVERIFY(!page->isModified());
        window.close();
    }

    void lineDiff()
    {
        using LineDiff::Line;
        const auto d = LineDiff::diff({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
            {QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("c"), QStringLiteral("d")});
        QCOMPARE(LineDiff::changeCount(d), 3);
        QStringList rendered;
        for (const Line &l : d)
            rendered.append((l.kind == Line::Kind::Added            ? u'+'
                                    : l.kind == Line::Kind::Removed ? u'-'
                                                                    : u' ')
                + l.text);
        QCOMPARE(rendered,
            (QStringList {QStringLiteral(" a"), QStringLiteral("-b"), QStringLiteral("+x"), QStringLiteral(" c"),
                QStringLiteral("+d")}));
        QCOMPARE(LineDiff::changeCount(LineDiff::diffText(QStringLiteral("same\n"), QStringLiteral("same\r\n"))), 0);
        QStringList many;
        for (int i = 0; i < 40; ++i)
            many.append(QString::number(i));
        QStringList changed = many;
        changed[20] = QStringLiteral("twenty");
        const auto h = LineDiff::hunks(LineDiff::diff(many, changed), 2);
        QCOMPARE(h.size(), 8); // skip, 2 context, -, +, 2 context, skip
        QCOMPARE(h.first().kind, Line::Kind::Skipped);
    }
};

QTEST_MAIN(TestGatewayPage)
#include "tst_gatewaypage.moc"
