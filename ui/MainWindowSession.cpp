#include "MainWindow.h"
#include "MainWindowInternal.h"

#include "common/AtomicFile.h"

#include "common/Dialogs.h"
#include "common/SecretStore.h"
#include "inspector/InspectorWidget.h"
#include "keys/FetchPermission.h"
#include "keys/FetchPrompt.h"
#include "keys/KeyRing.h"
#include "verify/VerifyPanel.h"

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
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <utility>

namespace jwb::ui {

using mainwindow::dataDir;
using mainwindow::kStatusMessageMs;

namespace {

constexpr int kWorkspaceVersion = 1;

QString tabName(InspectorWidget::Tab tab)
{
    switch (tab) {
    case InspectorWidget::Tab::Decoded:
        return QStringLiteral("decoded");
    case InspectorWidget::Tab::Claims:
        return QStringLiteral("claims");
    case InspectorWidget::Tab::Findings:
        return QStringLiteral("findings");
    case InspectorWidget::Tab::Signature:
        return QStringLiteral("signature");
    case InspectorWidget::Tab::Verify:
        return QStringLiteral("verify");
    }
    return QStringLiteral("decoded");
}

common::Result<QJsonObject> readWorkspaceFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return common::Result<QJsonObject>::failure(QStringLiteral("cannot_read"),
            QCoreApplication::translate("jwb::ui::MainWindow", "Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > MainWindow::kMaxWorkspaceBytes)
        return common::Result<QJsonObject>::failure(QStringLiteral("too_large"),
            QCoreApplication::translate("jwb::ui::MainWindow", "%1 is %2 MiB; a workspace is at most %3 MiB")
                .arg(path)
                .arg(file.size() / (1024 * 1024))
                .arg(MainWindow::kMaxWorkspaceBytes / (1024 * 1024)));
    const QByteArray bytes = file.readAll();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(error.offset);
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column = static_cast<int>(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return common::Result<QJsonObject>::failure(QStringLiteral("invalid_json"),
            QCoreApplication::translate("jwb::ui::MainWindow", "%1 is not valid JSON: %2 at line %3, column %4")
                .arg(QFileInfo(path).fileName(), error.errorString())
                .arg(line)
                .arg(column));
    }
    if (!doc.isObject() || !doc.object().contains(QLatin1String(common::FileKinds::kWorkspaceMarker)))
        return common::Result<QJsonObject>::failure(QStringLiteral("not_workspace"),
            QCoreApplication::translate("jwb::ui::MainWindow", "%1 is not a JWT Workbench workspace (no \"%2\" member)")
                .arg(QFileInfo(path).fileName(), QLatin1String(common::FileKinds::kWorkspaceMarker)));
    return doc.object();
}

} // namespace

// --- workspaces ------------------------------------------------------------------------------------------

QJsonObject MainWindow::workspaceJson(QStringList *secretsLeftOut) const
{
    QJsonObject workspace;
    workspace.insert(QLatin1String(common::FileKinds::kWorkspaceMarker), kWorkspaceVersion);
    workspace.insert(QStringLiteral("id"), m_workspaceId);
    workspace.insert(QStringLiteral("saved_at"), m_clock->now().toUTC().toString(Qt::ISODate));

    QJsonArray tokens;
    const QStringList titles = m_inspector->inputTitles();
    const QStringList texts = m_inspector->inputTexts();
    for (qsizetype i = 0; i < titles.size(); ++i) {
        if (texts.value(i).trimmed().isEmpty())
            continue;
        tokens.append(QJsonObject {{QStringLiteral("title"), titles[i]}, {QStringLiteral("text"), texts.value(i)}});
    }
    workspace.insert(QStringLiteral("tokens"), tokens);
    workspace.insert(QStringLiteral("current_token"), m_inspector->currentInput());

    QJsonObject inspector;
    if (const auto at = m_inspector->evaluationTime())
        inspector.insert(QStringLiteral("evaluate_at"), at->toUTC().toString(Qt::ISODate));
    inspector.insert(QStringLiteral("tree"), m_inspector->isTreeMode());
    inspector.insert(
        QStringLiteral("tab"), tabName(static_cast<InspectorWidget::Tab>(m_inspector->tabs()->currentIndex())));
    const int keySource = m_inspector->verifyPanel()->keySource();
    if (keySource >= 0)
        inspector.insert(QStringLiteral("verify_key_source"), m_keyRing->at(keySource).id);
    workspace.insert(QStringLiteral("inspector"), inspector);

    workspace.insert(QStringLiteral("keys"), m_keyRing->toJson(false, secretsLeftOut));
    workspace.insert(
        QStringLiteral("composer"), m_composerPage ? m_composerPage->toWorkspaceJson() : m_pendingComposer);
    workspace.insert(QStringLiteral("gateway"), m_gatewayPage ? m_gatewayPage->toWorkspaceJson() : m_pendingGateway);
    workspace.insert(QStringLiteral("page"), static_cast<int>(currentPage()));
    return workspace;
}

common::Result<void> MainWindow::loadWorkspaceJson(const QJsonObject &workspace, WorkspaceOrigin origin)
{
    const int version = workspace.value(QLatin1String(common::FileKinds::kWorkspaceMarker)).toInt(-1);
    if (version < 1 || version > kWorkspaceVersion)
        return common::Result<void>::failure(QStringLiteral("unsupported_workspace"),
            tr("workspace format %1 is not supported (this version reads format %2)")
                .arg(workspace.value(QLatin1String(common::FileKinds::kWorkspaceMarker)).toVariant().toString())
                .arg(kWorkspaceVersion));
    const QJsonValue tokens = workspace.value(QStringLiteral("tokens"));
    if (!tokens.isUndefined() && !tokens.isArray())
        return common::Result<void>::failure(QStringLiteral("invalid_workspace"), tr("\"tokens\" must be an array"));
    if (auto keys = m_keyRing->fromJson(workspace.value(QStringLiteral("keys")).toArray(), origin); !keys)
        return keys;

    m_workspaceId = workspace.value(QStringLiteral("id")).toString(m_workspaceId);
    QList<std::pair<QString, QString>> inputs;
    for (const QJsonValue &token : tokens.toArray()) {
        const QJsonObject entry = token.toObject();
        inputs.append({entry.value(QStringLiteral("title")).toString(QStringLiteral("token")),
            entry.value(QStringLiteral("text")).toString()});
    }
    m_inspector->setInputs(inputs, workspace.value(QStringLiteral("current_token")).toInt(0));

    const QJsonObject inspector = workspace.value(QStringLiteral("inspector")).toObject();
    const QString evaluateAt = inspector.value(QStringLiteral("evaluate_at")).toString();
    m_inspector->setEvaluationTime(
        evaluateAt.isEmpty() ? std::nullopt : std::optional<QDateTime>(QDateTime::fromString(evaluateAt, Qt::ISODate)));
    m_inspector->setTreeMode(inspector.value(QStringLiteral("tree")).toBool(false));
    for (const auto tab : {InspectorWidget::Tab::Decoded, InspectorWidget::Tab::Claims, InspectorWidget::Tab::Findings,
             InspectorWidget::Tab::Signature, InspectorWidget::Tab::Verify}) {
        if (tabName(tab) == inspector.value(QStringLiteral("tab")).toString())
            m_inspector->showTab(tab);
    }
    m_inspector->verifyPanel()->setKeySource(
        m_keyRing->indexOf(inspector.value(QStringLiteral("verify_key_source")).toString()));
    const QJsonObject composer = workspace.value(QStringLiteral("composer")).toObject();
    if (m_composerPage)
        m_composerPage->fromWorkspaceJson(composer);
    else
        m_pendingComposer = composer;
    const QJsonObject gateway = workspace.value(QStringLiteral("gateway")).toObject();
    if (m_gatewayPage) {
        m_gatewayPage->fromWorkspaceJson(gateway);
    } else {
        // What the page would say when it opens it, said now.
        const QString config = gateway.value(QLatin1String("config")).toString();
        if (!config.isEmpty() && !QFileInfo::exists(config))
            statusBar()->showMessage(
                tr("The workspace's KrakenD config %1 no longer exists").arg(QDir::toNativeSeparators(config)),
                kStatusMessageMs);
        m_pendingGateway = gateway;
        updateTitle();
    }
    const int page = workspace.value(QStringLiteral("page")).toInt(0);
    if (page >= 0 && page <= static_cast<int>(Page::Composer))
        showPage(static_cast<Page>(page));
    loadSecrets(workspace);
    return {};
}

bool MainWindow::openWorkspace(const QString &path)
{
    if (!gatewayMaybeSave())
        return false;
    const auto workspace = readWorkspaceFile(path);
    if (!workspace) {
        Dialogs::showError(this, tr("Cannot open workspace"), workspace.error().message);
        return false;
    }
    if (auto loaded = loadWorkspaceJson(workspace.value()); !loaded) {
        Dialogs::showError(this, tr("Cannot open workspace"),
            QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), loaded.error().message));
        return false;
    }
    m_workspacePath = path;
    addRecentFile(path);
    updateTitle();
    // Nothing was fetched while it opened: one question for every remote source it lists.
    const int waiting = static_cast<int>(FetchPermission::waiting(*m_keyRing).size());
    if (waiting > 0 && !askToFetch(this, m_keyRing))
        statusBar()->showMessage(
            tr("%n remote key source(s) not fetched: Keys > Refresh fetches one", nullptr, waiting), kStatusMessageMs);
    return true;
}

bool MainWindow::writeJsonFile(const QString &path, const QJsonObject &json, QString *error) const
{
    // Workspaces, the last session and the autosave hold bearer tokens: 0600 whatever the umask.
    if (auto written = common::AtomicFile::write(
            path, QJsonDocument(json).toJson(QJsonDocument::Indented), common::AtomicFile::Access::Secret);
        !written) {
        *error = written.error().message;
        return false;
    }
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
    QJsonObject workspace = workspaceJson(&leftOut);
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
        workspace.insert(QStringLiteral("secrets_not_stored"), QJsonArray::fromStringList(leftOut));
    }
    QString error;
    if (!writeJsonFile(path, workspace, &error)) {
        Dialogs::showError(this, tr("Cannot save workspace"), error);
        return false;
    }
    m_workspacePath = path;
    addRecentFile(path);
    updateTitle();
    statusBar()->showMessage(tr("Saved workspace %1").arg(QFileInfo(path).fileName()), kStatusMessageMs);
    if (toKeychain)
        storeSecrets(path, workspace, leftOut);
    return true;
}

void MainWindow::storeSecrets(const QString &path, const QJsonObject &written, const QStringList &sourceIds)
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
                const QByteArray before = QJsonDocument(written).toJson(QJsonDocument::Indented);
                if (file.open(QIODevice::ReadOnly) && file.readAll() == before) {
                    file.close();
                    QJsonObject updated = written;
                    updated.insert(QStringLiteral("secrets_in_keychain"), QJsonArray::fromStringList(*stored));
                    if (failed->isEmpty())
                        updated.remove(QStringLiteral("secrets_not_stored"));
                    else
                        updated.insert(QStringLiteral("secrets_not_stored"), QJsonArray::fromStringList(*failed));
                    QString writeError;
                    if (!writeJsonFile(path, updated, &writeError)) {
                        Dialogs::showError(this, tr("Secrets not recorded"),
                            tr("The secrets are in the system keychain, but the workspace file could not say so: "
                               "%1")
                                .arg(writeError));
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

void MainWindow::loadSecrets(const QJsonObject &workspace)
{
    const QJsonArray ids = workspace.value(QStringLiteral("secrets_in_keychain")).toArray();
    const QString prefix = workspace.value(QStringLiteral("id")).toString() + u'/';
    auto waiting = std::make_shared<QStringList>();
    for (const QJsonValue &id : ids) {
        const int index = m_keyRing->indexOf(id.toString());
        if (index >= 0 && m_keyRing->at(index).text.isEmpty() && m_keyRing->at(index).binary.isEmpty())
            waiting->append(prefix + id.toString());
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
        if (source.error.startsWith(QLatin1String("secret_not_stored:")))
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
    return dataDir() + QStringLiteral("/last-session.jwb.json");
}

QString MainWindow::autosavePath()
{
    return dataDir() + QStringLiteral("/autosave.jwb.json");
}

bool MainWindow::saveLastSession()
{
    QJsonObject workspace = workspaceJson();
    workspace.insert(QStringLiteral("workspace_path"), m_workspacePath);
    QString error;
    return writeJsonFile(lastSessionPath(), workspace, &error);
}

bool MainWindow::restoreLastSession()
{
    if (!QFile::exists(lastSessionPath()))
        return false;
    const auto workspace = readWorkspaceFile(lastSessionPath());
    if (!workspace || !loadWorkspaceJson(workspace.value(), WorkspaceOrigin::OwnSession).ok()) {
        statusBar()->showMessage(tr("The last session could not be restored; starting afresh."), kStatusMessageMs);
        return false;
    }
    m_workspacePath = workspace->value(QStringLiteral("workspace_path")).toString();
    updateTitle();
    reportWaitingSources();
    return true;
}

void MainWindow::reportWaitingSources()
{
    const int waiting = static_cast<int>(FetchPermission::waiting(*m_keyRing).size());
    if (waiting > 0)
        statusBar()->showMessage(
            tr("%n remote key source(s) still wait for your permission: Keys > Refresh fetches one", nullptr, waiting),
            kStatusMessageMs);
}

bool MainWindow::autosaveNow()
{
    QJsonObject workspace = workspaceJson();
    workspace.insert(QStringLiteral("workspace_path"), m_workspacePath);
    // Unsaved edits of the krakend.json are the work most worth recovering.
    if (gatewayModified()) {
        workspace.insert(QStringLiteral("unsaved_config"),
            QJsonObject {{QStringLiteral("path"), m_gatewayPage->configPath()},
                {QStringLiteral("text"), QString::fromUtf8(m_gatewayPage->documentText())}});
    }
    QString error;
    return writeJsonFile(autosavePath(), workspace, &error);
}

bool MainWindow::offerRecovery()
{
    if (!QFile::exists(autosavePath()))
        return false;
    const auto workspace = readWorkspaceFile(autosavePath());
    if (!workspace) {
        QFile::remove(autosavePath());
        return false;
    }
    const QString when = workspace->value(QStringLiteral("saved_at")).toString();
    const bool unsavedConfig = workspace->contains(QStringLiteral("unsaved_config"));
    const auto answer = Dialogs::question(this, tr("Recover unsaved work?"),
        (unsavedConfig ? tr("JWT Workbench did not close normally. A copy of the session from %1, with unsaved "
                            "changes to a KrakenD configuration, was kept.\n\nRecover it?")
                       : tr("JWT Workbench did not close normally. A copy of the session from %1 was kept.\n\n"
                            "Recover it?"))
            .arg(QDateTime::fromString(when, Qt::ISODate).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        QFile::remove(autosavePath());
        return false;
    }
    if (!loadWorkspaceJson(workspace.value(), WorkspaceOrigin::OwnSession).ok())
        return false;
    m_workspacePath = workspace->value(QStringLiteral("workspace_path")).toString();
    if (unsavedConfig) {
        const QJsonObject config = workspace->value(QStringLiteral("unsaved_config")).toObject();
        gatewayPage()->restoreUnsaved(
            config.value(QStringLiteral("path")).toString(), config.value(QStringLiteral("text")).toString().toUtf8());
    }
    updateTitle();
    reportWaitingSources();
    return true;
}

// --- recent files, window state --------------------------------------------------------------------------

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    if (path.startsWith(u':'))
        return; // resources are not files a user can reopen
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        auto *action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this, [this, path] {
                if (!QFile::exists(path)) {
                    Dialogs::showError(
                        this, tr("Cannot open file"), tr("%1 no longer exists.").arg(QDir::toNativeSeparators(path)));
                    QStringList remaining = recentFiles();
                    remaining.removeAll(path);
                    QSettings().setValue(QStringLiteral("recentFiles"), remaining);
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
            QSettings().remove(QStringLiteral("recentFiles"));
            updateRecentMenu();
        });
    }
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.value(QStringLiteral("window/state")).toByteArray(); !state.isEmpty())
        restoreState(state);
    if (const auto mode = Theme::modeFromName(settings.value(QStringLiteral("theme")).toString());
        mode && *mode != Theme::currentMode())
        setThemeMode(*mode, false);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::setThemeMode(Theme::Mode mode, bool remember)
{
    Theme::applyMode(mode);
    if (remember)
        QSettings().setValue(QStringLiteral("theme"), Theme::modeName(mode));
    for (QAction *action : m_themeGroup->actions()) {
        QString name = Theme::modeName(mode);
        name[0] = name[0].toUpper();
        action->setChecked(action->objectName() == QStringLiteral("actionTheme") + name);
    }
}

} // namespace jwb::ui
