#include "MainWindow.h"
#include "MainWindowInternal.h"

#include "common/Dialogs.h"
#include "common/SecretStore.h"
#include "common/Settings.h"
#include "inspector/InspectorWidget.h"
#include "keys/FetchPrompt.h"
#include "verify/VerifyPanel.h"
#include "workspace/Autosave.h"
#include "workspace/FetchPermission.h"
#include "workspace/KeyRing.h"
#include "workspace/Session.h"
#include "workspace/WorkspaceFormat.h"

#include "compose/ComposerPage.h"
#include "gateway/GatewayPage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include <utility>

namespace jwb::ui {

using workspace::KeySource;
using workspace::WorkspaceOrigin;

using mainwindow::dataDir;
using mainwindow::kStatusMessageMs;

namespace {

using workspace::WorkspaceDocument;
namespace WorkspaceFormat = workspace::WorkspaceFormat;

} // namespace

// --- workspaces ------------------------------------------------------------------------------------------

QString MainWindow::workspaceErrorText(const common::Error &error)
{
    const auto detail = [&error](const char *name) { return error.details.value(QLatin1String(name)).toString(); };
    if (error.is(common::ErrorCode::TooLarge)) {
        return tr("%1 is %2 MiB; a workspace is at most %3 MiB")
            .arg(detail("path"))
            .arg(error.details.value(QStringLiteral("size")).toLongLong() / (1024 * 1024))
            .arg(error.details.value(QStringLiteral("max")).toLongLong() / (1024 * 1024));
    }
    if (error.is(common::ErrorCode::InvalidJson)) {
        return tr("%1 is not valid JSON: %2 at line %3, column %4")
            .arg(detail("file"), detail("reason"), detail("line"), detail("column"));
    }
    if (error.is(common::ErrorCode::NotWorkspace) && !detail("file").isEmpty()) {
        return tr("%1 is not a JWT Workbench workspace (no \"%2\" member)")
            .arg(detail("file"), QLatin1String(common::FileKinds::kWorkspaceMarker));
    }
    if (error.is(common::ErrorCode::UnsupportedWorkspace)) {
        return tr("workspace format %1 is not supported (this version reads format %2)")
            .arg(detail("version"), detail("supported"));
    }
    // cannot_read names the path and the system's reason; invalid_workspace names the member.
    return error.message;
}

WorkspaceDocument MainWindow::workspaceDocument(QStringList *secretsLeftOut) const
{
    WorkspaceDocument document;
    document.id = m_workspaceId;
    document.savedAt = m_clock->now();
    const QStringList titles = m_inspector->inputTitles();
    const QStringList texts = m_inspector->inputTexts();
    for (qsizetype i = 0; i < titles.size(); ++i) {
        if (!texts.value(i).trimmed().isEmpty())
            document.tokens.append({titles[i], texts.value(i)});
    }
    document.currentToken = m_inspector->currentInput();

    if (const auto at = m_inspector->evaluationTime())
        document.inspector.insert(QStringLiteral("evaluate_at"), at->toUTC().toString(Qt::ISODate));
    document.inspector.insert(QStringLiteral("tree"), m_inspector->isTreeMode());
    document.inspector.insert(QStringLiteral("tab"), InspectorWidget::tabName(m_inspector->currentTab()));
    const int keySource = m_inspector->verifyPanel()->keySource();
    if (keySource >= 0)
        document.inspector.insert(QStringLiteral("verify_key_source"), m_keyRing->at(keySource).id);

    m_session->store(document, secretsLeftOut);
    document.composer = m_composerPage ? m_composerPage->toWorkspaceJson() : m_pendingComposer;
    document.gateway = m_gatewayPage ? m_gatewayPage->toWorkspaceJson() : m_pendingGateway;
    document.page = static_cast<int>(currentPage());
    return document;
}

QJsonObject MainWindow::workspaceJson(QStringList *secretsLeftOut) const
{
    return WorkspaceFormat::toJson(workspaceDocument(secretsLeftOut));
}

common::Result<void> MainWindow::loadWorkspaceJson(const QJsonObject &workspace, WorkspaceOrigin origin)
{
    const auto document = WorkspaceFormat::fromJson(workspace);
    if (!document)
        return common::Error {document.error().code, workspaceErrorText(document.error()), document.error().details};
    return loadWorkspaceDocument(document.value(), origin);
}

common::Result<void> MainWindow::loadWorkspaceDocument(const WorkspaceDocument &document, WorkspaceOrigin origin)
{
    if (auto keys = m_session->load(document, origin); !keys)
        return keys;
    if (!document.id.isEmpty())
        m_workspaceId = document.id;
    m_inspector->setInputs(document.tokens, document.currentToken);

    const QJsonObject &inspector = document.inspector;
    const QString evaluateAt = inspector.value(QStringLiteral("evaluate_at")).toString();
    m_inspector->setEvaluationTime(
        evaluateAt.isEmpty() ? std::nullopt : std::optional<QDateTime>(QDateTime::fromString(evaluateAt, Qt::ISODate)));
    m_inspector->setTreeMode(inspector.value(QStringLiteral("tree")).toBool(false));
    if (const auto tab = InspectorWidget::tabFromName(inspector.value(QStringLiteral("tab")).toString()))
        m_inspector->showTab(*tab);
    // Older builds' pin of the Inspector (the session's key_choices hold it too): without one, the session's pin.
    if (const int keySource = m_keyRing->indexOf(inspector.value(QStringLiteral("verify_key_source")).toString());
        keySource >= 0)
        m_inspector->verifyPanel()->setKeySource(keySource);
    if (m_composerPage)
        m_composerPage->fromWorkspaceJson(document.composer);
    else
        m_pendingComposer = document.composer;
    if (m_gatewayPage) {
        m_gatewayPage->fromWorkspaceJson(document.gateway);
    } else {
        // What the page would say when it opens it, said now.
        const QString config = document.gateway.value(QLatin1String("config")).toString();
        if (!config.isEmpty() && !QFileInfo::exists(config))
            statusBar()->showMessage(
                tr("The workspace's KrakenD config %1 no longer exists").arg(QDir::toNativeSeparators(config)),
                kStatusMessageMs);
        m_pendingGateway = document.gateway;
        updateTitle();
    }
    if (document.page >= 0 && document.page <= static_cast<int>(Page::Composer))
        showPage(static_cast<Page>(document.page));
    if (!document.trustConflicts.isEmpty()) {
        statusBar()->showMessage(tr("Key sources of %1 had different TLS settings; the first source's settings now "
                                    "apply to all of them (Keys > Edit changes them)")
                                     .arg(document.trustConflicts.join(QStringLiteral(", "))),
            2 * kStatusMessageMs);
    }
    loadSecrets(document);
    return {};
}

bool MainWindow::openWorkspace(const QString &path)
{
    if (!gatewayMaybeSave())
        return false;
    const auto document = WorkspaceFormat::read(path, kMaxWorkspaceBytes);
    auto loaded = document ? loadWorkspaceDocument(document.value(), WorkspaceOrigin::File)
                           : common::Result<void>(document.error());
    if (!loaded) {
        const common::Error &error = loaded.error();
        const bool inside
            = error.is(common::ErrorCode::UnsupportedWorkspace) || error.is(common::ErrorCode::InvalidWorkspace);
        const QString text = workspaceErrorText(error);
        Dialogs::showError(this, tr("Cannot open workspace"),
            inside ? QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), text) : text);
        return false;
    }
    m_workspacePath = path;
    addRecentFile(path);
    updateTitle();
    // Nothing was fetched while it opened: one question for every remote source it lists.
    const int waiting = static_cast<int>(workspace::FetchPermission::waiting(*m_keyRing).size());
    if (waiting > 0 && !askToFetch(this, m_keyRing))
        statusBar()->showMessage(
            tr("%n remote key source(s) not fetched: Keys > Refresh fetches one", nullptr, waiting), kStatusMessageMs);
    return true;
}

bool MainWindow::saveWorkspace()
{
    if (m_workspacePath.isEmpty()) {
        const QString path = Dialogs::getSaveFileName(this, tr("Save Workspace"),
            tr("JWT Workbench workspace (*.jwb.json)"), QDir::home().filePath(QStringLiteral("workspace.jwb.json")));
        if (path.isEmpty())
            return false;
        return saveWorkspaceAs(path);
    }
    return saveWorkspaceAs(m_workspacePath);
}

bool MainWindow::saveWorkspaceAs(const QString &requested)
{
    QString path = requested;
    if (!path.endsWith(QLatin1String(".jwb.json"), Qt::CaseInsensitive) && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".jwb.json");
    QStringList leftOut;
    WorkspaceDocument document = workspaceDocument(&leftOut);
    bool toKeychain = false;
    if (!leftOut.isEmpty()) {
        const auto answer = Dialogs::question(this, tr("Secrets in this workspace"),
            tr("%1 of the key sources hold a secret or a private key. They are never written to the "
               "workspace file.\n\nKeep them in the system keychain, so that opening this workspace "
               "restores them?")
                .arg(leftOut.size()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        toKeychain = answer == QMessageBox::Yes;
        // Until the keychain confirms each one, the file says that none of them is stored anywhere.
        document.secretsNotStored = leftOut;
    }
    if (auto written = WorkspaceFormat::write(path, document); !written) {
        Dialogs::showError(this, tr("Cannot save workspace"), written.error().message);
        return false;
    }
    m_workspacePath = path;
    addRecentFile(path);
    updateTitle();
    statusBar()->showMessage(tr("Saved workspace %1").arg(QFileInfo(path).fileName()), kStatusMessageMs);
    if (toKeychain)
        storeSecrets(path, document, leftOut);
    return true;
}

void MainWindow::storeSecrets(const QString &path, const WorkspaceDocument &written, const QStringList &sourceIds)
{
    const QString prefix = m_workspaceId + u'/';
    auto waiting = std::make_shared<QStringList>();
    for (const QString &id : sourceIds) {
        const int index = m_keyRing->indexOf(id);
        if (index >= 0)
            waiting->append(prefix + id);
    }
    if (waiting->isEmpty())
        return;
    auto stored = std::make_shared<QStringList>();
    auto failed = std::make_shared<QStringList>();
    auto reasons = std::make_shared<QStringList>();
    auto *context = new QObject(this);
    connect(m_secrets, &SecretStore::done, context,
        [this, path, written, prefix, waiting, stored, failed, reasons, context](
            const QString &key, const QString &error) {
            if (!waiting->removeOne(key))
                return;
            const QString id = key.mid(prefix.size());
            if (error.isEmpty()) {
                stored->append(id);
            } else {
                failed->append(id);
                if (!reasons->contains(error))
                    reasons->append(error);
            }
            if (!waiting->isEmpty())
                return;
            context->deleteLater();
            if (!stored->isEmpty()) {
                // Only now may the file say that these secrets are in the keychain; a save made since then
                // (the file no longer holds what this one wrote) has its own answer.
                QFile file(path);
                if (file.open(QIODevice::ReadOnly) && file.readAll() == WorkspaceFormat::serialize(written)) {
                    file.close();
                    WorkspaceDocument updated = written;
                    updated.secretsInKeychain = *stored;
                    updated.secretsNotStored = *failed;
                    if (auto rewritten = WorkspaceFormat::write(path, updated); !rewritten) {
                        Dialogs::showError(this, tr("Secrets not recorded"),
                            tr("The secrets are in the system keychain, but the workspace file could not say so: "
                               "%1")
                                .arg(rewritten.error().message));
                        return;
                    }
                }
            }
            if (!failed->isEmpty()) {
                Dialogs::showError(this, tr("Secrets not stored"),
                    tr("The workspace was saved without %n of its secret(s): %1.\n\nThe file lists them as not "
                       "stored; paste them again after opening it.",
                        nullptr, static_cast<int>(failed->size()))
                        .arg(reasons->join(QStringLiteral("; "))));
            } else {
                statusBar()->showMessage(tr("Secrets stored in the system keychain."), kStatusMessageMs);
            }
        });
    for (const QString &key : std::as_const(*waiting)) {
        const KeySource &source = m_keyRing->at(m_keyRing->indexOf(key.mid(prefix.size())));
        const QString value = source.text.isEmpty() ? QString::fromLatin1(source.binary.toBase64()) : source.text;
        m_secrets->write(key, value);
    }
}

void MainWindow::loadSecrets(const WorkspaceDocument &document)
{
    const QString prefix = document.id + u'/';
    auto waiting = std::make_shared<QStringList>();
    for (const QString &id : document.secretsInKeychain) {
        const int index = m_keyRing->indexOf(id);
        if (index >= 0 && m_keyRing->at(index).text.isEmpty() && m_keyRing->at(index).binary.isEmpty())
            waiting->append(prefix + id);
    }
    if (waiting->isEmpty()) {
        reportMissingSecrets(QString());
        return;
    }
    auto reasons = std::make_shared<QStringList>();
    auto *context = new QObject(this);
    connect(m_secrets, &SecretStore::readDone, context,
        [this, prefix, waiting, reasons, context](const QString &key, const QString &value, const QString &error) {
            if (!waiting->removeOne(key))
                return;
            const int index = m_keyRing->indexOf(key.mid(prefix.size()));
            if (index >= 0 && error.isEmpty() && !value.isEmpty()) {
                KeySource source = m_keyRing->at(index);
                source.text = value;
                m_keyRing->update(index, source);
            } else if (index >= 0 && !error.isEmpty() && !reasons->contains(error)) {
                reasons->append(error);
            }
            if (!waiting->isEmpty())
                return;
            context->deleteLater();
            reportMissingSecrets(reasons->join(QStringLiteral("; ")));
        });
    for (const QString &key : std::as_const(*waiting))
        m_secrets->read(key);
}

void MainWindow::reportMissingSecrets(const QString &keychainError)
{
    // Every source that opened without its secret carries the same error (KeyRing::fromJson); one message
    // names them all, after whatever the opening itself says in the status bar.
    QStringList names;
    for (const KeySource &source : m_keyRing->sources()) {
        if (source.error && source.error->is(common::ErrorCode::SecretNotStored))
            names.append(source.name);
    }
    if (names.isEmpty())
        return;
    QString message
        = tr("%n key source(s) opened without their secret (not stored): %1", nullptr, static_cast<int>(names.size()))
              .arg(names.join(QStringLiteral(", ")));
    if (!keychainError.isEmpty())
        message += tr(" (%1)").arg(keychainError);
    QTimer::singleShot(0, this, [this, message] { statusBar()->showMessage(message, 2 * kStatusMessageMs); });
}

QString MainWindow::lastSessionPath()
{
    return workspace::Autosave::lastSessionPathIn(dataDir());
}

QString MainWindow::autosavePath()
{
    return workspace::Autosave::autosavePathIn(dataDir());
}

WorkspaceDocument MainWindow::sessionSnapshot() const
{
    WorkspaceDocument document = workspaceDocument();
    document.workspacePath = m_workspacePath;
    // Unsaved edits of the krakend.json are the work most worth recovering.
    if (gatewayModified())
        document.unsavedConfig = workspace::UnsavedConfig {m_gatewayPage->configPath(), m_gatewayPage->documentText()};
    return document;
}

bool MainWindow::saveLastSession()
{
    return m_autosave->saveLastSession().ok();
}

bool MainWindow::restoreLastSession()
{
    const auto last = m_autosave->lastSession();
    if (last && !last.value())
        return false;
    if (!last || !loadWorkspaceDocument(*last.value(), WorkspaceOrigin::OwnSession).ok()) {
        statusBar()->showMessage(tr("The last session could not be restored; starting afresh."), kStatusMessageMs);
        return false;
    }
    m_workspacePath = last.value()->workspacePath;
    updateTitle();
    reportWaitingSources();
    return true;
}

void MainWindow::reportWaitingSources()
{
    const int waiting = static_cast<int>(workspace::FetchPermission::waiting(*m_keyRing).size());
    if (waiting > 0)
        statusBar()->showMessage(
            tr("%n remote key source(s) still wait for your permission: Keys > Refresh fetches one", nullptr, waiting),
            kStatusMessageMs);
}

bool MainWindow::autosaveNow()
{
    return m_autosave->saveNow().ok();
}

bool MainWindow::offerRecovery()
{
    const auto recovery = m_autosave->pendingRecovery();
    if (!recovery)
        return false;
    const bool unsavedConfig = recovery->unsavedConfig.has_value();
    const auto answer = Dialogs::question(this, tr("Recover unsaved work?"),
        (unsavedConfig ? tr("JWT Workbench did not close normally. A copy of the session from %1, with unsaved "
                            "changes to a KrakenD configuration, was kept.\n\nRecover it?")
                       : tr("JWT Workbench did not close normally. A copy of the session from %1 was kept.\n\n"
                            "Recover it?"))
            .arg(recovery->savedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        m_autosave->discardRecovery();
        return false;
    }
    if (!loadWorkspaceDocument(*recovery, WorkspaceOrigin::OwnSession).ok())
        return false;
    m_workspacePath = recovery->workspacePath;
    if (unsavedConfig)
        gatewayPage()->restoreUnsaved(recovery->unsavedConfig->path, recovery->unsavedConfig->text);
    updateTitle();
    reportWaitingSources();
    return true;
}

// --- recent files, window state --------------------------------------------------------------------------

void MainWindow::addRecentFile(const QString &path)
{
    if (path.startsWith(u':'))
        return; // resources are not files a user can reopen
    Settings::addRecentFile(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = Settings::recentFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        auto *action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this, [this, path] {
                if (!QFile::exists(path)) {
                    Dialogs::showError(
                        this, tr("Cannot open file"), tr("%1 no longer exists.").arg(QDir::toNativeSeparators(path)));
                    Settings::removeRecentFile(path);
                    updateRecentMenu();
                    return;
                }
                openFile(path);
            });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            Settings::clearRecentFiles();
            updateRecentMenu();
        });
    }
}

void MainWindow::restoreWindowState()
{
    // The last geometry only where it fits (another monitor, another scale factor): else the fitted default.
    if (const QByteArray geometry = Settings::windowGeometry(); !geometry.isEmpty() && restoreGeometry(geometry)) {
        if (const QSize fitted = fitToScreen(size()); fitted != size())
            resize(fitted);
    }
    if (const QByteArray state = Settings::windowState(); !state.isEmpty())
        restoreState(state);
    if (const auto mode = Settings::theme(); mode && *mode != Theme::currentMode())
        setThemeMode(*mode, false);
}

void MainWindow::saveWindowState() const
{
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
}

void MainWindow::setThemeMode(Theme::Mode mode, bool remember)
{
    Theme::applyMode(mode);
    if (remember)
        Settings::setTheme(mode);
    for (QAction *action : m_themeGroup->actions()) {
        QString name = Theme::modeName(mode);
        name[0] = name[0].toUpper();
        action->setChecked(action->objectName() == QStringLiteral("actionTheme") + name);
    }
}

} // namespace jwb::ui
